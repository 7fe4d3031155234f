"""The PDF/UA checker itself, on small PDFs written by hand with pikepdf: a tagged two-page PDF that
conforms, copies of it that still conform in the other ways the PDF format allows, and, for every rule,
copies broken in one way each, which the checker must catch and name where they are."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from pdfua import marked_text, problems, structure_text
from pikepdf import Array, Dictionary, Name, Pdf, Stream, String

XMP = b"""<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
      xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Sleep well</rdf:li></rdf:Alt></dc:title>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""

TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Test-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
1 beginbfrange
<20> <7E> <0020>
endbfrange
1 beginbfchar
<01> <2022>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end"""
"""ASCII as itself, and code 1 as a bullet: ReportLab's subset fonts number their glyphs from 0 too."""

PAGE_1 = b"""/Artifact BMC 0 0 1 rg 0 820 595 4 re f EMC
/H1 <</MCID 0>> BDC BT /F1 24 Tf 72 760 Td (Sleep well) Tj ET EMC
/P <</MCID 1>> BDC BT /F1 12 Tf 14 TL 72 730 Td [(Lie) -300 (on your)] TJ T* [(si) -20 (de.)] TJ ET EMC
/Figure <</MCID 2>> BDC q 100 0 0 100 72 600 cm /Im1 Do Q EMC
/Lbl <</MCID 3>> BDC BT /F1 12 Tf 72 570 Td (\\001) Tj ET EMC
/LBody <</MCID 4>> BDC BT /F1 12 Tf 90 570 Td (Use a pillow.) Tj ET EMC
/TH <</MCID 5>> BDC BT /F1 12 Tf 72 540 Td (When) Tj ET EMC
/TD <</MCID 6>> BDC BT /F1 12 Tf 72 520 Td (Every night) Tj ET EMC
/Link <</MCID 7>> BDC BT /F1 12 Tf 72 500 Td (example.org) Tj ET EMC
/P /MC0 BDC /Fm1 Do EMC
/Artifact <</Type /Pagination>> BDC BT /F1 9 Tf 280 30 Td (Page 1) Tj ET EMC
"""
"""Page 1: a heading, a paragraph, a picture, a list, a table, a link, and a form painted in the
paragraph that a named property list marks; a rule and the page number are artifacts."""

FORM = b"BT /F1 12 Tf 72 480 Td (Keep warm.) Tj ET 72 470 m 200 470 l S"

PAGE_2 = b"""q 1 0 0 1 0 0 cm 0 0 m 10 10 l n Q
/H2 <</MCID 0>> BDC BT /F1 18 Tf 72 760 Td (Why it helps) Tj ET EMC
/P <</MCID 1>> BDC BT /F1 12 Tf 72 730 Td (Less pain.) Tj ET EMC
/Artifact BMC q 10 0 0 10 72 700 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q EMC
"""
"""Page 2: a heading and a paragraph in a box of our own type (``Box``, mapped to ``Aside`` and on to
``Div``), an inline image as an artifact, and a path ended with ``n``, which paints nothing."""

READING = [
    ("H1", "Sleep well"),
    ("P", "Lie on your side."),
    ("Figure", "A person asleep on their side"),
    ("Lbl", "•"),
    ("LBody", "Use a pillow."),
    ("TH", "When"),
    ("TD", "Every night"),
    ("Link", "example.org"),
    ("P", "Keep warm."),
    ("H2", "Why it helps"),
    ("P", "Less pain."),
]


def _add(
    pdf: Pdf, parent: Dictionary, role: str, page: pikepdf.Page | None = None, *mcids: int
) -> Dictionary:
    """A structure element, last in ``parent``'s /K, holding ``mcids`` of ``page``."""
    element = pdf.make_indirect(
        Dictionary(Type=Name.StructElem, S=Name("/" + role), P=parent, K=Array(list(mcids)))
    )
    if page is not None:
        element.Pg = page.obj
    parent.K.append(element)
    return element


def _font(pdf: Pdf) -> Dictionary:
    """An embedded TrueType font with a /ToUnicode CMap (the program is a stand-in: nothing renders)."""
    descriptor = Dictionary(
        Type=Name.FontDescriptor,
        FontName=Name("/AAAAAA+Test-Regular"),
        Flags=32,
        FontBBox=Array([0, -200, 1000, 800]),
        ItalicAngle=0,
        Ascent=800,
        Descent=-200,
        CapHeight=700,
        StemV=80,
        FontFile2=pdf.make_stream(b"a stand-in for a TrueType font program"),
    )
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.TrueType,
            BaseFont=Name("/AAAAAA+Test-Regular"),
            FirstChar=0,
            LastChar=255,
            Widths=Array([500] * 256),
            FontDescriptor=pdf.make_indirect(descriptor),
            ToUnicode=pdf.make_stream(TO_UNICODE),
        )
    )


