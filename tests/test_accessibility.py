"""Tagged PDF/UA-1 output: every handout and reading-order booklet read back as a screen reader would.

Each build below is checked against the machine-checkable Matterhorn conditions a generator controls
(``pdfua.problems``), and every text run on every page is shown to be in the structure or an artifact.
The rest reads the structure back: headings in order, lists with their labels, tables with their header
cells, figures with the content's alt text, page furniture left out, a paragraph or table broken across
pages one element, passages in another language marked so. One build is read by pdf.js, as a browser
hands it to a screen reader.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from pdfjs import pdfjs_reader_fixture  # noqa: F401  (the session fixture `pdfjs_reader`)
from pdfua import marked_text, problems, structure_text
from PIL import Image
from test_images import figures_section, make_clinic

from builder.library import load_library
from conftest import run

NORTHSIDE = Path(__file__).parent.parent / "examples" / "northside-chiropractic"
EVERYDAY = "sleep,dislocates,heat-ice,red-flags"
BUILDS: dict[str, tuple[str, ...]] = {
    "handout": ("build", "-s", EVERYDAY, "--patient", "Ana Ruiz", "--note", "Go gently on the left side"),
    "booklet": ("booklet", "-s", EVERYDAY),
    "spanish": ("build", "-s", "upper-back-pain,heat-ice,red-flags", "--lang", "es"),
    "large print with a log": ("build", "-s", "dislocates,chin-tuck,red-flags", "--large-print", "--log"),
    "large-print booklet": ("booklet", "-s", EVERYDAY, "--large-print"),
    "clinic with a QR code": ("build", "--clinic", str(NORTHSIDE), "-s", "chin-tuck,heat-ice,red-flags"),
    "a table split across pages": ("booklet", "-s", "sleep,heat-ice,red-flags", "--lang", "es"),
    "grey booklet": ("booklet", "-s", "sleep,dislocates", "--grayscale"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Each build of ``BUILDS`` (or "own photos": a clinic's own section with photos), made once."""
    folder = tmp_path_factory.mktemp("tagged")
    made: dict[str, Path] = {}

    def build(name: str) -> Path:
        if name not in made:
            out = folder / f"{len(made)}.pdf"
            args = {"own photos": own_photos, "long read": long_read}.get(name, lambda _: BUILDS[name])(
                folder
            )
            result = run(*args, "-o", str(out))
            assert result.exit_code == 0, result.output
            made[name] = out
        return made[name]

    return build


def own_photos(folder: Path) -> tuple[str, ...]:
    """A clinic whose own section has two steps and a figure, all photos (JPEG, PNG)."""
    clinic = make_clinic(folder / "clinic", section=figures_section("side.jpg", steps=("a.png", "b.jpg")))
    for name, colour in (("side.jpg", (200, 80, 40)), ("a.png", (40, 90, 200)), ("b.jpg", (30, 160, 90))):
        Image.new("RGB", (400, 300), colour).save(clinic / "images" / name)
    return ("build", "--clinic", str(clinic), "-s", "photos,red-flags")


def long_read(folder: Path) -> tuple[str, ...]:
    """A section of one paragraph after another, some of which break across a page."""
    content = folder / "long" / "content"
    content.mkdir(parents=True)
    sentence = "Walk a little every day and rest when you need to."
    blocks = "".join(f"  - paragraph: {' '.join([sentence] * (5 + n % 7))}\n" for n in range(12))
    head = "id: long-read\ntitle: A long read\nkind: tips\nsummary: Many paragraphs.\nreviewed: 2026-11\n"
    (content / "long-read.yaml").write_text(f"{head}blocks:\n{blocks}")
    return ("booklet", "--content", str(content), "-s", "long-read")


ALL = [*BUILDS, "own photos", "long read"]


@pytest.mark.parametrize("name", ALL)
def test_the_file_meets_pdf_ua(built: Callable[[str], Path], name: str) -> None:
    assert problems(built(name)) == []


@pytest.mark.parametrize("name", ALL)
def test_every_text_run_is_in_the_structure_or_an_artifact(built: Callable[[str], Path], name: str) -> None:
    pages = marked_text(built(name))
    assert [text for page in pages for text in page.untagged] == []
    assert all(page.mcids for page in pages), "a page with nothing in the structure"


@pytest.mark.parametrize("name", ALL)
def test_page_furniture_is_left_out_and_the_body_is_all_read(built: Callable[[str], Path], name: str) -> None:
    """What a page shows outside the structure is its header, footer, page number, the dots of the
    contents and a box's title repeated after a break; all the rest of its text is in the structure."""
    path = built(name)
    spoken = " ".join(text for _, text in structure_text(path))
    with pikepdf.open(path) as pdf:
        pages = len(pdf.pages)
    artifacts = " ".join(text for page in marked_text(path) for text in page.artifacts)
    assert "Page 1 of" not in spoken and "Página 1 de" not in spoken
    if name == "long read" or BUILDS.get(name, ("",))[0] == "booklet":
        assert all(str(n) in artifacts for n in range(2, pages))  # the page numbers
    else:
        assert f"Page {pages} of {pages}" in artifacts or f"Página {pages} de {pages}" in artifacts


