"""Open every picture a handout uses, before layout, so a broken file is reported by name.

SVG stays vector (svglib turns it into a ReportLab drawing); PNG and JPEG go through Pillow, which
checks the file really is an image.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from reportlab.graphics.shapes import Drawing, Group
from reportlab.lib.colors import Color, HexColor
from svglib.svglib import svg2rlg

from builder.errors import ImageError
from builder.validate import display_path

ILLUSTRATION_ACCENT = HexColor("#C2571A")
"""Parts of an SVG drawn in this colour take the clinic's accent colour (see docs/content-format.md)."""

RASTER_SUFFIXES = (".png", ".jpg", ".jpeg")


@dataclass(frozen=True)
class Picture:
    """A checked picture and its natural size in points; ``drawing`` is set for vector art."""

    path: Path
    width: float
    height: float
    drawing: Drawing | None = None


def load_pictures(paths: Iterable[Path], accent: Color) -> dict[Path, Picture]:
    """Open each distinct file once; an unreadable one raises ImageError naming it."""
    return {path: load_picture(path, accent) for path in dict.fromkeys(paths)}


def load_picture(path: Path, accent: Color) -> Picture:
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return _load_svg(path, accent)
    if suffix in RASTER_SUFFIXES:
        return _load_raster(path)
    raise ImageError(f"{display_path(path)}: cannot use '{suffix}' files; use SVG, PNG or JPEG")


def _load_svg(path: Path, accent: Color) -> Picture:
    svglib_log = logging.getLogger("svglib.svglib")
    previous, svglib_log.disabled = svglib_log.disabled, True
    try:
        drawing = svg2rlg(str(path))
    except (etree.XMLSyntaxError, OSError, ValueError) as exc:
        raise ImageError(f"{display_path(path)}: not a readable SVG file ({exc})") from None
    finally:
        svglib_log.disabled = previous
    if drawing is None or not drawing.width or not drawing.height:
        raise ImageError(f"{display_path(path)}: not a readable SVG file; export it again as plain SVG")
    _recolour(drawing, ILLUSTRATION_ACCENT, accent)
    return Picture(path, float(drawing.width), float(drawing.height), drawing)


def _load_raster(path: Path) -> Picture:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(path) as image:
                image.verify()
            with PILImage.open(path) as image:
                image.load()
                width, height = image.size
                dpi = image.info.get("dpi", (72, 72))[0] or 72
    except UnidentifiedImageError:
        raise ImageError(
            f"{display_path(path)}: not a PNG or JPEG image; open it and save it again as PNG or JPEG"
        ) from None
    except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
        raise ImageError(f"{display_path(path)}: the image is far too large; make it smaller") from None
    except (OSError, SyntaxError) as exc:
        raise ImageError(f"{display_path(path)}: the image is damaged ({exc})") from None
    return Picture(path, width * 72 / float(dpi), height * 72 / float(dpi))


def _recolour(group: Group, old: Color, new: Color) -> None:
    """Swap ``old`` for ``new`` in every stroke and fill, so illustrations match the clinic."""
    for shape in group.contents:
        if isinstance(shape, Group):
            _recolour(shape, old, new)
            continue
        for attribute in ("strokeColor", "fillColor"):
            if getattr(shape, attribute, None) == old:
                setattr(shape, attribute, new)
