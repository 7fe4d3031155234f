"""YAML files a clinic's folder can end up with that no editor meant: nested aliases that expand to
gigabytes (the "billion laughs"), a control byte pasted from another program, a file far too big to be
a section. Each ends in one line naming the file, the line and what to do, at once, with nothing
written."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import build_own_section, run

SECTION_HEAD = "id: {id}\ntitle: A title\nkind: tips\nsummary: A summary.\nreviewed: 2026-11\n"
SECONDS = 5


def laughs(key: str = "laughs") -> str:
    """Nine levels of nine aliases each: a few hundred bytes that stand for 387 million strings."""
    lines = [f'{key}:\n  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 9):
        before, name = chr(96 + level), chr(97 + level)
        lines.append(f"  {name}: &{name} [{', '.join([f'*{before}'] * 9)}]")
    return "\n".join(lines) + "\n"


def timed(build: object) -> tuple[object, float]:
    start = time.perf_counter()
    result = build() if callable(build) else build
    return result, time.perf_counter() - start


@pytest.mark.usefixtures("workdir")
@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "bomb",
            SECTION_HEAD.format(id="bomb") + laughs() + "blocks:\n  - paragraph: Walk.\n",
            "Error: content/bomb.yaml:8: '*a' repeats text from elsewhere in the file (a YAML alias),"
            " which these files do not use; write the text out, or put text that starts with * in quotes",
        ),
        (
            "bell",
            SECTION_HEAD.format(id="bell").replace("A title", "A \x07title") + "blocks:\n  - paragraph: W\n",
            "Error: content/bell.yaml:2: the file holds a control character (U+0007), which cannot be"
            " printed; delete it",
        ),
        (
            "nul",
            SECTION_HEAD.format(id="nul") + "blocks:\n  - paragraph: Walk\x00 daily.\n",
            "Error: content/nul.yaml:7: the file holds a control character (U+0000), which cannot be"
            " printed; delete it",
        ),
        (
            "escape",
            SECTION_HEAD.format(id="escape") + "blocks:\n  - paragraph: \x1b[31mWalk.\n",
            "Error: content/escape.yaml:7: the file holds a control character (U+001B), which cannot be"
            " printed; delete it",
        ),
        (
            "huge",
            SECTION_HEAD.format(id="huge")
            + "blocks:\n"
            + "  - paragraph: Walk a little every day.\n" * 40_000,
            "Error: content/huge.yaml: the file is 1.6 MB, more than the 1 MB a section or clinic"
            " file may be",
        ),
    ],
)
def test_a_hostile_section_is_refused_in_one_line_at_once(name: str, text: str, expected: str) -> None:
    result, seconds = timed(lambda: build_own_section(name, text, name))
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == expected
    assert "Traceback" not in result.output
    assert seconds < SECONDS
    assert not Path("output").exists()


def test_an_alias_bomb_in_clinic_yaml_is_refused_at_once(workdir: Path) -> None:
    assert run("init", "clinic").exit_code == 0
    clinic = workdir / "clinic" / "clinic.yaml"
    before = clinic.read_text()
    clinic.write_text(before + laughs("extra"))
    line = before.count("\n") + 3
    result, seconds = timed(lambda: run("build", "--clinic", "clinic", "-s", "sleep", "-o", "out.pdf"))
    assert result.exit_code == 1
    assert f"clinic/clinic.yaml:{line}: '*a' repeats text from elsewhere" in result.output
    assert seconds < SECONDS
    assert not (workdir / "out.pdf").exists()


def test_text_that_only_looks_like_an_alias_is_still_text(workdir: Path) -> None:
    """A star in quotes, or inside a line, is words to print, not an alias."""
    text = SECTION_HEAD.format(id="stars") + 'blocks:\n  - paragraph: "*Every* day, 3 * 10 reps."\n'
    result = build_own_section("stars", text, "stars")
    assert result.exit_code == 0, result.output
