"""The clinic on the page: its colours reach the header and the illustrations; a bad clinic file is named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image

from builder.api import build_handout
from builder.config import CLINIC_KEYS
from builder.errors import ConfigError
from builder.resources import DEMO_CLINIC

DEMO_PRIMARY = (0x12, 0x5B, 0x6B)
DEMO_ACCENT = (0xC2, 0x57, 0x1A)


def render(pdf: Path, page: int = 0) -> Image.Image:
    return pypdfium2.PdfDocument(pdf)[page].render(scale=1).to_pil().convert("RGB")


def has_colour(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 12) -> bool:
    return any(
        all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))
        for _, pixel in image.getcolors(maxcolors=1 << 20)
    )


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    folder = tmp_path / "clinic"
    shutil.copytree(DEMO_CLINIC, folder)
    return folder / "clinic.yaml"


def test_header_band_is_in_the_clinic_colour(tmp_path: Path) -> None:
    pdf = build_handout(["red-flags"], tmp_path / "h.pdf").path
    band = render(pdf).crop((60, 45, 300, 60))  # the band, left of the clinic name
    assert has_colour(band, DEMO_PRIMARY, tolerance=2)


def test_illustration_accent_takes_the_clinic_accent(tmp_path: Path, clinic: Path) -> None:
    text = clinic.read_text().replace('accent: "#C2571A"', 'accent: "#2E7D32"')
    clinic.write_text(text)
    pdf = build_handout(["dislocates"], tmp_path / "d.pdf", clinic_file=clinic).path
    pages = [render(pdf, n) for n in range(2)]
    assert any(has_colour(page, (0x2E, 0x7D, 0x32), tolerance=2) for page in pages)
    assert not any(has_colour(page, DEMO_ACCENT, tolerance=6) for page in pages)


def test_bad_clinic_file_lists_every_problem(clinic: Path) -> None:
    clinic.write_text('name: ""\ncolors:\n  primary: teal\n  accent: "#C2571A"\nlogo: missing.svg\nfax: 1\n')
    with pytest.raises(ConfigError) as caught:
        build_handout(["sleep"], clinic.parent / "out.pdf", clinic_file=clinic)
    shown = str(clinic)
    assert caught.value.problems == (
        f"{shown}:6: fax: unknown key (allowed: {', '.join(CLINIC_KEYS)})",
        f"{shown}:3: colors.primary: 'teal' must be a colour like \"#125B6B\" (in quotes)",
        f"{shown}:5: logo: no such file 'missing.svg' (looked in {clinic.parent}/)",
        f"{shown}:1: name: must not be empty",
    )
    assert not (clinic.parent / "out.pdf").exists()
