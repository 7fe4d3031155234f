"""``handout booklet``, read back from the PDFs it writes: the booklet in reading order, the imposed sheets
for an office printer, the press pages with bleed and crop marks, grayscale, and the CLI's messages.

Each kind of booklet is built once for the module (see ``Builds``); a build takes a fraction of a second.
"""

from __future__ import annotations

import base64
import datetime
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from builder.api import Personal, build_booklet
from builder.page_order import creep_shift, saddle_stitch
from builder.schedule import ScheduleChoice
from conftest import run

MM = 72 / 25.4
A5 = (148 * MM, 210 * MM)
HALF_LETTER = (5.5 * 72, 8.5 * 72)
A4_LANDSCAPE = (841.89, 595.28)
LETTER_LANDSCAPE = (792.0, 612.0)
NORTHSIDE = Path(__file__).parents[1] / "examples" / "northside-chiropractic"
DEMO_CLINIC = "Riverside Physiotherapy"

TINY = "tiny"  # 4 pages: cover, the section, notes, back cover
ONE = "sleep"  # 8 pages
TWO = "sleep,dislocates"  # 12 pages
ALL = "sleep,dislocates,heat-ice,red-flags"  # 16 pages
LONG = "sleep,long-read,dislocates,heat-ice,red-flags"  # 28 pages
TITLES = {
    "sleep": "Sleep on your side or your back",
    "dislocates": "Shoulder dislocates: circle a stick overhead",
    "heat-ice": "Use ice first, then heat",
    "red-flags": "Know when to get help",
    "long-read": "A long read about your back",
    "medium-read": "A read of a few pages",
    "tiny": "A short note",
}
COVER = ("Prepared for", "Your therapist", "Date")
BACK_COVER = ("Questions? Call us on", "Call emergency services now if")
NOTES, QUESTIONS, BLANK = "My notes", "Questions for my next visit", "This page is intentionally blank"
MORE_NOTES = "More notes"
FOOT = 13 * MM  # the page number's strip at the foot of a page (numbers sit on 10 mm; text ends at 19 mm)

TINY_SECTION = """\
id: tiny
title: A short note
kind: tips
summary: One paragraph, for the shortest booklet there is.
key_message: Keep moving.
reviewed: 2026-11
blocks:
  - paragraph: Walk a little every day.
"""


def long_section(key: str = "long-read", parts: int = 40) -> str:
    """A section of many pages (40 parts: a booklet with two-digit page numbers and seven sheets), in
    plain text, so that its length does not change with the pictures."""
    sentence = "Walk a little every day and rest when you need to."
    lines = [
        f"id: {key}",
        f"title: {TITLES[key]}",
        "kind: tips",
        "summary: Many paragraphs, to make a long booklet.",
        "key_message: Keep moving, gently.",
        "reviewed: 2026-11",
        "blocks:",
    ]
    for part in range(1, parts + 1):
        lines += [f"  - heading: Part {part}", f"  - paragraph: {' '.join([sentence] * 6)}"]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Booklet:
    path: Path
    """The booklet in reading order."""
    printed: Path
    """NAME-print.pdf (imposed) or, with --press, NAME-press.pdf."""
    stdout: str

    @property
    def pages(self) -> int:
        return len(PdfReader(self.path).pages)


