"""Small custom flowables: the drawn pieces a stock Paragraph or Table cannot give us."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any, Literal

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, Paragraph, Table
from reportlab.platypus.doctemplate import ActionFlowable

from builder.images import Picture, print_image
from builder.layout.canvases import GreyCanvas
from builder.layout.tagging import ARTIFACT, Element, Tagged, TaggedParagraph, artifact


class ScaledPicture(Tagged, Flowable):
    """A picture shown at a given size: vector art through ReportLab's renderer, photos as images;
    tagged as a figure with its alt text, or (a logo beside the clinic's name) as decoration."""

    def __init__(
        self, picture: Picture, width: float, height: float, font: str, tag: Element = ARTIFACT
    ) -> None:
        super().__init__()
        self.picture, self.width, self.height, self.font = picture, width, height, font
        self.tag = tag

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        if getattr(self.canv, "counting_pages", False):
            return
        drawing = self.picture.drawing
        if drawing is None:
            image = print_image(self.picture, self.width, self.height)
            self.canv.drawImage(image, 0, 0, self.width, self.height, mask="auto")
            return
        drawing.initialFontName = self.font  # else the renderer names an unembedded Helvetica
        self.canv.saveState()
        self.canv.scale(self.width / self.picture.width, self.height / self.picture.height)
        painted = _painting(drawing, isinstance(self.canv, GreyCanvas))
        if painted is None:
            renderPDF.draw(drawing, self.canv, 0, 0)
        else:
            self.canv._code.extend(painted)
        self.canv.restoreState()


_PAINTINGS: dict[tuple[int, bool], tuple[Drawing, list[str] | None]] = {}


def _painting(drawing: Drawing, grey: bool) -> list[str] | None:
    """The page operators that paint ``drawing``, worked out once a process: an illustration is drawn in
    every handout, and walking its shapes is a fifth of a build (the layout is tried twice at times).

    None for a drawing with text, images, shadings or transparency, whose operators name resources of
    the page they were made for: it is drawn anew each time. The operators that only set a font for
    text never drawn are left out, as their font name belongs to another document.
    """
    key = (id(drawing), grey)
    known = _PAINTINGS.get(key)
    if known is not None and known[0] is drawing:
        return known[1]
    canvas = (GreyCanvas if grey else Canvas)(io.BytesIO(), invariant=1)
    start = len(canvas._code)
    renderPDF.draw(drawing, canvas, 0, 0)
    code: list[str] = canvas._code[start:]
    words = " ".join(code).split()
    painted = None
    if not any(op in words for op in ("Tj", "TJ", "'", '"', "Do", "sh", "gs")):
        painted = [op for op in code if not (op.startswith("BT ") and op.endswith(" ET"))]
    _PAINTINGS[key] = (drawing, painted)
    return painted


def fitted_size(picture: Picture, max_width: float, max_height: float) -> tuple[float, float]:
    """As large as fits the box, aspect ratio kept; a photo is never blown up past its natural size."""
    scale = min(max_width / picture.width, max_height / picture.height)
    if picture.drawing is None:
        scale = min(scale, 1.0)
    return picture.width * scale, picture.height * scale


def picture_flowable(
    picture: Picture, max_width: float, max_height: float, font: str, tag: Element = ARTIFACT
) -> Flowable:
    return ScaledPicture(picture, *fitted_size(picture, max_width, max_height), font, tag)


class Shelved(Flowable):
    """``inner`` centred on the bottom of a ``width`` x ``height`` box, so that pictures of different
    shapes in one row stand on one line and their captions line up."""

    def __init__(self, inner: Flowable, width: float, height: float) -> None:
        super().__init__()
        self.inner, self.width, self.height = inner, width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        inner_width, _ = self.inner.wrap(self.width, self.height)
        self.inner.drawOn(self.canv, (self.width - inner_width) / 2, 0)


class Marked(Flowable):
    """A picture with a round do/avoid badge on its top-right corner: a tick or a cross, not only a colour."""

    SIZE = 9 * mm

    def __init__(self, inner: Flowable, verdict: Literal["do", "avoid"], color: Color) -> None:
        super().__init__()
        self.inner, self.verdict, self.color = inner, verdict, color

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)
        with artifact(self.canv):  # the caption says "Yes:" or "Avoid:" in words
            draw_verdict(
                self.canv,
                self.width - self.SIZE / 2,
                self.height - self.SIZE / 2,
                self.SIZE,
                self.verdict,
                self.color,
            )


