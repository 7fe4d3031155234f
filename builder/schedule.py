"""The ice-then-heat schedule made real: the rows of a section's ``schedule:`` block for this handout,
dated from the day the pain started when the therapist gives it, else "Day 1, Day 2 ...".

Schedules are resolved into plain tables before layout, so the layout only ever sees tables.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from builder.content import Schedule, Section, Table
from builder.words import Words


@dataclass(frozen=True)
class ScheduleChoice:
    """What the therapist chose for this patient's schedule; None keeps the section's own."""

    start: datetime.date | None = None
    """Day 1: the day the pain started or flared up."""
    ice_days: int | None = None
    days: int | None = None


def resolved(section: Section, choice: ScheduleChoice, date_style: str, words: Words) -> Section:
    """``section`` with each schedule turned into the table this patient gets, in ``words``' language."""
    if not any(isinstance(block, Schedule) for block in section.blocks):
        return section
    blocks = tuple(
        _table(block, choice, date_style, words) if isinstance(block, Schedule) else block
        for block in section.blocks
    )
    return replace(section, blocks=blocks)


def _table(schedule: Schedule, choice: ScheduleChoice, date_style: str, words: Words) -> Table:
    days = choice.days or schedule.days
    ice_days = min(choice.ice_days or schedule.ice_days, days - 1)
    rows = []
    for number in range(1, days + 1):
        if choice.start is None:
            day = words.day_number.format(n=number)
        else:
            # Non-breaking spaces: "Tue 1 Dec" stays on one line in its column.
            date = choice.start + datetime.timedelta(days=number - 1)
            day = words.day_in_table(date, date_style).replace(" ", "\u00a0")
        rows.append((day, words.ice if number <= ice_days else words.heat, schedule.how_long))
    caption = schedule.caption or (words.first_week if days == 7 else words.first_two_weeks)
    return Table(caption, (words.day, words.use, words.how_long), tuple(rows), schedule.slots)
