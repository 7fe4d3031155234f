"""Warning boxes printed once: a box with a ``purpose`` is left out of a handout whose safety section
(red-flags) has a box for the same purpose, and read back from the PDF to show it; without red-flags,
and for boxes without a purpose (an exercise's "Stop if"), every box prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.api import list_sections
from builder.content import Callout, Section
from builder.safety import without_repeated_boxes
from conftest import build_own_section, page_texts, run

LIBRARY = list_sections()
EMERGENCY = "Call emergency services now if"
DOCTOR = "Call your doctor soon if"
EMERGENCIA = "Llame a emergencias ahora mismo si"
MEDICO = "Llame pronto a su médico si"
UPPER_BACK_ONLY = "You have chest pain, or back pain with shortness of breath or sweating."
RED_FLAGS_ONLY = "Do not drive yourself."
MARKED = {  # the bundled boxes that repeat a red-flags box: the decision, box by box, pinned here
    "red-flags": [(EMERGENCY, "emergency"), (DOCTOR, "doctor")],
    "upper-back-pain": [(EMERGENCY, "emergency"), (DOCTOR, "doctor")],
    "spasms": [(EMERGENCY, "emergency"), (DOCTOR, "doctor")],
    "neck-care": [(DOCTOR, "doctor")],
}
DESK_WORK = """\
id: desk-work
title: Set up your desk
kind: tips
summary: A desk that is kind to your back.
blocks:
  - paragraph: Sit with your feet flat on the floor.
  - callout:
      style: stop
      purpose: {purpose}
      title: Call 911 now if
      bullets:
        - You have chest pain at your desk.
"""
OWN_RED_FLAGS = """\
id: red-flags
title: When to call us
kind: safety
summary: Our own warning signs.
blocks:
  - callout:
      style: stop
{purpose}      title: Call 999 at once if
      bullets:
        - You have chest pain.
