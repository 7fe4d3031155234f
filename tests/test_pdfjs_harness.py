"""The pdf.js harness (tests/pdfjs.py) on small tagged PDFs built here with pikepdf.

Each PDF is written by hand: marked content `/Role <</MCID n>> BDC ... EMC` in the page's content stream,
struct elements pointing at those MCIDs, a ParentTree, /StructParents on the page and /MarkInfo, so that
what pdf.js reports can be checked against what was written.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pdfjs
import pikepdf
import pytest
from pdfjs import pdfjs_reader_fixture  # noqa: F401  (defines the session fixture `pdfjs_reader`)
from pikepdf import Array, Dictionary, Name, OutlineItem

FIGURE = object()
"""A kid of an element that draws a filled rectangle (a picture without text) in its own marked content."""


@dataclass
class Part:
    """Marked content on a given page (0-based), for an element whose content runs over a page break."""

    page: int
    text: str


@dataclass
class E:
    """A struct element. Its kids: text (marked content on `page`), Part, FIGURE, other elements, or an int:
    an MCID put in /K that no content stream has."""

    role: str
    kids: list = field(default_factory=list)
    alt: str | None = None
    actual_text: str | None = None
    lang: str | None = None
    page: int = 0


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def tagged_pdf(
    path: Path,
    document: E,
    *,
    pages: int = 1,
    role_map: dict[str, str] | None = None,
    lang: str | None = None,
    title: str | None = None,
    outline: tuple[tuple[str, int], ...] = (),
    footer: str | None = None,
    untagged: str | None = None,
    stray: str | None = None,
) -> Path:
    """Writes a tagged PDF whose structure tree is `document` (the one kid of the StructTreeRoot)."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding)
    )
    for _ in range(pages):
        pdf.add_blank_page(page_size=(612, 792))
    page_objs = [page.obj for page in pdf.pages]
    streams: list[list[bytes]] = [[] for _ in range(pages)]
    cursor = [740] * pages
    parents: list[list] = [[] for _ in range(pages)]  # per page: the struct element of each MCID

    def mark(page: int, role: str, element, body: bytes) -> int:
        mcid = len(parents[page])
        parents[page].append(element)
        streams[page].append(b"/%s <</MCID %d>> BDC\n%s\nEMC" % (role.encode(), mcid, body))
        return mcid

    def text_body(page: int, text: str) -> bytes:
        y = cursor[page]
        cursor[page] -= 24
        return b"BT /F1 14 Tf 72 %d Td %s Tj ET" % (y, _pdf_string(text))

    def figure_body(page: int) -> bytes:
        y = cursor[page] - 40
        cursor[page] -= 64
        return b"q 0.2 0.4 0.8 rg 72 %d 120 50 re f Q" % y

    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))

    def add(element: E, parent) -> pikepdf.Object:
        obj = pdf.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name("/" + element.role), P=parent, Pg=page_objs[element.page])
        )
        for key, value in (("Alt", element.alt), ("ActualText", element.actual_text), ("Lang", element.lang)):
            if value is not None:
                obj[Name("/" + key)] = pikepdf.String(value)
        kids = Array()
        for kid in element.kids:
            if isinstance(kid, E):
                kids.append(add(kid, obj))
            elif isinstance(kid, int):
                kids.append(kid)
            elif kid is FIGURE:
                kids.append(mark(element.page, element.role, obj, figure_body(element.page)))
            else:
                part = kid if isinstance(kid, Part) else Part(element.page, kid)
                mcid = mark(part.page, element.role, obj, text_body(part.page, part.text))
                if part.page == element.page:
                    kids.append(mcid)
                else:
                    kids.append(Dictionary(Type=Name.MCR, Pg=page_objs[part.page], MCID=mcid))
        obj.K = kids
        return obj

    root.K = Array([add(document, root)])
    root.ParentTree = pdf.make_indirect(
        Dictionary(Nums=Array([x for i in range(pages) for x in (i, Array(parents[i]))]))
    )
    root.ParentTreeNextKey = pages
    if role_map:
        root.RoleMap = Dictionary({"/" + k: Name("/" + v) for k, v in role_map.items()})

    for i, page in enumerate(page_objs):
        body = streams[i]
        if footer is not None:
            body.append(b"/Artifact BMC BT /F1 9 Tf 72 30 Td %s Tj ET EMC" % _pdf_string(f"{footer} {i + 1}"))
        if untagged is not None:
            body.append(b"BT /F1 9 Tf 300 30 Td %s Tj ET" % _pdf_string(untagged))
        if stray is not None:  # marked content with an MCID that no struct element names
            body.append(b"/Span <</MCID 99>> BDC BT /F1 9 Tf 400 30 Td %s Tj ET EMC" % _pdf_string(stray))
        page.Contents = pdf.make_stream(b"\n".join(body))
        page.Resources = Dictionary(Font=Dictionary(F1=font))
        page.StructParents = i
        page.Tabs = Name.S

    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    if lang is not None:
        pdf.Root.Lang = pikepdf.String(lang)
    if title is not None:
        pdf.docinfo.Title = title
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = title
        pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    if outline:
        with pdf.open_outline() as tree:
            tree.root.extend(OutlineItem(text, page) for text, page in outline)
    pdf.save(path)
    return path


