"""How well the pages of everyday handouts and booklets are filled, measured from the PDFs; prints a table.

    python benchmarks/page_fill.py                      # the whole matrix, about 115 builds
    python benchmarks/page_fill.py --only letter/       # the builds whose name contains "letter/"
    python benchmarks/page_fill.py --json fill.json --png pages/   # per-file results; PNGs of thin pages

It is the instrument for wasted page space, so it reads what the paper shows, not what the layout code
believes. Each page is rendered in grey at 36 dpi and the lowest row with ink (anything clearly darker
than white, tinted box backgrounds included) between the frame's top and bottom is found; the frame is
the project's own geometry (``PageGeometry`` with the footer height the build used, page one's taller
header included; ``BookletGeometry`` for booklets). A page's fill is (frame top - lowest ink) / frame
height. The "ideal" page count is the fewest pages a perfect packing of the same used heights would
need; for a booklet only its section pages are packed, and its total is rounded up to a multiple of 4.

A booklet's pages are told apart by the words their frames open with (pypdfium2's text of the frame,
so the running header is left out): the cover is page 1 and the back cover the last; a contents page
is page 2 when it opens with "Contents"; from the first page opening with "My notes" on, each page
must open with "My notes", "Questions for my next visit", "More notes" or "This page is intentionally
blank" (or their Spanish words, from builder/words.py); the pages between are the section pages.

Flagged per file: pages under 60 % full (the last page of the content and a booklet's fixed pages are
not counted); a page whose frame opens with the closing contact panel's title ("Questions? Contact
us"), i.e. holds nothing else; booklet padding pages (questions, more notes, blank) that a tighter
packing would not have needed. Targets: at most 3 % of counted pages under 60 %, at most 0.1 extra
pages per file, no panel-only pages, no avoidable padding. The ideal is a lower bound: it knows nothing
of the page breaks made on purpose (the exercise log's fresh page, large print's page per exercise).
"build time" adds up each file's build in its process (two processes share the machine's cores), to
compare with another tree's. It is a report, not a test: the exit code is always 0.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import yaml
from PIL import Image, ImageDraw

import builder.layout.render as render
from builder.api import (
    BookletResult,
    BuildResult,
    Personal,
    build_booklet,
    build_handout,
    build_plan,
    init_clinic,
)
from builder.layout.booklet_pages import SIDE, BookletGeometry
from builder.layout.pages import EDGE, MARGIN, PageGeometry
from builder.patient import Patient
from builder.words import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
NORTHSIDE = ROOT / "examples" / "northside-chiropractic"
HARBOURVIEW = "harbourview-physio"  # a clinic straight from `handout init`, made in the temporary folder
DPI = 36  # 2 points a pixel row: ample for a fill in per cent, and fast
PNG_DPI = 60
INK = 250  # grey levels at or below this are ink; white paper renders 255, the palest box tint about 240
RULE_INK = 230  # the footer's rule, one point thick, renders at least this dark across the frame
FULL = 0.60  # a page under this share of its frame is flagged
TARGETS = {"under": 0.03, "extra": 0.10, "panel": 0, "padding": 0}
PADDING = ("questions", "more notes", "blank")
FIXED = ("cover", "contents", "notes", "back")
CONTENT = "content"

PLANS = ("neck-and-sleep", "upper-back-starter")  # a handout, and a booklet
COMBINATIONS: tuple[tuple[tuple[str, ...], bool], ...] = (  # (sections, with the exercise log)
    (("sleep", "dislocates"), False),
    (("doorway-chest-stretch", "red-flags"), False),
    (("heat-ice", "red-flags"), False),
    (("chin-tuck", "red-flags"), False),
    (("upper-back-pain", "spasms", "heat-ice", "red-flags"), False),
    (("chin-tuck", "neck-range-of-motion", "neck-care", "red-flags"), False),
    (("posture", "shoulder-blade-squeeze", "thoracic-extension", "foam-roller", "red-flags"), False),
    (("dislocates", "shoulder-blade-squeeze", "red-flags"), True),
    (("sleep", "dislocates", "heat-ice", "red-flags"), False),
    (("muscle-knots", "warm-bath", "heat-ice"), False),
    (("chronic-pain", "physical-therapy", "warm-water"), False),
    (("thoracic-extension", "foam-roller", "red-flags"), False),
    (("neck-care", "sleep", "red-flags"), False),
)
BOOKLETS = {
    4: ("sleep", "dislocates", "heat-ice", "red-flags"),
    6: ("upper-back-pain", "spasms", "shoulder-blade-squeeze", "heat-ice", "sleep", "red-flags"),
    8: (
        "upper-back-pain",
        "posture",
        "chin-tuck",
        "shoulder-blade-squeeze",
        "thoracic-extension",
        "heat-ice",
        "sleep",
        "red-flags",
    ),
}
NO_ONE = Patient()  # lines to fill in by hand
A_PATIENT = Patient(
    "Ana Ruiz", "Sam Lee", note="Go gently on the left side; stop if the tingling comes back."
)


@dataclass(frozen=True)
class Variant:
    """One way of printing the everyday combinations: paper, clinic, large print, language."""

    name: str
    paper: str | None = "a4"
    clinic: str | None = None
    """None: the demo clinic; "northside": the example clinic, with its QR code and its own font;
    HARBOURVIEW: a clinic as `handout init` makes it (phone and hours, no logo, no QR code)."""
    large_print: bool = False
    lang: str = "en"


VARIANTS = (
    Variant("a4"),
    Variant("letter", paper="letter"),
    Variant("large", large_print=True),
    Variant("es", lang="es"),
    Variant("northside", paper=None, clinic="northside"),  # its own paper: letter
    Variant("harbourview", paper="letter", clinic=HARBOURVIEW),
)


@dataclass(frozen=True)
class Case:
    """One build of the matrix, picklable for the process pool."""

    name: str
    sections: tuple[str, ...] = ()
    plan: str | None = None
    booklet: bool = False
    variant: Variant = VARIANTS[0]
    log: bool = False
    patient: Patient = NO_ONE


@dataclass
class PageFill:
    number: int
    kind: str
    """CONTENT, or a booklet's fixed page: cover, contents, notes, questions, more notes, blank, back."""
    fill: float
    used: float
    """Points from the frame's top to the lowest ink."""
    top: float
    bottom: float
    """The frame's top and bottom, in points from the page's foot."""
    counted: bool = False
    """Whether it counts toward pages under 60 % and the mean fill (content, and not the last)."""
    panel_only: bool = False


