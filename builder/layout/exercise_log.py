"""The exercise log: a page to tick off each exercise, day by day, for the weeks of the plan, with a line
for the day's pain from 0 to 10. A therapist reads it back at the next visit."""

from __future__ import annotations

import datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from builder.content import Section
from builder.handout import Handout
from builder.layout.blocks import BlockLayout
from builder.layout.flowables import SectionHeading, TickBox
from builder.layout.styles import INK, RULE, Theme, tint
from builder.layout.tables import fitted, widest_run
from builder.layout.tagging import Element, TaggedParagraph

DEFAULT_WEEKS = 2
MOST_WEEKS = 6  # a longer plan is reviewed at a visit before it ends
TICKS_PER_DAY = 3  # the most boxes that fit under a day; more times a day share them
NAME_SHARE = 0.34  # of the width, for the exercises' names
PAD = 4.0  # points around a cell's text
BOX = 5.5 * mm  # a tick box


def exercise_log(layout: BlockLayout, handout: Handout) -> list[Flowable]:
    """The log, on a page of its own: one table per week, a row per exercise, a row for pain."""
    exercises = [section for section in handout.sections if section.id in handout.doses]
    weeks = max((handout.doses[s.id].weeks or DEFAULT_WEEKS for s in exercises), default=DEFAULT_WEEKS)
    theme, words = layout.theme, handout.words
    days = [_days(handout, week) for week in range(min(weeks, MOST_WEEKS))]
    stacked = _stack_dates([day for week in days for day in week], _day_style(theme), _widths(layout)[1])
    with layout.inside(layout.structure.add("Sect"), level=2):
        story: list[Flowable] = [
            CondPageBreak(layout.page_height),  # always a fresh page: it is kept on the fridge
            SectionHeading(
                words.log_title, theme.h1, "exercise-log", words.log_title, layout.structure.add("H2")
            ),
            layout.text(words.log_how_to, theme.body),
            Spacer(1, 2 * mm),
        ]
        for week, week_days in enumerate(days):
            headings = [_heading(day, stacked) for day in week_days]
            story.append(_week(layout, handout, exercises, week, headings))
    return story


def _days(handout: Handout, week: int) -> list[str]:
    """The seven days of ``week`` (from 0) as their columns head them: "Tue 1 Dec", or "Day 8"."""
    start, words = handout.start, handout.words
    numbers = range(week * 7 + 1, week * 7 + 8)
    if start is None:
        return [words.day_number.format(n=number) for number in numbers]
    return [words.day_in_table(start + datetime.timedelta(days=n - 1), handout.clinic.dates) for n in numbers]


def _week(
    layout: BlockLayout,
    handout: Handout,
    exercises: list[Section],
    week: int,
    days: list[str],
) -> Flowable:
    theme, words = layout.theme, handout.words
    cell, day_style = theme.cell.clone("log_cell", spaceAfter=0), _day_style(theme)
    name_width, day_width = _widths(layout)

    # In the structure: a row of headings (the week, then its days), and a row per exercise headed by
    # its name, its days' cells empty, as their boxes are to tick by hand.
    structure = layout.structure.add("Table")

    def row(heading: str, style: ParagraphStyle, scope: str) -> tuple[Element, Paragraph]:
        entry = structure.add("TR")
        head = entry.add("TH", attributes={"Table": {"Scope": scope}})
        return entry, TaggedParagraph(fitted(heading, style, name_width - 2 * PAD), style, head)

    heads, week_name = row(words.week_number.format(n=week + 1), theme.header_cell, "Both")
    headings = [
        TaggedParagraph(
            fitted(day, day_style, day_width - 2 * PAD), day_style, heads.add("TH", attributes=COLUMN)
        )
        for day in days
    ]
    rows: list[list] = [[week_name, *headings]]
    for section in exercises:
        dose = handout.doses[section.id]
        ticks = min(dose.times_per_day or 1, TICKS_PER_DAY)
        entry, exercise = row(section.title, cell, "Row")
        for _ in range(7):
            entry.add("TD", empty=True)
        rows.append([exercise, *(_boxes(ticks) for _ in range(7))])
    entry, pain = row(words.pain_row, cell, "Row")
    for _ in range(7):
        entry.add("TD", empty=True)
    rows.append([pain, *([""] * 7)])
    table = layout.grid(
        rows,
        [name_width, *[day_width] * 7],
        [
            ("BACKGROUND", (0, 0), (-1, 0), theme.primary),
            ("BACKGROUND", (0, -1), (-1, -1), tint(theme.primary, 0.07)),
            ("GRID", (0, 0), (-1, -1), 0.6, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (1, 1), (-1, -1), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, -1), PAD),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, -1), (-1, -1), 4 * mm),  # room to write a number by hand
            ("BOTTOMPADDING", (0, -1), (-1, -1), 4 * mm),
        ],
    )
    table.spaceAfter = 5 * mm
    return table


COLUMN = {"Table": {"Scope": "Column"}}


def _day_style(theme: Theme) -> ParagraphStyle:
    return theme.header_cell.clone("log_header", alignment=1, fontSize=10, leading=12)


def _widths(layout: BlockLayout) -> tuple[float, float]:
    """The exercises' names take a third of the width; the seven days share the rest."""
    name_width = layout.width * NAME_SHARE
    return name_width, (layout.width - name_width) / 7


def _heading(day: str, stacked: bool) -> str:
    """A day column's heading: the weekday over the date ("Tue" over "1 Dec"), or, stacked, each part
    of the date on a line of its own ("Tue" over "1" over "Dec")."""
    return day.replace(" ", "<br/>") if stacked else day.replace(" ", "<br/>", 1)


def _stack_dates(days: list[str], style: ParagraphStyle, width: float) -> bool:
    """Whether the dates go one part to a line in every column: where one of them would not fit its
    column whole ("10 Dec" on a booklet's page), rather than that one breaking alone, or inside a word;
    the names keep their third of the width, so that they do not wrap word by word."""
    return any(widest_run(_heading(day, False), style) + 2 * PAD > width for day in days)


def _boxes(count: int) -> list[Flowable]:
    """Tick boxes one above the other, a little apart: one for each time of the day."""
    stacked: list[Flowable] = []
    for index in range(count):
        box = TickBox(INK, size=BOX)
        box.hAlign = "CENTER"
        stacked += [Spacer(1, 1.5 * mm), box] if index else [box]
    return stacked
