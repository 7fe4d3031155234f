"""The page furniture: the clinic's header band on page one, a slim header after it, and the footer.

All of it is drawn straight onto the canvas around the text frame, so it never pushes the text about.
To a screen reader the header band on page one is content (the clinic's name, how to call it), read
before the title; running headers, footers and page numbers are page furniture (artifacts).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.colors import Color, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from builder.handout import Handout
from builder.images import Picture
from builder.layout.flowables import ScaledPicture, fitted_size
from builder.layout.markup import inline, kept_whole
from builder.layout.styles import INK, MUTED, RULE, Theme
from builder.layout.tagging import (
    ARTIFACT,
    Element,
    MixedLanguageParagraph,
    TaggedParagraph,
    artifact,
    content,
    passage,
)

MARGIN = 21 * mm
EDGE = 12 * mm  # printers cannot reach the paper's edge; nothing is drawn closer than this
BAND_HEIGHT = 24 * mm
SLIM_HEADER_HEIGHT = 11 * mm
FOOTER_HEIGHT = 15.5 * mm  # a rule, a line of contact details, two lines of small print
LOGO_BOXES = {  # the widest and tallest a logo may print, by where it sits
    "band": (48 * mm, 15 * mm),
    "rule": (60 * mm, 19 * mm),
    "slim": (24 * mm, 7 * mm),
}
PAGE_NUMBER_WIDTH = 30 * mm
PHONE_WIDTH = 62 * mm  # the most the phone number may take of the header; longer ones are set smaller


@dataclass(frozen=True)
class PageGeometry:
    width: float
    height: float
    footer: float = FOOTER_HEIGHT
    """The footer's height, measured for the clinic's details and disclaimer (see ``footer_height``)."""

    @property
    def text_width(self) -> float:
        return self.width - 2 * MARGIN

    def frame_top(self, first: bool) -> float:
        header = BAND_HEIGHT if first else SLIM_HEADER_HEIGHT
        return self.height - EDGE - header - (7 if first else 5) * mm

    @property
    def frame_bottom(self) -> float:
        return EDGE + self.footer + 6 * mm

    @property
    def page_height(self) -> float:
        """The height of text a full page holds (a page after the first); taller content must break."""
        return self.frame_top(first=False) - self.frame_bottom


class PageFurniture:
    """Draws header and footer; "Page X of Y" once the page count is known (see ``page_number``)."""

    def __init__(
        self,
        handout: Handout,
        theme: Theme,
        logo: Picture | None,
        geometry: PageGeometry,
        structure: Element | None = None,
    ) -> None:
        self.handout, self.theme, self.logo, self.geometry = handout, theme, logo, geometry
        self.masthead = Masthead.of(structure or Element("Document"), handout, logo is not None)
        # The footer is the same on every page: its paragraphs are set once and drawn on each.
        self.contacts, self.notes = _footer_paragraphs(handout, theme, geometry.text_width)
        top = EDGE + geometry.footer
        self.contacts_top = top - theme.furniture_size(1.5 * mm)
        below_contacts = self.contacts_top - self.contacts.wrap(geometry.text_width, BAND_HEIGHT * 4)[1]
        self.notes_top = below_contacts - theme.furniture_size(1 * mm)
        self.notes.wrap(geometry.text_width - page_number_width(handout, theme), BAND_HEIGHT * 4)
        # On the baseline of the fine print's first line, half a point lower for the bold figures.
        self.number_baseline = self.notes_top - theme.small.fontSize - 0.5

    def first_page(self, canv: Canvas, doc: object) -> None:
        if self.handout.clinic.header == "rule":
            self._rule_header(canv)
        else:
            self._band(canv)
        with artifact(canv, "Pagination"):
            self._footer(canv)

    def later_page(self, canv: Canvas, doc: object) -> None:
        with artifact(canv, "Pagination"):
            self._slim_header(canv)
            self._footer(canv)

    def _band(self, canv: Canvas) -> None:
        """A full-width band in the primary colour; the logo sits on a white plate made for it."""
        theme, g = self.theme, self.geometry
        x, y, w = EDGE, g.height - EDGE - BAND_HEIGHT, g.width - 2 * EDGE
        canv.saveState()
        with artifact(canv, "Layout"):
            canv.setFillColor(theme.primary)
            canv.roundRect(x, y, w, BAND_HEIGHT, 3 * mm, stroke=0, fill=1)
        text_x = x + 6 * mm
        if self.logo is not None:
            logo_w, logo_h = logo_size(self.logo, "band")
            pad = 1.5 * mm
            plate_y = y + (BAND_HEIGHT - logo_h) / 2 - pad
            with artifact(canv, "Layout"):
                canv.setFillColor(white)  # logos are made for a white page
                canv.roundRect(
                    text_x, plate_y, logo_w + 2 * pad, logo_h + 2 * pad, 2.5 * mm, stroke=0, fill=1
                )
            self._logo(canv, text_x + pad, plate_y + pad, logo_w, logo_h, self.masthead.logo)
            text_x += logo_w + 2 * pad + 5 * mm
        self._identity(canv, text_x, x + w - 6 * mm, y + BAND_HEIGHT / 2, theme.on_primary, theme.on_primary)
        canv.restoreState()

    def _rule_header(self, canv: Canvas) -> None:
        """A quieter header: logo and name on white paper over a rule in the primary colour."""
        theme, g = self.theme, self.geometry
        y = g.height - EDGE - BAND_HEIGHT
        canv.saveState()
        text_x = MARGIN
        if self.logo is not None:
            logo_w, logo_h = logo_size(self.logo, "rule")
            logo_y = y + 3 * mm + (BAND_HEIGHT - 3 * mm - logo_h) / 2
            self._logo(canv, MARGIN, logo_y, logo_w, logo_h, self.masthead.logo)
            text_x += logo_w + 5 * mm
        middle = y + 3 * mm + (BAND_HEIGHT - 3 * mm) / 2
        self._identity(canv, text_x, g.width - MARGIN, middle, theme.primary_text, INK)
        with artifact(canv, "Layout"):
            canv.setStrokeColor(theme.primary)
            canv.setLineWidth(2.5)
            canv.line(MARGIN, y + 1.25, g.width - MARGIN, y + 1.25)
        canv.restoreState()

    def _identity(
        self, canv: Canvas, left: float, right: float, middle: float, strong: Color, soft: Color
    ) -> None:
        """Clinic name and tagline from ``left``; "Questions? Call us" and the phone number to ``right``."""
        theme, clinic = self.theme, self.handout.clinic
        grown = theme.furniture_size
        if clinic.phone:
            question, question_size = self.handout.words.questions_call_us, grown(11)
            canv.setFillColor(soft)
            canv.setFont(theme.fonts.regular, question_size)
            with content(canv, self.masthead.question):
                canv.drawRightString(right, middle + grown(1 * mm), question)
            # The phone keeps its share of the band and its smallest size: a long number is set smaller
            # (never shortened), and the name keeps its room.
            size = fitting_size(clinic.phone, theme.fonts.bold, PHONE_WIDTH, grown(14), 10)
            phone = fitted_text(clinic.phone, PHONE_WIDTH, theme.fonts.bold, size)
            canv.setFillColor(strong)
            canv.setFont(theme.fonts.bold, size)
            with content(canv, self.masthead.phone):
                canv.drawRightString(right, middle - grown(5.5 * mm), phone)
            widest = max(
                canv.stringWidth(phone, theme.fonts.bold, size),
                canv.stringWidth(question, theme.fonts.regular, question_size),
                grown(33 * mm),
            )
            right -= widest + 6 * mm
        width = right - left
        parts: list[tuple[Paragraph, float]] = []
        if clinic.tagline:
            size = fitting_size(clinic.tagline, theme.fonts.regular, width, grown(11.5), grown(10))
            tagline = TaggedParagraph(
                inline(fitted_text(clinic.tagline, width, theme.fonts.regular, size)),
                ParagraphStyle(
                    "band_tagline",
                    fontName=theme.fonts.regular,
                    fontSize=size,
                    leading=grown(12),
                    textColor=soft,
                ),
                self.masthead.tagline,
            )
            parts.append((tagline, tagline.wrap(width, BAND_HEIGHT)[1] + grown(1 * mm)))
        name_style = ParagraphStyle("band_name", fontName=theme.heading_fonts.bold, textColor=strong)
        # The name has what the band leaves, 2 mm clear of its top and bottom edges.
        room = BAND_HEIGHT - 4 * mm - sum(height for _, height in parts)
        name = _name_paragraph(clinic.name, name_style, width, theme.furniture, room, self.masthead.name)
        parts.insert(0, (name, name.wrap(width, BAND_HEIGHT)[1]))
        top = middle + sum(height for _, height in parts) / 2
        for paragraph, height in parts:
            paragraph.drawOn(canv, left, top - height)
            top -= height

    def _slim_header(self, canv: Canvas) -> None:
        """The clinic's name (with its logo) and the handout's title over a hairline.

        The strip keeps its 11 mm in large print (``PageGeometry`` places the text frame under it): type
        grown to 14 pt still has 3 mm above it before the printer's edge."""
        theme, g = self.theme, self.geometry
        top = g.height - EDGE
        baseline = top - SLIM_HEADER_HEIGHT + 3.5 * mm
        name_size, title_size = theme.furniture_size(11.5), theme.furniture_size(10.5)
        canv.saveState()
        x = MARGIN
        if self.logo is not None:
            logo_w, logo_h = logo_size(self.logo, "slim")
            self._logo(canv, x, baseline - 1.5 * mm, logo_w, logo_h)
            x += logo_w + 3 * mm
        name = fitted_text(self.handout.clinic.name, g.text_width * 0.65, theme.heading_fonts.bold, name_size)
        canv.setFillColor(theme.primary_text)
        canv.setFont(theme.heading_fonts.bold, name_size)
        canv.drawString(x, baseline, name)
        x += canv.stringWidth(name, theme.heading_fonts.bold, name_size) + 8 * mm
        canv.setFillColor(MUTED)
        canv.setFont(theme.fonts.regular, title_size)
        title = fitted_text(self.handout.title, g.width - MARGIN - x, theme.fonts.regular, title_size)
        canv.drawRightString(g.width - MARGIN, baseline, title)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.8)
        canv.line(MARGIN, baseline - 3.5 * mm, g.width - MARGIN, baseline - 3.5 * mm)
        canv.restoreState()

    def _footer(self, canv: Canvas) -> None:
        """Under a rule: the clinic's contact details, then the disclaimer with "Page X of Y" beside it."""
        theme, g = self.theme, self.geometry
        top = EDGE + g.footer
        canv.saveState()
        canv.setStrokeColor(theme.primary)
        canv.setLineWidth(1)
        canv.line(MARGIN, top, g.width - MARGIN, top)
        self.contacts.drawOn(canv, MARGIN, self.contacts_top - self.contacts.height)
        self.notes.drawOn(canv, MARGIN, self.notes_top - self.notes.height)
        canv.restoreState()

    def page_number(self, canv: Canvas, number: int, total: int) -> None:
        """ "Page X of Y", beside the disclaimer, drawn when the last page is known."""
        with artifact(canv, "Pagination"):
            self._page_number(canv, number, total)

    def _page_number(self, canv: Canvas, number: int, total: int) -> None:
        canv.saveState()
        canv.setFillColor(INK)
        canv.setFont(self.theme.fonts.bold, self.theme.furniture_size(10))
        page_of = self.handout.words.page_of.format(number=number, total=total)
        canv.drawRightString(self.geometry.width - MARGIN, self.number_baseline, page_of)
        canv.restoreState()

    def _logo(
        self, canv: Canvas, x: float, y: float, width: float, height: float, tag: Element = ARTIFACT
    ) -> None:
        assert self.logo is not None
        ScaledPicture(self.logo, width, height, self.theme.fonts.regular, tag).drawOn(canv, x, y)


