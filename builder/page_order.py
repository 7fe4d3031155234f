"""The page-order maths of a saddle-stitched booklet: which pages share a sheet, and how far creep moves them.

Pure functions of numbers, so that the one thing that must never be wrong on paper can be tested alone.
Pages are numbered from 1 in reading order; sheets from the outside of the booklet (sheet 0 carries the
covers).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Side:
    """One side of a sheet as it lies flat, printed side up: the page on the left half and on the right."""

    left: int
    right: int


@dataclass(frozen=True)
class Sheet:
    front: Side
    back: Side


def saddle_stitch(pages: int) -> tuple[Sheet, ...]:
    """The sheets of a booklet of ``pages`` pages (a multiple of 4), from the outside in.

    Sheet s carries pages n-2s and 2s+1 on its front, 2s+2 and n-2s-1 on its back: printed on both sides,
    stacked in order, folded and stapled through the middle, the pages read 1, 2, 3 ... n.
    """
    if pages < 4 or pages % 4:
        raise ValueError(f"a saddle-stitched booklet has a multiple of 4 pages, not {pages}")
    return tuple(
        Sheet(Side(pages - 2 * s, 2 * s + 1), Side(2 * s + 2, pages - 2 * s - 1)) for s in range(pages // 4)
    )


def creep_shift(sheet: int, sheets: int, creep: float) -> float:
    """How far the pages of ``sheet`` move toward the fold: nothing on the outer sheet, growing evenly to
    ``creep`` on the innermost, whose pages would otherwise stick out furthest once folded."""
    return creep * sheet / (sheets - 1) if sheets > 1 else 0.0