@dataclass
class FileFill:
    name: str
    kind: str
    paper: str = ""
    pages: int = 0
    ideal: int = 0
    avoidable_padding: int = 0
    seconds: float = 0.0
    page_fills: list[PageFill] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def extra(self) -> int:
        return self.pages - self.ideal

    @property
    def under(self) -> list[PageFill]:
        return [page for page in self.page_fills if page.counted and page.fill < FULL]

    @property
    def panel_only(self) -> list[PageFill]:
        return [page for page in self.page_fills if page.panel_only]


def matrix() -> list[Case]:
    """Every section alone on A4; the everyday combinations and both plans in each variant; booklets."""
    ids = sorted(
        yaml.safe_load(path.read_text(encoding="utf-8"))["id"] for path in ROOT.glob("content/*.yaml")
    )
    cases = [Case(f"a4/{section}", (section,)) for section in ids]
    for variant in VARIANTS:
        for sections, log in COMBINATIONS:
            name = f"{variant.name}/{'+'.join(sections)}{'+log' if log else ''}"
            patient = A_PATIENT if len(sections) == 5 else NO_ONE  # one personalised, with a note
            cases.append(Case(name, sections, variant=variant, log=log, patient=patient))
        cases += [Case(f"{variant.name}/plan:{plan}", plan=plan, variant=variant) for plan in PLANS]
    for count, sections in BOOKLETS.items():
        cases.append(Case(f"booklet-a5/{count} sections", sections, booklet=True))
        cases.append(Case(f"booklet-letter/{count} sections", sections, booklet=True, variant=VARIANTS[1]))
    cases.append(Case("booklet-large/8 sections", BOOKLETS[8], booklet=True, variant=VARIANTS[2]))
    return cases


# --- in each worker process ----------------------------------------------------------------------------

_footers: list[float] = []
"""The footer heights the builds in this process used, recorded as ``render_pdf`` measures them."""


def _start_worker() -> None:
    """Quiet the builds' advice (it is not what this measures) and record each handout's footer height,
    so the frame is the one the build laid out in rather than a copy of its arithmetic."""
    logging.disable(logging.WARNING)
    measured: Callable[..., float] = render.footer_height

    def recording(*args: Any, **kwargs: Any) -> float:
        height = measured(*args, **kwargs)
        _footers.append(height)
        return height

    render.footer_height = recording


