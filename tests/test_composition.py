"""Page breaks chosen as a designer would: boxes break between bullets with their title continued, a
group never leaves a heading at the foot of a page, the contact panel never has a page of its own, and
large print fills its first page. Each test reads the built PDF back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.api import Personal, build_booklet, build_handout, build_plan, list_sections
from builder.content import Callout, Figures, Heading
from builder.content import Paragraph as TextBlock
from builder.content import Table as TableBlock
from builder.layout.blocks import BlockLayout
from builder.layout.styles import make_theme
from builder.words import ENGLISH, SPANISH
from conftest import DATA, page_texts

NORTHSIDE = Path(__file__).parent.parent / "examples" / "northside-chiropractic"
HARBOURVIEW = DATA / "harbourview"
PAGE_NUMBER = re.compile(r"^(Page|Página) \d+ (of|de) \d+$")


def body_lines(path: Path) -> list[list[str]]:
    """Each page's lines without the running header and footer: the lines every page prints (the clinic's
    name, the title, the footer's contacts and small print), and the page number."""
    pages = [[line.strip() for line in text.splitlines() if line.strip()] for text in page_texts(path)]
    furniture = set.intersection(*(set(lines) for lines in pages))
    return [
        [line for line in lines if line not in furniture and not PAGE_NUMBER.match(line)] for lines in pages
    ]


BOX_AT_THE_FOOT = """\
id: box-at-the-foot
title: Know your warning signs
kind: safety
summary: Text that fills most of page one, then a box of eight warning signs.
blocks:
{paragraphs}
  - callout:
      style: stop
      title: Call emergency services now if
      bullets:
{bullets}
"""
SIGNS = [f"Warning sign number {n} is a reason to call for help." for n in range(1, 9)]


def test_a_box_breaks_between_its_bullets_and_repeats_its_title(tmp_path: Path) -> None:
    """A box that would leave a third of page one empty starts there and goes on under its title."""
    content = tmp_path / "content"
    content.mkdir()
    sentence = "Most back pain gets better with time, rest and gentle movement over a few weeks. "
    paragraphs = "\n".join(f"  - paragraph: {sentence * 6}" for _ in range(3))
    bullets = "\n".join(f"        - {sign}" for sign in SIGNS)
    (content / "box-at-the-foot.yaml").write_text(
        BOX_AT_THE_FOOT.format(paragraphs=paragraphs, bullets=bullets)
    )
    output = tmp_path / "box.pdf"
    build_handout(["box-at-the-foot"], output, content_dir=content)
    pages = body_lines(output)
    title = "Call emergency services now if"
    assert title in pages[0]
    assert f"{title} (continued)" in pages[1][:2]  # the first thing on page two, after its icon
    first, second = " ".join(pages[0]), " ".join(pages[1])
    on_first = [sign for sign in SIGNS if sign in first]
    assert len(on_first) >= 2 and on_first == SIGNS[: len(on_first)]  # never a title with a lone bullet
    assert [sign for sign in SIGNS if sign in second] == SIGNS[len(on_first) :]  # the rest, in order
    assert len(SIGNS) - len(on_first) >= 2  # never a lone bullet under "(continued)" either


def test_a_box_of_three_lines_or_fewer_never_breaks() -> None:
    """Two bullets under a title: however little room is left, the box moves whole."""
    from builder.config import load_clinic
    from builder.resources import DEMO_CLINIC

    theme = make_theme(load_clinic(DEMO_CLINIC / "clinic.yaml"))
    layout = BlockLayout(theme, {}, 450, 300)
    short = Callout(
        style="stop", title="Stop if", text="", bullets=("You feel sharp pain.", "You feel dizzy.")
    )
    long = Callout(style="stop", title="Stop if", text="", bullets=tuple(f"Sign {n}." for n in range(1, 7)))
    (short_box,), (long_box,) = layout.callout(short), layout.callout(long)
    height = long_box.wrap(450, 300)[1]
    assert all(short_box.split(450, room) == [] for room in (30, 60, 200, 400))
    assert len(long_box.split(450, height * 0.6)) == 2  # the longer one does break, where room is ample


CLOSING_CASES = {
    "a4": ("a4", None, Personal()),
    "letter": ("letter", None, Personal()),
    "spanish": ("a4", None, Personal(lang="es")),
    "large print": ("a4", None, Personal(large_print=True)),
    "northside": (None, NORTHSIDE, Personal()),
    "harbourview": (None, HARBOURVIEW, Personal()),
}