def one_page(path: Path) -> Path:
    return tagged_pdf(
        path,
        E(
            "Document",
            [
                E("H1", ["Title"]),
                E("P", ["Hello"]),
                E("Figure", [FIGURE], alt="A picture"),
                E("L", [E("LI", [E("Lbl", ["1"]), E("LBody", ["Step"])])]),
                E("Table", [E("TR", [E("TH", ["Day"]), E("TD", ["1"])])]),
            ],
        ),
    )


ONE_PAGE = [
    ("Document", ""),
    ("H1", "Title"),
    ("P", "Hello"),
    ("Figure", "A picture"),
    ("L", ""),
    ("LI", ""),
    ("Lbl", "1"),
    ("LBody", "Step"),
    ("Table", ""),
    ("TR", ""),
    ("TH", "Day"),
    ("TD", "1"),
]


def test_reading_order_of_a_tagged_page(pdfjs_reader: pdfjs.PdfJs, tmp_path: Path) -> None:
    pdf = one_page(tmp_path / "one.pdf")
    started = time.monotonic()
    pairs = pdfjs_reader.reading_order(pdf)
    elapsed = time.monotonic() - started
    print(f"pdf.js read one page in {elapsed:.2f} s")
    assert pairs == ONE_PAGE
    assert pdfjs_reader.reading_order(pdf, skip_empty=True) == [pair for pair in ONE_PAGE if pair[1]]
    assert elapsed < 30


def test_the_page_tree_as_pdfjs_gives_it(pdfjs_reader: pdfjs.PdfJs, tmp_path: Path) -> None:
    pdf = one_page(tmp_path / "one.pdf")
    [tree] = pdfjs_reader.structure(pdf)
    assert tree["role"] == "Root"
    [document] = tree["children"]
    heading, paragraph, figure, list_, table = document["children"]
    # The ARIA role pdf.js's viewer gives each element's <span>; Document and P get none.
    assert "aria" not in document and "aria" not in paragraph
    assert heading["aria"] == {"role": "heading", "level": 1}
    assert figure["aria"] == {"role": "figure"} and figure["alt"] == "A picture"
    assert [node.get("aria", {}).get("role") for node in pdfjs.walk(list_)] == ["listitem", None, None]
    assert [node["aria"]["role"] for node in pdfjs.walk(table)] == ["row", "columnheader", "cell"]
    # A content leaf: the marked-content id pdf.js also gives the text layer, "p<page object>R_mc<MCID>".
    [leaf] = heading["children"]
    assert leaf["type"] == "content" and leaf["text"] == "Title"
    assert re.fullmatch(r"p\d+R_mc0", leaf["id"])
    assert heading["text"] == "Title"
    # The picture's marked content holds no text; the figure is read by its alt.
    assert figure["text"] == ""
    page = pdfjs_reader.read(pdf)["structure"][0]
    assert (page["untagged"], page["artifact"], page["unreferenced"], page["unknown"]) == ("", "", {}, [])


def test_document_facts_and_text_outside_the_tree(pdfjs_reader: pdfjs.PdfJs, tmp_path: Path) -> None:
    pdf = tagged_pdf(
        tmp_path / "facts.pdf",
        E("Document", [E("H1", ["Knee care", 7]), E("P", ["On page two"], page=1)]),
        pages=2,
        lang="en-US",
        title="Knee care",
        outline=(("Knee care", 0), ("Later", 1)),
        footer="Page",
        untagged="loose words",
        stray="stray words",
    )
    document = pdfjs_reader.read(pdf)
    assert document["pages"] == 2
    assert (document["title"], document["metadataTitle"], document["lang"]) == ("Knee care",) * 2 + ("en-US",)
    assert document["marked"] is True and document["displayDocTitle"] is True
    assert document["outline"] == [
        {"title": "Knee care", "page": 1, "items": []},
        {"title": "Later", "page": 2, "items": []},
    ]
    first, second = document["structure"]
    assert pdfjs.clean(first["artifact"]) == "Page 1" and pdfjs.clean(second["artifact"]) == "Page 2"
    assert pdfjs.clean(first["untagged"]) == "loose words"
    assert [pdfjs.clean(text) for text in first["unreferenced"].values()] == ["stray words"]
    assert [re.sub(r"^p\d+R_", "", id_) for id_ in first["unknown"]] == ["mc7"]
    assert document["warnings"] == []