def run_case(case: Case, folder: Path, png_dir: Path | None) -> FileFill:
    """Build one case and measure its pages. A failure is named in the table, never raised: one broken
    build must not hide the other hundred numbers."""
    result = FileFill(case.name, "booklet" if case.booklet else "handout")
    _footers.clear()
    start = time.perf_counter()
    try:
        built = _build(case, folder)
    except Exception as exc:
        result.error = f"build failed: {type(exc).__name__}: {exc}"
        return result
    result.seconds = time.perf_counter() - start
    result.kind = "booklet" if isinstance(built, BookletResult) else "handout"  # a plan says which
    result.paper = built.paper
    try:
        pdf = pdfium.PdfDocument(str(built.path))  # a booklet's reading-order file, not the one to print
        try:
            if isinstance(built, BookletResult):
                _measure_booklet(pdf, result)
            else:
                if len(_footers) != 1:
                    result.warnings.append(f"expected one footer height, recorded {len(_footers)}")
                _measure_handout(pdf, result, _footers[-1] if _footers else None)
            if png_dir is not None:
                for page in (*result.under, *result.panel_only):
                    _write_png(pdf, page, result.name, png_dir)
        finally:
            pdf.close()
    except Exception as exc:
        result.error = f"measuring failed: {type(exc).__name__}: {exc}"
    return result


def _build(case: Case, folder: Path) -> BuildResult:
    output = folder / f"{_safe(case.name)}.pdf"
    variant = case.variant
    clinic = {None: None, "northside": NORTHSIDE}.get(variant.clinic, folder / HARBOURVIEW)
    personal = Personal(case.patient, log=case.log, large_print=variant.large_print, lang=variant.lang)
    if case.plan:
        return build_plan(case.plan, output, variant.paper, clinic=clinic, personal=personal)
    if case.booklet:
        return build_booklet(list(case.sections), output, variant.paper, clinic=clinic, personal=personal)
    return build_handout(list(case.sections), output, variant.paper, clinic=clinic, personal=personal)


@dataclass(frozen=True)
class Frame:
    """A page's text frame, in points from the page's lower-left corner."""

    left: float
    right: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return self.top - self.bottom


def _measure_handout(pdf: pdfium.PdfDocument, result: FileFill, footer: float | None) -> None:
    width, height = pdf[0].get_size()
    if footer is None:
        result.warnings.append("footer height not recorded; measured with the usual one")
        geometry = PageGeometry(width, height)
    else:
        geometry = PageGeometry(width, height, footer)
    right = MARGIN + geometry.text_width
    first, later = (
        Frame(MARGIN, right, geometry.frame_top(top), geometry.frame_bottom) for top in (True, False)
    )
    panel_titles = tuple(words.contact_us for words in LANGUAGES.values())
    result.pages = len(pdf)
    for index in range(len(pdf)):
        page, frame = pdf[index], first if index == 0 else later
        image = _render(page, DPI)
        fill = _page_fill(image, index + 1, frame, CONTENT)
        fill.counted = index < len(pdf) - 1
        fill.panel_only = index > 0 and _frame_text(page, frame).startswith(panel_titles)
        result.page_fills.append(fill)
        if not _has_rule(image, EDGE + geometry.footer, frame):
            result.warnings.append(f"page {index + 1}: no footer rule where the geometry puts it")
    used = sum(page.used for page in result.page_fills)
    result.ideal = _pages_for(used, first.height, later.height)


def _measure_booklet(pdf: pdfium.PdfDocument, result: FileFill) -> None:
    """Count the section pages only, and the booklet's total as a multiple of 4 (see ``_booklet_kinds``)."""
    width, height = pdf[0].get_size()
    geometry = BookletGeometry(width, height)
    frame = Frame(SIDE, SIDE + geometry.text_width, geometry.frame_top, geometry.frame_bottom)
    result.pages = len(pdf)
    kinds = _booklet_kinds(pdf, frame)
    for index, kind in enumerate(kinds):
        result.page_fills.append(_page_fill(_render(pdf[index], DPI), index + 1, frame, kind))
        if kind == "unknown":
            result.warnings.append(f"page {index + 1}: after the notes, yet not a notes or padding page")
    content = [page for page in result.page_fills if page.kind == CONTENT]
    for page in content[:-1]:
        page.counted = True
    fixed = sum(page.kind in FIXED for page in result.page_fills)
    sections = _pages_for(sum(page.used for page in content), frame.height, frame.height) if content else 0
    result.ideal = 4 * math.ceil((fixed + sections) / 4)
    padding = sum(page.kind in PADDING for page in result.page_fills)
    result.avoidable_padding = max(0, padding - (result.ideal - fixed - sections))