class Builds:
    """Builds each booklet (sections and options) the first time a test asks for it, then reuses it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.content = folder / "content"
        self.content.mkdir()
        (self.content / "tiny.yaml").write_text(TINY_SECTION)
        (self.content / "long-read.yaml").write_text(long_section())
        (self.content / "medium-read.yaml").write_text(long_section("medium-read", parts=11))  # 4 pages
        self.built: dict[tuple[str, tuple[str, ...]], Booklet] = {}

    def __call__(self, sections: str, *options: str) -> Booklet:
        key = (sections, options)
        if key not in self.built:
            out = self.folder / f"b{len(self.built)}" / "booklet.pdf"
            args = ["booklet", "--content", str(self.content), "--sections", sections, "-o", str(out)]
            result = run(*args, *options)
            assert result.exit_code == 0, result.output
            printed = out.with_name("booklet-press.pdf" if "--press" in options else "booklet-print.pdf")
            assert sorted(p.name for p in out.parent.iterdir()) == sorted([out.name, printed.name])
            self.built[key] = Booklet(out, printed, result.stdout)
        return self.built[key]

    def office(self, sections: str, flip: str, *options: str) -> Booklet:
        """A booklet imposed for a printer that flips on the ``flip`` edge (short: the default)."""
        return self(sections, "--flip", "long", *options) if flip == "long" else self(sections, *options)


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    return Builds(tmp_path_factory.mktemp("booklets"))


# ---- reading the PDFs back ----


def words(text: str) -> str:
    return " ".join(text.split())


def texts(path: Path) -> list[str]:
    """Each page's text, whitespace folded, as pdfium reads it."""
    doc = pdfium.PdfDocument(path)
    return [words(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]


def kind_of(text: str) -> str:
    """Which of the booklet's own pages a page is, by its text."""
    if all(line in text for line in COVER):
        return "cover"
    if all(line in text for line in BACK_COVER):
        return "back"
    for kind in (NOTES, QUESTIONS, BLANK):
        if kind in text:
            return kind
    return "text"


def body(text: str, number: int) -> str:
    """A page's text below its running header and page number (all of it on a page without them)."""
    _, found, rest = text.partition(f" {number} ")
    return rest if found else text


def heading_pages(path: Path, titles: list[str]) -> list[int]:
    """The page (from 1) on which each section's heading appears: the first page after the cover and the
    contents whose text, below the running header (which may carry the same title), holds the title."""
    bodies = [body(text, number) for number, text in enumerate(texts(path), start=1)]
    start = 2 if bodies[1].startswith("Contents ") else 1
    return [next(i + 1 for i in range(start, len(bodies)) if title in bodies[i]) for title in titles]


@dataclass(frozen=True)
class Char:
    text: str
    left: float
    bottom: float
    right: float
    top: float

    @property
    def x(self) -> float:
        return (self.left + self.right) / 2

    @property
    def y(self) -> float:
        return (self.bottom + self.top) / 2


def chars(page: pdfium.PdfPage) -> Iterator[Char]:
    textpage = page.get_textpage()
    for index in range(textpage.count_chars()):
        text = textpage.get_text_range(index, 1)
        if text.strip():
            yield Char(text, *textpage.get_charbox(index))


def page_number(found: list[Char], turned: bool = False) -> str:
    """The digits among ``found`` in reading order (right to left when the page is upside down)."""
    digits = sorted((c for c in found if c.text.isdigit()), key=lambda c: -c.x if turned else c.x)
    return "".join(c.text for c in digits)


def sheet_pages(path: Path, booklet_pages: int, flip: str) -> list[tuple[int, int]]:
    """For each side of each sheet, the booklet page printed on its left half and on its right half.

    The covers are known by their text; every other page by the number in its footer: at the foot of the
    half, or, on a back side turned upside down for a long-edge flip, at its top.
    """
    doc = pdfium.PdfDocument(path)
    found = []
    for index in range(len(doc)):
        page = doc[index]
        width, height = page.get_size()
        textpage = page.get_textpage()
        turned = flip == "long" and index % 2 == 1
        every = list(chars(page))
        halves = []
        for left, right in ((0.0, width / 2), (width / 2, width)):
            text = words(textpage.get_text_bounded(left, 0, right, height))
            if kind_of(text) == "cover":
                halves.append(1)
                continue
            if kind_of(text) == "back":
                halves.append(booklet_pages)
                continue
            foot = [
                c for c in every if left <= c.x < right and (c.y > height - FOOT if turned else c.y < FOOT)
            ]
            number = page_number(foot, turned)
            assert number, f"sheet side {index + 1}, {left:.0f}-{right:.0f} pt: no page number in {text!r}"
            halves.append(int(number))
        found.append((halves[0], halves[1]))
    return found


def expected_sheet_pages(pages: int, flip: str) -> list[tuple[int, int]]:
    """What saddle_stitch says, as the sheet shows it: a back turned 180 degrees for a long-edge flip has
    its left page on the right half (upside down) and its right page on the left half."""
    expected = []
    for sheet in saddle_stitch(pages):
        expected.append((sheet.front.left, sheet.front.right))
        back = (sheet.back.left, sheet.back.right)
        expected.append(back[::-1] if flip == "long" else back)
    return expected


def size(box: object) -> tuple[float, float]:
    return float(box.width), float(box.height)  # type: ignore[attr-defined]


def render(path: Path, index: int, scale: float) -> Image.Image:
    return pdfium.PdfDocument(path)[index].render(scale=scale).to_pil().convert("RGB")


def most_colour(path: Path, scale: float = 0.4) -> int:
    """The largest difference between two colour channels of any pixel on any page: 0 for pure grey."""
    most = 0
    for index in range(len(pdfium.PdfDocument(path))):
        red, green, blue = render(path, index, scale).split()
        for a, b in ((red, green), (green, blue), (red, blue)):
            most = max(most, ImageChops.difference(a, b).getextrema()[1])
    return most


class Picture:
    """A page rendered at ``scale``, looked at in PDF points from the page's lower-left corner."""

    def __init__(self, path: Path, index: int, scale: float = 4) -> None:
        self.scale = scale
        self.height = pdfium.PdfDocument(path)[index].get_size()[1]
        self.image = render(path, index, scale)

    def pixel(self, x: float, y: float) -> tuple[int, int, int]:
        return self.image.getpixel((int(x * self.scale), int((self.height - y) * self.scale)))

    def darkest(self, left: float, bottom: float, right: float, top: float) -> int:
        """The darkest grey level (0 black, 255 white) in a rectangle."""
        s = self.scale
        box = (int(left * s), int((self.height - top) * s), int(right * s), int((self.height - bottom) * s))
        return self.image.crop(box).convert("L").getextrema()[0]


# ---- the booklet in reading order ----


@pytest.mark.parametrize(("sections", "pages"), [(TINY, 4), (ONE, 8), (TWO, 12), (ALL, 16), (LONG, 28)])
def test_page_count_is_a_multiple_of_4_and_reported(build: Builds, sections: str, pages: int) -> None:
    booklet = build(sections)
    assert booklet.pages == pages
    assert f"({pages} A5 pages, in reading order)" in booklet.stdout


@pytest.mark.parametrize(
    ("sections", "options", "page_size"),
    [
        (ALL, (), A5),
        (ALL, ("--clinic", str(NORTHSIDE)), HALF_LETTER),
        (TWO, ("--paper", "letter"), HALF_LETTER),
    ],
)
def test_every_page_is_exactly_a5_or_half_letter(
    build: Builds, sections: str, options: tuple[str, ...], page_size: tuple[float, float]
) -> None:
    for page in PdfReader(build(sections, *options).path).pages:
        assert size(page.mediabox) == pytest.approx(page_size, abs=0.01)
        assert size(page.trimbox) == pytest.approx(page_size, abs=0.01)  # no press boxes in reading order


@pytest.mark.parametrize("sections", [ONE, ALL])
def test_cover_first_back_cover_last(build: Builds, sections: str) -> None:
    pages = texts(build(sections).path)
    for line in COVER:
        assert line in pages[0]
    for line in BACK_COVER:
        assert line in pages[-1]
    assert [kind_of(text) for text in pages].count("cover") == 1
    assert [kind_of(text) for text in pages].count("back") == 1


def test_cover_carries_the_title_and_the_clinic(build: Builds) -> None:
    cover = texts(build(ALL).path)[0]
    assert "Your home care plan" in cover
    assert DEMO_CLINIC in cover
    assert "Inside: " + " · ".join(TITLES[s] for s in ALL.split(",")) in cover


@pytest.mark.parametrize(
    ("sections", "options"), [(TWO, ()), (ALL, ()), (LONG, ()), (ALL, ("--clinic", str(NORTHSIDE)))]
)
def test_contents_gives_the_page_each_section_heading_is_on(
    build: Builds, sections: str, options: tuple[str, ...]
) -> None:
    path = build(sections, *options).path
    doc = pdfium.PdfDocument(path)
    contents = doc[1].get_textpage().get_text_range().splitlines()
    assert contents[2] == "Contents"  # under the running header: clinic and title, then the page number
    listed = {}
    for line in contents[3:]:
        match = re.fullmatch(r"(.+?)[ .]+ (\d+)", line.strip())
        assert match, f"not a contents line: {line!r}"
        listed[match[1]] = int(match[2])
    titles = [TITLES[s] for s in sections.split(",")]
    assert list(listed) == titles
    assert list(listed.values()) == heading_pages(path, titles)


@pytest.mark.parametrize("sections", [TINY, ONE])
def test_one_section_has_no_contents_page(build: Builds, sections: str) -> None:
    pages = texts(build(sections).path)
    assert not any("Contents" in text for text in pages)
    assert heading_pages(build(sections).path, [TITLES[sections]]) == [2]


@pytest.mark.parametrize("sections", [ONE, TWO, ALL, LONG])
def test_one_bookmark_per_section_at_its_heading(build: Builds, sections: str) -> None:
    path = build(sections).path
    reader = PdfReader(path)
    titles = [TITLES[s] for s in sections.split(",")]
    assert [item.title for item in reader.outline] == titles
    pages = [reader.get_destination_page_number(item) + 1 for item in reader.outline]
    assert pages == heading_pages(path, titles)


@pytest.mark.parametrize("sections", [TINY, ONE, ALL, LONG])
def test_page_labels_name_the_covers(build: Builds, sections: str) -> None:
    booklet = build(sections)
    expected = ["Cover", *(str(n) for n in range(2, booklet.pages)), "Back cover"]
    assert PdfReader(booklet.path).page_labels == expected
    doc = pdfium.PdfDocument(booklet.path)
    assert [doc.get_page_label(i) for i in range(len(doc))] == expected


@pytest.mark.parametrize(("sections", "title"), [(ONE, TITLES["sleep"]), (ALL, "Your home care plan")])
def test_metadata_title_and_author(build: Builds, sections: str, title: str) -> None:
    reader = PdfReader(build(sections).path)
    assert reader.metadata.title == title
    assert reader.metadata.author == DEMO_CLINIC
    assert reader.metadata.subject == "Patient booklet: " + "; ".join(TITLES[s] for s in sections.split(","))
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_metadata_names_a_clinics_own_name(build: Builds) -> None:
    reader = PdfReader(build(ALL, "--clinic", str(NORTHSIDE)).path)
    assert reader.metadata.author == "Northside Chiropractic & Massage"


@pytest.mark.parametrize("sections", [ONE, ALL])
def test_page_numbers_bold_at_the_outer_foot_and_none_on_the_covers(build: Builds, sections: str) -> None:
    path = build(sections).path
    doc = pdfium.PdfDocument(path)
    for index in range(len(doc)):
        page = doc[index]
        width = page.get_size()[0]
        foot = [c for c in chars(page) if c.y < FOOT]
        number = index + 1
        if number in (1, len(doc)):
            assert page_number(foot) == "", f"page {number} is a cover and has no number"
            continue
        digits = [c for c in foot if c.text.isdigit()]
        assert page_number(digits) == str(number)
        if number % 2:  # a right-hand page: the number ends at the right margin
            assert max(c.right for c in digits) == pytest.approx(width - 15 * MM, abs=2.5)
        else:
            assert min(c.left for c in digits) == pytest.approx(15 * MM, abs=2.5)
        textpage = page.get_textpage()
        weights = {
            pdfium.raw.FPDFText_GetFontWeight(textpage.raw, i)
            for i in range(textpage.count_chars())
            if textpage.get_text_range(i, 1).isdigit() and textpage.get_charbox(i)[1] < FOOT
        }
        assert weights and min(weights) >= 700, f"page {number}: number not bold ({weights})"


PADDED = [
    (TINY, "no contents"),
    ("medium-read", "no contents"),
    ("dislocates", "no contents"),
    (ONE, "no contents"),
    ("sleep,red-flags", "contents"),
    ("sleep,heat-ice,red-flags", "contents"),
    ("posture,dislocates", "contents"),
    (TWO, "contents"),
]


def planned_page(text: str, number: int) -> str | None:
    """Which planned page, if any, page ``number`` is: the notes or questions page holds nothing but the
    running header, its number, its heading and one line saying what it is for; a blank page nothing
    but its number and the note saying it is blank on purpose."""
    if text == f"{number} {BLANK}":
        return BLANK
    match = re.fullmatch(rf"{DEMO_CLINIC} .+ {number} ({NOTES}|{QUESTIONS}|{MORE_NOTES}) [^.]+\.", text)
    return match[1] if match else None


def planned_pages(path: Path) -> list[str | None]:
    """The planned pages from the notes page to the one before the back cover."""
    pages = texts(path)
    notes = [kind_of(text) for text in pages].index(NOTES)
    return [planned_page(text, number) for number, text in enumerate(pages[notes:-1], start=notes + 1)]


@pytest.mark.parametrize(("sections", "contents"), PADDED)
def test_notes_then_questions_then_more_notes_then_a_blank_page_then_the_back_cover(
    build: Builds, sections: str, contents: str
) -> None:
    pages = texts(build(sections).path)
    kinds = [kind_of(text) for text in pages]
    assert len(pages) % 4 == 0
    assert kinds[0] == "cover"
    assert pages[1].startswith(f"{DEMO_CLINIC} ") and ("Contents" in pages[1]) == (contents == "contents")
    notes = kinds.index(NOTES)
    assert kinds[1:notes] == ["text"] * (notes - 1), "the sections run from page 2 to the notes page"
    planned = planned_pages(build(sections).path)
    assert planned[0] == NOTES, f"page {notes + 1} is not a notes page: {pages[notes]!r}"
    assert len(planned) <= 4, "more pages than a multiple of 4 needs"
    padding = {0: [], 1: [QUESTIONS], 2: [QUESTIONS, BLANK], 3: [QUESTIONS, MORE_NOTES, BLANK]}
    assert planned[1:] == padding[len(planned) - 1], "at most one blank page, always the last"
    assert kinds[-1] == "back"


def test_the_padding_cases_cover_every_amount(build: Builds) -> None:
    """The booklets above need 0, 1, 2 and 3 planned pages between notes and back cover, with and
    without a contents page; if the sections change length, pick combinations that still do."""
    amounts = {(contents, len(planned_pages(build(sections).path)) - 1) for sections, contents in PADDED}
    assert {amount for contents, amount in amounts if contents == "contents"} == {0, 1, 2, 3}
    assert {amount for contents, amount in amounts if contents == "no contents"} == {0, 1, 2, 3}


# ---- the imposed sheets for an office printer ----


@pytest.mark.parametrize(
    ("sections", "options", "sheet"),
    [
        (ALL, (), A4_LANDSCAPE),
        (ALL, ("--clinic", str(NORTHSIDE)), LETTER_LANDSCAPE),
        (TWO, ("--paper", "letter"), LETTER_LANDSCAPE),
    ],
)
def test_sheets_are_exactly_landscape_a4_or_letter_two_pages_each(
    build: Builds, sections: str, options: tuple[str, ...], sheet: tuple[float, float]
) -> None:
    booklet = build(sections, *options)
    reader = PdfReader(booklet.printed)
    assert len(reader.pages) == booklet.pages // 2
    for page in reader.pages:
        assert size(page.mediabox) == pytest.approx(sheet, abs=0.01)


IMPOSED = [(TINY, 4), (ONE, 8), (TWO, 12), (ALL, 16), (LONG, 28)]


@pytest.mark.parametrize("flip", ["short", "long"])
@pytest.mark.parametrize(("sections", "pages"), IMPOSED)
def test_each_half_sheet_carries_the_saddle_stitch_page(
    build: Builds, sections: str, pages: int, flip: str
) -> None:
    booklet = build.office(sections, flip)
    assert booklet.pages == pages
    assert sheet_pages(booklet.printed, pages, flip) == expected_sheet_pages(pages, flip)


def test_half_letter_pages_impose_on_letter_sheets_in_order(build: Builds) -> None:
    booklet = build(ALL, "--clinic", str(NORTHSIDE))
    assert sheet_pages(booklet.printed, booklet.pages, "short") == expected_sheet_pages(
        booklet.pages, "short"
    )


def test_long_edge_backs_are_upside_down(build: Builds) -> None:
    """On a turned back each half's running header reads right to left, near the foot of the sheet; on
    a front it reads left to right near the top."""
    doc = pdfium.PdfDocument(build.office(TWO, "long").printed)
    name = DEMO_CLINIC.replace(" ", "")
    for index in range(1, len(doc)):  # the first side carries the covers, which have no running header
        page = doc[index]
        height = page.get_size()[1]
        found = list(chars(page))
        joined = "".join(c.text for c in found)
        starts = [match.start() for match in re.finditer(name, joined)]
        assert starts, f"sheet side {index + 1}: no running header"  # (a blank page has none)
        for start in starts:
            first, last = found[start], found[start + len(name) - 1]
            if index % 2:
                assert last.x < first.x and first.y < 30 * MM, f"sheet side {index + 1} is not turned"
            else:
                assert last.x > first.x and first.y > height - 30 * MM, f"sheet side {index + 1} is turned"


@pytest.mark.parametrize(
    ("sections", "options"), [(ALL, ()), (LONG, ("--flip", "long")), (ALL, ("--clinic", str(NORTHSIDE)))]
)
def test_nothing_is_drawn_near_the_fold(build: Builds, sections: str, options: tuple[str, ...]) -> None:
    """Pages touch at the fold and keep 9 mm (colour) and 15 mm (text) off it: 8 mm either side of it
    stays white paper, so nothing of one page shows on the other; only the fold marks, 3 to 7 mm in from
    the top and bottom edges, are on it."""
    path = build(sections, *options).printed
    for index in range(len(pdfium.PdfDocument(path))):
        picture = Picture(path, index, scale=1)
        fold = picture.image.width / 2
        assert picture.darkest(fold - 8 * MM, 8 * MM, fold + 8 * MM, picture.height - 8 * MM) == 255, (
            f"sheet side {index + 1}"
        )


def test_fold_marks_on_the_outside_of_each_sheet_only(build: Builds) -> None:
    """Grey ticks on the fold at the top and bottom edge of each front (the outside once folded)."""
    path = build(ALL).printed
    for index in range(len(pdfium.PdfDocument(path))):
        picture = Picture(path, index, scale=2)
        fold = picture.image.width / picture.scale / 2
        marks = [
            picture.darkest(fold - 1 * MM, top, fold + 1 * MM, top + 2 * MM)
            for top in (4 * MM, picture.height - 6 * MM)
        ]
        front = index % 2 == 0
        assert all(mark < 200 for mark in marks) if front else marks == [255, 255], f"sheet side {index + 1}"


def number_distances(path: Path, booklet_pages: int, flip: str) -> dict[int, float]:
    """How far each page's number sits from the fold, by page."""
    doc = pdfium.PdfDocument(path)
    distances = {}
    for index, (left, right) in enumerate(sheet_pages(path, booklet_pages, flip)):
        page = doc[index]
        width, height = page.get_size()
        turned = flip == "long" and index % 2 == 1
        foot = [
            c for c in chars(page) if (c.y > height - FOOT if turned else c.y < FOOT) and c.text.isdigit()
        ]
        for number, on_left in ((left, True), (right, False)):
            if number in (1, booklet_pages):
                continue
            digits = [c for c in foot if (c.x < width / 2) == on_left]
            assert page_number(digits, turned) == str(number)
            distances[number] = min(abs(c.x - width / 2) for c in digits)
    return distances


@pytest.mark.parametrize("flip", ["short", "long"])
def test_creep_moves_inner_sheets_toward_the_fold(build: Builds, flip: str) -> None:
    plain, crept = build.office(ALL, flip), build.office(ALL, flip, "--creep", "3mm")
    pages = plain.pages
    before, after = number_distances(plain.printed, pages, flip), number_distances(crept.printed, pages, flip)
    assert before.keys() == after.keys() == set(range(2, pages))
    sheets = saddle_stitch(pages)
    for index, sheet in enumerate(sheets):
        shift = creep_shift(index, len(sheets), 3 * MM)
        for number in (sheet.front.left, sheet.front.right, sheet.back.left, sheet.back.right):
            if number in before:
                assert before[number] - after[number] == pytest.approx(shift, abs=0.05), f"page {number}"
    inner = sheets[-1].back.left
    assert before[inner] - after[inner] == pytest.approx(3 * MM, abs=0.05)
    outer = sheets[0].back.left
    assert before[outer] == pytest.approx(after[outer], abs=0.05)


@pytest.mark.parametrize("flip", ["short", "long"])
def test_creep_leaves_the_page_order_and_reading_file_alone(build: Builds, flip: str) -> None:
    plain, crept = build.office(ALL, flip), build.office(ALL, flip, "--creep", "3mm")
    assert sheet_pages(crept.printed, crept.pages, flip) == expected_sheet_pages(crept.pages, flip)
    assert texts(crept.path) == texts(plain.path)


@pytest.mark.parametrize(
    ("flip", "duplex"), [("short", "/DuplexFlipShortEdge"), ("long", "/DuplexFlipLongEdge")]
)
def test_print_dialog_defaults_to_the_duplex_mode(build: Builds, flip: str, duplex: str) -> None:
    booklet = build.office(TWO, flip)
    preferences = PdfReader(booklet.printed).trailer["/Root"]["/ViewerPreferences"]
    assert preferences["/Duplex"] == duplex
    assert f"flip on the {flip} edge" in booklet.stdout


def test_print_dialog_defaults_to_actual_size(build: Builds) -> None:
    """/PrintScaling /None exactly: a viewer ignores a misspelt value (pikepdf's Name.None_ is /None_)
    and scales the sheet to fit the printer's margins, so that it no longer folds on the middle."""
    preferences = PdfReader(build(TWO).printed).trailer["/Root"]["/ViewerPreferences"]
    assert preferences["/PrintScaling"] == "/None"


@pytest.mark.parametrize(("sections", "sheets"), [(TINY, 1), (TWO, 3), (LONG, 7)])
def test_sheet_sides_are_labelled(build: Builds, sections: str, sheets: int) -> None:
    expected = [f"Sheet {n} {side}" for n in range(1, sheets + 1) for side in ("front", "back")]
    assert PdfReader(build(sections).printed).page_labels == expected


def test_imposed_file_keeps_the_booklets_metadata(build: Builds) -> None:
    booklet = build(TWO)
    imposed, reading = PdfReader(booklet.printed), PdfReader(booklet.path)
    assert imposed.metadata.title == reading.metadata.title == "Your home care plan"
    assert imposed.metadata.author == DEMO_CLINIC
    assert imposed.trailer["/Root"]["/Lang"] == "en"


def test_imposed_file_is_reproducible(build: Builds, tmp_path: Path) -> None:
    first = build(TINY)
    out = tmp_path / "again.pdf"
    assert run("booklet", "--content", str(build.content), "-s", TINY, "-o", str(out)).exit_code == 0
    assert out.read_bytes() == first.path.read_bytes()
    assert out.with_name("again-print.pdf").read_bytes() == first.printed.read_bytes()


# ---- press pages for a print shop ----


@pytest.mark.parametrize(
    ("sections", "options", "trim", "bleed"),
    [
        (TWO, (), A5, 3 * MM),
        (TWO, ("--bleed", "5mm"), A5, 5 * MM),
        (TWO, ("--paper", "letter"), HALF_LETTER, 3 * MM),
        (TINY, ("--bleed", "0.125in"), A5, 9.0),
        (TINY, ("--bleed", "0"), A5, 0.0),
    ],
)
def test_press_boxes(
    build: Builds, sections: str, options: tuple[str, ...], trim: tuple[float, float], bleed: float
) -> None:
    booklet = build(sections, "--press", *options)
    reader = PdfReader(booklet.printed)
    assert len(reader.pages) == booklet.pages
    for page in reader.pages:
        trim_box, bleed_box, media = page.trimbox, page.bleedbox, page.mediabox
        assert size(trim_box) == pytest.approx(trim, abs=0.01)
        grown = [float(v) + d for v, d in zip(trim_box, (-bleed, -bleed, bleed, bleed), strict=True)]
        assert [float(v) for v in bleed_box] == pytest.approx(grown, abs=0.01)
        assert float(media[0]) < float(bleed_box[0]) and float(media[1]) < float(bleed_box[1])
        assert float(media[2]) > float(bleed_box[2]) and float(media[3]) > float(bleed_box[3])
    assert f"with {bleed / MM:g} mm bleed and crop marks" in booklet.stdout


def test_press_pages_read_as_the_booklet(build: Builds) -> None:
    booklet = build(TWO, "--press")
    assert texts(booklet.printed) == texts(booklet.path)
    assert PdfReader(booklet.printed).page_labels == PdfReader(booklet.path).page_labels


@pytest.mark.parametrize("options", [(), ("--bleed", "5mm")])
def test_cover_colour_runs_into_the_bleed_and_stops_there(build: Builds, options: tuple[str, ...]) -> None:
    path = build(TWO, "--press", *options).printed
    page = PdfReader(path).pages[0]
    trim = [float(v) for v in page.trimbox]
    bleed = [float(v) for v in page.bleedbox]
    media = [float(v) for v in page.mediabox]
    cover = Picture(path, 0)
    middle = (trim[0] + trim[2]) / 2
    colour = cover.pixel(middle, trim[3] - 5 * MM)  # inside the trim, in the cover's colour panel
    assert sum(colour) < 600, f"the cover's panel is not coloured: {colour}"
    assert cover.pixel(middle, (trim[3] + bleed[3]) / 2) == colour  # above the trim, in the bleed
    assert cover.pixel((trim[0] + bleed[0]) / 2, trim[3] - 20 * MM) == colour  # left of the trim
    assert cover.pixel((trim[2] + bleed[2]) / 2, trim[3] - 20 * MM) == colour  # right of the trim
    assert cover.pixel(middle, (bleed[3] + media[3]) / 2) == (255, 255, 255)  # beyond the bleed: paper
    back = Picture(path, len(PdfReader(path).pages) - 1)
    strip = back.pixel(middle, trim[1] + 5 * MM)
    assert sum(strip) < 600
    assert back.pixel(middle, (trim[1] + bleed[1]) / 2) == strip  # the back cover's strip, below the trim


@pytest.mark.parametrize("options", [(), ("--bleed", "5mm")])
def test_crop_marks_sit_on_the_trim_lines_outside_the_bleed(build: Builds, options: tuple[str, ...]) -> None:
    """At each corner, a hairline along each trim line, out past the bleed; none within the bleed, where
    the print shop's cut may land. Page 2 has no colour near its edges, so any mark there shows."""
    path = build(TWO, "--press", *options).printed
    page = PdfReader(path).pages[1]
    left, bottom, right, top = (float(v) for v in page.trimbox)
    b_left, b_bottom, b_right, b_top = (float(v) for v in page.bleedbox)
    m_left, m_bottom, m_right, m_top = (float(v) for v in page.mediabox)
    picture = Picture(path, 1)
    gap = 0.5  # points: where a hairline's soft edge may tint a pixel across a boundary
    for x, outside_x, bleed_x in (
        (left, (m_left, b_left), (b_left + gap, left - gap)),
        (right, (b_right, m_right), (right + gap, b_right - gap)),
    ):
        for y, outside_y, bleed_y in (
            (bottom, (m_bottom, b_bottom), (b_bottom + gap, bottom - gap)),
            (top, (b_top, m_top), (top + gap, b_top - gap)),
        ):
            corner = f"corner at ({x:.1f}, {y:.1f})"
            assert picture.darkest(outside_x[0], y - 1, outside_x[1], y + 1) < 128, (
                f"{corner}: no mark across"
            )
            assert picture.darkest(x - 1, outside_y[0], x + 1, outside_y[1]) < 128, f"{corner}: no mark along"
            assert picture.darkest(bleed_x[0], y - 1, bleed_x[1], y + 1) == 255, f"{corner}: mark in bleed"
            assert picture.darkest(x - 1, bleed_y[0], x + 1, bleed_y[1]) == 255, f"{corner}: mark in bleed"


def test_reading_order_pages_have_no_crop_marks(build: Builds) -> None:
    path = build(TWO, "--press").path
    cover = Picture(path, 0)
    width = cover.image.width / cover.scale
    corner = 8 * MM  # the cover's colour keeps 9 mm off the edge on office paper
    for x in (0, width - corner):
        for y in (0, cover.height - corner):
            assert cover.darkest(x, y, x + corner, y + corner) == 255


# ---- grayscale ----


COLOUR_BUILDS = [(ALL, ()), (ALL, ("--clinic", str(NORTHSIDE))), (TWO, ("--press",))]


@pytest.mark.parametrize(("sections", "options"), COLOUR_BUILDS)
def test_grayscale_has_no_colour_in_either_file(
    build: Builds, sections: str, options: tuple[str, ...]
) -> None:
    booklet = build(sections, "--grayscale", *options)
    assert most_colour(booklet.path) <= 2
    assert most_colour(booklet.printed) <= 2
    assert "in grayscale" in booklet.stdout


@pytest.mark.parametrize(("sections", "options"), COLOUR_BUILDS)
def test_a_colour_build_has_colour_so_the_grayscale_check_means_something(
    build: Builds, sections: str, options: tuple[str, ...]
) -> None:
    booklet = build(sections, *options)
    assert most_colour(booklet.path) > 50
    assert most_colour(booklet.printed) > 50


def picture_clinic(folder: Path) -> Path:
    """A clinic whose own pictures replace the sleep section's: a JPEG photo, a PNG with transparency, and
    an SVG holding a PNG of its own, each in strong colour, and a colour PNG logo."""
    clinic = folder / "picture-clinic"
    images = clinic / "images"
    images.mkdir(parents=True)
    Image.new("RGB", (300, 200), (220, 30, 30)).save(images / "sleep-back.jpg")
    Image.new("RGBA", (300, 200), (30, 30, 220, 160)).save(images / "sleep-side.png")
    embedded = io.BytesIO()
    Image.new("RGB", (50, 50), (30, 200, 30)).save(embedded, "PNG")
    data = base64.b64encode(embedded.getvalue()).decode()
    (images / "sleep-stomach.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        ' width="300" height="120" viewBox="0 0 300 120">'
        f'<image x="10" y="10" width="100" height="100" xlink:href="data:image/png;base64,{data}"/>'
        '<circle cx="200" cy="60" r="40" fill="orange"/></svg>'
    )
    Image.new("RGB", (600, 200), (240, 120, 0)).save(clinic / "logo.png")
    (clinic / "clinic.yaml").write_text('name: Picture Clinic\nlogo: logo.png\nphone: "555 0100"\n')
    return clinic


def test_grayscale_turns_photos_and_pictures_inside_svg_files_grey(workdir: Path) -> None:
    clinic = picture_clinic(workdir)
    common = ("booklet", "-s", "sleep", "--clinic", str(clinic))
    assert run(*common, "-o", "colour.pdf").exit_code == 0
    assert most_colour(workdir / "colour.pdf") > 100, "the pictures are in colour to begin with"
    assert run(*common, "--grayscale", "-o", "grey.pdf").exit_code == 0
    assert most_colour(workdir / "grey.pdf") <= 2
    assert most_colour(workdir / "grey-print.pdf") <= 2


# ---- the command's messages ----


def test_office_output_reports_both_files(workdir: Path, build: Builds) -> None:
    result = run("booklet", "--content", str(build.content), "-s", TINY, "-o", "out/tiny.pdf")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Wrote out/tiny.pdf (4 A5 pages, in reading order)",
        "Wrote out/tiny-print.pdf (1 A4 sheet, landscape). Print it on both sides, flip on the short edge,"
        " at actual size; fold and staple.",
    ]
    assert sorted(p.name for p in (workdir / "out").iterdir()) == ["tiny-print.pdf", "tiny.pdf"]


