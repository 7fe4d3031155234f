"""Lay out a booklet and render it to PDF bytes, pages in reading order.

A booklet is a cover, a contents page (for more than one section), the sections re-flowed for a half-size
page, a "My notes" page and a back cover. A folded sheet carries four pages, so planned pages (see
``PADDING``) bring the count to a multiple of 4 before the back cover, which therefore stays last.

One ReportLab multiBuild: with a contents page, the first pass finds the page each section starts on
(pictures are skipped in it) and the second draws; without one, a single pass draws.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.tableofcontents import TableOfContents

from builder.content import Callout
from builder.errors import ContentError
from builder.handout import Handout
from builder.images import Picture
from builder.layout.blocks import HALF_PAGE_PICTURES, BlockLayout
from builder.layout.booklet_pages import BookletFurniture, BookletGeometry
from builder.layout.canvases import canvas_maker
from builder.layout.contact import contact_box
from builder.layout.exercise_log import exercise_log
from builder.layout.flowables import LOOSE_PAGE, TIGHT_PAGE, FirstThatFits, RuledLines, SectionHeading
from builder.layout.markup import inline, plain_text, unbroken_numbers
from builder.layout.pages import fine_print
from builder.layout.patient_lines import note_box
from builder.layout.render import TOO_TALL, document_options, frame_fill, sources, worth_another_try
from builder.layout.structure_tree import tagged_pdf
from builder.layout.styles import MUTED, Theme, make_theme
from builder.layout.tagging import Element, TaggedParagraph, Tagger, artifact
from builder.words import Words

PADDING = {  # pages missing -> the lined pages to add, and whether a blank page ends them
    0: ((), False),
    1: (("questions",), False),
    2: (("questions",), True),
    3: (("questions", "more_notes"), True),
}


class BookletDocument(BaseDocTemplate):
    """Tells the contents page where each section starts, once per pass, and counts the passes; notes
    how full each page's frame is and where the sections start, to judge whether another try pays."""

    passes = 0

    def beforeDocument(self) -> None:
        self.passes += 1
        self.fills: dict[int, float] = {}
        self.first_section_page = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        if getattr(self, "frame", None) is not None:
            self.fills[self.page] = frame_fill(self.frame)
        if isinstance(flowable, SectionHeading):
            self.first_section_page = self.first_section_page or self.page
            # The heading's markup, not its raw title: the contents table reads its entries as markup.
            self.notify("TOCEntry", (0, flowable.text, self.page, flowable.key))


def render_booklet(
    handout: Handout,
    pictures: dict[Path, Picture],
    logo: Picture | None,
    reminder: Callout | None,
    bleed: float | None = None,
    grayscale: bool = False,
) -> tuple[bytes, int]:
    """The booklet PDF and its page count (a multiple of 4).

    ``reminder`` is the red-flags warning the back cover repeats; ``bleed`` (points) makes press output,
    each page trim size plus bleed with crop marks around it; None is for office printing, where nothing
    is drawn near the paper's edge.
    """
    document = Element("Document")  # one for both tries: the one kept is what its tagger saw drawn
    chosen = _laid_out(handout, pictures, logo, reminder, bleed, grayscale, LOOSE_PAGE, document)
    if chosen.padding == len(PADDING) - 1 and worth_another_try(chosen.fills):
        # The sections ran just past a folded sheet and three planned pages fill the new one: laid out
        # again, breaking more readily and with less space between blocks, they may end a sheet sooner.
        tighter = _laid_out(handout, pictures, logo, reminder, bleed, grayscale, TIGHT_PAGE, document)
        if tighter.pages < chosen.pages:
            chosen = tighter
    pdf = tagged_pdf(chosen.pdf, document, chosen.tagger, handout.words.tag, handout.title)
    return pdf, chosen.pages


class LaidOut(NamedTuple):
    """One try at the booklet: the PDF, its page count, how many planned pages padded it, how full each
    page of its sections is, and what the tagger recorded of its structure while drawing it."""

    pdf: bytes
    pages: int
    padding: int
    fills: list[float]
    tagger: Tagger