@pytest.mark.parametrize("case", CLOSING_CASES, ids=list(CLOSING_CASES))
def test_no_page_holds_only_the_contact_panel(tmp_path: Path, case: str) -> None:
    """The neck-and-sleep plan: the panel closes the last section's page, or is left out."""
    paper, clinic, personal = CLOSING_CASES[case]
    output = tmp_path / "plan.pdf"
    result = build_plan("neck-and-sleep", output, paper=paper, clinic=clinic, personal=personal)
    title = (SPANISH if personal.lang == "es" else ENGLISH).contact_us
    pages = body_lines(output)
    assert len(pages) == result.pages
    for lines in pages:
        assert lines, "a page with nothing but its header and footer"
        if title in lines:
            assert lines.index(title) > 0, f"page {pages.index(lines) + 1} opens with the contact panel"


def test_the_contact_panel_goes_under_the_last_section(tmp_path: Path) -> None:
    """A clinic with a QR code: the panel, set tighter where it must be, shares the last page."""
    output = tmp_path / "hv.pdf"
    build_handout(["desk-stretch", "sleep", "red-flags"], output, clinic=HARBOURVIEW)
    last = body_lines(output)[-1]
    assert "Questions? Contact us" in last
    assert any(line.startswith("Most back pain gets better") for line in last)


def test_an_exercise_and_the_warning_signs_take_two_letter_pages(tmp_path: Path) -> None:
    """The clinic manager's example: a short exercise of the clinic's own and red-flags on Letter took
    four pages; they fit two, the exercise on the first, the warning signs on the second. The panel has
    no room left and is left out: every footer has the clinic's phone number."""
    output = tmp_path / "hv.pdf"
    result = build_handout(["desk-stretch", "red-flags"], output, clinic=HARBOURVIEW)
    pages = body_lines(output)
    assert result.pages == len(pages) == 2
    first, second = (" ".join(lines) for lines in pages)
    assert "Desk stretch" in first and "Hold for 5 seconds, then relax." in first
    assert second.startswith("Know when to get help")
    assert "Call your doctor soon if" in second and "(continued)" not in second
    assert all("(555) 013-4400" in text for text in page_texts(output))


def test_large_print_fills_page_one_before_an_exercise(tmp_path: Path) -> None:
    """An exercise after a short section starts on page one when more than half a page is left there."""
    output = tmp_path / "large.pdf"
    build_handout(
        ["chin-tuck", "shoulder-blade-squeeze", "red-flags"], output, personal=Personal(large_print=True)
    )
    pages = body_lines(output)
    second = "Shoulder blade squeeze: pull your shoulders back and down"
    heading_page = next(n for n, lines in enumerate(pages) if any(second.startswith(line) for line in lines))
    assert heading_page > 0  # a new page: page one had too little room left for it
    assert len(" ".join(pages[0]).split()) > 60  # page one holds the first exercise, not only its title


def test_no_page_ends_with_a_heading_in_large_print_booklets(tmp_path: Path) -> None:
    """The kept groups of a heading and its first lines also hold where a group is taller than a page."""
    output = tmp_path / "b.pdf"
    sections = ["upper-back-pain", "posture", "chin-tuck", "heat-ice", "sleep", "red-flags"]
    build_booklet(sections, output, personal=Personal(large_print=True))
    headings = {"Know when to get help", "Use ice first, then heat", "How to do it", "Set up"}
    for number, lines in enumerate(body_lines(output)[2:-1], start=3):  # after the cover and contents
        if lines:
            assert lines[-1] not in headings, f"page {number} ends with the heading {lines[-1]!r}"


def test_the_contact_panel_follows_the_log_where_the_advice_left_no_room(tmp_path: Path) -> None:
    """Spanish, with the exercise log: the last section's page is full, so the panel closes the log."""
    output = tmp_path / "log.pdf"
    personal = Personal(lang="es", log=True)
    build_handout(["sleep", "dislocates", "heat-ice", "red-flags"], output, personal=personal)
    pages = body_lines(output)
    title = SPANISH.contact_us
    holding = [number for number, lines in enumerate(pages) if title in lines]
    assert len(holding) == 1  # printed once, not dropped, not twice
    log_pages = [number for number, lines in enumerate(pages) if SPANISH.log_title in lines]
    assert holding[0] >= log_pages[0] and pages[holding[0]].index(title) > 0


# ---- no heading or lead-in at the foot of a page, across everyday builds ----