def test_press_output_reports_both_files(workdir: Path, build: Builds) -> None:
    args = ["-s", TINY, "-o", "b.pdf", "--paper", "letter", "--press", "--bleed", "5mm", "--grayscale"]
    result = run("booklet", "--content", str(build.content), *args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Wrote b.pdf (4 half-letter pages, in grayscale, in reading order)",
        "Wrote b-press.pdf (4 half-letter pages with 5 mm bleed and crop marks, in grayscale)"
        " for a print shop.",
    ]
    assert sorted(p.name for p in workdir.iterdir()) == ["b-press.pdf", "b.pdf"]


@pytest.mark.parametrize(
    ("sections", "options", "sheets"),
    [
        (TWO, (), "3 A4 sheets"),
        (ALL, ("--clinic", str(NORTHSIDE)), "4 US Letter sheets"),
        (LONG, (), "7 A4 sheets"),
    ],
)
def test_office_output_counts_sheets(
    build: Builds, sections: str, options: tuple[str, ...], sheets: str
) -> None:
    lines = build(sections, *options).stdout.splitlines()
    assert len(lines) == 2
    assert re.fullmatch(r"Wrote .*booklet\.pdf \(\d+ (A5|half-letter) pages, in reading order\)", lines[0])
    assert re.fullmatch(
        rf"Wrote .*booklet-print\.pdf \({sheets}, landscape\)\. Print it on both .*", lines[1]
    )