def tagged_pdf() -> Pdf:
    """A two-page PDF that conforms to PDF/UA-1 as far as the checker checks."""
    pdf = pikepdf.new()
    font = _font(pdf)
    image = pdf.make_stream(
        b"\x80", Type=Name.XObject, Subtype=Name.Image, Width=1, Height=1, ColorSpace=Name.DeviceGray
    )
    image.BitsPerComponent = 8
    form = pdf.make_stream(FORM, Type=Name.XObject, Subtype=Name.Form, BBox=Array([0, 0, 595, 842]))
    form.Resources = Dictionary(Font=Dictionary(F1=font))
    first, second = pdf.add_blank_page(page_size=(595, 842)), pdf.add_blank_page(page_size=(595, 842))
    first.obj.Contents = pdf.make_stream(PAGE_1)
    first.obj.Resources = Dictionary(
        Font=Dictionary(F1=font),
        XObject=Dictionary(Im1=image, Fm1=form),
        Properties=Dictionary(MC0=Dictionary(MCID=8)),
    )
    second.obj.Contents = pdf.make_stream(PAGE_2)
    second.obj.Resources = Dictionary(Font=Dictionary(F1=font))
    for number, page in enumerate((first, second)):
        page.obj.StructParents = number * 2
        page.obj.Tabs = Name.S
    link = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Link,
            Rect=Array([72, 495, 160, 512]),
            Border=Array([0, 0, 0]),
            Contents=String("Example website"),
            StructParent=1,
            A=Dictionary(S=Name.URI, URI=String("https://example.org")),
        )
    )
    first.obj.Annots = Array([link])

    root = pdf.make_indirect(
        Dictionary(
            Type=Name.StructTreeRoot,
            K=Array(),
            RoleMap=Dictionary(Box=Name.Aside, Aside=Name.Div),
            ParentTreeNextKey=3,
        )
    )
    document = _add(pdf, root, "Document")
    h1 = _add(pdf, document, "H1", first, 0)
    paragraph = _add(pdf, document, "P", first, 1)
    figure = _add(pdf, document, "Figure", first, 2)
    figure.Alt = String("A person asleep on their side")
    item = _add(pdf, _add(pdf, document, "L"), "LI")
    label, body = _add(pdf, item, "Lbl", first, 3), _add(pdf, item, "LBody", first, 4)
    table = _add(pdf, document, "Table")
    header = _add(pdf, _add(pdf, table, "TR"), "TH", first, 5)
    header.A = Dictionary(O=Name.Table, Scope=Name.Column)
    cell = _add(pdf, _add(pdf, table, "TR"), "TD", first, 6)
    link_element = _add(pdf, _add(pdf, document, "P"), "Link", first, 7)
    link_element.K.append(Dictionary(Type=Name.OBJR, Obj=link, Pg=first.obj))
    from_form = _add(pdf, document, "P", first, 8)
    box = _add(pdf, document, "Box")
    box.Lang = String("en-GB")
    h2 = _add(pdf, box, "H2", second, 0)
    last = _add(pdf, box, "P")
    last.K.append(Dictionary(Type=Name.MCR, Pg=second.obj, MCID=1))
    on_first = Array([h1, paragraph, figure, label, body, header, cell, link_element, from_form])
    root.ParentTree = pdf.make_indirect(
        Dictionary(
            Kids=Array(
                [
                    pdf.make_indirect(
                        Dictionary(Limits=Array([0, 1]), Nums=Array([0, on_first, 1, link_element]))
                    ),
                    pdf.make_indirect(Dictionary(Limits=Array([2, 2]), Nums=Array([2, Array([h2, last])]))),
                ]
            )
        )
    )

    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.StructTreeRoot = root
    pdf.Root.Lang = String("en")
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    pdf.Root.Metadata = pdf.make_stream(XMP, Type=Name.Metadata, Subtype=Name.XML)
    pdf.docinfo["/Title"] = String("Sleep well")
    return pdf


# Small ways to change the tagged PDF ---------------------------------------------------------------


def _element(pdf: Pdf, role: str, nth: int = 0) -> Dictionary:
    """The ``nth`` structure element of type ``role`` (as written), in reading order."""
    found = []
    pending = list(pdf.Root.StructTreeRoot.K)
    while pending:
        node = pending.pop(0)
        if isinstance(node, Dictionary) and "/S" in node:
            found.append(node)
            pending[:0] = [kid for kid in node.get("/K", Array()) if isinstance(kid, Dictionary)]
    return [node for node in found if Name("/" + role) == node.S][nth]


def _edit(stream: Stream, old: bytes, new: bytes) -> None:
    """Replaces ``old`` in a content stream, which must hold it."""
    data = stream.read_bytes()
    assert old in data, old
    stream.write(data.replace(old, new, 1))


def _page(pdf: Pdf, number: int) -> Dictionary:
    return pdf.pages[number - 1].obj


def _form(pdf: Pdf) -> Stream:
    return _page(pdf, 1).Resources.XObject.Fm1


def _content(pdf: Pdf, number: int, old: bytes, new: bytes) -> None:
    _edit(_page(pdf, number).Contents, old, new)


def _set(obj: Dictionary, key: str, value: object) -> None:
    obj[key] = value


def _delete(obj: Dictionary, key: str) -> None:
    del obj[key]


def _xmp(pdf: Pdf, old: bytes, new: bytes) -> None:
    _edit(pdf.Root.Metadata, old, new)


def _helvetica(pdf: Pdf) -> None:
    """ReportLab's standard 14 fonts: not embedded, no /ToUnicode."""
    helvetica = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    _page(pdf, 1).Resources.Font.F1 = helvetica


def _type0(pdf: Pdf) -> None:
    """The page's font as a Type0 font, whose program is in its descendant CIDFont."""
    simple = _page(pdf, 1).Resources.Font.F1
    descendant = pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.CIDFontType2,
            BaseFont=simple.BaseFont,
            CIDSystemInfo=Dictionary(Registry=String("Adobe"), Ordering=String("Identity"), Supplement=0),
            FontDescriptor=pdf.make_indirect(Dictionary(dict(simple.FontDescriptor.items()))),
            CIDToGIDMap=Name.Identity,
        )
    )
    _page(pdf, 1).Resources.Font.F1 = pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type0,
            BaseFont=simple.BaseFont,
            Encoding=Name("/Identity-H"),
            DescendantFonts=Array([descendant]),
            ToUnicode=simple.ToUnicode,
        )
    )


def _unembedded_type0(pdf: Pdf) -> None:
    _type0(pdf)
    descriptor = _page(pdf, 1).Resources.Font.F1.DescendantFonts[0].FontDescriptor
    del descriptor["/FontFile2"]


def _form_font(pdf: Pdf) -> None:
    """A font only the form uses, not embedded."""
    _form(pdf).Resources.Font.F2 = pdf.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    )