def roles(path: Path) -> list[str]:
    return [role for role, _ in structure_text(path)]


def test_headings_run_from_the_title_down_without_a_gap(built: Callable[[str], Path]) -> None:
    read = structure_text(built("handout"))
    headings = [(role, text) for role, text in read if role.startswith("H")]
    assert headings[0] == ("H1", "Your home care plan")
    library = load_library()
    titles = [library.in_language("en")[id].title for id in EVERYDAY.split(",")]
    sections = [text for role, text in headings if role == "H2"]
    assert sections[1:-1] == titles  # after the therapist's note, before "Questions? Contact us"
    assert ("H2", "A note from your therapist") in headings
    assert ("H3", "Pick a good position") in headings
    assert ("H3", "Do not do this exercise if") in headings  # a box's title is a heading in its section


def test_the_masthead_and_the_name_lines_are_read_before_the_sections(built: Callable[[str], Path]) -> None:
    read = structure_text(built("handout"))
    first = read[: read.index(("H1", "Your home care plan")) + 3]
    assert ("Figure", "Riverside Physiotherapy logo") in first
    assert ("P", "Riverside Physiotherapy") in first
    assert ("P", "(555) 010-2030") in first
    assert any(role == "P" and text.startswith("Name Ana Ruiz Date ") for role, text in read)


def test_steps_are_a_numbered_list_whose_labels_are_the_numbers(built: Callable[[str], Path]) -> None:
    read = structure_text(built("handout"))
    start = read.index(("Lbl", "1"))
    assert [role for role, _ in read[start : start + 4]] == ["Lbl", "P", "Figure", "Lbl"]
    assert read[start + 1][1].startswith("Stand tall. Hold the stick")
    assert read[start + 2][1].startswith("A person standing tall, holding a stick")
    assert read[start + 3] == ("Lbl", "2")


def test_bullets_are_list_items_with_the_bullet_as_label(built: Callable[[str], Path]) -> None:
    read = structure_text(built("handout"))
    item = read.index(("LBody", "Sleep on your side or on your back."))
    assert read[item - 1] == ("Lbl", "•")


def test_every_picture_is_a_figure_with_the_alt_text_of_the_content(built: Callable[[str], Path]) -> None:
    library = load_library()
    expected = {
        image.alt
        for id in EVERYDAY.split(",")
        for block in library.in_language("en")[id].blocks
        for image in _images(block)
    }
    figures = {text for role, text in structure_text(built("handout")) if role == "Figure"}
    assert expected <= figures
    assert figures - expected == {"Riverside Physiotherapy logo"}


def _images(block: object) -> list:
    items = getattr(block, "steps", None) or getattr(block, "figures", None) or []
    return [item.image for item in items if getattr(item, "image", None)]


def test_a_clinics_own_photos_carry_its_alt_text(built: Callable[[str], Path]) -> None:
    figures = [text for role, text in structure_text(built("own photos")) if role == "Figure"]
    assert figures == ["Step 1 of the exercise.", "Step 2 of the exercise.", "Photo 1 of the exercise."]


def test_the_qr_code_says_where_it_goes(built: Callable[[str], Path]) -> None:
    figures = [text for role, text in structure_text(built("clinic with a QR code")) if role == "Figure"]
    assert any(text.startswith("QR code that opens https://") for text in figures)


def test_a_schedule_is_a_table_with_its_header_cells(built: Callable[[str], Path]) -> None:
    read = structure_text(built("handout"))
    table = read.index(("Caption", "Your first week"))
    cells = read[table + 1 : table + 10]
    assert cells[:3] == [("TH", "Day"), ("TH", "Use"), ("TH", "How long")]
    assert ("TH", "Day 1") in cells and ("TD", "Ice") in cells
    with pikepdf.open(built("handout")) as pdf:
        scopes = {str(e.A.Scope) for e in _elements(pdf) if e.S == "/TH"}
    assert scopes == {"/Column", "/Row"}


def test_a_table_broken_across_pages_is_one_table_read_once(built: Callable[[str], Path]) -> None:
    """Its caption and heading row, repeated on the next page, are artifacts there."""
    path = built("a table split across pages")
    read = structure_text(path)
    assert read.count(("Caption", "Su primera semana")) == 1
    assert read.count(("TH", "Día")) == 1
    artifacts = [text for page in marked_text(path) for text in page.artifacts]
    assert "Su primera semana (continuación)" in artifacts
    with pikepdf.open(path) as pdf:
        tables = [e for e in _elements(pdf) if e.S == "/Table"]
        pages = {_page_of(pdf, kid) for table in tables for kid in _leaves(table)}
    assert len(tables) == 1 and len(pages) == 2


