"""``handout check``: open everything a clinic's builds would use and say what will print.

Every problem is collected (clinic file, sections, every picture) rather than stopping at the first, so
a clinic fixes its folder in one pass; the summary shows the choices the build will make on its behalf
(darkened colours, its own sections in place of bundled ones, its own pictures in place of ours).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import HexColor

from builder.alt_text import alt_warnings
from builder.api import ClinicSetup, open_clinic, replaced_pictures
from builder.colour import WHITE, contrast, rgb, text_on
from builder.config import CLINIC_WORDS, Clinic, FontFamily
from builder.content import Section
from builder.errors import HandoutError, ImageError, ProblemsError
from builder.handout import PAPER_NAMES, Handout
from builder.images import load_picture
from builder.layout.pages import logo_size
from builder.layout.render import render_pdf
from builder.plain_language import Reading, read
from builder.resources import is_bundled
from builder.schedule import ScheduleChoice, resolved
from builder.translations import compare_translations
from builder.validate import IMAGE_SUFFIXES, did_you_mean, display_path
from builder.words import ENGLISH, LANGUAGES, SOURCE_LANGUAGE

log = logging.getLogger(__name__)


@dataclass
class Checkup:
    clinic: Clinic | None
    rows: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    """How each section reads: grade, SMOG, words; its warnings are logged as the check runs."""


def check_clinic(clinic: Path | None, content_dir: Path | None = None) -> Checkup:
    """Check the clinic (None: the demo) and every section and picture it can print."""
    try:
        setup = open_clinic(clinic, content_dir)
    except ProblemsError as exc:
        return Checkup(None, problems=list(exc.problems))
    except ImageError as exc:
        return Checkup(None, problems=[exc.message])
    report = Checkup(setup.clinic, _clinic_rows(setup))
    library = setup.library
    # Every section in every language, ordered by id and then language, as the table lists them.
    order = list(LANGUAGES)
    sections = sorted(
        (s for written in library.languages.values() for s in written.values()),
        key=lambda s: (s.id, order.index(s.lang)),
    )
    report.rows.append(("Sections", _sections_summary(setup)))
    translations = compare_translations(library)
    for code, missing in translations.missing.items():
        has = len(library.in_language(SOURCE_LANGUAGE)) - len(missing)
        gaps = (
            f"; without: {', '.join(missing)} (they print in English with --fallback en)" if missing else ""
        )
        if translations.only[code]:
            gaps += f"; only in {LANGUAGES[code].name}: {', '.join(translations.only[code])}"
        report.rows.append((f"In {LANGUAGES[code].name}", f"{has} of {has + len(missing)} sections{gaps}"))
        untranslated = setup.clinic.untranslated(LANGUAGES[code])
        if untranslated:
            log.warning("%s", untranslated)
    report.problems += translations.problems
    for warning in translations.warnings:
        log.warning("%s", warning)
    _warn_about_reviews(sections, datetime.date.today())
    _warn_about_alt_text(sections)
    report.readings = [read(section, setup.clinic.reading) for section in sections]
    for reading in report.readings:
        for warning in reading.warnings:
            log.warning("%s", warning)
    plans = setup.plans
    yours = sorted(plan.id for plan in plans.plans.values() if not is_bundled(plan.source))
    mine = f"; your own: {', '.join(yours)}" if yours else ""
    report.rows.append(("Plans", f"{len(plans.plans) - len(yours)} bundled{mine}"))
    report.problems.extend(problem for found in plans.problems.values() for problem in found)
    accent = HexColor(setup.clinic.colors.marks)
    pictures = {}
    for path in sorted({image.path for section in sections for image in section.images}):
        try:
            pictures[path] = load_picture(path, accent)
        except HandoutError as exc:
            report.problems.append(exc.message)
    swapped = replaced_pictures(sections, setup.clinic)
    if swapped:
        report.rows.append(("Your pictures", ", ".join(display_path(path) for path in swapped)))
    if setup.clinic.images_dir is not None:
        _warn_about_unused(setup.clinic.images_dir, [image.path for s in sections for image in s.images])
    if not report.problems:  # lay out each section once, so "handouts will build" is a promise kept
        for section in sections:
            words = LANGUAGES[section.lang]
            speaking = setup.clinic.speaking(words)
            chosen = (resolved(section, ScheduleChoice(), speaking.dates, words),)
            trial = Handout(section.title, chosen, speaking, speaking.paper, words=words)
            try:
                render_pdf(trial, pictures, setup.logo)
            except ProblemsError as exc:
                report.problems.extend(exc.problems)
    return report


def _sections_summary(setup: ClinicSetup) -> str:
    """How many sections are ours, and which are the clinic's: new ones, and those standing in for ours."""
    library = setup.library
    sections = list(library.sections.values())
    own = [s for s in sections if not is_bundled(s.source)]
    replacing = sorted({i for _, i in library.replaced})
    new = sorted(s.id for s in own if s.id not in replacing)
    summary = f"{len(sections) - len(own)} bundled"
    if new:
        summary += f"; your own: {', '.join(new)}"
    if replacing:
        summary += f"; yours in place of the bundled {', '.join(replacing)}"
    return summary