def _parent_tree_entries(pdf: Pdf, key: int) -> Array:
    """The parent tree's array for ``key`` (0 and 1 are in the first leaf, 2 in the second)."""
    leaf = pdf.Root.StructTreeRoot.ParentTree.Kids[0 if key < 2 else 1]
    nums = leaf.Nums
    return nums[list(nums).index(key) + 1]


def _swap_parents(pdf: Pdf) -> None:
    entries = _parent_tree_entries(pdf, 0)
    entries[0], entries[1] = entries[1], entries[0]


def _link_parent_is_paragraph(pdf: Pdf) -> None:
    leaf = pdf.Root.StructTreeRoot.ParentTree.Kids[0]
    leaf.Nums = Array([0, leaf.Nums[1], 1, _element(pdf, "P")])


def _drop_page_2_parents(pdf: Pdf) -> None:
    pdf.Root.StructTreeRoot.ParentTree.Kids[1].Nums = Array([])


def _odd_nums(pdf: Pdf) -> None:
    pdf.Root.StructTreeRoot.ParentTree.Kids[1].Nums.append(3)


def _single_leaf(pdf: Pdf) -> None:
    """The parent tree as one /Nums array, with no /Kids."""
    tree = pdf.Root.StructTreeRoot.ParentTree
    tree.Nums = Array([*tree.Kids[0].Nums, *tree.Kids[1].Nums])
    del tree["/Kids"]


def _contents_in_two_streams(pdf: Pdf) -> None:
    """Page 2's content split in two streams in the middle of a sequence, which the format allows."""
    data = _page(pdf, 2).Contents.read_bytes()
    cut = data.index(b"(Less pain.)")
    _page(pdf, 2).Contents = Array([pdf.make_stream(data[:cut]), pdf.make_stream(data[cut:])])


def _inherited_resources(pdf: Pdf) -> None:
    """Page 2's resources on the page tree node above it."""
    pdf.Root.Pages.Resources = _page(pdf, 2).Resources
    del _page(pdf, 2)["/Resources"]


def _form_with_own_mcid(pdf: Pdf) -> None:
    """The form painted outside any sequence, marking its own content with an MCID: it needs
    /StructParents for the MCID to mean anything."""
    _content(pdf, 1, b"/P /MC0 BDC /Fm1 Do EMC", b"/Fm1 Do")
    _edit(_form(pdf), FORM, b"/P <</MCID 0>> BDC " + FORM + b" EMC")


def _popup(pdf: Pdf) -> None:
    popup = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Popup, Rect=Array([0, 0, 10, 10])))
    _page(pdf, 1).Annots.append(popup)


def _note(pdf: Pdf) -> None:
    note = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Text, Rect=Array([0, 0, 10, 10])))
    _page(pdf, 1).Annots.append(note)


def _nested_list(pdf: Pdf) -> None:
    """A list inside a list's item body, as a sub-list should be; and one straight in the list."""
    body = _element(pdf, "LBody")
    inner = _add(pdf, body, "L")
    _add(pdf, inner, "LI")
    _add(pdf, _element(pdf, "L"), "L")


Change = Callable[[Pdf], object]

STILL_CONFORMING: list[tuple[str, Change]] = [
    (
        "an artifact inside an artifact",
        lambda pdf: _content(pdf, 1, b"0 0 1 rg", b"/Artifact BMC EMC 0 0 1 rg"),
    ),
    (
        "a /Span with /ActualText but no MCID inside an MCID",
        lambda pdf: _content(pdf, 1, b"(When) Tj", b"/Span <</ActualText (When)>> BDC (When) Tj EMC"),
    ),
    (
        "a figure with /ActualText, not /Alt",
        lambda pdf: _set(_element(pdf, "Figure"), "/ActualText", String("Asleep")),
    ),
    (
        "/A an array of attribute objects and revision numbers",
        lambda pdf: _set(
            _element(pdf, "TH"),
            "/A",
            Array(
                [Dictionary(O=Name.Layout, Placement=Name.Block), 0, Dictionary(O=Name.Table, Scope=Name.Row)]
            ),
        ),
    ),
    (
        "the scope in an attribute class",
        lambda pdf: (
            _set(
                pdf.Root.StructTreeRoot,
                "/ClassMap",
                Dictionary(Head=Dictionary(O=Name.Table, Scope=Name.Both)),
            ),
            _delete(_element(pdf, "TH"), "/A"),
            _set(_element(pdf, "TH"), "/C", Name.Head),
        ),
    ),
    ("a popup annotation outside the structure", _popup),
    ("a Type0 font", _type0),
    ("the parent tree as a single leaf", _single_leaf),
    ("a page's content in two streams", _contents_in_two_streams),
    ("resources inherited from the page tree", _inherited_resources),
    ("a list nested in a list", _nested_list),
    (
        "a note with an ID",
        lambda pdf: (
            _set(_element(pdf, "P", 2), "/S", Name.Note),
            _set(_element(pdf, "Note"), "/ID", String("n1")),
        ),
    ),
]


@pytest.mark.parametrize(
    "change", [change for _, change in STILL_CONFORMING], ids=[i for i, _ in STILL_CONFORMING]
)
def test_what_the_format_allows_passes(change: Change) -> None:
    pdf = tagged_pdf()
    assert problems(pdf) == []
    change(pdf)
    assert problems(pdf) == []