def _booklet_kinds(pdf: pdfium.PdfDocument, frame: Frame) -> list[str]:
    """What each page of a booklet is, in reading order: the cover first and the back cover last; a
    contents page second when its frame opens with the contents title; the section pages; then, from
    the first page opening with "My notes" on, notes and padding pages, each known by its opening words
    (in any language we print)."""
    openings: dict[str, str] = {}
    for words in LANGUAGES.values():
        openings |= {
            words.my_notes: "notes",
            words.questions_title: "questions",
            words.more_notes: "more notes",
            words.blank_page: "blank",
        }
    contents = {words.contents for words in LANGUAGES.values()}
    kinds = ["cover"]
    in_notes = False
    for index in range(1, len(pdf) - 1):
        lines = _frame_text(pdf[index], frame).split("\n")
        opening = openings.get(lines[0])
        in_notes = in_notes or opening == "notes"
        if index == 1 and lines[0] in contents:
            kinds.append("contents")
        elif in_notes:
            kinds.append(opening or "unknown")
        else:
            kinds.append(CONTENT)
    return [*kinds, "back"] if len(pdf) > 1 else kinds


def _pages_for(used: float, first: float, later: float) -> int:
    """The fewest pages holding ``used`` points of content: ``first`` on page one, ``later`` after."""
    if used <= first:
        return 1
    return 1 + math.ceil((used - first) / later - 1e-9)


def _render(page: pdfium.PdfPage, dpi: float, grey: bool = True) -> Image.Image:
    image: Image.Image = page.render(scale=dpi / 72, grayscale=grey).to_pil()
    return image.convert("L" if grey else "RGB")


def _page_fill(image: Image.Image, number: int, frame: Frame, kind: str) -> PageFill:
    """The share of ``frame`` from its top down to the lowest ink inside it, from a render at ``DPI``."""
    scale = DPI / 72
    height = image.height / scale
    top_row = math.floor((height - frame.top) * scale)
    crop = (
        math.floor((frame.left - 3) * scale),  # a box's border may sit a hair outside the frame
        top_row,
        math.ceil((frame.right + 3) * scale),
        math.ceil((height - frame.bottom) * scale),
    )
    ink = image.crop(crop).point(lambda value: 255 if value <= INK else 0).getbbox()
    lowest = frame.top if ink is None else height - (top_row + ink[3]) / scale
    used = min(max(frame.top - lowest, 0.0), frame.height)
    return PageFill(number, kind, used / frame.height, used, frame.top, frame.bottom)


def _frame_text(page: pdfium.PdfPage, frame: Frame) -> str:
    """The text inside the frame, one line each, without what the header and footer print."""
    text = page.get_textpage().get_text_bounded(0, frame.bottom - 1, page.get_width(), frame.top + 1)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _has_rule(image: Image.Image, rule: float, frame: Frame) -> bool:
    """Whether the footer's rule is on the paper at ``rule`` points from the foot, where the geometry
    says the footer starts: a check that the recorded frame is the one the page was laid out in."""
    scale = DPI / 72
    row = (image.height / scale - rule) * scale
    left, right = math.ceil(frame.left * scale), math.floor(frame.right * scale)
    for y in range(math.floor(row) - 1, math.ceil(row) + 2):
        line = image.crop((left, y, right, y + 1)).point(lambda value: 255 if value <= RULE_INK else 0)
        if line.histogram()[255] >= 0.9 * (right - left):
            return True
    return False


def _write_png(pdf: pdfium.PdfDocument, page: PageFill, name: str, folder: Path) -> None:
    """The page at 60 dpi with a gauge in its left margin: the frame outlined in blue, the share of it
    counted as used filled in red, down to the lowest ink found."""
    scale = PNG_DPI / 72
    image = _render(pdf[page.number - 1], PNG_DPI, grey=False)
    top = image.height - page.top * scale
    draw = ImageDraw.Draw(image)
    x = round(5 * scale)
    draw.rectangle((x, top, x + 6, image.height - page.bottom * scale), outline=(0, 90, 200))
    if page.used:
        draw.rectangle((x, top, x + 6, top + page.used * scale), fill=(220, 30, 30))
    folder.mkdir(parents=True, exist_ok=True)
    image.save(folder / f"{_safe(name)}-p{page.number}.png")


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9.+-]+", "_", name)


