"""The ``handout`` command: parse options, call the API, print what happened. No layout lives here."""

from __future__ import annotations

import json
import logging
import shlex
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click
from click.core import ParameterSource
from reportlab.lib.units import mm

from builder import __version__, api
from builder.config import Clinic, find_clinic
from builder.errors import ContentError, UsageProblem
from builder.handout import BOOKLET_PAGE_NAMES, PAPER_NAMES, PAPER_SIZES
from builder.options import (
    Length,
    clinic_option,
    content_option,
    language_option,
    output_option,
    personal_options,
    sections_option,
)
from builder.resources import is_bundled
from builder.validate import display_path
from builder.words import LANGUAGES

if TYPE_CHECKING:
    from builder.checkup import Checkup


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="handout")
def main() -> None:
    """Make branded, printable patient-education handouts from a library of sections."""
    logging.basicConfig(format="Warning: %(message)s", level=logging.WARNING)


@main.command()
@sections_option
@output_option(api.DEFAULT_OUTPUT, "Where to write the PDF; its folder is created if needed.")
@click.option(
    "--paper",
    type=click.Choice(PAPER_SIZES, case_sensitive=False),
    help="Paper size (default: the clinic's, else a4).",
)
@click.option("--title", help="The handout's title (default: the section's title, or 'Your home care plan').")
@clinic_option
@content_option("Another folder of sections; they add to the others and replace any with the same id.")
@personal_options
def build(
    sections: str | None,
    plan: str | None,
    output: Path,
    paper: str | None,
    title: str | None,
    clinic: Path | None,
    content: Path | None,
    personal: api.Personal,
) -> None:
    """Build a PDF handout from the chosen sections.

    \b
    Example:
      handout build --sections sleep,dislocates
      handout build --clinic my-clinic --sections sleep,dislocates
    """
    _report(_build(sections, plan, output, paper, title, content, clinic, None, personal))


def _within(value: float, most: float, option: str, advice: str) -> float:
    """``value`` (points), if it is from 0 to ``most``; else a usage error with ``advice`` for too much."""
    shown = f"{value / mm:g} mm"
    if value < 0:
        raise click.BadParameter(
            f"{shown} is less than nothing; use 0 to {most / mm:g} mm", param_hint=f"'{option}'"
        )
    if value > most:
        raise click.BadParameter(f"{shown} is more than {most / mm:g} mm; {advice}", param_hint=f"'{option}'")
    return value


@main.command()
@sections_option
@output_option(
    api.DEFAULT_BOOKLET,
    "The booklet in reading order; the file to print is written beside it (NAME-print.pdf, or"
    " NAME-press.pdf with --press).",
)
@click.option(
    "--paper",
    type=click.Choice(PAPER_SIZES, case_sensitive=False),
    help="The sheet you print on: a4 (A5 pages) or letter (half-letter pages). Default: the clinic's.",
)
@click.option(
    "--title",
    help="The booklet's title, on its cover (default: the section's title, or 'Your home care plan').",
)
@clinic_option
@content_option("Another folder of sections; they add to the others and replace any with the same id.")
@click.option(
    "--flip",
    type=click.Choice(["short", "long"], case_sensitive=False),
    default="short",
    show_default=True,
    help="Your printer's two-sided mode: flip on the short edge or the long edge.",
)
@click.option(
    "--creep",
    type=Length(bare_millimetres=True),
    default="0",
    metavar="MM",
    help="Move the pages of inner sheets toward the fold, up to this much on the innermost sheet"
    " (thick paper or many pages: about 0.1mm per sheet). Default: none.",
)
@click.option("--press", is_flag=True, help="Single pages with bleed and crop marks, for a print shop.")
@click.option(
    "--bleed",
    type=Length(bare_millimetres=False),
    default="3mm",
    show_default=True,
    help="With --press: how far colour runs past the trim.",
)
@click.option(
    "--grayscale", is_flag=True, help="Everything in shades of grey, for a black-and-white printer."
)
@personal_options
def booklet(
    sections: str | None,
    plan: str | None,
    output: Path,
    paper: str | None,
    title: str | None,
    clinic: Path | None,
    content: Path | None,
    flip: str,
    creep: float,
    press: bool,
    bleed: float,
    grayscale: bool,
    personal: api.Personal,
) -> None:
    """Build a folded, stapled booklet: a cover, contents, the sections, notes and a back cover.

    Writes the booklet in reading order (to read on screen or send), and the file to print: two pages
    to a landscape sheet, in the order that reads right once printed on both sides, folded and stapled.

    \b
    Example:
      handout booklet --sections sleep,dislocates,heat-ice,red-flags
      handout booklet --sections sleep,dislocates --press --bleed 3mm
    """
    given = click.get_current_context().get_parameter_source
    if not press and given("bleed") != ParameterSource.DEFAULT:
        raise UsageProblem("--bleed is for press output; add --press, or leave out --bleed")
    office_only = [f"--{name}" for name in ("flip", "creep") if given(name) != ParameterSource.DEFAULT]
    if press and office_only:
        raise UsageProblem(
            f"{' and '.join(office_only)}: for office printing only; a print shop imposes --press pages"
            " itself, so leave this out"
        )
    printing = api.Printing(
        flip=flip.lower(),  # type: ignore[arg-type]
        creep=_within(creep, api.MAX_CREEP, "--creep", "more would push the text into the fold"),
        bleed=_within(bleed, api.MAX_BLEED, "--bleed", "print shops ask for about 3mm") if press else None,
        grayscale=grayscale,
    )
    _report(_build(sections, plan, output, paper, title, content, clinic, printing, personal))