@dataclass(frozen=True)
class Masthead:
    """The header band's place in the structure, before the title: the logo, the clinic's name and
    tagline, and "Questions? Call us" with the phone number."""

    logo: Element
    name: Element
    tagline: Element
    question: Element
    phone: Element

    @classmethod
    def of(cls, document: Element, handout: Handout, has_logo: bool) -> Masthead:
        clinic, words = handout.clinic, handout.words
        band = document.add("Div")
        logo = band.add("Figure", alt=words.logo_alt.format(clinic=clinic.name)) if has_logo else ARTIFACT
        return cls(logo, band.add("P"), band.add("P"), band.add("P"), band.add("P"))


def logo_size(logo: Picture, place: str) -> tuple[float, float]:
    """The logo's printed size in a header ``place``: "band", "rule" or "slim" (pages after the first)."""
    return fitted_size(logo, *LOGO_BOXES[place])


def _name_paragraph(
    name: str,
    style: ParagraphStyle,
    width: float,
    scale: float = 1.0,
    room: float = BAND_HEIGHT,
    tag: Element = ARTIFACT,
) -> Paragraph:
    """The clinic's name: on one line at 18 to 14 pt if it fits, else on two at 16 to 12 (in large print
    18, 14 and 16 grown by ``scale``; never taller than ``room``); only a name too long even for that is
    shortened, so it never spills out of the header."""

    def fitted(text: str, size: float) -> tuple[Paragraph, int]:
        paragraph = TaggedParagraph(
            inline(text), style.clone("fitted", fontSize=size, leading=size * 1.15), tag
        )
        paragraph.wrap(width, BAND_HEIGHT)
        return paragraph, len(paragraph.blPara.lines)

    def half_points(points: float) -> float:
        return math.floor(points * 2) / 2

    for lines, largest, smallest in ((1, 18 * scale, 14 * scale), (2, 16 * scale, 12.0)):
        size = half_points(min(largest, room / 1.15 / lines))  # the lines' leading must fit the room
        while size >= smallest:
            paragraph, used = fitted(name, size)
            if used <= lines:
                return paragraph
            size -= 0.5
    words = name.split()
    while len(words) > 1:
        words = [*words[:-2], words[-2].rstrip(",;:") + "…"]
        paragraph, used = fitted(" ".join(words), 12)
        if used <= 2:
            break
    return paragraph


