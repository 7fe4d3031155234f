"""The canvases a layout draws on: one that only counts pages, one for a black-and-white printer, and
the tagging ones that the finished PDF is drawn on (see ``tagging``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image as PILImage
from reportlab.lib.colors import CMYKColor, Color, toColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from builder.colour import grey
from builder.layout.tagging import Tagger


class _Tagging:
    """Gives the canvas a ``Tagger`` and tells it of every link drawn, which the structure must hold."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tagger = Tagger()

    def _addAnnotation(self, annotation: Any, name: Any = None, addtopage: int = 1) -> None:
        self.tagger.link(self)  # type: ignore[arg-type]
        super()._addAnnotation(annotation, name, addtopage)  # type: ignore[misc]


class TaggedCanvas(_Tagging, Canvas):
    pass


class PageCountingCanvas(Canvas):
    """The canvas of a layout pass that only counts pages: pictures need not be drawn on it."""

    counting_pages = True


class _InGrey:
    """Every colour set, whatever its kind, becomes the grey of the same lightness (``colour.grey``),
    written as DeviceGray, which printers print with black ink alone."""

    def setFillColor(self, aColor: Any, alpha: float | None = None) -> None:
        level, own_alpha = _grey_of(aColor)
        self.setFillGray(level, alpha if alpha is not None else own_alpha)  # type: ignore[attr-defined]

    def setStrokeColor(self, aColor: Any, alpha: float | None = None) -> None:
        level, own_alpha = _grey_of(aColor)
        self.setStrokeGray(level, alpha if alpha is not None else own_alpha)  # type: ignore[attr-defined]


class _GreyText(_InGrey, PDFTextObject):
    """Paragraphs set their text colour on a text object, not on the canvas."""


class GreyCanvas(_InGrey, Canvas):
    """Everything in shades of grey: colours as they are set (text, shapes, drawings), pictures as they
    are placed (photos, and pictures inside SVG files), so nothing in the PDF is in colour."""

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:
        return _GreyText(self, x, y, direction=direction)

    def drawImage(self, image: Any, *args: Any, **kwargs: Any) -> Any:
        return super().drawImage(ImageReader(greyed(image)), *args, **kwargs)

    def drawInlineImage(self, image: Any, *args: Any, **kwargs: Any) -> Any:
        return super().drawInlineImage(greyed(image), *args, **kwargs)


class GreyCountingCanvas(GreyCanvas, PageCountingCanvas):
    pass


class TaggedGreyCanvas(_Tagging, GreyCanvas):
    pass


def _grey_of(colour: Color | tuple[float, ...] | str) -> tuple[float, float | None]:
    """The grey level (0 black, 1 white) of any colour ReportLab is given, and its own transparency."""
    if isinstance(colour, str):
        colour = toColor(colour)
    elif isinstance(colour, (tuple, list)):
        colour = CMYKColor(*colour) if len(colour) == 4 else Color(*colour)
    return grey((colour.red, colour.green, colour.blue)), getattr(colour, "alpha", None)


def greyed(image: ImageReader | PILImage.Image | str | Path) -> PILImage.Image:
    """A picture in shades of grey, its transparency kept."""
    if isinstance(image, ImageReader):
        picture = image._image  # ReportLab keeps the opened picture here, whatever it was made from
    elif isinstance(image, PILImage.Image):
        picture = image
    else:
        picture = PILImage.open(image)
    has_alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
    return picture.convert("LA" if has_alpha else "L")


class PagesCountedCanvas(_Tagging, Canvas):
    """Holds every finished page until the last one, then lets ``finish_page`` draw on each what needs
    the page count ("Page 2 of 5"): one layout pass instead of two."""

    def __init__(self, *args: Any, finish_page: Callable[[Canvas, int, int], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.finish_page = finish_page
        self.held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self.held.append(dict(self.__dict__))
        self._startPage()
        self._doc.pageCounter += 1  # so that a bookmark on the next page names that page, not this one

    def save(self) -> None:
        total = len(self.held)
        self._doc.pageCounter -= total  # the held pages are added now, each counting itself
        for number, page in enumerate(self.held, start=1):
            self.__dict__.update(page)
            self.finish_page(self, number, total)
            super().showPage()
        super().save()


def counted_pages(finish_page: Callable[[Canvas, int, int], None]) -> Callable[..., Canvas]:
    """A canvas factory for ``BaseDocTemplate.build`` making a ``PagesCountedCanvas``."""

    def make(*args: Any, **kwargs: Any) -> Canvas:
        return PagesCountedCanvas(*args, finish_page=finish_page, **kwargs)

    return make


def canvas_maker(grayscale: bool, count_first_pass: bool) -> Callable[..., Canvas]:
    """A canvas factory for ``BaseDocTemplate.build``; a multi-pass build asks it once per pass.

    ``count_first_pass``: the first pass only finds page numbers, so it skips drawing pictures.
    """
    kinds: dict[tuple[bool, bool], type[Canvas]] = {
        (False, False): TaggedCanvas,
        (False, True): PageCountingCanvas,
        (True, False): TaggedGreyCanvas,
        (True, True): GreyCountingCanvas,
    }
    passes = 0

    def make(*args: Any, **kwargs: Any) -> Canvas:
        nonlocal passes
        passes += 1
        return kinds[grayscale, count_first_pass and passes == 1](*args, **kwargs)

    return make
