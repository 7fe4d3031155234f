"""How long a build takes and how big the PDF is, against our targets; prints a table.

    python benchmarks/build_speed.py

Targets: a handout of two sections in well under a second (0.5 s here), and under 300 KB.
Timings are the best of several runs in one process, after a first warm-up build (font loading); the
last row is the whole command as a user runs it, Python start-up and imports included.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from builder.api import build_handout

CASES = (
    ("one section", ("red-flags",), 0.5, 300),
    ("sleep + dislocates", ("sleep", "dislocates"), 0.5, 300),
    ("all four sections", ("sleep", "dislocates", "heat-ice", "red-flags"), 1.0, 500),
)
RUNS = 5


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "handout.pdf"
        build_handout(["sleep"], output)  # warm-up: fonts are registered once per process
        pages: dict[tuple[str, ...], int] = {}
        print(f"{'case':<20} {'pages':>5} {'best s':>7} {'target s':>8} {'KB':>6} {'target KB':>9}  ok")
        for name, sections, time_target, size_target in CASES:
            timings = []
            for _ in range(RUNS):
                start = time.perf_counter()
                result = build_handout(list(sections), output)
                timings.append(time.perf_counter() - start)
            best, size = min(timings), output.stat().st_size / 1024
            _row(name, result.pages, best, time_target, size, size_target)
            pages[sections] = result.pages
        command = [sys.executable, "-m", "builder", "build", "-s", "sleep,dislocates", "-o", str(output)]
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            timings.append(time.perf_counter() - start)
        _row(
            "handout build (cold)",
            pages[("sleep", "dislocates")],
            min(timings),
            1.0,
            output.stat().st_size / 1024,
            300,
        )


def _row(name: str, pages: int, best: float, time_target: float, size: float, size_target: int) -> None:
    ok = "yes" if best <= time_target and size <= size_target else "NO"
    print(f"{name:<20} {pages:>5} {best:>7.3f} {time_target:>8.1f} {size:>6.0f} {size_target:>9}  {ok}")


if __name__ == "__main__":
    main()
