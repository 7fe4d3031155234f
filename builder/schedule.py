"""The ice-then-heat schedule made real: the rows of a section's ``schedule:`` block for this handout,
dated from the day the pain started when the therapist gives it, else "Day 1, Day 2 ...".

Schedules are resolved into plain tables before layout, so the layout only ever sees tables.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from builder.content import Schedule, Section, Table
from builder.patient import printed_day


@dataclass(frozen=True)
class ScheduleChoice:
    """What the therapist chose for this patient's schedule; None keeps the section's own."""

    start: datetime.date | None = None
    """Day 1: the day the pain started or flared up."""
    ice_days: int | None = None
    days: int | None = None


def resolved(section: Section, choice: ScheduleChoice, date_style: str) -> Section:
    """``section`` with each schedule turned into the table this patient gets."""
    if not any(isinstance(block, Schedule) for block in section.blocks):
        return section
    blocks = tuple(
        _table(block, choice, date_style) if isinstance(block, Schedule) else block
        for block in section.blocks
    )
    return replace(section, blocks=blocks)


def _table(schedule: Schedule, choice: ScheduleChoice, date_style: str) -> Table:
    days = choice.days or schedule.days
    ice_days = min(choice.ice_days or schedule.ice_days, days - 1)
    rows = []
    for number in range(1, days + 1):
        if choice.start is None:
            day = f"Day {number}"
        else:
            # Non-breaking spaces: "Tue 1 Dec" stays on one line in its column.
            day = printed_day(choice.start + datetime.timedelta(days=number - 1), date_style).replace(
                " ", "\u00a0"
            )
        rows.append((day, "Ice" if number <= ice_days else "Heat", schedule.how_long))
    caption = schedule.caption or ("Your first week" if days == 7 else "Your first two weeks")
    return Table(caption, ("Day", "Use", "How long"), tuple(rows), schedule.slots)
