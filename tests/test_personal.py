"""A handout for one patient: their details on page one (or the booklet's cover), the therapist's note, and
each exercise's dose with the therapist's changes; read back from the PDF."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from builder.prescription import Dose
from conftest import first_page_words, page_texts, run

HINT_SECTIONS = "(it has dislocates, heat-ice)"
REPS = "reps must be a whole number from 1 to 100 (repetitions),"
HOLD = "hold must be a whole number from 1 to 600 (seconds to hold),"


def words(text: str) -> str:
    return " ".join(text.split())


def test_the_patients_details_fill_page_one(workdir: Path) -> None:
    result = run(
        "build",
        "-s",
        "dislocates,heat-ice",
        "--patient",
        "Zoë O'Brien-Łukasz",
        "--clinician",
        "Sam Lee",
        "--date",
        "2026-12-01",
        "--note",
        "Go gently on the left side.",
    )
    assert result.exit_code == 0, result.output
    page = first_page_words(workdir / "output" / "handout.pdf")
    assert "Name Zoë O'Brien-Łukasz Date 1 December 2026" in page
    assert "Your therapist Sam Lee" in page
    assert "A note from your therapist Go gently on the left side." in page


def clinic(folder: Path, settings: str) -> str:
    (folder / "my-clinic").mkdir()
    (folder / "my-clinic" / "clinic.yaml").write_text(f"name: My Clinic\n{settings}")
    return str(folder / "my-clinic")


def test_a_clinic_on_letter_paper_writes_dates_the_us_way(workdir: Path) -> None:
    us = clinic(workdir, "paper: letter\n")
    assert (
        run("build", "-s", "sleep", "--clinic", us, "--patient", "Ana", "--date", "2026-12-01").exit_code == 0
    )
    assert "Date December 1, 2026" in first_page_words(workdir / "output" / "handout.pdf")


def test_a_clinic_chooses_its_date_style(workdir: Path) -> None:
    chosen = clinic(workdir, "paper: letter\ndates: Day-Month-Year\n")
    result = run("build", "-s", "sleep", "--clinic", chosen, "--patient", "Ana", "--date", "2026-12-01")
    assert result.exit_code == 0
    assert "Date 1 December 2026" in first_page_words(workdir / "output" / "handout.pdf")


def test_the_date_is_today_when_a_patient_is_named_and_blank_otherwise(workdir: Path) -> None:
    assert run("build", "-s", "sleep", "--patient", "Ana", "-o", "named.pdf").exit_code == 0
    today = datetime.date.today()
    assert f"Date {today.day} {today:%B} {today.year}" in first_page_words(workdir / "named.pdf")
    assert run("build", "-s", "sleep", "-o", "blank.pdf").exit_code == 0
    assert str(today.year) not in first_page_words(workdir / "blank.pdf").split("Date", 1)[1][:30]


def test_the_patients_name_goes_in_no_file_name_and_no_metadata(workdir: Path) -> None:
    assert run("build", "-s", "sleep", "--patient", "Zoë O'Brien", "--note", "Private note").exit_code == 0
    assert [path.name for path in (workdir / "output").iterdir()] == ["handout.pdf"]
    metadata = PdfReader(workdir / "output" / "handout.pdf").metadata
    assert not any("Zoë" in str(value) or "Private" in str(value) for value in metadata.values())


def test_a_booklet_cover_carries_the_patients_details(workdir: Path) -> None:
    result = run(
        "booklet", "-s", "dislocates,sleep", "--patient", "Zoë O'Brien", "--clinician", "Sam Lee",
        "--date", "2026-12-01", "--note", "Walk every day.",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    pages = [words(text) for text in page_texts(workdir / "output" / "booklet.pdf")]
    assert "Prepared for Zoë O'Brien" in pages[0]
    assert "Your therapist Sam Lee" in pages[0]
    assert "Date 1 December 2026" in pages[0]
    assert "A note from your therapist Walk every day." in pages[2]  # after the cover and contents


def test_an_exercise_prints_its_own_dose(workdir: Path) -> None:
    assert run("build", "-s", "dislocates").exit_code == 0
    page = first_page_words(workdir / "output" / "handout.pdf")
    assert "Your dose Repeat 8 times How often once a day, 5 days a week" in page


def test_set_changes_the_dose(workdir: Path) -> None:
    result = run(
        "build", "-s", "dislocates,heat-ice", "--set", "dislocates.reps=12", "--set", "Dislocates.Weeks=4",
        "--set", "dislocates.hold=5", "--set", "dislocates.sets=2",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    page = first_page_words(workdir / "output" / "handout.pdf")
    assert (
        "Your dose Repeat 12 times Hold 5 seconds each time Sets 2, with a short rest between"
        " How often once a day, 5 days a week For 4 weeks"
    ) in page


@pytest.mark.parametrize(
    ("setting", "error"),
    [
        ("dislocates.reps=0", f"dislocates.reps=0: {REPS} not '0'"),
        ("dislocates.hold=-5", f"dislocates.hold=-5: {HOLD} not '-5'"),
        ("dislocates.reps=lots", f"dislocates.reps=lots: {REPS} not 'lots'"),
        ("dislocates.repz=3", "dislocates.repz=3: 'repz' is not a dose field (did you mean 'reps'?)"),
        ("sleep.reps=3", f"sleep.reps=3: 'sleep' is not in this handout {HINT_SECTIONS}"),
        ("heat-ice.reps=3", "heat-ice.reps=3: 'heat-ice' is not an exercise, so it has no dose to set"),
        ("reps=3", "Invalid value for '--set': 'reps=3' is not a setting; write it like dislocates.reps=8"),
    ],
)  # fmt: skip
def test_an_impossible_setting_is_a_usage_error_that_names_it(
    workdir: Path, setting: str, error: str
) -> None:
    result = run("build", "-s", "dislocates,heat-ice", "--set", setting)
    assert result.exit_code == 2
    assert [line for line in result.output.splitlines() if line.startswith("Error")] == [f"Error: {error}"]
    assert not (workdir / "output").exists()


def test_a_name_the_font_cannot_print_is_refused(workdir: Path) -> None:
    result = run("build", "-s", "sleep", "--patient", "王小明")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: the patient's name has letters the font Atkinson Hyperlegible cannot print (王小明); leave"
        " them out, or set a body font that has them under fonts: in your own clinic's clinic.yaml (run"
        " 'handout init FOLDER')"
    )
    note = run("build", "-s", "sleep", "--note", "Ice → heat after day 3")
    assert note.exit_code == 2
    assert note.output.splitlines()[-1].startswith(
        "Error: the patient's note has letters the font Atkinson Hyperlegible cannot print (→);"
    )
    assert not (workdir / "output").exists()


def test_a_bad_date_says_how_to_write_one(workdir: Path) -> None:
    result = run("build", "-s", "sleep", "--date", "1/12/2026")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for '--date': '1/12/2026' is not a date; write it like 2026-12-01"
        " (year-month-day)"
    )


def test_a_dose_in_a_section_file_is_checked_with_its_line(workdir: Path) -> None:
    content = workdir / "content"
    content.mkdir()
    (content / "reach.yaml").write_text(
        "id: reach\ntitle: Reach up\nkind: exercise\nsummary: Reach.\n"
        "dose:\n  reps: 0\n  days_per_week: 8\n  repz: 3\n"
        "blocks:\n  - paragraph: Reach up slowly.\n"
    )
    (content / "tips.yaml").write_text(
        "id: tips\ntitle: Tips\nkind: tips\nsummary: Tips.\ndose:\n  reps: 3\nblocks:\n  - paragraph: Rest.\n"
    )
    result = run("build", "--content", "content", "-s", "reach")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: content/reach.yaml:8: dose.repz: unknown key (did you mean 'reps'?)",
        "Error: content/reach.yaml:6: dose.reps: must be a whole number from 1 to 100 (repetitions), not '0'",
        "Error: content/reach.yaml:7: dose.days_per_week: must be a whole number from 1 to 7 (days a week),"
        " not '8'",
        "Error: content/tips.yaml:5: dose: only an exercise section has a dose; take it out, or set kind:"
        " exercise",
    ]


@pytest.mark.parametrize(
    ("dose", "lines"),
    [
        (
            Dose(reps=1, times_per_day=2, days_per_week=7),
            [("Repeat", "once"), ("How often", "twice a day, every day")],
        ),
        (Dose(hold=1, sets=1, weeks=1), [("Hold", "1 second each time"), ("Sets", "1"), ("For", "1 week")]),
        (Dose(days_per_week=3), [("How often", "3 days a week")]),
        (Dose(), []),
    ],
)  # fmt: skip
def test_a_dose_reads_as_plain_words(dose: Dose, lines: list[tuple[str, str]]) -> None:
    assert dose.lines() == lines


def schedule_rows(path: Path) -> list[str]:
    """The schedule's rows, as text: "Tue 1 Dec Ice 15 to 20 minutes" ..."""
    text = words(" ".join(page_texts(path)))
    table = text.split("Morning Afternoon Evening ", 1)[1].split(" Tick a box", 1)[0]
    return [row.strip() for row in table.replace(" minutes ", " minutes|").split("|")]


