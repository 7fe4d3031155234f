"""The lines at the top of a handout (and on a booklet's cover) for whom it is for: filled in with the
patient's details when the therapist gave them, left to write on by hand when not."""

from __future__ import annotations

from reportlab.platypus import Flowable

from builder.content import Callout
from builder.handout import Handout
from builder.layout.blocks import BlockLayout
from builder.layout.flowables import ChoiceLine, FillInLine
from builder.layout.styles import INK, Theme
from builder.layout.tagging import Element

SIZE = 12


def patient_lines(handout: Handout, theme: Theme, on_cover: bool, structure: Element) -> list[Flowable]:
    """Name and date (on one line on a handout's first page, on lines of their own on a cover) and the
    therapist: their name, the clinic's therapists to tick, or on a cover a line to write it on. In large
    print they grow with the rest of the page's furniture, for a patient who reads them too. Each line is
    a paragraph in ``structure``: a screen reader reads "Name", "Date" and what is filled in."""
    patient, words = handout.patient, handout.words
    font, size = theme.fonts.regular, theme.furniture_size(SIZE)
    date = words.date(patient.date, handout.clinic.dates) if patient.date else ""

    def line(fields: tuple[tuple[str, float], ...], values: tuple[str, ...] = ()) -> Flowable:
        return FillInLine(fields, font, size, INK, values, tag=structure.add("P"))

    if on_cover:
        lines: list[Flowable] = [line(((words.prepared_for, 1.0),), (patient.name,))]
    else:
        lines = [line(((words.name_label, 0.64), (words.date_label, 0.36)), (patient.name, date))]
    if patient.clinician:
        lines.append(line(((words.your_therapist, 1.0),), (patient.clinician,)))
    elif handout.clinic.clinicians:
        choice = ChoiceLine(words.your_therapist, handout.clinic.clinicians, font, size, INK)
        choice.tag = structure.add("P")
        lines.append(choice)
    elif on_cover:
        lines.append(line(((words.your_therapist, 1.0),)))
    if on_cover:
        lines.append(line(((words.date_label, 0.6),), (date,)))
    return lines


def note_box(layout: BlockLayout, handout: Handout) -> list[Flowable]:
    """The therapist's note, in a box of its own; nothing when there is none."""
    if not handout.patient.note:
        return []
    return layout.callout(Callout("tip", handout.words.note_title, handout.patient.note, ()))