def test_role_map_lang_and_actual_text(pdfjs_reader: pdfjs.PdfJs, tmp_path: Path) -> None:
    pdf = tagged_pdf(
        tmp_path / "roles.pdf",
        E(
            "Document",
            [
                E("Heading1", ["Mapped"]),
                E("MyHeading", ["Mapped twice"]),
                E("P", ["Bonjour"], lang="fr-CA"),
                E("Span", ["5 mg"], actual_text="five milligrams"),
                E("Figure", [FIGURE], actual_text="Only actual text"),
            ],
        ),
        role_map={"Heading1": "H1", "MyHeading": "Heading1"},
    )
    [tree] = pdfjs_reader.structure(pdf)
    mapped, twice, french, span, _figure = tree["children"][0]["children"]
    # pdf.js applies the RoleMap one step only: MyHeading -> Heading1 stops there, with no ARIA role.
    assert (mapped["role"], mapped["aria"]) == ("H1", {"role": "heading", "level": 1})
    assert twice["role"] == "Heading1" and "aria" not in twice
    assert french["lang"] == "fr-CA" and pdfjs.clean(french["text"]) == "Bonjour"
    # /ActualText comes as "alt" when there is no /Alt.
    assert span["alt"] == "five milligrams" and pdfjs.clean(span["text"]) == "5 mg"
    assert pdfjs_reader.reading_order(pdf)[-2:] == [("Span", "5 mg"), ("Figure", "Only actual text")]


def split_over_two_pages(path: Path) -> Path:
    return tagged_pdf(
        path,
        E(
            "Document",
            [
                E("H1", ["Walking plan"]),
                E("P", ["This sentence starts on one page", Part(1, "and ends on the next.")]),
                E(
                    "Table",
                    [
                        E("TR", [E("TH", ["Day"]), E("TH", ["Minutes"])]),
                        E("TR", [E("TD", ["1"]), E("TD", ["10"])]),
                        E("TR", [E("TD", ["2"], page=1), E("TD", [E("P", ["15"], page=1)], page=1)], page=1),
                    ],
                ),
                E(
                    "L",
                    [
                        E("LI", [E("Lbl", ["1"], page=1), E("LBody", ["Stand up"], page=1)], page=1),
                        E("LI", [E("Lbl", ["2"], page=1), E("LBody", ["Sit down"], page=1)], page=1),
                    ],
                    page=1,
                ),
                E("Sect", [E("P", ["Sect on page one"]), E("P", ["Sect on page two"], page=1)]),
            ],
        ),
        pages=2,
    )


SPLIT = [
    ("Document", ""),
    ("H1", "Walking plan"),
    ("P", "This sentence starts on one page and ends on the next."),
    ("Table", ""),
    ("TR", ""),
    ("TH", "Day"),
    ("TH", "Minutes"),
    ("TR", ""),
    ("TD", "1"),
    ("TD", "10"),
    ("TR", ""),
    ("TD", "2"),
    ("TD", ""),
    ("P", "15"),
    ("L", ""),
    ("LI", ""),
    ("Lbl", "1"),
    ("LBody", "Stand up"),
    ("LI", ""),
    ("Lbl", "2"),
    ("LBody", "Sit down"),
    ("Sect", ""),
    ("P", "Sect on page one"),
    ("P", "Sect on page two"),
]


def test_elements_over_a_page_break_are_merged(pdfjs_reader: pdfjs.PdfJs, tmp_path: Path) -> None:
    pdf = split_over_two_pages(tmp_path / "split.pdf")
    assert pdfjs_reader.reading_order(pdf) == SPLIT
    merged = pdfjs_reader.document_tree(pdf)
    [document] = merged["children"]
    assert document["pages"] == [1, 2]
    paragraph = document["children"][1]
    assert paragraph["pages"] == [1, 2] and [leaf["page"] for leaf in paragraph["children"]] == [1, 2]


