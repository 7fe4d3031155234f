"""The ``handout`` command: parse options, call the API, print what happened. No layout lives here."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import click
from click.core import ParameterSource

from builder import __version__, api
from builder.checkup import check_clinic
from builder.config import Clinic, find_clinic
from builder.errors import ContentError, UsageProblem
from builder.handout import PAPER_NAMES, PAPER_SIZES
from builder.validate import display_path


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="handout")
def main() -> None:
    """Make branded, printable patient-education handouts from a library of sections."""
    logging.basicConfig(format="Warning: %(message)s", level=logging.WARNING)


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


def content_option(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option(
        "--content",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        metavar="FOLDER",
        help=help_text,
    )


@main.command()
@click.option(
    "--sections",
    "-s",
    required=True,
    metavar="IDS",
    help="Comma-separated section ids, in the order they should print (see 'handout list').",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=api.DEFAULT_OUTPUT,
    show_default=True,
    help="Where to write the PDF; its folder is created if needed.",
)
@click.option(
    "--paper",
    type=click.Choice(PAPER_SIZES, case_sensitive=False),
    help="Paper size (default: the clinic's, else a4).",
)
@click.option("--title", help="The handout's title (default: the section's title, or 'Your home care plan').")
@clinic_option
@content_option("Another folder of sections; they add to the others and replace any with the same id.")
def build(
    sections: str,
    output: Path,
    paper: str | None,
    title: str | None,
    clinic: Path | None,
    content: Path | None,
) -> None:
    """Build a PDF handout from the chosen sections.

    \b
    Example:
      handout build --sections sleep,dislocates
      handout build --clinic my-clinic --sections sleep,dislocates
    """
    ids = [part.strip().lower() for part in sections.split(",") if part.strip()]
    result = api.build_handout(
        ids, output, paper.lower() if paper else None, title, content, _clinic_file(clinic)
    )
    _note_clinic(result.clinic)
    for section in result.replaced:
        click.echo(
            f"Used your {display_path(section.source)} in place of the bundled '{section.id}'.", err=True
        )
    for picture in result.own_pictures:
        click.echo(f"Used your picture {display_path(picture)} in place of the bundled one.", err=True)
    pages = "page" if result.pages == 1 else "pages"
    click.echo(f"Wrote {display_path(result.path)} ({result.pages} {pages}, {PAPER_NAMES[result.paper]})")


@main.command(name="list")
@clinic_option
@content_option("Also list the sections in this folder.")
def list_command(clinic: Path | None, content: Path | None) -> None:
    """List every section: id, kind, title and summary."""
    sections = sorted(api.list_sections(content, _clinic_file(clinic)).sections.values(), key=lambda s: s.id)
    width = max(len(s.id) for s in sections)
    kind_width = max(len(s.kind) for s in sections)
    for section in sections:
        click.echo(f"{section.id:<{width}}  {section.kind:<{kind_width}}  {section.title}")
        click.echo(f"{'':<{width}}  {'':<{kind_width}}  {section.summary}")


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Create a clinic folder, with a clinic.yaml to fill in.

    The folder gets clinic.yaml (with a note on every setting), content/ for your own sections and
    images/ for your own pictures. An existing clinic.yaml is never replaced.

    \b
    Example:
      handout init my-clinic
    """
    path = api.init_clinic(folder)
    shown = display_path(folder)
    click.echo(f"Created {display_path(path)}, {shown}/content/ and {shown}/images/.")
    click.echo(f"Next: put your details in {display_path(path)}, then run 'handout check --clinic {shown}'.")


@main.command()
@clinic_option
@content_option("Also check the sections in this folder.")
def check(clinic: Path | None, content: Path | None) -> None:
    """Check a clinic folder and say what its handouts will print."""
    report = check_clinic(_clinic_file(clinic), content)
    if report.clinic is not None:
        _note_clinic(report.clinic)
    width = max((len(label) for label, _ in report.rows), default=0)
    for label, value in report.rows:
        click.echo(f"{label:<{width}}  {value}")
    if report.problems:
        raise ContentError(report.problems)
    click.echo("No problems found: handouts will build.")


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
