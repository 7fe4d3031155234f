"""The Python entry points; the CLI is a thin shell over these, and a clinic's own system can call them.

The pipeline runs one way: load and check everything (clinic, sections, pictures) -> resolve the
selection -> lay out and render -> write atomically. Nothing is written unless every step before succeeded.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Literal, NamedTuple

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm

from builder.config import CLINIC_FILE, Clinic, find_clinic, load_clinic
from builder.content import Callout, Section
from builder.errors import UsageProblem
from builder.handout import PAPER_SIZES, Handout, default_title
from builder.images import Picture, load_picture, load_pictures
from builder.layout.fonts import font_set, missing_characters
from builder.layout.pages import LOGO_BOXES, logo_size
from builder.layout.render import PAGE_SIZES, render_pdf
from builder.library import Library, load_library
from builder.output import create_clinic_folder, write_pdf, write_pdfs
from builder.patient import Patient
from builder.plans import Plans, find_plan, load_plans
from builder.prescription import Dose, DoseError, dose_value
from builder.resources import DEMO_CLINIC, is_bundled
from builder.safety import without_repeated_boxes
from builder.schedule import ScheduleChoice, resolved
from builder.validate import display_path
from builder.words import LANGUAGES, SOURCE_LANGUAGE, Words

logger = logging.getLogger(__name__)

DoseChanges = Mapping[str, Mapping[str, str]]
"""Dose fields to change, by section id, as the therapist typed them: {"dislocates": {"reps": "8"}}."""
NO_CHANGES: DoseChanges = {}
NO_PATIENT = Patient()
NO_SCHEDULE = ScheduleChoice()
DEFAULT_OUTPUT = Path("output") / "handout.pdf"
DEFAULT_BOOKLET = Path("output") / "booklet.pdf"
RED_FLAGS = "red-flags"
MAX_CREEP = 5 * mm  # a booklet's inner margin is 15 mm; more creep would push text toward the fold
MAX_BLEED = 10 * mm  # print shops ask for 3 mm, some 5 mm
SHARP_LOGO_DPI = 150


@dataclass(frozen=True)
class BuildResult:
    path: Path
    pages: int
    paper: str
    sections: tuple[Section, ...]
    clinic: Clinic
    replaced: tuple[Section, ...]
    """The clinic's own sections that stood in for bundled ones with the same id."""
    own_pictures: tuple[Path, ...]
    """The clinic's own pictures that stood in for bundled illustrations."""


@dataclass(frozen=True)
class BookletResult(BuildResult):
    print_path: Path
    """The file to print: imposed for an office printer, or single pages with bleed for a print shop."""
    printing: Printing


@dataclass(frozen=True)
class Printing:
    """How a booklet will be printed."""

    flip: Literal["short", "long"] = "short"
    """The printer's duplex mode: "long" turns every back side 180 degrees."""
    creep: float = 0.0
    """Points by which the innermost sheet's pages move toward the fold (0: none)."""
    bleed: float | None = None
    """Points of bleed for a print shop's single pages (None: imposed sheets for an office printer)."""
    grayscale: bool = False
    """Every colour as grey, for a black-and-white printer."""

    def __post_init__(self) -> None:
        if self.flip not in ("short", "long"):
            raise ValueError(f"flip must be 'short' or 'long', not {self.flip!r}")
        if not 0 <= self.creep <= MAX_CREEP:
            raise ValueError(f"creep must be from 0 to {MAX_CREEP:g} points, not {self.creep:g}")
        if self.bleed is not None and not 0 <= self.bleed <= MAX_BLEED:
            raise ValueError(f"bleed must be from 0 to {MAX_BLEED:g} points, not {self.bleed:g}")


