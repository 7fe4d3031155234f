"""Tables read back from the PDF: their cells found from the ruled grid, their lines from where each
character sits. A short entry ("Day 4", "Tue 1 Dec", "15 to 20 minutes") prints on one line, the same in
every row, on every page size and in large print; no character crosses a rule or the page margin.
"""

from __future__ import annotations

import ctypes
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import reportlab

from builder.resources import DEMO_CLINIC
from conftest import run

MM = 72 / 25.4
MARGINS = {"handout": 21 * MM, "booklet": 15 * MM}  # left and right text margins of a page
RULE = 2.0  # points: a table's rules are hairlines; anything thicker is a box or a background
SLACK = 0.5  # points: how far a glyph's advance may touch a rule (its stroke is 0.6 pt wide)


@dataclass(frozen=True)
class Char:
    index: int
    text: str
    left: float
    right: float
    baseline: float

    @property
    def x(self) -> float:
        return (self.left + self.right) / 2


@dataclass(frozen=True)
class Line:
    """A rule of the grid: a vertical one at ``at`` from ``start`` to ``end`` up the page, or a
    horizontal one at height ``at`` from ``start`` to ``end`` across it."""

    at: float
    start: float
    end: float


@dataclass
class Cell:
    row: int
    column: int
    left: float
    right: float
    bottom: float
    top: float
    lines: list[str]


@dataclass
class Grid:
    """One ruled table on a page: its cells, row by row from the top, and its outer edges."""

    cells: list[Cell]
    left: float
    right: float
    bottom: float
    top: float

    def column(self, index: int) -> list[Cell]:
        return [cell for cell in self.cells if cell.column == index]

    def row(self, index: int) -> list[Cell]:
        return [cell for cell in self.cells if cell.row == index]


@dataclass
class Page:
    number: int
    width: float
    chars: list[Char]
    grids: list[Grid]


def rules(page: pdfium.PdfPage) -> tuple[list[Line], list[Line]]:
    """The page's vertical and horizontal hairlines (a table's GRID draws each as a path of its own)."""
    vertical, horizontal = [], []
    for obj in page.get_objects():
        if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH or pdfium_c.FPDFPath_CountSegments(obj.raw) != 2:
            continue
        left, bottom, right, top = obj.get_bounds()
        if right - left < RULE < top - bottom:
            vertical.append(Line((left + right) / 2, bottom, top))
        elif top - bottom < RULE < right - left:
            horizontal.append(Line((bottom + top) / 2, left, right))
    return vertical, horizontal


def chars(page: pdfium.PdfPage) -> list[Char]:
    """Every printed character, with its advance (not its ink) from left to right and its baseline."""
    textpage = page.get_textpage()
    found = []
    x, y = ctypes.c_double(), ctypes.c_double()
    for index in range(textpage.count_chars()):
        text = textpage.get_text_range(index, 1)
        if not text.strip():
            continue
        left, _, right, _ = textpage.get_charbox(index, loose=True)
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, x, y)
        found.append(Char(index, text, left, right, round(y.value, 1)))
    return found


def grids(vertical: list[Line], horizontal: list[Line], printed: list[Char]) -> list[Grid]:
    """The tables the rules draw: each outer frame, cut into cells by the rules inside it."""
    found: list[Grid] = []
    spans = sorted({(round(line.start, 1), round(line.end, 1)) for line in vertical}, key=lambda s: -s[1])
    outer = [s for s in spans if not any(o[0] <= s[0] and s[1] <= o[1] and o != s for o in spans)]
    for bottom, top in outer:
        inside = [line for line in vertical if bottom - 1 <= line.start and line.end <= top + 1]
        xs = sorted({round(line.at, 1) for line in inside})
        ys = sorted(
            {
                round(line.at, 1)
                for line in horizontal
                if bottom - 1 <= line.at <= top + 1 and line.start < xs[-1]
            },
            reverse=True,
        )
        cells = []
        for row, (upper, lower) in enumerate(pairwise(ys)):
            middle = (upper + lower) / 2
            edges = sorted(
                {x for x in xs if any(v.start <= middle <= v.end for v in inside if round(v.at, 1) == x)}
            )
            for column, (left, right) in enumerate(pairwise(edges)):
                mine = [c for c in printed if left < c.x < right and lower < c.baseline < upper]
                cells.append(Cell(row, column, left, right, lower, upper, text_lines(mine)))
        found.append(Grid(cells, xs[0], xs[-1], ys[-1], ys[0]))
    return found