@main.command(name="batch")
@click.argument("spreadsheet", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--plan", metavar="NAME", help="The plan for rows whose plan column is empty (see 'handout plans')."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output") / "batch",
    show_default=True,
    help="The folder for the PDFs; it is created if needed.",
)
@click.option(
    "--name",
    "template",
    metavar="TEMPLATE",
    help="File names, from {row}, {plan}, {patient}, {clinician}, {date}, {start} and {lang}; made safe"
    " and unique."
    " Default: {row}-{plan}.",
)
@clinic_option
@content_option("Another folder of sections; they add to the others and replace any with the same id.")
def batch_command(
    spreadsheet: Path,
    plan: str | None,
    output: Path,
    template: str | None,
    clinic: Path | None,
    content: Path | None,
) -> None:
    """Build a handout (or booklet) for every row of a CSV spreadsheet.

    Columns: patient, clinician, date, start, plan, lang (en or es), fallback (en or es), note, and
    set.SECTION.FIELD for doses (e.g. set.dislocates.reps). A row that cannot be built is reported with
    its row number; the others still build. Patients' names go into file names only if --name asks for
    {patient}.

    \b
    Example:
      handout batch patients.csv --plan upper-back-starter -o output/class/
    """
    from builder import batch  # worker processes are for this command only; other commands start faster

    clinic_file = _clinic_file(clinic)
    started = time.perf_counter()
    rows, results = batch.read_rows(spreadsheet, plan, template or batch.DEFAULT_NAME)
    quiet = not sys.stderr.isatty()  # a bar is for a person watching, not for a log file
    with click.progressbar(length=len(rows), label="Building", file=sys.stderr, hidden=quiet) as bar:
        results += batch.build_rows(
            rows, output, clinic_file, content, spreadsheet, done=lambda result: bar.update(1)
        )
    failed = sorted((result for result in results if result.error), key=lambda result: result.number)
    built = len(results) - len(failed)
    seconds = time.perf_counter() - started
    click.echo(f"Built {built} of {len(results)} in {display_path(output)}/ ({seconds:.1f} s).")
    if failed:
        raise ContentError(result.error for result in failed)


@main.command(name="list")
@clinic_option
@content_option("Also list the sections in this folder.")
@language_option("Show titles and summaries in this language: en or es.")
def list_command(clinic: Path | None, content: Path | None, lang: str) -> None:
    """List every section: id, kind, the languages it is written in, title and summary.

    A section not written in --lang is listed in English, marked as having no translation.
    """
    library = api.list_sections(content, _clinic_file(clinic))
    wanted = library.in_language(lang)
    sections = sorted(library.sections.values(), key=lambda s: s.id)
    width = max(len(s.id) for s in sections)
    kind_width = max(len(s.kind) for s in sections)
    codes = [code for code in LANGUAGES if library.in_language(code)]
    for source in sections:
        section = wanted.get(source.id, source)
        written = " ".join(code if source.id in library.in_language(code) else "--" for code in codes)
        missing = (
            "" if section is not source or source.lang == lang else f"  [no {LANGUAGES[lang].name} version]"
        )
        click.echo(
            f"{section.id:<{width}}  {section.kind:<{kind_width}}  {written}  {section.title}{missing}"
        )
        click.echo(f"{'':<{width}}  {'':<{kind_width}}  {'':<{len(written)}}  {section.summary}")