def _laid_out(
    handout: Handout,
    pictures: dict[Path, Picture],
    logo: Picture | None,
    reminder: Callout | None,
    bleed: float | None,
    grayscale: bool,
    loose: float,
    document: Element,
) -> LaidOut:
    """The booklet, its page count, how many planned pages padded it and how full each page of its
    sections is, with breaks chosen at ``loose``."""
    theme, words = make_theme(handout.clinic, handout.large_print), handout.words
    geometry = BookletGeometry(*BookletGeometry.TRIM_SIZES[handout.paper], bleed=bleed)
    furniture = BookletFurniture(handout, theme, logo, geometry, document)
    heading = document.add("H2") if len(handout.sections) > 1 else None
    contents = _contents(theme, document) if heading is not None else None
    buffer = io.BytesIO()
    doc = BookletDocument(
        buffer,
        pagesize=geometry.media,
        **document_options(handout, theme, "booklet", geometry.page_height, loose),
    )
    doc.addPageTemplates(furniture.templates())
    layout = BlockLayout(
        theme,
        pictures,
        geometry.text_width,
        geometry.page_height,
        handout.clinic.after_hours,
        handout.large_print,
        handout.words,
        loose,
        pictures_at=HALF_PAGE_PICTURES,
        structure=document,
    )
    story: list[Flowable] = [NextPageTemplate("page"), PageBreak()]
    if contents is not None and heading is not None:
        story += [
            TaggedParagraph(words.contents, theme.h1, heading),
            Spacer(1, 2 * mm),
            contents,
            PageBreak(),
        ]
    story += note_box(layout, handout)  # the therapist's note opens the first page of sections
    for index, section in enumerate(handout.sections):
        story.extend(layout.section(section, first=index == 0, dose=handout.doses.get(section.id)))
    if handout.log:
        story += exercise_log(layout, handout)
    # In reading order after the sections: the notes page and the pages padding the booklet, then the
    # back cover, its frame and then its strip.
    notes_page = _lined_page(words.my_notes, words.notes_prompt, theme, _page_tags(document))
    padding = PadToFour(theme, words, document)
    back_cover, moved = _back_cover(layout, handout, reminder, furniture)
    furniture.close(document)
    # Large print: the contact details, when the back cover has no room for them, close the sections
    # where there is room, else open the notes page; never on a page of their own.
    details = [FirstThatFits(moved)] if moved else []
    story += details
    story += [PageBreak(), *(extra.later(opens_a_page=True) for extra in details)]
    story += [*notes_page, padding]
    story += [NextPageTemplate("back"), PageBreak(), back_cover]
    try:
        doc.multiBuild(story, canvasmaker=canvas_maker(grayscale, count_first_pass=contents is not None))
    except LayoutError:
        raise ContentError([f"{sources(handout)}: {TOO_TALL}"]) from None
    notes_at = padding.added[1] if padding.added else doc.page
    sections = range(doc.first_section_page or 1, notes_at)
    fills = [doc.fills.get(page, 0.0) for page in sections]
    return LaidOut(buffer.getvalue(), doc.page, padding.missing, fills, doc.canv.tagger)


def _contents(theme: Theme, document: Element) -> Contents:
    """The contents table: each section's title, dot leaders, and its page number, at the body's size."""
    entry = theme.body.clone("contents_entry", spaceBefore=0, spaceAfter=0, leftIndent=0, firstLineIndent=0)
    return Contents(
        entry, leaders=MUTED, gap=theme.furniture_size(CONTENTS_GAP), structure=document.add("TOC")
    )


CONTENTS_GAP = 2.5 * mm  # between two entries of the contents


