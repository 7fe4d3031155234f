"""The Python entry points; the CLI is a thin shell over these, and a clinic's own system can call them.

The pipeline runs one way: load and check everything (clinic, sections, pictures) -> resolve the
selection -> lay out and render -> write atomically. Nothing is written unless every step before succeeded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import HexColor

from builder.config import load_clinic
from builder.content import Section
from builder.handout import PAPER_SIZES, Handout, default_title
from builder.images import load_picture, load_pictures
from builder.layout.render import render_pdf
from builder.library import Library, load_library
from builder.output import write_pdf
from builder.resources import DEMO_CLINIC

DEFAULT_OUTPUT = Path("output") / "handout.pdf"


@dataclass(frozen=True)
class BuildResult:
    path: Path
    pages: int
    sections: tuple[Section, ...]


def build_handout(
    sections: Sequence[str],
    output: Path = DEFAULT_OUTPUT,
    paper: str = "a4",
    title: str | None = None,
    content_dir: Path | None = None,
    clinic_file: Path = DEMO_CLINIC / "clinic.yaml",
) -> BuildResult:
    """Build one handout from the named sections, in the order given, and write it to ``output``."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {PAPER_SIZES}, not {paper!r}")
    clinic = load_clinic(clinic_file)
    chosen = load_library(content_dir).select(sections)
    handout = Handout((title or "").strip() or default_title(chosen), chosen, clinic, paper)
    accent = HexColor(clinic.colors.accent)
    pictures = load_pictures((image.path for section in chosen for image in section.images), accent)
    logo = load_picture(clinic.logo, accent) if clinic.logo else None
    pdf, pages = render_pdf(handout, pictures, logo)
    return BuildResult(write_pdf(output, pdf), pages, chosen)


def list_sections(content_dir: Path | None = None) -> Library:
    """Every section a build can use, bundled and the clinic's own."""
    return load_library(content_dir)
