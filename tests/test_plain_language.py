"""`handout check` on plain language and safety: each finding asserted exactly, from small fixture
sections with one mistake each; --strict and --format json."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from conftest import run

HARD = (
    "id: hard\ntitle: Musculoskeletal considerations\nkind: info\nsummary: Hard words.\nblocks:\n"
    "  - paragraph: Considerable musculoskeletal deterioration necessitates comprehensive"
    " physiotherapeutic intervention, particularly regarding cervical mobility.\n"
)
LONG = (
    "id: long\ntitle: Walk\nkind: tips\nsummary: A long sentence.\nblocks:\n"
    "  - paragraph: Walk a little every day and rest when you need to and then walk a bit more and then"
    " rest again until you feel that you can walk a bit further than before.\n"
)
JARGON = """\
id: jargon
title: Ease it
kind: tips
summary: A medical word.
blocks:
  - paragraph: Ice can ease the inflammation.
  - paragraph: Pain for a long time is called chronic pain.
"""
NO_STOP = """\
id: no-stop
title: Reach up
kind: exercise
summary: An exercise without a stop box.
blocks:
  - paragraph: Reach up slowly.
"""


def content(folder: Path, **sections: str) -> None:
    (folder / "content").mkdir()
    for name, text in sections.items():
        (folder / "content" / f"{name}.yaml").write_text(text)


FINDINGS = [
    "content/hard.yaml: reads at grade 41.2, above the target of 8; use shorter sentences and everyday words",
    "content/hard.yaml: 'musculoskeletal' is a medical word; say 'muscles and bones', or explain it",
    "content/hard.yaml: 'cervical' is a medical word; say 'neck', or explain it",
    "content/hard.yaml: 'intervention' is a medical word; say 'treatment', or explain it",
    "content/jargon.yaml: 'inflammation' is a medical word; say 'swelling', or explain it",
    "content/long.yaml: reads at grade 11.9, above the target of 8; use shorter sentences and everyday words",
    "content/long.yaml: a sentence of 33 words ('Walk a little every day and ...'); split it in two",
    "content/no-stop.yaml: an exercise needs a box saying when to stop; add a callout with style: stop",
]


def test_check_names_each_plain_language_and_safety_finding(
    workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    content(workdir, hard=HARD, long=LONG, jargon=JARGON, **{"no-stop": NO_STOP})
    with caplog.at_level(logging.WARNING):
        result = run("check", "--content", "content")
    assert result.exit_code == 0, result.output  # warnings, not problems
    assert sorted(caplog.messages) == sorted(FINDINGS)
    table = result.stdout.split("\n\n")[1].splitlines()
    assert table[0].split() == ["Section", "Language", "Grade", "SMOG", "INFLESZ", "Words"]
    assert [row.split()[:2] for row in table if row.startswith(("hard", "sleep"))] == [
        ["hard", "en"],
        ["sleep", "en"],
        ["sleep", "es"],
    ]


def test_strict_fails_on_warnings(workdir: Path) -> None:
    content(workdir, long=LONG)
    result = run("check", "--content", "content", "--strict")
    assert result.exit_code == 1
    assert (
        result.output.splitlines()[-1] == "Error: 2 warnings above; with --strict, a warning is a problem too"
    )


def test_strict_passes_the_bundled_library(workdir: Path) -> None:
    result = run("check", "--strict")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("No problems found: handouts will build.\n")


def test_json_gives_the_same_findings(workdir: Path) -> None:
    content(workdir, jargon=JARGON)
    result = run("check", "--content", "content", "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["warnings"] == [
        "content/jargon.yaml: 'inflammation' is a medical word; say 'swelling', or explain it"
    ]
    assert report["problems"] == []
    row = next(row for row in report["sections"] if row["id"] == "jargon")
    assert row["language"] == "en" and row["file"] == "content/jargon.yaml" and row["words"] == 16
    assert report["clinic"]["Sections"].endswith(" bundled; your own: jargon")
    strict = run("check", "--content", "content", "--format", "json", "--strict")
    assert strict.exit_code == 1 and json.loads(strict.stdout)["warnings"]


def test_a_handout_with_exercises_but_no_warning_signs_is_warned_about(
    workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        assert run("build", "-s", "dislocates", "-o", "a.pdf").exit_code == 0
        assert run("build", "-s", "dislocates,red-flags", "-o", "b.pdf").exit_code == 0
        assert run("booklet", "-s", "dislocates", "-o", "c.pdf").exit_code == 0  # its back cover has them
    assert caplog.messages == [
        "this handout has exercises but no warning signs; add the section red-flags so the patient knows"
        " when to stop and get help"
    ]
