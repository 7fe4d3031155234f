"""The canvases a layout draws on: one that only counts pages, and one for a black-and-white printer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.colors import CMYKColor, Color, toColor
from reportlab.pdfgen.canvas import Canvas

from builder.colour import grey


class PageCountingCanvas(Canvas):
    """The canvas of a layout pass that only counts pages: pictures need not be drawn on it."""

    counting_pages = True


def as_grey(colour: Color | CMYKColor | tuple[float, ...] | str) -> Color:
    """Any colour ReportLab is given, as the grey of the same lightness (see ``colour.grey``)."""
    if isinstance(colour, str):
        colour = toColor(colour)
    elif isinstance(colour, tuple):
        colour = CMYKColor(*colour) if len(colour) == 4 else Color(*colour)
    level = grey((colour.red, colour.green, colour.blue))
    return Color(level, level, level, colour.alpha)


def canvas_maker(grayscale: bool, count_first_pass: bool) -> Callable[..., Canvas]:
    """A canvas factory for ``BaseDocTemplate.build``; a multi-pass build asks it once per pass.

    ``count_first_pass``: the first pass only finds page numbers, so it skips drawing pictures.
    ``grayscale``: every colour (text, shapes, drawings) becomes grey as it is set, and photos are
    converted as they are placed, so nothing in the PDF is in colour.
    """
    passes = 0

    def make(*args: Any, **kwargs: Any) -> Canvas:
        nonlocal passes
        passes += 1
        kind = PageCountingCanvas if count_first_pass and passes == 1 else Canvas
        if grayscale:
            kwargs["enforceColorSpace"] = as_grey
        canvas = kind(*args, **kwargs)
        canvas.grayscale = grayscale  # read by ScaledPicture, which converts photos
        return canvas

    return make
