"""Who a handout is for: printed on its first page, and nowhere else (no file name, no PDF metadata)."""

from __future__ import annotations

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


def note_text(text: str) -> str:
    """A therapist's note with its spaces tidied and its line breaks kept (a note typed in lines)."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