def test_the_schedule_counts_days_without_a_start_date(workdir: Path) -> None:
    assert run("build", "-s", "heat-ice").exit_code == 0
    rows = schedule_rows(workdir / "output" / "handout.pdf")
    assert rows == [f"Day {n} {'Ice' if n <= 3 else 'Heat'} 15 to 20 minutes" for n in range(1, 8)]


def test_the_schedule_is_dated_from_the_start(workdir: Path) -> None:
    assert run("build", "-s", "heat-ice", "--start", "2026-12-30", "-o", "a4.pdf").exit_code == 0
    assert schedule_rows(workdir / "a4.pdf")[::3] == [
        "Wed 30 Dec Ice 15 to 20 minutes",
        "Sat 2 Jan Heat 15 to 20 minutes",
        "Tue 5 Jan Heat 15 to 20 minutes",
    ]
    us = clinic(workdir, "paper: letter\n")
    assert (
        run("build", "-s", "heat-ice", "--start", "2026-12-30", "--clinic", us, "-o", "us.pdf").exit_code == 0
    )
    assert schedule_rows(workdir / "us.pdf")[0] == "Wed Dec 30 Ice 15 to 20 minutes"


def test_a_plan_sets_two_weeks_and_two_ice_days(workdir: Path) -> None:
    plans = workdir / "my-clinic" / "plans"
    plans.mkdir(parents=True)
    (workdir / "my-clinic" / "clinic.yaml").write_text("name: My Clinic\n")
    (plans / "fortnight.yaml").write_text(
        "title: Two weeks\nsections: [heat-ice]\nice_days: 2\nschedule_days: 14\n"
    )
    result = run("build", "--clinic", "my-clinic", "--plan", "fortnight", "--start", "2026-12-01")
    assert result.exit_code == 0, result.output
    text = words(" ".join(page_texts(workdir / "output" / "handout.pdf")))
    assert "Your first two weeks" in text
    rows = schedule_rows(workdir / "output" / "handout.pdf")
    assert len(rows) == 14
    assert [row.split()[3] for row in rows[:3]] == ["Ice", "Ice", "Heat"]
    assert rows[-1] == "Mon 14 Dec Heat 15 to 20 minutes"


