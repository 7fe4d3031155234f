"""The exercise log: a page to tick off each exercise, day by day, for the weeks of the plan, with a line
for the day's pain from 0 to 10. A therapist reads it back at the next visit."""

from __future__ import annotations

import datetime

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from builder.content import Section
from builder.handout import Handout
from builder.layout.blocks import BlockLayout
from builder.layout.flowables import SectionHeading, TickBox
from builder.layout.styles import INK, RULE, tint

DEFAULT_WEEKS = 2
MOST_WEEKS = 6  # a longer plan is reviewed at a visit before it ends
TICKS_PER_DAY = 3  # the most boxes that fit under a day; more times a day share them


def exercise_log(layout: BlockLayout, handout: Handout) -> list[Flowable]:
    """The log, on a page of its own: one table per week, a row per exercise, a row for pain."""
    exercises = [section for section in handout.sections if section.id in handout.doses]
    weeks = max((handout.doses[s.id].weeks or DEFAULT_WEEKS for s in exercises), default=DEFAULT_WEEKS)
    theme, words = layout.theme, handout.words
    story: list[Flowable] = [
        CondPageBreak(layout.page_height),  # always a fresh page: it is kept on the fridge
        SectionHeading(words.log_title, theme.h1, "exercise-log", words.log_title),
        Paragraph(words.log_how_to, theme.body),
        Spacer(1, 2 * mm),
    ]
    for week in range(min(weeks, MOST_WEEKS)):
        story.append(_week(layout, handout, exercises, week, handout.start))
    return story


def _week(
    layout: BlockLayout, handout: Handout, exercises: list[Section], week: int, start: datetime.date | None
) -> Flowable:
    theme, words = layout.theme, handout.words
    header_style = theme.header_cell.clone("log_header", alignment=1, fontSize=10, leading=12)
    cell = theme.cell.clone("log_cell", spaceAfter=0)
    days = []
    for index in range(7):
        number = week * 7 + index + 1
        day = (
            words.day_in_table(start + datetime.timedelta(days=number - 1), handout.clinic.dates)
            if start
            else words.day_number.format(n=number)
        )
        days.append(Paragraph(day.replace(" ", "<br/>", 1), header_style))
    rows: list[list] = [[Paragraph(words.week_number.format(n=week + 1), theme.header_cell), *days]]
    for section in exercises:
        dose = handout.doses[section.id]
        ticks = min(dose.times_per_day or 1, TICKS_PER_DAY)
        rows.append([Paragraph(section.title, cell), *(_boxes(ticks) for _ in range(7))])
    rows.append([Paragraph(words.pain_row, cell), *([""] * 7)])
    name_width = layout.width * 0.34
    day_width = (layout.width - name_width) / 7
    table = layout.grid(
        rows,
        [name_width, *[day_width] * 7],
        [
            ("BACKGROUND", (0, 0), (-1, 0), theme.primary),
            ("BACKGROUND", (0, -1), (-1, -1), tint(theme.primary, 0.07)),
            ("GRID", (0, 0), (-1, -1), 0.6, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (1, 1), (-1, -1), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, -1), (-1, -1), 4 * mm),  # room to write a number by hand
            ("BOTTOMPADDING", (0, -1), (-1, -1), 4 * mm),
        ],
    )
    table.spaceAfter = 5 * mm
    return table


def _boxes(count: int) -> list[Flowable]:
    """Tick boxes one above the other, a little apart: one for each time of the day."""
    stacked: list[Flowable] = []
    for index in range(count):
        box = TickBox(INK, size=5.5 * mm)
        box.hAlign = "CENTER"
        stacked += [Spacer(1, 1.5 * mm), box] if index else [box]
    return stacked