def draw_verdict(canv: Canvas, cx: float, cy: float, size: float, verdict: str, color: Color) -> None:
    """A filled circle with a white tick (do) or cross (avoid) centred on (cx, cy)."""
    r = size / 2
    canv.saveState()
    canv.setFillColor(color)
    canv.setStrokeColor(white)
    canv.setLineWidth(1.2)
    canv.circle(cx, cy, r, stroke=1, fill=1)
    canv.setLineWidth(size * 0.13)
    canv.setLineCap(1)
    canv.setLineJoin(1)
    if verdict == "do":
        path = canv.beginPath()
        path.moveTo(cx - r * 0.45, cy + r * 0.02)
        path.lineTo(cx - r * 0.12, cy - r * 0.32)
        path.lineTo(cx + r * 0.48, cy + r * 0.35)
        canv.drawPath(path, stroke=1, fill=0)
    else:
        k = r * 0.38
        canv.line(cx - k, cy - k, cx + k, cy + k)
        canv.line(cx - k, cy + k, cx + k, cy - k)
    canv.restoreState()


class Icon(Tagged, Flowable):
    """The symbol that tells a callout's kind without colour: i (tip), ! in a triangle, or a stop octagon.
    Decoration to a screen reader, which reads the callout's title."""

    def __init__(self, kind: Literal["tip", "caution", "stop"], color: Color, font: str, size: float) -> None:
        super().__init__()
        self.kind, self.color, self.font, self.width, self.height = kind, color, font, size, size

    def draw(self) -> None:
        canv, s = self.canv, self.width
        canv.saveState()
        canv.setFillColor(self.color)
        if self.kind == "tip":
            canv.circle(s / 2, s / 2, s / 2, stroke=0, fill=1)
        elif self.kind == "caution":
            path = canv.beginPath()
            path.moveTo(s / 2, s * 0.98)
            path.lineTo(s * 0.02, s * 0.08)
            path.lineTo(s * 0.98, s * 0.08)
            path.close()
            canv.drawPath(path, stroke=0, fill=1)
        else:
            k = s * 0.2929  # a regular octagon's corner cut, as a share of its width
            points = [
                (k, 0),
                (s - k, 0),
                (s, k),
                (s, s - k),
                (s - k, s),
                (k, s),
                (0, s - k),
                (0, k),
            ]
            path = canv.beginPath()
            path.moveTo(*points[0])
            for point in points[1:]:
                path.lineTo(*point)
            path.close()
            canv.drawPath(path, stroke=0, fill=1)
        canv.setFillColor(white)
        mark = "i" if self.kind == "tip" else "!"
        font_size = s * (0.62 if self.kind == "stop" else 0.55)
        baseline = s * (0.3 if self.kind == "stop" else 0.24 if self.kind == "caution" else 0.3)
        canv.setFont(self.font, font_size)
        canv.drawCentredString(s / 2, baseline, mark)
        canv.restoreState()


class NumberBadge(Tagged, Flowable):
    """A step number in a filled circle, large enough to find at a glance: the label of its list item."""

    def __init__(
        self,
        number: int,
        color: Color,
        text_color: Color,
        font: str,
        size: float = 8 * mm,
        tag: Element = ARTIFACT,
    ) -> None:
        super().__init__()
        self.tag = tag
        self.number, self.color, self.text_color, self.font = number, color, text_color, font
        self.width = self.height = size

    def draw(self) -> None:
        s = self.width
        self.canv.setFillColor(self.color)
        self.canv.circle(s / 2, s / 2, s / 2, stroke=0, fill=1)
        self.canv.setFillColor(self.text_color)
        self.canv.setFont(self.font, s * 0.55)
        self.canv.drawCentredString(s / 2, s * 0.31, str(self.number))


