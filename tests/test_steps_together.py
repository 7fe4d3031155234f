"""A step's number, its words and its picture always share a page: read back from the PDFs, over a matrix
of builds.

Houts et al. (see the illustration brief) found pictures help most when they sit right by the words they
illustrate; a step whose picture ends one page and whose words start the next is worse than no picture.
The layout promises this (``steps`` / ``_step_row`` in builder/layout/blocks.py and ``Shrinkable`` in
builder/layout/flowables.py: a step row never breaks, and shrinks its pictures to 80 % rather than move),
but a promise in the code that writes the PDF is not evidence; this test reads the PDF back.

Every bundled exercise with pictures is built alone and between other sections (sleep before it and
red-flags after; all of them in one handout), so that its step rows land at different heights on pages
and meet page breaks, on A4, Letter, large print, Spanish and as an A5 booklet (its reading-order PDF).
For each step with a picture, pypdfium2 finds where its words are printed and checks, on that page:

- the words are printed whole on exactly one page (the row was not split between pages);
- the step's number is printed as text just left of the words' first line, at its height, inside a
  drawn shape (the badge's filled circle);
- vector paths (the picture, painted straight into the page) stand directly above the words: the lowest
  of them ends within 15 mm above the first line (4 to 6 mm today), over the words' column, with no
  other text in between (a caption or a heading there would mean the picture belongs to something else).

The header's logo is a drawing too, so paths found at the same place on half the pages are left out.
Checked against layouts broken on purpose in a scratch copy (a page break forced between pictures and
words; a step row that may break between them; a wrong number; no badge circle; words above the
picture; a caption between): each one fails here, most in every build, a row that may break in 21.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from builder.api import FOR_ANYONE, BuildResult, Personal, build_booklet, build_handout, list_sections
from builder.content import Section, Steps
from builder.resources import is_bundled

MM = 72 / 25.4
BEFORE, AFTER = "sleep", "red-flags"  # sections put around an exercise so its steps land elsewhere on a page
NEAR_TEXT = 15 * MM  # the most a step's picture may end above its words (measured: 4 to 6 mm)
BADGE_REACH = 15 * MM  # the most the number may sit left of the words (an 8 mm badge and a 3 mm gap)
COLUMN = 40 * MM  # the least width a step's column has (an A5 booklet's half line is about 56 mm)
LEAST_PATHS = 3  # a line drawing is many paths; one or two could be a rule or a box
LEAST_HEIGHT = 12 * MM  # a step's picture is 42 mm tall, 80 % of it at least (a header logo is 7 mm)


@dataclass(frozen=True)
class Build:
    """One build in the matrix; ``name`` is what pytest prints when it fails."""

    name: str
    sections: tuple[str, ...]
    paper: str | None = None
    personal: Personal = FOR_ANYONE
    booklet: bool = False

    def run(self, folder: Path) -> BuildResult:
        if self.booklet:
            return build_booklet(
                list(self.sections), folder / "booklet.pdf", self.paper, personal=self.personal
            )
        return build_handout(list(self.sections), folder / "handout.pdf", self.paper, personal=self.personal)


def _illustrated(section: Section) -> bool:
    return any(step.image for block in section.blocks if isinstance(block, Steps) for step in block.steps)


def _exercises() -> list[str]:
    """The bundled exercise sections whose steps have pictures."""
    sections = list_sections().sections.values()  # installed or not, bundled sections are ours
    found = [s.id for s in sections if s.kind == "exercise" and is_bundled(s.source) and _illustrated(s)]
    return sorted(found)


EXERCISES = _exercises()
VARIANTS = {
    "a4": {"paper": "a4"},
    "letter": {"paper": "letter"},
    "large-print": {"personal": Personal(large_print=True)},
    "es": {"personal": Personal(lang="es")},
    "booklet": {"booklet": True},
}


def _matrix() -> Iterator[Build]:
    for variant, options in VARIANTS.items():
        for exercise in EXERCISES:
            yield Build(f"{variant}-{exercise}", (exercise,), **options)
            yield Build(f"{variant}-{BEFORE}+{exercise}+{AFTER}", (BEFORE, exercise, AFTER), **options)
        yield Build(f"{variant}-all-exercises", (BEFORE, *EXERCISES, AFTER), **options)
    everything = (BEFORE, *EXERCISES, AFTER)
    yield Build("booklet-letter-large-print-all", everything, "letter", Personal(large_print=True), True)
    yield Build("booklet-es-all", everything, personal=Personal(lang="es"), booklet=True)


BUILDS = list(_matrix())

Box = tuple[float, float, float, float]  # left, bottom, right, top in points, as pdfium gives them


@dataclass(frozen=True)
class StepWords:
    section: str
    number: int
    text: str  # as printed: emphasis marks gone, white space single spaces


@dataclass
class Page:
    """One page read back: its characters with their boxes, its text with white space folded (and where
    each folded character came from), and the boxes of its path objects."""

    number: int
    chars: str
    boxes: list[Box]
    folded: str
    origin: list[int]
    paths: list[Box]
    drawn: list[Box]  # the paths that are not page furniture (header, footer): see ``_without_furniture``

    @classmethod
    def read(cls, number: int, page: pdfium.PdfPage) -> Page:
        textpage = page.get_textpage()
        count = textpage.count_chars()
        chars = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
        boxes = [textpage.get_charbox(i) for i in range(count)]
        folded: list[str] = []
        origin: list[int] = []
        for index, char in enumerate(chars):
            if char.isspace() or char == "\x00":
                if folded and folded[-1] != " ":
                    folded.append(" ")
                    origin.append(index)
                continue
            folded.append(char)
            origin.append(index)
        objects = page.get_objects([pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1)
        paths = [_rounded(obj.get_bounds()) for obj in objects]
        return cls(number, chars, boxes, "".join(folded), origin, paths, paths)

    def find(self, words: str) -> list[int]:
        """The character indices where ``words`` begin on this page, as whole words."""
        pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
        return [self.origin[match.start()] for match in pattern.finditer(self.folded)]

    def first_line(self, start: int, length: int) -> Box:
        """The box around the printed characters from ``start`` to the first line break."""
        line: list[Box] = []
        for index in range(start, len(self.chars)):
            char = self.chars[index]
            if char in "\r\n" or (line and len(line) >= length):
                break
            if not char.isspace():
                line.append(self.boxes[index])
        return (
            min(b[0] for b in line),
            min(b[1] for b in line),
            max(b[2] for b in line),
            max(b[3] for b in line),
        )

    def numbers(self) -> Iterator[tuple[str, Box]]:
        """Every run of digits printed on the page, with the box around it."""
        for match in re.finditer(r"\d+", self.chars):
            boxes = self.boxes[match.start() : match.end()]
            yield (
                match.group(),
                (
                    min(b[0] for b in boxes),
                    min(b[1] for b in boxes),
                    max(b[2] for b in boxes),
                    max(b[3] for b in boxes),
                ),
            )


def _rounded(box: Box) -> Box:
    """To a tenth of a point, so that the same shape drawn at the same place on two pages compares equal."""
    left, bottom, right, top = (round(value, 1) for value in box)
    return left, bottom, right, top


def _without_furniture(pages: list[Page]) -> None:
    """Set each page's ``drawn`` paths: all but those at the same place on half the pages or more.

    The header's logo and rules are paths too, alike on page after page; left in, a logo could pass for
    the picture of a step whose row starts a page without its picture. (Only "half the pages": two
    exercises that each start a page may draw the same chair at the same place.)
    """
    seen = Counter(box for page in pages for box in set(page.paths))
    for page in pages:
        page.drawn = [box for box in page.paths if seen[box] < max(2, len(pages) / 2)]


def _printed(text: str) -> str:
    """A step's words as the PDF prints them: without the **bold** and *italic* marks."""
    return " ".join(re.sub(r"\*+", "", text).split())


