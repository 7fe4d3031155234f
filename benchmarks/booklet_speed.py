"""How long a booklet takes, both files, and how big they are; prints a table.

    python benchmarks/booklet_speed.py

Target: a 32-page booklet with illustrations, reading-order and imposed files both written, in well under a
second (0.8 s here); 8 and 64 pages in proportion. Each booklet is made of the bundled sections, copied
under new ids as often as it takes to reach the length. Timings are the best of several runs in one
process, after a warm-up build (font loading).
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

from builder.api import build_booklet
from builder.resources import BUNDLED_CONTENT

SECTIONS = ("sleep", "dislocates", "heat-ice", "red-flags")
CASES = ((8, 0.4), (32, 0.8), (64, 1.6))  # pages wanted, seconds allowed
RUNS = 3


def library(folder: Path, copies: int) -> list[str]:
    """A content folder holding ``copies`` of each bundled section (ids sleep-1, sleep-2 ...)."""
    ids = []
    for copy in range(1, copies + 1):
        for section in SECTIONS:
            text = (BUNDLED_CONTENT / f"{section}.yaml").read_text(encoding="utf-8")
            text = re.sub(r"^id: .*$", f"id: {section}-{copy}", text, count=1, flags=re.M)
            (folder / f"{section}-{copy}.yaml").write_text(text, encoding="utf-8")
            ids.append(f"{section}-{copy}")
    return ids


def selection(ids: list[str], pages: int, content: Path, output: Path) -> list[str]:
    """The fewest sections whose booklet has at least ``pages`` pages."""
    for count in range(1, len(ids) + 1):
        if build_booklet(ids[:count], output, content_dir=content).pages >= pages:
            return ids[:count]
    return ids


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        content, output = Path(folder) / "content", Path(folder) / "booklet.pdf"
        content.mkdir()
        ids = library(content, copies=6)
        build_booklet(["sleep"], output)  # warm-up: fonts are registered once per process
        print(
            f"{'wanted':>6} {'pages':>5} {'sheets':>6} {'best s':>7} {'target s':>8}"
            f" {'KB read':>8} {'KB print':>8}  ok"
        )
        for wanted, target in CASES:
            chosen = selection(ids, wanted, content, output)
            timings = []
            for _ in range(RUNS):
                start = time.perf_counter()
                result = build_booklet(chosen, output, content_dir=content)
                timings.append(time.perf_counter() - start)
            best = min(timings)
            reading, imposed = output.stat().st_size / 1024, result.print_path.stat().st_size / 1024
            ok = "yes" if best <= target else "NO"
            print(
                f"{wanted:>6} {result.pages:>5} {result.pages // 4:>6} {best:>7.3f} {target:>8.1f}"
                f" {reading:>8.0f} {imposed:>8.0f}  {ok}"
            )


if __name__ == "__main__":
    main()