BROKEN: list[tuple[str, Change, str]] = [
    # Rule 1: the catalog, the structure tree root, the metadata.
    ("1 no MarkInfo", lambda pdf: _delete(pdf.Root, "/MarkInfo"), r"^catalog: /MarkInfo lacks /Marked true$"),
    ("1 Marked false", lambda pdf: _set(pdf.Root.MarkInfo, "/Marked", False), r"^catalog: /MarkInfo lacks"),
    (
        "1 no StructTreeRoot",
        lambda pdf: _delete(pdf.Root, "/StructTreeRoot"),
        r"^catalog: no /StructTreeRoot$",
    ),
    (
        "1 StructTreeRoot type",
        lambda pdf: _set(pdf.Root.StructTreeRoot, "/Type", Name.StructElem),
        r"^StructTreeRoot: /Type is not /StructTreeRoot$",
    ),
    (
        "1 no ParentTree",
        lambda pdf: _delete(pdf.Root.StructTreeRoot, "/ParentTree"),
        r"^StructTreeRoot: no /ParentTree$",
    ),
    (
        "1 no ParentTreeNextKey",
        lambda pdf: _delete(pdf.Root.StructTreeRoot, "/ParentTreeNextKey"),
        r"^StructTreeRoot: no integer /ParentTreeNextKey$",
    ),
    (
        "1 ParentTreeNextKey too small",
        lambda pdf: _set(pdf.Root.StructTreeRoot, "/ParentTreeNextKey", 2),
        r"^StructTreeRoot: /ParentTreeNextKey 2 is not above the largest key used, 2$",
    ),
    ("1 no Lang", lambda pdf: _delete(pdf.Root, "/Lang"), r"^catalog: /Lang is missing or empty$"),
    (
        "1 empty Lang",
        lambda pdf: _set(pdf.Root, "/Lang", String("")),
        r"^catalog: /Lang is missing or empty$",
    ),
    (
        "1 DisplayDocTitle false",
        lambda pdf: _set(pdf.Root.ViewerPreferences, "/DisplayDocTitle", False),
        r"^catalog: /ViewerPreferences lacks /DisplayDocTitle true$",
    ),
    ("1 no Metadata", lambda pdf: _delete(pdf.Root, "/Metadata"), r"^catalog: no /Metadata XMP stream$"),
    (
        "1 no pdfuaid",
        lambda pdf: _xmp(pdf, b"<pdfuaid:part>1</pdfuaid:part>", b""),
        r"^XMP metadata: no pdfuaid:part \(namespace http://www.aiim.org/pdfua/ns/id/\)$",
    ),
    (
        "1 pdfuaid in another namespace",
        lambda pdf: _xmp(pdf, b"http://www.aiim.org/pdfua/ns/id/", b"http://www.aiim.org/pdfa/ns/id/"),
        r"^XMP metadata: no pdfuaid:part",
    ),
    (
        "1 pdfuaid part 2",
        lambda pdf: _xmp(pdf, b"<pdfuaid:part>1<", b"<pdfuaid:part>2<"),
        r"^XMP metadata: pdfuaid:part is '2', not 1$",
    ),
    (
        "1 pdfuaid as an attribute",
        lambda pdf: (
            _xmp(pdf, b"<pdfuaid:part>1</pdfuaid:part>", b""),
            _xmp(pdf, b'rdf:about=""', b'rdf:about="" pdfuaid:part="3"'),
        ),
        r"^XMP metadata: pdfuaid:part is '3', not 1$",
    ),
    (
        "1 no dc:title",
        lambda pdf: _xmp(pdf, b">Sleep well<", b"> <"),
        r"^XMP metadata: no dc:title, or it is empty$",
    ),
    ("1 XMP not XML", lambda pdf: _xmp(pdf, b"</x:xmpmeta>", b""), r"^XMP metadata: cannot be read as XML"),
    (
        "1 no info Title",
        lambda pdf: _delete(pdf.docinfo, "/Title"),
        r"^document info: /Title is missing or empty$",
    ),
    # Rule 2: the role map.
    (
        "2 a standard type remapped",
        lambda pdf: _set(pdf.Root.StructTreeRoot.RoleMap, "/P", Name.Span),
        r"^RoleMap: remaps the standard type P \(to Span\)$",
    ),
    (
        "2 a map to no standard type",
        lambda pdf: _set(pdf.Root.StructTreeRoot.RoleMap, "/Aside", Name.Sidebar),
        r"^RoleMap: Aside maps to Sidebar, which leads to no standard type$",
    ),
    (
        "2 a map in a circle",
        lambda pdf: _set(pdf.Root.StructTreeRoot.RoleMap, "/Aside", Name.Box),
        r"^RoleMap: Box maps to Aside, which leads to no standard type$",
    ),
    (
        "2 a map to a string",
        lambda pdf: _set(pdf.Root.StructTreeRoot.RoleMap, "/Aside", String("Div")),
        r"^RoleMap: Aside maps to something that is not a name$",
    ),
    # Rule 3: pages.
    (
        "3 no StructParents",
        lambda pdf: _delete(_page(pdf, 2), "/StructParents"),
        r"^page 2: no integer /StructParents$",
    ),
    ("3 no Tabs", lambda pdf: _delete(_page(pdf, 1), "/Tabs"), r"^page 1: /Tabs is not /S$"),
    ("3 Tabs by rows", lambda pdf: _set(_page(pdf, 2), "/Tabs", Name.R), r"^page 2: /Tabs is not /S$"),
    # Rule 4: marked content.
    (
        "4 text outside",
        lambda pdf: _content(pdf, 2, b"EI Q EMC", b"EI Q EMC BT /F1 12 Tf (Stray) Tj ET"),
        r"^page 2: 1 painting operator\(s\) in neither an /Artifact nor an MCID sequence \(Tj 1\);"
        r" the first text: 'Stray'$",
    ),
    (
        "4 a path outside",
        lambda pdf: _content(
            pdf, 1, b"/Artifact BMC 0 0 1 rg 0 820 595 4 re f EMC", b"0 0 1 rg 0 820 595 4 re f"
        ),
        r"^page 1: 1 painting operator\(s\) .* \(f 1\)$",
    ),
    (
        "4 a shading outside",
        lambda pdf: _content(pdf, 2, b"q 1 0 0 1", b"/Sh0 sh q 1 0 0 1"),
        r"^page 2: 1 painting operator\(s\) .* \(sh 1\)$",
    ),
    (
        "4 an image outside",
        lambda pdf: _content(
            pdf, 1, b"/Figure <</MCID 2>> BDC q 100 0 0 100 72 600 cm /Im1 Do Q EMC", b"/Im1 Do"
        ),
        r"^page 1: 1 painting operator\(s\) .* \(Do \(image\) 1\)$",
    ),
    (
        "4 an inline image outside",
        lambda pdf: (
            _content(pdf, 2, b"/Artifact BMC q 10", b"q 10"),
            _content(pdf, 2, b"EI Q EMC", b"EI Q"),
        ),
        r"^page 2: 1 painting operator\(s\) .* \(inline image 1\)$",
    ),
    (
        "4 a form painted outside",
        lambda pdf: _content(pdf, 1, b"/P /MC0 BDC /Fm1 Do EMC", b"/Fm1 Do"),
        r"^page 1: 2 painting operator\(s\) .* \(Tj 1, S 1\); the first text: 'Keep warm.'$",
    ),
    (
        "4 text in a sequence that does not tag",
        lambda pdf: _content(
            pdf, 2, b"EI Q EMC", b"EI Q EMC /Span <</Lang (fr)>> BDC BT /F1 12 Tf (Oui) Tj ET EMC"
        ),
        r"^page 2: 1 painting operator\(s\) .*\(Tj 1\); the first text: 'Oui'$",
    ),
    (
        "4 an MCID inside an artifact",
        lambda pdf: _content(pdf, 1, b"0 0 1 rg", b"/P <</MCID 9>> BDC EMC 0 0 1 rg"),
        r"^page 1: MCID 9 \(/P\) is nested inside an /Artifact sequence$",
    ),
    (
        "4 an artifact inside an MCID",
        lambda pdf: _content(pdf, 2, b"(Less pain.) Tj", b"(Less pain.) Tj /Artifact BMC EMC"),
        r"^page 2: an /Artifact sequence is nested inside MCID 1$",
    ),
    (
        "4 an MCID inside an MCID",
        lambda pdf: _content(pdf, 2, b"(Less pain.) Tj", b"/Span <</MCID 2>> BDC (Less pain.) Tj EMC"),
        r"^page 2: MCID 2 \(/Span\) is nested inside MCID 1$",
    ),
    (
        "4 an MCID in a form inside an MCID",
        lambda pdf: _edit(_form(pdf), FORM, b"/Span <</MCID 0>> BDC " + FORM + b" EMC"),
        r"^page 1, form /Fm1 \(obj \d+\): MCID 0 \(/Span\) is nested inside MCID 8$",
    ),
    (
        "4 an MCID in a form without StructParents",
        _form_with_own_mcid,
        r"^page 1, form /Fm1 \(obj \d+\): MCID 0 is in a form XObject that has no /StructParents$",
    ),
    (
        "4 an MCID in an artifact's property list",
        lambda pdf: _content(
            pdf, 1, b"/Artifact <</Type /Pagination>>", b"/Artifact <</Type /Pagination /MCID 9>>"
        ),
        r"^page 1: an /Artifact sequence has an MCID \(9\)$",
    ),
    (
        "4 a property list the resources lack",
        lambda pdf: _content(pdf, 1, b"/P /MC0 BDC", b"/P /MC9 BDC"),
        r"^page 1: BDC /P names the property list /MC9, which the resources lack$",
    ),
    (
        "4 a sequence left open",
        lambda pdf: _content(pdf, 2, b"EI Q EMC", b"EI Q"),
        r"^page 2: not closed by EMC before the stream ends: an /Artifact sequence$",
    ),
    (
        "4 an EMC too many",
        lambda pdf: _content(pdf, 2, b"EI Q EMC", b"EI Q EMC EMC"),
        r"^page 2: EMC without a BMC or BDC open in the same stream$",
    ),
    (
        "4 a sequence a form leaves open",
        lambda pdf: _edit(_form(pdf), FORM, b"/Span BMC " + FORM),
        r"^page 1, form /Fm1 \(obj \d+\): not closed by EMC before the stream ends: /Span$",
    ),
    (
        "4 a sequence a form closes for the page",
        lambda pdf: (
            _content(pdf, 1, b"/P /MC0 BDC /Fm1 Do EMC", b"/P /MC0 BDC /Fm1 Do"),
            _edit(_form(pdf), FORM, FORM + b" EMC"),
        ),
        r"^page 1, form /Fm1 \(obj \d+\): EMC without a BMC or BDC open in the same stream$",
    ),
    (
        "4 an MCID that is not a whole number",
        lambda pdf: _content(pdf, 1, b"/H1 <</MCID 0>>", b"/H1 <</MCID 0.5>>"),
        r"^page 1: BDC /H1 has the MCID 0.5, not a whole number$",
    ),
    (
        "4 a font the resources lack",
        lambda pdf: _content(pdf, 2, b"/F1 18 Tf", b"/F9 18 Tf"),
        r"^page 2: Tf selects the font /F9, which the resources lack$",
    ),
    (
        "4 an XObject the resources lack",
        lambda pdf: _content(pdf, 1, b"/Im1 Do", b"/Im9 Do"),
        r"^page 1: Do paints /Im9, which the resources lack$",
    ),
    (
        "4 a form that paints itself",
        lambda pdf: (
            _set(_form(pdf).Resources, "/XObject", Dictionary(Fm1=_form(pdf))),
            _edit(_form(pdf), FORM, FORM + b" /Fm1 Do"),
        ),
        r"^page 1, form /Fm1 \(obj \d+\): form /Fm1 \(obj \d+\) paints itself$",
    ),
    # Rule 5: MCIDs and the parent tree.
    (
        "5 an MCID used twice",
        lambda pdf: _content(pdf, 1, b"/TD <</MCID 6>>", b"/TD <</MCID 5>>"),
        r"^page 1: MCID 5 is used by more than one marked-content sequence$",
    ),
    (
        "5 an MCID no element holds",
        lambda pdf: _content(pdf, 2, b"EI Q EMC", b"EI Q EMC /P <</MCID 2>> BDC EMC"),
        r"^page 2: MCID 2 is held by no structure element in the tree$",
    ),
    (
        "5 an MCID the parent tree lacks",
        lambda pdf: _content(pdf, 2, b"EI Q EMC", b"EI Q EMC /P <</MCID 2>> BDC EMC"),
        r"^page 2: the ParentTree array for /StructParents 2 has no element for MCID 2$",
    ),
    (
        "5 the parent tree gives an MCID to another element",
        _swap_parents,
        r"^page 1: the ParentTree gives MCID 0 to P \(obj \d+\), whose /K lacks it$",
    ),
    (
        "5 an element claims an MCID the content lacks",
        lambda pdf: _element(pdf, "Figure").K.append(12),
        r"^structure element Figure \(obj \d+\): claims MCID 12 on page 1, which its content does not have$",
    ),
    (
        "5 an element on the wrong page",
        lambda pdf: _set(_element(pdf, "TD"), "/Pg", _page(pdf, 2)),
        r"^structure element TD \(obj \d+\): claims MCID 6 on page 2, which its content does not have$",
    ),
    (
        "5 an MCID without a page",
        lambda pdf: _delete(_element(pdf, "H1"), "/Pg"),
        r"^structure element H1 \(obj \d+\): holds MCID 0 but neither it nor the MCR has a /Pg$",
    ),
    (
        "5 an MCR without a page",
        lambda pdf: _delete(_element(pdf, "P", 3).K[0], "/Pg"),
        r"^structure element P \(obj \d+\): holds MCID 1 but neither it nor the MCR has a /Pg$",
    ),
    (
        "5 a page not in the document",
        lambda pdf: _set(_element(pdf, "H2"), "/Pg", pdf.make_indirect(Dictionary(Type=Name.Page))),
        r"^structure element H2 \(obj \d+\): holds MCID 0 with a /Pg that is not a page of this document$",
    ),
    (
        "5 an MCID two elements hold",
        lambda pdf: _element(pdf, "P").K.append(0),
        r"^page 1: MCID 0 is held by 2 structure elements$",
    ),
    (
        "5 a page the parent tree lacks",
        _drop_page_2_parents,
        r"^page 2: the ParentTree has no entry for its /StructParents 2$",
    ),
    (
        "5 a page's parent tree entry not an array",
        lambda pdf: _set(
            pdf.Root.StructTreeRoot.ParentTree.Kids[1], "/Nums", Array([2, _element(pdf, "H2")])
        ),
        r"^page 2: the ParentTree entry for its /StructParents 2 is not an array$",
    ),
    (
        "5 a key shared",
        lambda pdf: _set(_page(pdf, 2), "/StructParents", 1),
        r"^ParentTree: key 1 is used by .*page 2$",
    ),
    (
        "5 a number tree leaf with an odd /Nums",
        _odd_nums,
        r"^ParentTree: /Nums of obj \d+ is not an array of key-value pairs$",
    ),
    # Rule 6: the structure elements.
    (
        "6 no Document at the root",
        lambda pdf: _set(_element(pdf, "Document"), "/S", Name.Sect),
        r"^StructTreeRoot: its kids are \['Sect'\], not a single Document element$",
    ),
    (
        "6 two elements at the root",
        lambda pdf: pdf.Root.StructTreeRoot.K.append(
            pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P, P=pdf.Root.StructTreeRoot))
        ),
        r"^StructTreeRoot: its kids are \['Document', 'P'\], not a single Document element$",
    ),
    (
        "6 a type neither standard nor mapped",
        lambda pdf: _set(_element(pdf, "P"), "/S", Name.Para),
        r"^structure element Para \(obj \d+\): /Para is neither a standard type nor role-mapped to one$",
    ),
    (
        "6 no S",
        lambda pdf: _delete(_element(pdf, "P"), "/S"),
        r"^structure element \(no /S\) \(obj \d+\): no /S$",
    ),
    (
        "6 a figure without Alt",
        lambda pdf: _delete(_element(pdf, "Figure"), "/Alt"),
        r"^structure element Figure \(obj \d+\): no /Alt \(or /ActualText\), or it is empty$",
    ),
    (
        "6 a figure with a blank Alt",
        lambda pdf: _set(_element(pdf, "Figure"), "/Alt", String("  ")),
        r"^structure element Figure \(obj \d+\): no /Alt",
    ),
    (
        "6 the first heading not H1",
        lambda pdf: _set(_element(pdf, "H1"), "/S", Name.H2),
        r"^structure element H2 \(obj \d+\): the first heading is H2, not H1$",
    ),
    (
        "6 a heading level skipped",
        lambda pdf: _set(_element(pdf, "H2"), "/S", Name.H3),
        r"^structure element H3 \(obj \d+\): H3 follows H1, skipping a level$",
    ),
    (
        "6 a list holding a paragraph",
        lambda pdf: _set(_element(pdf, "LI"), "/S", Name.P),
        r"^structure element L \(obj \d+\): holds P \(obj \d+\), not only Caption, L, LI$",
    ),
    (
        "6 a list item holding a paragraph",
        lambda pdf: _set(_element(pdf, "LBody"), "/S", Name.P),
        r"^structure element LI \(obj \d+\): holds P \(obj \d+\), not only LBody, Lbl$",
    ),
    (
        "6 a list item outside a list",
        lambda pdf: _set(_element(pdf, "L"), "/S", Name.Div),
        r"^structure element LI \(obj \d+\): is inside Div, not L$",
    ),
    (
        "6 a list body outside a list item",
        lambda pdf: _set(_element(pdf, "LI"), "/S", Name.Div),
        r"^structure element LBody \(obj \d+\): is inside Div, not LI$",
    ),
    (
        "6 a list holding marked content",
        lambda pdf: (_set(_element(pdf, "L"), "/Pg", _page(pdf, 1)), _element(pdf, "L").K.append(3)),
        r"^structure element L \(obj \d+\): holds marked content or an object directly, not only Caption,",
    ),
    (
        "6 a row holding a paragraph",
        lambda pdf: _set(_element(pdf, "TD"), "/S", Name.P),
        r"^structure element TR \(obj \d+\): holds P \(obj \d+\), not only TD, TH$",
    ),
    (
        "6 a table holding a cell",
        lambda pdf: _set(_element(pdf, "TR"), "/S", Name.Span),
        r"^structure element Table \(obj \d+\): holds Span \(obj \d+\), not only Caption, TBody, TFoot,",
    ),
    (
        "6 a cell outside a row",
        lambda pdf: _set(_element(pdf, "TR", 1), "/S", Name.Div),
        r"^structure element TD \(obj \d+\): is inside Div, not TR$",
    ),
    (
        "6 a row outside a table",
        lambda pdf: _set(_element(pdf, "Table"), "/S", Name.Div),
        r"^structure element TR \(obj \d+\): is inside Div, not TBody or TFoot or THead or Table$",
    ),
    (
        "6 a header cell without A",
        lambda pdf: _delete(_element(pdf, "TH"), "/A"),
        r"^structure element TH \(obj \d+\): no /Scope in a /Table attribute object",
    ),
    (
        "6 a header cell's scope in a Layout attribute",
        lambda pdf: _set(_element(pdf, "TH"), "/A", Dictionary(O=Name.Layout, Scope=Name.Column)),
        r"^structure element TH \(obj \d+\): no /Scope in a /Table attribute object",
    ),
    (
        "6 a header cell with a wrong scope",
        lambda pdf: _set(_element(pdf, "TH").A, "/Scope", Name.Sideways),
        r"^structure element TH \(obj \d+\): /Scope is Sideways, not /Row, /Column or /Both$",
    ),
    (
        "6 an element reached twice",
        lambda pdf: _element(pdf, "Document").K.append(_element(pdf, "H2")),
        r"^structure element H2 \(obj \d+\): is reached twice in the structure tree$",
    ),
    (
        "6 a kid that is nothing",
        lambda pdf: _element(pdf, "Document").K.append(String("hello")),
        r"^structure element Document \(obj \d+\): has a kid that is not a structure element",
    ),
    (
        "6 a note without ID",
        lambda pdf: _set(_element(pdf, "P", 2), "/S", Name.Note),
        r"^structure element Note \(obj \d+\): a Note without an /ID$",
    ),
    (
        "6 an ID used twice",
        lambda pdf: (
            _set(_element(pdf, "P", 2), "/ID", String("note-1")),
            _set(_element(pdf, "H2"), "/ID", String("note-1")),
        ),
        r"^structure element H2 \(obj \d+\): /ID 'note-1' is also structure element P \(obj \d+\)'s$",
    ),
    # Rule 7: fonts.
    (
        "7 a font not embedded",
        lambda pdf: _delete(_page(pdf, 2).Resources.Font.F1.FontDescriptor, "/FontFile2"),
        r"^page 1: font /F1 \(AAAAAA\+Test-Regular, obj \d+\) is not embedded$",
    ),
    (
        "7 a font without ToUnicode",
        lambda pdf: _delete(_page(pdf, 1).Resources.Font.F1, "/ToUnicode"),
        r"^page 1: font /F1 \(AAAAAA\+Test-Regular, obj \d+\) has no /ToUnicode CMap$",
    ),
    ("7 a standard 14 font", _helvetica, r"^page 1: font /F1 \(Helvetica, obj \d+\) is not embedded$"),
    (
        "7 a standard 14 font's Unicode",
        _helvetica,
        r"^page 1: font /F1 \(Helvetica, obj \d+\) has no /ToUnicode",
    ),
    (
        "7 a Type0 font not embedded",
        _unembedded_type0,
        r"^page 1: font /F1 \(AAAAAA\+Test-Regular, obj \d+\) is not",
    ),
    (
        "7 a form's font not embedded",
        _form_font,
        r"^page 1, form /Fm1 \(obj \d+\): font /F2 \(Helvetica, obj \d+\) is not embedded$",
    ),
    # Rule 8: annotations.
    (
        "8 a link without Contents",
        lambda pdf: _delete(_page(pdf, 1).Annots[0], "/Contents"),
        r"^page 1: Link annotation \(obj \d+\): /Contents is missing or empty$",
    ),
    (
        "8 a link without StructParent",
        lambda pdf: _delete(_page(pdf, 1).Annots[0], "/StructParent"),
        r"^page 1: Link annotation \(obj \d+\): no integer /StructParent$",
    ),
    (
        "8 a link's element without OBJR",
        lambda pdf: _element(pdf, "Link").K.__delitem__(1),
        r"^page 1: Link annotation \(obj \d+\): its structure element Link \(obj \d+\) has no OBJR to it",
    ),
    (
        "8 a link in a paragraph",
        _link_parent_is_paragraph,
        r"^page 1: Link annotation \(obj \d+\): its structure element is P \(obj \d+\), not Link$",
    ),
    (
        "8 a link the parent tree lacks",
        lambda pdf: _set(_page(pdf, 1).Annots[0], "/StructParent", 7),
        r"^page 1: Link annotation \(obj \d+\): the ParentTree has no structure element for its /Struct",
    ),
    (
        "8 a note outside the structure",
        _note,
        r"^page 1: Text annotation \(obj \d+\): no integer /StructParent$",
    ),
    # Rule 9: languages.
    (
        "9 an empty Lang",
        lambda pdf: _set(_element(pdf, "Box"), "/Lang", String("")),
        r"^structure element Box→Div \(obj \d+\): /Lang is not a non-empty string$",
    ),
    (
        "9 a Lang that is a name",
        lambda pdf: _set(_element(pdf, "P"), "/Lang", Name.en),
        r"^structure element P \(obj \d+\): /Lang is not a non-empty string$",
    ),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_each_rule_catches_its_violation(change: Change, expected: str) -> None:
    pdf = tagged_pdf()
    change(pdf)
    found = problems(pdf)
    assert any(re.search(expected, line) for line in found), found


