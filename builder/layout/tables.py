"""Tables: a schedule or log's grid, its columns shared out so that no word, and no run a reader takes in
at a glance, breaks inside a cell.

The rule: what may not break is a word, and a *run*: a number with its label or its unit ("Day 4",
"20 minutes"), a range ("15 to 20 minutes", "2 a 3 días"), a date ("Tue 1 Dec", "mar. 3/3"). Every
column is at least as wide as its widest run, so a column of such entries prints on one line in every
row, "Day 4" as "Day 5"; the columns of longer prose, which wrap anyway, give up the width and wrap
between runs. Only when that cannot fit does the table's type shrink a point at a time, never below
``SMALLEST_CELL``; at that size a run may wrap between its words, and a word still wider than its column
breaks inside its cell (ReportLab's ``splitLongWords``) rather than run out of it.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from builder.content import Table as TableBlock
from builder.layout.flowables import TickBox
from builder.layout.markup import inline
from builder.layout.styles import INK, RULE, Theme, tint
from builder.layout.tagging import ARTIFACT, Element, TaggedParagraph

if TYPE_CHECKING:
    from builder.layout.blocks import BlockLayout

SMALLEST_CELL = 9.0  # points: the least a table's text shrinks to so that its runs fit the page
PADDINGS = (6.0, 5.0, 4.0, 3.0)  # points each side of a cell's text, roomiest first
SPARE = 1.0  # points: a line exactly as wide as its cell can still wrap
NBSP = "\u00a0"


def table(layout: BlockLayout, block: TableBlock) -> list[Flowable]:
    """A schedule: header row in the clinic colour, shaded rows, and boxes to tick by hand.

    Where even the narrowest padding leaves a run wider than its column (large print on a booklet's
    half-size page), the table's type is set a point smaller until every run fits.
    """
    theme = layout.theme
    header, cell = theme.header_cell, theme.cell
    keep = _fits(theme, block, layout.width, PADDINGS[-1], keep=True)
    if not keep and max(header.fontSize, cell.fontSize) > SMALLEST_CELL:
        # The headings give way first: what the patient reads down the rows stays largest.
        shrink_header = header.fontSize > SMALLEST_CELL and header.fontSize > cell.fontSize - 2
        shrunk = copy.copy(layout)
        shrunk.theme = replace(
            theme,
            header_cell=_smaller(header) if shrink_header else header,
            cell=cell if shrink_header or cell.fontSize <= SMALLEST_CELL else _smaller(cell),
        )
        return table(shrunk, block)
    # Cells are padded 6 pt a side; on a narrow page as much of that as leaves every run whole, at least 3.
    pad = next((pad for pad in PADDINGS if _fits(theme, block, layout.width, pad, keep)), PADDINGS[-1])
    columns = _columns(block)
    least = [_least(theme, column, keep) + 2 * pad for column in columns]
    # Tick columns as roomy as they have always been where that leaves the text its room, else exact.
    tick_widths = [_tick_column_width(theme, label, pad, roomy=True) for label in block.tick_columns]
    if sum(tick_widths) + sum(least) > layout.width:
        tick_widths = [_tick_column_width(theme, label, pad) for label in block.tick_columns]
    widths = _text_column_widths(
        layout.width - sum(tick_widths),
        [max(_comfortable(theme, text) for text in column) + 2 * pad for column in columns],
        least,
    )
    widths += tick_widths

    # In the structure: a table of rows, the first of headings for its columns, and in each row after
    # it a first cell that heads the row ("Day 1"); the boxes to tick are empty cells.
    structure = layout.structure.add("Table")

    def paragraph(text: str, style: ParagraphStyle, width: float, cell: Element) -> Paragraph:
        markup = inline(text)
        return TaggedParagraph(fitted(markup, style, width - 2 * pad) if keep else markup, style, cell)

    def cell_of(row: Element, column: int, heading: bool) -> Element:
        if heading:
            return row.add("TH", attributes={"Table": {"Scope": "Column"}})
        if column == 0 and len(widths) > 1:
            return row.add("TH", attributes={"Table": {"Scope": "Row"}})
        return row.add("TD", empty=True)

    # The caption is the table's first row, so a page never ends with it: it goes where the table goes,
    # and where the table breaks across pages, the next page repeats it as "... (continued)".
    top: list[list[Flowable | str]] = []
    continued: list[Flowable | str] | None = None
    if block.caption:
        blank = [""] * (len(widths) - 1)
        top = [
            [TaggedParagraph(inline(block.caption), theme.table_caption, structure.add("Caption")), *blank]
        ]
        again = layout.words.continued.format(title=block.caption)
        continued = [TaggedParagraph(inline(again), theme.table_caption, ARTIFACT), *blank]
    heads = structure.add("TR")
    header_row = [
        paragraph(text, theme.header_cell, width, cell_of(heads, i, heading=True))
        for i, (text, width) in enumerate(zip(block.columns, widths, strict=False))
    ]
    centred = theme.header_cell.clone("tick_header", alignment=TA_CENTER)
    for label, width in zip(block.tick_columns, tick_widths, strict=True):
        # A label narrower than its column (the box sets the width: "Fri") is centred over the boxes; one
        # that sets the width fills it already, and stays as tables have always printed it.
        room = line_width(inline(label), theme.header_cell) < width - 2 * pad - SPARE
        header_row.append(
            paragraph(label, centred if room else theme.header_cell, width, cell_of(heads, 1, True))
        )
    rows: list[list[Flowable | str]] = [*top, header_row]
    for row in block.rows:
        entry = structure.add("TR")
        cells: list[Flowable | str] = [
            paragraph(text, theme.cell, width, cell_of(entry, i, heading=False))
            for i, (text, width) in enumerate(zip(row, widths, strict=False))
        ]
        for _ in block.tick_columns:
            cell_of(entry, len(cells), heading=False)
            cells.append(TickBox(INK))
        rows.append(cells)
    first_tick, head = len(block.columns), len(top)
    captioned = [
        ("SPAN", (0, 0), (-1, 0)),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("TOPPADDING", (0, 0), (0, 0), 0),
        ("BOTTOMPADDING", (0, 0), (0, 0), theme.table_caption.spaceAfter),
    ]
    grid = layout.grid(
        rows,
        widths,
        [
            ("BACKGROUND", (0, head), (-1, head), theme.primary),
            ("ROWBACKGROUNDS", (0, head + 1), (-1, -1), [None, tint(theme.primary, 0.07)]),
            ("GRID", (0, head), (-1, -1), 0.6, RULE),
            ("VALIGN", (0, head), (-1, -1), "MIDDLE"),
            ("ALIGN", (first_tick, head), (-1, -1), "CENTER"),
            ("TOPPADDING", (0, head), (-1, -1), 5),
            ("BOTTOMPADDING", (0, head), (-1, -1), 5),
            ("LEFTPADDING", (0, head), (-1, -1), pad),
            ("RIGHTPADDING", (0, head), (-1, -1), pad),
            *(captioned if top else []),
        ],
        repeatRows=head + 1,
        least=(2, 2),
        continued=continued,
    )
    grid.spaceAfter = layout.space(5 * mm)
    return [grid]


_NUMBER = re.compile(r"\d")
# "15 to 20", "2 a 3", "3 x 10", "5 - 10" (and the en dash, em dash and multiplication sign)
_RANGE = {"to", "or", "and", "a", "o", "u", "y", "x", "-", "\u2013", "\u2014", "\u00d7"}
_UNIT = re.compile(r"\(?[^\W\d_]")  # a word that starts with a letter: "minutes", "Dec", "días"
_WORD = re.compile(r"[^\W\d_]+\.?")  # letters only, perhaps abbreviated: "Day", "Semana", "mar."
_TAG = re.compile(r"<[^<>]*>|[*_]+")  # markup around a word: <b>, </i>, or the ** of content text


def runs(markup: str) -> list[str]:
    """``markup`` cut into the runs a line may not break inside, each a word or words joined by spaces.

    A run is a number with what belongs to it: the range it starts ("15 to 20", "2 a 3"), and either a
    capitalised or abbreviated word just before it (its label: "Day 4", "mar. 3/3"; not "for" in "for 15
    minutes") or else the one word after it (its unit or month: "20 minutes", "1 Dec"). Non-breaking
    spaces already join what they join (the schedule's dates, "Tue 1 Dec"); every other word is a run of
    its own.
    """
    words = [word for word in markup.split(" ") if word]
    plain = [_TAG.sub("", word) for word in words]
    found: list[str] = []
    joined = False  # whether the last run found is of several words
    i = 0
    while i < len(words):
        if not _NUMBER.search(plain[i]):
            found.append(words[i])
            joined, i = False, i + 1
            continue
        end = i + 1
        while end + 1 < len(words) and plain[end].lower() in _RANGE and _NUMBER.search(plain[end + 1]):
            end += 2
        labelled = bool(found) and not joined and plain[i][:1].isdigit() and _is_label(plain[i - 1])
        closed = plain[end - 1][-1:] in tuple(",.;:!?)")  # "Días 1 y 2, después": the number's clause ends
        # A labelled number takes no unit: in "Day 4 then rest", "then" is a word of its own.
        unit = end < len(words) and not _NUMBER.search(plain[end]) and _UNIT.match(plain[end])
        end += 1 if unit and not (labelled or closed) else 0
        run = " ".join(words[i:end])
        found.append(f"{found.pop()} {run}" if labelled else run)
        joined, i = True, end
    return found


def _is_label(word: str) -> bool:
    """Whether ``word`` can name the number after it: capitalised ("Day", "Week", "Día") or a short
    abbreviation ("mar.", "sáb.")."""
    return bool(_WORD.fullmatch(word)) and (word[0].isupper() or (word.endswith(".") and len(word) <= 5))


def keep_runs(markup: str) -> str:
    """``markup`` with the spaces inside each run non-breaking, so that lines break only between runs
    (a space inside a tag, ``<font size="9">``, stays a space)."""
    kept = []
    for run in runs(markup):
        pieces = run.split(" ")
        joined = pieces[0]
        for piece in pieces[1:]:
            in_tag = joined.count("<") > joined.count(">")
            joined += (" " if in_tag else NBSP) + piece
        kept.append(joined)
    return " ".join(kept)


def fitted(markup: str, style: ParagraphStyle, width: float) -> str:
    """A cell's markup: as it is when it fits on one line of ``width`` (nothing to break), else with its
    runs kept, so that it wraps between them."""
    return markup if line_width(markup, style) <= width else keep_runs(markup)


def line_width(markup: str, style: ParagraphStyle) -> float:
    """How wide ``markup`` is on one line in ``style``, in its real fonts, bold and italic included (its
    widest line, where it has ``<br/>``), with a point to spare: a line exactly as wide as its cell can
    still wrap."""
    paragraph = Paragraph(markup, style)
    paragraph.wrap(1e6, 1e6)
    return max(paragraph.getActualLineWidths0(), default=0.0) + SPARE


def widest_run(markup: str, style: ParagraphStyle) -> float:
    """How wide the widest run of ``markup`` is in ``style``, with a point to spare: the narrowest its
    column may be, padding aside."""
    return Paragraph(keep_runs(markup), style).minWidth() + SPARE


def _widest(text: str, style: ParagraphStyle, keep: bool) -> float:
    """The widest stretch of content ``text`` that may not break: a run, or (where runs cannot all be
    kept at the smallest type) a word."""
    markup = inline(text)
    return widest_run(markup, style) if keep else Paragraph(markup, style).minWidth() + SPARE


def _columns(block: TableBlock) -> list[tuple[str, ...]]:
    """Each text column's heading, then its entries."""
    return [
        (heading, *(row[i] for row in block.rows if i < len(row))) for i, heading in enumerate(block.columns)
    ]


def _least(theme: Theme, column: tuple[str, ...], keep: bool) -> float:
    """The narrowest a column may be, padding aside: its widest run, the heading in its own face."""
    heading, *entries = column
    return max(
        _widest(heading, theme.header_cell, keep),
        *(_widest(text, theme.cell, keep) for text in entries),
    )


def _comfortable(theme: Theme, text: str) -> float:
    """The width ``text`` would like on one line, padding aside: as wide as it would be in the bold
    heading face too (the roomy columns a table with space to spare has always had)."""
    plain = text.replace("**", "").replace("*", "")
    styles = (theme.header_cell, theme.cell)
    roomy = max(stringWidth(plain, style.fontName, style.fontSize) for style in styles)
    return max(roomy + SPARE, line_width(inline(text), theme.cell))


def _tick_column_width(theme: Theme, label: str, pad: float, roomy: bool = False) -> float:
    """Just wide enough for the label's widest run (``roomy``: each word as wide as it would be in the
    body face too), and never narrower than a comfortable tick box."""
    needed = widest_run(inline(label), theme.header_cell)
    if roomy:
        needed = max(needed, *(_comfortable(theme, word) for word in label.split(" ")))
    return max(needed + 2 * pad, (13 if pad >= 6 else 10) * mm)


def _fits(theme: Theme, block: TableBlock, width: float, pad: float, keep: bool) -> bool:
    """Whether every column can be as wide as its widest run (or word) with ``pad`` on each side."""
    needed = sum(_tick_column_width(theme, label, pad) for label in block.tick_columns)
    needed += sum(_least(theme, column, keep) + 2 * pad for column in _columns(block))
    return needed <= width


def _text_column_widths(total: float, wanted: list[float], least: list[float]) -> list[float]:
    """Share ``total`` between the text columns: a column whose whole entries fit its fair share gets
    just that width, so "Day 2" never breaks; the other columns share what is left by their length,
    each keeping at least its widest run (``least``). Where even that is more than ``total`` (a word
    wider than a narrow page), the columns are narrowed in proportion: the table never outgrows the page,
    and the word breaks inside its cell."""
    widths: dict[int, float] = {}
    while True:
        open_columns = [i for i in range(len(wanted)) if i not in widths]
        share = (total - sum(widths.values())) / max(1, len(open_columns))
        fitting = [i for i in open_columns if wanted[i] <= share]
        if not fitting or not open_columns:
            break
        widths.update({i: wanted[i] for i in fitting})
    left = total - sum(widths.values())
    rest = [i for i in range(len(wanted)) if i not in widths]
    if rest:
        spare = left - sum(least[i] for i in rest)
        if spare < 0:  # the columns given their whole width give back what the others lack, to their least
            given = {i: widths[i] - least[i] for i in widths}
            back = min(-spare, sum(given.values()))
            for i, room in given.items():
                widths[i] -= back * room / (sum(given.values()) or 1.0)
            spare = 0.0
        weight = sum(wanted[i] - least[i] for i in rest) or 1.0
        widths.update({i: least[i] + spare * (wanted[i] - least[i]) / weight for i in rest})
    elif widths:  # everything fits on one line: the spare room goes to the widest column
        widths[max(widths, key=lambda i: wanted[i])] += left
    over = sum(widths.values()) / total if total > 0 else 1.0
    return [widths[i] / max(over, 1.0) for i in range(len(wanted))]


def _smaller(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` a point smaller (never below ``SMALLEST_CELL``), its leading in proportion."""
    size = max(style.fontSize - 1, SMALLEST_CELL)
    return style.clone(f"{style.name}_smaller", fontSize=size, leading=style.leading * size / style.fontSize)
