"""The clinic: its name, logo, contact details, look and words, read from one ``clinic.yaml``.

A clinic folder holds ``clinic.yaml`` and, optionally, ``content/`` (its own sections) and ``images/``
(its own pictures, which replace bundled ones of the same name). Every relative path in the file is
resolved against that folder and may not leave it. Until a clinic sets up its own, handouts carry the
bundled demo clinic.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from builder.colour import LARGE_CONTRAST, TEXT_CONTRAST, WHITE, contrast, darkened, hex_of, parse_colour, rgb
from builder.errors import ConfigError, UsageProblem
from builder.fontfiles import FontFileError, open_font
from builder.patient import DATE_STYLES
from builder.resources import DEMO_CLINIC
from builder.validate import IMAGE_SUFFIXES, Checker, did_you_mean, display_path, dotted, inside, listed
from builder.words import LANGUAGES, SOURCE_LANGUAGE, Words
from builder.yamlfile import KeyPath, YamlFileError, read_yaml

log = logging.getLogger(__name__)

CLINIC_FILE = "clinic.yaml"
TRANSLATIONS = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)
"""A clinic's words in another language go under that language's code: ``es:``."""
CLINIC_KEYS = (
    "name",
    "tagline",
    "logo",
    "address",
    "phone",
    "email",
    "website",
    "qr_code",
    "hours",
    "after_hours",
    "colors",
    "fonts",
    "paper",
    "header",
    "dates",
    "disclaimer",
    "clinicians",
    "reading",
    *TRANSLATIONS,
)
READING_KEYS = ("grade", "inflesz")
GRADES = range(4, 13)  # US school grades a patient leaflet could aim at
EASES = range(40, 91)  # INFLESZ: 40 "algo difícil" to 90, beyond "muy fácil" at 80
CLINIC_WORDS = ("tagline", "hours", "after_hours", "disclaimer", "qr_label")
"""The clinic's keys that it may give again in another language, under that language's code."""
QR_KEYS = ("url", "label")
COLOR_KEYS = ("primary", "accent")
DEFAULT_COLORS = ("#125B6B", "#C2571A")
FONT_KEYS = ("body", "heading", "size")
FACE_KEYS = ("regular", "bold", "italic", "bold_italic")
PAPERS = ("a4", "letter")
HEADERS = ("band", "rule")

BODY_SIZES = (12.0, 18.0)
DEFAULT_BODY_SIZE = 13.0
MAX_QR_URL = 300  # longer addresses make a QR code too dense to scan from paper
MAX_DISCLAIMER = 250  # it prints on every page; longer, it eats into the room for the advice
MAX_CLINICIANS = 6


@dataclass(frozen=True)
class Colors:
    """The brand colours as given (``#RRGGBB``), and the shades the page uses on white paper."""

    primary: str
    accent: str

    @property
    def heading(self) -> str:
        """The primary colour, darkened if needed so headings in it read on white (4.5:1)."""
        return hex_of(darkened(rgb(self.primary), TEXT_CONTRAST))

    @property
    def marks(self) -> str:
        """The accent colour, darkened if needed so bullets and arrows in it show on white (3:1)."""
        return hex_of(darkened(rgb(self.accent), LARGE_CONTRAST))


@dataclass(frozen=True)
class FontFamily:
    """A clinic's own typeface: four TrueType files (a missing face borrows the nearest one)."""

    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


@dataclass(frozen=True)
class Fonts:
    """``None`` for a family means the bundled default, Atkinson Hyperlegible."""

    body: FontFamily | None
    heading: FontFamily | None
    size: float


@dataclass(frozen=True)
class QrCode:
    url: str
    label: str


@dataclass(frozen=True)
class ReadingTargets:
    """How easy the clinic wants its sections to read; ``handout check`` warns about any harder."""

    grade: int = 8
    """English: the highest US school grade (Flesch-Kincaid); patient information aims at 6, and never
    above 8."""
    ease: int = 55
    """Spanish: the lowest Szigriszt-Pazos score, on the INFLESZ scale (55 to 65 is "normal", 65 to 80
    "bastante fácil")."""


@dataclass(frozen=True)
class ClinicWords:
    """The clinic's own words in one more language; each left out (None) prints in English."""

    tagline: str | None = None
    hours: tuple[str, ...] | None = None
    after_hours: str | None = None
    disclaimer: str | None = None
    qr_label: str | None = None


@dataclass(frozen=True)
class Clinic:
    name: str
    tagline: str
    logo: Path | None
    address: str
    phone: str
    email: str
    website: str
    qr_code: QrCode | None
    hours: tuple[str, ...]
    after_hours: str
    colors: Colors
    fonts: Fonts
    paper: str
    header: str
    dates: str
    """How dates are written: day-month-year, or month-day-year (the default on US Letter paper)."""
    disclaimer: str
    clinicians: tuple[str, ...]
    source: Path
    translations: Mapping[str, ClinicWords] = field(default_factory=dict)
    """Its words in other languages, by language code."""
    reading: ReadingTargets = ReadingTargets()

    def speaking(self, words: Words) -> Clinic:
        """The clinic as a handout in ``words``' language prints it: its own words in that language where
        it gave them, else in English, and the QR code's label by default in that language."""
        own = self.translations.get(words.code, ClinicWords())
        qr_code = self.qr_code
        if qr_code is not None:
            qr_code = replace(qr_code, label=own.qr_label or qr_code.label or words.qr_label)
        return replace(
            self,
            tagline=self.tagline if own.tagline is None else own.tagline,
            hours=self.hours if own.hours is None else own.hours,
            after_hours=self.after_hours if own.after_hours is None else own.after_hours,
            disclaimer=self.disclaimer if own.disclaimer is None else own.disclaimer,
            qr_code=qr_code,
        )

    def untranslated(self, words: Words) -> str | None:
        """A warning naming the clinic's words that a handout in ``words``' language would print in
        English; None when there are none."""
        if words.code == SOURCE_LANGUAGE:
            return None
        own = self.translations.get(words.code, ClinicWords())
        given = {
            "tagline": self.tagline,
            "hours": self.hours,
            "after_hours": self.after_hours,
            "disclaimer": self.disclaimer,
            "qr_label": self.qr_code and self.qr_code.label,
        }
        missing = [key for key in CLINIC_WORDS if given[key] and getattr(own, key) is None]
        if not missing:
            return None
        named = listed(missing)
        return (
            f"{display_path(self.source)}: {named} {'has' if len(missing) == 1 else 'have'} no {words.name}"
            f" words, so {words.name} handouts print {'it' if len(missing) == 1 else 'them'} in English;"
            f" add {'it' if len(missing) == 1 else 'them'} under {words.code}:"
        )

    @property
    def folder(self) -> Path:
        return self.source.parent

    @property
    def content_dir(self) -> Path | None:
        """The clinic's own sections, if it has a ``content/`` folder."""
        folder = self.folder / "content"
        return folder if folder.is_dir() else None

    @property
    def images_dir(self) -> Path | None:
        """The clinic's own pictures, if it has an ``images/`` folder."""
        folder = self.folder / "images"
        return folder if folder.is_dir() else None

    @property
    def plans_dir(self) -> Path | None:
        """The clinic's own plans, if it has a ``plans/`` folder."""
        folder = self.folder / "plans"
        return folder if folder.is_dir() else None

    @property
    def is_demo(self) -> bool:
        return self.source == DEMO_CLINIC / CLINIC_FILE

    @property
    def contacts(self) -> tuple[str, ...]:
        """Address, phone, email and website, in the order a footer lists them; blanks left out."""
        return tuple(part for part in (self.address, self.phone, self.email, self.website) if part)


def find_clinic(given: Path | None) -> Path:
    """The clinic file to use: the one given (a folder or its clinic.yaml), else the nearest clinic.yaml
    in this folder or one above it (so a build from the clinic's images/ folder still finds it), else
    the demo."""
    if given is None:
        here = Path.cwd()
        found = next((f / CLINIC_FILE for f in (here, *here.parents) if (f / CLINIC_FILE).is_file()), None)
        return Path(display_path(found)) if found else DEMO_CLINIC / CLINIC_FILE
    if given.is_dir():
        path = given / CLINIC_FILE
        if not path.is_file():
            raise UsageProblem(
                f"{display_path(given)}: no {CLINIC_FILE} in this folder;"
                f" run 'handout init {display_path(given)}' to make one"
            )
        return path
    if not given.is_file():
        raise UsageProblem(f"{display_path(given)}: no such clinic folder or file")
    return given


def load_clinic(path: Path = DEMO_CLINIC / CLINIC_FILE) -> Clinic:
    """Load and check a clinic file, reporting every problem at once; warn about colours made darker."""
    try:
        located = read_yaml(path)
    except YamlFileError as exc:
        raise ConfigError([exc.message(display_path(path))]) from None
    reader = _ClinicReader(Checker(path, located), path.parent)
    clinic = reader.clinic(located.data)
    if reader.check.problems:
        raise ConfigError(reader.check.problems)
    for warning in reader.warnings:
        log.warning("%s", warning)
    return clinic


def _files_in(folder: Path, suffixes: tuple[str, ...]) -> list[str]:
    """The files in a clinic folder and its subfolders with one of ``suffixes``, as relative names."""
    found = []
    for path in sorted([*folder.glob("*"), *folder.glob("*/*")]):  # the folder and its subfolders only
        relative = path.relative_to(folder)
        if path.suffix.lower() in suffixes and not any(part.startswith(".") for part in relative.parts):
            found.append(relative.as_posix())
    return found


def _loosely(name: str) -> str:
    """What a file name is compared by: capitals and the folder it was put in do not matter."""
    return Path(name).name.lower()


def _is_web_address(url: str) -> bool:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- reading it checks it: "https://a.b:abc" is not an address
    except ValueError:
        return False
    return parts.scheme in ("https", "http") and "." in parts.netloc and " " not in url


class _ClinicReader:
    def __init__(self, check: Checker, folder: Path) -> None:
        self.check, self.folder = check, folder
        self.warnings: list[str] = []

    def warn(self, path: KeyPath, message: str) -> None:
        """Something that prints, but not as the clinic may expect; logged once the file is valid."""
        where = f"{display_path(self.check.source)}:{self.check.located.line(path)}"
        self.warnings.append(f"{where}: {dotted(path)}: {message}")

    def clinic(self, data: Any) -> Clinic:
        check = self.check
        top = self.mapping(data, (), CLINIC_KEYS) or {}
        return Clinic(
            name=check.text(top, (), "name"),
            tagline=check.text(top, (), "tagline", required=False),
            logo=self.file(top, (), "logo", IMAGE_SUFFIXES, "an SVG, PNG or JPEG file"),
            address=check.text(top, (), "address", required=False),
            phone=check.text(top, (), "phone", required=False),
            email=check.text(top, (), "email", required=False),
            website=check.text(top, (), "website", required=False),
            qr_code=self.qr_code(top.get("qr_code")),
            hours=self.lines(top.get("hours"), ("hours",)),
            after_hours=check.text(top, (), "after_hours", required=False),
            colors=self.colors(top.get("colors")),
            fonts=self.fonts(top.get("fonts")),
            paper=(paper := self.choice(top, "paper", PAPERS)),
            header=self.choice(top, "header", HEADERS),
            dates=self.choice(top, "dates", DATE_STYLES if paper == "a4" else DATE_STYLES[::-1]),
            disclaimer=self.disclaimer(top),
            clinicians=self.clinicians(top.get("clinicians")),
            source=check.source,
            reading=self.reading(top.get("reading")),
            translations={
                code: self.translation(top[code], code) for code in TRANSLATIONS if top.get(code) is not None
            },
        )

    def reading(self, value: Any) -> ReadingTargets:
        """The reading targets; one left out keeps the usual (grade 8, INFLESZ 55)."""
        if value is None:
            return ReadingTargets()
        given = self.mapping(value, ("reading",), READING_KEYS) or {}
        grade = self.check.whole(given, ("reading",), "grade", GRADES) if "grade" in given else None
        ease = self.check.whole(given, ("reading",), "inflesz", EASES) if "inflesz" in given else None
        usual = ReadingTargets()
        return ReadingTargets(grade or usual.grade, ease or usual.ease)

    def translation(self, value: Any, code: str) -> ClinicWords:
        """The clinic's words in the language ``code``; any of them may be left out."""
        given = self.mapping(value, (code,), CLINIC_WORDS) or {}
        path: KeyPath = (code,)
        return ClinicWords(
            tagline=self.check.text(given, path, "tagline", required=False) if "tagline" in given else None,
            hours=self.lines(given["hours"], (code, "hours")) if "hours" in given else None,
            after_hours=(
                self.check.text(given, path, "after_hours", required=False)
                if "after_hours" in given
                else None
            ),
            disclaimer=self.disclaimer(given, path) if "disclaimer" in given else None,
            qr_label=self.check.text(given, path, "qr_label", required=False)
            if "qr_label" in given
            else None,
        )

    def mapping(self, value: Any, path: KeyPath, keys: tuple[str, ...]) -> dict[str, Any] | None:
        """The checked mapping, with keys left empty (``paper:``) taken as left out."""
        found = self.check.mapping(value, path, keys)
        return None if found is None else {key: item for key, item in found.items() if item != ""}

    def file(
        self, mapping: dict[str, Any], path: KeyPath, key: str, suffixes: tuple[str, ...], kinds: str
    ) -> Path | None:
        """A file named relative to the clinic folder, which must exist inside it."""
        name = self.check.text(mapping, path, key, required=False)
        if not name:
            return None
        where, shown = (*path, key), display_path(self.folder) + "/"
        found = inside(self.folder, name)
        if found is None:
            self.check.problem(
                where, f"'{name}' must be a file inside the clinic folder; copy it into {shown}"
            )
        elif not found.is_file():
            hint = did_you_mean(name, _files_in(self.folder, suffixes), matched_by=_loosely)
            self.check.problem(where, f"no such file '{name}' in {shown}{hint}")
        elif found.suffix.lower() not in suffixes:
            self.check.problem(where, f"'{name}' is not {kinds}; save it as one")
        else:
            return found
        return None

    def qr_code(self, value: Any) -> QrCode | None:
        """``url`` and ``label``, or just the address on one line (the label is then the default)."""
        if value is None:
            return None
        where: KeyPath = ("qr_code", "url")
        if isinstance(value, str):
            value, where = {"url": value}, ("qr_code",)
        qr = self.mapping(value, ("qr_code",), QR_KEYS)
        if qr is None:
            return None
        url = self.check.text(qr, ("qr_code",), "url")
        if url and not _is_web_address(url):
            hint = f' (did you mean "https://{url}"?)' if "://" not in url and " " not in url else ""
            self.check.problem(
                where, f"'{url}' is not a web address; write it in full, starting with https://{hint}"
            )
        elif len(url) > MAX_QR_URL:
            self.check.problem(
                where, f"is {len(url)} characters long; use a short link of at most {MAX_QR_URL} so it scans"
            )
        return QrCode(url, self.check.text(qr, ("qr_code",), "label", required=False))

    def lines(self, value: Any, path: KeyPath) -> tuple[str, ...]:
        """One line of text or a list of lines; optional."""
        if value is None:
            return ()
        if isinstance(value, list):
            return self.check.texts(value, path)
        text = self.check.value_text(value, path)
        return (text,) if text else ()

    def colors(self, value: Any) -> Colors:
        """The brand colours; one left out keeps the demo clinic's."""
        colors = self.check.mapping(value if value is not None else {}, ("colors",), COLOR_KEYS) or {}
        found = []
        for key, default in zip(COLOR_KEYS, DEFAULT_COLORS, strict=True):
            text = self.check.text(colors, ("colors",), key, required=False)
            if colors.get(key) == "":  # what YAML makes of an unquoted colour: the # starts a comment
                self.check.problem(
                    ("colors", key),
                    'is empty; a colour that starts with # must be in quotes, like "#125B6B"',
                )
            parsed = parse_colour(text) if text else default
            if parsed is None:
                self.check.problem(
                    ("colors", key),
                    f"'{text}' is not a colour; write it like \"#125B6B\" (in quotes)"
                    " or as a CSS colour name such as teal",
                )
            found.append(parsed or default)
        chosen = Colors(*found)
        if chosen.heading != chosen.primary:
            self.warn(
                ("colors", "primary"),
                f"{chosen.primary} is too light for text on white paper"
                f" ({_short_of(contrast(rgb(chosen.primary), WHITE))}:1, needs 4.5:1);"
                f" headings use the darker {chosen.heading} instead",
            )
        if chosen.marks != chosen.accent:
            self.warn(
                ("colors", "accent"),
                f"{chosen.accent} is too light to show on white paper"
                f" ({_short_of(contrast(rgb(chosen.accent), WHITE))}:1, needs 3:1);"
                f" bullets and arrows use the darker {chosen.marks} instead",
            )
        return chosen

    def fonts(self, value: Any) -> Fonts:
        if value is None:
            return Fonts(None, None, DEFAULT_BODY_SIZE)
        fonts = self.mapping(value, ("fonts",), FONT_KEYS) or {}
        return Fonts(
            body=self.family(fonts.get("body"), ("fonts", "body")),
            heading=self.family(fonts.get("heading"), ("fonts", "heading")),
            size=self.size(fonts),
        )

    def family(self, value: Any, path: KeyPath) -> FontFamily | None:
        """``default`` (or nothing) for the bundled font, else a mapping of faces to .ttf files."""
        if value is None or str(value).lower() == "default":
            return None
        if not isinstance(value, dict):
            self.check.problem(
                path, "must be 'default' or the font files: regular, bold, italic, bold_italic"
            )
            return None
        faces = self.mapping(value, path, FACE_KEYS) or {}
        if "regular" not in faces:
            self.check.problem((*path, "regular"), "is missing; name the font's regular .ttf file")
        found: dict[str, Path] = {}
        for face in FACE_KEYS:
            font = self.file(faces, path, face, (".ttf", ".otf"), "a TrueType (.ttf) font file")
            if font is None:
                continue
            try:
                open_font(font)
            except FontFileError as exc:
                self.check.problem((*path, face), f"'{faces[face]}' {exc}")
                continue
            found[face] = font
        if "regular" not in found:
            return None
        regular = found["regular"]
        if path[-1] == "body" and "bold" not in found and "bold" not in faces:
            self.warn(
                path, "has no bold face, so bold words print in the regular weight; add fonts.body.bold"
            )
        bold = found.get("bold", regular)
        italic = found.get("italic", regular)
        return FontFamily(
            regular, bold, italic, found.get("bold_italic", bold if "bold" in found else italic)
        )

    def size(self, fonts: dict[str, Any]) -> float:
        text = self.check.text(fonts, ("fonts",), "size", required=False)
        if not text:
            return DEFAULT_BODY_SIZE
        low, high = BODY_SIZES
        try:
            size = float(text.removesuffix("pt").strip())
        except ValueError:
            size = 0.0
        if not low <= size <= high:
            self.check.problem(
                ("fonts", "size"), f"'{text}' must be a text size from {low:g} to {high:g} (points)"
            )
            return DEFAULT_BODY_SIZE
        return size

    def choice(self, top: dict[str, Any], key: str, choices: tuple[str, ...]) -> str:
        """One of ``choices`` in any case (``A4`` is ``a4``); the first when left out."""
        if top.get(key) is None:
            return choices[0]
        value = self.check.choice(top, (), key, choices, any_case=True)
        return value if value in choices else choices[0]

    def disclaimer(self, top: dict[str, Any], path: KeyPath = ()) -> str:
        text = self.check.text(top, path, "disclaimer", required=False)
        if len(text) > MAX_DISCLAIMER:
            self.check.problem(
                (*path, "disclaimer"),
                f"is {len(text)} characters long; it prints on every page, so keep it to {MAX_DISCLAIMER}",
            )
        return text

    def clinicians(self, value: Any) -> tuple[str, ...]:
        names = self.lines(value, ("clinicians",))
        if len(names) > MAX_CLINICIANS:
            self.check.problem(
                ("clinicians",),
                f"lists {len(names)} names; at most {MAX_CLINICIANS} fit on the patient line",
            )
        return names


def _short_of(ratio: float) -> str:
    """A contrast ratio that falls short, rounded down: 2.996 is "2.99", never a "3.0" that looks enough."""
    return f"{math.floor(ratio * 100) / 100:.2f}"
