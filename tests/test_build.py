"""A real build, read back from the PDF: order, paper, metadata, bookmarks, fonts, determinism."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import NameObject

from conftest import first_page_words, fixture, page_texts, run

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


@pytest.fixture(scope="module")
def four_sections(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "all.pdf"
    result = run("build", "--sections", "red-flags,sleep,dislocates,heat-ice", "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def test_default_output_goes_to_output_folder_and_reports_pages(workdir: Path) -> None:
    result = run("build", "--sections", "sleep,dislocates")
    pages = len(PdfReader(workdir / "output" / "handout.pdf").pages)
    assert result.exit_code == 0
    assert result.stdout == f"Wrote output/handout.pdf ({pages} pages, A4)\n"


def test_sections_print_in_the_order_given(four_sections: Path) -> None:
    text = " ".join(page_texts(four_sections))
    titles = [
        "Know when to get help",
        "Sleep on your side or your back",
        "Shoulder dislocates",
        "Use ice first, then heat",
    ]
    positions = [text.index(title) for title in titles]
    assert positions == sorted(positions)


def test_bookmarks_one_per_section_in_order(four_sections: Path) -> None:
    reader = PdfReader(four_sections)
    titles = [item.title for item in reader.outline]
    assert titles == [
        "Know when to get help",
        "Sleep on your side or your back",
        "Shoulder dislocates: circle a stick overhead",
        "Use ice first, then heat",
    ]
    sleep_page = reader.get_destination_page_number(reader.outline[1])
    assert "Sleep on your side or your back" in reader.pages[sleep_page].extract_text()


def test_metadata_names_the_clinic_sections_and_language(four_sections: Path) -> None:
    reader = PdfReader(four_sections)
    meta = reader.metadata
    assert meta.title == "Your home care plan"
    assert meta.author == "Riverside Physiotherapy"
    assert meta.subject.startswith("Patient handout: Know when to get help; Sleep on your side")
    assert meta["/Keywords"] == "red-flags, sleep, dislocates, heat-ice"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_every_page_has_header_footer_and_page_x_of_y(four_sections: Path) -> None:
    texts = page_texts(four_sections)
    assert len(texts) >= 4
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert "Riverside Physiotherapy" in text
        assert "(555) 010-2030" in text
        assert "does not replace care from your own therapist or doctor" in text
    assert "Name" in texts[0] and "Date" in texts[0]


def test_all_fonts_are_embedded_subsets(four_sections: Path) -> None:
    fonts = {}
    for page in PdfReader(four_sections).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts, "no fonts found"
    for name, font in fonts.items():
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"].get_object()
        assert NameObject("/FontFile2") in descriptor, f"{name} is not embedded"
        assert "AtkinsonHyperlegible" in name and name[7] == "+", f"{name} is not a subset"


@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("letter", LETTER)])
def test_paper_size(workdir: Path, paper: str, size: tuple[float, float]) -> None:
    result = run("build", "--sections", "heat-ice", "--paper", paper, "-o", "plan.pdf")
    assert result.exit_code == 0, result.output
    for page in PdfReader(workdir / "plan.pdf").pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size, abs=0.01)


def test_title_option_sets_title_and_metadata(workdir: Path) -> None:
    run("build", "-s", "heat-ice,red-flags", "--title", "Your upper-back plan", "-o", "visit.pdf")
    reader = PdfReader(workdir / "visit.pdf")
    assert reader.metadata.title == "Your upper-back plan"
    assert reader.pages[0].extract_text().count("Your upper-back plan") >= 1


def test_single_section_takes_its_own_title_once(workdir: Path) -> None:
    run("build", "-s", "heat-ice", "-o", "one.pdf")
    reader = PdfReader(workdir / "one.pdf")
    assert reader.metadata.title == "Use ice first, then heat"
    assert reader.pages[0].extract_text().count("Use ice first, then heat") == 1
    assert [item.title for item in reader.outline] == ["Use ice first, then heat"]


def test_two_builds_are_byte_identical(workdir: Path) -> None:
    run("build", "-s", "sleep,dislocates", "-o", "a.pdf")
    run("build", "-s", "sleep,dislocates", "-o", "b.pdf")
    assert (workdir / "a.pdf").read_bytes() == (workdir / "b.pdf").read_bytes()


def test_text_prints_exactly_as_typed(workdir: Path) -> None:
    result = run("build", "--content", str(fixture("special-characters")), "-s", "symbols", "-o", "s.pdf")
    assert result.exit_code == 0, result.output
    text = first_page_words(workdir / "s.pdf")
    assert 'Café & "quotes" <angle> test' in text
    assert "Use 1 < 2 & 3 > 2 — it's fine." in text
    assert 'Temperature < 40 °C & "warm" isn\'t hot; naïve café señor.' in text
    assert "2 * 3 * 4 = 24" in text
    assert "Ice & rest <20 min>" in text
    assert "**" not in text
    assert "• Yes • No • 10:30 • 3.10 • off" in text  # not True, False, 630, 3.1 and False


def test_content_folder_adds_and_replaces_sections(workdir: Path) -> None:
    result = run("build", "--content", str(fixture("override")), "-s", "sleep,posture", "-o", "own.pdf")
    assert result.exit_code == 0, result.output
    text = " ".join(page_texts(workdir / "own.pdf"))
    assert "Our own advice on sleeping well" in text
    assert "Sit tall at your desk" in text
    assert "Sleep on your side or your back" not in text


def test_repeated_section_prints_once(workdir: Path) -> None:
    run("build", "-s", "red-flags,red-flags", "-o", "r.pdf")
    assert [i.title for i in PdfReader(workdir / "r.pdf").outline] == ["Know when to get help"]


def test_existing_pdf_is_replaced(workdir: Path) -> None:
    run("build", "-s", "sleep", "-o", "h.pdf")
    result = run("build", "-s", "red-flags", "-o", "h.pdf")
    assert result.exit_code == 0
    assert PdfReader(workdir / "h.pdf").metadata.title == "Know when to get help"
    assert [p.name for p in workdir.iterdir()] == ["h.pdf"]


def test_illustrations_print_as_vector_art(four_sections: Path) -> None:
    """No page carries a bitmap: every bundled picture stays sharp at any print size."""
    assert all(len(page.images) == 0 for page in PdfReader(four_sections).pages)


def test_a_weekly_tick_sheet_fits_seven_tick_columns(workdir: Path) -> None:
    result = run("build", "--content", str(fixture("weekly-tick-sheet")), "-s", "weekly", "-o", "w.pdf")
    assert result.exit_code == 0, result.output
    text = first_page_words(workdir / "w.pdf")
    assert "Week How long Mon Tue Wed Thu Fri Sat Sun" in text
    assert "Week 3 20 minutes" in text
