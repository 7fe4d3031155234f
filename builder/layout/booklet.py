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

from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.tableofcontents import TableOfContents

from builder.content import Callout
from builder.errors import ContentError
from builder.handout import Handout
from builder.images import Picture
from builder.layout.blocks import BlockLayout
from builder.layout.booklet_pages import BookletFurniture, BookletGeometry
from builder.layout.canvases import canvas_maker
from builder.layout.contact import contact_box
from builder.layout.exercise_log import exercise_log
from builder.layout.flowables import RuledLines, SectionHeading
from builder.layout.pages import fine_print
from builder.layout.patient_lines import note_box
from builder.layout.render import TOO_TALL, document_options, sources
from builder.layout.styles import MUTED, Theme, make_theme
from builder.words import Words

PADDING = {  # pages missing -> the lined pages to add, and whether a blank page ends them
    0: ((), False),
    1: (("questions",), False),
    2: (("questions",), True),
    3: (("questions", "more_notes"), True),
}


class BookletDocument(BaseDocTemplate):
    """Tells the contents page where each section starts, once per pass, and counts the passes."""

    passes = 0

    def beforeDocument(self) -> None:
        self.passes += 1

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, SectionHeading):
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
    theme, words = make_theme(handout.clinic, handout.large_print), handout.words
    geometry = BookletGeometry(*BookletGeometry.TRIM_SIZES[handout.paper], bleed=bleed)
    furniture = BookletFurniture(handout, theme, logo, geometry)
    contents = _contents(theme) if len(handout.sections) > 1 else None
    buffer = io.BytesIO()
    doc = BookletDocument(
        buffer,
        pagesize=geometry.media,
        **document_options(handout, theme, "booklet", geometry.page_height),
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
    )
    story: list[Flowable] = [NextPageTemplate("page"), PageBreak()]
    if contents is not None:
        story += [Paragraph(words.contents, theme.h1), Spacer(1, 2 * mm), contents, PageBreak()]
    story += note_box(layout, handout)  # the therapist's note opens the first page of sections
    for index, section in enumerate(handout.sections):
        story.extend(layout.section(section, first=index == 0, dose=handout.doses.get(section.id)))
    if handout.log:
        story += exercise_log(layout, handout)
    story += [PageBreak(), *_lined_page(words.my_notes, words.notes_prompt, theme), PadToFour(theme, words)]
    story += [NextPageTemplate("back"), PageBreak(), _back_cover(layout, handout, reminder, furniture)]
    try:
        doc.multiBuild(story, canvasmaker=canvas_maker(grayscale, count_first_pass=contents is not None))
    except LayoutError:
        raise ContentError([f"{sources(handout)}: {TOO_TALL}"]) from None
    return buffer.getvalue(), doc.page


def _contents(theme: Theme) -> TableOfContents:
    """ReportLab's contents table: each section's title, dot leaders, and its page number."""
    entry = theme.body.clone("contents_entry", spaceBefore=3, spaceAfter=3, leftIndent=0, firstLineIndent=0)
    return TableOfContents(dotsMinLevel=0, rightColumnWidth=12 * mm, levelStyles=[entry])


def _lined_page(title: str, prompt: str, theme: Theme) -> list[Flowable]:
    """A page to write on: a heading, one line saying what for, and ruled lines to the foot of the page."""
    return [
        Paragraph(title, theme.h1),
        Paragraph(prompt, theme.body),
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

    def __init__(self, theme: Theme, words: Words) -> None:
        super().__init__()
        self.theme = theme
        self.lined = {
            "questions": (words.questions_title, words.questions_prompt),
            "more_notes": (words.more_notes, words.notes_prompt),
        }
        self.blank_note = words.blank_page
        self.added: tuple[int, int] | None = None
        """The pass and page on which the planned pages were last added."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        page = self.canv.getPageNumber()
        reached = (self._doctemplateAttr("passes"), page)
        if reached == self.added:
            return 0, 0  # asked again on the same page of the same pass: the pages are already added
        self.added = reached
        missing = -(page + 1) % 4
        lined, blank = PADDING[missing]
        pages: list[Flowable] = []
        for kind in lined:
            pages += [NextPageTemplate("page"), PageBreak(), *_lined_page(*self.lined[kind], self.theme)]
        if blank:
            pages += [NextPageTemplate("blank"), PageBreak(), _blank_note(self.blank_note, self.theme)]
        if pages:
            self._doctemplateAttr("frame").add_generated_content(*pages)
        return 0, 0

    def draw(self) -> None:
        pass


def _blank_note(text: str, theme: Theme) -> Flowable:
    style = theme.caption.clone("blank_note", textColor=MUTED, alignment=1)
    return Paragraph(text, style)


def _back_cover(
    layout: BlockLayout, handout: Handout, reminder: Callout | None, furniture: BookletFurniture
) -> Flowable:
    """How to reach the clinic, the red-flags reminder and the fine print.

    The reminder is set at caption size, as the contact details are: a back cover has one page for all of
    it. Only a clinic with unusually long details gets the whole shrunk a little to fit.
    """
    clinic = handout.clinic
    parts: list[Flowable] = []
    if any((clinic.phone, clinic.address, clinic.website, clinic.email, clinic.hours, clinic.after_hours)):
        parts.append(contact_box(layout, clinic, on_back_cover=True))
        parts[0].spaceBefore = 0
    if reminder is not None:
        theme = layout.theme
        compact = replace(
            theme,
            body=theme.caption.clone("reminder_text", spaceAfter=3),
            bullet=theme.bullet.clone(
                "reminder_bullet", fontSize=theme.caption.fontSize, leading=theme.caption.leading
            ),
        )
        parts += [
            Spacer(1, 5 * mm),
            *BlockLayout(compact, {}, layout.width, layout.page_height, words=layout.words).callout(reminder),
        ]
    parts.append(fine_print(handout, layout.theme, with_offers=True))  # where leaflets say it
    return KeepInFrame(layout.width, furniture.back_height, parts, mode="shrink")
