"""Many personalised handouts from one spreadsheet: a row per patient, a PDF per row.

The file is read and every row checked first; a row that cannot be built (an unknown plan, a bad date)
is reported with its row number and the others still build. Rows are built on every core, each process
opening the clinic once; every file is written atomically, so a failed row leaves nothing behind.
"""

from __future__ import annotations

import csv
import datetime
import io
import logging
import os
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from builder import api
from builder.errors import ConfigError, HandoutError
from builder.patient import Patient, note_text
from builder.schedule import ScheduleChoice
from builder.validate import did_you_mean, display_path
from builder.words import LANGUAGES, SOURCE_LANGUAGE

logger = logging.getLogger(__name__)

COLUMNS = ("patient", "clinician", "date", "start", "plan", "lang", "fallback", "note", "notes")
SETTING_COLUMN = re.compile(r"^set\.([a-z0-9-]+)\.([a-z_]+)$")
DEFAULT_NAME = "{row}-{plan}"
NAME_FIELDS = ("row", "plan", "patient", "clinician", "date", "start", "lang")
UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{n}" for n in range(1, 10)),
    *(f"lpt{n}" for n in range(1, 10)),
}
LONGEST_NAME = 80
SMALL_BATCH = 4  # fewer rows than this are quicker built here than by starting worker processes


@dataclass(frozen=True)
class Row:
    """One row of the spreadsheet, read and checked: what to build for one patient."""

    number: int
    """The row's number in the spreadsheet (the header is row 1), to name it in messages."""
    plan: str
    patient: Patient
    start: datetime.date | None
    changes: dict[str, dict[str, str]] = field(default_factory=dict)
    lang: str = SOURCE_LANGUAGE
    """The language the patient reads: their handout is printed in it."""
    fallback: str | None = None
    """The language a section not written in ``lang`` prints in (None: such a section is an error)."""
    name: str = ""
    """The file name to write, without .pdf: made from the name template, safe and unique."""


@dataclass(frozen=True)
class RowResult:
    number: int
    paths: tuple[Path, ...] = ()
    error: str = ""
    warnings: tuple[str, ...] = ()
    """What building the row warned about: said once for the whole batch, not once per row or worker."""


def read_rows(path: Path, default_plan: str | None, template: str) -> tuple[list[Row], list[RowResult]]:
    """The rows to build, and the rows refused already (a bad date, no plan), each with its message.

    A file that cannot be read, or has a column handout does not know, is refused whole (ConfigError).
    """
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")  # -sig: Excel's "CSV UTF-8" starts with a BOM
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8 text; save it as 'CSV UTF-8'"
        raise ConfigError([f"{shown}: cannot read the spreadsheet ({reason})"]) from None
    # Spreadsheets save "CSV" with commas, or with semicolons where the comma is the decimal mark.
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not records:
        raise ConfigError([f"{shown}: the file is empty; the first row names the columns, e.g. patient,plan"])
    header = [cell.strip().lower() for cell in records[0]]
    problems = []
    for column in header:
        if column not in COLUMNS and not SETTING_COLUMN.match(column):
            hint = did_you_mean(column, COLUMNS) or f" (columns: {', '.join(COLUMNS)}, set.SECTION.FIELD)"
            problems.append(f"{shown}: row 1: column '{column}' is not one handout reads{hint}")
    twice = sorted(column for column in set(header) if header.count(column) > 1)
    problems += [f"{shown}: row 1: column '{column}' is there twice; keep one" for column in twice]
    if len(records) < 2:
        problems.append(f"{shown}: no patients below the row of column names")
    if problems:
        raise ConfigError(problems)
    _check_template(template)
    rows, refused = [], []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # a blank line between patients
        values = dict(zip(header, (cell.strip() for cell in record), strict=False))
        try:
            rows.append(_row(number, values, default_plan))
        except ValueError as exc:
            refused.append(RowResult(number, error=f"{shown} row {number}: {exc}"))
    return _named(rows, template), refused