def _warn_about_unused(folder: Path, used: list[Path]) -> None:
    """A picture in the clinic's images/ that no section uses is most often a misnamed replacement."""
    in_use = {path.resolve() for path in used}
    stems = sorted({path.stem for path in used})
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in IMAGE_SUFFIXES and path.resolve() not in in_use:
            hint = did_you_mean(path.stem, stems, matched_by=str.lower)
            log.warning(
                "%s: no section uses this picture; to replace one of ours, give it the same name%s",
                display_path(path),
                hint,
            )


def _clinic_rows(setup: ClinicSetup) -> list[tuple[str, str]]:
    clinic = setup.clinic
    rows = [("Clinic", f"{clinic.name} ({display_path(clinic.source)})")]
    if clinic.tagline:
        rows.append(("Tagline", clinic.tagline))
    rows.append(("Logo", _logo(setup)))
    rows.append(("Contacts", " · ".join(clinic.contacts) or "none given: add a phone number at least"))
    if clinic.hours:
        rows.append(("Hours", "; ".join(clinic.hours)))
    rows.append(("After hours", clinic.after_hours or "not given (the red-flags box shows none)"))
    if clinic.qr_code:
        label = clinic.qr_code.label or ENGLISH.qr_label
        rows.append(("QR code", f"{clinic.qr_code.url} ({label})"))
    rows.append(("Colours", _colours(clinic)))
    rows.append(("Fonts", _fonts(clinic)))
    example = ENGLISH.date(datetime.date(2026, 12, 1), clinic.dates)
    rows.append(("Paper", f"{PAPER_NAMES[clinic.paper]}, {clinic.header} header, dates like {example}"))
    rows.append(("Disclaimer", clinic.disclaimer or "none"))
    if clinic.clinicians:
        rows.append(("Clinicians", " · ".join(clinic.clinicians)))
    for code, words in clinic.translations.items():
        given = [key for key in CLINIC_WORDS if getattr(words, key) is not None]
        rows.append((f"{LANGUAGES[code].name} words", ", ".join(given) or "nothing yet"))
    return rows


def _logo(setup: ClinicSetup) -> str:
    logo = setup.logo
    if logo is None:
        return "none (the header shows the clinic name only)"
    if logo.drawing is not None:
        return f"{display_path(logo.path)} (vector: sharp at any size)"
    width = logo_size(logo, setup.clinic.header)[0]
    pixels = f"{logo.pixels[0]} x {logo.pixels[1]} pixels"
    return f"{display_path(logo.path)} ({pixels}, {logo.dpi(width):.0f} dpi as printed)"


def _colours(clinic: Clinic) -> str:
    colors = clinic.colors
    primary = rgb(colors.primary)
    on = "white" if text_on(primary) == WHITE else "black"
    text = f"primary {colors.primary} ({contrast(primary, WHITE):.1f}:1 on white, {on} text on it)"
    if colors.heading != colors.primary:
        text += f", headings in {colors.heading}"
    text += f"; accent {colors.accent} ({contrast(rgb(colors.accent), WHITE):.1f}:1)"
    if colors.marks != colors.accent:
        text += f", marks in {colors.marks}"
    return text


def _fonts(clinic: Clinic) -> str:
    def family(value: FontFamily | None) -> str:
        return "Atkinson Hyperlegible" if value is None else display_path(value.regular)

    fonts = clinic.fonts
    return f"body {family(fonts.body)} at {fonts.size:g} pt; headings {family(fonts.heading)}"


def _warn_about_alt_text(sections: list[Section]) -> None:
    """Alt text is all a patient who cannot see a picture gets of it: say where the clinic's own
    sections give a file name, a placeholder or the step's words again. Ours pass (tests/test_alt_text.py)."""
    for section in sections:
        if not is_bundled(section.source):
            for warning in alt_warnings(section):
                log.warning("%s", warning)


def _warn_about_reviews(sections: list[Section], today: datetime.date) -> None:
    """A section past its next review date may no longer match current practice: say which, and how
    to mark it checked."""
    now = f"{today.year}-{today.month:02d}"
    for section in sorted(sections, key=lambda s: s.id):
        if section.next_review and section.next_review < now:
            year, month = section.next_review.split("-")
            log.warning(
                "%s: was due for review in %s %s; check it against current practice, then update"
                " reviewed: and next_review:",
                display_path(section.source),
                ENGLISH.months[int(month) - 1],
                year,
            )