def test_a_schedule_block_is_checked(workdir: Path) -> None:
    content = workdir / "content"
    content.mkdir()
    (content / "cold.yaml").write_text(
        "id: cold\ntitle: Cold\nkind: schedule\nsummary: Cold.\nblocks:\n"
        "  - schedule:\n      days: 10\n      ice_days: 9\n"
    )
    (content / "warm.yaml").write_text(
        "id: warm\ntitle: Warm\nkind: schedule\nsummary: Warm.\nblocks:\n"
        "  - schedule:\n      days: 7\n      ice_days: 7\n      how_long: 10 minutes\n"
    )
    result = run("build", "--content", "content", "-s", "cold")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: content/cold.yaml:7: blocks[0].schedule.days: '10' must be 7 or 14",
        "Error: content/cold.yaml:8: blocks[0].schedule.ice_days: '9' must be 1 to 7",
        "Error: content/cold.yaml:6: blocks[0].schedule.how_long: is missing",
        "Error: content/warm.yaml:8: blocks[0].schedule.ice_days: must be fewer than the 7 days of the"
        " schedule",
    ]


def test_the_exercise_log_has_a_week_per_week_of_the_dose_dated_from_the_start(workdir: Path) -> None:
    result = run(
        "build", "-s", "dislocates,heat-ice", "--log", "--start", "2026-12-01", "--set", "dislocates.weeks=3",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    path = workdir / "output" / "handout.pdf"
    log = words(page_texts(path)[-1])
    assert "My exercise log Tick a box each time you do an exercise." in log
    assert "Week 1 Tue 1 Dec Wed 2 Dec" in log
    assert "Week 3 Tue 15 Dec" in log and "Mon 21 Dec" in log and "Week 4" not in log
    assert log.count("Shoulder dislocates: circle a stick overhead") == 3
    assert log.count("Pain (0 to 10)") == 3
    assert [item.title for item in PdfReader(path).outline][-1] == "My exercise log"


def test_the_log_counts_days_without_a_start_and_needs_an_exercise(workdir: Path) -> None:
    assert run("booklet", "-s", "dislocates,sleep", "--log").exit_code == 0
    pages = [words(text) for text in page_texts(workdir / "output" / "booklet.pdf")]
    log = next(text for text in pages if "My exercise log Tick" in text)
    assert "Week 1 Day 1 Day 2" in log and "Week 2 Day 8" in log
    result = run("build", "-s", "heat-ice", "--log")
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        "Error: the exercise log needs an exercise in the handout; add one, or leave out --log",
    )


