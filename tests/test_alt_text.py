"""Alt text worth the name: the judge (builder/alt_text.py) on each kind of weak alt and on good alt from
our own sections, every bundled section passing it, and `handout check` warning about a clinic's own."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from builder.alt_text import alt_warnings, example_alt, weak_alt
from builder.content import Section
from builder.library import load_library
from conftest import run

EXAMPLE = '; say what the picture shows, e.g. "A person sitting tall on a chair, looking straight ahead"'
SPANISH_EXAMPLE = (
    '; say what the picture shows, e.g. "Una persona sentada derecha en una silla, mirando al frente"'
)


@pytest.mark.parametrize(
    ("alt", "reason"),
    [
        ("IMG_2041.jpg", "is a file name, not a description"),
        ("step1.png", "is a file name, not a description"),
        ("Shoulder Stretch.JPEG", "is a file name, not a description"),
        ("shoulder_stretch", "looks like a file name, not a description"),
        ("shoulder-stretch", "looks like a file name, not a description"),
        ("step1", "looks like a file name, not a description"),
        ("DSC0012", "looks like a file name, not a description"),
        ("images/side", "looks like a file name, not a description"),
        ("image", "is a placeholder, not a description"),
        ("Picture", "is a placeholder, not a description"),
        ("photo", "is a placeholder, not a description"),
        ("IMG", "is a placeholder, not a description"),
        ("Figure 2", "is a placeholder, not a description"),
        ("graphic", "is a placeholder, not a description"),
        ("illustration", "is a placeholder, not a description"),
        ("alt", "is a placeholder, not a description"),
        ("TODO", "is a placeholder, not a description"),
        ("TODO: photo of the stretch", "is a placeholder, not a description"),
        ("tbd", "is a placeholder, not a description"),
        ("XXX", "is a placeholder, not a description"),
        ("...", "is only digits or punctuation, not a description"),
        ("2041", "is only digits or punctuation, not a description"),
        ("- -", "is only digits or punctuation, not a description"),
        ("Ok", "is too short to describe anything"),
        ("a", "is too short to describe anything"),
    ],
)
def test_each_kind_of_weak_alt_is_named(alt: str, reason: str) -> None:
    assert weak_alt(alt, None, "en") == reason + EXAMPLE


@pytest.mark.parametrize("alt", ["imagen", "Foto", "dibujo", "ilustración", "Ilustracion", "FOTOGRAFÍA"])
def test_spanish_placeholders_are_caught_and_the_example_is_in_spanish(alt: str) -> None:
    assert weak_alt(alt, "Siéntese derecho.", "es") == "is a placeholder, not a description" + SPANISH_EXAMPLE


def test_alt_that_repeats_the_step_or_caption_is_caught_whatever_its_case_and_marks() -> None:
    step = "Sit **tall** at your desk."
    assert weak_alt("sit tall at your desk", step, "en") == (
        "repeats the text printed with it, so a screen reader reads the same words twice;"
        ' say what the picture shows, e.g. "A person sitting tall at their desk"'
    )
    assert weak_alt("De lado", "De lado.", "es") is not None
    assert weak_alt("A person sitting tall at a desk", step, "en") is None  # says more than the step


@pytest.mark.parametrize(
    "alt",
    [  # from our bundled sections, and a few short ones that still describe
        "A person standing, holding a stick at arm's length in front of the thighs.",
        "A person lying on their side with a pillow under the head and a pillow between the knees.",
        "A person lying face down on their stomach with the head turned to one side.",
        "Front view of a person holding a stick with the hands much wider than the shoulders.",
        "A person sitting tall with the head drawn straight back. A dotted circle shows where the head"
        " started.",
        "A person standing in a doorway, seen from the side, with a forearm up against the door frame and an"
        " arrow in front of the chest pointing forward.",
        "The same person with the upper back arched gently back over the roller.",
        "A person sitting tall on a stool, seen from the side, gently looking up.",
        "Una persona acostada boca abajo, con la cabeza volteada hacia un lado.",
        "Una persona sentada derecha en un banco, vista de lado. Mira hacia arriba con suavidad.",
        "Vista de frente de una persona que sostiene un palo con las manos mucho más separadas que los"
        " hombros.",
        "Una persona con los brazos rectos sube el palo en forma de arco por encima de la cabeza.",
        "A woman lying on her side",
        "Photo of a man stretching at a desk",
        "Knee",
        "Self-Massage",
        "X-ray of a spine",
    ],
)
def test_good_alt_is_not_flagged(alt: str) -> None:
    assert weak_alt(alt, "Lie on your side.", "en") is None
    assert weak_alt(alt, "Acuéstese de lado.", "es") is None


@pytest.mark.parametrize(
    ("near", "example"),
    [
        ("Sit tall and look straight ahead.", "A person sitting tall and looking straight ahead"),
        (
            "Stand tall. Hold the stick in front of your thighs with straight arms.",
            "A person standing tall, holding the stick in front of their thighs with straight arms",
        ),
        (
            "Gently squeeze your shoulder blades back and down. Hold for 5 seconds, then relax.",
            "A person gently squeezing their shoulder blades back and down",
        ),
        ("On your back, a pillow under your knees", "A person on their back, a pillow under their knees"),
        ("Repeat 10 times.", "A person sitting tall on a chair, looking straight ahead"),
        (None, "A person sitting tall on a chair, looking straight ahead"),
    ],
)
def test_the_example_is_built_from_the_step_when_it_can_be(near: str | None, example: str) -> None:
    assert example_alt(near, "en") == example


LIBRARY = load_library()


BUNDLED = [section for written in LIBRARY.languages.values() for section in written.values()]


@pytest.mark.parametrize("section", BUNDLED, ids=[f"{s.lang}-{s.id}" for s in BUNDLED])
def test_every_bundled_section_alt_text_passes(section: Section) -> None:
    assert alt_warnings(section) == []


DESK_STRETCH = """\
id: desk-stretch
title: Stretch at your desk
kind: tips
summary: A stretch to do at work.
blocks:
  - paragraph: Do this once an hour.
  - steps:
      - text: Sit tall at your desk.
        image: chin-tuck-1-start.svg
        alt: IMG_2041.jpg
"""


def test_check_warns_about_a_clinic_section_whose_alt_is_a_file_name(
    workdir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    run("init", "ours")
    (workdir / "ours" / "content" / "desk-stretch.yaml").write_text(DESK_STRETCH)
    spanish = DESK_STRETCH.replace("alt: IMG_2041.jpg", "alt: imagen").replace("Sit tall", "Siéntese derecho")
    (workdir / "ours" / "content" / "es").mkdir()
    (workdir / "ours" / "content" / "es" / "desk-stretch.yaml").write_text(spanish)
    with caplog.at_level(logging.WARNING):
        result = run("check", "--clinic", "ours")
    assert result.exit_code == 0, result.output  # a warning, not a problem
    assert result.stdout.endswith("No problems found: handouts will build.\n")
    alt_lines = [message for message in caplog.messages if ".alt: " in message]
    assert alt_lines == [
        'ours/content/desk-stretch.yaml: blocks[1].steps[0].alt: "IMG_2041.jpg" is a file name, not a'
        ' description; say what the picture shows, e.g. "A person sitting tall at their desk"',
        'ours/content/es/desk-stretch.yaml: blocks[1].steps[0].alt: "imagen" is a placeholder, not a'
        ' description; say what the picture shows, e.g. "Una persona sentada derecha en una silla, mirando al'
        ' frente"',
    ]
