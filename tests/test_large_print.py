"""Large print grows the page furniture with the body, and contents lines are set as a printed book sets
them; read back from the PDFs with pypdfium2 (each letter's text, baseline, box and size as printed).

A patient who needs 16 pt body text needs the phone number, the page numbers and the small print larger
too: the footer and headers grow in proportion to the body (16/13), the footer's measured height makes
the text frame shorter, and nothing comes nearer the paper's edge than a printer reaches.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from builder.api import Personal, build_booklet, build_handout

MM = 72 / 25.4
EDGE = 12 * MM  # a handout's printable area: nothing is drawn nearer the paper's edge
BOOKLET_SIDE = 15 * MM  # a booklet's left and right text margins, where page numbers align
BOOKLET_INSET = 9 * MM  # how far a booklet's colour keeps off the edge of the paper
BOOKLET_EDGE = 10 * MM  # a booklet's running header and page numbers keep this far from top and bottom
GROWTH = 16 / 13  # large print's body over the regular body
NORTHSIDE = Path(__file__).parents[1] / "examples" / "northside-chiropractic"
DEMO = Path(__file__).parents[1] / "demo-clinic"
SECTIONS = ["sleep", "dislocates", "heat-ice", "red-flags"]
LONG_TITLE = "A section with a title long enough to need a second line in the contents of a booklet"
LONG_SECTION = f"""\
id: long-title
title: {LONG_TITLE}
kind: tips
summary: A section whose title wraps in the contents.
key_message: Keep moving.
reviewed: 2026-11
blocks:
  - paragraph: Walk a little every day.
"""


# ---- reading the PDF back ----


@dataclass(frozen=True)
class Glyph:
    """One printed letter: its text, baseline origin, the box of its ink, where its advance ends (what
    right-aligned text lines up by), its size as printed (points) and font."""

    text: str
    x: float
    y: float
    left: float
    bottom: float
    right: float
    top: float
    end: float
    size: float
    font: str


def glyphs(page: pdfium.PdfPage) -> list[Glyph]:
    """Every letter on ``page`` (spaces left out). The size is the font size times the scale of the text
    and graphics matrices, so a page shrunk to fit (ReportLab's KeepInFrame) shows as smaller."""
    textpage = page.get_textpage()
    found = []
    for index in range(textpage.count_chars()):
        text = textpage.get_text_range(index, 1)
        if not text.strip():
            continue
        matrix = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFText_GetMatrix(textpage.raw, index, ctypes.byref(matrix))
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
        size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index) * scale
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, ctypes.byref(x), ctypes.byref(y))
        name = ctypes.create_string_buffer(256)
        pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, 256, None)
        left, bottom, right, top = textpage.get_charbox(index)
        end = textpage.get_charbox(index, loose=True)[2]
        glyph = Glyph(
            text, x.value, y.value, left, bottom, right, top, end, round(size, 2), name.value.decode()
        )
        found.append(glyph)
    return found


@dataclass(frozen=True)
class Line:
    """The letters on one baseline, left to right."""

    glyphs: tuple[Glyph, ...]

    @property
    def text(self) -> str:
        """The line's letters with the spaces left out (``"Page1of5"``)."""
        return "".join(g.text for g in self.glyphs)

    @property
    def y(self) -> float:
        return self.glyphs[0].y

    def sizes(self, part: str | None = None) -> set[float]:
        """The sizes of the letters of ``part`` of the line (all of it when None)."""
        return {g.size for g in self.part(part)} if part else {g.size for g in self.glyphs}

    def part(self, text: str) -> tuple[Glyph, ...]:
        """The letters of ``text`` (its spaces left out) in the line."""
        letters = text.replace(" ", "")
        start = self.text.index(letters)
        return self.glyphs[start : start + len(letters)]


def lines(page: pdfium.PdfPage) -> list[Line]:
    """The page's lines, top to bottom: letters sharing a baseline (to a tenth of a point)."""
    rows: dict[float, list[Glyph]] = {}
    for glyph in glyphs(page):
        rows.setdefault(round(glyph.y, 1), []).append(glyph)
    return [Line(tuple(sorted(row, key=lambda g: g.x))) for _, row in sorted(rows.items(), reverse=True)]


def line_with(page: pdfium.PdfPage, text: str) -> Line:
    """The one line holding ``text`` (spaces left out)."""
    found = [line for line in lines(page) if text.replace(" ", "") in line.text]
    assert len(found) == 1, f"{len(found)} lines hold {text!r}: {[line.text for line in lines(page)]}"
    return found[0]