@main.command()
@clinic_option
@content_option("Sections in this folder count too, for the plans that name them.")
def plans(clinic: Path | None, content: Path | None) -> None:
    """List the saved plans, bundled and your clinic's: id, handout or booklet, title and sections.

    \b
    Example:
      handout build --plan upper-back-starter --patient "Ana Ruiz"
    """
    found = api.list_plans(_clinic_file(clinic), content)
    plans = sorted(found.plans.values(), key=lambda plan: plan.id)
    width = max((len(plan.id) for plan in plans), default=0)
    for plan in plans:
        kind = "booklet" if plan.booklet else "handout"
        mine = "" if is_bundled(plan.source) else f"  (yours: {display_path(plan.source)})"
        click.echo(f"{plan.id:<{width}}  {kind:<7}  {plan.title}{mine}")
        click.echo(f"{'':<{width}}  {'':<7}  {', '.join(plan.sections)}")
    if found.problems:
        raise ContentError(problem for problems in found.problems.values() for problem in problems)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Create a clinic folder, with a clinic.yaml to fill in.

    The folder gets clinic.yaml (with a note on every setting), content/ for your own sections,
    images/ for your own pictures and plans/ for your own plans. An existing clinic.yaml is never
    replaced.

    \b
    Example:
      handout init my-clinic
    """
    path = api.init_clinic(folder)
    shown = display_path(folder)
    click.echo(f"Created {display_path(path)}, {shown}/content/, {shown}/images/ and {shown}/plans/.")
    # The command as it is pasted into a shell: a folder named "Harbourview Physio & Rehab" in quotes.
    command = shlex.join(["handout", "check", "--clinic", shown])
    click.echo(f"Next: put your details in {display_path(path)}, then run: {command}")


@main.command()
@clinic_option
@content_option("Also check the sections in this folder.")
@click.option("--strict", is_flag=True, help="Fail on warnings too (exit 1), as a clinic's CI would.")
@click.option(
    "--format",
    "form",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: the same findings, for a clinic's own tools.",
)
def check(clinic: Path | None, content: Path | None, strict: bool, form: str) -> None:
    """Check a clinic folder and every section: what handouts will print, how each section reads.

    Problems stop a build; warnings (a reading grade above 8, a long sentence, a medical word, an
    exercise without a box saying when to stop, a review date passed) do not, unless --strict.
    """
    with _warnings_collected() as warnings:
        from builder.checkup import check_clinic  # readability scoring is for this command only

        report = check_clinic(_clinic_file(clinic), content)
    failed = bool(report.problems) or (strict and bool(warnings))
    if form == "json":
        click.echo(json.dumps(_check_as_json(report, warnings), ensure_ascii=False, indent=2))
        if failed:
            raise SystemExit(1)
        return
    if report.clinic is not None:
        _note_clinic(report.clinic)
    width = max((len(label) for label, _ in report.rows), default=0)
    for label, value in report.rows:
        click.echo(f"{label:<{width}}  {value}")
    if report.readings:
        id_width = max(len(reading.section.id) for reading in report.readings)
        click.echo(f"\n{'Section':<{id_width}}  Language  Grade  SMOG  INFLESZ  Words")
        for reading in report.readings:
            scores = f"{_score(reading.grade, 5)}  {_score(reading.smog, 4)}  {_score(reading.ease, 7)}"
            click.echo(
                f"{reading.section.id:<{id_width}}  {reading.section.lang:<8}  {scores}  {reading.words:>5}"
            )
    if report.problems:
        raise ContentError(report.problems)
    if strict and warnings:
        count = f"{len(warnings)} warning{'s' if len(warnings) > 1 else ''}"
        raise ContentError([f"{count} above; with --strict, a warning is a problem too"])
    click.echo("\nNo problems found: handouts will build.")


def _check_as_json(report: Checkup, warnings: list[str]) -> dict[str, object]:
    """What ``check`` prints, for a clinic's own tools (a CI job, a dashboard)."""
    return {
        "clinic": dict(report.rows),
        "sections": [
            {
                "id": reading.section.id,
                "language": reading.section.lang,
                "grade": _rounded(reading.grade),
                "smog": _rounded(reading.smog),
                "inflesz": _rounded(reading.ease),
                "words": reading.words,
                "file": display_path(reading.section.source),
            }
            for reading in report.readings
        ],
        "warnings": warnings,
        "problems": report.problems,
    }


