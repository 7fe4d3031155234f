"""The body font: Atkinson Hyperlegible, drawn for readers with low vision, from its PyPI font package.

If the font package is missing or broken the handout still builds, in Helvetica, and says so once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

FAMILY = "Atkinson Hyperlegible"
_FACES = {  # ReportLab font name: (weight, style)
    "Atkinson": (400, "normal"),
    "Atkinson-Bold": (700, "normal"),
    "Atkinson-Italic": (400, "italic"),
    "Atkinson-BoldItalic": (700, "italic"),
}


@dataclass(frozen=True)
class FontSet:
    regular: str
    bold: str
    italic: str
    bold_italic: str


FALLBACK = FontSet("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique")


@cache
def body_fonts() -> FontSet:
    """Register the body family with ReportLab (once per process) so <b> and <i> pick the right face."""
    try:
        for name, path in _face_paths().items():
            pdfmetrics.registerFont(TTFont(name, path))
    except (FontUnavailable, OSError, TTFError) as exc:
        log.warning("the font %s is not available (%s); using Helvetica instead", FAMILY, exc)
        return FALLBACK
    fonts = FontSet(*_FACES)
    addMapping(fonts.regular, 0, 0, fonts.regular)
    addMapping(fonts.regular, 1, 0, fonts.bold)
    addMapping(fonts.regular, 0, 1, fonts.italic)
    addMapping(fonts.regular, 1, 1, fonts.bold_italic)
    return fonts


class FontUnavailable(Exception):
    """The font package is not installed or does not have a face we need."""


def _face_paths() -> dict[str, str]:
    try:
        import fontpkg

        return {name: str(fontpkg.path(FAMILY, w, s)) for name, (w, s) in _FACES.items()}
    except ImportError as exc:
        raise FontUnavailable("fontpkg-atkinson-hyperlegible is not installed") from exc
    except fontpkg.FontpkgError as exc:
        raise FontUnavailable(str(exc)) from exc