LIBRARY = list_sections()
EVERYDAY = [
    ("sleep", "dislocates"),
    ("doorway-chest-stretch", "red-flags"),
    ("upper-back-pain", "spasms", "heat-ice", "red-flags"),
    ("chin-tuck", "neck-range-of-motion", "neck-care", "red-flags"),
    ("posture", "shoulder-blade-squeeze", "thoracic-extension", "foam-roller", "red-flags"),
    ("sleep", "dislocates", "heat-ice", "red-flags"),
]
VARIANTS = {
    "a4": ("handout", {}, Personal()),
    "letter": ("handout", {"paper": "letter"}, Personal()),
    "large-print": ("handout", {}, Personal(large_print=True)),
    "spanish": ("handout", {}, Personal(lang="es")),
    "northside": ("handout", {"clinic": NORTHSIDE}, Personal()),
    "booklet": ("booklet", {}, Personal()),
    "large-print-booklet": ("booklet", {}, Personal(large_print=True)),
}


def boxes(sections: tuple[str, ...], lang: str) -> list[Callout]:
    return [
        block
        for section_id in sections
        for block in LIBRARY.in_language(lang)[section_id].blocks
        if isinstance(block, Callout) and block.bullets
    ]


def plain_text(markup: str) -> str:
    return " ".join(markup.replace("*", "").split())


def openers(sections: tuple[str, ...], lang: str) -> dict[str, str]:
    """What must never be the last text on a page, by its text: each heading, and each paragraph that
    leads in to pictures or a table (before a row of steps too tall for the foot of a page, a lead-in
    may end the page under its heading, and the steps move whole)."""
    found = {}
    for section_id in sections:
        section = LIBRARY.in_language(lang)[section_id]
        found[plain_text(section.title)] = "the heading"
        for block, following in zip(section.blocks, (*section.blocks[1:], None), strict=True):
            if isinstance(block, Heading):
                found[plain_text(block.text)] = "the heading"
            elif isinstance(block, TextBlock) and isinstance(following, (Figures, TableBlock)):
                found[plain_text(block.text)] = "the lead-in"
    return found


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("sections", EVERYDAY, ids=["+".join(s) for s in EVERYDAY])
def test_a_broken_box_keeps_its_bullets_in_twos(
    tmp_path: Path, sections: tuple[str, ...], variant: str
) -> None:
    """Where a box breaks, two bullets go on under "(continued)"; before the break there are two, or one
    under the box's lead-in paragraph, never a title alone with one."""
    kind, options, personal = VARIANTS[variant]
    output = tmp_path / "out.pdf"
    build = build_booklet if kind == "booklet" else build_handout
    build(list(sections), output, personal=personal, **options)
    words = SPANISH if personal.lang == "es" else ENGLISH
    pages = [" ".join(" ".join(lines).split()) for lines in body_lines(output)]
    by_title: dict[
        str, list[tuple[list[str], int]]
    ] = {}  # several sections may have a "Stop if" of their own
    for box in boxes(sections, personal.lang):
        again = " ".join(words.continued.format(title=plain_text(box.title)).split())
        starts = [" ".join(plain_text(b).split())[:30] for b in box.bullets]
        by_title.setdefault(again, []).append((starts, 1 if box.text else 2))
    for again, candidates in by_title.items():
        for number, text in enumerate(pages[1:], start=2):
            if again not in text:
                continue
            before, after = pages[number - 2], text[text.index(again) :]
            assert any(
                sum(start in after for start in starts) >= 2
                and sum(start in before for start in starts) >= least
                for starts, least in candidates
            ), f"page {number - 1} or {number}: too few bullets of {again!r} on one side of its break"


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("sections", EVERYDAY, ids=["+".join(s) for s in EVERYDAY])
def test_no_page_ends_with_a_heading_or_a_lead_in(
    tmp_path: Path, sections: tuple[str, ...], variant: str
) -> None:
    kind, options, personal = VARIANTS[variant]
    output = tmp_path / "out.pdf"
    build = build_booklet if kind == "booklet" else build_handout
    build(list(sections), output, personal=personal, **options)
    ends = openers(sections, personal.lang)
    pages = body_lines(output)
    first, last = 1, len(pages) - 1  # a handout's last page may end as it likes
    if kind == "booklet":  # its sections: after the cover and contents, which list the titles, up to notes
        notes = (SPANISH if personal.lang == "es" else ENGLISH).my_notes
        first, last = 3, next(n for n, lines in enumerate(pages, start=1) if notes in lines) - 2
    for number, lines in enumerate(pages[first - 1 : last], start=first):
        text = [line for line in lines if not line.isdigit()]  # a booklet's folio
        if not text:
            continue
        last = " ".join(text[-1].split())
        for opener, what in ends.items():
            assert not (opener.endswith(last) and len(last) > 3), f"page {number} ends with {what} {opener!r}"