def _score(value: float | None, width: int) -> str:
    """A reading score for the table, or a dash where the language is not scored that way."""
    return f"{value:>{width}.1f}" if value is not None else f"{'-':>{width}}"


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


@contextmanager
def _warnings_collected() -> Iterator[list[str]]:
    """Every warning logged meanwhile (they still print as they come)."""
    found: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: found.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("builder").addHandler(handler)
    try:
        yield found
    finally:
        logging.getLogger("builder").removeHandler(handler)


def _build(
    sections: str | None,
    plan: str | None,
    output: Path,
    paper: str | None,
    title: str | None,
    content: Path | None,
    clinic: Path | None,
    printing: api.Printing | None,
    personal: api.Personal,
) -> api.BuildResult:
    """Build from --sections or from --plan (one of them), as a booklet when ``printing`` is given."""
    if bool(sections) == bool(plan):
        raise UsageProblem(
            "give --sections or --plan, not both"
            if plan
            else "choose what to print: --sections with ids from 'handout list', or --plan with a plan"
            " from 'handout plans'"
        )
    paper = paper.lower() if paper else None
    clinic_file = _clinic_file(clinic)
    if plan:
        given = click.get_current_context().get_parameter_source("output") != ParameterSource.DEFAULT
        return api.build_plan(
            plan, output if given else None, paper, title, content, clinic_file, printing, personal=personal
        )  # fmt: skip
    ids = _section_ids(sections or "")
    if printing is None:
        return api.build_handout(ids, output, paper, title, content, clinic_file, personal=personal)
    return api.build_booklet(ids, output, paper, title, content, clinic_file, printing, personal=personal)


def _report(result: api.BuildResult) -> None:
    """Which clinic and files were used, and what was written: for a booklet, how to print it."""
    _report_sources(result)
    if not isinstance(result, api.BookletResult):
        pages = "page" if result.pages == 1 else "pages"
        click.echo(f"Wrote {display_path(result.path)} ({result.pages} {pages}, {PAPER_NAMES[result.paper]})")
        return
    printing = result.printing
    page = BOOKLET_PAGE_NAMES[result.paper]
    grey = ", in grayscale" if printing.grayscale else ""
    click.echo(f"Wrote {display_path(result.path)} ({result.pages} {page} pages{grey}, in reading order)")
    shown = display_path(result.print_path)
    if printing.bleed is None:
        sheets = result.pages // 4
        sheet = f"{sheets} {PAPER_NAMES[result.paper]} sheet{'s' if sheets > 1 else ''}"
        click.echo(
            f"Wrote {shown} ({sheet}, landscape{grey}). Print it on both sides, flip on the"
            f" {printing.flip} edge, at actual size; fold and staple."
        )
    else:
        click.echo(
            f"Wrote {shown} ({result.pages} {page} pages with {printing.bleed / mm:g} mm bleed and crop"
            f" marks{grey}) for a print shop."
        )


def _section_ids(sections: str) -> list[str]:
    return [part.strip().lower() for part in sections.split(",") if part.strip()]


def _report_sources(result: api.BuildResult) -> None:
    """Say which clinic, and which of the clinic's own sections and pictures, the build used."""
    _note_clinic(result.clinic)
    for section in result.replaced:
        click.echo(
            f"Used your {display_path(section.source)} in place of the bundled '{section.id}'.", err=True
        )
    for picture in result.own_pictures:
        click.echo(f"Used your picture {display_path(picture)} in place of the bundled one.", err=True)


def _clinic_file(given: Path | None) -> Path:
    """The clinic file to use; when a bad one came from HANDOUT_CLINIC, the message says so."""
    try:
        return find_clinic(given)
    except UsageProblem as exc:
        source = click.get_current_context().get_parameter_source("clinic")
        if source == ParameterSource.ENVIRONMENT:
            raise UsageProblem(f"{exc.message} (set by HANDOUT_CLINIC)") from None
        raise


def _note_clinic(clinic: Clinic) -> None:
    if clinic.is_demo:
        click.echo(
            f"Using the demo clinic ({clinic.name}); run 'handout init FOLDER' to set up your own.", err=True
        )
