"""What a user sees when something is wrong: the exact message, the exit code, and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_own_section, fixture, run

HINT = "; run 'handout list' to see all sections"


def test_unknown_section_suggests_the_closest_and_writes_nothing(workdir: Path) -> None:
    result = run("build", "--sections", "slep,dislocates")
    assert result.exit_code == 2
    assert result.output == f"Error: unknown section 'slep' (did you mean 'sleep'?){HINT}\n"
    assert not (workdir / "output").exists()


def test_unknown_section_without_a_close_match(workdir: Path) -> None:
    result = run("build", "--sections", "knee-surgery")
    assert result.exit_code == 2
    assert result.output == f"Error: unknown section 'knee-surgery'{HINT}\n"


def test_every_unknown_section_is_named_at_once(workdir: Path) -> None:
    result = run("build", "--sections", "sleep,dislocate,heat-ice,redflags,knee-surgery")
    assert result.exit_code == 2
    assert result.output == (
        "Error: unknown sections 'dislocate' (did you mean 'dislocates'?), 'redflags' (did you mean"
        f" 'red-flags'?) and 'knee-surgery'{HINT}\n"
    )


def test_empty_selection_is_a_usage_error(workdir: Path) -> None:
    result = run("build", "--sections", " , ")
    assert result.exit_code == 2
    assert result.output == "Error: no sections chosen; pass --sections with ids from 'handout list'\n"


def test_bad_paper_is_a_usage_error(workdir: Path) -> None:
    result = run("build", "--sections", "sleep", "--paper", "a5")
    assert result.exit_code == 2
    assert "Invalid value for '--paper': 'a5' is not one of 'a4', 'letter'." in result.output


@pytest.mark.parametrize(
    ("mistake", "section", "message"),
    [
        (
            "invalid-yaml-syntax",
            "sleep",
            "content/posture.yaml:7: invalid YAML: expected ',' or ']', but got ':'"
            " (while parsing a flow sequence that starts on line 6);"
            " put list items that contain , ? : [ or ] in quotes",
        ),
        ("missing-title", "sleep", "content/posture.yaml:1: title: is missing"),
        (
            "unknown-block-type",
            "sleep",
            "content/posture.yaml:7: blocks[1].bulets: unknown key (did you mean 'bullets'?)",
        ),
        (
            "missing-step-image",
            "sleep",
            "content/chin-tucks.yaml:8: blocks[0].steps[0].image: no such image 'chin-tuck-start.svg'"
            " (looked in {images}/, the bundled images)",
        ),
        (
            "broken-image",
            "posture",
            "{images}/desk.png: not a PNG or JPEG image; open it and save it again as PNG or JPEG",
        ),
        (
            "paragraph-longer-than-a-page",
            "walking",
            "content/walking.yaml: a paragraph inside a box or a table cell is longer than a page;"
            " split it into shorter paragraphs or bullets",
        ),
    ],
)
def test_bad_input_names_file_line_and_key(workdir: Path, mistake: str, section: str, message: str) -> None:
    content = fixture(mistake)
    result = run("build", "--content", str(content), "--sections", section)
    expected = message.replace("content/", f"{content}/").format(images=content.parent / "images")
    assert result.exit_code == 1
    assert result.output == f"Error: {expected}\n"
    assert not (workdir / "output").exists()


def test_every_problem_in_a_file_is_listed(workdir: Path) -> None:
    result = build_own_section(
        "posture",
        "id: Posture\nkind: tip\nsummary: x\nblocks:\n  - callout:\n      style: warning\n",
        "posture",
    )
    source = "content/posture.yaml"
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Error: {source}:1: id: 'Posture' must use only a-z, 0-9 and dashes",
        f"Error: {source}:1: title: is missing",
        f"Error: {source}:2: kind: 'tip' is not one of tips, exercise, schedule, info, safety"
        " (did you mean 'tips'?)",
        f"Error: {source}:6: blocks[0].callout.style: 'warning' is not one of tip, caution, stop",
        f"Error: {source}:5: blocks[0].callout: a callout needs text, bullets or both",
    ]


def test_failed_build_leaves_existing_output_untouched(workdir: Path) -> None:
    target = workdir / "visit.pdf"
    target.write_bytes(b"%PDF-1.4 the patient's earlier handout")
    result = run("build", "--sections", "slep", "-o", str(target))
    assert result.exit_code == 2
    assert target.read_bytes() == b"%PDF-1.4 the patient's earlier handout"


def test_refuses_to_overwrite_a_file_that_is_not_a_pdf(workdir: Path) -> None:
    notes = workdir / "notes.docx"
    notes.write_bytes(b"PK\x03\x04 my notes")
    result = run("build", "--sections", "sleep", "-o", "notes.docx")
    assert result.exit_code == 1
    assert result.output == "Error: notes.docx: already exists and is not a PDF; choose another output file\n"
    assert notes.read_bytes() == b"PK\x03\x04 my notes"


def test_output_folder_that_cannot_be_made(workdir: Path) -> None:
    (workdir / "taken").write_text("a file, not a folder")
    result = run("build", "--sections", "sleep", "-o", "taken/handout.pdf")
    assert result.exit_code == 1
    assert result.output == (
        "Error: taken/handout.pdf: 'taken' is a file, not a folder; choose another folder\n"
    )
    assert sorted(p.name for p in workdir.iterdir()) == ["taken"]


def test_output_is_a_folder(workdir: Path) -> None:
    (workdir / "handouts").mkdir()
    result = run("build", "--sections", "sleep", "-o", "handouts")
    assert result.exit_code == 2
    assert "Invalid value for '-o' / '--output': File 'handouts' is a directory." in result.output


def test_section_file_that_is_not_utf8(workdir: Path) -> None:
    result = build_own_section("posture", "title: Caf\xe9\n".encode("latin-1"), "sleep")
    assert result.exit_code == 1
    assert result.output == "Error: content/posture.yaml: the file is not UTF-8 text; save it as UTF-8\n"


def test_a_write_that_fails_halfway_leaves_no_trace(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = workdir / "visit.pdf"
    target.write_bytes(b"%PDF-1.4 the earlier handout")

    def disk_full(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("builder.output.os.replace", disk_full)
    result = run("build", "--sections", "sleep", "-o", "visit.pdf")
    assert result.exit_code == 1
    assert (
        result.output
        == "Error: visit.pdf: cannot write the PDF (No space left on device); choose another file\n"
    )
    assert target.read_bytes() == b"%PDF-1.4 the earlier handout"
    assert [p.name for p in workdir.iterdir()] == ["visit.pdf"]


def test_text_with_an_unquoted_colon_explains_the_quotes(workdir: Path) -> None:
    result = build_own_section(
        "posture",
        "id: posture\ntitle: Sit tall\nkind: tips\nsummary: Desk set-up.\n"
        "blocks:\n  - bullets:\n      - Tip: keep your screen at eye level.\n",
        "posture",
    )
    assert result.exit_code == 1
    assert result.output == (
        "Error: content/posture.yaml:7: blocks[0].bullets[0]: must be text;"
        " if the text has a colon followed by a space, put it in quotes\n"
    )


def test_a_key_given_twice(workdir: Path) -> None:
    result = build_own_section("posture", "id: posture\ntitle: Sit tall\ntitle: Stand tall\n", "posture")
    assert result.exit_code == 1
    assert (
        result.output == "Error: content/posture.yaml:3: 'title' is given twice (also on line 2); keep one\n"
    )


def test_a_table_too_wide_for_the_page(workdir: Path) -> None:
    days = ", ".join(f"Day {n}" for n in range(1, 10))
    result = build_own_section(
        "plan",
        "id: plan\ntitle: Plan\nkind: schedule\nsummary: A month.\nblocks:\n  - table:\n"
        "      columns: [Week, Walk]\n      rows:\n        - [1, 10 minutes]\n"
        f"      tick_columns: [{days}]\n",
        "plan",
    )
    assert result.exit_code == 1
    assert result.output == (
        "Error: content/plan.yaml:10: blocks[0].table.tick_columns: at most 10 columns fit across a page,"
        " tick columns included; split the table in two\n"
    )


def test_content_folder_without_sections_points_to_its_content_folder(workdir: Path) -> None:
    (workdir / "my-clinic" / "content").mkdir(parents=True)
    (workdir / "my-clinic" / "content" / "posture.yaml").write_text("id: posture\n")
    result = run("build", "--content", "my-clinic", "--sections", "posture")
    assert result.exit_code == 2
    assert result.output == (
        "Error: my-clinic: no section files (*.yaml) in this folder; did you mean my-clinic/content?\n"
    )


@pytest.mark.parametrize(("name", "advice"), [("visit", "visit.pdf"), ("visit.docx", "visit.pdf")])
def test_an_output_name_without_pdf_says_what_to_use(workdir: Path, name: str, advice: str) -> None:
    result = run("build", "--sections", "sleep", "-o", name)
    assert result.exit_code == 1
    assert result.output == f"Error: {name}: a PDF's name ends in .pdf; use {advice}\n"
    assert list(workdir.iterdir()) == []