def fitting_size(text: str, font: str, width: float, largest: float, smallest: float) -> float:
    """The largest size from ``largest`` down to ``smallest`` at which ``text`` fits in ``width``."""
    size = largest
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def fitted_text(text: str, width: float, font: str, size: float) -> str:
    """``text``, shortened at a word with an ellipsis if it is wider than ``width``; a single word too
    long for it, by letters."""
    words = text.split()
    while len(words) > 1 and stringWidth(" ".join(words), font, size) > width:
        words.pop()
        words[-1] = words[-1].rstrip(",;:") + "…"
    shown = " ".join(words)
    while len(shown) > 1 and stringWidth(shown, font, size) > width:
        shown = shown[:-2] + "…"
    return shown


def footer_height(handout: Handout, theme: Theme, text_width: float) -> float:
    """The footer as tall as the clinic's details and disclaimer need, and never less than the usual."""
    contacts, notes = _footer_paragraphs(handout, theme, text_width)
    gap = theme.furniture_size
    height = gap(1.5 * mm) + contacts.wrap(text_width, BAND_HEIGHT * 4)[1]
    height += gap(1 * mm) + notes.wrap(text_width - page_number_width(handout, theme), BAND_HEIGHT * 4)[1]
    return max(FOOTER_HEIGHT, height + gap(1 * mm))


