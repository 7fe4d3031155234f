"""Open every picture a handout uses, before layout, so a broken file is reported by name.

SVG stays vector (svglib turns it into a ReportLab drawing). PNG and JPEG go through Pillow and come
out ready to print whatever a phone or a scanner made: turned upright by their EXIF orientation, CMYK
and embedded colour profiles converted to sRGB, 16-bit and palette images brought to 8-bit, and huge
photos reduced so that none is stored at more than 300 dpi at the size it prints.
"""

from __future__ import annotations

import io
import logging
import math
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree
from PIL import Image as PILImage
from PIL import ImageCms, ImageOps, UnidentifiedImageError
from reportlab.graphics.shapes import Drawing, Group
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import ImageReader
from svglib.svglib import svg2rlg

from builder.config import DEFAULT_COLORS
from builder.errors import ImageError
from builder.validate import IMAGE_SUFFIXES, display_path

ILLUSTRATION_ACCENT = HexColor(DEFAULT_COLORS[1])
"""Parts of an SVG drawn in this colour take the clinic's accent colour (see docs/content-format.md)."""

PRINT_DPI = 300  # what a laser printer resolves; more only makes the file bigger
LOWEST_DPI = 96  # a photo is never enlarged beyond this, where it would print visibly soft
KEPT_PIXELS = 2000  # longest side kept in memory: about 300 dpi across the widest picture a page holds
JPEG_QUALITY = 88


@dataclass(frozen=True, eq=False)
class Picture:
    """A checked picture and the largest size, in points, it may print at.

    ``drawing`` is set for vector art (which prints sharp at any size); ``photo`` for a raster image,
    upright and in sRGB, whose ``pixels`` are its size as the file has it.
    """

    path: Path
    width: float
    height: float
    drawing: Drawing | None = None
    photo: PILImage.Image | None = None
    pixels: tuple[int, int] = (0, 0)
    lossy: bool = False

    def dpi(self, printed_width: float) -> float:
        """The resolution a raster prints at when ``printed_width`` points wide."""
        return self.pixels[0] / (printed_width / 72)


def load_pictures(paths: Iterable[Path], accent: Color) -> dict[Path, Picture]:
    """Open each distinct file once; an unreadable one raises ImageError naming it."""
    return {path: load_picture(path, accent) for path in dict.fromkeys(paths)}


def load_picture(path: Path, accent: Color | None, root: Path | None = None) -> Picture:
    """Open one picture. SVG parts in the illustration accent take ``accent`` (None: keep every colour,
    as for a logo); an SVG may only reach files inside ``root`` (default: its own folder).

    A picture opened before is given again while its file is unchanged: a clinic's system or a batch
    builds many handouts with the same illustrations.
    """
    try:
        info = path.stat()
    except OSError:
        return _open(path, accent, root)  # says what is wrong with the file
    colour = None if accent is None else accent.hexval()
    return _opened(path, (info.st_mtime_ns, info.st_size), colour, root)


@lru_cache(maxsize=32)
def _opened(path: Path, version: tuple[int, int], accent: str | None, root: Path | None) -> Picture:
    return _open(path, None if accent is None else HexColor(accent), root)


def _open(path: Path, accent: Color | None, root: Path | None) -> Picture:
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return _load_svg(path, accent, root or path.parent)
    if suffix in IMAGE_SUFFIXES:
        return _load_raster(path)
    raise ImageError(f"{display_path(path)}: cannot use '{suffix}' files; use SVG, PNG or JPEG")


def _load_svg(path: Path, accent: Color | None, root: Path) -> Picture:
    with _svglib_messages() as messages:
        try:
            drawing = svg2rlg(str(path), external_reference_root=str(root))
        except (etree.XMLSyntaxError, OSError, ValueError) as exc:
            raise ImageError(f"{display_path(path)}: not a readable SVG file ({exc})") from None
    refused = [message for message in messages if message.startswith("Refusing out-of-root reference")]
    if refused:
        reference = refused[0].removeprefix("Refusing out-of-root reference ").rstrip(".")
        raise ImageError(
            f"{display_path(path)}: refers to {reference}, outside {display_path(root)}/;"
            " put that picture inside the folder, or save the SVG with its pictures embedded"
        )
    if drawing is None or drawing.width <= 0 or drawing.height <= 0:
        raise ImageError(f"{display_path(path)}: not a readable SVG file; export it again as plain SVG")
    if accent is not None:
        _recolour(drawing, ILLUSTRATION_ACCENT, accent)
    return Picture(path, float(drawing.width), float(drawing.height), drawing)


