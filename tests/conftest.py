"""Shared helpers: run the real CLI in a temporary folder and read the PDF back with pypdf."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader

from builder.cli import main

DATA = Path(__file__).parent / "data"


@pytest.fixture
def workdir(tmp_path: Path) -> Iterator[Path]:
    """An empty current folder, as a clinic user would have."""
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(previous)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def build_own_section(name: str, text: str | bytes, sections: str) -> Result:
    """Write one section file into ./content and build with it, the way a clinic tries a new section."""
    content = Path("content")
    content.mkdir(exist_ok=True)
    path = content / f"{name}.yaml"
    path.write_bytes(text) if isinstance(text, bytes) else path.write_text(text)
    return run("build", "--content", "content", "--sections", sections)


def first_page_words(path: Path) -> str:
    """The text of page one with line breaks and runs of spaces folded to single spaces."""
    return " ".join(page_texts(path)[0].split())


def fixture(name: str) -> Path:
    """The content folder of a fixture project in tests/data, named for the mistake it holds."""
    return DATA / name / "content"
