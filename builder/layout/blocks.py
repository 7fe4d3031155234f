"""Section blocks -> ReportLab flowables, one function per block type.

Every grouping here exists to stop a bad break: a step stays with its picture, a callout is one piece,
a heading keeps with what follows it, and a table only breaks between rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Spacer,
    TableStyle,
)

from builder import colour
from builder.content import (
    Block,
    Bullets,
    Callout,
    Figure,
    Figures,
    Heading,
    Schedule,
    Section,
    Step,
    Steps,
)
from builder.content import Paragraph as TextBlock
from builder.content import Table as TableBlock
from builder.images import Picture
from builder.layout.flowables import (
    LOOSE_PAGE,
    Icon,
    KeptTable,
    Marked,
    NumberBadge,
    SectionHeading,
    Shelved,
    Shrinkable,
    fitted_size,
    picture_flowable,
)
from builder.layout.markup import headline, inline, unbroken_numbers
from builder.layout.styles import STOP_RED, Theme, tint
from builder.layout.tables import table
from builder.layout.tagging import ARTIFACT, Element, TaggedParagraph
from builder.prescription import Dose
from builder.words import ENGLISH, Words

STEP_PICTURE_HEIGHT = 42 * mm
LARGE_PICTURES = 1.3  # how much taller pictures are in large print
HALF_PAGE_PICTURES = 0.8
"""How tall pictures are on a booklet's half-size page: rows of steps drawn full size there take half
a page each, and a page that cannot hold the next row whole is left half empty."""
FIGURE_PICTURE_HEIGHT = 34 * mm
GAP = 5 * mm
ROW_GAP = 4 * mm
TIGHT_GLUE = 0.6  # the space between blocks kept where a page is to be saved, as TeX's glue shrinks
NARROWEST_TEXT = 75 * mm  # about 35 characters a line at body size: any narrower is hard to read
INTRODUCED = (Steps, Figures, TableBlock)  # a paragraph just before one of these stays with it


class BlockLayout:
    """Lays out the blocks of one handout for a given text width.

    ``after_hours`` is the clinic's out-of-hours line, which ends the callouts that ask for it.
    """

    def __init__(
        self,
        theme: Theme,
        pictures: dict[Path, Picture],
        width: float,
        page_height: float,
        after_hours: str = "",
        large_print: bool = False,
        words: Words = ENGLISH,
        loose: float = LOOSE_PAGE,
        pictures_at: float = 1.0,
        structure: Element | None = None,
    ) -> None:
        self.structure = structure if structure is not None else Element("Document")
        """The element that what is laid out next goes into, in reading order (see ``tagging``)."""
        self.level = 1
        """The heading level of the section being laid out: its blocks' headings are one below."""
        self.loose = loose
        """The share of a page a box or table may leave empty rather than break (see ``KeptTable``)."""
        self.glue = 1.0 if loose >= LOOSE_PAGE else TIGHT_GLUE
        """How much of the usual space between blocks is kept: less where a page is to be saved."""
        self.theme = theme if self.glue == 1 else _spaced(theme, self.glue)
        self.words = words
        self.pictures = pictures
        self.width = width
        self.page_height = page_height
        self.after_hours = after_hours
        self.large_print = large_print
        self.picture_scale = (LARGE_PICTURES if large_print else 1.0) * pictures_at

    def section(
        self, section: Section, first: bool, heading: bool = True, dose: Dose | None = None
    ) -> list[Flowable]:
        """A section: its title and key message, held to the first block so a title never ends a page;
        for an exercise, the patient's dose right under them."""
        theme = self.theme
        # A section starts on a new page rather than in the last quarter of one, where its heading and a
        # few lines would look squeezed in; in large print an exercise starts a page unless more than half
        # of one is left, so that it can be propped up and followed with little turning of pages.
        opening = CondPageBreak(self.page_height * self.loose)
        if self.large_print and section.kind == "exercise":
            opening = CondPageBreak(self.page_height / 2)
        story: list[Flowable] = [] if first else [opening, Spacer(1, 4 * mm)]
        other_language = section.lang if section.lang != self.words.code else None
        with self.inside(self.structure.add("Sect", lang=other_language), level=2 if heading else 1):
            if heading:
                tag = self.structure.add(f"H{self.level}")
                story.append(
                    SectionHeading(headline(section.title), theme.h1, section.id, section.title, tag)
                )
            if other_language:
                story.append(self._fallback_note(section.lang))
            if section.key_message:
                story.append(self._key_message(section.key_message))
            if dose is not None and dose.lines():
                story.append(self._dose(dose))
            units = _units(section.blocks)
            for index, unit in enumerate(units):
                flowables = self._beside(*unit) if isinstance(unit, tuple) else self.block(unit)
                following = units[index + 1] if index + 1 < len(units) else None
                if isinstance(unit, TextBlock) and isinstance(following, INTRODUCED):
                    flowables[-1].keepWithNext = True  # a lead-in sentence stays with what it introduces
                if index == len(units) - 2 and isinstance(following, TextBlock):
                    flowables[-1].keepWithNext = True  # a closing paragraph never ends up alone on a page
                story.extend(flowables)
        return story

    @contextmanager
    def inside(self, element: Element, level: int | None = None) -> Iterator[Element]:
        """What is laid out in the block goes into ``element`` (a section at heading ``level``, a box)."""
        outer, outer_level = self.structure, self.level
        self.structure, self.level = element, level or self.level
        try:
            yield element
        finally:
            self.structure, self.level = outer, outer_level

    def text(self, markup: str, style: ParagraphStyle, role: str = "P", **element: Any) -> TaggedParagraph:
        """A paragraph, as a new element of ``role`` (``P``, a heading, ``Caption``, a table cell) in the
        structure; ``element`` are the element's own options (a header cell's scope)."""
        return TaggedParagraph(markup, style, self.structure.add(role, **element))

    def heading_role(self) -> str:
        """The role of a heading inside the section: a block's heading, a box's title."""
        return f"H{min(self.level + 1, 6)}"

    def _beside(self, text: Bullets | TextBlock, figures: Figures) -> list[Flowable]:
        """A lone picture goes to the right of the text it illustrates instead of below it on its own.

        Where that would squeeze the text into a column too narrow to read (a booklet's half-size page),
        or make a row taller than a page, the picture goes below the text and stays with its end.
        """
        picture_width = 55 * mm
        text_width = self.width - picture_width - GAP
        above = self.block(text)  # made once, in reading order before the picture: either place uses it
        cell = self._figure_cell(figures.figures[0], picture_width, STEP_PICTURE_HEIGHT * self.picture_scale)
        row = self.grid(
            [[above, cell]],
            [text_width, picture_width],
            [*plain(gap=GAP), ("VALIGN", (1, 0), (1, 0), "MIDDLE")],
        )
        row.spaceAfter = self.space(4 * mm)
        if text_width >= NARROWEST_TEXT and row.wrap(self.width, self.page_height)[1] <= self.page_height:
            return [row]
        for flowable in above[-2:]:  # the last line of text, and the spacing after a list
            flowable.keepWithNext = True
        below = self.grid([[cell]], [picture_width], plain(align="CENTER"))
        below.hAlign, below.spaceAfter = "CENTER", self.space(4 * mm)
        return [*above, below]

    def space(self, points: float) -> float:
        """A space between blocks, as much of it as ``glue`` keeps."""
        return points * self.glue

    def block(self, block: Block) -> list[Flowable]:
        match block:
            case TextBlock():
                return self.paragraph(block)
            case Heading():
                return self.heading(block)
            case Bullets():
                return self.bullets(block)
            case Steps():
                return self.steps(block)
            case Figures():
                return self.figures(block)
            case Callout():
                return self.callout(block)
            case TableBlock():
                return table(self, block)
            case Schedule():
                raise AssertionError("a schedule is made into a table before layout (schedule.resolved)")

    def _dose(self, dose: Dose) -> Flowable:
        """ "Your dose": how many, how long, how often, each on a line of its own, in large type."""
        theme = self.theme
        fill = tint(theme.accent, 0.10)
        title_style = theme.callout_title.clone("dose_title", textColor=_readable(theme.accent, fill))
        label = theme.body.clone("dose_label", fontName=theme.fonts.bold, spaceAfter=0)
        value = theme.body.clone("dose_value", spaceAfter=0)
        lines = dose.lines(self.words)
        label_width = max(stringWidth(text, label.fontName, label.fontSize) for text, _ in lines) + 5 * mm
        with self.inside(self.structure.add("Aside")):
            title = self.text(self.words.your_dose, title_style, self.heading_role())
            with self.inside(self.structure.add("Table")):
                rows = []
                for text, words in lines:
                    with self.inside(self.structure.add("TR")):
                        row_head = self.text(text, label, "TH", attributes=ROW_HEADER)
                        rows.append([row_head, self.text(inline(words), value, "TD")])
        table = self.grid(rows, [label_width, self.width - 10 * mm - 4 - label_width], plain())
        box = self.boxed([[title], [table]], tint(theme.accent, 0.10), theme.accent)
        box.keepWithNext = True
        box.spaceAfter = self.space(4 * mm)
        return box

    def _fallback_note(self, printed_in: str) -> Flowable:
        """Says, in the handout's language, why this section is printed in another: the reader is not
        lost."""
        names = self.words.language_names
        note = self.words.fallback_note.format(language=names[self.words.code], fallback=names[printed_in])
        paragraph = TaggedParagraph(
            f"<i>{inline(note)}</i>", self.theme.caption, self.structure.add("P", lang=self.words.tag)
        )
        paragraph.keepWithNext = True
        return paragraph

    def _key_message(self, text: str) -> Flowable:
        theme = self.theme
        box = self.boxed(
            [[self.text(inline(text), theme.lead)]], tint(theme.primary, 0.10), theme.primary_text
        )
        box.keepWithNext = True
        box.spaceAfter = self.space(4 * mm)
        return box

    def paragraph(self, block: TextBlock) -> list[Flowable]:
        return [self.text(inline(block.text), self.theme.body)]

    def heading(self, block: Heading) -> list[Flowable]:
        return [self.text(headline(block.text), self.theme.h2, self.heading_role())]

    def bullets(self, block: Bullets) -> list[Flowable]:
        """A list whose first two items stay together, and its last two: a page never ends on a lone
        first bullet (under its heading) nor starts with a lone last one."""
        items = self._bullet_list(block.items)
        if len(items) >= 3:
            items[0].keepWithNext = items[-2].keepWithNext = True
        last = items[-1]  # a little more space after the list; as space after, it never starts a page
        last.style = last.style.clone("bullet_last", spaceAfter=last.style.spaceAfter + 3)
        return items

    def _bullet_list(self, items: Sequence[str]) -> list[Flowable]:
        """The items as a list, each bullet its item's label."""
        listed = self.structure.add("L", attributes={"List": {"ListNumbering": "Disc"}})
        paragraphs = []
        for item in items:
            entry = listed.add("LI")
            label = entry.add("Lbl")
            body = entry.add("LBody")
            paragraphs.append(TaggedParagraph(inline(item), self.theme.bullet, body, label, bulletText="•"))
        return paragraphs

    def steps(self, block: Steps) -> list[Flowable]:
        """Steps with pictures two to a row, so the movement reads frame by frame.

        Each row is its own piece: a page may break between rows (never inside one, so a picture stays
        with its words), and a row that almost fits at the foot of a page draws its pictures a little
        smaller rather than leave a gap, which keeps a long exercise from leaving half a page empty.
        """
        listed = self.structure.add("L", attributes={"List": {"ListNumbering": "Decimal"}})
        numbered = [(n, step, StepTags.of(listed, step)) for n, step in enumerate(block.steps, start=1)]
        if not any(step.image for _, step, _ in numbered):
            return [self._numbered(n, step.text, self.width, tags) for n, step, tags in numbered]
        pairs = [numbered[start : start + 2] for start in range(0, len(numbered), 2)]
        return [
            Shrinkable(partial(self._step_row, pair, index == len(pairs) - 1))
            for index, pair in enumerate(pairs)
        ]

    def _step_row(self, pair: list[tuple[int, Step, StepTags]], last: bool, scale: float) -> Flowable:
        """Two steps side by side, each picture over its number and words, pictures at ``scale``."""
        column = (self.width - GAP) / 2
        height = STEP_PICTURE_HEIGHT * self.picture_scale * scale
        cells = []
        for n, step, tags in pair:
            cell: list[Flowable] = []
            if step.image:
                picture = self.pictures[step.image.path]
                cell += [
                    picture_flowable(
                        picture, column, height, self.theme.fonts.regular, tags.figure or ARTIFACT
                    ),
                    Spacer(1, 2 * mm),
                ]
            cells.append([*cell, self._numbered(n, step.text, column, tags)])
        row = self._rows(
            cells, columns=2, align="CENTER", space_after=self.space(4 * mm if last else ROW_GAP)
        )[0]
        row.least = None  # one row: a step's picture never leaves its words
        return row

    def _numbered(self, number: int, text: str, width: float, tags: StepTags) -> Flowable:
        theme = self.theme
        badge = NumberBadge(number, theme.primary, theme.on_primary, theme.fonts.bold, tag=tags.label)
        row = self.grid(
            [[badge, TaggedParagraph(inline(text), theme.step, tags.text)]],
            [badge.width + 3 * mm, width - badge.width - 3 * mm],
            plain(),
        )
        row.spaceAfter = 3 * mm
        return row

    def figures(self, block: Figures) -> list[Flowable]:
        """Pictures side by side, each with its caption."""
        columns = max(2, min(3, len(block.figures)))
        column = (self.width - GAP * (columns - 1)) / columns
        cells = []
        for start in range(0, len(block.figures), columns):
            row = block.figures[start : start + columns]
            # One picture height per row, pictures centred above it, so the captions line up.
            tallest = FIGURE_PICTURE_HEIGHT * self.picture_scale
            sizes = [fitted_size(self.pictures[f.image.path], column, tallest) for f in row]
            height = max(size[1] for size in sizes)
            cells += [self._figure_cell(figure, column, tallest, height) for figure in row]
        return self._rows(cells, columns, align="LEFT", space_after=self.space(5 * mm))

    def _rows(
        self, cells: list[list[Flowable]], columns: int, align: str, space_after: float
    ) -> list[Flowable]:
        """Cells in rows of ``columns``, as one table: a page can break between rows, never inside one."""
        column = (self.width - GAP * (columns - 1)) / columns
        rows = [cells[start : start + columns] for start in range(0, len(cells), columns)]
        rows[-1] += [[]] * (columns - len(rows[-1]))
        grid = self.grid(
            rows,
            [column] * columns,
            [*plain(align=align, gap=GAP), ("BOTTOMPADDING", (0, 0), (-1, -2), ROW_GAP)],
            least=(1, 1),
        )
        grid.spaceAfter = space_after
        return [grid]

    def _figure_cell(self, figure: Figure, width: float, height: float, shelf: float = 0) -> list[Flowable]:
        """A picture over its caption; a do/avoid verdict adds a tick or cross and the word Yes or Avoid.

        With a ``shelf`` height, the picture stands centred on the bottom of a box that tall.
        """
        theme = self.theme
        picture = self.pictures[figure.image.path]
        tag = self.structure.add("Figure", alt=figure.image.alt)
        image: Flowable = picture_flowable(picture, width, height, theme.fonts.regular, tag)
        caption = inline(figure.caption)
        if figure.verdict:
            color = theme.primary_text if figure.verdict == "do" else STOP_RED
            image = Marked(image, figure.verdict, color)
            word = self.words.do if figure.verdict == "do" else self.words.avoid
            caption = f'<font color="#{color.hexval()[2:]}"><b>{word}:</b></font> {caption}'
        if shelf:
            image = Shelved(image, width, shelf)
        return [image, Spacer(1, 2 * mm), self.text(caption, theme.caption, "Caption")]

    def callout(self, block: Callout) -> list[Flowable]:
        """A boxed message; its icon and title say what kind it is even on a grey printout."""
        theme = self.theme
        color = {"tip": theme.primary_text, "caution": theme.accent, "stop": STOP_RED}[block.style]
        icon = Icon(block.style, color, theme.fonts.bold, 8 * mm)
        fill = tint(color, 0.09)
        title_style = theme.callout_title.clone(
            "callout_title_" + block.style, textColor=_readable(color, fill)
        )
        inner_width = self.width - 12 * mm

        def titled(title: Flowable) -> Flowable:
            return self.grid(
                [[icon, title]],
                [icon.width + 3 * mm, inner_width - icon.width - 3 * mm],
                plain(valign="MIDDLE"),
            )

        with self.inside(self.structure.add("Aside")):
            # One row per paragraph, so that a long callout can break between its bullets, its title
            # repeated on the next page as "... (continued)".
            rows: list[list[Flowable]] = [
                [titled(self.text(headline(block.title), title_style, self.heading_role()))]
            ]
            # A therapist's note may come in lines, each a row, so that a long note breaks between them; a
            # section's text never has a line break, and its one paragraph leads in to the bullets.
            lines = [line for line in block.text.splitlines() if line.strip()]
            rows += [[self.text(inline(line), theme.body)] for line in lines]
            rows += [[bullet] for bullet in self._bullet_list(block.bullets)]
            closing = 0
            if block.after_hours and self.after_hours:
                after_hours = unbroken_numbers(inline(self.after_hours))
                rows.append([self.text(f"<b>{self.words.after_hours}</b> {after_hours}", theme.body)])
                closing = 1
        border = 2.2 if block.style == "stop" else 0
        again = headline(self.words.continued.format(title=block.title))
        continued = [titled(TaggedParagraph(again, title_style, ARTIFACT))]  # the title, said once
        # Where the box breaks, its lead-in paragraph keeps at least one bullet and its after-hours line
        # two: neither is ever a piece of the box alone.
        aside = (len(lines) if len(lines) == 1 else 0, closing)
        box = self.boxed(rows, fill, color, full_border=border, continued=continued, aside=aside)
        box.spaceBefore, box.spaceAfter = self.space(2 * mm), self.space(5 * mm)
        return [box]

    def boxed(
        self,
        rows: list[list[Flowable]],
        fill: Color,
        rule: Color,
        full_border: float = 0,
        continued: list[Flowable] | None = None,
        aside: tuple[int, int] = (0, 0),
    ) -> KeptTable:
        """A tinted box with a bar down its left side; each row is a paragraph.

        With a ``continued`` title, a box may break between its bullets, leaving two rows before the
        break (its lead-in paragraph and a bullet, or two bullets) and two bullets after it (``aside``:
        the rows after the title and at the end that are not bullets); the next page repeats the title as
        ``continued``. A box of three lines or fewer never breaks.
        """
        pad = 3 * mm
        commands: list[tuple] = [
            ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("LINEBEFORE", (0, 0), (0, -1), 4, rule),
            ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), self.theme.bullet.spaceAfter),  # cells drop spaceAfter
            ("TOPPADDING", (0, 0), (-1, 0), 3.5 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 2 * mm if len(rows) > 1 else pad),
            ("BOTTOMPADDING", (0, -1), (-1, -1), pad),
            ("BOTTOMPADDING", (0, "splitlast"), (-1, "splitlast"), pad),
        ]
        if full_border:
            commands.append(("BOX", (0, 0), (-1, -1), full_border, rule))
        bullets = len(rows) - 1 - sum(aside)
        breaks = continued is not None and bullets >= (3 if aside[0] else 4)
        return self.grid(
            rows,
            [self.width],
            commands,
            repeatRows=1 if len(rows) > 1 else 0,
            least=(2, 2) if breaks else None,
            aside=aside,
            continued=continued if breaks else None,
            edge=(full_border, rule) if full_border else None,
        )

    def grid(self, rows: list[list], widths: list[float], commands: list[tuple], **options: Any) -> KeptTable:
        """A table in the body font (ReportLab's default would add an unembedded Helvetica) that breaks
        only where ``KeptTable`` allows: with ``least`` given, between rows, each piece keeping that many."""
        table = KeptTable(
            rows, page_height=self.page_height, loose=self.loose, colWidths=widths, hAlign="LEFT", **options
        )
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), self.theme.fonts.regular), *commands]))
        return table