def build_rows(
    rows: Sequence[Row],
    folder: Path,
    clinic: Path | None,
    content_dir: Path | None,
    source: Path,
    done: Callable[[RowResult], None] = lambda result: None,
) -> list[RowResult]:
    """Build every row into ``folder``, on every core; ``done`` hears of each row as it finishes.

    The clinic is opened here first, so a mistake in it is one error, not a failure in every worker.
    """
    global _setup
    _setup = api.open_clinic(clinic, content_dir)
    jobs = min(os.cpu_count() or 1, len(rows))
    work = [(row, folder, display_path(source)) for row in rows]
    results = []
    if len(rows) < SMALL_BATCH or jobs < 2:
        outcomes: Iterator[RowResult] = map(_build_row, work)
        for result in outcomes:
            done(result)
            results.append(result)
    else:
        with ProcessPoolExecutor(jobs, initializer=_open_clinic, initargs=(clinic, content_dir)) as pool:
            for result in pool.map(_build_row, work, chunksize=max(1, len(work) // (jobs * 8))):
                done(result)
                results.append(result)
    for warning in dict.fromkeys(warning for result in results for warning in result.warnings):
        logger.warning("%s", warning)
    return results


_setup: api.ClinicSetup | None = None


def _open_clinic(clinic: Path | None, content_dir: Path | None) -> None:
    """Each worker opens the clinic once: its library, plans, logo and fonts serve every row it builds.
    What opening it warns about, the batch has said already."""
    global _setup
    with _warnings_kept():
        _setup = api.open_clinic(clinic, content_dir)


def _build_row(work: tuple[Row, Path, str]) -> RowResult:
    row, folder, source = work
    with _warnings_kept() as warnings:
        return replace(_built(row, folder, source), warnings=tuple(warnings))


def _built(row: Row, folder: Path, source: str) -> RowResult:
    try:
        result = api.build_plan(
            row.plan,
            folder / f"{row.name}.pdf",
            personal=api.Personal(
                row.patient,
                row.changes,
                ScheduleChoice(start=row.start),
                lang=row.lang,
                fallback=row.fallback,
            ),
            _setup=_setup,
        )
    except HandoutError as exc:
        return RowResult(row.number, error=f"{source} row {row.number}: {exc.format_message()}")
    paths = (result.path, result.print_path) if isinstance(result, api.BookletResult) else (result.path,)
    return RowResult(row.number, paths)


@contextmanager
def _warnings_kept() -> Iterator[list[str]]:
    """The warnings a build logs, kept to return with its row instead of printed by the worker."""
    kept: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: kept.append(record.getMessage())  # type: ignore[method-assign]
    builder = logging.getLogger("builder")
    builder.addHandler(handler)
    builder.propagate = False
    try:
        yield kept
    finally:
        builder.removeHandler(handler)
        builder.propagate = True


def _row(number: int, values: dict[str, str], default_plan: str | None) -> Row:
    plan = values.get("plan") or default_plan
    if not plan:
        raise ValueError("no plan; fill in its plan column, or give --plan for every row")
    changes: dict[str, dict[str, str]] = {}
    for column, value in values.items():
        match = SETTING_COLUMN.match(column)
        if match and value:
            changes.setdefault(match[1], {})[match[2]] = value
    date = _date(values, "date")
    note = note_text(values.get("note") or values.get("notes", ""))
    patient = Patient(values.get("patient", ""), values.get("clinician", ""), date, note)
    if date is None and (patient.name or patient.clinician or patient.note):
        patient = Patient(patient.name, patient.clinician, datetime.date.today(), patient.note)
    lang = _language(values, "lang") or SOURCE_LANGUAGE
    fallback = _language(values, "fallback")
    return Row(
        number, plan, patient, _date(values, "start"), changes, lang, fallback if fallback != lang else None
    )


def _language(values: dict[str, str], column: str) -> str | None:
    text = values.get(column, "")
    if text and text.lower() not in LANGUAGES:
        raise ValueError(f"{column}: '{text}' is not a language to print in; use {' or '.join(LANGUAGES)}")
    return text.lower() or None


def _date(values: dict[str, str], column: str) -> datetime.date | None:
    text = values.get(column, "")
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"{column}: '{text}' is not a date; write it like 2026-12-01 (year-month-day)"
        ) from None


def _check_template(template: str) -> None:
    for name in re.findall(r"{([^{}]*)}", template):
        if name not in NAME_FIELDS:
            hint = did_you_mean(name, NAME_FIELDS) or f" (fields: {', '.join(NAME_FIELDS)})"
            raise ConfigError([f"--name: '{{{name}}}' is not a field{hint}"])


def _named(rows: list[Row], template: str) -> list[Row]:
    """Each row with a file name from ``template``: safe on every file system, and no two the same, even
    where capitals do not count (a repeated name gets -2, -3 ...)."""
    width = len(str(max((row.number for row in rows), default=1)))
    taken: set[str] = set()
    named = []
    for row in rows:
        fields = {
            "row": str(row.number).zfill(width),
            "plan": row.plan,
            "patient": row.patient.name,
            "clinician": row.patient.clinician,
            "date": row.patient.date.isoformat() if row.patient.date else "",
            "start": row.start.isoformat() if row.start else "",
            "lang": row.lang,
        }
        base = safe_name(_filled(template, fields))
        name, copy = base, 1
        while name.lower() in taken:
            copy += 1
            name = f"{base}-{copy}"
        taken.add(name.lower())
        named.append(replace(row, name=name))
    return named


def _filled(template: str, fields: dict[str, str]) -> str:
    return re.sub(r"{([^{}]*)}", lambda match: fields[match[1]], template)


def safe_name(text: str) -> str:
    """``text`` as a file name every system accepts: no separators or reserved characters, no leading
    dot, not a reserved Windows device name, not too long; letters with accents kept."""
    name = unicodedata.normalize("NFC", UNSAFE.sub("-", text))
    name = re.sub(r"[\s-]+", "-", name).strip(" .-")[:LONGEST_NAME].rstrip(" .-")
    if name.split(".")[0].lower() in WINDOWS_RESERVED:
        name += "-"
    return name or "handout"
