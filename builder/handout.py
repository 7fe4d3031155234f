"""What one build is asked to make: the resolved selection, ready for layout."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from builder.config import PAPERS, Clinic
from builder.content import Section
from builder.patient import Patient
from builder.prescription import Dose
from builder.words import ENGLISH, Words

PAPER_SIZES = PAPERS
PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}
BOOKLET_PAGE_NAMES = {
    "a4": "A5",
    "letter": "half-letter",
}  # a booklet's page: half the sheet it is printed on


@dataclass(frozen=True)
class Handout:
    title: str
    sections: tuple[Section, ...]
    clinic: Clinic
    paper: str
    patient: Patient = field(default_factory=Patient)
    doses: Mapping[str, Dose] = field(default_factory=dict)
    """The dose to print for each exercise: its section's own, with the therapist's changes."""
    start: datetime.date | None = None
    """Day 1 of the plan, the day the pain started: the schedule and the log are dated from it."""
    log: bool = False
    """Add the exercise log: a page to tick each exercise off, day by day."""
    large_print: bool = False
    """Body text at 16 pt, pictures larger, each exercise on pages of its own."""
    words: Words = ENGLISH
    """The language of the handout: its fixed words. A section not written in it says so in a note."""
    offers: tuple[Words, ...] = ()
    """The other languages every section of the handout is written in, offered on the page."""

    @property
    def reviewed(self) -> str:
        """The oldest review date among the sections: the whole handout is only as fresh as that."""
        dates = sorted(s.reviewed for s in self.sections if s.reviewed)
        return dates[0] if dates else ""

    @property
    def next_review(self) -> str:
        """The soonest next review among the sections."""
        dates = sorted(s.next_review for s in self.sections if s.next_review)
        return dates[0] if dates else ""

    @property
    def reference(self) -> str:
        """The leaflet reference: each section and its version, so a printed copy can be traced."""
        return ", ".join(f"{section.id} v{section.version}" for section in self.sections)


def default_title(sections: tuple[Section, ...], words: Words) -> str:
    """One section keeps its own title; several become a plan."""
    return sections[0].title if len(sections) == 1 else words.default_title