def only(sizes: set[float]) -> float:
    """The one size in ``sizes``; a failure when the letters were set at more than one."""
    assert len(sizes) == 1, f"more than one size: {sorted(sizes)}"
    return next(iter(sizes))


def object_bounds(page: pdfium.PdfPage) -> Iterator[tuple[int, tuple[float, float, float, float]]]:
    """The type and box of everything drawn on ``page``: text, paths, images, inside forms too."""
    for obj in page.get_objects(max_depth=8):
        if obj.type != pdfium_c.FPDF_PAGEOBJ_FORM:
            yield obj.type, obj.get_bounds()


def closest_to_edge(path: Path, kinds: tuple[int, ...] | None = None) -> float:
    """The nearest any object (of ``kinds``, or any) comes to an edge of its page, on any page."""
    nearest = math.inf
    doc = pdfium.PdfDocument(path)
    for page in doc:
        width, height = page.get_size()
        for kind, (left, bottom, right, top) in object_bounds(page):
            if kinds is None or kind in kinds:
                nearest = min(nearest, left, bottom, width - right, height - top)
    return nearest


# ---- builds, each made once for the module ----


class Builds:
    """Handouts and booklets, regular and large print, built the first time a test asks for them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.content = folder / "content"
        self.content.mkdir()
        (self.content / "long-title.yaml").write_text(LONG_SECTION)
        self.built: dict[tuple[object, ...], Path] = {}

    def handout(self, large: bool, *, clinic: Path | None = None, paper: str | None = None) -> Path:
        key = ("handout", large, clinic, paper)
        if key not in self.built:
            path = self.folder / f"h{len(self.built)}.pdf"
            personal = Personal(large_print=large)
            build_handout(SECTIONS, path, paper=paper, clinic=clinic, personal=personal)
            self.built[key] = path
        return self.built[key]

    def booklet(
        self, large: bool, *, sections: tuple[str, ...] = tuple(SECTIONS), clinic: Path | None = None
    ) -> Path:
        key = ("booklet", large, sections, clinic)
        if key not in self.built:
            path = self.folder / f"b{len(self.built)}.pdf"
            personal = Personal(large_print=large)
            build_booklet(list(sections), path, content_dir=self.content, clinic=clinic, personal=personal)
            self.built[key] = path
        return self.built[key]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    return Builds(tmp_path_factory.mktemp("large-print"))


def page(path: Path, number: int) -> pdfium.PdfPage:
    """Page ``number`` (from 1; -1 for the last) of ``path``."""
    doc = pdfium.PdfDocument(path)
    return doc[number - 1 if number > 0 else len(doc) + number]


# ---- a handout's footer and headers ----

FOOTER_PARTS = {  # a part of each footer line, and the size regular print sets it at
    "contacts": ("12 Riverside Walk, Springfield", 10.0),
    "fine print": ("General advice only.", 9.0),
    "page number": ("Page 1 of", 10.0),
}


@pytest.mark.parametrize("part", FOOTER_PARTS)
def test_the_footer_grows_with_the_body_in_large_print(builds: Builds, part: str) -> None:
    text, regular_size = FOOTER_PARTS[part]
    regular = line_with(page(builds.handout(False), 1), text).sizes(text)
    large = line_with(page(builds.handout(True), 1), text).sizes(text)
    assert regular == {regular_size}
    assert only(large) == pytest.approx(regular_size * GROWTH, abs=0.1)


def test_page_x_of_y_stays_on_the_fine_prints_first_line(builds: Builds) -> None:
    """Grown, the page number still sits beside the fine print, on its baseline, at the right margin."""
    for large in (False, True):
        first = page(builds.handout(large), 1)
        number, fine_print = line_with(first, "Page 1 of"), line_with(first, "General advice only.")
        assert number.y == pytest.approx(fine_print.y, abs=1)  # on the fine print's first baseline
        width = first.get_size()[0]
        assert min(g.left for g in number.part("Page 1 of")) > max(g.right for g in fine_print.glyphs)
        assert max(g.end for g in number.glyphs) == pytest.approx(width - 21 * MM, abs=0.2)


def test_the_patients_lines_grow_with_the_body_in_large_print(builds: Builds) -> None:
    """The name and date lines on page one and on a booklet's cover: the patient reads them too."""
    for large in (False, True):
        grown = GROWTH if large else 1
        name = line_with(page(builds.handout(large), 1), "Name")
        assert only(name.sizes("Name")) == pytest.approx(12 * grown, abs=0.1)
        cover = line_with(page(builds.booklet(large), 1), "Prepared for")
        assert only(cover.sizes("Prepared")) == pytest.approx(12 * grown, abs=0.1)