PRESS_ONLY = "for office printing only; a print shop imposes --press pages itself, so leave this out"
CREEP_RANGE = "is more than 5 mm; more would push the text into the fold"
USAGE_ERRORS = [
    (("--bleed", "5mm"), "Error: --bleed is for press output; add --press, or leave out --bleed"),
    (("--press", "--flip", "long"), f"Error: --flip: {PRESS_ONLY}"),
    (("--press", "--creep", "2mm"), f"Error: --creep: {PRESS_ONLY}"),
    (("--press", "--flip", "short", "--creep", "1mm"), f"Error: --flip and --creep: {PRESS_ONLY}"),
    (
        ("--creep", "9"),
        f"Error: Invalid value for '--creep': 9 mm {CREEP_RANGE}",
    ),
    (
        ("--creep", "0.2in"),
        f"Error: Invalid value for '--creep': 5.08 mm {CREEP_RANGE}",
    ),
    (
        ("--creep", "1furlong"),
        "Error: Invalid value for '--creep': '1furlong' is not a length; write it like 3mm, 0.125in or 9pt",
    ),
    (
        ("--press", "--bleed", "11mm"),
        "Error: Invalid value for '--bleed': 11 mm is more than 10 mm; print shops ask for about 3mm",
    ),
    (
        ("--press", "--bleed", "3 inches"),
        "Error: Invalid value for '--bleed': '3 inches' is not a length; write it like 3mm, 0.125in or 9pt",
    ),
    (("--flip", "sideways"), "Error: Invalid value for '--flip': 'sideways' is not one of 'short', 'long'."),
]


