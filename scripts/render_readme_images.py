"""Render the README's pictures from real builds: the demo clinic's page one and all its pages side by
side, page one of the example clinic in examples/northside-chiropractic, page one in Spanish, and a
booklet: its pages in
reading order and the first sheet of its imposed print file, front and back.

    python scripts/render_readme_images.py      # needs the test extras (pypdfium2)

Run it after a change to the layout, the bundled sections or the illustrations, and commit docs/*.png.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2
from PIL import Image

from builder.api import Personal, build_booklet, build_handout

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
NORTHSIDE = ROOT / "examples" / "northside-chiropractic"
SECTIONS = ["sleep", "dislocates"]
BOOKLET_SECTIONS = ["sleep", "dislocates", "heat-ice", "red-flags"]
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
        spanish = pypdfium2.PdfDocument(
            build_handout(SECTIONS, Path(folder) / "es.pdf", personal=Personal(lang="es")).path
        )
        spanish[0].render(scale=PAGE_DPI / 72).to_pil().save(
            DOCS / "example-spanish-page-1.png", optimize=True
        )
        spanish.close()
        booklet = build_booklet(BOOKLET_SECTIONS, Path(folder) / "booklet.pdf")
        reading = pypdfium2.PdfDocument(booklet.path)
        side_by_side([reading[n] for n in range(len(reading))], 30, per_row=8).save(
            DOCS / "booklet-pages.png", optimize=True
        )
        reading.close()
        imposed = pypdfium2.PdfDocument(booklet.print_path)
        side_by_side([imposed[0], imposed[1]], 40, per_row=2).save(DOCS / "booklet-sheet.png", optimize=True)
        imposed.close()


def side_by_side(pages: list[pypdfium2.PdfPage], dpi: int, per_row: int) -> Image.Image:
    """The pages rendered at ``dpi``, in rows of ``per_row`` on a light grey ground."""
    pictures = [page.render(scale=dpi / 72).to_pil() for page in pages]
    width, height = pictures[0].size
    rows = -(-len(pictures) // per_row)
    columns = min(per_row, len(pictures))
    sheet = Image.new("RGB", (columns * (width + GAP) - GAP, rows * (height + GAP) - GAP), "#D0D5DB")
    for index, picture in enumerate(pictures):
        sheet.paste(picture, ((index % per_row) * (width + GAP), (index // per_row) * (height + GAP)))
    return sheet


if __name__ == "__main__":
    main()