class TickBox(Tagged, Flowable):
    """An empty square, big enough to tick with a pen."""

    def __init__(self, color: Color, size: float = 6.5 * mm) -> None:
        super().__init__()
        self.color, self.width, self.height = color, size, size

    def draw(self) -> None:
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(1.2)
        self.canv.roundRect(0, 0, self.width, self.height, 1, stroke=1, fill=0)


class FillInLine(Tagged, Flowable):
    """Labelled lines to write on by hand ("Name ____  Date ____"); widths are shares of the line.

    ``values`` are printed on the lines where they are known already (the patient's name, the date).
    A screen reader reads the labels and values; the lines are decoration.
    """

    def __init__(
        self,
        fields: tuple[tuple[str, float], ...],
        font: str,
        size: float,
        color: Color,
        values: tuple[str, ...] = (),
        tag: Element = ARTIFACT,
    ) -> None:
        super().__init__()
        self.tag = tag
        self.fields, self.font, self.size, self.color = fields, font, size, color
        self.values = values + ("",) * (len(fields) - len(values))
        self.height = size * 2.2

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return self.width, self.height

    def draw(self) -> None:
        canv, gap = self.canv, 6 * mm
        x = 0.0
        canv.setFont(self.font, self.size)
        canv.setStrokeColor(self.color)
        canv.setLineWidth(0.8)
        usable = self.width - gap * (len(self.fields) - 1)
        for (label, share), value in zip(self.fields, self.values, strict=True):
            end = x + usable * share
            canv.setFillColor(self.color)
            canv.drawString(x, 2, label)
            start = x + canv.stringWidth(label, self.font, self.size) + 2 * mm
            with artifact(canv):
                canv.line(start, 0, end, 0)
            if value:
                size, shown = self._fitted(value, end - start - 2.5 * mm)
                canv.setFont(self.font, size)
                canv.drawString(start + 1.5 * mm, 2, shown)
                canv.setFont(self.font, self.size)
            x = end + gap

    def _fitted(self, value: str, room: float) -> tuple[float, str]:
        """A long name in smaller type, down to 8 pt, so it stays on its line; only a name too long even
        for that is shortened, never printed over the next label."""
        size = self.size
        while size > 8 and stringWidth(value, self.font, size) > room:
            size -= 0.5
        while len(value) > 1 and stringWidth(value, self.font, size) > room:
            value = value[:-2].rstrip() + "…"
        return size, value


class RuledLines(Tagged, Flowable):
    """Lines to write on by hand, a pen's comfortable 9 mm apart, down to the foot of the frame."""

    SPACING = 9 * mm

    def __init__(self, color: Color) -> None:
        super().__init__()
        self.color = color

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, max(0.0, available_height - 1)
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(0.6)
        y = self.height - self.SPACING
        while y >= 0:
            self.canv.line(0, y, self.width, y)
            y -= self.SPACING


