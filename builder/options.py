"""The command-line options that several commands share, and the types that read their values."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import click
from reportlab.lib.units import inch, mm

from builder.api import Personal
from builder.errors import UsageProblem
from builder.patient import Patient, note_text
from builder.schedule import ScheduleChoice
from builder.words import LANGUAGES, SOURCE_LANGUAGE

Decorator = Callable[[Callable[..., None]], Callable[..., None]]
SETTING = re.compile(r"^\s*([A-Za-z0-9-]+)\.([A-Za-z_]+)\s*=\s*(.+?)\s*$")


def clinic_option(command: Callable[..., None]) -> Callable[..., None]:
    return click.option(
        "--clinic",
        type=click.Path(path_type=Path),
        envvar="HANDOUT_CLINIC",
        show_envvar=True,
        metavar="FOLDER",
        help="Your clinic folder (or its clinic.yaml). Default: the clinic.yaml in this folder or one above"
        " it, else the demo clinic.",
    )(command)


def content_option(help_text: str) -> Decorator:
    return click.option(
        "--content",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        metavar="FOLDER",
        help=help_text,
    )


def sections_option(command: Callable[..., None]) -> Callable[..., None]:
    """--sections, or --plan for a saved plan's sections (exactly one of them)."""
    command = click.option(
        "--plan",
        metavar="NAME",
        help="A saved plan: its sections, title, doses and note (see 'handout plans'); instead of -s.",
    )(command)
    return click.option(
        "--sections",
        "-s",
        metavar="IDS",
        help="Comma-separated section ids, in the order they should print (see 'handout list').",
    )(command)


def output_option(default: Path, help_text: str) -> Decorator:
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        default=default,
        show_default=True,
        help=help_text,
    )


def language_option(help_text: str) -> Decorator:
    return click.option(
        "--lang",
        type=click.Choice(tuple(LANGUAGES), case_sensitive=False),
        default=SOURCE_LANGUAGE,
        show_default=True,
        help=help_text,
    )


def personal_options(command: Callable[..., None]) -> Callable[..., None]:
    """--patient, --clinician, --date, --note, --start, --log, --large-print, --lang, --fallback and
    --set: what makes a handout this patient's. The command receives them as one ``personal`` argument
    (see ``personal_of``)."""

    @functools.wraps(command)
    def with_personal(*args: Any, **kwargs: Any) -> None:
        given = {name: kwargs.pop(name) for name in PERSONAL}
        command(*args, personal=personal_of(**given), **kwargs)

    options: list[Decorator] = [
        click.option("--patient", metavar="NAME", help="The patient's name, printed on the name line."),
        click.option(
            "--clinician", metavar="NAME", help="The therapist's name, printed as 'Your therapist'."
        ),
        click.option(
            "--date",
            type=IsoDate(),
            metavar="YYYY-MM-DD",
            help="The date printed on the date line (default: today, when a patient, clinician or note is"
            " given; else a line to write on).",
        ),
        click.option("--note", metavar="TEXT", help="A note for the patient, printed in a box on page one."),
        click.option(
            "--start",
            type=IsoDate(),
            metavar="YYYY-MM-DD",
            help="The day the pain started or flared up: the ice-and-heat schedule is dated from it.",
        ),
        click.option(
            "--log", is_flag=True, help="Add the exercise log: a page to tick each exercise, day by day."
        ),
        click.option(
            "--large-print",
            is_flag=True,
            help="For a patient who sees poorly: 16 pt text, larger pictures, an exercise on its own pages.",
        ),
        language_option("The language to print in: en (English) or es (Spanish)."),
        click.option(
            "--fallback",
            type=click.Choice(tuple(LANGUAGES), case_sensitive=False),
            help="Print a section not written in --lang in this language instead, with a note saying so"
            " (e.g. --fallback en). Default: such a section is an error.",
        ),
        click.option(
            "--set",
            "settings",
            multiple=True,
            metavar="SECTION.FIELD=VALUE",
            help="Change an exercise's dose, e.g. --set dislocates.reps=8 (fields: sets, reps, hold,"
            " times_per_day, days_per_week, weeks). Repeat for more.",
        ),
    ]
    decorated: Callable[..., None] = with_personal
    for option in reversed(options):
        decorated = option(decorated)
    return decorated


PERSONAL = (
    "patient",
    "clinician",
    "date",
    "note",
    "start",
    "log",
    "large_print",
    "lang",
    "fallback",
    "settings",
)


def personal_of(
    patient: str | None,
    clinician: str | None,
    date: datetime.date | None,
    note: str | None,
    start: datetime.date | None,
    log: bool,
    large_print: bool,
    lang: str,
    fallback: str | None,
    settings: tuple[str, ...],
) -> Personal:
    """What ``personal_options`` gave, for the API. The patient's date is today's when anything else of
    theirs was given but no date."""
    name, who = (" ".join((text or "").split()) for text in (patient, clinician))
    words = note_text(note or "")
    day = date or (datetime.date.today() if name or who or words else None)
    patient_details = Patient(name, who, day, words)
    if fallback is not None and fallback == lang:
        raise UsageProblem(
            f"--fallback {fallback}: the handout is in {LANGUAGES[lang].name} already; use --fallback with"
            f" --lang, for sections not written in that language"
        )
    return Personal(
        patient_details,
        dose_changes(settings),
        ScheduleChoice(start=start),
        log,
        large_print,
        lang,
        fallback,
    )


def dose_changes(settings: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """``--set`` values as {section: {field: value}}; one not written like dislocates.reps=8 is a usage
    error."""
    changes: dict[str, dict[str, str]] = {}
    for setting in settings:
        match = SETTING.match(setting)
        if match is None:
            raise click.BadParameter(
                f"'{setting}' is not a setting; write it like dislocates.reps=8", param_hint="'--set'"
            )
        section, field, value = match.groups()
        changes.setdefault(section.lower(), {})[field.lower()] = value
    return changes


class Length(click.ParamType):
    """A length on paper: ``3mm``, ``0.125in``, ``9pt``. A bare number is in millimetres only where the
    option says so (``--creep MM``): a print shop's "0.125" bleed means inches, and a guess would be wrong."""

    name = "length"
    UNITS: ClassVar[dict[str, float]] = {"mm": mm, "cm": 10 * mm, "in": inch, "pt": 1.0}

    def __init__(self, bare_millimetres: bool) -> None:
        self.bare_millimetres = bare_millimetres

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> float:
        if isinstance(value, float):
            return value
        text = str(value).strip().lower()
        number, unit = text.rstrip("abcdefghijklmnopqrstuvwxyz").strip(), text.lstrip("-+0123456789.").strip()
        if not unit and not self.bare_millimetres and number.strip("0.") != "":  # 0 needs no unit
            self.fail(f"'{value}' needs a unit: write it like {number}mm or {number}in", param, ctx)
        try:
            return float(number) * self.UNITS[unit or "mm"]
        except (ValueError, KeyError):
            self.fail(f"'{value}' is not a length; write it like 3mm, 0.125in or 9pt", param, ctx)


class IsoDate(click.ParamType):
    """A date written as year-month-day, 2026-12-01: the one way no one reads differently."""

    name = "date"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime.date:
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"'{value}' is not a date; write it like 2026-12-01 (year-month-day)", param, ctx)
