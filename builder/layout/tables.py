"""Tables: a schedule or log's grid, its columns shared out so that no word breaks inside a cell.

Table type shrinks a point at a time, never below ``SMALLEST_CELL``, where a narrow page has no room.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from builder.content import Table as TableBlock
from builder.layout.flowables import TickBox
from builder.layout.markup import inline
from builder.layout.styles import INK, RULE, tint

if TYPE_CHECKING:
    from builder.layout.blocks import BlockLayout

SMALLEST_CELL = 9.0  # points: the least a table's text shrinks to so that its words fit the page


def table(layout: BlockLayout, block: TableBlock) -> list[Flowable]:
    """A schedule: header row in the clinic colour, shaded rows, and boxes to tick by hand.

    Where even the narrowest padding leaves a word wider than its column (large print on a booklet's
    half-size page), the table's type is set a point smaller until every word fits.
    """
    theme = layout.theme
    header, cell = theme.header_cell, theme.cell
    if not _longest_words_fit(layout, block, 3.0) and max(header.fontSize, cell.fontSize) > SMALLEST_CELL:
        # The headings give way first: what the patient reads down the rows stays largest.
        shrink_header = header.fontSize > SMALLEST_CELL and header.fontSize > cell.fontSize - 2
        smaller = copy.copy(layout)
        smaller.theme = replace(
            theme,
            header_cell=_smaller(header) if shrink_header else header,
            cell=cell if shrink_header or cell.fontSize <= SMALLEST_CELL else _smaller(cell),
        )
        return table(smaller, block)
    header = [Paragraph(inline(c), theme.header_cell) for c in (*block.columns, *block.tick_columns)]
    # Cells are padded 6 pt a side; on a narrow page, 3 pt, so that no word has to break inside.
    pad = 6.0 if _longest_words_fit(layout, block, 6.0) else 3.0
    tick_widths = [_tick_column_width(layout, label, pad) for label in block.tick_columns]
    widths = _text_column_widths(
        block,
        layout.width - sum(tick_widths),
        lambda text: _natural_width(layout, text) + 2 * pad,
        lambda text: _longest_word(layout, text) + 2 * pad,
    )
    widths += tick_widths
    # The caption is the table's first row, so a page never ends with it: it goes where the table goes.
    top: list[list[Flowable | str]] = []
    if block.caption:
        top = [[Paragraph(inline(block.caption), theme.table_caption), *[""] * (len(widths) - 1)]]
    rows: list[list[Flowable | str]] = [*top, header]
    for row in block.rows:
        cells: list[Flowable | str] = [Paragraph(inline(cell), theme.cell) for cell in row]
        cells += [TickBox(INK) for _ in block.tick_columns]
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
    )
    grid.spaceAfter = 5 * mm
    return [grid]


def _natural_width(layout: BlockLayout, text: str) -> float:
    """The width ``text`` needs on one line in a cell, padding not included (with a point to spare:
    a line exactly as wide as its cell can still wrap)."""
    plain = text.replace("**", "").replace("*", "")
    styles = (layout.theme.header_cell, layout.theme.cell)  # the headings are bold, and may be larger
    return max(stringWidth(plain, style.fontName, style.fontSize) for style in styles) + 1


def _longest_word(layout: BlockLayout, text: str) -> float:
    """The widest run of text a line may not break inside (non-breaking spaces join words)."""
    return max((_natural_width(layout, word) for word in text.split(" ")), default=0.0)


def _tick_column_width(layout: BlockLayout, label: str, pad: float) -> float:
    """Just wide enough for the label's longest word, and never narrower than a comfortable tick box."""
    return max(_longest_word(layout, label) + 2 * pad, (13 if pad >= 6 else 10) * mm)


def _longest_words_fit(layout: BlockLayout, block: TableBlock, pad: float) -> bool:
    """Whether every column can be as wide as its longest word with ``pad`` on each side."""
    needed = sum(_tick_column_width(layout, label, pad) for label in block.tick_columns)
    for i, heading in enumerate(block.columns):
        texts = (heading, *(row[i] for row in block.rows if i < len(row)))
        needed += max(_longest_word(layout, text) for text in texts) + 2 * pad
    return needed <= layout.width


def _text_column_widths(
    block: TableBlock, total: float, natural: Callable[[str], float], shortest: Callable[[str], float]
) -> list[float]:
    """Share ``total`` between the text columns: a column whose longest entry fits its fair share gets
    just that width, so "Day 2" never breaks; the other columns share what is left by their length,
    each keeping at least the width of its longest word (``shortest``), so no word breaks inside."""
    texts = [
        (heading, *(row[i] for row in block.rows if i < len(row))) for i, heading in enumerate(block.columns)
    ]
    wanted = [max(natural(text) for text in column) for column in texts]
    least = [max(shortest(text) for text in column) for column in texts]
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
    else:  # everything fits on one line: the spare room goes to the widest column
        widths[max(widths, key=lambda i: wanted[i])] += left
    return [widths[i] for i in range(len(wanted))]


def _smaller(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` a point smaller (never below ``SMALLEST_CELL``), its leading in proportion."""
    size = max(style.fontSize - 1, SMALLEST_CELL)
    return style.clone(f"{style.name}_smaller", fontSize=size, leading=style.leading * size / style.fontSize)
