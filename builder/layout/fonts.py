"""Fonts for the page: the bundled Atkinson Hyperlegible, or a clinic's own TrueType family.

Atkinson Hyperlegible, drawn for readers with low vision, comes from its PyPI font package. If that
package is missing or broken the handout still builds, in Helvetica, and says so once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from builder.config import FontFamily
from builder.fontfiles import open_font

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


def font_set(family: FontFamily | None) -> FontSet:
    """The bundled font for None, else the clinic's four faces."""
    return body_fonts() if family is None else _clinic_fonts(family)


def _clinic_fonts(family: FontFamily) -> FontSet:
    """Register a clinic's faces with ReportLab; each version of a file once per process."""
    faces = [open_font(path) for path in (family.regular, family.bold, family.italic, family.bold_italic)]
    for face in faces:
        if face.fontName not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(face)
    fonts = FontSet(*(face.fontName for face in faces))
    _map_family(fonts)
    return fonts


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
    _map_family(fonts)
    return fonts


def _map_family(fonts: FontSet) -> None:
    """Tell ReportLab which face <b> and <i> switch to, so markup picks the family's own bold and italic."""
    addMapping(fonts.regular, 0, 0, fonts.regular)
    addMapping(fonts.regular, 1, 0, fonts.bold)
    addMapping(fonts.regular, 0, 1, fonts.italic)
    addMapping(fonts.regular, 1, 1, fonts.bold_italic)


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


def missing_characters(text: str, fonts: FontSet) -> str:
    """The characters of ``text`` that the regular face of ``fonts`` has no letter for, each once."""
    face = pdfmetrics.getFont(fonts.regular).face
    covered = getattr(face, "charToGlyph", None)  # a TrueType face lists its letters

    def printable(character: str) -> bool:
        if covered is not None:
            return ord(character) in covered
        try:  # a built-in PDF font (the fallback Helvetica) has the Windows Latin letters
            character.encode("cp1252")
        except UnicodeEncodeError:
            return False
        return True

    return "".join(dict.fromkeys(c for c in text if not c.isspace() and not printable(c)))
