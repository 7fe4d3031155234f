"""Lay out a handout and render it to PDF bytes.

One layout pass; each page is held until the last, so that every footer can say "Page X of Y". Output is
deterministic (ReportLab's invariant mode), so the same inputs give the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Spacer,
)
from reportlab.platypus.doctemplate import LayoutError

from builder import __version__
from builder.errors import ContentError
from builder.handout import Handout
from builder.images import Picture
from builder.layout.blocks import BlockLayout
from builder.layout.canvases import counted_pages
from builder.layout.contact import contact_panel
from builder.layout.exercise_log import exercise_log
from builder.layout.flowables import (
    LOOSE_PAGE,
    TIGHT_PAGE,
    FirstThatFits,
    KeepTogetherIfItFits,
    SectionHeading,
)
from builder.layout.markup import headline
from builder.layout.pages import MARGIN, PageFurniture, PageGeometry, footer_height, offers, offers_paragraph
from builder.layout.patient_lines import note_box, patient_lines
from builder.layout.structure_tree import tagged_pdf
from builder.layout.styles import Theme, make_theme
from builder.layout.tagging import Element, TaggedParagraph, Tagger
from builder.validate import display_path

PAGE_SIZES = {"a4": A4, "letter": LETTER}
TOO_TALL = (
    "a paragraph inside a box or a table cell is longer than a page;"
    " split it into shorter paragraphs or bullets"
)


def render_pdf(handout: Handout, pictures: dict[Path, Picture], logo: Picture | None) -> tuple[bytes, int]:
    """The finished PDF and its page count. Every page's "Page X of Y" is drawn when the last page is
    known, so one layout pass makes a PDF.

    Page breaks are chosen as a designer would (see ``KeepTogetherIfItFits``): a box or group moves
    whole rather than leave less than a quarter of a page empty. Where the gaps that leaves could hold
    what the last page holds, the layout is tried once more, breaking boxes and groups wherever a tenth
    of a page would be left and with less space between blocks; the try with fewer pages is kept, or
    with as many the one whose pages are filled more evenly: the few alternatives that change the page
    count, weighed whole, as TeX weighs its page breaks.
    """
    theme = make_theme(handout.clinic, handout.large_print)
    page = PageGeometry(*PAGE_SIZES[handout.paper])
    geometry = replace(page, footer=footer_height(handout, theme, page.text_width))
    # One structure for both tries: each adds its story to it, and the one kept is what was drawn.
    document = Element("Document")
    furniture = PageFurniture(handout, theme, logo, geometry, document)
    chosen = _laid_out(handout, theme, pictures, geometry, furniture, LOOSE_PAGE, document)
    if worth_another_try(chosen.fills):
        tighter = _laid_out(handout, theme, pictures, geometry, furniture, TIGHT_PAGE, document)
        if (tighter.pages, _unevenness(tighter.fills)) < (chosen.pages, _unevenness(chosen.fills)):
            chosen = tighter
    pdf = tagged_pdf(chosen.pdf, document, chosen.tagger, handout.words.tag, handout.title)
    return pdf, chosen.pages


class LaidOut(NamedTuple):
    """One try at the layout: the PDF, its page count, how full each page is, and what the tagger
    recorded of its structure while drawing it."""

    pdf: bytes
    pages: int
    fills: list[float]
    tagger: Tagger


GLUE_ROOM = 0.02
"""About how much of a page the tighter try frees by shrinking the space between blocks."""


def worth_another_try(fills: list[float]) -> bool:
    """Whether a layout whose pages are ``fills`` full (the closing extras not counted, as the tighter
    try may leave them out) might lose its last page: the gaps left on the pages before it, and the
    space between blocks they would give up, could hold what it holds."""
    before = fills[:-1]
    return bool(before) and fills[-1] < sum(1 - fill + GLUE_ROOM for fill in before)


def frame_fill(frame: Frame) -> float:
    """How much of ``frame``'s height is used so far, 0 to 1."""
    return (frame._y2 - frame._y) / (frame._y2 - frame._y1)


def _unevenness(fills: list[float]) -> float:
    """How unevenly the pages before the last are filled: the variance of their fill (0: all alike)."""
    before = fills[:-1] or fills
    mean = sum(before) / len(before)
    return sum((fill - mean) ** 2 for fill in before) / len(before)