class Personal(NamedTuple):
    """What makes a build one patient's. Every part is optional."""

    patient: Patient = NO_PATIENT
    """Their name, therapist, date and a note, printed on page one."""
    changes: DoseChanges = NO_CHANGES
    """Dose fields to set: {"dislocates": {"reps": "8"}}, checked like --set."""
    schedule: ScheduleChoice = NO_SCHEDULE
    """The ice-and-heat schedule's start date and length."""
    log: bool = False
    """Add the exercise log."""
    large_print: bool = False
    """Body text at 16 pt, pictures larger, each exercise on pages of its own."""
    lang: str = SOURCE_LANGUAGE
    """The language to print in: "en" or "es"."""
    fallback: str | None = None
    """The language a section not written in ``lang`` prints in, with a note; None: such a section is
    an error."""


FOR_ANYONE = Personal()


@dataclass(frozen=True)
class ClinicSetup:
    """A clinic as a build would use it: its settings, its whole library, and its opened logo."""

    clinic: Clinic
    library: Library
    logo: Picture | None
    warned: set[str] = field(default_factory=set, compare=False)
    """What its builds have warned about: a batch of 500 Spanish handouts says a thing once."""

    def warn(self, message: str) -> None:
        if message not in self.warned:
            self.warned.add(message)
            logger.warning("%s", message)

    @cached_property
    def plans(self) -> Plans:
        """Every plan, bundled and the clinic's, checked against the library (read when first needed)."""
        return load_plans(self.clinic.plans_dir, self.library.sections)


def open_clinic(clinic: Path | None = None, content_dir: Path | None = None) -> ClinicSetup:
    """Load and check a clinic (a folder or its clinic.yaml; None for the demo), its sections and logo."""
    settings = _load(clinic)
    library = load_library(content_dir, settings.content_dir, settings.images_dir)
    logo = load_picture(settings.logo, None, settings.folder) if settings.logo else None  # its own colours
    if logo is not None and logo.drawing is None:
        _warn_if_soft(logo, settings.header)
    if clinic is not None:
        _warn_about_placeholders(settings)
    return ClinicSetup(settings, library, logo)


TEMPLATE_DETAILS = ("address", "phone", "email", "website")


@cache
def _clinic_template() -> str:
    """The clinic.yaml that ``init`` writes, before the folder's name is put in it."""
    return resources.files("builder").joinpath("templates/clinic.yaml").read_text(encoding="utf-8")


@cache
def _made_up_details() -> dict[str, str]:
    """The template's example contact details, read once a process (a batch opens its clinic often)."""
    return {
        key: value.split("  #")[0].strip()
        for key, _, value in (line.partition(": ") for line in _clinic_template().splitlines())
        if key in TEMPLATE_DETAILS
    }


def _warn_about_placeholders(clinic: Clinic) -> None:
    """The made-up contact details of ``handout init``'s template, still there, would print on every
    handout as if they were the clinic's: said on each check and build until they are changed."""
    made_up = _made_up_details()
    left = [key for key in TEMPLATE_DETAILS if getattr(clinic, key) == made_up.get(key)]
    if left:
        listed = ", ".join(f"{key} ({made_up[key]})" for key in left)
        verb = "is" if len(left) == 1 else "are"
        logger.warning(
            "%s: %s %s still made up by the template; put in your clinic's own before printing",
            display_path(clinic.source),
            listed,
            verb,
        )


def build_handout(
    sections: Sequence[str],
    output: Path = DEFAULT_OUTPUT,
    paper: str | None = None,
    title: str | None = None,
    content_dir: Path | None = None,
    clinic: Path | None = None,
    *,
    personal: Personal = FOR_ANYONE,
    _setup: ClinicSetup | None = None,
) -> BuildResult:
    """Build one handout from the named sections, in the order given, and write it to ``output``.

    ``paper`` defaults to the clinic's; ``clinic`` is a clinic folder or its clinic.yaml (None: the demo).
    ``personal`` makes it one patient's: see ``Personal``.
    """
    setup, handout, pictures = _prepare(sections, paper, title, content_dir, clinic, personal, _setup)
    kinds = {section.kind for section in handout.sections}
    if "exercise" in kinds and "safety" not in kinds:  # a booklet's back cover carries the reminder
        logger.warning(
            "this handout has exercises but no warning signs; add the section %s so the patient knows"
            " when to stop and get help",
            RED_FLAGS,
        )
    pdf, pages = render_pdf(handout, pictures, setup.logo)
    return _result(write_pdf(output, pdf), pages, handout, setup)


