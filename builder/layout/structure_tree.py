"""Writes what ``tagging`` recorded into the finished PDF: the structure tree, the parent tree that maps
each page's marked content back to its element, and the document-level entries of a tagged PDF/UA-1
file (ISO 14289-1): marked, its language, its title shown, XMP metadata naming the standard.

ReportLab writes the pages; the tree is added with pikepdf (qpdf), which also packs the objects into
compressed object streams, so a tagged file is no bigger than the untagged one was.
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, String

from builder.layout.tagging import ROLE_MAP, Element, Tagger

PDF_UA_PART = "1"


def tagged_pdf(pdf: bytes, document: Element, tagger: Tagger, lang: str, title: str) -> bytes:
    """``pdf`` as a tagged PDF: ``document`` and what of it ``tagger`` saw drawn, in ``lang``."""
    with Pdf.open(io.BytesIO(pdf)) as doc:
        _Tree(doc, tagger).write(document)
        catalog = doc.Root
        catalog.MarkInfo = Dictionary(Marked=True)
        catalog.Lang = String(lang)
        catalog.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:title"] = title
            meta["pdfuaid:part"] = PDF_UA_PART
        out = io.BytesIO()
        doc.save(
            out,
            deterministic_id=True,  # the same input gives the same bytes
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            compress_streams=True,
        )
        return out.getvalue()


class _Tree:
    """The structure elements as PDF objects, and the parent tree, for one document."""

    def __init__(self, doc: Pdf, tagger: Tagger) -> None:
        self.doc, self.tagger = doc, tagger
        self.pages = list(doc.pages)
        self.owners: dict[int, list[pikepdf.Object | None]] = {}
        """For each page (from 1), the element that owns each MCID."""
        self.objects: dict[int, pikepdf.Object] = {}
        """Each element written, by id, for the links to find."""
        self.seen: dict[int, bool] = {}
        self.roles: dict[str, pikepdf.Name] = {}
        self.page_objects = [page.obj for page in self.pages]

    def write(self, document: Element) -> None:
        root = self.doc.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        top = self._element(document, root)
        root.K = Array([top]) if top is not None else Array()
        numbers: list[pikepdf.Object | int] = []
        for index, page in enumerate(self.pages):
            page.obj.StructParents = index
            page.obj.Tabs = Name.S  # links in the order of the structure
            owners = self.owners.get(index + 1, [])
            numbers += [index, self.doc.make_indirect(Array([o for o in owners if o is not None]))]
        next_key = len(self.pages)
        for key, annotation, owner in self._links(next_key):
            annotation.StructParent = key
            numbers += [key, owner]
            next_key += 1
        root.ParentTree = self.doc.make_indirect(Dictionary(Nums=Array(numbers)))
        root.ParentTreeNextKey = next_key
        used = {element.role for element in _walk(document) if self._drawn(element)}
        roles = {role: mapped for role, mapped in ROLE_MAP.items() if role in used}
        if roles:
            root.RoleMap = Dictionary({f"/{role}": Name(f"/{mapped}") for role, mapped in roles.items()})
        self.doc.Root.StructTreeRoot = root

    def _element(self, element: Element, parent: pikepdf.Object) -> pikepdf.Object | None:
        """``element`` as a PDF object, or None where nothing of it was drawn (an alternative layout of
        the same content, a panel left out)."""
        if not self._drawn(element):
            return None
        entries: dict[str, object] = {"/Type": Name.StructElem, "/S": self._role(element.role), "/P": parent}
        if element.alt:
            entries["/Alt"] = String(element.alt)
        if element.lang:
            entries["/Lang"] = String(element.lang)
        if element.attributes:
            attributes = [
                Dictionary({"/O": Name(f"/{owner}"), **{f"/{k}": Name(f"/{v}") for k, v in values.items()}})
                for owner, values in element.attributes.items()
            ]
            entries["/A"] = attributes[0] if len(attributes) == 1 else Array(attributes)
        content = self.tagger.content.get(id(element), [])
        pages = {page for page, _ in content}
        if len(pages) == 1:  # on one page: the page once, and the bare numbers
            entries["/Pg"] = self.page_objects[content[0][0] - 1]
        obj = self.doc.make_indirect(Dictionary(entries))
        self.objects[id(element)] = obj
        kids: list[pikepdf.Object | int] = []
        for page, mcid in content:
            if len(pages) == 1:
                kids.append(mcid)
            else:
                kids.append(Dictionary(Type=Name.MCR, Pg=self.page_objects[page - 1], MCID=mcid))
            owners = self.owners.setdefault(page, [])
            owners += [None] * (mcid + 1 - len(owners))
            owners[mcid] = obj
        kept = [kid for kid in element.kids if self._drawn(kid) or (kid.empty and self._drawn(element))]
        for kid in kept:
            written = self._element(kid, obj) if self._drawn(kid) else None
            kids.append(written if written is not None else self._empty(kid, obj))
        obj.K = Array(kids)
        return obj

    def _empty(self, element: Element, parent: pikepdf.Object) -> pikepdf.Object:
        """A table cell with nothing painted in it (a box to tick): kept, so its row has all its cells."""
        obj = Dictionary(Type=Name.StructElem, S=self._role(element.role), P=parent, K=Array())
        return self.doc.make_indirect(obj)

    def _role(self, role: str) -> pikepdf.Name:
        name = self.roles.get(role)
        if name is None:
            name = self.roles[role] = Name(f"/{role}")
        return name

    def _drawn(self, element: Element) -> bool:
        """Whether anything of ``element`` was drawn, itself or an element inside it."""
        known = self.seen.get(id(element))
        if known is None:
            known = self.tagger.has_content(element) or any(self._drawn(kid) for kid in element.kids)
            self.seen[id(element)] = known
        return known

    def _links(self, first_key: int) -> list[tuple[int, pikepdf.Object, pikepdf.Object]]:
        """Each link annotation with a parent tree key, and a ``Link`` element holding it inside the
        element it covers: ReportLab lists a page's links in the order they were drawn, as the tagger
        saw them."""
        recorded: dict[int, list[Element | None]] = {}
        for page, element in self.tagger.links:
            recorded.setdefault(page, []).append(element)
        found = []
        key = first_key
        for number, pdf_page in enumerate(self.pages, start=1):
            links = [a for a in pdf_page.obj.get("/Annots", Array()) if a.get("/Subtype") == Name.Link]
            for annotation, element in zip(links, recorded.get(number, []), strict=False):
                holder = self.objects.get(id(element)) if element is not None else None
                if holder is None or element is None:
                    continue
                reference = Dictionary(Type=Name.OBJR, Obj=annotation, Pg=pdf_page.obj)
                link = holder
                if Name.Link != holder.S:  # a link over part of a paragraph: a Link of its own in it
                    link = self.doc.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Link, P=holder))
                    link.K = Array()
                    holder.K.append(link)
                link.K.append(reference)
                annotation.Contents = String(element.described or element.role)
                found.append((key, annotation, link))
                key += 1
        return found


def _walk(element: Element) -> list[Element]:
    found = [element]
    for kid in element.kids:
        found += _walk(kid)
    return found
