"""The page-order maths of a saddle-stitched booklet, alone: which pages share a sheet, and creep."""

from __future__ import annotations

import itertools

import pytest

from builder.page_order import Sheet, creep_shift, saddle_stitch

LENGTHS = range(4, 65, 4)


def fold_and_read(sheets: tuple[Sheet, ...]) -> list[int]:
    """The pages in the order a reader meets them, after the sheets are printed, stacked and folded.

    The sheets lie printed side up, outer sheet at the bottom; folding the stack on the middle puts
    every sheet's right half in front of the fold and its left half behind it. Turning the pages, a
    reader first goes through the right halves from the outer sheet in: each shows the front's right
    page, then, turned over, what was printed behind it: the back's left page (a flip on the short edge
    turns the sheet over left to right). Past the middle come the left halves from the inner sheet
    out: the back's right page, then, behind it, the front's left page.
    """
    first_half = [page for sheet in sheets for page in (sheet.front.right, sheet.back.left)]
    second_half = [page for sheet in reversed(sheets) for page in (sheet.back.right, sheet.front.left)]
    return first_half + second_half


@pytest.mark.parametrize("pages", LENGTHS)
def test_every_page_is_on_exactly_one_half_of_one_sheet(pages: int) -> None:
    sheets = saddle_stitch(pages)
    assert len(sheets) == pages // 4
    placed = [
        page for sheet in sheets for side in (sheet.front, sheet.back) for page in (side.left, side.right)
    ]
    assert sorted(placed) == list(range(1, pages + 1))


@pytest.mark.parametrize("pages", LENGTHS)
def test_sheets_follow_the_saddle_stitch_formulas(pages: int) -> None:
    for s, sheet in enumerate(saddle_stitch(pages)):
        assert (sheet.front.left, sheet.front.right) == (pages - 2 * s, 2 * s + 1)
        assert (sheet.back.left, sheet.back.right) == (2 * s + 2, pages - 2 * s - 1)


@pytest.mark.parametrize("pages", LENGTHS)
def test_facing_pages_add_up_to_one_more_than_the_page_count(pages: int) -> None:
    """Pages that share a side of a sheet sit either side of the fold: page p faces page n + 1 - p,
    and the odd page (a right-hand page in the booklet) is always on the right on the front."""
    for sheet in saddle_stitch(pages):
        for side in (sheet.front, sheet.back):
            assert side.left + side.right == pages + 1
        assert sheet.front.right % 2 == 1
        assert sheet.back.left % 2 == 0


@pytest.mark.parametrize("pages", LENGTHS)
def test_folded_stack_reads_one_to_n(pages: int) -> None:
    assert fold_and_read(saddle_stitch(pages)) == list(range(1, pages + 1))


def test_covers_are_on_the_outer_sheet() -> None:
    outer = saddle_stitch(12)[0]
    assert (outer.front.left, outer.front.right) == (12, 1)  # back cover | front cover
    assert (outer.back.left, outer.back.right) == (2, 11)


@pytest.mark.parametrize("pages", [0, 2, 3, 6, 10, 1, -4, 66])
def test_a_count_that_is_not_a_positive_multiple_of_4_is_refused(pages: int) -> None:
    with pytest.raises(ValueError, match=f"multiple of 4 pages, not {pages}"):
        saddle_stitch(pages)


@pytest.mark.parametrize("sheets", [2, 3, 4, 7, 16])
def test_creep_grows_evenly_from_nothing_outside_to_all_of_it_innermost(sheets: int) -> None:
    creep = 8.5  # points: 3 mm
    shifts = [creep_shift(sheet, sheets, creep) for sheet in range(sheets)]
    assert shifts[0] == 0
    assert shifts[-1] == pytest.approx(creep)
    step = creep / (sheets - 1)
    assert [b - a for a, b in itertools.pairwise(shifts)] == pytest.approx([step] * (sheets - 1))


def test_creep_of_a_one_sheet_booklet_is_nothing() -> None:
    assert creep_shift(0, 1, 8.5) == 0


def test_no_creep_moves_nothing() -> None:
    assert [creep_shift(sheet, 5, 0.0) for sheet in range(5)] == [0] * 5