def test_the_slim_header_grows_with_the_body_in_large_print(builds: Builds) -> None:
    regular = line_with(page(builds.handout(False), 2), "Riverside Physiotherapy").sizes("Riverside")
    large = line_with(page(builds.handout(True), 2), "Riverside Physiotherapy").sizes("Riverside")
    assert regular == {11.5}
    assert only(large) == pytest.approx(11.5 * GROWTH, abs=0.1)


@pytest.mark.parametrize("large", [False, True], ids=["regular", "large-print"])
def test_body_text_stays_clear_of_the_taller_footer(builds: Builds, large: bool) -> None:
    """The footer is measured, so the text frame above it ends higher when it is taller: on every page,
    the lowest body text is at least 5 mm above the footer's first line."""
    doc = pdfium.PdfDocument(builds.handout(large))
    for index in range(len(doc)):
        rows = lines(doc[index])
        contacts = next(i for i, line in enumerate(rows) if "12RiversideWalk" in line.text)
        footer_top = max(g.top for g in rows[contacts].glyphs)
        body_bottom = min(g.bottom for line in rows[:contacts] for g in line.glyphs)
        assert body_bottom - footer_top >= 5 * MM, f"page {index + 1}"


@pytest.mark.parametrize("large", [False, True], ids=["regular", "large-print"])
@pytest.mark.parametrize(
    ("clinic", "paper"),
    [(None, None), (None, "letter"), (NORTHSIDE, None)],
    ids=["a4", "letter", "northside"],
)
def test_nothing_on_a_handout_is_drawn_within_12_mm_of_the_edge(
    builds: Builds, large: bool, clinic: Path | None, paper: str | None
) -> None:
    path = builds.handout(large, clinic=clinic, paper=paper)
    assert closest_to_edge(path) >= EDGE - 0.05


def test_a_long_name_and_phone_stay_inside_the_header_band_in_large_print(tmp_path: Path) -> None:
    """The band keeps its height: the grown name steps down (and onto two lines) to fit it, and a long
    phone number is set smaller, never shortened."""
    clinic = tmp_path / "clinic"
    clinic.mkdir()
    (clinic / "logo.svg").write_bytes((DEMO / "logo.svg").read_bytes())
    settings = (DEMO / "clinic.yaml").read_text()
    settings = settings.replace(
        "name: Riverside Physiotherapy", "name: Riverside Physiotherapy and Sports Injury Centre"
    )
    settings = settings.replace("phone: (555) 010-2030", "phone: +44 (0)20 7946 0958 ext. 204")
    (clinic / "clinic.yaml").write_text(settings)
    path = build_handout(
        ["sleep"], tmp_path / "h.pdf", clinic=clinic, personal=Personal(large_print=True)
    ).path
    first = page(path, 1)
    height = first.get_size()[1]
    band_bottom, band_top = height - EDGE - 24 * MM, height - EDGE
    rows = [line for line in lines(first) if line.y > band_bottom]
    texts = " ".join(line.text for line in rows)
    assert "+44(0)2079460958ext.204" in texts  # whole
    assert "RiversidePhysiotherapyand" in texts and "SportsInjuryCentre" in texts  # whole, on two lines
    for line in rows:
        assert min(g.bottom for g in line.glyphs) >= band_bottom + 1 * MM, line.text
        assert max(g.top for g in line.glyphs) <= band_top - 1 * MM, line.text
    name = next(line for line in rows if line.text.startswith("Riverside"))
    assert min(name.sizes()) > 14  # still larger than regular print's smallest two-line name


# ---- a booklet's contents ----


def contents_entries(path: Path) -> list[tuple[list[Line], Line]]:
    """Each contents entry: its lines, and the one that ends in its page number."""
    rows = lines(page(path, 2))
    start = next(i for i, line in enumerate(rows) if line.text == "Contents") + 1
    entries, current = [], []
    for line in rows[start:]:
        if not line.text or line.glyphs[0].y < BOOKLET_EDGE + 5 * MM:  # the folio
            break
        current.append(line)
        if line.text[-1].isdigit():
            entries.append((current, line))
            current = []
    return entries


