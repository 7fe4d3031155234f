"""Sections: the patient-education text a clinic edits, loaded from YAML into checked dataclasses.

Everything a section can say is one of the Block types below. Loading checks every field once, so the
layout code can trust what it is given: text is a non-empty string, an image file exists and has alt text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from builder.prescription import LIMITS, Dose, DoseError, dose_value
from builder.resources import is_bundled
from builder.validate import IMAGE_SUFFIXES, Checker, display_path, inside, is_relative_name
from builder.words import LANGUAGES, SOURCE_LANGUAGE, Words
from builder.yamlfile import KeyPath, YamlFileError, read_yaml

KINDS = ("tips", "exercise", "schedule", "info", "safety")
CALLOUT_STYLES = ("tip", "caution", "stop")
PURPOSES = ("emergency", "doctor")
"""What a warning box is for: call emergency services now, or see a doctor soon. A safety section's box
with a purpose stands in for every other box with the same purpose in the handout (builder/safety.py)."""
VERDICTS = ("do", "avoid")
YES_NO = ("yes", "no")
SECTION_KEYS = (
    "id",
    "title",
    "kind",
    "summary",
    "key_message",
    "version",
    "reviewed",
    "reviewed_by",
    "next_review",
    "dose",
    "blocks",
)
REVIEW_YEARS = 3  # a section's next review, unless it says: patient-information teams review every 3 years
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_TABLE_COLUMNS = 10
SCHEDULE_DAYS = (7, 14)  # a week, or two
REVIEWED_PATTERN = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$")


@dataclass(frozen=True)
class Image:
    """An illustration file that exists, with the words a reader without the picture needs."""

    path: Path
    alt: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    text: str
    image: Image | None


@dataclass(frozen=True)
class Steps:
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Figure:
    image: Image
    caption: str
    verdict: Literal["do", "avoid"] | None


@dataclass(frozen=True)
class Figures:
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Callout:
    style: Literal["tip", "caution", "stop"]
    title: str
    text: str
    bullets: tuple[str, ...]
    after_hours: bool = False
    """End with the clinic's after-hours line (the red flags' "call your doctor" box carries it)."""
    purpose: Literal["emergency", "doctor"] | None = None
    """What the box is for, declared in the file (one of PURPOSES): a handout with a safety section that
    has a box for the same purpose prints only that one."""


@dataclass(frozen=True)
class Table:
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    tick_columns: tuple[str, ...]


@dataclass(frozen=True)
class Schedule:
    """A day-by-day ice-then-heat table with boxes to tick; the rows are made when a handout is built,
    dated from the day the pain started when the therapist gives it (``--start``)."""

    caption: str
    days: int
    ice_days: int
    how_long: str
    slots: tuple[str, ...]


Block = Paragraph | Heading | Bullets | Steps | Figures | Callout | Table | Schedule


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    kind: str
    summary: str
    key_message: str
    reviewed: str
    blocks: tuple[Block, ...]
    source: Path
    dose: Dose | None = None
    """How much to do, for an exercise: printed as "Your dose"; a plan or --set may change it."""
    version: str = "1"
    reviewed_by: str = ""
    """Who last checked the section against current practice."""
    next_review: str = ""
    """When it is due to be checked again (year-month): 3 years after ``reviewed`` unless it says."""
    lang: str = SOURCE_LANGUAGE
    """The language it is written in: English, unless it is a translation in a language's folder."""

    @property
    def images(self) -> tuple[Image, ...]:
        """Every picture the section shows, in reading order."""
        found: list[Image] = []
        for block in self.blocks:
            if isinstance(block, Steps):
                found += [step.image for step in block.steps if step.image]
            elif isinstance(block, Figures):
                found += [figure.image for figure in block.figures]
        return tuple(found)


def load_section(
    path: Path, image_dirs: tuple[Path, ...], lang: str = SOURCE_LANGUAGE
) -> tuple[Section | None, list[str]]:
    """Load one section file written in ``lang``; returns the section (None if invalid) and every
    problem found in it."""
    try:
        located = read_yaml(path)
    except YamlFileError as exc:
        return None, [exc.message(display_path(path))]
    reader = _SectionReader(Checker(path, located), image_dirs, LANGUAGES[lang])
    section = reader.section(located.data)
    return (None if reader.check.problems else section), reader.check.problems