def page_number_width(handout: Handout, theme: Theme) -> float:
    """The room "Page X of Y" keeps beside the fine print: the usual 30 mm, grown with the furniture in
    large print, and always wide enough for "Page 88 of 88" in the handout's language."""
    widest = handout.words.page_of.format(number=88, total=88)
    size = theme.furniture_size(10)
    return max(theme.furniture_size(PAGE_NUMBER_WIDTH), stringWidth(widest, theme.fonts.bold, size) + 2 * mm)


def _footer_paragraphs(handout: Handout, theme: Theme, text_width: float) -> tuple[Paragraph, Paragraph]:
    """The contact line, and the fine print under it."""
    style = theme.footer
    parts = handout.clinic.contacts
    details = [kept_whole(part, style.fontName, style.fontSize, text_width) for part in parts]
    # Large print balances the details over two lines; regular print wraps them as they come, as before.
    balanced = theme.furniture != 1
    lines = (
        _balanced_lines(parts, style.fontName, style.fontSize, text_width) if balanced else [(0, len(parts))]
    )
    markup = "<br/>".join(" · ".join(details[start:end]) for start, end in lines)
    return Paragraph(markup, style), fine_print(handout, theme)


def _balanced_lines(parts: tuple[str, ...], font: str, size: float, width: float) -> list[tuple[int, int]]:
    """Where the contact details break, as (start, end) runs of ``parts``: all on one line when they fit
    it, else two lines as even as can be (large print: "address · phone" over "email · website"), not a
    full line with one detail left over. Runs that fit no two lines are one run, wrapped as it comes."""
    everything = [(0, len(parts))]

    def measured(start: int, end: int) -> float:
        return stringWidth(" · ".join(parts[start:end]), font, size)

    if len(parts) < 2 or measured(0, len(parts)) < width:
        return everything
    splits = [
        (max(measured(0, k), measured(k, len(parts))), k)
        for k in range(1, len(parts))
        if measured(0, k) < width and measured(k, len(parts)) < width
    ]
    if not splits:
        return everything
    _, split = min(splits)
    return [(0, split), (split, len(parts))]


