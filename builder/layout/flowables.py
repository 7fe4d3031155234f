"""Small custom flowables: the drawn pieces a stock Paragraph or Table cannot give us."""

from __future__ import annotations

from typing import Any, Literal

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from builder.images import Picture, print_image


class ScaledPicture(Flowable):
    """A picture shown at a given size: vector art through ReportLab's renderer, photos as images."""

    def __init__(self, picture: Picture, width: float, height: float, font: str) -> None:
        super().__init__()
        self.picture, self.width, self.height, self.font = picture, width, height, font

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
        renderPDF.draw(drawing, self.canv, 0, 0)
        self.canv.restoreState()


def fitted_size(picture: Picture, max_width: float, max_height: float) -> tuple[float, float]:
    """As large as fits the box, aspect ratio kept; a photo is never blown up past its natural size."""
    scale = min(max_width / picture.width, max_height / picture.height)
    if picture.drawing is None:
        scale = min(scale, 1.0)
    return picture.width * scale, picture.height * scale


def picture_flowable(picture: Picture, max_width: float, max_height: float, font: str) -> Flowable:
    return ScaledPicture(picture, *fitted_size(picture, max_width, max_height), font)


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


class Icon(Flowable):
    """The symbol that tells a callout's kind without colour: i (tip), ! in a triangle, or a stop octagon."""

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


class NumberBadge(Flowable):
    """A step number in a filled circle, large enough to find at a glance."""

    def __init__(self, number: int, color: Color, text_color: Color, font: str, size: float = 8 * mm) -> None:
        super().__init__()
        self.number, self.color, self.text_color, self.font = number, color, text_color, font
        self.width = self.height = size

    def draw(self) -> None:
        s = self.width
        self.canv.setFillColor(self.color)
        self.canv.circle(s / 2, s / 2, s / 2, stroke=0, fill=1)
        self.canv.setFillColor(self.text_color)
        self.canv.setFont(self.font, s * 0.55)
        self.canv.drawCentredString(s / 2, s * 0.31, str(self.number))


class TickBox(Flowable):
    """An empty square, big enough to tick with a pen."""

    def __init__(self, color: Color, size: float = 6.5 * mm) -> None:
        super().__init__()
        self.color, self.width, self.height = color, size, size

    def draw(self) -> None:
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(1.2)
        self.canv.roundRect(0, 0, self.width, self.height, 1, stroke=1, fill=0)


class FillInLine(Flowable):
    """Labelled lines to write on by hand ("Name ____  Date ____"); widths are shares of the line.

    ``values`` are printed on the lines where they are known already (the patient's name, the date).
    """

    def __init__(
        self,
        fields: tuple[tuple[str, float], ...],
        font: str,
        size: float,
        color: Color,
        values: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
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


class RuledLines(Flowable):
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


class ChoiceLine(Flowable):
    """A label and options with a box each to tick by hand ("Your therapist: [] Sam Lee [] Ana Ruiz [] ____"),
    wrapping onto a second line when the names do not fit on one."""

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
                canv.setLineWidth(1.1)
                canv.rect(x, y - 1, self.BOX, self.BOX, stroke=1, fill=0)
                text_x = x + self.BOX + 2 * mm
                if option:
                    canv.drawString(text_x, y, option)
                else:
                    canv.setLineWidth(0.8)
                    canv.line(text_x, y - 2, text_x + self.BLANK, y - 2)


class QrCodeDrawing(Flowable):
    """A QR code drawn as vector squares by ReportLab's own widget, on white with its quiet zone."""

    def __init__(self, url: str, size: float, font: str) -> None:
        super().__init__()
        self.url, self.width, self.height, self.font = url, size, size, font

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


class IfRoom(Flowable):
    """Shows ``inner`` only where it fits on the page it reaches; else takes no space and draws nothing.

    For extras such as the closing contact panel, which must never start a page of its own.
    """

    def __init__(self, inner: Flowable) -> None:
        super().__init__()
        self.inner, self.shown = inner, False

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width, height = self.inner.wrap(available_width, available_height)
        needed = height + self.inner.getSpaceBefore()
        self.shown = needed <= available_height
        return (width, needed) if self.shown else (0, 0)

    def draw(self) -> None:
        if self.shown:
            self.inner.drawOn(self.canv, 0, 0)


class KeptTable(Table):
    """A table that would rather start a new page than break; it breaks between rows only when it is
    taller than a whole page (``page_height``), and then never inside a row. The pieces of a broken table
    are made by ReportLab without a page height, so they break freely."""

    def __init__(self, rows: list[list], page_height: float = 0, **options: Any) -> None:
        super().__init__(rows, **options)
        self.page_height = page_height
        self.measured: tuple[float, tuple[float, float]] | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Measured once per width: layout asks again and again (keep-together groups, the frame,
        splitting), and the size of our tables depends on the width alone, as their cells hold text,
        pictures and boxes, never anything that grows into the space left on a page."""
        if self.measured is None or self.measured[0] != available_width:
            self.measured = (available_width, super().wrap(available_width, available_height))
        return self.measured[1]

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self.wrap(available_width, available_height)[1] <= self.page_height:
            return []
        return super().split(available_width, available_height)


class KeepTogetherIfItFits(KeepTogether):
    """ReportLab's keep-together moves a group to a new page even when the group is taller than any page,
    leaving a page empty; this one lets such a group flow where it is (its tables then break by rows)."""

    def __init__(self, flowables: list[Flowable], page_height: float) -> None:
        super().__init__(flowables)
        self.page_height = page_height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        height = sum(
            f.wrap(available_width, self.page_height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
            for f in self._content
        )
        if height > self.page_height:
            # Flow from here, unless not even the group's first piece fits in what is left of this page;
            # the pieces no longer ask to stay together, or they would be grouped again, and again.
            for flowable in self._content:
                flowable.keepWithNext = False
            first = self._content[0]
            room = first.wrap(available_width, available_height)[1] + first.getSpaceBefore()
            return list(self._content) if room <= available_height else []
        return super().split(available_width, available_height)


class SectionHeading(Paragraph):
    """A section title that also places the PDF bookmark for its section, on the page it lands on."""

    def __init__(self, text: str, style: ParagraphStyle, key: str, title: str) -> None:
        super().__init__(text, style)
        self.key, self.title = key, title

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, self.height)
        self.canv.addOutlineEntry(self.title, self.key, level=0, closed=False)
        super().draw()
