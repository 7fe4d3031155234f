"""How long a build takes and how big the PDF is, against our targets; prints a table.

    python benchmarks/build_speed.py

Targets: a handout of two sections in well under a second (0.5 s here), and under 300 KB; the example
clinic with its own font as fast; a two-page handout with four 12-megapixel phone photos under 1.5 MB.
Timings are the best of several runs in one process, after a first warm-up build (font loading); the
last row is the whole command as a user runs it, Python start-up and imports included.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw

from builder.api import build_handout

ROOT = Path(__file__).resolve().parent.parent
NORTHSIDE = ROOT / "examples" / "northside-chiropractic"
PHOTOS = "photos"  # stands for a clinic made on the fly, with four phone-sized photos
CASES = (
    ("one section", ("red-flags",), None, 0.5, 300),
    ("sleep + dislocates", ("sleep", "dislocates"), None, 0.5, 300),
    ("all four sections", ("sleep", "dislocates", "heat-ice", "red-flags"), None, 1.0, 500),
    ("example clinic", ("sleep", "dislocates"), NORTHSIDE, 0.5, 300),
    ("four 12 MP photos", ("photos",), PHOTOS, 1.0, 1500),
)
RUNS = 5
PHOTO_SECTION = """\
id: photos
title: Your exercises, photographed
kind: exercise
summary: Four photos from a phone.
blocks:
  - steps:
"""


def photo_clinic(folder: Path) -> Path:
    """A clinic whose own section shows four 4000 x 3000 JPEGs, as a phone takes them."""
    clinic = folder / "photo-clinic"
    (clinic / "content").mkdir(parents=True)
    (clinic / "images").mkdir()
    (clinic / "clinic.yaml").write_text("name: Photo Clinic\n")
    steps = ""
    for n in range(1, 5):
        photo = Image.radial_gradient("L").resize((4000, 3000)).convert("RGB")
        ImageDraw.Draw(photo).ellipse((600 * n, 500, 600 * n + 1500, 2500), fill=(40 * n, 120, 200 - 30 * n))
        photo.save(clinic / "images" / f"photo-{n}.jpg", quality=92)
        steps += (
            f"      - text: Step {n} of the exercise.\n        image: photo-{n}.jpg\n        alt: Step {n}\n"
        )
    (clinic / "content" / "photos.yaml").write_text(PHOTO_SECTION + steps)
    return clinic


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "handout.pdf"
        photos = photo_clinic(Path(folder))
        build_handout(["sleep"], output)  # warm-up: fonts are registered once per process
        pages: dict[str, int] = {}
        print(f"{'case':<20} {'pages':>5} {'best s':>7} {'target s':>8} {'KB':>6} {'target KB':>9}  ok")
        for name, sections, clinic, time_target, size_target in CASES:
            timings = []
            for _ in range(RUNS):
                start = time.perf_counter()
                result = build_handout(list(sections), output, clinic=photos if clinic == PHOTOS else clinic)
                timings.append(time.perf_counter() - start)
            best, size = min(timings), output.stat().st_size / 1024
            _row(name, result.pages, best, time_target, size, size_target)
            pages[name] = result.pages
        command = [sys.executable, "-m", "builder", "build", "-s", "sleep,dislocates", "-o", str(output)]
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            timings.append(time.perf_counter() - start)
        _row(
            "handout build (cold)",
            pages["sleep + dislocates"],
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