class ChoiceLine(Tagged, Flowable):
    """A label and options with a box each to tick by hand ("Your therapist: [] Sam Lee [] Ana Ruiz [] ____"),
    wrapping onto a second line when the names do not fit on one. The boxes are decoration to a screen
    reader, which reads the label and the names."""

    BOX = 4.2 * mm
    GAP = 5 * mm
    BLANK = 24 * mm  # the line to write a name that is not listed

    def __init__(self, label: str, options: tuple[str, ...], font: str, size: float, color: Color) -> None:
        super().__init__()
        self.label, self.options, self.font, self.size, self.color = label, options, font, size, color
        self.lines: list[list[tuple[float, str]]] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Place the options (the names, then a blank for one not listed) on as few lines as fit,
        shared out evenly so that no line holds a lone leftover."""
        self.width = available_width
        start = stringWidth(self.label, self.font, self.size) + 3 * mm
        items = [
            (
                option,
                self.BOX + 2 * mm + (stringWidth(option, self.font, self.size) if option else self.BLANK),
            )
            for option in (*self.options, "")
        ]
        for count in range(1, len(items) + 1):
            per_line = -(-len(items) // count)
            chunks = [items[i : i + per_line] for i in range(0, len(items), per_line)]
            widths = [sum(width for _, width in chunk) + self.GAP * (len(chunk) - 1) for chunk in chunks]
            if start + max(widths) <= available_width:
                break
        self.lines = []
        for chunk in chunks:
            x, line = start, []
            for option, width in chunk:
                line.append((x, option))
                x += width + self.GAP
            self.lines.append(line)
        self.height = len(self.lines) * self.size * 2.2
        return self.width, self.height

    def draw(self) -> None:
        canv, step = self.canv, self.size * 2.2
        canv.setFont(self.font, self.size)
        canv.setFillColor(self.color)
        canv.setStrokeColor(self.color)
        canv.drawString(0, self.height - step + 2, self.label)
        for row, line in enumerate(self.lines):
            y = self.height - (row + 1) * step + 2
            for x, option in line:
                text_x = x + self.BOX + 2 * mm
                with artifact(canv):
                    canv.setLineWidth(1.1)
                    canv.rect(x, y - 1, self.BOX, self.BOX, stroke=1, fill=0)
                    if not option:
                        canv.setLineWidth(0.8)
                        canv.line(text_x, y - 2, text_x + self.BLANK, y - 2)
                if option:
                    canv.drawString(text_x, y, option)


class QrCodeDrawing(Tagged, Flowable):
    """A QR code drawn as vector squares by ReportLab's own widget, on white with its quiet zone; tagged as
    a figure whose alt text gives the address it opens."""

    def __init__(self, url: str, size: float, font: str, tag: Element = ARTIFACT) -> None:
        super().__init__()
        self.url, self.width, self.height, self.font = url, size, size, font
        self.tag = tag

    def draw(self) -> None:
        from reportlab.graphics.barcode.qr import QrCodeWidget  # only clinics with a QR code need it

        widget = QrCodeWidget(self.url, barLevel="M", barWidth=self.width, barHeight=self.height)
        drawing = Drawing(self.width, self.height, initialFontName=self.font)  # else an unembedded Helvetica
        drawing.add(widget)
        self.canv.saveState()
        self.canv.setFillColor(white)
        self.canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        renderPDF.draw(drawing, self.canv, 0, 0)
        self.canv.restoreState()


class FirstThatFits(ActionFlowable):
    """Draws the first of ``options`` that fits in what is left of the page it reaches; if none does,
    nothing, and no page is started for it.

    For extras such as the closing contact panel, which shrinks to stay under the last section and must
    never start a page of its own: at the top of a page it shows nothing. It acts on the frame itself, as
    an action, because a flowable that does not fit is carried to the next page.
    """

    def __init__(
        self, options: list[Flowable], instead_of: FirstThatFits | None = None, opens_a_page: bool = False
    ) -> None:
        super().__init__()
        self.options, self.instead_of = options, instead_of
        self.opens_a_page = opens_a_page
        """Whether it may be the first thing on a page (one that other things follow, as notes do)."""
        self.shown = False

    def apply(self, doc: BaseDocTemplate) -> None:
        frame = doc.frame
        if (self.instead_of and self.instead_of.shown) or (frame._atTop and not self.opens_a_page):
            return
        for option in self.options:
            if frame.add(option, doc.canv, trySplit=0):
                self.shown = True
                return

    def later(self, opens_a_page: bool = False) -> FirstThatFits:
        """The same extra further on (after the exercise log, atop a booklet's notes page), shown there
        only where it found no room here."""
        return FirstThatFits(self.options, instead_of=self, opens_a_page=opens_a_page)


LOOSE_PAGE = 0.25
"""The share of a page that may stay empty rather than break a box, a table or a kept group: moving it
whole to the next page is tidier, but past a quarter of a page the gap looks like a mistake."""
TIGHT_PAGE = 0.08
"""The same share, where breaking more often saves the handout a page (see ``render_pdf``)."""


class Shrinkable(Flowable):
    """A row of pictures and their words that may be drawn a little smaller (pictures at ``STEPS`` of
    their size, text never) to stay on the page it reaches, rather than leave a gap and move whole.

    ``make(scale)`` builds the row with its pictures at ``scale``; the row itself is never split, so a
    step's number, words and picture are always on one page.
    """

    STEPS = (0.9, 0.8)

    def __init__(self, make: Callable[[float], Flowable]) -> None:
        super().__init__()
        self.make = make
        self.whole = make(1.0)
        self.spaceBefore = self.whole.getSpaceBefore()
        self.spaceAfter = self.whole.getSpaceAfter()

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.whole.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        for scale in self.STEPS:
            smaller = self.make(scale)
            if smaller.wrap(available_width, available_height)[1] <= available_height:
                return [smaller]
        return []

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self.whole.drawOn(canvas, x, y, _sW)


class KeptTable(Table):
    """A table that breaks between rows only where that reads well: below its repeated heading rows, the
    piece before a break holds at least ``least[0]`` rows and the piece after it ``least[1]``; a table
    shorter than a page breaks only when moving it whole would leave more than a quarter of the
    page (``page_height``) empty. ``continued`` is the first row as the next page repeats it ("Call your
    doctor soon if (continued)"); a table with no ``least`` never breaks unless taller than a page.
    """

    def __init__(
        self,
        rows: list[list],
        page_height: float = 0,
        least: tuple[int, int] | None = None,
        continued: list | None = None,
        loose: float = LOOSE_PAGE,
        edge: tuple[float, Color] | None = None,
        aside: tuple[int, int] = (0, 0),
        **options: Any,
    ) -> None:
        super().__init__(rows, **options)
        self.page_height, self.least, self.continued, self.loose = page_height, least, continued, loose
        self.edge = edge
        """The width and colour of a border round the whole table, which closes a piece at its cut too."""
        self.aside = aside
        """The rows after the heading rows, and at the end, that are not the body's own (a box's lead-in
        paragraph and after-hours line): neither makes up a piece alone, and the last is never all a
        piece after a break holds."""
        self.measured: tuple[float, tuple[float, float]] | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Measured once per width: layout asks again and again (keep-together groups, the frame,
        splitting), and the size of our tables depends on the width alone, as their cells hold text,
        pictures and boxes, never anything that grows into the space left on a page."""
        if self.measured is None or self.measured[0] != available_width:
            self.measured = (available_width, super().wrap(available_width, available_height))
        return self.measured[1]

    def _drawBkgrnd(self) -> None:
        with artifact(self.canv, "Layout"):  # a box's tint, a table's shaded rows
            super()._drawBkgrnd()

    def _drawLines(self) -> None:
        with artifact(self.canv, "Layout"):
            super()._drawLines()

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        """A cell's flowables tag themselves; a cell of text alone (the blanks beside a spanning
        caption) is no content."""
        if isinstance(cellval, (list, tuple, Flowable)):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        with artifact(self.canv):
            super()._drawCell(cellval, cellstyle, pos, size)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        height = self.wrap(available_width, available_height)[1]
        if height <= self.page_height and (self.least is None or available_height < self.loose_gap):
            return []
        return self.split_here(available_width, available_height)

    def split_here(self, available_width: float, available_height: float) -> list[Flowable]:
        """The two pieces of a break in ``available_height``, however little of the page that leaves
        empty (a kept group asks, when the group as a whole leaves more); [] where no break reads well."""
        if self.least is None and self.wrap(available_width, available_height)[1] <= self.page_height:
            return []
        row = self.break_before(available_height)
        while row is not None:
            # ReportLab picks the break itself, from a height, and its choice may fall a row short of
            # the one asked for (it counts the piece's closing padding): the result is checked.
            for height in (sum(self._rowHeights[:row]) + 0.01, sum(self._rowHeights[: row + 1]) - 0.01):
                parts = super().split(available_width, height)
                if len(parts) == 2 and self.reads_well(len(parts[0]._cellvalues)):
                    self._pieces(parts)
                    if parts[0].wrap(available_width, available_height)[1] <= available_height:
                        return parts
            row = row - 1 if self.holds_enough(row - 1) else None
        return []

    def reads_well(self, row: int) -> bool:
        """Whether a break before ``row`` leaves enough rows on both sides of it."""
        after = len(self._rowHeights) - row - self.aside[1]
        return self.holds_enough(row) and after >= (self.least or (1, 1))[1]

    def _pieces(self, parts: list[Flowable]) -> None:
        """The pieces keep this table's rules; the rows that change are measured anew: the last before
        the break, which ends its piece with the box's bottom padding (``splitlast``), and the repeated
        first row."""
        for part in parts:
            part.page_height, part.least, part.continued = self.page_height, self.least, self.continued
            part.loose, part.edge, part.aside = self.loose, self.edge, self.aside
        parts[0]._argH = [*parts[0]._argH[:-1], None]
        if self.edge is not None:  # ReportLab leaves a border open where it cuts the table
            parts[0].setStyle([("LINEBELOW", (0, -1), (-1, -1), *self.edge)])
        if self.continued is not None:
            parts[1]._cellvalues[0] = list(self.continued)
            parts[1]._argH = [None, *parts[1]._argH[1:]]

    @property
    def loose_gap(self) -> float:
        return self.page_height * self.loose

    @property
    def heads(self) -> int:
        """The heading rows a piece after a break repeats."""
        return self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1

    def holds_enough(self, row: int) -> bool:
        """Whether a piece ending before ``row`` holds ``least[0]`` rows below its heading rows, one at
        least of them not set ``aside`` (a box's lead-in paragraph then its first bullet, not alone)."""
        return row - self.heads >= (self.least or (1, 1))[0] and row - self.heads - self.aside[0] >= 1

    def break_before(self, available_height: float) -> int | None:
        """The last row the table may break before and still fit ``available_height``, or None."""
        used, fits = 0.0, 0
        for height in self._rowHeights:
            if used + height > available_height:
                break
            used += height
            fits += 1
        row = min(fits, len(self._rowHeights) - self.aside[1] - (self.least or (1, 1))[1])
        return row if self.holds_enough(row) else None


class KeepTogetherIfItFits(KeepTogether):
    """Keeps a group (a heading with what follows it, a lead-in with its steps) on one page, as a designer
    would: when the group does not fit in what is left of the page, it moves whole only if that leaves
    less than a quarter of a page empty; else it starts here, provided the piece that reaches the foot of
    the page can break (a box between its bullets, a paragraph between lines, a picture row a little
    smaller), so that no heading or lead-in is left at the foot of a page. A group taller than a page
    flows from where it can start."""

    def __init__(self, flowables: list[Flowable], page_height: float, loose: float = LOOSE_PAGE) -> None:
        super().__init__(flowables)
        self.page_height, self.loose = page_height, loose
        # Read now: ReportLab clears the pieces' keep-with-next once it has grouped them.
        self.kept = [bool(flowable.getKeepWithNext()) for flowable in self._content]

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        placed = self._placed(available_width)
        total = sum(gap + height for gap, height in placed)
        tall = total > self.page_height
        if total > available_height and (tall or available_height >= self.page_height * self.loose):
            pieces = self._started_here(available_width, available_height, placed)
            if pieces is not None:
                # The pieces no longer ask to stay together, or they would be grouped again, and again.
                self._release()
                return [self.NullActionFlowable(), *pieces]  # back into the story, to break as they go
        if tall:  # it cannot start here, and no page holds it whole: it starts on the next page, and flows
            self._release()
            at_top = getattr(getattr(self, "_frame", None), "_atTop", False)
            return [self.NullActionFlowable() if at_top else self.FrameBreak(), *self._content]
        return super().split(available_width, available_height)

    def _placed(self, available_width: float) -> list[tuple[float, float]]:
        """Each piece's gap above it and height, as a frame stacks them: the space between two pieces is
        the larger of the one's space after and the other's space before, not their sum; the first
        piece's space before is the frame's to take, before the group is asked to split."""
        placed, after = [], None
        for flowable in self._content:
            height = flowable.wrap(available_width, self.page_height)[1]
            placed.append((0.0 if after is None else max(after, flowable.getSpaceBefore()), height))
            after = flowable.getSpaceAfter()
        return placed

    def _started_here(
        self, available_width: float, available_height: float, placed: list[tuple[float, float]]
    ) -> list[Flowable] | None:
        """The group's pieces, if they can fill this page up to one that breaks at its foot (a part of it
        here, the rest on the next page); None if the group had better move whole.

        When the piece that reaches the foot cannot break there (a paragraph with room for one line, a row
        of pictures), the piece before it breaks instead, where that leaves less than a quarter of the page
        empty, so that what follows on the next page is never left alone; else, if the piece before it
        may end a page (body text, a box, or a lead-in under its heading before a row of steps), the page
        ends there and the rest moves on.
        """
        room, rooms = available_height, []
        content = list(self._content)
        for index, (flowable, (gap, height)) in enumerate(zip(content, placed, strict=True)):
            rooms.append(room)
            if gap + height <= room:
                room -= gap + height
                continue
            parts = self._broken(flowable, available_width, room - gap)
            if parts:
                return [*content[:index], *parts, *content[index + 1 :]]
            if index == 0:
                return None
            before = content[index - 1]
            before_gap, before_height = placed[index - 1]
            room_before = rooms[-2] - before_gap
            parts = self._broken(before, available_width, before_height - 1)
            if len(parts) == 3:
                left = room_before - parts[0].wrap(available_width, room_before)[1]
                if 0 <= left < self.page_height * self.loose:
                    return [*content[: index - 1], *parts, *content[index:]]
            # A lead-in may end the page before a row of step pictures that no page's foot could hold
            # (the row moves, its pictures with their words); else only what does not open the rest.
            steps_move = isinstance(flowable, Shrinkable) and index >= 2
            if (steps_move or not self.kept[index - 1]) and _may_end_a_page(before):
                return [*content[:index], self.FrameBreak(), *content[index:]]
            return None
        return content

    def _broken(self, flowable: Flowable, available_width: float, room: float) -> list[Flowable]:
        """``flowable`` made to fit ``room``: the piece that fits, a page break and the rest; or the whole
        a little smaller; or [] where it cannot break there."""
        split = getattr(flowable, "split_here", flowable.split)
        parts = split(available_width, room) if room > 0 else []
        if not parts or parts[0].wrap(available_width, room)[1] > room:
            return []
        return [parts[0], self.FrameBreak(), *parts[1:]] if len(parts) > 1 else parts

    def _release(self) -> None:
        for flowable in self._content:
            flowable.keepWithNext = False


def _may_end_a_page(flowable: Flowable) -> bool:
    """Body text and boxes may end a page; a heading, a key message or a dose box never does, as they
    open what follows them (as a lead-in does, which its group says)."""
    if isinstance(flowable, Paragraph):
        return not getattr(flowable.style, "keepWithNext", False)
    return isinstance(flowable, KeptTable) and flowable.continued is not None


class SectionHeading(TaggedParagraph):
    """A section title that also places the PDF bookmark for its section, on the page it lands on."""

    def __init__(
        self, text: str, style: ParagraphStyle, key: str, title: str, tag: Element = ARTIFACT
    ) -> None:
        super().__init__(text, style, tag)
        self.key, self.title = key, title

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, self.height)
        self.canv.addOutlineEntry(self.title, self.key, level=0, closed=False)
        super().draw()