@pytest.mark.parametrize(("options", "error"), USAGE_ERRORS)
def test_usage_errors_say_what_is_wrong_and_write_nothing(
    workdir: Path, options: tuple[str, ...], error: str
) -> None:
    result = run("booklet", "-s", "sleep", "-o", "out/b.pdf", *options)
    assert result.exit_code == 2
    assert [line for line in result.output.splitlines() if line.startswith("Error")] == [error]
    assert "Traceback" not in result.output
    assert list(workdir.iterdir()) == []


@pytest.mark.parametrize("value", ["-1", "-1mm"])
def test_a_negative_creep_is_a_usage_error(workdir: Path, value: str) -> None:
    result = run("booklet", "-s", "sleep", "-o", "out/b.pdf", "--creep", value)
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert errors == ["Error: Invalid value for '--creep': -1 mm is less than nothing; use 0 to 5 mm"]
    assert list(workdir.iterdir()) == []


def test_unknown_section_is_a_usage_error(workdir: Path) -> None:
    result = run("booklet", "-s", "sleep,slep", "-o", "out/b.pdf")
    assert result.exit_code == 2
    assert result.output == (
        "Error: unknown section 'slep' (did you mean 'sleep'?); run 'handout list' to see all sections\n"
    )
    assert list(workdir.iterdir()) == []