class Contents(TableOfContents):
    """ReportLab's contents table, set the way a printed contents page is.

    ReportLab lets a title run to the right margin and then squeezes the page number into what is left of
    its last line, shrinking it and dropping the leaders ("...a stick overhead6"). Here each title wraps
    short of a column kept for the numbers, so the number always sits on the title's last line, at the
    title's own font and size, right-aligned; the leaders run from the title to it, their dots on one grid
    down the page so they line up from entry to entry.
    """

    LEADER = "."
    MIN_DOTS = 3  # the fewest dots between a title's end and its number

    def __init__(self, style: ParagraphStyle, leaders: Color, gap: float, structure: Element) -> None:
        super().__init__(dotsMinLevel=0, levelStyles=[style])
        self.style, self.leaders, self.gap = style, leaders, gap
        self.structure = structure
        """The contents list: an item per entry, each a link to its section (its number and leaders are
        decoration to a screen reader, which follows the link)."""
        self.items: list[Element] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        entries = self._lastEntries or [(0, "Contents", 0, None)]  # the first pass only measures
        style = self.style
        numbers = [str(page) for _, _, page, _ in entries]
        number_width = max(stringWidth(n, style.fontName, style.fontSize) for n in [*numbers, "00"])
        space = stringWidth(" ", style.fontName, style.fontSize)
        pitch = stringWidth(f"{self.LEADER} ", style.fontName, style.fontSize)
        dots_end = available_width - number_width - space  # where the rightmost dot of every line ends
        entry = style.clone("contents_line", rightIndent=number_width + space + self.MIN_DOTS * pitch + space)
        callback = f"contents_end_{id(self)}"

        def draw_end(canvas: Canvas, kind: str, label: str) -> None:
            """After a title's last word: the leaders, then its page number at the right margin."""
            _, _, page, key = entries[int(label)]
            x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
            dot = stringWidth(self.LEADER, style.fontName, style.fontSize)
            count = int((dots_end - dot - (x + space)) // pitch) + 1
            canvas.saveState()
            with artifact(canvas):
                if count > 0:
                    canvas.setFillColor(self.leaders)
                    canvas.setFont(style.fontName, style.fontSize)
                    start = dots_end - dot - (count - 1) * pitch
                    canvas.drawString(start, y, " ".join([self.LEADER] * count))
                canvas.setFillColor(style.textColor)
                canvas.setFont(style.fontName, style.fontSize)
                canvas.drawRightString(available_width, y, str(page))
            if key:
                width = stringWidth(str(page), style.fontName, style.fontSize)
                canvas.linkRect(
                    "", key, (available_width - width, y, available_width, y + style.leading), relative=1
                )
            canvas.restoreState()

        self.canv.setNamedCB(callback, draw_end)
        rows: list[list[Flowable]] = []
        for index, (_, text, page, key) in enumerate(entries):
            linked = f'<a href="#{key}">{text}</a>' if key else text
            if rows:
                rows.append([Spacer(1, self.gap)])
            markup = f'{linked}<onDraw name="{callback}" label="{index}"/>'
            rows.append([TaggedParagraph(markup, entry, self._item(index, text, page))])
        self._table = Table(rows, colWidths=(available_width,), style=self.tableStyle)
        self._table.setStyle([("FONT", (0, 0), (-1, -1), style.fontName)])  # not ReportLab's Helvetica
        self.width, self.height = self._table.wrapOn(self.canv, available_width, available_height)
        return self.width, self.height

    def _item(self, index: int, text: str, page: int) -> Element:
        """The link of entry ``index``, in its item of the list: made once, as every pass sets the table
        anew; what it says it goes to is set each time, as the page numbers settle."""
        while len(self.items) <= index:
            self.items.append(self.structure.add("TOCI").add("Link"))
        link = self.items[index]
        link.described = f"{plain_text(text)}, {page}"
        return link


def _lined_page(title: str, prompt: str, theme: Theme, page: tuple[Element, Element]) -> list[Flowable]:
    """A page to write on: a heading, one line saying what for, and ruled lines to the foot of the page;
    ``page`` is where its heading and line go in the structure."""
    return [
        TaggedParagraph(title, theme.h1, page[0]),
        TaggedParagraph(prompt, theme.body, page[1]),
        Spacer(1, 2 * mm),
        RuledLines(theme.primary_text),
    ]


class PadToFour(Flowable):
    """Adds the planned pages that bring the booklet to a multiple of 4 pages, counting the back cover
    that follows: a page for questions, then a second notes page, and at most one page left blank on
    purpose, always the last before the back cover.

    Placed on the notes page, it reads the page number as the layout reaches it, so it stays right
    whatever the sections took.
    """

    def __init__(self, theme: Theme, words: Words, document: Element) -> None:
        super().__init__()
        self.theme = theme
        self.lined = {
            "questions": (words.questions_title, words.questions_prompt),
            "more_notes": (words.more_notes, words.notes_prompt),
        }
        self.blank_note = words.blank_page
        # Their places in the structure, made now, in reading order; those of pages not added stay empty.
        self.tags = {kind: _page_tags(document) for kind in self.lined}
        self.blank_tag = document.add("P")
        self.added: tuple[int, int] | None = None
        """The pass and page on which the planned pages were last added."""
        self.missing = 0
        """How many planned pages it added, the last time."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        page = self.canv.getPageNumber()
        reached = (self._doctemplateAttr("passes"), page)
        if reached == self.added:
            return 0, 0  # asked again on the same page of the same pass: the pages are already added
        self.added = reached
        missing = self.missing = -(page + 1) % 4
        lined, blank = PADDING[missing]
        pages: list[Flowable] = []
        for kind in lined:
            title, prompt = self.lined[kind]
            lined_page = _lined_page(title, prompt, self.theme, self.tags[kind])
            pages += [NextPageTemplate("page"), PageBreak(), *lined_page]
        if blank:
            note = _blank_note(self.blank_note, self.theme, self.blank_tag)
            pages += [NextPageTemplate("blank"), PageBreak(), note]
        if pages:
            self._doctemplateAttr("frame").add_generated_content(*pages)
        return 0, 0

    def draw(self) -> None:
        pass


def _blank_note(text: str, theme: Theme, tag: Element) -> Flowable:
    style = theme.caption.clone("blank_note", textColor=MUTED, alignment=1)
    return TaggedParagraph(text, style, tag)


def _page_tags(document: Element) -> tuple[Element, Element]:
    """A lined page's place in the structure: a part of its own, with a heading and a line of text."""
    page = document.add("Sect")
    return page.add("H2"), page.add("P")


def _back_cover(
    layout: BlockLayout, handout: Handout, reminder: Callout | None, furniture: BookletFurniture
) -> tuple[Flowable, list[Flowable]]:
    """How to reach the clinic, the red-flags reminder and the fine print; and what moves off the back
    cover to follow the sections instead.

    The reminder is set at caption size, as the contact details are: a back cover has one page for all of
    it. In regular print a clinic with unusually long details gets the whole shrunk a little to fit. Large
    print is never shrunk back to regular size: when it all does not fit, the contact details close the
    sections instead, and the back cover keeps the phone number over the reminder and the fine print.
    """
    clinic = handout.clinic
    details: list[Flowable] = []
    if any((clinic.phone, clinic.address, clinic.website, clinic.email, clinic.hours, clinic.after_hours)):
        box = contact_box(layout, clinic, on_back_cover=True)
        box.spaceAfter = 6 * mm  # where it moves to open the notes page, clear of their heading
        details.append(box)
    rest: list[Flowable] = []
    if reminder is not None:
        theme = layout.theme
        compact = replace(
            theme,
            body=theme.caption.clone("reminder_text", spaceAfter=3),
            bullet=theme.bullet.clone(
                "reminder_bullet", fontSize=theme.caption.fontSize, leading=theme.caption.leading
            ),
        )
        rest += [
            Spacer(1, 5 * mm),
            *BlockLayout(
                compact, {}, layout.width, layout.page_height, words=layout.words, structure=layout.structure
            ).callout(reminder),
        ]
    rest.append(fine_print(handout, layout.theme, True, layout.structure.add("P")))  # where leaflets say it
    moved: list[Flowable] = []
    if handout.large_print and details and _height(details + rest, layout.width) > furniture.back_height:
        moved, details = details, []
        if clinic.phone:  # what a patient turning the booklet over looks for, as the box's title says it
            style = layout.theme.callout_title.clone("back_call_us", textColor=layout.theme.primary_text)
            phone = unbroken_numbers(inline(clinic.phone))
            details.append(layout.text(layout.words.call_us_on.format(phone=phone), style, "H2"))
    if details:
        details[0].spaceBefore = 0
    return KeepInFrame(layout.width, furniture.back_height, details + rest, mode="shrink"), moved


def _height(flowables: list[Flowable], width: float) -> float:
    """How tall ``flowables`` stand one above the other in a frame ``width`` wide."""
    heights = [f.wrap(width, 10 * 1000 * mm)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables]
    return sum(heights) - (flowables[0].getSpaceBefore() if flowables else 0)
