"""Who a handout is for: printed on its first page, and nowhere else (no file name, no PDF metadata)."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Patient:
    name: str = ""
    clinician: str = ""
    date: datetime.date | None = None
    note: str = ""
    """A line from the therapist, printed in a box under the patient's name."""


DATE_STYLES = ("day-month-year", "month-day-year")


def printed_date(date: datetime.date, style: str) -> str:
    """A date as the clinic writes it: "1 December 2026", or "December 1, 2026" (``month-day-year``)."""
    month = calendar.month_name[date.month]
    return (
        f"{month} {date.day}, {date.year}" if style == "month-day-year" else f"{date.day} {month} {date.year}"
    )


def printed_day(date: datetime.date, style: str) -> str:
    """A day in a schedule, short enough for a table: "Tue 1 Dec", or "Tue Dec 1" (``month-day-year``)."""
    weekday, month = calendar.day_abbr[date.weekday()], calendar.month_abbr[date.month]
    return f"{weekday} {month} {date.day}" if style == "month-day-year" else f"{weekday} {date.day} {month}"


def note_text(text: str) -> str:
    """A therapist's note with its spaces tidied and its line breaks kept (a note typed in lines)."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