def text_lines(found: list[Char]) -> list[str]:
    """The characters of one cell as its lines of text, top first, spaces folded."""
    lines: dict[float, list[Char]] = {}
    for char in found:
        lines.setdefault(char.baseline, []).append(char)
    texts = []
    for baseline in sorted(lines, reverse=True):
        line = sorted(lines[baseline], key=lambda c: c.left)
        text = line[0].text
        for before, char in pairwise(line):
            text += (" " if char.left - before.right > 1 or char.index - before.index > 1 else "") + char.text
        texts.append(text)
    return texts


def pages(path: Path) -> Iterator[Page]:
    document = pdfium.PdfDocument(path)
    for number, page in enumerate(document, start=1):
        vertical, horizontal = rules(page)
        printed = chars(page)
        yield Page(
            number, page.get_width(), printed, grids(vertical, horizontal, printed) if vertical else []
        )


def tables(path: Path) -> list[tuple[Page, Grid]]:
    """Every ruled table in the PDF, with the page it is on."""
    return [(page, grid) for page in pages(path) for grid in page.grids]


def assert_inside(page: Page, grid: Grid, margin: float) -> None:
    """No character of the table crosses one of its rules, its outer edge or the page's margin."""
    where = f"page {page.number}"
    assert margin - SLACK <= grid.left and grid.right <= page.width - margin + SLACK, (
        f"{where}: past the margin"
    )
    for char in page.chars:
        if not grid.bottom < char.baseline < grid.top:
            continue
        assert grid.left < char.x < grid.right, f"{where}: {char.text!r} is outside the table"
        for cell in grid.cells:
            if cell.bottom < char.baseline < cell.top and cell.left < char.x < cell.right:
                assert cell.left + SLACK < char.left and char.right < cell.right - SLACK, (
                    f"{where}: {char.text!r} of {cell.lines} runs over a rule"
                )


def schedule(path: Path, margin: float) -> list[list[list[str]]]:
    """The ice-and-heat table's body rows, each cell as its lines, from every page it is on; and every
    table checked to stay inside its cells and the page's margins on the way."""
    rows: list[list[list[str]]] = []
    heading: Grid | None = None  # where the table breaks, its repeated heading row can read as a grid
    for page, grid in tables(path):
        assert_inside(page, grid, margin)
        count = len(grid.cells) // len(grid.row(0))
        if grid.row(0)[0].lines in (["Day"], ["Día"]):
            rows += [[cell.lines for cell in grid.row(row)] for row in range(1, count)]
            heading = grid if count == 1 else None
        elif heading is not None and len(grid.row(0)) == len(heading.row(0)):
            rows += [[cell.lines for cell in grid.row(row)] for row in range(count)]
            heading = None
    assert rows, f"no schedule in {path.name}"
    return rows


DAYS = [f"Day {n}" for n in range(1, 8)]
DIAS = [f"Día {n}" for n in range(1, 8)]
DECEMBER = ["Tue 1 Dec", "Wed 2 Dec", "Thu 3 Dec", "Fri 4 Dec", "Sat 5 Dec", "Sun 6 Dec", "Mon 7 Dec"]
NEW_YEAR = ["Wed 30 Dec", "Thu 31 Dec", "Fri 1 Jan", "Sat 2 Jan", "Sun 3 Jan", "Mon 4 Jan", "Tue 5 Jan"]
MARZO = ["mar. 3/3", "mié. 4/3", "jue. 5/3", "vie. 6/3", "sáb. 7/3", "dom. 8/3", "lun. 9/3"]
ENGLISH = (["Ice"] * 3 + ["Heat"] * 4, "15 to 20 minutes")
SPANISH = (["Hielo"] * 3 + ["Calor"] * 4, "15 a 20 minutos")

SCHEDULES = {  # name: (command and options, the days down the first column, what to use, for how long)
    "a5-booklet": (("booklet",), DAYS, ENGLISH),
    "a5-booklet-dated": (("booklet", "--start", "2026-12-01"), DECEMBER, ENGLISH),
    "a5-booklet-spanish": (("booklet", "--lang", "es"), DIAS, SPANISH),
    "a5-booklet-spanish-dated": (("booklet", "--lang", "es", "--start", "2026-03-03"), MARZO, SPANISH),
    "large-print-dated": (("build", "--large-print", "--start", "2026-12-30"), NEW_YEAR, ENGLISH),
    "large-print-booklet": (("booklet", "--large-print"), DAYS, ENGLISH),
    "large-print-booklet-dated": (("booklet", "--large-print", "--start", "2026-12-01"), DECEMBER, ENGLISH),
    "large-print-booklet-spanish": (("booklet", "--large-print", "--lang", "es"), DIAS, SPANISH),
    "large-print-half-letter-dated": (
        ("booklet", "--large-print", "--paper", "letter", "--start", "2026-12-30"),
        NEW_YEAR,
        ENGLISH,
    ),
}