def build_booklet(
    sections: Sequence[str],
    output: Path = DEFAULT_BOOKLET,
    paper: str | None = None,
    title: str | None = None,
    content_dir: Path | None = None,
    clinic: Path | None = None,
    printing: Printing = Printing(),
    *,
    personal: Personal = FOR_ANYONE,
    _setup: ClinicSetup | None = None,
) -> BookletResult:
    """Build a booklet: ``output`` in reading order (A5, or half-letter on letter paper), and beside it
    the file to print: ``NAME-print.pdf`` imposed two pages to a sheet for an office printer, or with
    ``printing.bleed`` set, ``NAME-press.pdf`` with bleed and crop marks for a print shop.
    ``personal`` as for ``build_handout``.
    """
    setup, handout, pictures = _prepare(sections, paper, title, content_dir, clinic, personal, _setup)
    reminder = _red_flags_reminder(setup.library, handout.words.code)
    # Imported here: a handout does not need them, and a command that starts fast feels fast.
    from builder.impose import impose
    from builder.layout.booklet import render_booklet

    booklet, pages = render_booklet(handout, pictures, setup.logo, reminder, grayscale=printing.grayscale)
    if printing.bleed is None:
        print_path = output.with_name(f"{output.stem}-print.pdf")
        sheet_size = landscape(PAGE_SIZES[handout.paper])
        to_print = impose(booklet, sheet_size, printing.flip, printing.creep)
    else:
        print_path = output.with_name(f"{output.stem}-press.pdf")
        to_print, _ = render_booklet(
            handout, pictures, setup.logo, reminder, bleed=printing.bleed, grayscale=printing.grayscale
        )
    path, print_path = write_pdfs([(output, booklet), (print_path, to_print)])
    return BookletResult(
        **vars(_result(path, pages, handout, setup)), print_path=print_path, printing=printing
    )


def build_plan(
    name: str,
    output: Path | None = None,
    paper: str | None = None,
    title: str | None = None,
    content_dir: Path | None = None,
    clinic: Path | None = None,
    printing: Printing | None = None,
    *,
    personal: Personal = FOR_ANYONE,
    _setup: ClinicSetup | None = None,
) -> BuildResult | BookletResult:
    """Build what the saved plan ``name`` describes: a booklet if the plan says so or ``printing`` is
    given, else a handout. What is given here goes over the plan: a title, paper, a note, dose changes."""
    setup = _setup or open_clinic(clinic, content_dir)
    plan = find_plan(name, setup.plans)
    plan_title, plan_note = plan.text_in(personal.lang)
    translated = "note" in plan.translations.get(personal.lang, {})
    if plan.note and not personal.patient.note and not translated and personal.lang != SOURCE_LANGUAGE:
        setup.warn(
            f"{display_path(plan.source)}: its note has no {LANGUAGES[personal.lang].name} words, so it"
            f" prints in English; add it under {personal.lang}:"
        )
    doses = {section: dict(fields) for section, fields in plan.doses.items()}
    for section, fields in personal.changes.items():
        doses.setdefault(section, {}).update(fields)
    schedule = personal.schedule
    personal = personal._replace(
        patient=replace(personal.patient, note=personal.patient.note or plan_note),
        changes=doses,
        schedule=replace(
            schedule, ice_days=schedule.ice_days or plan.ice_days, days=schedule.days or plan.schedule_days
        ),
        log=personal.log or plan.log,
    )
    if plan.booklet or printing is not None:
        return build_booklet(
            plan.sections,
            output or DEFAULT_BOOKLET,
            paper or plan.paper,
            title or plan_title,
            content_dir,
            clinic,
            printing or Printing(),
            personal=personal,
            _setup=setup,
        )
    return build_handout(
        plan.sections,
        output or DEFAULT_OUTPUT,
        paper or plan.paper,
        title or plan_title,
        content_dir,
        clinic,
        personal=personal,
        _setup=setup,
    )