"""


def words(path: Path) -> str:
    """The whole PDF's text with line breaks and runs of spaces folded, so a wrapped line still matches;
    a box's title repeated where the box breaks across pages ("... (continued)") is left out, as it
    prints the same box once more, not another box."""
    text = " ".join(" ".join(page_texts(path)).split())
    return re.sub(r"\S[^.:]*? \((continued|continuación)\)", "", text)


def build(*args: str) -> str:
    result = run("build", "-o", "handout.pdf", *args)
    assert result.exit_code == 0, result.output
    return words(Path("handout.pdf"))


def boxes(section: Section) -> list[tuple[str, str | None]]:
    return [(b.title, b.purpose) for b in section.blocks if isinstance(b, Callout)]


def test_upper_back_pain_with_red_flags_prints_each_warning_box_once(workdir: Path) -> None:
    text = build("-s", "upper-back-pain,red-flags")
    assert text.count(EMERGENCY) == 1
    assert text.count(DOCTOR) == 1
    assert RED_FLAGS_ONLY in text  # the full version is the one kept
    assert UPPER_BACK_ONLY not in text
    assert "Understand your upper back pain" in text  # the section itself stays


def test_upper_back_pain_alone_keeps_its_warning_boxes(workdir: Path) -> None:
    text = build("-s", "upper-back-pain")
    assert text.count(EMERGENCY) == 1
    assert text.count(DOCTOR) == 1
    assert UPPER_BACK_ONLY in text


def test_an_exercises_stop_box_stays_with_red_flags(workdir: Path) -> None:
    text = build("-s", "chin-tuck,dislocates,red-flags")
    assert text.count("Stop the exercise and tell your therapist if you get any of these.") == 1
    assert "Do not do this exercise if" in text
    assert text.count(EMERGENCY) == 1


def test_a_box_with_warnings_of_its_own_stays_and_a_repeated_one_goes(workdir: Path) -> None:
    text = build("-s", "neck-care,red-flags")
    assert "Get help right away if" in text  # a headache with fever: the neck's own warning
    assert "You have a fever, a bad headache" in text
    assert text.count(DOCTOR) == 1  # neck-care's doctor box repeats the red-flags one


def test_every_bundled_box_that_repeats_red_flags_says_so_in_both_languages() -> None:
    def marked(lang: str) -> dict[str, list[tuple[str, str | None]]]:
        sections = LIBRARY.in_language(lang).items()
        found = {section_id: [box for box in boxes(section) if box[1]] for section_id, section in sections}
        return {section_id: found for section_id, found in found.items() if found}

    assert marked("en") == MARKED
    assert {i: [p for _, p in found] for i, found in marked("es").items()} == {
        i: [p for _, p in found] for i, found in MARKED.items()
    }


@pytest.mark.parametrize("section_id", sorted(LIBRARY.sections))
def test_with_red_flags_only_the_boxes_with_a_purpose_go(section_id: str) -> None:
    chosen = LIBRARY.select([section_id, "red-flags"])
    kept = without_repeated_boxes(chosen)
    assert kept[-1] == chosen[-1]  # red-flags itself keeps every box
    if section_id != "red-flags":
        assert boxes(kept[0]) == [box for box in boxes(chosen[0]) if box[1] is None]
        assert all(not isinstance(b, Callout) or b.purpose is None for b in kept[0].blocks)
    assert without_repeated_boxes(chosen[:1]) == chosen[:1]  # alone, nothing goes


def test_a_clinics_own_box_with_a_purpose_goes_when_red_flags_is_in_the_handout(workdir: Path) -> None:
    result = build_own_section("desk-work", DESK_WORK.format(purpose="emergency"), "desk-work,red-flags")
    assert result.exit_code == 0, result.output
    text = words(Path("output/handout.pdf"))
    assert "Call 911 now if" not in text
    assert "Sit with your feet flat on the floor." in text
    assert text.count(EMERGENCY) == 1
    alone = build("--content", "content", "-s", "desk-work")
    assert "Call 911 now if" in alone and EMERGENCY not in alone


def test_a_clinics_own_red_flags_with_purposes_stands_in_for_the_other_boxes(workdir: Path) -> None:
    own = OWN_RED_FLAGS.format(purpose="      purpose: emergency\n")
    result = build_own_section("red-flags", own, "upper-back-pain,red-flags")
    assert result.exit_code == 0, result.output
    text = words(Path("output/handout.pdf"))
    assert "Call 999 at once if" in text
    assert EMERGENCY not in text and UPPER_BACK_ONLY not in text
    assert text.count(DOCTOR) == 1  # its red-flags has no doctor box, so upper-back-pain's stays


def test_a_clinics_own_red_flags_without_purposes_leaves_every_box(workdir: Path) -> None:
    result = build_own_section("red-flags", OWN_RED_FLAGS.format(purpose=""), "upper-back-pain,red-flags")
    assert result.exit_code == 0, result.output
    text = words(Path("output/handout.pdf"))
    assert "Call 999 at once if" in text and UPPER_BACK_ONLY in text


@pytest.mark.parametrize(("value", "hint"), [("urgent", ""), ("emergancy", " (did you mean 'emergency'?)")])
def test_a_purpose_not_in_the_list_is_named_with_its_line(workdir: Path, value: str, hint: str) -> None:
    result = build_own_section("desk-work", DESK_WORK.format(purpose=value), "desk-work")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: content/desk-work.yaml:9: blocks[1].callout.purpose: '{value}' is not one of"
        f" emergency, doctor{hint}\n"
    )
    assert not Path("output").exists()


def test_in_spanish_each_warning_box_prints_once_with_red_flags(workdir: Path) -> None:
    both = build("-s", "upper-back-pain,spasms,red-flags", "--lang", "es")
    assert both.count(EMERGENCIA) == 1
    assert both.count(MEDICO) == 1
    alone = build("-s", "upper-back-pain", "--lang", "es")
    assert alone.count(EMERGENCIA) == 1
    assert alone.count(MEDICO) == 1


def test_an_english_section_printed_as_a_fallback_loses_its_box_to_the_spanish_red_flags(
    workdir: Path,
) -> None:
    Path("content").mkdir()
    Path("content/desk-work.yaml").write_text(DESK_WORK.format(purpose="emergency"))
    text = build("--content", "content", "-s", "desk-work,red-flags", "--lang", "es", "--fallback", "en")
    assert "Call 911 now if" not in text and "Sit with your feet flat on the floor." in text
    assert text.count(EMERGENCIA) == 1


def test_a_translation_that_leaves_out_a_purpose_is_named(workdir: Path) -> None:
    Path("content/es").mkdir(parents=True)
    Path("content/desk-work.yaml").write_text(DESK_WORK.format(purpose="emergency"))
    spanish = DESK_WORK.format(purpose="emergency").replace("      purpose: emergency\n", "")
    Path("content/es/desk-work.yaml").write_text(spanish.replace("Call 911 now if", "Llame al 911 si"))
    message = (
        "content/es/desk-work.yaml: blocks[1].callout: purpose: none, but emergency in"
        " content/desk-work.yaml; a translation keeps its source's purpose"
    )
    result = run("build", "--content", "content", "-s", "desk-work,red-flags", "--lang", "es")
    assert result.exit_code == 1
    assert result.output == f"Error: {message}\n"
    checked = run("check", "--content", "content")
    assert checked.exit_code == 1
    assert f"Error: {message}\n" in checked.output


def test_a_booklet_prints_the_red_flags_boxes_once_and_its_back_cover(workdir: Path) -> None:
    result = run("booklet", "-s", "upper-back-pain,spasms,red-flags", "-o", "both.pdf")
    assert result.exit_code == 0, result.output
    assert run("booklet", "-s", "red-flags", "-o", "red-flags.pdf").exit_code == 0
    both, red_flags = words(Path("both.pdf")), words(Path("red-flags.pdf"))
    assert both.count(EMERGENCY) == red_flags.count(EMERGENCY)  # the section's box and the back cover's
    assert both.count(DOCTOR) == 1
    assert UPPER_BACK_ONLY not in both