def test_the_tagged_pdf_conforms_once_saved(tmp_path: Path) -> None:
    path = tmp_path / "tagged.pdf"
    tagged_pdf().save(path)
    assert problems(path) == []
    assert problems(str(path)) == []


def test_the_structure_reads_in_order_with_alt_for_figures() -> None:
    assert structure_text(tagged_pdf()) == READING


def test_an_element_with_text_and_kids_reads_in_the_order_of_its_kids() -> None:
    pdf = tagged_pdf()
    paragraph = _element(pdf, "P", 1)  # the link's paragraph, now: its own text, the link, its text again
    paragraph.Pg = _page(pdf, 1)
    paragraph.K = Array([4, paragraph.K[0], 6])
    reading = structure_text(pdf)
    assert reading[7:10] == [("P", "Use a pillow."), ("Link", "example.org"), ("P", "Every night")]


def test_marked_text_sorts_each_pages_text_by_how_it_is_marked(tmp_path: Path) -> None:
    path = tmp_path / "tagged.pdf"
    tagged_pdf().save(path)
    first, second = marked_text(path)
    assert first.mcids == {
        0: "Sleep well",
        1: "Lie on your side.",
        2: "",
        3: "•",
        4: "Use a pillow.",
        5: "When",
        6: "Every night",
        7: "example.org",
        8: "Keep warm.",
    }
    assert first.artifacts == ["", "Page 1"]
    assert first.untagged == []
    assert second.mcids == {0: "Why it helps", 1: "Less pain."}
    assert second.artifacts == [""]
    assert second.form_mcids == {}


