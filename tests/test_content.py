"""The bundled library itself: valid, illustrated, and written for patients (US grade 8 or below)."""

from __future__ import annotations

import pytest

from builder.content import Figures, Steps
from builder.layout.markup import inline
from builder.library import load_library
from builder.plain_language import read
from builder.translations import compare_translations
from builder.yamlfile import parse_yaml

LIBRARY = load_library()


@pytest.mark.parametrize("section_id", sorted(LIBRARY.sections))
def test_bundled_section_reads_at_grade_8_or_below_with_nothing_to_change(section_id: str) -> None:
    reading = read(LIBRARY.sections[section_id])
    assert reading.grade <= 8, f"{section_id} reads at grade {reading.grade}"
    assert reading.warnings == ()


@pytest.mark.parametrize("section_id", sorted(LIBRARY.in_language("es")))
def test_bundled_spanish_section_reads_easily_and_keeps_to_its_source(section_id: str) -> None:
    spanish, english = LIBRARY.in_language("es")[section_id], LIBRARY.in_language("en")[section_id]
    reading = read(spanish)
    assert reading.ease is not None and reading.ease >= 65, f"{section_id} reads at {reading.ease}"
    assert reading.warnings == ()
    assert [image.path for image in spanish.images] == [image.path for image in english.images]
    assert all(es.alt != en.alt for es, en in zip(spanish.images, english.images, strict=True))
    assert spanish.title != english.title and spanish.version == english.version


def test_every_bundled_section_has_a_spanish_translation_that_matches_it() -> None:
    report = compare_translations(LIBRARY)
    assert report.missing == {"es": []}
    assert report.problems == [] and report.warnings == []


def test_every_exercise_step_and_sleep_position_is_illustrated() -> None:
    for section in LIBRARY.sections.values():
        for block in section.blocks:
            if isinstance(block, Steps) and section.kind == "exercise":
                assert all(step.image and step.image.alt for step in block.steps), section.id
    (positions,) = [b for b in LIBRARY.sections["sleep"].blocks if isinstance(b, Figures)]
    assert [f.verdict for f in positions.figures] == ["do", "do", "avoid"]
    (movement,) = [b for b in LIBRARY.sections["dislocates"].blocks if isinstance(b, Steps)]
    assert [s.image.path.name for s in movement.steps if s.image] == [
        "dislocates-1-start.svg",
        "dislocates-2-overhead.svg",
        "dislocates-3-behind.svg",
        "dislocates-4-return.svg",
    ]


def test_inline_markup_escapes_everything_but_bold_and_italic() -> None:
    assert inline("**Stop** if *sharp* pain & <numbness>") == (
        "<b>Stop</b> if <i>sharp</i> pain &amp; &lt;numbness&gt;"
    )
    assert inline("2 * 3 * 4, a*b, and a lone *") == "2 * 3 * 4, a*b, and a lone *"
    assert inline("***both*** and **bold *in* bold**") == (
        "<b><i>both</i></b> and <b>bold <i>in</i> bold</b>"
    )
    assert inline("**a *b** c*") == "**a *b** c*"  # overlapping marks stay as typed


def test_yaml_lines_are_kept_for_messages() -> None:
    located = parse_yaml("id: x\nblocks:\n  - paragraph: a\n  - steps:\n      - text: b\n")
    assert located.line(("blocks", 1, "steps", 0, "text")) == 5
    assert located.line(("blocks", 0, "missing")) == 3
