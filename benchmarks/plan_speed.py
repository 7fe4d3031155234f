"""How fast personalised handouts are made, one and five hundred at a time; prints a table.

    python benchmarks/plan_speed.py

Targets (issue 5, on the 2-core development machine): the whole `handout build` command for a two-page
handout under 0.35 s; a two-page handout built in-process under 25 ms; 500 personalised handouts from a
spreadsheet with `handout batch` under 15 s; peak memory under 200 MB. The handout is the heat-ice
section for a named patient, dated from their start date, so every one of the 500 differs.
"""

from __future__ import annotations

import csv
import datetime
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from builder.api import Personal, ScheduleChoice, build_handout
from builder.patient import Patient

RUNS = 5
IN_PROCESS = 30
BATCH = 500
SECTIONS = ["heat-ice"]
PLAN = "title: Ice first, then heat\nsections: [heat-ice]\n"


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        output = folder / "one.pdf"
        patient = Patient("Zoë O'Brien", "Sam Lee", datetime.date(2026, 12, 1), "Go gently.")
        schedule = ScheduleChoice(start=datetime.date(2026, 11, 29))
        personal = Personal(patient, schedule=schedule)

        command = [sys.executable, "-m", "builder", "build", "-s", ",".join(SECTIONS), "-o", str(output)]
        command += ["--patient", patient.name, "--start", "2026-11-29"]
        # As installed: Python keeps the compiled modules, so only the first run compiles them.
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        run = lambda: subprocess.run(command, check=True, capture_output=True, env=env)  # noqa: E731
        cold = min(_timed(run) for _ in range(RUNS))
        pages = build_handout(SECTIONS, output, personal=personal).pages  # warm-up
        warm = [_timed(lambda: build_handout(SECTIONS, output, personal=personal)) for _ in range(IN_PROCESS)]
        size = output.stat().st_size / 1024

        clinic = folder / "clinic"
        (clinic / "plans").mkdir(parents=True)
        (clinic / "clinic.yaml").write_text("name: Benchmark Clinic\n")
        (clinic / "plans" / "ice-heat.yaml").write_text(PLAN)
        sheet = folder / "patients.csv"
        with sheet.open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(["patient", "clinician", "start", "note"])
            for n in range(BATCH):
                start = datetime.date(2026, 11, 1) + datetime.timedelta(days=n % 60)
                writer.writerow(
                    [f"Patient {n:03d} Ñúñez", "Sam Lee", start.isoformat(), "Walk a little each day."]
                )
        out = folder / "batch"
        batch = [sys.executable, "-m", "builder", "batch", str(sheet), "--plan", "ice-heat", "-o", str(out)]
        batch += ["--clinic", str(clinic)]
        seconds = _timed(lambda: subprocess.run(batch, check=True, capture_output=True))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest process, in MB
        made = list(out.glob("*.pdf"))
        average = sum(path.stat().st_size for path in made) / len(made) / 1024

    print(f"{'measure':<40} {'value':>10} {'target':>10}  ok")
    _row(f"cold `handout build`, {pages} pages", cold, 0.35, "s")
    _row("in-process build, best", min(warm) * 1000, 25, "ms")
    _row("in-process build, median", sorted(warm)[len(warm) // 2] * 1000, 25, "ms")
    _row(f"`handout batch`, {len(made)} handouts", seconds, 15, "s")
    _row("peak memory of any process", peak, 200, "MB")
    _row("size of one handout", size, 300, "KB")
    _row("size of a batch handout, average", average, 300, "KB")


def _timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def _row(name: str, value: float, target: float, unit: str) -> None:
    ok = "yes" if value <= target else "NO"
    print(f"{name:<40} {value:>7.2f} {unit:<2} {target:>7g} {unit:<2}  {ok}")


if __name__ == "__main__":
    main()