def _steps(result: BuildResult) -> list[StepWords]:
    """Every step with a picture in the build, in the language it was printed in."""
    found: list[StepWords] = []
    for section in result.sections:
        for block in section.blocks:
            if isinstance(block, Steps):
                found += [
                    StepWords(section.id, number, _printed(step.text))
                    for number, step in enumerate(block.steps, start=1)
                    if step.image
                ]
    return found


def _overlaps(box: Box, left: float, right: float) -> bool:
    return box[2] > left and box[0] < right


def _problems_at(page: Page, start: int, step: StepWords) -> list[str]:
    """What is wrong with the step printed at character ``start`` of ``page``: nothing, if its number is
    beside its words and its picture right above them."""
    where = f"page {page.number}, {step.section} step {step.number} ({step.text[:30]!r})"
    left, bottom, right, top = page.first_line(start, len(step.text))
    problems: list[str] = []
    beside = [
        (text, box)
        for text, box in page.numbers()
        if left - BADGE_REACH <= box[2] <= left and bottom - 2 * MM <= (box[1] + box[3]) / 2 <= top + 2 * MM
    ]
    if [text for text, _ in beside] != [str(step.number)]:
        problems.append(f"{where}: the numbers just left of its words are {[t for t, _ in beside]}")
        badge_left = left - BADGE_REACH
    else:
        number = beside[0][1]
        badge_left = number[0] - 5 * MM
        circles = [
            p
            for p in page.paths
            if p[0] <= number[0] and p[1] <= number[1] and p[2] >= number[2] and p[3] >= number[3]
        ]
        if not circles:
            problems.append(f"{where}: its number {step.number} is not inside a drawn badge")
    column = (badge_left, max(right, badge_left + COLUMN))
    above = [p for p in page.drawn if p[1] >= top - 0.5 * MM and _overlaps(p, *column)]
    if not above:
        return [*problems, f"{where}: no drawing anywhere above its words"]
    lowest = min(p[1] for p in above)
    picture = [p for p in above if p[1] <= top + NEAR_TEXT]
    if len(picture) < LEAST_PATHS or max(p[3] for p in picture) - lowest < LEAST_HEIGHT:
        problems.append(
            f"{where}: no picture right above its words (the nearest drawing ends"
            f" {(lowest - top) / MM:.0f} mm above them)"
        )
        return problems
    between = [
        page.chars[i]
        for i, box in enumerate(page.boxes)
        if not page.chars[i].isspace()
        and top + 0.5 * MM < box[1]
        and box[3] < lowest
        and _overlaps(box, *column)
    ]
    if between:
        problems.append(f"{where}: text {''.join(between)!r} between its picture and its words")
    return problems


@pytest.mark.parametrize("build", BUILDS, ids=[b.name for b in BUILDS])
def test_each_step_is_printed_with_its_number_and_picture(build: Build, tmp_path: Path) -> None:
    result = build.run(tmp_path)
    pdf = pdfium.PdfDocument(result.path)
    pages = [Page.read(number, page) for number, page in enumerate(pdf, start=1)]
    _without_furniture(pages)
    steps = _steps(result)
    assert steps, f"{build.name}: no steps with pictures in {build.sections}"
    problems: list[str] = []
    for step in steps:
        same_words = sum(other.text == step.text for other in steps)
        found = [(page, start) for page in pages for start in page.find(step.text)]
        if len(found) != same_words:
            shown = [page.number for page, _ in found]
            problems.append(
                f"{step.section} step {step.number} ({step.text[:30]!r}): printed whole on pages {shown},"
                f" expected {same_words} time(s) on one page"
            )
            continue
        faults = [_problems_at(page, start, step) for page, start in found]
        if all(faults):  # steps with the same words (none today): one of their places must be this step's
            problems += faults[0]
    assert not problems, f"{build.name}:\n" + "\n".join(problems)