def test_a_box_broken_across_pages_has_its_title_once(built: Callable[[str], Path]) -> None:
    path = built("large-print booklet")
    read = structure_text(path)
    artifacts = [text for page in marked_text(path) for text in page.artifacts]
    broken = [text.removesuffix(" (continued)") for text in artifacts if text.endswith("(continued)")]
    titles = [title for title in broken if ("H3", title) in read]
    assert titles == ["Call emergency services now if", "Call your doctor soon if"]
    assert all(read.count(("H3", title)) == 1 for title in titles)


def test_a_paragraph_broken_across_pages_is_one_element(built: Callable[[str], Path]) -> None:
    with pikepdf.open(built("long read")) as pdf:
        across = [
            e for e in _elements(pdf) if e.S == "/P" and len({_page_of(pdf, k) for k in _leaves(e)}) > 1
        ]
    assert across


def test_the_language_is_set_and_a_passage_in_another_is_marked(built: Callable[[str], Path]) -> None:
    with pikepdf.open(built("spanish")) as pdf:
        assert str(pdf.Root.Lang).startswith("es")
        spans = [e for e in _elements(pdf) if e.S == "/Span"]
    assert [str(span.Lang) for span in spans] == ["en"]
    assert ("Span", "Also available in English.") in structure_text(built("spanish"))
    with pikepdf.open(built("handout")) as pdf:
        assert pdf.Root.Lang == "en"
        assert [str(e.Lang)[:2] for e in _elements(pdf) if e.S == "/Span"] == ["es"]


def test_the_contents_are_links_to_the_sections(built: Callable[[str], Path]) -> None:
    path = built("booklet")
    links = [text for role, text in structure_text(path) if role == "Link"]
    assert links == [
        "Sleep on your side or your back",
        "Shoulder dislocates: circle a stick overhead",
        "Use ice first, then heat",
        "Know when to get help",
    ]
    with pikepdf.open(path) as pdf:
        described = [str(a.Contents) for a in pdf.pages[1].Annots]
    assert described[0] == "Sleep on your side or your back, 3"


def test_the_file_says_what_it_is(built: Callable[[str], Path]) -> None:
    with pikepdf.open(built("booklet")) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert pdf.Root.StructTreeRoot.RoleMap == pikepdf.Dictionary(Aside=pikepdf.Name.Div)
        with pdf.open_metadata() as meta:
            assert meta["dc:title"] == "Your home care plan"
            assert meta["pdfuaid:part"] == "1"
        assert [item.title for item in pdf.open_outline().root][:1] == ["Sleep on your side or your back"]


def test_the_imposed_sheets_stay_untagged_for_the_printer(built: Callable[[str], Path]) -> None:
    printed = built("booklet").with_name(built("booklet").stem + "-print.pdf")
    with pikepdf.open(printed) as pdf:
        assert "/StructTreeRoot" not in pdf.Root


def test_a_tagged_build_is_the_same_bytes_again(built: Callable[[str], Path], tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    assert run(*BUILDS["spanish"], "-o", str(again)).exit_code == 0
    assert again.read_bytes() == built("spanish").read_bytes()


def test_pdfjs_reads_headings_list_items_alt_text_and_table_cells_in_order(
    built: Callable[[str], Path], pdfjs_reader: object
) -> None:
    read = pdfjs_reader.reading_order(built("handout"), skip_empty=True)  # type: ignore[attr-defined]
    headings = [text for role, text in read if role in ("H1", "H2")]
    assert headings[:2] == ["Your home care plan", "A note from your therapist"]
    assert "Shoulder dislocates: circle a stick overhead" in headings
    bodies = [text for role, text in read if role == "LBody"]
    assert "Sleep on your side or on your back." in bodies
    figures = [text for role, text in read if role == "Figure"]
    assert "A person standing tall, holding a stick with straight arms in front of the thighs." in figures
    cells = [text for role, text in read if role in ("TH", "TD")]
    start = cells.index("Day")
    assert cells[start : start + 9] == [
        *("Day", "Use", "How long", "Morning", "Afternoon", "Evening"),
        *("Day 1", "Ice", "15 to 20 minutes"),
    ]
    assert "Page 1 of 4" not in [text for _, text in read]


def _elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    found, todo = [], list(pdf.Root.StructTreeRoot.K)
    while todo:
        element = todo.pop(0)
        if isinstance(element, pikepdf.Dictionary) and element.get("/Type") == "/StructElem":
            found.append(element)
            todo = [k for k in element.get("/K", []) if isinstance(k, pikepdf.Dictionary)] + todo
    return found


def _leaves(element: pikepdf.Dictionary) -> list[pikepdf.Object]:
    """The page of each piece of marked content under ``element``: an MCID of the element's own page
    (``/Pg``), or a marked-content reference naming its page."""
    found = []
    for kid in element.get("/K", []):
        if isinstance(kid, int):
            found.append(element.Pg)
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            found.append(kid.Pg)
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            found += _leaves(kid)
    return found


def _page_of(pdf: pikepdf.Pdf, page: pikepdf.Object) -> int:
    return next(n for n, each in enumerate(pdf.pages) if each.obj.objgen == page.objgen)
