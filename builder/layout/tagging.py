"""Marked content for a tagged PDF: what each thing painted on a page is, for a screen reader.

The layout builds the structure as it builds the story, in reading order: an ``Element`` per heading,
paragraph, list, list item, table cell, figure or box, each inside the element that holds it (a section,
a list, a box). Drawing then brackets every leaf's painting in a marked-content sequence with its own
number (MCID) on the page, or, for page furniture, rules, tints and icons, in an ``/Artifact`` sequence;
``Tagger`` records which element each number belongs to. ``pdf_structure`` writes the tree into the
finished file. ReportLab's open-source edition writes no tags itself.

Sequences never nest: a leaf drawn inside another leaf's sequence (a picture in a marked row) joins it,
and an artifact inside a leaf's painting (a contents line's dot leaders) ends the leaf's sequence and
starts a new one for the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph


@dataclass(eq=False)
class Element:
    """A structure element: ``role`` is a PDF structure type (``P``, ``H2``, ``LI``, ``Figure``...) or
    one of ``ROLE_MAP``'s own; ``alt`` is a figure's text alternative, ``lang`` the language of a passage
    in another language than the document's; ``attributes`` go in its ``/A`` under their owner (``Table``:
    a header cell's ``Scope``; ``List``: ``ListNumbering``). A cell kept ``empty`` stays in its row when
    it has nothing painted (a box to tick), so that every row has all its cells."""

    role: str
    parent: Element | None = None
    alt: str | None = None
    lang: str | None = None
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)
    empty: bool = False
    described: str | None = None
    """What a link drawn over it says, to a screen reader, of where it goes."""
    kids: list[Element] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.parent is not None:
            self.parent.kids.append(self)

    def add(self, role: str, **options: Any) -> Element:
        """A new element, last inside this one."""
        return Element(role, self, **options)


ARTIFACT = Element("Artifact")
"""What a flowable is tagged with when nothing it paints is content: rules, tints, icons, tick boxes."""

ROLE_MAP = {"Aside": "Div"}
"""Our own structure types, as PDF 1.7 knows them: a box beside the text (PDF 2.0 has ``Aside``)."""


class Tagger:
    """Brackets what is drawn on one canvas in marked-content sequences and records, page by page, the
    element each sequence's number belongs to. A canvas without a tagger (a measuring pass, the imposed
    sheets) draws as before."""

    def __init__(self) -> None:
        self.pages: dict[int, list[Element]] = {}
        """For each page (from 1), the element of each MCID, in order."""
        self.content: dict[int, list[tuple[int, int]]] = {}
        """For each element (by id), its sequences as (page, MCID), in the order drawn."""
        self.links: list[tuple[int, Element | None]] = []
        """Each link added: its page, and the element whose painting it covers (None: an artifact's)."""
        self.drawn: dict[int, Flowable] = {}
        """The flowables drawn, by id (held, so that no id is taken by another flowable meanwhile)."""
        self.current: Element | None = None
        self._opened_at = -1

    def has_content(self, element: Element) -> bool:
        return id(element) in self.content

    @contextmanager
    def marked(self, canvas: Canvas, element: Element, flowable: Flowable | None = None) -> Iterator[None]:
        """Everything drawn inside, as ``element``'s content (or as an artifact); see ``begin``."""
        opened = self.begin(canvas, element, flowable)
        try:
            yield
        finally:
            if opened:
                self._end(canvas)

    def begin(self, canvas: Canvas, element: Element, flowable: Flowable | None = None) -> bool:
        """Opens a sequence for ``element`` unless one is open already (what is drawn joins it); False
        if none was opened. A flowable drawn a second time (a table's heading row, repeated on the next
        page) is an artifact the second time."""
        if self.current is not None:
            return False
        if flowable is not None:
            if id(flowable) in self.drawn:
                element = ARTIFACT
            self.drawn[id(flowable)] = flowable
        self._begin(canvas, element)
        return True

    def end(self, canvas: Canvas) -> None:
        """Closes what ``begin`` opened."""
        self._end(canvas)

    @contextmanager
    def artifact(self, canvas: Canvas, kind: str = "") -> Iterator[None]:
        """What is drawn inside is page furniture or decoration, even in the middle of a leaf's painting:
        the leaf's sequence ends before it and a new one, for the same element, starts after."""
        interrupted = self.current
        if interrupted is ARTIFACT:
            yield
            return
        if interrupted is not None:
            self._end(canvas)
        canvas.addLiteral(f"/Artifact <</Type /{kind}>> BDC" if kind else "/Artifact BMC")
        self.current = ARTIFACT
        try:
            yield
        finally:
            canvas.addLiteral("EMC")
            self.current = None
            if interrupted is not None:
                self._begin(canvas, interrupted)

    def link(self, canvas: Canvas) -> None:
        """A link is being added to the page, over what the current element paints: the structure holds
        it there, page by page in the order the page lists its links."""
        element = self.current if self.current is not None and self.current is not ARTIFACT else None
        self.links.append((canvas.getPageNumber(), element))

    def switch_in_text(self, canvas: Canvas, code: list[str], element: Element | None) -> None:
        """Inside a text object (``code``), end the open sequence and start one for ``element`` (None:
        none), since no sequence may cross the text object's BT or ET."""
        if self.current is not None:
            code.append("EMC")
            self.current = None
        if element is not None:
            mcid = self._number(canvas, element)
            code.append(f"/{element.role} <</MCID {mcid}>> BDC")
            self.current = element

    def _number(self, canvas: Canvas, element: Element) -> int:
        """A new MCID on the current page, for ``element``."""
        page = canvas.getPageNumber()
        numbers = self.pages.setdefault(page, [])
        numbers.append(element)
        self.content.setdefault(id(element), []).append((page, len(numbers) - 1))
        return len(numbers) - 1

    def _begin(self, canvas: Canvas, element: Element) -> None:
        self.current = element
        if element is ARTIFACT:
            canvas.addLiteral("/Artifact BMC")
            return
        mcid = self._number(canvas, element)
        canvas.addLiteral(f"/{element.role} <</MCID {mcid}>> BDC")
        self._opened_at = len(canvas._code)

    def _end(self, canvas: Canvas) -> None:
        element, self.current = self.current, None
        if element is not ARTIFACT and element is not None and len(canvas._code) == self._opened_at:
            self._take_back(canvas, element)  # nothing painted in it: no empty sequence is left behind
            return
        canvas.addLiteral("EMC")

    def _take_back(self, canvas: Canvas, element: Element) -> None:
        canvas._code.pop()
        page, _ = self.content[id(element)].pop()
        self.pages[page].pop()
        if not self.content[id(element)]:
            del self.content[id(element)]


def tagger_of(canvas: Canvas) -> Tagger | None:
    return getattr(canvas, "tagger", None)


@contextmanager
def content(canvas: Canvas, element: Element) -> Iterator[None]:
    """Page-level drawing (a cover's title, the masthead's phone number) as ``element``'s content."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield
        return
    with tagger.marked(canvas, element):
        yield


@contextmanager
def artifact(canvas: Canvas, kind: str = "") -> Iterator[None]:
    """Page furniture (``kind``: ``Pagination`` for running headers, footers and page numbers,
    ``Layout`` for tints and rules) or decoration, which a screen reader skips."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield
        return
    with tagger.artifact(canvas, kind):
        yield


class Tagged:
    """A flowable whose painting is ``tag``'s content (mixed in before the ReportLab class)."""

    tag: Element = ARTIFACT

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        tagger = getattr(canvas, "tagger", None)
        if tagger is None or not tagger.begin(canvas, self.tag, self):  # type: ignore[arg-type]
            super().drawOn(canvas, x, y, _sW)  # type: ignore[misc]
            return
        try:
            super().drawOn(canvas, x, y, _sW)  # type: ignore[misc]
        finally:
            tagger.end(canvas)


class TaggedParagraph(Tagged, Paragraph):
    """A paragraph and what it is in the structure; its pieces, where it breaks across pages, stay one
    element. With a ``label`` (a list item), the bullet ReportLab draws first is the label's content and
    the text the ``tag``'s."""

    def __init__(
        self,
        text: str | None,
        style: Any,
        tag: Element = ARTIFACT,
        label: Element | None = None,
        **options: Any,
    ) -> None:
        super().__init__(text, style, **options)
        self.tag, self.label = tag, label

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        pieces = super().split(available_width, available_height)
        for piece in pieces:
            piece.tag, piece.label = self.tag, self.label
        return pieces

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        tagger = tagger_of(canvas)
        if tagger is None or self.label is None or tagger.current is not None:
            super().drawOn(canvas, x, y, _sW)
            return
        # ReportLab draws a bullet as a text object of its own, before the paragraph's text.
        elements = iter([self.label, self.tag])
        draw_text = canvas.drawText

        def marked_text(text: Any) -> None:
            with tagger.marked(canvas, next(elements, self.tag)):
                draw_text(text)

        canvas.drawText = marked_text  # type: ignore[method-assign]
        try:
            Paragraph.drawOn(self, canvas, x, y, _sW)
        finally:
            del canvas.drawText


SWITCH = "tagging_switch"
"""The name of the paragraph callback that starts a passage's marked content (see ``passage``)."""


def passage(index: int) -> str:
    """Markup starting passage ``index`` of a ``MixedLanguageParagraph`` (0: its own text; "end")."""
    return f'<onDraw name="{SWITCH}" label="{index}"/>'


class MixedLanguageParagraph(TaggedParagraph):
    """A paragraph with passages in another language ("Also available in English." in a Spanish
    handout): each passage, begun in the markup by ``passage(n)``, is a ``Span`` of ``passages[n - 1]``
    with its own language, so a screen reader speaks it in that language. The marks go inside the
    paragraph's one text object, as the callbacks reach each passage. The markup begins with
    ``passage(0)`` and ends with ``passage(-1)``."""

    def __init__(self, text: str, style: Any, tag: Element, passages: list[Element]) -> None:
        super().__init__(text, style, tag)
        self.passages = passages

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        pieces = super().split(available_width, available_height)
        for piece in pieces:
            piece.passages = self.passages
        return pieces

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        found = tagger_of(canvas)
        # Inside another sequence (or on an untagged canvas) the callbacks mark nothing.
        tagger = found if found is not None and found.current is None else None
        elements = [self.tag, *self.passages]

        def switch(canvas: Canvas, kind: str, label: str) -> None:
            if tagger is not None:
                index = int(label)
                code = canvas._curr_tx_info["tx"]._code
                tagger.switch_in_text(canvas, code, elements[index] if index >= 0 else None)

        canvas.setNamedCB(SWITCH, switch)
        Paragraph.drawOn(self, canvas, x, y, _sW)
