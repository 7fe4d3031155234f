"""Open a clinic's font file once: the clinic loader checks it with this, and the layout registers it.

ReportLab embeds TrueType outlines only, so an OpenType file with PostScript (CFF) outlines, a font whose
licence forbids embedding, or a file that is not a font at all gets a reason a clinic can act on.
"""

from __future__ import annotations

import hashlib
import struct
from functools import cache
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFError, TTFont


class FontFileError(Exception):
    """The file cannot be used as a font; the message says why and what to do."""


def open_font(path: Path) -> TTFont:
    """The font, under a ReportLab name made from its contents so two clinics' files never clash.

    Opened once per version of the file: a clinic that changes its font sees the change.
    """
    try:
        stat = path.stat()
    except OSError as exc:
        raise FontFileError(f"cannot be read ({exc.strerror})") from None
    return _open_font(path, stat.st_mtime_ns, stat.st_size)


@cache
def _open_font(path: Path, modified: int, size: int) -> TTFont:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FontFileError(f"cannot be read ({exc.strerror})") from None
    name = "clinic-" + hashlib.sha1(data).hexdigest()[:12]
    try:
        return TTFont(name, path)
    except TTFError as exc:
        raise FontFileError(_reason(str(exc))) from None
    except (struct.error, IndexError, KeyError, ValueError, UnicodeDecodeError):  # garbage, not a font
        raise FontFileError("is not a TrueType font; use the font's .ttf file") from None


def _reason(error: str) -> str:
    if "postscript outlines" in error:
        return "has PostScript (CFF) outlines, which cannot be embedded; use the .ttf version of the font"
    if "embedding" in error:
        return "does not allow embedding in a PDF (its licence forbids it); choose another font"
    return "is not a TrueType font; use the font's .ttf file"