def test_a_name_in_another_alphabet_prints_with_a_font_that_has_it(workdir: Path) -> None:
    northside = Path(__file__).parents[1] / "examples" / "northside-chiropractic"
    name = "Дмитрий Ωμέγα-Łukasz"
    result = run("build", "-s", "sleep", "--clinic", str(northside), "--patient", name)
    assert result.exit_code == 0, result.output
    assert f"Name {name}" in first_page_words(workdir / "output" / "handout.pdf")


def test_a_note_keeps_its_line_breaks(workdir: Path) -> None:
    assert run("build", "-s", "sleep", "--note", "Line one\nLine  two\n\nLine four").exit_code == 0
    first = page_texts(workdir / "output" / "handout.pdf")[0]
    assert "Line one\nLine two\nLine four" in first


def body_sizes(path: Path) -> list[float]:
    """The font size of every letter on every page, rounded to a tenth of a point."""
    import pypdfium2 as pdfium

    sizes = []
    for page in pdfium.PdfDocument(path):
        text = page.get_textpage()
        for index in range(text.count_chars()):
            sizes.append(round(pdfium.raw.FPDFText_GetFontSize(text.raw, index), 1))
    return sizes


def test_large_print_sets_body_text_at_16_points_and_an_exercise_on_a_page_of_its_own(workdir: Path) -> None:
    assert run("build", "-s", "sleep,dislocates", "-o", "normal.pdf").exit_code == 0
    assert run("build", "-s", "sleep,dislocates", "--large-print", "-o", "large.pdf").exit_code == 0
    normal, large = body_sizes(workdir / "normal.pdf"), body_sizes(workdir / "large.pdf")
    assert max(set(normal), key=normal.count) == 13.0  # the most common size is the body's
    assert max(set(large), key=large.count) == 16.0
    pages = [words(text) for text in page_texts(workdir / "large.pdf")]
    exercise = next(text for text in pages if "Shoulder dislocates: circle a stick overhead" in text)
    assert "Sleep on your side" not in exercise  # the exercise starts on a page of its own
    assert run("booklet", "-s", "sleep,dislocates", "--large-print").exit_code == 0