def test_marked_text_shows_what_is_neither() -> None:
    pdf = tagged_pdf()
    _content(pdf, 2, b"EI Q EMC", b"EI Q EMC BT /F1 12 Tf (Stray) Tj ( text) Tj ET")
    assert marked_text(pdf)[1].untagged == ["Stray", "text"]


def test_a_form_with_its_own_structure_parents_numbers_its_own_mcids() -> None:
    """A form's MCIDs are its own when it has /StructParents; elements reach them through an MCR
    with /Stm, and the parent tree through the form's key."""
    pdf = tagged_pdf()
    form = _form(pdf)
    _content(pdf, 1, b"/P /MC0 BDC /Fm1 Do EMC", b"/Fm1 Do")
    _edit(form, FORM, b"/P <</MCID 0>> BDC " + FORM + b" EMC")
    form.StructParents = 3
    pdf.Root.StructTreeRoot.ParentTreeNextKey = 4
    element = _element(pdf, "P", 2)
    element.K = Array([Dictionary(Type=Name.MCR, Pg=_page(pdf, 1), Stm=form, MCID=0)])
    _parent_tree_entries(pdf, 0)[8] = None
    pdf.Root.StructTreeRoot.ParentTree.Kids[1].Nums.extend([3, Array([element])])
    assert problems(pdf) == []
    assert marked_text(pdf)[0].form_mcids == {form.objgen[0]: {0: "Keep warm."}}
    assert ("P", "Keep warm.") in structure_text(pdf)