def list_plans(clinic: Path | None = None, content_dir: Path | None = None) -> Plans:
    """Every plan a build can use, bundled and the clinic's, and the problems of those that cannot."""
    settings = _load(clinic)
    library = load_library(content_dir, settings.content_dir, settings.images_dir)
    return load_plans(settings.plans_dir, library.sections)


def _prepare(
    sections: Sequence[str],
    paper: str | None,
    title: str | None,
    content_dir: Path | None,
    clinic: Path | None,
    personal: Personal,
    setup: ClinicSetup | None = None,
) -> tuple[ClinicSetup, Handout, dict[Path, Picture]]:
    """Everything a build needs, loaded and checked: the clinic (unless ``setup`` has it already), the
    chosen sections, the doses, the patient's details in the clinic's font, the pictures."""
    if paper is not None and paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {PAPER_SIZES}, not {paper!r}")
    patient, changes, schedule, log, large_print, lang, fallback = personal
    for code in (lang, fallback):
        if code is not None and code not in LANGUAGES:
            raise ValueError(f"language must be one of {tuple(LANGUAGES)}, not {code!r}")
    words = LANGUAGES[lang]
    setup = setup or open_clinic(clinic, content_dir)
    settings = setup.clinic.speaking(words)
    untranslated = setup.clinic.untranslated(words)
    if untranslated:
        setup.warn(untranslated)
    paper = paper or settings.paper
    selected = setup.library.select(sections, lang, fallback)
    for section in selected:
        if section.lang != lang:
            setup.warn(
                f"{display_path(section.source)}: has no {words.name} version, so it prints in"
                f" {LANGUAGES[section.lang].name}, with a note saying so"
            )
    # The red-flags boxes stand in for the other sections' boxes with the same purpose: printed once.
    chosen = tuple(
        resolved(section, schedule, settings.dates, words) for section in without_repeated_boxes(selected)
    )
    _check_font_covers(patient, settings)
    handout = Handout(
        (title or "").strip() or default_title(chosen, words),
        chosen,
        settings,
        paper,
        patient,
        _doses(chosen, changes),
        schedule.start,
        log,
        large_print,
        words,
        _offers(setup.library, selected, lang),
    )
    if log and not handout.doses:
        raise UsageProblem("the exercise log needs an exercise in the handout; add one, or leave out --log")
    accent = HexColor(settings.colors.marks)
    pictures = load_pictures((image.path for section in chosen for image in section.images), accent)
    return setup, handout, pictures


def _offers(library: Library, sections: Sequence[Section], lang: str) -> tuple[Words, ...]:
    """The other languages every one of ``sections`` is written in: the handout can be had in those."""

    def builds_in(code: str) -> bool:
        written = library.in_language(code)
        return all(s.id in written and not library.mismatches(written[s.id]) for s in sections)

    return tuple(words for code, words in LANGUAGES.items() if code != lang and builds_in(code))


def _doses(sections: Sequence[Section], changes: DoseChanges) -> dict[str, Dose]:
    """Each exercise's dose: its section's own, with the therapist's ``changes``, every one checked."""
    doses = {section.id: section.dose for section in sections if section.dose is not None}
    by_id = {section.id: section for section in sections}
    for section_id, fields in changes.items():
        for name, text in fields.items():
            given = f"{section_id}.{name}={text}"
            section = by_id.get(section_id)
            if section is None:
                chosen = ", ".join(by_id)
                raise UsageProblem(f"{given}: '{section_id}' is not in this handout (it has {chosen})")
            if section.kind != "exercise":
                raise UsageProblem(f"{given}: '{section_id}' is not an exercise, so it has no dose to set")
            try:
                value = dose_value(name, text)
            except DoseError as exc:
                raise UsageProblem(f"{given}: {exc}") from None
            doses[section_id] = replace(doses.get(section_id) or Dose(), **{name: value})
    return doses


