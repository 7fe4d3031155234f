"""Place the pages of a reading-order booklet two to a sheet, in saddle-stitch order, for an office printer.

Each page becomes a Form XObject (its content and resources, stored once) drawn at its trim size on its
half of a landscape sheet, touching the fold. pikepdf (qpdf) does the PDF work: it copies the pages'
fonts and pictures once, however many sheets use them, and writes a compressed file.
"""

from __future__ import annotations

import io
from typing import Literal

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, Stream, String

from builder.page_order import Side, creep_shift, saddle_stitch

Flip = Literal["short", "long"]
FOLD_MARK = (3 * 72 / 25.4, 7 * 72 / 25.4)  # from 3 to 7 mm in from the edge: inside what printers reach
DUPLEX = {"short": Name.DuplexFlipShortEdge, "long": Name.DuplexFlipLongEdge}


def impose(
    booklet: bytes, sheet_size: tuple[float, float], flip: Flip = "short", creep: float = 0.0
) -> bytes:
    """The imposed PDF: a front and a back page per sheet, from the outer sheet in.

    With ``flip="long"`` every back is turned 180 degrees, as a printer flipping on the long edge needs;
    ``creep`` (points) moves the pages of inner sheets toward the fold (see ``creep_shift``).
    """
    source = pikepdf.open(io.BytesIO(booklet))
    imposed = pikepdf.new()
    forms = [imposed.copy_foreign(pikepdf.Page(page).as_form_xobject()) for page in source.pages]
    box = source.pages[0].mediabox
    page_size = (float(box[2]) - float(box[0]), float(box[3]) - float(box[1]))
    sheets = saddle_stitch(len(forms))
    labels: list[object] = []
    for index, sheet in enumerate(sheets):
        shift = creep_shift(index, len(sheets), creep)
        for side, name, turned in ((sheet.front, "front", False), (sheet.back, "back", flip == "long")):
            _add_side(imposed, forms, side, sheet_size, page_size, shift, turned, fold_marks=name == "front")
            labels.extend([len(imposed.pages) - 1, Dictionary(P=String(f"Sheet {index + 1} {name}"))])
    imposed.Root.PageLabels = Dictionary(Nums=Array(labels))
    # The print dialog then defaults to the right duplex mode and to actual size: a sheet scaled to fit
    # the printer's margins would no longer fold on the middle.
    preferences = Dictionary()
    for key, value in source.Root.get(Name.ViewerPreferences, Dictionary()).items():
        preferences[key] = value  # the booklet's own, such as showing its title
    preferences.Duplex, preferences.PrintScaling = DUPLEX[flip], Name("/None")
    imposed.Root.ViewerPreferences = preferences
    if Name.Lang in source.Root:
        imposed.Root.Lang = source.Root.Lang
    for key, value in source.docinfo.items():  # title, author, subject: plain strings
        imposed.docinfo[key] = value
    output = io.BytesIO()
    imposed.save(
        output,
        compress_streams=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
        deterministic_id=True,
    )
    return output.getvalue()


def _add_side(
    pdf: Pdf,
    forms: list[pikepdf.Object],
    side: Side,
    sheet_size: tuple[float, float],
    page_size: tuple[float, float],
    shift: float,
    turned: bool,
    fold_marks: bool,
) -> None:
    """One side of a sheet: each page clipped to its half, so that creep never pushes it over the fold.

    ``fold_marks``: short grey ticks on the fold at the top and bottom edges, on the side that is outside
    once folded, where the pages' own margins leave the paper blank.
    """
    width, height = sheet_size
    page_width, page_height = page_size
    fold, bottom = width / 2, (height - page_height) / 2
    resources = Dictionary()
    commands = ["q", f"-1 0 0 -1 {width:.3f} {height:.3f} cm"] if turned else ["q"]
    for number, clip_x, x in ((side.left, 0.0, fold - page_width + shift), (side.right, fold, fold - shift)):
        name = f"/Pg{number}"
        resources[name] = forms[number - 1]
        commands.append(
            f"q {clip_x:.3f} 0 {fold:.3f} {height:.3f} re W n 1 0 0 1 {x:.3f} {bottom:.3f} cm {name} Do Q"
        )
    commands.append("Q")
    if fold_marks:
        low, high = FOLD_MARK
        commands.append(
            f"q 0.55 G 0.6 w {fold:.3f} {low:.3f} m {fold:.3f} {high:.3f} l S"
            f" {fold:.3f} {height - high:.3f} m {fold:.3f} {height - low:.3f} l S Q"
        )
    page = pdf.add_blank_page(page_size=sheet_size)
    page.Resources = Dictionary(XObject=resources)
    page.Contents = Stream(pdf, " ".join(commands).encode())
