"""The Python entry points; the CLI is a thin shell over these, and a clinic's own system can call them.

The pipeline runs one way: load and check everything (clinic, sections, pictures) -> resolve the
selection -> lay out and render -> write atomically. Nothing is written unless every step before succeeded.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from reportlab.lib.colors import HexColor

from builder.config import CLINIC_FILE, Clinic, find_clinic, load_clinic
from builder.content import Section
from builder.handout import PAPER_SIZES, Handout, default_title
from builder.images import Picture, load_picture, load_pictures
from builder.layout.pages import LOGO_BOXES, logo_size
from builder.layout.render import render_pdf
from builder.library import Library, load_library
from builder.output import create_clinic_folder, write_pdf
from builder.resources import DEMO_CLINIC, is_bundled
from builder.validate import display_path

log = logging.getLogger(__name__)

DEFAULT_OUTPUT = Path("output") / "handout.pdf"
SHARP_LOGO_DPI = 150


@dataclass(frozen=True)
class BuildResult:
    path: Path
    pages: int
    paper: str
    sections: tuple[Section, ...]
    clinic: Clinic
    replaced: tuple[Section, ...]
    """The clinic's own sections that stood in for bundled ones with the same id."""
    own_pictures: tuple[Path, ...]
    """The clinic's own pictures that stood in for bundled illustrations."""


@dataclass(frozen=True)
class ClinicSetup:
    """A clinic as a build would use it: its settings, its whole library, and its opened logo."""

    clinic: Clinic
    library: Library
    logo: Picture | None


def open_clinic(clinic: Path | None = None, content_dir: Path | None = None) -> ClinicSetup:
    """Load and check a clinic (a folder or its clinic.yaml; None for the demo), its sections and logo."""
    settings = _load(clinic)
    library = load_library(content_dir, settings.content_dir, settings.images_dir)
    logo = load_picture(settings.logo, None, settings.folder) if settings.logo else None  # its own colours
    if logo is not None and logo.drawing is None:
        _warn_if_soft(logo, settings.header)
    return ClinicSetup(settings, library, logo)


def build_handout(
    sections: Sequence[str],
    output: Path = DEFAULT_OUTPUT,
    paper: str | None = None,
    title: str | None = None,
    content_dir: Path | None = None,
    clinic: Path | None = None,
) -> BuildResult:
    """Build one handout from the named sections, in the order given, and write it to ``output``.

    ``paper`` defaults to the clinic's; ``clinic`` is a clinic folder or its clinic.yaml (None: the demo).
    """
    if paper is not None and paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {PAPER_SIZES}, not {paper!r}")
    setup = open_clinic(clinic, content_dir)
    settings = setup.clinic
    chosen = setup.library.select(sections)
    handout = Handout(
        (title or "").strip() or default_title(chosen), chosen, settings, paper or settings.paper
    )
    accent = HexColor(settings.colors.marks)
    pictures = load_pictures((image.path for section in chosen for image in section.images), accent)
    pdf, pages = render_pdf(handout, pictures, setup.logo)
    replaced = tuple(section for section in chosen if section.id in setup.library.replaced)
    own_pictures = replaced_pictures(chosen, settings)
    return BuildResult(write_pdf(output, pdf), pages, handout.paper, chosen, settings, replaced, own_pictures)


def replaced_pictures(sections: Sequence[Section], clinic: Clinic) -> tuple[Path, ...]:
    """The clinic's own pictures that bundled sections print in place of our illustrations."""
    folder = clinic.images_dir
    if folder is None:
        return ()
    found = (
        image.path
        for section in sections
        if is_bundled(section.source)
        for image in section.images
        if image.path.is_relative_to(folder)
    )
    return tuple(sorted(set(found)))


def init_clinic(folder: Path) -> Path:
    """Create a clinic folder whose clinic.yaml is named after the folder; returns the clinic.yaml."""
    words = folder.resolve().name.replace("_", " ").replace("-", " ").split()
    name = " ".join(word[:1].upper() + word[1:] for word in words) or "My Clinic"
    template = resources.files("builder").joinpath("templates/clinic.yaml").read_text(encoding="utf-8")
    # JSON's quoted string is also YAML's, so any folder name (#1-physio, smith:-clinic) stays text.
    text = template.replace("{name}", json.dumps(name, ensure_ascii=False))
    return create_clinic_folder(folder, text.replace("{folder}", display_path(folder)))


def list_sections(content_dir: Path | None = None, clinic: Path | None = None) -> Library:
    """Every section a build can use: bundled, the clinic's own, and those in ``content_dir``."""
    settings = _load(clinic)
    return load_library(content_dir, settings.content_dir, settings.images_dir)


def _load(clinic: Path | None) -> Clinic:
    return load_clinic(find_clinic(clinic) if clinic is not None else DEMO_CLINIC / CLINIC_FILE)


def _warn_if_soft(logo: Picture, header: str) -> None:
    """A raster logo under 150 dpi at the size the first page prints it looks soft on paper.

    The advice names the width that fills the logo's whole box at 150 dpi, so following it is enough.
    """
    dpi = logo.dpi(logo_size(logo, header)[0])
    if dpi < SHARP_LOGO_DPI:
        box_width, box_height = LOGO_BOXES[header]
        room = min(box_width, box_height * logo.width / logo.height)
        log.warning(
            "%s: the logo is %d x %d pixels, which prints at only %d dpi; for a sharp print use a logo"
            " at least %d pixels wide, or an SVG",
            display_path(logo.path),
            *logo.pixels,
            round(dpi),
            math.ceil(SHARP_LOGO_DPI * room / 72),
        )
