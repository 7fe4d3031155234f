"""The ``handout`` command: parse options, call the API, print what happened. No layout lives here."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from builder import __version__, api
from builder.handout import PAPER_NAMES, PAPER_SIZES
from builder.validate import display_path


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="handout")
def main() -> None:
    """Make branded, printable patient-education handouts from a library of sections."""
    logging.basicConfig(format="Warning: %(message)s", level=logging.WARNING)


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
    default="a4",
    show_default=True,
    help="Paper size.",
)
@click.option("--title", help="The handout's title (default: the section's title, or 'Your home care plan').")
@click.option(
    "--content",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    metavar="FOLDER",
    help="A folder of your own sections; they add to the bundled ones and replace any with the same id.",
)
def build(sections: str, output: Path, paper: str, title: str | None, content: Path | None) -> None:
    """Build a PDF handout from the chosen sections.

    \b
    Example:
      handout build --sections sleep,dislocates
    """
    ids = [part.strip().lower() for part in sections.split(",") if part.strip()]
    result = api.build_handout(ids, output, paper.lower(), title, content)
    pages = "page" if result.pages == 1 else "pages"
    click.echo(f"Wrote {display_path(result.path)} ({result.pages} {pages}, {PAPER_NAMES[paper.lower()]})")


@main.command(name="list")
@click.option(
    "--content",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    metavar="FOLDER",
    help="Also list the sections in this folder.",
)
def list_command(content: Path | None) -> None:
    """List every section: id, kind, title and summary."""
    sections = sorted(api.list_sections(content).sections.values(), key=lambda s: s.id)
    width = max(len(s.id) for s in sections)
    kind_width = max(len(s.kind) for s in sections)
    for section in sections:
        click.echo(f"{section.id:<{width}}  {section.kind:<{kind_width}}  {section.title}")
        click.echo(f"{'':<{width}}  {'':<{kind_width}}  {section.summary}")