def test_an_untagged_pdf_gets_a_list_not_a_crash() -> None:
    """What ReportLab writes when nobody tags: Helvetica, no structure, text straight on the page."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    helvetica = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    page.obj.Resources = Dictionary(Font=Dictionary(F1=helvetica))
    font = f"page 1: font /F1 (Helvetica, obj {helvetica.objgen[0]})"
    page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 72 760 Td (Hello) Tj ET 72 750 m 200 750 l S")
    found = problems(pdf)
    for expected in (
        "catalog: /MarkInfo lacks /Marked true",
        "catalog: no /StructTreeRoot",
        "catalog: /Lang is missing or empty",
        "catalog: /ViewerPreferences lacks /DisplayDocTitle true",
        "catalog: no /Metadata XMP stream",
        "document info: /Title is missing or empty",
        "page 1: no integer /StructParents",
        "page 1: /Tabs is not /S",
        "page 1: 2 painting operator(s) in neither an /Artifact nor an MCID sequence (Tj 1, S 1);"
        " the first text: 'Hello'",
        f"{font} is not embedded",
        f"{font} has no /ToUnicode CMap",
    ):
        assert expected in found
    assert len(found) == 11
    assert structure_text(pdf) == []
    assert marked_text(pdf)[0].untagged == ["Hello"]


def test_encryption_must_let_assistive_technology_read(tmp_path: Path) -> None:
    """qpdf always sets the accessibility bit (PDF 2.0 deprecates it), so the test clears bit 10 of /P
    in the file itself: with AES-256 (R 6) the key does not depend on /P, and the file still opens."""
    path = tmp_path / "locked.pdf"
    tagged_pdf().save(path, encryption=pikepdf.Encryption(owner="owner", user="", R=6))
    assert problems(path) == []
    data = path.read_bytes()
    found = re.search(rb"/P (-\d+)", data)  # the permissions: their high bits are set
    assert found is not None
    locked = int(found.group(1)) & ~512
    path.write_bytes(data.replace(found.group(0), b"/P %0*d" % (len(found.group(1)), locked), 1))
    assert problems(path) == [
        "document: encrypted without the permission to extract content for accessibility"
    ]


def test_a_pdf_without_pages_gets_a_list_not_a_crash() -> None:
    assert "catalog: no /StructTreeRoot" in problems(pikepdf.new())
