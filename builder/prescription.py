"""How much of an exercise to do: the dose an exercise section suggests, and a therapist's changes to it.

A section file gives a default (``dose:`` with any of the fields below); a plan or ``--set
dislocates.reps=8`` overrides single fields. Every value is checked against a range a therapist could
mean, so "reps=0" or "hold=-5" is an error that names the field, never a silly line on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.validate import did_you_mean
from builder.words import ENGLISH, Words

LIMITS = {  # field -> (fewest, most) a therapist could mean
    "sets": (1, 10),
    "reps": (1, 100),
    "hold": (1, 600),
    "times_per_day": (1, 10),
    "days_per_week": (1, 7),
    "weeks": (1, 52),
}
WHAT = {
    "sets": "sets",
    "reps": "repetitions",
    "hold": "seconds to hold",
    "times_per_day": "times a day",
    "days_per_week": "days a week",
    "weeks": "weeks",
}


@dataclass(frozen=True)
class Dose:
    """Each field is a whole number in ``LIMITS``, or None when the dose does not say."""

    sets: int | None = None
    reps: int | None = None
    hold: int | None = None
    """Seconds to hold each repetition."""
    times_per_day: int | None = None
    days_per_week: int | None = None
    weeks: int | None = None

    def lines(self, words: Words = ENGLISH) -> list[tuple[str, str]]:
        """The dose as a patient reads it: a label and plain words for each part that is set."""
        rows = []
        if self.reps is not None:
            rows.append((words.repeat, words.times_count(self.reps)))
        if self.hold is not None:
            rows.append((words.hold, words.plural(words.seconds_each, self.hold)))
        if self.sets is not None:
            rows.append((words.sets, words.sets_with_rest.format(n=self.sets) if self.sets > 1 else "1"))
        how_often = []
        if self.times_per_day is not None:
            how_often.append(words.a_day.format(times=words.times_count(self.times_per_day)))
        if self.days_per_week is not None:
            every = self.days_per_week == 7
            how_often.append(words.every_day if every else words.days_a_week.format(n=self.days_per_week))
        if how_often:
            rows.append((words.how_often, ", ".join(how_often)))
        if self.weeks is not None:
            rows.append((words.for_, words.plural(words.weeks, self.weeks)))
        return rows


class DoseError(ValueError):
    """A dose value that is not a field, or not a whole number a therapist could mean; the message
    says which and what would do."""


def dose_value(field: str, text: str) -> int:
    """``text`` as the value of ``field``, or DoseError."""
    if field not in LIMITS:
        hint = did_you_mean(field, LIMITS) or f" (fields: {', '.join(LIMITS)})"
        raise DoseError(f"'{field}' is not a dose field{hint}")
    fewest, most = LIMITS[field]
    try:
        value = int(text.strip())
    except ValueError:
        value = None
    if value is None or not fewest <= value <= most:
        raise DoseError(
            f"{field} must be a whole number from {fewest} to {most} ({WHAT[field]}), not '{text}'"
        )
    return value