# --- the report ------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--only", metavar="SUBSTRING", help="only the builds whose name contains this")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the per-file results here")
    parser.add_argument(
        "--png", type=Path, metavar="DIR", help="write PNGs (60 dpi) of the flagged pages here"
    )
    options = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        logging.disable(logging.WARNING)
        init_clinic(folder / HARBOURVIEW)
        cases = [case for case in matrix() if not options.only or options.only in case.name]
        workers = min(os.cpu_count() or 1, max(len(cases), 1))
        with ProcessPoolExecutor(workers, initializer=_start_worker) as pool:
            results = list(
                pool.map(run_case, cases, [folder] * len(cases), [options.png] * len(cases), chunksize=1)
            )
    elapsed = time.perf_counter() - started
    _print_table(results)
    _print_totals(results, elapsed, workers)
    if options.json is not None:
        options.json.write_text(json.dumps([_as_json(result) for result in results], indent=2) + "\n")
    return 0


def _print_table(results: list[FileFill]) -> None:
    width = max([len(result.name) for result in results] + [4])
    print(f"{'file':<{width}} {'pages':>5} {'ideal':>5} {'extra':>5}  under 60 %")
    for result in results:
        if result.error:
            print(f"{result.name:<{width}} {'-':>5} {'-':>5} {'-':>5}  {result.error}")
            continue
        flags = [", ".join(f"{page.number} ({page.fill:.0%})" for page in result.under) or "-"]
        flags += [f"panel only: {page.number}" for page in result.panel_only]
        if result.avoidable_padding:
            flags.append(f"avoidable padding: {result.avoidable_padding}")
        flags += [f"warning: {warning}" for warning in result.warnings]
        counts = f"{result.pages:>5} {result.ideal:>5} {result.extra:>5}"
        print(f"{result.name:<{width}} {counts}  {'; '.join(flags)}")


def _print_totals(results: list[FileFill], elapsed: float, workers: int) -> None:
    built = [result for result in results if not result.error]
    counted = [page for result in built for page in result.page_fills if page.counted]
    under = sum(len(result.under) for result in built)
    extra = sum(result.extra for result in built) / len(built) if built else 0.0
    share = under / len(counted) if counted else 0.0
    panel = sum(len(result.panel_only) for result in built)
    padding = sum(result.avoidable_padding for result in built)
    mean_fill = sum(page.fill for page in counted) / len(counted) if counted else 0.0
    failed = len(results) - len(built)

    def verdict(ok: bool) -> str:
        return "OK" if ok else "MISS"

    rows = [
        ("files", f"{len(built)}" + (f" ({failed} failed)" if failed else ""), ""),
        ("pages", f"{sum(result.pages for result in built)}", ""),
        ("ideal pages", f"{sum(result.ideal for result in built)}", ""),
        (
            "extra pages per file (mean)",
            f"{extra:.2f}",
            f"at most {TARGETS['extra']:.1f}  {verdict(extra <= TARGETS['extra'])}",
        ),
        (
            "pages under 60 %",
            f"{under} ({share:.1%} of {len(counted)} counted)",
            f"at most {TARGETS['under']:.0%}  {verdict(share <= TARGETS['under'])}",
        ),
        ("mean fill of counted pages", f"{mean_fill:.1%}", ""),
        ("panel-only pages", f"{panel}", f"0  {verdict(panel <= TARGETS['panel'])}"),
        ("avoidable padding pages", f"{padding}", f"0  {verdict(padding <= TARGETS['padding'])}"),
        ("build time, all files", f"{sum(result.seconds for result in built):.1f} s", ""),
        ("run time", f"{elapsed:.1f} s on {workers} processes", ""),
    ]
    print()
    for label, value, target in rows:
        print(f"{label:<28} {value:<28} {target}".rstrip())


def _as_json(result: FileFill) -> dict[str, Any]:
    data = asdict(result)
    data["page_fills"] = [{**asdict(page), "fill": round(page.fill, 4)} for page in result.page_fills]
    data.update(
        extra=result.extra,
        under_60=[page.number for page in result.under],
        panel_only=[page.number for page in result.panel_only],
        seconds=round(result.seconds, 3),
    )
    return data


if __name__ == "__main__":
    sys.exit(main())