def _laid_out(
    handout: Handout,
    theme: Theme,
    pictures: dict[Path, Picture],
    geometry: PageGeometry,
    furniture: PageFurniture,
    loose: float,
    document: Element,
) -> LaidOut:
    """The PDF, its page count and how full each page is (0 to 1), with breaks chosen at ``loose``."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(geometry.width, geometry.height),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        **document_options(handout, theme, "handout", geometry.page_height, loose),
    )
    doc.addPageTemplates(
        [
            PageTemplate("first", [_frame(geometry, first=True)], onPage=furniture.first_page),
            PageTemplate("later", [_frame(geometry, first=False)], onPage=furniture.later_page),
        ]
    )
    fills: dict[int, float] = {}

    def measure(flowable: Flowable) -> None:
        frame = getattr(doc, "frame", None)
        if frame is not None and not isinstance(flowable, FirstThatFits):
            fills[doc.page] = frame_fill(frame)

    doc.afterFlowable = measure  # type: ignore[method-assign]
    try:
        doc.build(
            _story(handout, theme, pictures, geometry, document, loose),
            canvasmaker=counted_pages(furniture.page_number),
        )
    except LayoutError:
        raise ContentError([f"{sources(handout)}: {TOO_TALL}"]) from None
    fill = [fills.get(page, 0.0) for page in range(1, doc.page + 1)]
    return LaidOut(buffer.getvalue(), doc.page, fill, doc.canv.tagger)


def document_options(
    handout: Handout, theme: Theme, kind: str, page_height: float, loose: float = LOOSE_PAGE
) -> dict[str, Any]:
    """What every PDF we make says about itself, and how its layout keeps groups together."""
    return {
        "title": handout.title,
        "author": handout.clinic.name,
        "subject": handout.words.subjects[kind].format(titles="; ".join(s.title for s in handout.sections)),
        "keywords": [s.id for s in handout.sections],
        "creator": f"handout {__version__}",
        "producer": f"handout {__version__}",
        "lang": handout.words.tag,
        "displayDocTitle": True,
        "invariant": True,  # the same inputs give the same bytes
        "initialFontName": theme.fonts.regular,  # else ReportLab names an unembedded Helvetica on every page
        "keepTogetherClass": partial(KeepTogetherIfItFits, page_height=page_height, loose=loose),
    }


def sources(handout: Handout) -> str:
    if len(handout.sections) == 1:
        return display_path(handout.sections[0].source)
    return "one of the sections " + ", ".join(section.id for section in handout.sections)


def _frame(geometry: PageGeometry, first: bool) -> Frame:
    bottom = geometry.frame_bottom
    return Frame(
        MARGIN,
        bottom,
        geometry.text_width,
        geometry.frame_top(first) - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def _story(
    handout: Handout,
    theme: Theme,
    pictures: dict[Path, Picture],
    geometry: PageGeometry,
    document: Element,
    loose: float = LOOSE_PAGE,
) -> list[Flowable]:
    """Title and the patient's fill-in line, then each section in the order asked for.

    When the handout is titled after its first section (a one-section handout), the title stands in for
    that section's heading rather than repeating it.
    """
    opening = handout.sections[0]
    titled_after_opening = handout.title == opening.title
    title_tag = document.add("H1")
    title = (
        SectionHeading(headline(handout.title), theme.title, opening.id, opening.title, title_tag)
        if titled_after_opening
        else TaggedParagraph(headline(handout.title), theme.title, title_tag)
    )
    story: list[Flowable] = [NextPageTemplate("later"), title]
    other_forms = offers(handout)
    if other_forms:  # under the title, where a patient who needs another form sees it before reading on
        style = theme.caption.clone("offer", spaceAfter=0)  # in ink: it is for those who read poorly
        offer = offers_paragraph(handout, style, document.add("P"))
        story += [Spacer(1, 0.5 * mm), offer, Spacer(1, 2.5 * mm)]
    else:
        story.append(Spacer(1, 5 * mm))
    for index, line in enumerate(patient_lines(handout, theme, on_cover=False, structure=document)):
        story += [Spacer(1, 2 * mm), line] if index else [line]
    story.append(Spacer(1, (5 if other_forms else 6) * mm))
    layout = BlockLayout(
        theme,
        pictures,
        geometry.text_width,
        geometry.frame_top(first=False) - geometry.frame_bottom,
        handout.clinic.after_hours,
        handout.large_print,
        handout.words,
        loose,
        structure=document,
    )
    story += note_box(layout, handout)
    for index, section in enumerate(handout.sections):
        heading = index > 0 or not titled_after_opening
        dose = handout.doses.get(section.id)
        story.extend(layout.section(section, first=index == 0, heading=heading, dose=dose))
    # The contact panel closes the advice; the log, on pages of its own for the fridge, comes after it,
    # and takes the panel where the advice left no room for it.
    panel = contact_panel(layout, handout.clinic)
    story.extend(panel)
    if handout.log:
        story += [*exercise_log(layout, handout), *(extra.later() for extra in panel)]
    return story
