"""Page breaks read back from the PDF: no heading is left alone at the foot of a page."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import fixture, run

FOOTER_TOP = 80  # points above the bottom edge; footer text sits below this
HEADING_SIZE = 15  # h2 is 15 pt and h1 20 pt; body text, captions and badges are smaller

ORDERS = [",".join(order) for order in permutations(["sleep", "dislocates", "heat-ice", "red-flags"])][::5]


def lowest_body_text(page) -> tuple[float, float, str]:
    """(y, font size, text) of the last line of body text on ``page``, above the footer."""
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None, size: float) -> None:
        y = cm[3] * tm[5] + cm[5]
        if text.strip() and y > FOOTER_TOP:
            found.append((y, size * abs(tm[3]) * abs(cm[3]), text.strip()))

    page.extract_text(visitor_text=visit)
    return min(found)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("order", ORDERS)
def test_no_page_ends_with_a_heading(workdir: Path, order: str, paper: str) -> None:
    run("build", "-s", order, "--paper", paper, "-o", "h.pdf")
    pages = PdfReader(workdir / "h.pdf").pages
    for number, page in enumerate(pages[:-1], start=1):
        _, size, text = lowest_body_text(page)
        assert size < HEADING_SIZE, f"page {number} of {order} ends with the heading {text!r}"


def test_a_callout_longer_than_a_page_breaks_between_bullets(workdir: Path) -> None:
    """Not an empty first page, not lost text: it starts under its title and carries on, titled again."""
    run("build", "--content", str(fixture("long-callout")), "-s", "warning-signs", "-o", "long.pdf")
    texts = [" ".join(page.extract_text().split()) for page in PdfReader(workdir / "long.pdf").pages]
    assert len(texts) == 2
    assert "Warning sign number 1," in texts[0]
    assert all("Call emergency services now if" in text for text in texts)
    for n in range(1, 41):
        assert sum(f"Warning sign number {n}," in text for text in texts) == 1