@pytest.mark.parametrize(
    ("options", "blocked", "earlier"),
    [
        ((), "b-print.pdf", None),
        ((), "b-print.pdf", "b.pdf"),
        (("--press",), "b-press.pdf", "b.pdf"),
        ((), "b.pdf", "b-print.pdf"),
    ],
)
def test_a_target_that_is_not_a_pdf_stops_both_files(
    workdir: Path, build: Builds, options: tuple[str, ...], blocked: str, earlier: str | None
) -> None:
    """Both targets are checked before either is written: the other file is neither created nor, if an
    earlier booklet is there, replaced."""
    out = workdir / "out"
    out.mkdir()
    (out / blocked).write_text("my notes\n")
    previous = build(ONE).path.read_bytes()  # not the booklet this build makes
    if earlier:
        (out / earlier).write_bytes(previous)
    result = run("booklet", "--content", str(build.content), "-s", TINY, "-o", "out/b.pdf", *options)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert errors == [f"Error: out/{blocked}: already exists and is not a PDF; choose another output file"]
    assert "Traceback" not in result.output
    assert (out / blocked).read_text() == "my notes\n"
    if earlier:
        assert (out / earlier).read_bytes() == previous
    assert sorted(p.name for p in out.iterdir()) == sorted({blocked, earlier} - {None})


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_large_print_schedule_fits_the_half_size_page_with_no_word_broken(
    lang: str, tmp_path: Path
) -> None:
    pdf = build_booklet(
        ["heat-ice"],
        tmp_path / "b.pdf",
        personal=Personal(
            large_print=True, lang=lang, schedule=ScheduleChoice(start=datetime.date(2026, 3, 4))
        ),
    ).path
    doc = pdfium.PdfDocument(pdf)
    for index in range(len(doc)):
        page = doc[index]
        text = page.get_textpage()
        rightmost = max((text.get_charbox(i)[2] for i in range(text.count_chars())), default=0)
        assert rightmost <= page.get_width() - 15 * MM + 1, f"page {index + 1} runs into the margin"
    lines = [
        line.strip()
        for index in range(len(doc))
        for line in doc[index].get_textpage().get_text_range().splitlines()
    ]
    first_day = "Wed 4 Mar" if lang == "en" else "mié. 4/3"
    assert any(line.startswith(first_day) for line in lines)
    evening = "Evening" if lang == "en" else "Noche"
    assert any(line.endswith(evening) for line in lines)
