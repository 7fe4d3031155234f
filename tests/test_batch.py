"""`handout batch`: a PDF per good row of a spreadsheet, bad rows named by row number, safe unique names."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from builder.batch import safe_name
from conftest import page_texts, run

SHEET = """\
patient,clinician,start,plan,note,set.dislocates.reps
Zoë O'Brien,Sam Lee,2026-12-01,,Go gently on the left side,10
Ana Ruiz,Sam Lee,2026-12-02,neck-and-sleep,,
Bad Date,Sam Lee,2026-13-01,,,

Unknown Plan,,2026-12-01,knee-surgery,,
Bad Dose,,2026-12-01,,,0
Zoë O'Brien,Sam Lee,2026-12-01,,,
"""


def words(text: str) -> str:
    return " ".join(text.split())


def batch(folder: Path, sheet: str, *options: str) -> tuple[int, str, list[str]]:
    (folder / "patients.csv").write_text(sheet, encoding="utf-8")
    result = run("batch", "patients.csv", "-o", "out", *options)
    out = folder / "out"
    made = sorted(path.name for path in out.iterdir()) if out.exists() else []
    return result.exit_code, result.output, made


def test_a_pdf_per_good_row_and_each_bad_row_named(workdir: Path) -> None:
    code, output, made = batch(workdir, SHEET, "--plan", "upper-back-starter")
    assert code == 1
    lines = output.splitlines()
    assert "Built 3 of 6 in out/" in output
    assert [line for line in lines if line.startswith("Error")] == [
        "Error: patients.csv row 4: start: '2026-13-01' is not a date; write it like 2026-12-01"
        " (year-month-day)",
        "Error: patients.csv row 6: unknown plan 'knee-surgery'; run 'handout plans' to see them all",
        "Error: patients.csv row 7: dislocates.reps=0: reps must be a whole number from 1 to 100"
        " (repetitions), not '0'",
    ]
    assert made == [
        "2-upper-back-starter-print.pdf",
        "2-upper-back-starter.pdf",
        "3-neck-and-sleep.pdf",
        "8-upper-back-starter-print.pdf",
        "8-upper-back-starter.pdf",
    ]
    assert not any(name.endswith(".tmp") for name in made)


def test_each_pdf_is_that_patients(workdir: Path) -> None:
    batch(workdir, SHEET, "--plan", "upper-back-starter")
    zoe = [words(text) for text in page_texts(workdir / "out" / "2-upper-back-starter.pdf")]
    assert "Prepared for Zoë O'Brien" in zoe[0]
    assert "A note from your therapist Go gently on the left side" in " ".join(zoe)
    assert "Repeat 10 times" in " ".join(zoe)
    assert "Tue 1 Dec Ice" in " ".join(zoe)
    ana = words(page_texts(workdir / "out" / "3-neck-and-sleep.pdf")[0])
    assert "Name Ana Ruiz" in ana


def test_names_from_a_template_are_safe_and_unique(workdir: Path) -> None:
    sheet = (
        "patient,plan\n"
        "Zoë O'Brien,neck-and-sleep\n"
        "zoë o'brien,neck-and-sleep\n"
        "../../etc/passwd,neck-and-sleep\n"
        "CON,neck-and-sleep\n"
        "A/B: C?,neck-and-sleep\n"
    )
    code, output, made = batch(workdir, sheet, "--name", "{patient}")
    assert code == 0, output
    assert made == ["A-B-C.pdf", "CON-.pdf", "Zoë-O'Brien.pdf", "etc-passwd.pdf", "zoë-o'brien-2.pdf"]


def test_patients_names_stay_out_of_file_names_unless_asked(workdir: Path) -> None:
    code, _, made = batch(workdir, "patient,plan\nZoë O'Brien,neck-and-sleep\n")
    assert (code, made) == (0, ["2-neck-and-sleep.pdf"])


@pytest.mark.parametrize(
    ("sheet", "options", "error"),
    [
        (
            "patiant,plan\nAna,neck-and-sleep\n",
            (),
            "Error: patients.csv: row 1: column 'patiant' is not one handout reads (did you mean 'patient'?)",
        ),
        (
            "",
            (),
            "Error: patients.csv: the file is empty; the first row names the columns, e.g. patient,plan",
        ),
        (
            "patient,plan\nAna,neck-and-sleep\n",
            ("--name", "{surname}"),
            "Error: --name: '{surname}' is not a field"
            " (fields: row, plan, patient, clinician, date, start, lang)",
        ),
    ],
)
def test_a_spreadsheet_that_cannot_be_read_builds_nothing(
    workdir: Path, sheet: str, options: tuple[str, ...], error: str
) -> None:
    code, output, made = batch(workdir, sheet, *options)
    assert (code, output.splitlines()[-1], made) == (1, error, [])


def test_a_row_without_a_plan_is_named(workdir: Path) -> None:
    code, output, made = batch(workdir, "patient,plan\nAna,\nBea,neck-and-sleep\n")
    assert code == 1
    assert output.splitlines()[-1] == (
        "Error: patients.csv row 2: no plan; fill in its plan column, or give --plan for every row"
    )
    assert made == ["3-neck-and-sleep.pdf"]


def test_many_rows_are_built_by_several_processes(workdir: Path) -> None:
    sheet = "patient,plan\n" + "".join(f"Patient {n},neck-and-sleep\n" for n in range(12))
    code, output, made = batch(workdir, sheet)
    assert code == 0, output
    assert "Built 12 of 12 in out/" in output
    assert len(made) == 12
    assert "Name Patient 11" in words(page_texts(workdir / "out" / "13-neck-and-sleep.pdf")[0])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("", "handout"),
        ("...", "handout"),
        (".hidden", "hidden"),
        ("nul.txt", "nul.txt-"),
        ("a" * 200, "a" * 80),
    ],
)
def test_safe_name(text: str, name: str) -> None:
    assert safe_name(text) == name


def test_a_notes_column_is_the_note(workdir: Path) -> None:
    code, output, _ = batch(workdir, "patient,plan,notes\nAna,neck-and-sleep,Rest on Sunday.\n")
    assert code == 0, output
    assert "A note from your therapist Rest on Sunday." in words(
        page_texts(workdir / "out" / "2-neck-and-sleep.pdf")[0]
    )


def test_a_spreadsheet_saved_with_semicolons_is_read(workdir: Path) -> None:
    code, output, made = batch(workdir, "patient;plan;start\nAna;neck-and-sleep;2026-12-01\n")
    assert (code, made) == (0, ["2-neck-and-sleep.pdf"]), output


def test_every_problem_with_the_columns_is_named_at_once(workdir: Path) -> None:
    code, output, made = batch(workdir, "patient,patient,clinican\n")
    assert (code, made) == (1, [])
    assert output.splitlines() == [
        "Error: patients.csv: row 1: column 'clinican' is not one handout reads (did you mean 'clinician'?)",
        "Error: patients.csv: row 1: column 'patient' is there twice; keep one",
        "Error: patients.csv: no patients below the row of column names",
    ]


def test_each_row_in_the_language_its_patient_reads(workdir: Path) -> None:
    (workdir / "content").mkdir()
    (workdir / "content" / "walk.yaml").write_text(
        "id: walk\ntitle: Walk every day\nkind: tips\nsummary: Walk.\nblocks:\n"
        "  - paragraph: Walk a little.\n"
    )
    (workdir / "plans").mkdir()
    (workdir / "plans" / "walking.yaml").write_text(
        "title: Walking\nsections: [sleep, walk]\nnote: Walk daily.\nes:\n  title: Caminar\n"
    )
    (workdir / "clinic.yaml").write_text("name: Lakeside Physio\ndisclaimer: General advice only.\n")
    sheet = (
        "patient,plan,lang,fallback\n"
        "Ana,walking,es,en\nJosé,walking,ES,en\nBen,walking,,\nLuz,walking,es,\nMia,walking,fr,\n"
    )
    code, output, made = batch(workdir, sheet, "--clinic", ".")
    assert code == 1, output
    assert made == ["2-walking.pdf", "3-walking.pdf", "4-walking.pdf"]
    assert output.splitlines()[1:] == [
        "Error: patients.csv row 5: section 'walk' has no Spanish version; add content/es/walk.yaml, or use"
        " --fallback en to print it in English with a note",
        "Error: patients.csv row 6: lang: 'fr' is not a language to print in; use en or es",
    ]
    spanish = words(" ".join(page_texts(workdir / "out" / "2-walking.pdf")))
    assert "Caminar Pida esta hoja con letra grande. Also available in English. Nombre Ana Fecha" in spanish
    assert "Walking" not in spanish
    assert "Walk every day Esta parte todavía no está en español. Por eso está en inglés." in spanish
    assert "Walking Ask us for this leaflet in large print. Name Ben Date" in words(
        page_texts(workdir / "out" / "4-walking.pdf")[0]
    )


def test_a_warning_is_said_once_for_the_whole_batch(workdir: Path, caplog: pytest.LogCaptureFixture) -> None:
    sheet = "patient,plan,lang\n" + "".join(f"P{n},neck-and-sleep,es\n" for n in range(8))
    (workdir / "clinic.yaml").write_text("name: Lakeside Physio\ndisclaimer: General advice only.\n")
    with caplog.at_level(logging.WARNING):
        code, _, made = batch(workdir, sheet, "--clinic", ".")
    assert code == 0 and len(made) == 8
    assert caplog.messages == [
        "clinic.yaml: disclaimer has no Spanish words, so Spanish handouts print it in English; add it"
        " under es:"
    ]


def test_a_mistake_in_the_clinic_is_one_error_before_any_row_is_built(workdir: Path) -> None:
    sheet = "patient,plan\n" + "".join(f"P{n},neck-and-sleep\n" for n in range(8))
    (workdir / "clinic.yaml").write_text("name: Lakeside Physio\npaper: a3\n")
    code, output, made = batch(workdir, sheet, "--clinic", ".")
    assert code == 1 and made == []
    assert output == "Error: clinic.yaml:2: paper: 'a3' is not one of a4, letter\n"