@pytest.mark.parametrize("large", [False, True], ids=["regular", "large-print"])
def test_contents_lines_have_leaders_and_a_number_set_as_the_title(builds: Builds, large: bool) -> None:
    path = builds.booklet(large, sections=("sleep", "long-title", "dislocates", "red-flags"))
    width = page(path, 2).get_size()[0]
    entries = contents_entries(path)
    assert len(entries) == 4
    for entry_lines, last in entries:
        title = [g for line in entry_lines for g in line.glyphs if g.text != "."]
        digits = [g for g in last.glyphs if g.text.isdigit()]
        words = [g for g in title if not g.text.isdigit()]
        assert {g.size for g in digits} == {g.size for g in words}, last.text  # one size
        assert {g.font for g in digits} == {g.font for g in words}, last.text  # one font
        assert max(g.end for g in digits) == pytest.approx(width - BOOKLET_SIDE, abs=0.2)  # flush right
        dots = [g for g in last.glyphs if g.text == "."]
        assert len(dots) >= 3, f"no leaders: {last.text}"
        word_end = max(g.right for g in last.glyphs if g.text not in ".0123456789")
        assert word_end < min(g.left for g in dots) < max(g.right for g in dots) < min(g.left for g in digits)
    long_entry = next(entry_lines for entry_lines, _ in entries if "Asectionwith" in entry_lines[0].text)
    assert len(long_entry) >= 2  # wrapped, its number on the last line
    assert not long_entry[0].text[-1].isdigit()


def test_contents_leaders_line_up_from_entry_to_entry(builds: Builds) -> None:
    """Each line's dots stop at the same place, whatever its number's width ("3" or "12")."""
    entries = contents_entries(builds.booklet(False))
    ends = {round(max(g.right for g in last.glyphs if g.text == "."), 1) for _, last in entries}
    numbers = {last.text[-2:].isdigit() for _, last in entries}
    assert numbers == {True, False}  # one- and two-digit numbers both, so the check means something
    assert max(ends) - min(ends) < 0.2


def test_large_print_contents_are_set_at_the_large_body_size(builds: Builds) -> None:
    for large, size in ((False, 13.0), (True, 16.0)):
        for _, last in contents_entries(builds.booklet(large)):
            assert last.sizes() == {size}


# ---- a booklet's covers and folios ----


def test_large_print_booklet_furniture_grows(builds: Builds) -> None:
    """The running header, the page number and the cover's foot, each larger in large print."""
    for large in (False, True):
        grown = GROWTH if large else 1
        path = builds.booklet(large)
        header = line_with(page(path, 3), "Riverside Physiotherapy")
        assert only(header.sizes("Riverside")) == pytest.approx(9.5 * grown, abs=0.1)
        folio = next(line for line in reversed(lines(page(path, 3))) if line.text == "3")
        assert only(folio.sizes()) == pytest.approx(11 * grown, abs=0.1)
        foot = line_with(page(path, 1), "Questions? Call us on")
        assert only(foot.sizes("Questions?")) == pytest.approx(11 * grown, abs=0.1)


@pytest.mark.parametrize("clinic", [None, NORTHSIDE], ids=["demo", "northside"])
def test_a_large_print_back_cover_keeps_the_larger_size(builds: Builds, clinic: Path | None) -> None:
    """Regular print's back cover may be shrunk a little to fit; large print's never is: its contact
    details close the sections instead, and the back cover keeps the phone number, the reminder and the
    fine print at large-print sizes."""
    regular, large = builds.booklet(False, clinic=clinic), builds.booklet(True, clinic=clinic)
    for text in ("Call emergency services now if", "Questions? Call us on"):
        regular_size = max(line_with(page(regular, -1), text).sizes())
        large_size = max(line_with(page(large, -1), text).sizes())
        assert large_size >= regular_size * 1.15, text
    fine_print = line_with(page(large, -1), "Reviewed Nov").sizes("Reviewed")
    assert only(fine_print) == pytest.approx(9 * GROWTH, abs=0.1)  # as large as the footer's, not shrunk
    reminder = line_with(page(large, -1), "Call emergency services (911").sizes("Call")
    assert only(reminder) == pytest.approx(11 * GROWTH, abs=0.1)  # the caption size, not shrunk
    doc = pdfium.PdfDocument(large)
    texts = ["".join(g.text for g in glyphs(doc[i])) for i in range(len(doc))]
    details = [i for i, text in enumerate(texts) if "Openinghours" in text]
    notes = next(i for i, text in enumerate(texts) if "Mynotes" in text)
    # They close the sections where there is room, else open the notes page: never a page of their own.
    assert details and details[0] <= notes, "the contact details come before My notes"


def test_nothing_on_a_large_print_booklet_comes_nearer_the_edge_than_its_margins(builds: Builds) -> None:
    """Colour keeps 9 mm off the paper's edge; text keeps 10 mm (the folios and the running header)."""
    for clinic in (None, NORTHSIDE):
        path = builds.booklet(True, clinic=clinic)
        assert closest_to_edge(path) >= BOOKLET_INSET - 0.05
        assert closest_to_edge(path, (pdfium_c.FPDF_PAGEOBJ_TEXT,)) >= BOOKLET_EDGE - 0.3 * MM