@contextmanager
def _svglib_messages() -> Iterator[list[str]]:
    """Collect what svglib reports instead of letting it print: its notes on unsupported SVG features
    mean nothing to a clinic, but a reference it refused must become an error naming the file."""
    svglib_log = logging.getLogger("svglib.svglib")
    messages: list[str] = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = lambda record: messages.append(record.getMessage())  # type: ignore[method-assign]
    previous = svglib_log.propagate
    svglib_log.addHandler(handler)
    svglib_log.propagate = False
    try:
        yield messages
    finally:
        svglib_log.removeHandler(handler)
        svglib_log.propagate = previous


def _load_raster(path: Path) -> Picture:
    shown = display_path(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(path) as image:
                image.verify()
            with PILImage.open(path) as image:
                lossy, full_size = image.format == "JPEG", image.size
                image.draft("RGB", _kept_size(full_size))  # a JPEG decodes straight at a smaller scale
                image.load()
                photo = _upright_srgb(image)
                pixels = _oriented_size(image, full_size)
    except UnidentifiedImageError:
        raise ImageError(
            f"{shown}: not a PNG or JPEG image; open it and save it again as PNG or JPEG"
        ) from None
    except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
        raise ImageError(
            f"{shown}: the image is too large to open safely (over {PILImage.MAX_IMAGE_PIXELS:,} pixels);"
            " save a smaller copy"
        ) from None
    except (OSError, SyntaxError, ValueError):
        raise ImageError(f"{shown}: the image is damaged or incomplete; save or export it again") from None
    photo.thumbnail((KEPT_PIXELS, KEPT_PIXELS), PILImage.Resampling.LANCZOS)
    scale = 72 / LOWEST_DPI
    return Picture(path, pixels[0] * scale, pixels[1] * scale, photo=photo, pixels=pixels, lossy=lossy)


def _kept_size(size: tuple[int, int]) -> tuple[int, int]:
    """``size`` shrunk so its longest side is at most KEPT_PIXELS."""
    scale = min(1.0, KEPT_PIXELS / max(size))
    return max(1, int(size[0] * scale)), max(1, int(size[1] * scale))


def _oriented_size(image: PILImage.Image, full_size: tuple[int, int]) -> tuple[int, int]:
    """The file's pixel size as the picture stands once its EXIF orientation is applied."""
    width, height = full_size
    turned = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
    return (height, width) if turned else (width, height)


def _upright_srgb(image: PILImage.Image) -> PILImage.Image:
    """An 8-bit RGB, L or RGBA copy, turned upright, with any colour profile applied."""
    upright = ImageOps.exif_transpose(image) or image
    if upright.mode in ("I;16", "I;16B", "I;16L", "I"):
        upright = upright.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    elif upright.mode in ("P", "PA", "LA", "1", "F") or "transparency" in upright.info:
        # A single transparent colour (PNG's tRNS) becomes a real alpha channel, or it would print solid.
        has_alpha = upright.mode in ("PA", "LA") or "transparency" in upright.info
        upright = upright.convert("RGBA" if has_alpha else "RGB")
    profile = upright.info.get("icc_profile")
    if profile and upright.mode in ("RGB", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            srgb = ImageCms.createProfile("sRGB")
            upright = ImageCms.profileToProfile(upright, source, srgb, outputMode="RGB") or upright
        except (ImageCms.PyCMSError, OSError):
            pass  # a broken profile: the plain conversion below is still a faithful picture
    if upright.mode not in ("RGB", "L", "RGBA"):
        upright = upright.convert("RGB")
    if upright.mode == "RGBA" and upright.getchannel("A").getextrema() == (255, 255):
        upright = upright.convert("RGB")  # an alpha channel that hides nothing only makes the file bigger
    return upright


@lru_cache(maxsize=64)  # the pictures of a handout or two; a long-running caller does not grow
def print_image(picture: Picture, width: float, height: float) -> ImageReader:
    """The photo at no more than 300 dpi for a ``width`` x ``height`` point box, ready for the PDF.

    A JPEG source is saved again as JPEG (quality 88), which the PDF stores compressed as it is; a PNG
    stays lossless, so logos and diagrams keep their crisp edges.
    """
    assert picture.photo is not None
    photo = picture.photo
    target = (math.ceil(width / 72 * PRINT_DPI), math.ceil(height / 72 * PRINT_DPI))
    if photo.width > target[0] or photo.height > target[1]:
        photo = photo.resize(target, PILImage.Resampling.LANCZOS)
    if not picture.lossy:
        return ImageReader(photo)
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return ImageReader(io.BytesIO(buffer.getvalue()))


def _recolour(group: Group, old: Color, new: Color) -> None:
    """Swap ``old`` for ``new`` in every stroke and fill, so illustrations match the clinic."""
    for shape in group.contents:
        if isinstance(shape, Group):
            _recolour(shape, old, new)
            continue
        for attribute in ("strokeColor", "fillColor"):
            if getattr(shape, attribute, None) == old:
                setattr(shape, attribute, new)