ROW_HEADER = {"Table": {"Scope": "Row"}}
COLUMN_HEADER = {"Table": {"Scope": "Column"}}


@dataclass(frozen=True)
class StepTags:
    """A numbered step's place in the structure: a list item holding its number (the label), its words
    and its picture; made once, as its row may be drawn at more than one size."""

    label: Element
    text: Element
    figure: Element | None

    @classmethod
    def of(cls, listed: Element, step: Step) -> StepTags:
        entry = listed.add("LI")
        label = entry.add("Lbl")
        body = entry.add("LBody")
        text = body.add("P")
        figure = body.add("Figure", alt=step.image.alt) if step.image else None
        return cls(label, text, figure)


def _spaced(theme: Theme, glue: float) -> Theme:
    """``theme`` with the space before and after its paragraphs and headings cut to ``glue`` of it."""
    names = ("body", "bullet", "h1", "h2", "step", "caption")
    spaced = {
        name: getattr(theme, name).clone(
            f"{name}_tight",
            spaceBefore=getattr(theme, name).spaceBefore * glue,
            spaceAfter=getattr(theme, name).spaceAfter * glue,
        )
        for name in names
    }
    return replace(theme, **spaced)


def _readable(color: Color, background: Color) -> Color:
    """``color`` darkened just enough for a bold title on ``background`` (3:1, as WCAG asks of large text)."""
    rgb = colour.darkened(
        (color.red, color.green, color.blue),
        colour.LARGE_CONTRAST,
        (background.red, background.green, background.blue),
    )
    return Color(*rgb)


def _units(blocks: Sequence[Block]) -> list[Block | tuple[Bullets | TextBlock, Figures]]:
    """The blocks, with a lone picture paired with the text just before it, to sit beside that text."""
    units: list[Block | tuple[Bullets | TextBlock, Figures]] = []
    for block in blocks:
        previous = units[-1] if units else None
        if (
            isinstance(block, Figures)
            and len(block.figures) == 1
            and isinstance(previous, (Bullets, TextBlock))
        ):
            units[-1] = (previous, block)
        else:
            units.append(block)
    return units


def plain(align: str = "LEFT", valign: str = "TOP", gap: float = 0) -> list[tuple]:
    """A layout-only table: no lines, no padding except the gap between columns."""
    return [
        ("ALIGN", (0, 0), (-1, -1), align),
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), gap),
        ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
