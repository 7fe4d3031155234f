"""Content governance: each section's version, reviewer and review dates, printed as a leaflet reference
and "Reviewed ..., next review ..." in the footer; `check` warns about a section past its review."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from conftest import page_texts, run

SECTION = """\
id: {id}
title: Walk every day
kind: tips
summary: Walking.
version: "{version}"
reviewed: {reviewed}
{extra}blocks:
  - paragraph: Walk a little every day.
"""


def words(text: str) -> str:
    return " ".join(text.split())


def write(folder: Path, section_id: str, reviewed: str, version: str = "2", extra: str = "") -> None:
    content = folder / "content"
    content.mkdir(exist_ok=True)
    text = SECTION.format(id=section_id, version=version, reviewed=reviewed, extra=extra)
    (content / f"{section_id}.yaml").write_text(text)


def test_the_footer_says_when_the_handout_was_reviewed_and_its_reference(workdir: Path) -> None:
    write(workdir, "walking", "2026-03", extra="reviewed_by: Sam Lee, physiotherapist\n")
    assert run("build", "--content", "content", "-s", "walking,sleep").exit_code == 0
    footer = words(page_texts(workdir / "output" / "handout.pdf")[0])
    # the oldest review (walking, 2026-03) and the soonest next one (three years after it)
    assert "Reviewed Mar 2026, next review Mar 2029. Ref: walking v2, sleep v1." in footer


def test_a_next_review_can_be_set_and_must_come_after_the_review(workdir: Path) -> None:
    write(workdir, "walking", "2026-03", extra="next_review: 2027-03\n")
    write(workdir, "resting", "2026-03", extra="next_review: 2025-01\n")
    write(workdir, "sitting", "2026-3")
    result = run("build", "--content", "content", "-s", "walking")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: content/resting.yaml:7: next_review: '2025-01' must come after reviewed: 2026-03",
        "Error: content/sitting.yaml:6: reviewed: '2026-3' must be a year and month like 2026-11",
    ]


def test_check_warns_about_a_section_past_its_review(workdir: Path, caplog: pytest.LogCaptureFixture) -> None:
    write(workdir, "walking", "2020-01")
    with caplog.at_level(logging.WARNING):
        result = run("check", "--content", "content")
    assert result.exit_code == 0
    assert caplog.messages == [
        "content/walking.yaml: was due for review in January 2023; check it against current practice, then"
        " update reviewed: and next_review:"
    ]
