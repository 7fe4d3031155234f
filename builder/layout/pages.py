"""The page furniture: the clinic's header band on page one, a slim header after it, and the footer.

All of it is drawn straight onto the canvas around the text frame, so it never pushes the text about.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from reportlab.lib.colors import white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from builder.handout import Handout
from builder.images import Picture
from builder.layout.flowables import picture_flowable
from builder.layout.markup import inline
from builder.layout.styles import INK, MUTED, RULE, Theme

MARGIN = 21 * mm
EDGE = 12 * mm  # printers cannot reach the paper's edge; nothing is drawn closer than this
BAND_HEIGHT = 24 * mm
SLIM_HEADER_HEIGHT = 11 * mm
FOOTER_HEIGHT = 15.5 * mm  # a rule, a line of contact details, two lines of small print
LOGO_BOX = 18 * mm
PAGE_NUMBER_WIDTH = 30 * mm


@dataclass(frozen=True)
class PageGeometry:
    width: float
    height: float

    @property
    def text_width(self) -> float:
        return self.width - 2 * MARGIN

    def frame_top(self, first: bool) -> float:
        header = BAND_HEIGHT if first else SLIM_HEADER_HEIGHT
        return self.height - EDGE - header - (7 if first else 5) * mm

    @property
    def frame_bottom(self) -> float:
        return EDGE + FOOTER_HEIGHT + 6 * mm

    @property
    def page_height(self) -> float:
        """The height of text a full page holds (a page after the first); taller content must break."""
        return self.frame_top(first=False) - self.frame_bottom


class PageFurniture:
    """Draws header and footer; ``total_pages`` is known from a first layout pass (None during it)."""

    def __init__(
        self,
        handout: Handout,
        theme: Theme,
        logo: Picture | None,
        geometry: PageGeometry,
        total_pages: int | None,
    ) -> None:
        self.handout, self.theme, self.logo, self.geometry = handout, theme, logo, geometry
        self.total_pages = total_pages

    def first_page(self, canv: Canvas, doc: object) -> None:
        self._band(canv)
        self._footer(canv)

    def later_page(self, canv: Canvas, doc: object) -> None:
        self._slim_header(canv)
        self._footer(canv)

    def _band(self, canv: Canvas) -> None:
        theme, clinic, g = self.theme, self.handout.clinic, self.geometry
        x, y, w = EDGE, g.height - EDGE - BAND_HEIGHT, g.width - 2 * EDGE
        canv.saveState()
        canv.setFillColor(theme.primary)
        canv.roundRect(x, y, w, BAND_HEIGHT, 3 * mm, stroke=0, fill=1)
        text_x = x + 6 * mm
        if self.logo is not None:
            box_y = y + (BAND_HEIGHT - LOGO_BOX) / 2
            canv.setFillColor(white)  # logos are made for a white page
            canv.roundRect(text_x, box_y, LOGO_BOX, LOGO_BOX, 2.5 * mm, stroke=0, fill=1)
            self._logo(canv, text_x + 1.5 * mm, box_y + 1.5 * mm, LOGO_BOX - 3 * mm)
            text_x += LOGO_BOX + 5 * mm
        canv.setFillColor(theme.on_primary)
        middle = y + BAND_HEIGHT / 2
        name_y = middle + (0.5 * mm if clinic.tagline else -2.5 * mm)
        canv.setFont(theme.fonts.bold, 18)
        canv.drawString(text_x, name_y, clinic.name)
        if clinic.tagline:
            canv.setFont(theme.fonts.regular, 11.5)
            canv.drawString(text_x, middle - 6 * mm, clinic.tagline)
        if clinic.phone:
            right = x + w - 6 * mm
            canv.setFont(theme.fonts.regular, 11)
            canv.drawRightString(right, middle + 1 * mm, "Questions? Call us")
            canv.setFont(theme.fonts.bold, 14)
            canv.drawRightString(right, middle - 5.5 * mm, clinic.phone)
        canv.restoreState()

    def _slim_header(self, canv: Canvas) -> None:
        theme, g = self.theme, self.geometry
        top = g.height - EDGE
        baseline = top - SLIM_HEADER_HEIGHT + 3.5 * mm
        canv.saveState()
        x = MARGIN
        if self.logo is not None:
            size = 7 * mm
            self._logo(canv, x, baseline - 1.5 * mm, size)
            x += size + 3 * mm
        canv.setFillColor(theme.primary)
        canv.setFont(theme.fonts.bold, 11.5)
        canv.drawString(x, baseline, self.handout.clinic.name)
        x += canv.stringWidth(self.handout.clinic.name, theme.fonts.bold, 11.5) + 8 * mm
        canv.setFillColor(MUTED)
        canv.setFont(theme.fonts.regular, 10.5)
        title = _fitted(self.handout.title, g.width - MARGIN - x, canv, theme.fonts.regular, 10.5)
        canv.drawRightString(g.width - MARGIN, baseline, title)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.8)
        canv.line(MARGIN, baseline - 3.5 * mm, g.width - MARGIN, baseline - 3.5 * mm)
        canv.restoreState()

    def _footer(self, canv: Canvas) -> None:
        """Under a rule: the clinic's contact details, then the disclaimer with "Page X of Y" beside it."""
        theme, g, clinic = self.theme, self.geometry, self.handout.clinic
        top = EDGE + FOOTER_HEIGHT
        canv.saveState()
        canv.setStrokeColor(theme.primary)
        canv.setLineWidth(1)
        canv.line(MARGIN, top, g.width - MARGIN, top)
        # Non-breaking spaces inside each detail, so a long line wraps between details, never inside one.
        contacts = " · ".join(inline(part).replace(" ", "&nbsp;") for part in clinic.contacts)
        y = _draw_below(canv, Paragraph(contacts, theme.footer), MARGIN, top - 1.5 * mm, g.text_width)
        notes = [inline(clinic.disclaimer)] if clinic.disclaimer else []
        if self.handout.reviewed:
            year, month = self.handout.reviewed.split("-")
            notes.append(
                f"Information reviewed {calendar.month_name[int(month)]} {year}.".replace(" ", "&nbsp;")
            )
        if notes:
            disclaimer = Paragraph(" ".join(notes), theme.small)
            _draw_below(canv, disclaimer, MARGIN, y - 1 * mm, g.text_width - PAGE_NUMBER_WIDTH)
        canv.setFillColor(INK)
        canv.setFont(theme.fonts.bold, 10)
        page = f"Page {canv.getPageNumber()} of {self.total_pages or 0}"
        canv.drawRightString(g.width - MARGIN, y - 1 * mm - theme.small.leading + 2, page)
        canv.restoreState()

    def _logo(self, canv: Canvas, x: float, y: float, size: float) -> None:
        assert self.logo is not None
        logo = picture_flowable(self.logo, size, size, self.theme.fonts.regular)
        width, height = logo.wrap(size, size)
        logo.drawOn(canv, x + (size - width) / 2, y + (size - height) / 2)


def _fitted(text: str, width: float, canv: Canvas, font: str, size: float) -> str:
    """``text``, shortened at a word with an ellipsis if it is wider than ``width``."""
    words = text.split()
    while len(words) > 1 and canv.stringWidth(" ".join(words), font, size) > width:
        words.pop()
        words[-1] = words[-1].rstrip(",;:") + "…"
    return " ".join(words)


def _draw_below(canv: Canvas, paragraph: Paragraph, x: float, top: float, width: float) -> float:
    """Draw ``paragraph`` hanging from ``top``; returns where it ends."""
    height = paragraph.wrap(width, FOOTER_HEIGHT)[1]
    paragraph.drawOn(canv, x, top - height)
    return top - height