def test_pages_as_pdfjs_shows_them(pdfjs_reader: pdfjs.PdfJs, tmp_path: Path) -> None:
    """What the merge undoes: each page shows only its own content, a table whole with empty cells."""
    pdf = split_over_two_pages(tmp_path / "split.pdf")
    first, second = pdfjs_reader.structure(pdf)

    def pairs(tree: dict) -> list[tuple[str, str]]:
        return [(node["role"], pdfjs.clean(node.get("text"))) for node in pdfjs.walk(tree)]

    assert pairs(first) == [
        ("Document", ""),
        ("H1", "Walking plan"),
        ("P", "This sentence starts on one page"),
        ("Table", ""),
        ("TR", ""),
        ("TH", "Day"),
        ("TH", "Minutes"),
        ("TR", ""),
        ("TD", "1"),
        ("TD", "10"),
        ("TR", ""),
        ("TD", ""),
        ("TD", ""),
        ("Sect", ""),
        ("P", "Sect on page one"),
    ]
    assert pairs(second) == [
        ("Document", ""),
        ("P", "and ends on the next."),
        ("Table", ""),
        ("TR", ""),
        ("TH", ""),
        ("TH", ""),
        ("TR", ""),
        ("TD", ""),
        ("TD", ""),
        ("TR", ""),
        ("TD", "2"),
        ("TD", ""),
        ("P", "15"),
        ("L", ""),
        ("LI", ""),
        ("Lbl", "1"),
        ("LBody", "Stand up"),
        ("LI", ""),
        ("Lbl", "2"),
        ("LBody", "Sit down"),
        ("Sect", ""),
        ("P", "Sect on page two"),
    ]


def test_elements_that_meet_at_a_page_break_stay_apart(pdfjs_reader: pdfjs.PdfJs, tmp_path: Path) -> None:
    def table(day: str, page: int) -> E:
        return E("Table", [E("TR", [E("TD", [day], page=page)], page=page)], page=page)

    pdf = tagged_pdf(
        tmp_path / "apart.pdf",
        E(
            "Document",
            [
                E("P", ["Last on page one"]),
                E("P", ["First on page two"], page=1),
                table("a", 1),
                table("b", 1),
            ],
        ),
        pages=2,
    )
    assert pdfjs_reader.reading_order(pdf, skip_empty=True) == [
        ("P", "Last on page one"),
        ("P", "First on page two"),
        ("TD", "a"),
        ("TD", "b"),
    ]
    assert [role for role, _ in pdfjs_reader.reading_order(pdf)].count("Table") == 2
    pdf = tagged_pdf(tmp_path / "tables.pdf", E("Document", [table("one", 0), table("two", 1)]), pages=2)
    assert pdfjs_reader.reading_order(pdf) == [
        ("Document", ""),
        ("Table", ""),
        ("TR", ""),
        ("TD", "one"),
        ("Table", ""),
        ("TR", ""),
        ("TD", "two"),
    ]


def test_many_pdfs_in_one_node_run(pdfjs_reader: pdfjs.PdfJs, tmp_path: Path) -> None:
    pdfs = [one_page(tmp_path / f"{i}.pdf") for i in range(3)] + [split_over_two_pages(tmp_path / "s.pdf")]
    started = time.monotonic()
    documents = pdfjs_reader.read_many(pdfs)
    print(f"pdf.js read {len(pdfs)} PDFs in one node run in {time.monotonic() - started:.2f} s")
    assert list(documents) == pdfs
    assert [document["pages"] for document in documents.values()] == [1, 1, 1, 2]
    started = time.monotonic()
    assert pdfjs_reader.reading_order(pdfs[0]) == ONE_PAGE  # from the cache: no node run
    assert time.monotonic() - started < 0.5


def test_a_pdf_pdfjs_cannot_open(pdfjs_reader: pdfjs.PdfJs, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a PDF at all")
    with pytest.raises(pdfjs.PdfjsError, match=r"broken\.pdf: InvalidPDFException"):
        pdfjs_reader.read(broken)


def test_without_node_the_tests_fail_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfjs, "_node", None)
    monkeypatch.setattr(pdfjs.shutil, "which", lambda name: None if name == "node" else f"/usr/bin/{name}")
    with pytest.raises(
        pdfjs.PdfjsUnavailable, match=r"need Node\.js >=20\.19\.0 and npm.*node cannot be found"
    ):
        pdfjs.ensure_installed()


def test_an_install_from_another_lockfile_is_redone(
    pdfjs_reader: pdfjs.PdfJs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert pdfjs._installed()  # the session's own install, by the fixture
    stamp = tmp_path / "stamp"
    monkeypatch.setattr(pdfjs, "STAMP", stamp)
    assert not pdfjs._installed()
    stamp.write_text("0" * 64 + "\n")
    assert not pdfjs._installed()
    stamp.write_text(pdfjs._lock_digest() + "\n")
    assert pdfjs._installed()
