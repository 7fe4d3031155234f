"""Without its font package the handout still builds, in Helvetica, and the user is told once."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from builder.layout import fonts
from conftest import run


@pytest.fixture
def font_package_missing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def missing() -> dict[str, str]:
        raise fonts.FontUnavailable("fontpkg-atkinson-hyperlegible is not installed")

    monkeypatch.setattr(fonts, "_face_paths", missing)
    fonts.body_fonts.cache_clear()
    yield
    fonts.body_fonts.cache_clear()


def test_falls_back_to_helvetica_with_a_warning(
    workdir: Path, font_package_missing: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        result = run("build", "--sections", "red-flags", "-o", "plain.pdf")
    assert result.exit_code == 0, result.output
    assert caplog.messages == [
        "the font Atkinson Hyperlegible is not available (fontpkg-atkinson-hyperlegible is not installed);"
        " using Helvetica instead"
    ]
    used = {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(workdir / "plain.pdf").pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert used == {"/Helvetica", "/Helvetica-Bold"}
