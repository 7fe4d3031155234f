"""The pages of a booklet around its text: front cover, running header and page number, back cover, and
for press output the bleed and crop marks.

Everything is drawn in trim coordinates, (0, 0) at the trim's lower-left corner. For press output each
page's media is larger (bleed and marks all round) and the origin is moved onto the trim, so colour that
touches an edge of the trim is drawn on into the bleed and the crop marks sit outside it.

To a screen reader the covers are content, read first and last; the running headers and page numbers,
the colour and the crop marks are page furniture (artifacts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from reportlab.lib.colors import CMYKColor, white
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch, mm
from reportlab.pdfbase.pdfdoc import PDFPageLabel
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageTemplate, Paragraph

from builder.handout import Handout
from builder.images import Picture
from builder.layout.flowables import QrCodeDrawing, ScaledPicture, fitted_size
from builder.layout.markup import inline, kept_whole
from builder.layout.pages import fitted_text
from builder.layout.patient_lines import patient_lines
from builder.layout.styles import INK, MUTED, RULE, Theme
from builder.layout.tagging import ARTIFACT, Element, TaggedParagraph, artifact

SIDE = 15 * mm  # left and right text margins: room for the staples at the fold, and for thumbs
EDGE = 10 * mm  # from the top and bottom of the page to the running header and the page number
INSET = 9 * mm  # how far colour keeps off the paper's edge when an office printer prints it
COVER_SPLIT = 0.44  # the cover's colour fills the page from this share of its height to the top
BACK_STRIP = 17 * mm
BACK_STRIP_WITH_CODE = 32 * mm  # room for the booking QR code on its white plate
STRIP_PAD = 3 * mm  # the least colour above and below the clinic's name in the back cover's strip
BACK_CODE = 22 * mm  # big enough for any phone camera to read from arm's length
LINE_GAP = 5 * mm  # between the cover's lines to fill in
TITLE_BAR = 5.6 * mm  # the short bar over the cover's title, and the gap below it
LOGO_BOX = (40 * mm, 14 * mm)
MARK_LENGTH = 5 * mm
MARK_GAP = 3 * mm  # crop marks start at least this far from the trim, and never inside the bleed
CROP_MARK_INK = CMYKColor(0, 0, 0, 1)  # black ink: the lines the print shop cuts along


@dataclass(frozen=True)
class BookletGeometry:
    """A booklet page: its trim size, and the bleed for press output (None: office printing)."""

    TRIM_SIZES: ClassVar[dict[str, tuple[float, float]]] = {
        "a4": A5,  # half an A4 sheet
        "letter": (5.5 * inch, 8.5 * inch),  # half a US Letter sheet
    }

    width: float
    height: float
    bleed: float | None = None

    @property
    def margin(self) -> float:
        """The media around the trim on each side: bleed, then room for the crop marks."""
        if self.bleed is None:
            return 0.0
        return max(self.bleed, MARK_GAP) + MARK_LENGTH + 2 * mm

    @property
    def media(self) -> tuple[float, float]:
        return self.width + 2 * self.margin, self.height + 2 * self.margin

    @property
    def text_width(self) -> float:
        return self.width - 2 * SIDE

    @property
    def frame_top(self) -> float:
        return self.height - EDGE - 13 * mm

    @property
    def frame_bottom(self) -> float:
        return EDGE + 9 * mm

    @property
    def page_height(self) -> float:
        return self.frame_top - self.frame_bottom

    @property
    def back_top(self) -> float:
        return self.height - EDGE


class BookletTemplate(PageTemplate):
    """A page template that, for press output, moves the origin onto the trim and marks the page."""

    def __init__(self, name: str, frame: Frame, on_page: object, geometry: BookletGeometry) -> None:
        super().__init__(name, [frame], onPage=on_page)
        self.geometry = geometry

    def beforeDrawPage(self, canv: Canvas, doc: object) -> None:
        g = self.geometry
        if g.bleed is None:
            return
        m, bleed = g.margin, g.bleed
        canv.setTrimBox((m, m, m + g.width, m + g.height))
        canv.setBleedBox((m - bleed, m - bleed, m + g.width + bleed, m + g.height + bleed))
        canv.translate(m, m)
        with artifact(canv, "Pagination"):
            _crop_marks(canv, g.width, g.height, bleed)


def _crop_marks(canv: Canvas, width: float, height: float, bleed: float) -> None:
    """Hairlines on the trim lines, outside the bleed, at every corner: where the print shop cuts."""
    start = max(bleed, MARK_GAP)
    canv.saveState()
    canv.setStrokeColor(CROP_MARK_INK)
    canv.setLineWidth(0.25)
    for x, outward_x in ((0.0, -1), (width, 1)):
        for y, outward_y in ((0.0, -1), (height, 1)):
            canv.line(x + outward_x * start, y, x + outward_x * (start + MARK_LENGTH), y)
            canv.line(x, y + outward_y * start, x, y + outward_y * (start + MARK_LENGTH))
    canv.restoreState()


class BookletFurniture:
    """Draws what is around the text on each kind of page."""

    def __init__(
        self,
        handout: Handout,
        theme: Theme,
        logo: Picture | None,
        geometry: BookletGeometry,
        structure: Element | None = None,
    ) -> None:
        self.handout, self.theme, self.logo, self.geometry = handout, theme, logo, geometry
        document = structure or Element("Document")
        self.cover = document.add("Div")
        """The front cover, first in reading order: the clinic, the title, what is inside, whom it is
        for, how to call."""
        words = handout.words
        self.logo_tag = (
            self.cover.add("Figure", alt=words.logo_alt.format(clinic=handout.clinic.name))
            if logo
            else ARTIFACT
        )
        self.identity_tags = (self.cover.add("P"), self.cover.add("P"))
        self.title_tag, self.inside_tag = self.cover.add("H1"), self.cover.add("P")
        self.lines = self._patient_lines()
        self.call_us_tag = self.cover.add("P")
        self.strip_tags = (ARTIFACT, ARTIFACT, ARTIFACT, ARTIFACT)
        """The back cover's strip: the clinic's name and tagline, the QR code and its label (see
        ``close``)."""
        strip = BACK_STRIP_WITH_CODE if handout.clinic.qr_code else BACK_STRIP
        # Taller when the clinic's name and tagline need it (a long name, large print): on the colour,
        # clear of its edges, never spilling off it in white on white.
        identity = self._identity_parts(self._back_name_width(), strip - 2 * STRIP_PAD)
        self.strip = max(strip, sum(height for _, height in identity) + 2 * STRIP_PAD)

    @property
    def back_height(self) -> float:
        """The height of the back cover's frame: from the top to just above the strip at its foot."""
        return self.geometry.back_top - (INSET + self.strip + 6 * mm)

    def templates(self) -> list[PageTemplate]:
        g = self.geometry

        def frame(bottom: float, top: float) -> Frame:
            return Frame(SIDE, bottom, g.text_width, top - bottom, 0, 0, 0, 0)

        middle = g.height / 2
        return [
            BookletTemplate("cover", frame(g.frame_bottom, g.frame_top), self.front_cover, g),
            BookletTemplate("page", frame(g.frame_bottom, g.frame_top), self.running_page, g),
            BookletTemplate("blank", frame(middle - 10 * mm, middle + 10 * mm), self.blank_page, g),
            BookletTemplate("back", frame(g.back_top - self.back_height, g.back_top), self.back_cover, g),
        ]

    def front_cover(self, canv: Canvas, doc: object) -> None:
        """The clinic's colour across the top with its logo, name and the title; lines for the patient's
        name, the therapist and the date below; how to call the clinic at the foot."""
        g = self.geometry
        canv.addPageLabel(0, prefix=self.handout.words.cover)
        canv.addPageLabel(1, style=PDFPageLabel.ARABIC, start=2)
        foot = self._call_us(canv)
        lines = self.lines
        lines_height = sum(height for _, height in lines) + LINE_GAP * (len(lines) - 1)
        # The colour gives way when the therapists' names need more room to tick.
        split = max(g.height * COVER_SPLIT, foot + 8 * mm + lines_height + 12 * mm)
        with artifact(canv, "Layout"):
            self._colour(canv, split, g.height)
        top = split - 12 * mm
        for line, height in lines:
            line.drawOn(canv, SIDE, top - height)
            top -= height + LINE_GAP
        identity_bottom = self._cover_identity(canv)
        self._cover_title(canv, split + 9 * mm, identity_bottom - 10 * mm)

    def _cover_identity(self, canv: Canvas) -> float:
        """The logo on its white plate and the clinic's name beside it, at the top; returns their foot."""
        g, theme = self.geometry, self.theme
        top = g.height - INSET - 8 * mm
        text_left, height = SIDE, 12 * mm
        if self.logo is not None:
            logo_w, logo_h = fitted_size(self.logo, *LOGO_BOX)
            pad = 2 * mm
            height = logo_h + 2 * pad
            with artifact(canv, "Layout"):
                canv.setFillColor(white)  # logos are made for a white page
                canv.roundRect(SIDE, top - height, logo_w + 2 * pad, height, 2 * mm, stroke=0, fill=1)
            ScaledPicture(self.logo, logo_w, logo_h, theme.fonts.regular, self.logo_tag).drawOn(
                canv, SIDE + pad, top - height + pad
            )
            text_left += logo_w + 2 * pad + 4 * mm
        self._identity(canv, text_left, g.width - SIDE - text_left, top - height / 2, self.identity_tags)
        return top - height

    def _cover_title(self, canv: Canvas, bottom: float, top: float) -> None:
        """What is inside, the title over it and a short bar over the title, all between ``bottom`` and
        ``top``; the title as large as fits there."""
        g, theme = self.geometry, self.theme
        if len(self.handout.sections) > 1:
            inside = self._inside(g.text_width)
            inside.drawOn(canv, SIDE, bottom)
            bottom += inside.height + 5 * mm
        # Display type, already twice the large-print body: it keeps its sizes, and its one line.
        style = self._on_colour("cover_title", 30, bold=True)
        room = top - TITLE_BAR - bottom
        title = fitted_paragraph(self.handout.title, style, g.text_width, room, 30, 18, self.title_tag)
        title_height = title.wrap(g.text_width, room)[1]
        title.drawOn(canv, SIDE, bottom)
        with artifact(canv, "Layout"):
            canv.setFillColor(theme.on_primary)
            canv.rect(SIDE, bottom + title_height + TITLE_BAR - 1.6 * mm, 16 * mm, 1.6 * mm, stroke=0, fill=1)

    def _inside(self, width: float) -> Paragraph:
        """ "Inside:" and the sections' titles, on four lines at most: a long list ends "and 6 more"."""
        style = self._on_colour("cover_inside", self.theme.furniture_size(11))
        titles = [kept_whole(s.title, style.fontName, style.fontSize, width) for s in self.handout.sections]
        shown = len(titles)
        while True:
            more = len(titles) - shown
            words = self.handout.words
            listed = "&nbsp;· ".join(titles[:shown]) + (" " + words.and_more.format(n=more) if more else "")
            inside = TaggedParagraph(f"<b>{words.inside}</b> {listed}", style, self.inside_tag)
            inside.wrap(width, 4 * style.leading)
            if inside.height <= 4 * style.leading or shown == 1:
                return inside
            shown -= 1

    def _identity(
        self,
        canv: Canvas,
        left: float,
        width: float,
        middle: float,
        tags: tuple[Element, Element],
        room: float | None = None,
    ) -> None:
        """The clinic's name and tagline, centred on ``middle``, in the colour that reads on the cover."""
        parts = self._identity_parts(width, room, tags)
        top = middle + sum(height for _, height in parts) / 2
        for part, height in parts:
            part.drawOn(canv, left, top - height)
            top -= height

    def _identity_parts(
        self, width: float, room: float | None, tags: tuple[Element, Element] = (ARTIFACT, ARTIFACT)
    ) -> list[tuple[Paragraph, float]]:
        """The clinic's name and tagline set for ``width``, with their heights.

        The name takes up to 32 pt of height (grown in large print). On the back cover's strip, beside the
        QR code, where large print leaves little width: a name that would be shortened takes what the
        tagline leaves of ``room``, and a tagline that would be shortened is left out (the front cover
        has it whole)."""
        clinic, grown = self.handout.clinic, self.theme.furniture_size
        parts: list[Paragraph] = []
        tagline = self._on_colour("cover_tagline", grown(10))
        tagline_room = 2 * tagline.leading  # two lines at most, where the QR code leaves the name little room
        if clinic.tagline and (
            room is None or fits_whole(clinic.tagline, tagline, width, tagline_room, grown(9))
        ):
            parts.append(
                fitted_paragraph(clinic.tagline, tagline, width, tagline_room, grown(10), grown(9), tags[1])
            )
        name_style = self._on_colour("cover_name", grown(13), bold=True)
        name_room = grown(32)
        if room is not None and not fits_whole(clinic.name, name_style, width, name_room, grown(10)):
            name_room = max(name_room, room - sum(part.wrap(width, 40 * mm)[1] for part in parts))
        parts.insert(
            0, fitted_paragraph(clinic.name, name_style, width, name_room, grown(13), grown(10), tags[0])
        )
        return [(part, part.wrap(width, 40 * mm)[1]) for part in parts]

    def _patient_lines(self) -> list[tuple[Flowable, float]]:
        """Lines for who the booklet is for, the therapist and the date, with their heights."""
        lines = patient_lines(self.handout, self.theme, on_cover=True, structure=self.cover)
        return [(line, line.wrap(self.geometry.text_width, 60 * mm)[1]) for line in lines]

    def _call_us(self, canv: Canvas) -> float:
        """At the cover's foot, over a rule: the phone number and website, for a patient with a question.
        Returns the height it takes from the foot of the page."""
        theme, clinic, g = self.theme, self.handout.clinic, self.geometry
        parts = []
        if clinic.phone:
            parts.append(self.handout.words.call_us_on.format(phone=f"<b>{inline(clinic.phone)}</b>"))
        if clinic.website:
            parts.append(inline(clinic.website))
        if not parts:
            return EDGE
        grown = theme.furniture_size
        style = theme.footer.clone("cover_contact", fontSize=grown(11), leading=grown(14), textColor=INK)
        paragraph = TaggedParagraph("&nbsp;· ".join(parts), style, self.call_us_tag)
        wraps = len(parts) > 1 and paragraph.wrap(g.text_width, 30 * mm)[1] > style.leading
        if wraps and theme.furniture != 1:  # large print: a line each, not a "·" left at a line's end
            paragraph = TaggedParagraph("<br/>".join(parts), style, self.call_us_tag)
        height = paragraph.wrap(g.text_width, 30 * mm)[1]
        paragraph.drawOn(canv, SIDE, EDGE + 2 * mm)
        y = EDGE + 2 * mm + height + 2.5 * mm
        with artifact(canv, "Layout"):
            canv.setStrokeColor(theme.primary_text)  # the brand colour, dark enough to show on white
            canv.setLineWidth(1)
            canv.line(SIDE, y, g.width - SIDE, y)
        return y

    def running_page(self, canv: Canvas, doc: object) -> None:
        """A quiet header (clinic, title) and the page number at the outer corner, where a thumb finds it."""
        with artifact(canv, "Pagination"):
            self._running_header(canv)

    def _running_header(self, canv: Canvas) -> None:
        g, theme = self.geometry, self.theme
        baseline = g.height - EDGE - 4 * mm
        size = theme.furniture_size(9.5)  # 11.7 pt in large print: still clear of the top edge
        # The clinic's name first, whole where it can be; the title has the rest and is shortened first.
        name = fitted_text(self.handout.clinic.name, g.text_width * 0.7, theme.heading_fonts.bold, size)
        canv.setFillColor(theme.primary_text)
        canv.setFont(theme.heading_fonts.bold, size)
        canv.drawString(SIDE, baseline, name)
        room = g.text_width - canv.stringWidth(name, theme.heading_fonts.bold, size) - 6 * mm
        canv.setFillColor(MUTED)
        canv.setFont(theme.fonts.regular, size)
        canv.drawRightString(
            g.width - SIDE, baseline, fitted_text(self.handout.title, room, theme.fonts.regular, size)
        )
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.8)
        canv.line(SIDE, baseline - 2.5 * mm, g.width - SIDE, baseline - 2.5 * mm)
        self._page_number(canv)

    def blank_page(self, canv: Canvas, doc: object) -> None:
        with artifact(canv, "Pagination"):
            self._page_number(canv)

    def _page_number(self, canv: Canvas) -> None:
        g, number = self.geometry, canv.getPageNumber()
        canv.setFillColor(INK)
        canv.setFont(self.theme.fonts.bold, self.theme.furniture_size(11))
        if number % 2:  # a right-hand page: its outer edge is on the right
            canv.drawRightString(g.width - SIDE, EDGE, str(number))
        else:
            canv.drawString(SIDE, EDGE, str(number))

    def back_cover(self, canv: Canvas, doc: object) -> None:
        """The clinic's colour in a strip along the foot, carrying its name and the QR code to book; the
        frame above holds the contact details and the red-flags reminder."""
        g, theme, code = self.geometry, self.theme, self.handout.clinic.qr_code
        canv.addPageLabel(canv.getPageNumber() - 1, prefix=self.handout.words.back_cover)
        with artifact(canv, "Layout"):
            self._colour(canv, 0, INSET + self.strip)
        foot = INSET if g.bleed is None else 0.0  # where the strip starts on the trimmed page
        middle = (foot + INSET + self.strip) / 2
        name, tagline, figure, caption = self.strip_tags
        if code is not None:
            plate = BACK_CODE + 2 * mm
            plate_x = g.width - SIDE - plate
            with artifact(canv, "Layout"):
                canv.setFillColor(white)  # a QR code needs light paper around it to scan
                canv.roundRect(plate_x, middle - plate / 2, plate, plate, 1.5 * mm, stroke=0, fill=1)
            QrCodeDrawing(code.url, BACK_CODE, theme.fonts.regular, figure).drawOn(
                canv, plate_x + 1 * mm, middle - BACK_CODE / 2
            )
            label_width = self._back_label_width()
            style = self._on_colour("back_code", theme.furniture_size(10.5), alignment=TA_RIGHT)
            label = TaggedParagraph(inline(code.label), style, caption)
            height = label.wrap(label_width, self.strip)[1]
            label.drawOn(canv, plate_x - 3 * mm - label_width, middle - height / 2)
        self._identity(
            canv, SIDE, self._back_name_width(), middle, (name, tagline), room=self.strip - 2 * STRIP_PAD
        )

    def close(self, document: Element) -> None:
        """The back cover's strip, last in reading order, after what its frame holds."""
        strip, code = document.add("Div"), self.handout.clinic.qr_code
        figure = ARTIFACT
        if code is not None:
            figure = strip.add("Figure", alt=self.handout.words.qr_code_alt.format(url=code.url))
        caption = strip.add("P") if code is not None else ARTIFACT
        self.strip_tags = (strip.add("P"), strip.add("P"), figure, caption)

    def _back_label_width(self) -> float:
        return min(40 * mm, self.geometry.text_width * 0.35)

    def _back_name_width(self) -> float:
        """The width the back cover's strip leaves the clinic's name: all of it, or what the QR code and its
        label leave."""
        g = self.geometry
        if self.handout.clinic.qr_code is None:
            return g.text_width
        plate_x = g.width - SIDE - (BACK_CODE + 2 * mm)
        return plate_x - 3 * mm - self._back_label_width() - 4 * mm - SIDE

    def _on_colour(self, name: str, size: float, bold: bool = False, **options: object) -> ParagraphStyle:
        """Text set on the clinic's colour, in the text colour that reads on it."""
        font = self.theme.heading_fonts.bold if bold else self.theme.fonts.regular
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=size * 1.25,
            textColor=self.theme.on_primary,
            **options,
        )

    def _colour(self, canv: Canvas, bottom: float, top: float) -> None:
        """The primary colour across the page between ``bottom`` and ``top``. Where it reaches an edge of
        the page it runs into the bleed (press), or stops short of the edge in a rounded panel (office,
        where the printer cannot reach the edge)."""
        g = self.geometry
        canv.saveState()
        canv.setFillColor(self.theme.primary)
        if g.bleed is None:
            low, high = max(bottom, INSET), min(top, g.height - INSET)
            canv.roundRect(INSET, low, g.width - 2 * INSET, high - low, 4 * mm, stroke=0, fill=1)
        else:
            low = -g.bleed if bottom <= 0 else bottom
            high = g.height + g.bleed if top >= g.height else top
            canv.rect(-g.bleed, low, g.width + 2 * g.bleed, high - low, stroke=0, fill=1)
        canv.restoreState()


