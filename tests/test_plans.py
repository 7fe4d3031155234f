"""Saved plans: listed by `handout plans`, built with --plan (as a handout or a booklet, as the plan says),
a clinic's own plans beside the bundled ones, and every mistake in a plan file named with its line."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from conftest import first_page_words, page_texts, run

DESK_DAY = "title: For a day at the desk\nsections: [dislocates, red-flags]\nnote: Take a break.\n"


def words(text: str) -> str:
    return " ".join(text.split())


def clinic_with_plans(folder: Path, **plans: str) -> Path:
    clinic = folder / "my-clinic"
    (clinic / "plans").mkdir(parents=True)
    (clinic / "clinic.yaml").write_text('name: My Clinic\nphone: "555 0100"\n')
    for name, text in plans.items():
        (clinic / "plans" / f"{name}.yaml").write_text(text)
    return clinic


def test_plans_lists_the_bundled_plans(workdir: Path) -> None:
    result = run("plans")
    assert result.exit_code == 0
    assert result.output.splitlines()[-4:] == [
        "neck-and-sleep      handout  Easing neck pain at night",
        "                             sleep, heat-ice, red-flags",
        "upper-back-starter  booklet  Your upper-back plan",
        "                             dislocates, heat-ice, sleep, red-flags",
    ]


def test_a_handout_plan_builds_its_sections_in_order_under_its_title(workdir: Path) -> None:
    result = run("build", "--plan", "neck-and-sleep")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "Wrote output/handout.pdf (4 pages, A4)"
    reader = PdfReader(workdir / "output" / "handout.pdf")
    assert reader.metadata.title == "Easing neck pain at night"
    assert [item.title for item in reader.outline] == [
        "Sleep on your side or your back",
        "Use ice first, then heat",
        "Know when to get help",
    ]


def test_a_booklet_plan_builds_a_booklet_with_its_doses(workdir: Path) -> None:
    result = run("build", "--plan", "upper-back-starter", "--patient", "Ana Ruiz")
    assert result.exit_code == 0, result.output
    assert [line.split(" (")[0] for line in result.output.splitlines()[-2:]] == [
        "Wrote output/booklet.pdf",
        "Wrote output/booklet-print.pdf",
    ]
    pages = [words(text) for text in page_texts(workdir / "output" / "booklet.pdf")]
    assert "Your upper-back plan" in pages[0] and "Prepared for Ana Ruiz" in pages[0]
    assert (
        "Your dose Repeat 8 times Sets 2, with a short rest between How often once a day, 5 days a week"
        " For 4 weeks"
    ) in pages[2]


def test_what_is_given_goes_over_the_plan(workdir: Path) -> None:
    result = run(
        "build", "--plan", "upper-back-starter", "--set", "dislocates.reps=12", "--title", "Ana's plan",
        "--note", "See you on Friday.", "-o", "ana.pdf",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    pages = [words(text) for text in page_texts(workdir / "ana.pdf")]
    assert "Ana's plan" in pages[0]
    assert "A note from your therapist See you on Friday." in pages[2]
    assert "Repeat 12 times Sets 2" in pages[2]
    assert (workdir / "ana-print.pdf").exists()


def test_booklet_with_a_handout_plan_makes_a_booklet(workdir: Path) -> None:
    assert run("booklet", "--plan", "neck-and-sleep", "--grayscale").exit_code == 0
    assert (workdir / "output" / "booklet-print.pdf").exists()
    assert not (workdir / "output" / "handout.pdf").exists()


def test_a_clinics_own_plan_is_listed_and_replaces_a_bundled_one(workdir: Path) -> None:
    clinic = clinic_with_plans(
        workdir,
        **{"neck-and-sleep": "title: Our night-time plan\nsections: [sleep]\n"},
        **{"desk-day": DESK_DAY},
    )
    result = run("plans", "--clinic", str(clinic))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "desk-day            handout  For a day at the desk  (yours: my-clinic/plans/desk-day.yaml)",
        "                             dislocates, red-flags",
        "neck-and-sleep      handout  Our night-time plan  (yours: my-clinic/plans/neck-and-sleep.yaml)",
        "                             sleep",
        "upper-back-starter  booklet  Your upper-back plan",
        "                             dislocates, heat-ice, sleep, red-flags",
    ]
    assert run("build", "--clinic", str(clinic), "--plan", "desk-day").exit_code == 0
    page = first_page_words(workdir / "output" / "handout.pdf")
    assert "My Clinic" in page
    assert "A note from your therapist Take a break." in page


def test_every_mistake_in_a_plan_is_named_with_its_line(workdir: Path) -> None:
    clinic = clinic_with_plans(
        workdir,
        broken=(
            "title: Broken\n"
            "format: leaflet\n"
            "sections: [sleep, dislocate, heat-ice]\n"
            "doses:\n"
            "  heat-ice:\n"
            "    reps: 3\n"
            "  sleep-well:\n"
            "    reps: 3\n"
            "colour: red\n"
            "ice_days: 5\n"
            "log: maybe\n"
        ),
        doses="title: Doses\nsections: [dislocates]\ndoses:\n  dislocates:\n    reps: 0\n    hold: long\n",
    )
    result = run("plans", "--clinic", str(clinic))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "neck-and-sleep      handout  Easing neck pain at night",  # the plans that read well are listed
        "                             sleep, heat-ice, red-flags",
        "upper-back-starter  booklet  Your upper-back plan",
        "                             dislocates, heat-ice, sleep, red-flags",
        "Error: my-clinic/plans/broken.yaml:9: colour: unknown key (allowed: title, summary, format, paper,"
        " sections, doses, note, ice_days, schedule_days, log, es)",
        "Error: my-clinic/plans/broken.yaml:3: sections[1]: no section 'dislocate' (did you mean"
        " 'dislocates'?); see 'handout list'",
        "Error: my-clinic/plans/broken.yaml:5: doses.heat-ice: 'heat-ice' is not an exercise, so it has no"
        " dose",
        "Error: my-clinic/plans/broken.yaml:7: doses.sleep-well: 'sleep-well' is not one of this plan's"
        " sections (sleep, dislocate, heat-ice)",
        "Error: my-clinic/plans/broken.yaml:2: format: 'leaflet' is not one of handout, booklet",
        "Error: my-clinic/plans/broken.yaml:10: ice_days: '5' must be 2 or 3",
        "Error: my-clinic/plans/broken.yaml:11: log: 'maybe' is not one of yes, no",
        "Error: my-clinic/plans/doses.yaml:5: doses.dislocates.reps: must be a whole number from 1 to 100"
        " (repetitions), not '0'",
        "Error: my-clinic/plans/doses.yaml:6: doses.dislocates.hold: must be a whole number from 1 to 600"
        " (seconds to hold), not 'long'",
    ]
    assert run("build", "--clinic", str(clinic), "--plan", "doses").exit_code == 1
    assert not (workdir / "output").exists()
    assert (
        run("build", "--clinic", str(clinic), "--plan", "neck-and-sleep").exit_code == 0
    )  # the others build
    check = run("check", "--clinic", str(clinic))
    assert check.exit_code == 1
    assert "Error: my-clinic/plans/doses.yaml:5: doses.dislocates.reps" in check.output


def test_a_plan_can_ask_for_the_log(workdir: Path) -> None:
    clinic = clinic_with_plans(workdir, logged="title: Logged\nsections: [dislocates]\nlog: Yes\n")
    assert run("build", "--clinic", str(clinic), "--plan", "logged").exit_code == 0
    assert "My exercise log" in words(page_texts(workdir / "output" / "handout.pdf")[-1])


def test_an_unknown_plan_or_no_choice_is_a_usage_error(workdir: Path) -> None:
    unknown = run("build", "--plan", "uper-back")
    assert (unknown.exit_code, unknown.output.splitlines()[-1]) == (
        2,
        "Error: unknown plan 'uper-back' (did you mean 'upper-back-starter'?); run 'handout plans' to see"
        " them all",
    )
    both = run("build", "--plan", "neck-and-sleep", "-s", "sleep")
    assert (both.exit_code, both.output.splitlines()[-1]) == (2, "Error: give --sections or --plan, not both")
    neither = run("booklet")
    assert (neither.exit_code, neither.output.splitlines()[-1]) == (
        2,
        "Error: choose what to print: --sections with ids from 'handout list', or --plan with a plan from"
        " 'handout plans'",
    )
    assert not (workdir / "output").exists()