class _SectionReader:
    """Walks one section's data; each method reads one part of the schema in docs/content-format.md."""

    def __init__(self, check: Checker, image_dirs: tuple[Path, ...], words: Words) -> None:
        self.check = check
        self.image_dirs = image_dirs
        self.words = words

    def section(self, data: Any) -> Section | None:
        check = self.check
        top = check.mapping(data, (), SECTION_KEYS)
        if top is None:
            return None
        section_id = check.text(top, (), "id")
        expected = check.source.stem
        if section_id and not ID_PATTERN.match(section_id):
            check.problem(("id",), f"'{section_id}' must use only a-z, 0-9 and dashes")
        elif section_id and section_id != expected:
            check.problem(("id",), f"'{section_id}' must match the file name '{expected}'")
        reviewed = self.month(top, "reviewed")
        next_review = self.month(top, "next_review")
        if reviewed and not next_review:
            year, month = reviewed.split("-")
            next_review = f"{int(year) + REVIEW_YEARS}-{month}"
        elif next_review and reviewed and next_review <= reviewed:
            check.problem(("next_review",), f"'{next_review}' must come after reviewed: {reviewed}")
        title = check.text(top, (), "title")  # read in file order, so problems are listed in that order
        kind = check.choice(top, (), "kind", KINDS)
        return Section(
            id=section_id,
            title=title,
            kind=kind,
            summary=check.text(top, (), "summary"),
            key_message=check.text(top, (), "key_message", required=False),
            reviewed=reviewed,
            blocks=self.blocks(top.get("blocks")),
            source=check.source,
            dose=self.dose(top, kind) if "dose" in top else None,
            version=check.text(top, (), "version", required=False) or "1",
            reviewed_by=check.text(top, (), "reviewed_by", required=False),
            next_review=next_review,
            lang=self.words.code,
        )

    def month(self, top: dict[str, Any], key: str) -> str:
        """``top[key]`` as year-month (a day, if given, is dropped); "" when left out or wrong."""
        text = self.check.text(top, (), key, required=False)
        if text and not REVIEWED_PATTERN.match(text):
            self.check.problem((key,), f"'{text}' must be a year and month like 2026-11")
            return ""
        return text[:7]

    def dose(self, top: dict[str, Any], kind: str) -> Dose | None:
        if kind != "exercise":
            self.check.problem(
                ("dose",), "only an exercise section has a dose; take it out, or set kind: exercise"
            )
            return None
        given = self.check.mapping(top["dose"], ("dose",), LIMITS)
        if not given:
            return None
        values = {}
        for field, value in given.items():
            if field in LIMITS:
                try:
                    values[field] = dose_value(field, self.check.value_text(value, ("dose", field)))
                except DoseError as exc:
                    self.check.problem(("dose", field), str(exc).removeprefix(f"{field} "))
        return Dose(**values)

    def blocks(self, value: Any) -> tuple[Block, ...]:
        if not isinstance(value, list) or not value:
            self.check.problem(("blocks",), "must be a list with at least one block")
            return ()
        blocks = (self.block(item, ("blocks", index)) for index, item in enumerate(value))
        return tuple(block for block in blocks if block is not None)

    def block(self, value: Any, path: KeyPath) -> Block | None:
        readers: dict[str, Callable[[Any, KeyPath], Block | None]] = {
            "paragraph": self.paragraph,
            "heading": self.heading,
            "bullets": self.bullets,
            "steps": self.steps,
            "figures": self.figures,
            "callout": self.callout,
            "table": self.table,
            "schedule": self.schedule,
        }
        item = self.check.mapping(value, path, readers)
        if item is None:
            return None
        if len(item) != 1:
            self.check.problem(path, "a block must have exactly one key, its type")
            return None
        ((kind, body),) = item.items()
        return readers[kind](body, (*path, kind)) if kind in readers else None

    def paragraph(self, body: Any, path: KeyPath) -> Paragraph:
        return Paragraph(self.check.value_text(body, path))

    def heading(self, body: Any, path: KeyPath) -> Heading:
        return Heading(self.check.value_text(body, path))

    def bullets(self, body: Any, path: KeyPath) -> Bullets:
        return Bullets(self.check.texts(body, path))

    def steps(self, body: Any, path: KeyPath) -> Steps:
        steps = []
        for index, item in enumerate(self._list(body, path)):
            step = self.check.mapping(item, (*path, index), ("text", "image", "alt"))
            if step is not None:
                text = self.check.text(step, (*path, index), "text")
                steps.append(Step(text, self.image(step, (*path, index), required=False)))
        return Steps(tuple(steps))

    def figures(self, body: Any, path: KeyPath) -> Figures:
        figures = []
        for index, item in enumerate(self._list(body, path)):
            where = (*path, index)
            figure = self.check.mapping(item, where, ("image", "alt", "caption", "verdict"))
            if figure is None:
                continue
            image = self.image(figure, where, required=True)
            caption = self.check.text(figure, where, "caption")
            verdict = None
            if figure.get("verdict") is not None:
                verdict = self.check.choice(figure, where, "verdict", VERDICTS) or None
            if image is not None:
                figures.append(Figure(image, caption, verdict))  # type: ignore[arg-type]
        return Figures(tuple(figures))

    def callout(self, body: Any, path: KeyPath) -> Callout | None:
        callout = self.check.mapping(
            body, path, ("style", "purpose", "title", "text", "bullets", "after_hours")
        )
        if callout is None:
            return None
        style = self.check.choice(callout, path, "style", CALLOUT_STYLES)
        purpose = self.check.choice(callout, path, "purpose", PURPOSES) if "purpose" in callout else None
        text = self.check.text(callout, path, "text", required=False)
        bullets = self.check.texts(callout["bullets"], (*path, "bullets")) if "bullets" in callout else ()
        if not text and "bullets" not in callout:
            self.check.problem(path, "a callout needs text, bullets or both")
        title = self.check.text(callout, path, "title", required=False)
        after_hours = (
            "after_hours" in callout and self.check.choice(callout, path, "after_hours", YES_NO) == "yes"
        )
        return Callout(
            style,  # type: ignore[arg-type]
            title or self.words.callout_titles.get(style, ""),
            text,
            bullets,
            after_hours,
            purpose or None,  # type: ignore[arg-type]
        )

    def table(self, body: Any, path: KeyPath) -> Table | None:
        table = self.check.mapping(body, path, ("caption", "columns", "rows", "tick_columns"))
        if table is None:
            return None
        columns = self.check.texts(table.get("columns"), (*path, "columns"))
        ticks = table.get("tick_columns")
        tick_columns = self.check.texts(ticks, (*path, "tick_columns")) if ticks is not None else ()
        if len(columns) + len(tick_columns) > MAX_TABLE_COLUMNS:
            self.check.problem(
                (*path, "tick_columns" if tick_columns else "columns"),
                f"at most {MAX_TABLE_COLUMNS} columns fit across a page, tick columns included;"
                " split the table in two",
            )
        rows = []
        for index, row in enumerate(self._list(table.get("rows"), (*path, "rows"))):
            cells = self.check.texts(row, (*path, "rows", index))
            if columns and cells and len(cells) != len(columns):
                self.check.problem(
                    (*path, "rows", index),
                    f"has {len(cells)} cells but the table has {len(columns)} columns",
                )
            rows.append(cells)
        caption = self.check.text(table, path, "caption", required=False)
        return Table(caption, columns, tuple(rows), tick_columns)

    def schedule(self, body: Any, path: KeyPath) -> Schedule | None:
        schedule = self.check.mapping(body, path, ("caption", "days", "ice_days", "how_long", "slots"))
        if schedule is None:
            return None
        days = self.check.whole(schedule, path, "days", SCHEDULE_DAYS) or 0
        ice_days = self.check.whole(schedule, path, "ice_days", range(1, 8)) or 0
        if days and ice_days and ice_days >= days:
            self.check.problem((*path, "ice_days"), f"must be fewer than the {days} days of the schedule")
        slots = schedule.get("slots")
        return Schedule(
            caption=self.check.text(schedule, path, "caption", required=False),
            days=days,
            ice_days=ice_days,
            how_long=self.check.text(schedule, path, "how_long"),
            slots=self.check.texts(slots, (*path, "slots")) if slots is not None else self.words.slots,
        )

    def image(self, item: dict[str, Any], path: KeyPath, required: bool) -> Image | None:
        name = self.check.text(item, path, "image", required=required)
        alt = self.check.text(item, path, "alt", required=bool(name))
        if not name:
            if alt:
                self.check.problem((*path, "alt"), "alt text without an image")
            return None
        if not is_relative_name(name):
            self.check.problem((*path, "image"), f"'{name}' must be a file name inside the images folder")
            return None
        for folder in self.image_dirs:
            found = _find_image(folder, name)
            if found is None:
                continue
            if inside(folder, str(found.relative_to(folder))) is None:
                # Named by the link itself: that is the file to fix, whichever section uses it.
                self.check.problems.append(
                    f"{display_path(found)}: links to a file outside {_shown(folder)};"
                    " copy the picture itself into the folder"
                )
                return None
            return Image(found, alt)
        looked = ", ".join(_shown(folder) for folder in self.image_dirs)
        self.check.problem((*path, "image"), f"no such image '{name}' (looked in {looked})")
        return None

    def _list(self, body: Any, path: KeyPath) -> list[Any]:
        if not isinstance(body, list) or not body:
            self.check.problem(path, "must be a list with at least one item")
            return []
        return body


def _find_image(folder: Path, name: str) -> Path | None:
    """``name`` in ``folder``, or else a picture with the same stem and another picture suffix.

    That is how a clinic swaps an illustration for its own photo: ``dislocates-start.JPG`` in its
    images folder replaces the bundled ``dislocates-start.svg``. What is found may be a link that
    leads out of the folder; the caller refuses it.
    """
    wanted = folder / name
    if wanted.is_file() or wanted.is_symlink():
        return wanted
    if not wanted.parent.is_dir():
        return None
    stem = PurePosixPath(name).stem
    others = [
        entry
        for entry in wanted.parent.iterdir()
        if entry.stem == stem
        and entry.suffix.lower() in IMAGE_SUFFIXES
        and (entry.is_file() or entry.is_symlink())
    ]
    return min(
        others, key=lambda entry: (IMAGE_SUFFIXES.index(entry.suffix.lower()), entry.name), default=None
    )


def _shown(folder: Path) -> str:
    return "the bundled images" if is_bundled(folder) else display_path(folder) + "/"
