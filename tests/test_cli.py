"""The command's own surface: list, help and version."""

from __future__ import annotations

from pathlib import Path

from builder import __version__
from conftest import fixture, run


def test_list_shows_every_bundled_section(workdir: Path) -> None:
    result = run("list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    ids = [line.split()[0] for line in lines if not line.startswith(" ")]
    assert ids == [
        "chin-tuck",
        "chronic-pain",
        "dislocates",
        "doorway-chest-stretch",
        "foam-roller",
        "heat-ice",
        "muscle-knots",
        "neck-care",
        "neck-range-of-motion",
        "physical-therapy",
        "posture",
        "red-flags",
        "shoulder-blade-squeeze",
        "sleep",
        "spasms",
        "thoracic-extension",
        "upper-back-pain",
        "warm-bath",
        "warm-water",
    ]
    assert "sleep                   tips      en es  Sleep on your side or your back" in lines


def test_list_includes_a_clinic_folder(workdir: Path) -> None:
    result = run("list", "--content", str(fixture("override")))
    assert "posture" in result.output
    assert "Our own advice on sleeping well" in result.output


def test_version_and_help() -> None:
    assert run("--version").output == f"handout, version {__version__}\n"
    help_text = run("build", "--help").output
    for option in ("--sections", "--output", "--paper", "--title", "--content"):
        assert option in help_text
    assert "list" in run("--help").output