@pytest.mark.parametrize("name", SCHEDULES)
def test_each_schedule_entry_prints_on_one_line_in_every_row(workdir: Path, name: str) -> None:
    """Each day ("Day 4" as "Day 5", or its date), what to use and for how long ("15 to 20 minutes") on a
    line of its own, in every row; and nothing past a cell's rules or the page's margins."""
    (command, *options), days, (uses, how_long) = SCHEDULES[name]
    result = run(command, "-s", "heat-ice", *options, "-o", str(workdir / "out.pdf"))
    assert result.exit_code == 0, result.output
    rows = schedule(workdir / "out.pdf", MARGINS["booklet" if command == "booklet" else "handout"])
    assert [row[:3] for row in rows] == [
        [[day], [use], [how_long]] for day, use in zip(days, uses, strict=True)
    ]


WALKING = """\
id: walking
title: Walk a little more each week
kind: schedule
summary: A walking plan whose short entries are in bold, beside longer advice.
key_message: Walk a little more each week.
reviewed: 2026-11
blocks:
  - table:
      caption: Your walking plan
      columns: [Week, How long, What to do]
      rows:
        - ["**Week 1**", "**10 minutes**", "Walk **slowly** on flat ground, with a rest halfway."]
        - ["**Week 2**", "**15 minutes**", "Walk at an **easy pace**; a short hill is fine."]
        - ["**Week 3**", "**20 minutes**", "Walk **briskly**, so that you can talk but not sing."]
      tick_columns: [Mon, Tue, Wed, Thu, Fri, Sat, Sun]
"""


@pytest.mark.parametrize(
    "options",
    [("booklet",), ("booklet", "--large-print"), ("build", "--large-print")],
    ids=["a5-booklet", "large-print-booklet", "large-print"],
)
def test_bold_entries_are_measured_in_bold_and_no_word_breaks(
    workdir: Path, options: tuple[str, ...]
) -> None:
    """A bold "Week 2" is wider than a regular one: its column is made wide enough for it, so it stays on
    one line like "Week 1"; the advice beside it wraps between its words, never inside one."""
    (workdir / "content").mkdir()
    (workdir / "content" / "walking.yaml").write_text(WALKING)
    command, *rest = options
    result = run(command, "--content", "content", "-s", "walking", *rest, "-o", str(workdir / "out.pdf"))
    assert result.exit_code == 0, result.output
    [(page, grid)] = tables(workdir / "out.pdf")
    assert_inside(page, grid, MARGINS["booklet" if command == "booklet" else "handout"])
    rows = [[cell.lines for cell in grid.row(row)][:3] for row in (1, 2, 3)]
    assert [row[:2] for row in rows] == [[[f"Week {n}"], [f"{n * 5 + 5} minutes"]] for n in (1, 2, 3)]
    advice = [" ".join(row[2]) for row in rows]
    assert advice == [
        "Walk slowly on flat ground, with a rest halfway.",
        "Walk at an easy pace; a short hill is fine.",
        "Walk briskly, so that you can talk but not sing.",
    ]


def test_a_wide_font_stacks_every_date_of_the_log_alike(workdir: Path) -> None:
    """In a clinic's wide bold face "10 Dec" no longer fits under its weekday where "9 Dec" still does:
    every day of the log then puts each part of its date on a line of its own, in both weeks alike,
    rather than one date breaking and its neighbours not."""
    clinic = workdir / "clinic"
    shutil.copytree(DEMO_CLINIC, clinic)
    vera = Path(reportlab.__file__).parent / "fonts"
    faces = {"regular": "Vera.ttf", "bold": "VeraBd.ttf", "italic": "VeraIt.ttf", "bold_italic": "VeraBI.ttf"}
    (clinic / "fonts").mkdir()
    for name in faces.values():
        shutil.copy(vera / name, clinic / "fonts" / name)
    body = "".join(f"    {face}: fonts/{name}\n" for face, name in faces.items())
    (clinic / "clinic.yaml").write_text((clinic / "clinic.yaml").read_text() + f"fonts:\n  body:\n{body}")
    args = ("--clinic", str(clinic), "-s", "dislocates,chin-tuck,red-flags", "--log", "--start", "2026-12-01")
    result = run("build", *args, "-o", str(workdir / "out.pdf"))
    assert result.exit_code == 0, result.output
    found = tables(workdir / "out.pdf")
    for page, grid in found:
        assert_inside(page, grid, MARGINS["handout"])
    weeks = [grid for _, grid in found if grid.row(0)[0].lines[0].startswith("Week")]
    headings = [cell.lines for grid in weeks for cell in grid.row(0)[1:]]
    dates = [
        f"{day} {n} Dec"
        for n, day in zip(range(1, 15), ["Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Mon"] * 2, strict=True)
    ]
    assert headings == [date.split(" ") for date in dates]
