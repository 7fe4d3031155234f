"""What tagging costs: build time in process and file size, with the structure tree written and without.

    python benchmarks/tagging.py

"Without" builds the same files with the last step (``structure_tree.tagged_pdf``: the structure and
parent trees written with pikepdf) left out, so it is ReportLab's own file, marked content and all. The
marking done while drawing is counted in both, so it is measured against the untagged code of before
tagging once, by hand, for the README. Targets (issue 13): tagging adds at most 30 % to the build time,
and a tagged file is no bigger than the untagged one. Timings are the best of several runs in one
process, after a warm-up build.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

from builder.api import Personal, build_booklet, build_handout
from builder.layout import booklet, render

RUNS = 5
EVERYDAY = ["sleep", "dislocates", "heat-ice", "red-flags"]
CASES: dict[str, Callable[[Path], object]] = {
    "handout, 1 section": lambda out: build_handout(["dislocates"], out),
    "handout, 4 sections": lambda out: build_handout(EVERYDAY, out),
    "handout, large print, log": lambda out: build_handout(
        ["dislocates", "chin-tuck", "red-flags"], out, personal=Personal(large_print=True, log=True)
    ),
    "booklet, 4 sections": lambda out: build_booklet(EVERYDAY, out),
}


def untagged(pdf: bytes, *args: object) -> bytes:
    return pdf


def measure(build: Callable[[Path], object], out: Path, tagged: bool) -> tuple[float, int]:
    """The best time of ``RUNS`` builds and the size of the file written."""
    patches = (
        [] if tagged else [mock.patch.object(module, "tagged_pdf", untagged) for module in (render, booklet)]
    )
    for patch in patches:
        patch.start()
    try:
        best = float("inf")
        for _ in range(RUNS):
            start = time.perf_counter()
            build(out)
            best = min(best, time.perf_counter() - start)
    finally:
        for patch in patches:
            patch.stop()
    return best, out.stat().st_size


def main() -> None:
    logging.disable(logging.WARNING)  # the builds' advice (no warning signs) is not what is measured
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "file.pdf"
        build_handout(["sleep"], out)  # warm-up: fonts, pictures
        print(
            f"{'build':<28} {'untagged':>9} {'tagged':>9} {'cost':>6}   {'size untagged':>13} {'tagged':>9}"
        )
        for name, build in CASES.items():
            plain_time, plain_size = measure(build, out, tagged=False)
            tagged_time, tagged_size = measure(build, out, tagged=True)
            cost = tagged_time / plain_time - 1
            print(
                f"{name:<28} {plain_time * 1000:>7.0f}ms {tagged_time * 1000:>7.0f}ms {cost:>+6.0%}"
                f"   {plain_size:>11,} B {tagged_size:>7,} B"
            )
    print("targets: at most +30 % time; tagged size at most the untagged size")


if __name__ == "__main__":
    main()
