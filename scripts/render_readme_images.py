"""Render the README's pictures from real builds: the demo clinic's page one and all its pages side by
side, and page one of the example clinic in examples/northside-chiropractic.

    python scripts/render_readme_images.py      # needs the test extras (pypdfium2)

Run it after a change to the layout, the bundled sections or the illustrations, and commit docs/*.png.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2
from PIL import Image

from builder.api import build_handout

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
NORTHSIDE = ROOT / "examples" / "northside-chiropractic"
SECTIONS = ["sleep", "dislocates"]
PAGE_DPI = 100
SHEET_DPI = 45
GAP = 16


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        pdf = pypdfium2.PdfDocument(build_handout(SECTIONS, Path(folder) / "handout.pdf").path)
        pages = [pdf[n] for n in range(len(pdf))]
        pages[0].render(scale=PAGE_DPI / 72).to_pil().save(DOCS / "example-page-1.png", optimize=True)
        thumbnails = [page.render(scale=SHEET_DPI / 72).to_pil() for page in pages]
        width, height = thumbnails[0].size
        sheet = Image.new("RGB", (len(thumbnails) * (width + GAP) - GAP, height), "#D0D5DB")
        for index, thumbnail in enumerate(thumbnails):
            sheet.paste(thumbnail, (index * (width + GAP), 0))
        sheet.save(DOCS / "example-pages.png", optimize=True)
        pdf.close()
        other = pypdfium2.PdfDocument(build_handout(SECTIONS, Path(folder) / "n.pdf", clinic=NORTHSIDE).path)
        other[0].render(scale=PAGE_DPI / 72).to_pil().save(
            DOCS / "example-northside-page-1.png", optimize=True
        )
        other.close()


if __name__ == "__main__":
    main()