def fine_print(
    handout: Handout, theme: Theme, with_offers: bool = False, tag: Element = ARTIFACT
) -> Paragraph:
    """The clinic's disclaimer, how fresh the information is and the leaflet's reference; with
    ``with_offers``, the other forms it comes in too (see ``offers``)."""
    words = handout.words
    notes = [inline(handout.clinic.disclaimer)] if handout.clinic.disclaimer else []
    if handout.reviewed:
        review = words.reviewed.format(month=words.month(handout.reviewed))
        if handout.next_review:
            review += ", " + words.next_review.format(month=words.month(handout.next_review))
        notes.append(review.replace(" ", "&nbsp;") + ".")
    reference = inline(handout.reference)
    large = theme.furniture != 1  # large print wraps the fine print more: keep its breaks tidy
    if large:
        reference = reference.replace(" v", "&nbsp;v")  # each section with its version: "sleep v1"
    notes.append(words.reference.format(reference=reference))
    markup = " ".join(note for note in notes if note)
    if with_offers and offers(handout):
        return offers_paragraph(handout, theme.small, tag, markup + " ", bold=True, bind_last=large)
    if large:  # and never leave a last word on a line alone
        before, space, last = markup.rpartition(" ")
        markup = f"{before}&nbsp;{last}" if space else markup
    return TaggedParagraph(markup, theme.small, tag)


def offers(handout: Handout) -> str:
    """The other forms the leaflet comes in: large print, and each other language it is written in,
    offered in that language's own words so that its reader can read the offer; "" when none."""
    return " ".join(text for text, _ in offer_parts(handout))


def offer_parts(handout: Handout) -> list[tuple[str, str | None]]:
    """The offers, each with its language where it is not the handout's (None)."""
    found: list[tuple[str, str | None]] = (
        [] if handout.large_print else [(handout.words.large_print_offer, None)]
    )
    return found + [(other.offer, other.tag) for other in handout.offers]


def offers_paragraph(
    handout: Handout,
    style: ParagraphStyle,
    tag: Element,
    before: str = "",
    bold: bool = False,
    bind_last: bool = False,
) -> Paragraph:
    """``before`` (markup) then the offers, each offer in another language a passage in that language;
    ``bind_last`` keeps the last word with the one before it."""
    passages: list[Element] = []
    parts = []
    for text, lang in offer_parts(handout):
        if lang is not None:
            passages.append(tag.add("Span", lang=lang))
            parts.append(passage(len(passages)) + inline(text))
        else:
            parts.append(inline(text) if not passages else passage(0) + inline(text))
    offered = " ".join(parts)
    if bind_last:
        start, space, last = offered.rpartition(" ")
        offered = f"{start}&nbsp;{last}" if space else offered
    markup = f"{passage(0)}{before}{f'<b>{offered}</b>' if bold else offered}{passage(-1)}"
    return MixedLanguageParagraph(markup, style, tag, passages)