def _check_font_covers(patient: Patient, clinic: Clinic) -> None:
    """Letters the body font cannot print would come out as empty boxes: refuse them, naming the detail
    they are in and what would do."""
    fonts = font_set(clinic.fonts.body)
    family = clinic.fonts.body.regular.name if clinic.fonts.body else "Atkinson Hyperlegible"
    where = (
        "your own clinic's clinic.yaml (run 'handout init FOLDER')"
        if clinic.is_demo
        else display_path(clinic.source)
    )
    for detail, text in (
        ("name", patient.name),
        ("therapist's name", patient.clinician),
        ("note", patient.note),
    ):
        missing = missing_characters(text, fonts)
        if missing:
            raise UsageProblem(
                f"the patient's {detail} has letters the font {family} cannot print ({missing}); leave them"
                f" out, or set a body font that has them under fonts: in {where}"
            )


def _result(path: Path, pages: int, handout: Handout, setup: ClinicSetup) -> BuildResult:
    replaced = tuple(s for s in handout.sections if (s.lang, s.id) in setup.library.replaced)
    own_pictures = replaced_pictures(handout.sections, handout.clinic)
    return BuildResult(path, pages, handout.paper, handout.sections, handout.clinic, replaced, own_pictures)


def _red_flags_reminder(library: Library, lang: str) -> Callout | None:
    """The warning a booklet's back cover repeats: the first "stop" box of the library's red-flags
    section (a clinic's own red-flags section, if it has one), whether or not the booklet includes it;
    in the booklet's language where the section is written in it."""
    section = library.in_language(lang).get(RED_FLAGS) or library.sections.get(RED_FLAGS)
    boxes = (block for block in section.blocks if isinstance(block, Callout)) if section else ()
    return next((box for box in boxes if box.style == "stop"), None)


def replaced_pictures(sections: Sequence[Section], clinic: Clinic) -> tuple[Path, ...]:
    """The clinic's own pictures that bundled sections print in place of our illustrations."""
    folder = clinic.images_dir
    if folder is None:
        return ()
    found = (
        image.path
        for section in sections
        if is_bundled(section.source)
        for image in section.images
        if image.path.is_relative_to(folder)
    )
    return tuple(sorted(set(found)))


def init_clinic(folder: Path) -> Path:
    """Create a clinic folder whose clinic.yaml is named after the folder; returns the clinic.yaml."""
    words = folder.resolve().name.replace("_", " ").replace("-", " ").split()
    name = " ".join(word[:1].upper() + word[1:] for word in words) or "My Clinic"
    template = _clinic_template()
    # JSON's quoted string is also YAML's, so any folder name (#1-physio, smith:-clinic) stays text.
    text = template.replace("{name}", json.dumps(name, ensure_ascii=False))
    return create_clinic_folder(folder, text.replace("{folder}", display_path(folder)))


def list_sections(content_dir: Path | None = None, clinic: Path | None = None) -> Library:
    """Every section a build can use: bundled, the clinic's own, and those in ``content_dir``."""
    settings = _load(clinic)
    return load_library(content_dir, settings.content_dir, settings.images_dir)


def _load(clinic: Path | None) -> Clinic:
    return load_clinic(find_clinic(clinic) if clinic is not None else DEMO_CLINIC / CLINIC_FILE)


def _warn_if_soft(logo: Picture, header: str) -> None:
    """A raster logo under 150 dpi at the size the first page prints it looks soft on paper.

    The advice names the width that fills the logo's whole box at 150 dpi, so following it is enough.
    """
    dpi = logo.dpi(logo_size(logo, header)[0])
    if dpi < SHARP_LOGO_DPI:
        box_width, box_height = LOGO_BOXES[header]
        room = min(box_width, box_height * logo.width / logo.height)
        logger.warning(
            "%s: the logo is %d x %d pixels, which prints at only %d dpi; for a sharp print use a logo"
            " at least %d pixels wide, or an SVG",
            display_path(logo.path),
            *logo.pixels,
            round(dpi),
            math.ceil(SHARP_LOGO_DPI * room / 72),
        )