def fits_whole(text: str, style: ParagraphStyle, width: float, height: float, size: float) -> bool:
    """Whether ``text`` at ``size`` fits ``width`` x ``height`` (as ``fitted_paragraph`` sets it) whole."""
    paragraph = Paragraph(inline(text), style.clone("whole", fontSize=size, leading=size * 1.15))
    return paragraph.wrap(width, height)[1] <= height


def fitted_paragraph(
    text: str,
    style: ParagraphStyle,
    width: float,
    height: float,
    largest: float,
    smallest: float,
    tag: Element = ARTIFACT,
) -> Paragraph:
    """``text`` at the largest size from ``largest`` down to ``smallest`` that fits ``width`` x ``height``;
    if even the smallest is too big, shortened at a word with an ellipsis, so it never spills over what
    is drawn around it."""

    def at(words: list[str], size: float) -> Paragraph | None:
        paragraph = TaggedParagraph(
            inline(" ".join(words)), style.clone("fitted", fontSize=size, leading=size * 1.15), tag
        )
        return paragraph if paragraph.wrap(width, height)[1] <= height else None

    words = text.split()
    size = largest
    while size > smallest:
        if fitting := at(words, size):
            return fitting
        size -= 1
    while len(words) > 1 and not at(words, smallest):
        words = [*words[:-2], words[-2].rstrip(",;:") + "…"]
    return at(words, smallest) or TaggedParagraph(
        inline(fitted_text(words[0], width, style.fontName, smallest)),
        style.clone("fitted", fontSize=smallest, leading=smallest * 1.15),
        tag,
    )
