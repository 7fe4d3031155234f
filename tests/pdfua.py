"""A PDF/UA-1 (ISO 14289-1) checker for the tests, built on pikepdf.

It checks the conditions of the Matterhorn Protocol that software can decide and that a PDF generator
controls: the catalog's entries and the XMP identification, the role map, that every page's painting is
either tagged content or an artifact, that every MCID and annotation ties back to its structure element
through the parent tree, the structure tree itself (standard types, lists and tables nested as they must
be, heading levels, alternative text, a header cell's scope, languages), and that fonts are embedded and
map to Unicode. What takes a person (is the alt text apt, is the reading order the one a sighted reader
follows) it leaves to the tests, which read the tagged text back with ``structure_text`` and
``marked_text``.

Why not veraPDF: it needs a Java runtime and seconds a file; this reads a handout in milliseconds, so every
build in the suite can be checked. It is not a full validator, and says nothing of what it does not check.

Problems are one line each and start with where they apply: ``catalog:``, ``page 2:``, ``structure
element H3 (obj 41):``, ``RoleMap:``..., so a failing test's message points at the object to look at.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, Object, Pdf, Stream, String

__all__ = ["STANDARD_TYPES", "PageMarks", "marked_text", "problems", "structure_text"]

Key = tuple[int, int]
"""An indirect object's (number, generation): how the checker tells objects apart."""

Source = Path | str | Pdf
"""A PDF file, or one already open (a test may check a PDF it built without saving it)."""

STANDARD_TYPES = frozenset(
    """Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
    H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot
    Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP
    Figure Formula Form""".split()  # noqa: SIM905 (the list as ISO 32000-1 prints it)
)
"""The structure types of PDF 1.7 (ISO 32000-1, 14.8.4), all that PDF/UA-1 lets a role map lead to."""

_HEADING_LEVELS = {f"H{level}": level for level in range(1, 7)}

_ALLOWED_KIDS: dict[str, frozenset[str]] = {
    "L": frozenset({"LI", "L", "Caption"}),
    "LI": frozenset({"Lbl", "LBody"}),
    "Table": frozenset({"TR", "THead", "TBody", "TFoot", "Caption"}),
    "THead": frozenset({"TR"}),
    "TBody": frozenset({"TR"}),
    "TFoot": frozenset({"TR"}),
    "TR": frozenset({"TH", "TD"}),
}
"""The only kids these grouping elements may have (ISO 32000-1, 14.8.4.3); marked content directly inside
them is wrong too: a screen reader would announce a list item or cell that is not there."""

_REQUIRED_PARENTS: dict[str, frozenset[str]] = {
    "LI": frozenset({"L"}),
    "LBody": frozenset({"LI"}),
    "TR": frozenset({"Table", "THead", "TBody", "TFoot"}),
    "TH": frozenset({"TR"}),
    "TD": frozenset({"TR"}),
    "THead": frozenset({"Table"}),
    "TBody": frozenset({"Table"}),
    "TFoot": frozenset({"Table"}),
}
"""The other half of the same rule: a list item or cell outside its list or row (Matterhorn 09-004)."""

_TEXT_SHOWING = frozenset({"Tj", "TJ", "'", '"'})
_PATH_PAINTING = frozenset({"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh"})
_LINE_BREAKS = frozenset({"BT", "Td", "TD", "T*", "Tm", "'", '"'})
"""Operators after which the next text shown starts elsewhere: the text read back gets a space there."""
_RELEVANT = _TEXT_SHOWING | _PATH_PAINTING | _LINE_BREAKS | {"BMC", "BDC", "EMC", "Tf", "q", "Q", "Do"}
"""The operators the scan looks at; the rest (colours, path construction, matrices) it passes over
first thing, as most of a page's operators are those."""

_TJ_SPACE = -200
"""A TJ adjustment (thousandths of an em) at least this far to the right reads as a word space."""

_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"


# Reading PDF objects -------------------------------------------------------------------------------


def _name(value: object) -> str | None:
    """A PDF name without its slash, or None when ``value`` is not a name."""
    return str(value)[1:] if isinstance(value, Name) else None


def _string(value: object) -> str | None:
    """A PDF string's text, or None when ``value`` is not a string."""
    return str(value) if isinstance(value, String) else None


def _filled(value: object) -> bool:
    """Whether ``value`` is a string with more than white space in it: what "non-empty" means here."""
    text = _string(value)
    return bool(text and text.strip())


def _items(value: object) -> list[Object]:
    """An entry that may hold one object or an array of them (/K, /A, /C, /Annots) as a list."""
    if value is None:
        return []
    if isinstance(value, Array):
        return list(value)
    return [value]


def _label(obj: Object) -> str:
    """How a problem names an object: its object number, which a PDF inspector can jump to."""
    number = obj.objgen[0]
    return f"obj {number}" if number else "a direct object"


def _inherited(page: Dictionary, key: str) -> Object | None:
    """A page attribute that may be set on the page or on a /Pages node above it (/Resources)."""
    node: object = page
    for _ in range(64):
        if not isinstance(node, Dictionary):
            return None
        if key in node:
            return node[key]
        node = node.get("/Parent")
    return None


def _resource(resources: object, category: str, name: object) -> Object | None:
    """The object that ``name`` names in a resource dictionary's ``category`` (/Font, /XObject...)."""
    if not isinstance(resources, Dictionary) or not isinstance(name, Name):
        return None
    group = resources.get(category)
    return group.get(str(name)) if isinstance(group, Dictionary) else None


def _number_tree(node: object, where: str) -> tuple[dict[int, Object], list[str]]:
    """A number tree's entries, from its leaves' /Nums and through its /Kids, with what is wrong in it."""
    entries: dict[int, Object] = {}
    found: list[str] = []
    pending, seen = [node], set()
    while pending:
        current = pending.pop()
        if not isinstance(current, Dictionary):
            found.append(f"{where}: a node is not a dictionary")
            continue
        if current.objgen != (0, 0):
            if current.objgen in seen:
                found.append(f"{where}: node {_label(current)} is reached twice")
                continue
            seen.add(current.objgen)
        nums, kids = current.get("/Nums"), current.get("/Kids")
        if nums is None and kids is None:
            found.append(f"{where}: node {_label(current)} has neither /Nums nor /Kids")
        if nums is not None:
            pairs = list(nums) if isinstance(nums, Array) else []
            if not isinstance(nums, Array) or len(pairs) % 2:
                found.append(f"{where}: /Nums of {_label(current)} is not an array of key-value pairs")
            for key, value in zip(pairs[::2], pairs[1::2], strict=False):
                if type(key) is int:
                    entries[key] = value
                else:
                    found.append(f"{where}: key {key!r} in {_label(current)} is not an integer")
        if kids is not None:
            pending.extend(reversed(_items(kids)))
    return entries, found


# Text -----------------------------------------------------------------------------------------------

_CMAP_SECTION = re.compile(rb"begin(codespacerange|bfchar|bfrange)(.*?)end\1", re.S)
_CMAP_TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>|\[|\]|/[^\s/<>\[\]()]*")


def _cmap_tokens(body: bytes) -> list[bytes | str | None]:
    """A CMap section's tokens: hex strings as bytes, brackets as ``"["`` and ``"]"``, names as None."""
    tokens: list[bytes | str | None] = []
    for match in _CMAP_TOKEN.finditer(body):
        token = match.group(0)
        if token[:1] == b"<":
            digits = re.sub(rb"\s", b"", match.group(1))
            tokens.append(bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode()))
        elif token in (b"[", b"]"):
            tokens.append(token.decode())
        else:
            tokens.append(None)
    return tokens


class _Decoder:
    """Turns the bytes a text-showing operator shows into Unicode, by the font's /ToUnicode CMap.

    The tests compare the tagged text with what they put in a handout, so the checker reads the text
    back; ReportLab's subset fonts number their glyphs in the order used, so the bytes alone say nothing.
    A simple font without a CMap is read as WinAnsi, near enough for the standard 14 fonts."""

    def __init__(self, font: Dictionary) -> None:
        self.simple = _name(font.get("/Subtype")) != "Type0"
        self.spaces: list[tuple[bytes, bytes]] = []
        self.chars: dict[bytes, str] = {}
        self.ranges: list[tuple[int, int, int, bytes | list[str]]] = []
        self.cache: dict[bytes, str] = {}
        cmap = font.get("/ToUnicode")
        self.mapped = isinstance(cmap, Stream)
        if self.mapped:
            try:
                self._read(cmap.read_bytes())
            except pikepdf.PdfError:
                self.mapped = False
        self.lengths = sorted({len(low) for low, _ in self.spaces}) or [1 if self.simple else 2]
        self.table: dict[int, str] | None = None
        """For one-byte codes, each code's text, for ``str.translate``: the fast way."""

    def _read(self, data: bytes) -> None:
        for section in _CMAP_SECTION.finditer(data):
            kind, tokens = section.group(1), _cmap_tokens(section.group(2))
            if kind == b"codespacerange":
                pairs = zip(tokens[::2], tokens[1::2], strict=False)
                self.spaces += [(low, high) for low, high in pairs if isinstance(low, bytes) and high]
            elif kind == b"bfchar":
                for source, target in zip(tokens[::2], tokens[1::2], strict=False):
                    if isinstance(source, bytes) and isinstance(target, bytes):
                        self.chars[source] = target.decode("utf-16-be", errors="replace")
            else:
                self._read_ranges(tokens)

    def _read_ranges(self, tokens: list[bytes | str | None]) -> None:
        position = 0
        while position + 2 < len(tokens):
            low, high, target = tokens[position : position + 3]
            position += 3
            if target == "[":
                end = tokens.index("]", position) if "]" in tokens[position:] else len(tokens)
                target = [t.decode("utf-16-be", errors="replace") for t in tokens[position:end] if t]
                position = end + 1
            if isinstance(low, bytes) and isinstance(high, bytes) and isinstance(target, (bytes, list)):
                start, stop = int.from_bytes(low, "big"), int.from_bytes(high, "big")
                self.ranges.append((len(low), start, stop, target))

    def decode(self, data: bytes) -> str:
        if not self.mapped:
            return data.decode("cp1252", errors="replace") if self.simple else ""
        if self.lengths == [1]:
            if self.table is None:
                self.table = {code: self._lookup(bytes([code])) for code in range(256)}
            return data.decode("latin-1").translate(self.table)
        out, position = [], 0
        while position < len(data):
            length = self._code_length(data, position)
            out.append(self._lookup(data[position : position + length]))
            position += length
        return "".join(out)

    def _code_length(self, data: bytes, position: int) -> int:
        if len(self.lengths) == 1:
            return self.lengths[0]
        for length in self.lengths:
            code = data[position : position + length]
            if any(len(low) == length and low <= code <= high for low, high in self.spaces):
                return length
        return self.lengths[0]

    def _lookup(self, code: bytes) -> str:
        if code not in self.cache:
            self.cache[code] = self.chars.get(code) or self._in_ranges(code)
        return self.cache[code]

    def _in_ranges(self, code: bytes) -> str:
        value = int.from_bytes(code, "big")
        for length, start, stop, target in self.ranges:
            if length == len(code) and start <= value <= stop:
                if isinstance(target, list):
                    return target[value - start] if value - start < len(target) else "\ufffd"
                shifted = int.from_bytes(target, "big") + value - start
                return shifted.to_bytes(len(target), "big").decode("utf-16-be", errors="replace")
        return "\ufffd"


def _tidy(pieces: list[str]) -> str:
    """Text pieces as one line, runs of white space folded: how the tests compare text."""
    return " ".join("".join(pieces).split())


# Content streams ------------------------------------------------------------------------------------


@dataclass
class _Sequence:
    """A marked-content sequence open at some point of a content stream."""

    kind: str
    """``"mcid"``, ``"artifact"`` or ``"other"`` (a /Span with /ActualText, optional content...):
    only the first two make what is painted inside them tagged or an artifact."""
    label: str
    text: list[str] | None = None
    """Where the text shown inside it goes (MCIDs and artifacts only)."""


@dataclass
class _PageScan:
    """What one page's content, with the forms it paints, shows and how it is marked."""

    number: int
    mcids: dict[Key, dict[int, list[str]]] = field(default_factory=dict)
    """For each stream MCIDs are numbered in (the page, or a form with /StructParents), each MCID's
    text pieces."""
    forms: dict[Key, Stream] = field(default_factory=dict)
    """The forms with /StructParents painted on the page, whose MCIDs are their own."""
    artifacts: list[list[str]] = field(default_factory=list)
    untagged: list[str] = field(default_factory=list)
    """Each run of text shown outside both MCIDs and artifacts."""
    untagged_painting: Counter[str] = field(default_factory=Counter)
    fonts: dict[Key, tuple[str, Dictionary]] = field(default_factory=dict)
    """Every font in a resource dictionary the page's content uses, with where it was found."""
    problems: list[str] = field(default_factory=list)


class _ContentScanner:
    """Walks one page's content and the forms it paints, keeping the marked-content sequences open at
    each operator: a form's content is inside whatever sequence was open where it is painted."""

    def __init__(self, scan: _PageScan, decoders: dict[Key, _Decoder], text: bool) -> None:
        self.scan = scan
        self.decoders = decoders
        self.text = text
        """Whether to read back the text of MCIDs and artifacts too, not only untagged text (which a
        problem quotes): the checks alone need none, and decoding is half a scan's time."""
        self.open: list[_Sequence] = []
        self.tagged: list[_Sequence] = []
        """The open sequences that tag (MCIDs and artifacts), innermost last."""
        self.line_break = False

    def run(self, page: pikepdf.Page) -> None:
        resources = _inherited(page.obj, "/Resources")
        self._stream(page, resources, f"page {self.scan.number}", page.obj.objgen, (), None)

    def _stream(
        self,
        source: pikepdf.Page | Stream,
        resources: Object | None,
        where: str,
        owner: Key | None,
        forms: tuple[Key, ...],
        font: _Decoder | None,
    ) -> None:
        """Scans one content stream; ``owner`` is what its MCIDs are numbered in (None: a form without
        /StructParents, where an MCID means nothing), ``forms`` the forms being painted, against loops."""
        try:
            instructions = pikepdf.parse_content_stream(source)
        except pikepdf.PdfError as error:
            self.scan.problems.append(f"{where}: the content stream cannot be parsed ({error})")
            return
        self._note_fonts(resources, where)
        base, saved_fonts = len(self.open), []
        for instruction in instructions:
            operator = str(instruction.operator)
            if operator not in _RELEVANT:
                if operator == "INLINE IMAGE":
                    self._paint("inline image")
                continue
            operands = instruction.operands
            if operator in _LINE_BREAKS:
                self.line_break = True
            if operator in _TEXT_SHOWING:
                self._show_text(operator, operands, font)
            elif operator in _PATH_PAINTING:
                self._paint(operator)
            elif operator in ("BMC", "BDC"):
                self._begin(operator, operands, resources, where, owner)
            elif operator == "EMC":
                if len(self.open) > base:
                    self._end()
                else:
                    self.scan.problems.append(f"{where}: EMC without a BMC or BDC open in the same stream")
            elif operator == "Tf":
                font = self._font(operands, resources, where)
            elif operator == "q":
                saved_fonts.append(font)
            elif operator == "Q" and saved_fonts:
                font = saved_fonts.pop()
            elif operator == "Do":
                self._do(operands, resources, where, forms, font)
        if len(self.open) > base:
            unclosed = ", ".join(sequence.label for sequence in self.open[base:])
            self.scan.problems.append(f"{where}: not closed by EMC before the stream ends: {unclosed}")
            del self.open[base:]
            self.tagged = [sequence for sequence in self.open if sequence.kind != "other"]

    def _begin(
        self, operator: str, operands: list[Object], resources: Object | None, where: str, owner: Key | None
    ) -> None:
        tag = _name(operands[0]) if operands else None
        properties = operands[1] if operator == "BDC" and len(operands) > 1 else None
        if isinstance(properties, Name):
            named = _resource(resources, "/Properties", properties)
            if not isinstance(named, Dictionary):
                self.scan.problems.append(
                    f"{where}: BDC /{tag} names the property list {properties}, which the resources lack"
                )
            properties = named
        mcid = properties.get("/MCID") if isinstance(properties, Dictionary) else None
        if tag == "Artifact":
            sequence = self._begin_artifact(where, mcid)
        elif mcid is not None:
            sequence = self._begin_mcid(tag, mcid, where, owner)
        else:
            sequence = _Sequence("other", f"/{tag}")
        self.open.append(sequence)
        if sequence.kind != "other":
            self.tagged.append(sequence)

    def _begin_artifact(self, where: str, mcid: object) -> _Sequence:
        if mcid is not None:
            self.scan.problems.append(f"{where}: an /Artifact sequence has an MCID ({mcid})")
        inside = next((s for s in reversed(self.tagged) if s.kind == "mcid"), None)
        if inside is not None:
            self.scan.problems.append(f"{where}: an /Artifact sequence is nested inside {inside.label}")
        sequence = _Sequence("artifact", "an /Artifact sequence", [])
        self.scan.artifacts.append(sequence.text)
        return sequence

    def _begin_mcid(self, tag: str | None, mcid: object, where: str, owner: Key | None) -> _Sequence:
        label = f"MCID {mcid}"
        if type(mcid) is not int or mcid < 0:
            self.scan.problems.append(f"{where}: BDC /{tag} has the MCID {mcid}, not a whole number")
            return _Sequence("mcid", label, [])
        if self.tagged:
            self.scan.problems.append(f"{where}: {label} (/{tag}) is nested inside {self.tagged[-1].label}")
        if owner is None:
            self.scan.problems.append(f"{where}: {label} is in a form XObject that has no /StructParents")
            return _Sequence("mcid", label, [])
        texts = self.scan.mcids.setdefault(owner, {})
        if mcid in texts:
            self.scan.problems.append(f"{where}: {label} is used by more than one marked-content sequence")
        return _Sequence("mcid", label, texts.setdefault(mcid, []))

    def _end(self) -> None:
        if self.open.pop().kind != "other":
            self.tagged.pop()

    def _paint(self, what: str) -> None:
        if not self.tagged:
            self.scan.untagged_painting[what] += 1

    def _show_text(self, operator: str, operands: list[Object], font: _Decoder | None) -> None:
        self._paint(operator)
        if self.tagged and not self.text:
            return
        shown = operands[-1] if operands else None
        pieces = list(shown) if isinstance(shown, Array) else [shown]
        text = []
        for piece in pieces:
            if isinstance(piece, String):
                data = bytes(piece)
                text.append(font.decode(data) if font else data.decode("cp1252", errors="replace"))
            elif isinstance(piece, (int, float, Decimal)):
                text.append(" " if piece <= _TJ_SPACE else "")
        if not self.tagged:
            self.scan.untagged.append("".join(text))
        else:
            sink = self.tagged[-1].text
            if self.line_break and sink:
                sink.append(" ")
            sink.extend(text)
        self.line_break = False

    def _font(self, operands: list[Object], resources: Object | None, where: str) -> _Decoder | None:
        name = operands[0] if operands else None
        font = _resource(resources, "/Font", name)
        if not isinstance(font, Dictionary):
            self.scan.problems.append(f"{where}: Tf selects the font {name}, which the resources lack")
            return None
        key = font.objgen
        if key == (0, 0):
            return _Decoder(font)
        if key not in self.decoders:
            self.decoders[key] = _Decoder(font)
        return self.decoders[key]

    def _do(
        self,
        operands: list[Object],
        resources: Object | None,
        where: str,
        forms: tuple[Key, ...],
        font: _Decoder | None,
    ) -> None:
        name = operands[0] if operands else None
        xobject = _resource(resources, "/XObject", name)
        if not isinstance(xobject, Stream):
            self.scan.problems.append(f"{where}: Do paints {name}, which the resources lack")
            return
        subtype = _name(xobject.get("/Subtype"))
        if subtype == "Image":
            self._paint("Do (image)")
        elif subtype == "Form":
            key = xobject.objgen
            if key in forms:
                self.scan.problems.append(f"{where}: form {name} ({_label(xobject)}) paints itself")
                return
            owner = key if type(xobject.get("/StructParents")) is int else None
            if owner is not None:
                self.scan.forms[key] = xobject
            form_where = f"{where}, form {name} ({_label(xobject)})"
            form_resources = xobject.get("/Resources", resources)
            self._stream(xobject, form_resources, form_where, owner, (*forms, key), font)

    def _note_fonts(self, resources: Object | None, where: str) -> None:
        fonts = resources.get("/Font") if isinstance(resources, Dictionary) else None
        if not isinstance(fonts, Dictionary):
            return
        for name, font in fonts.items():
            if isinstance(font, Dictionary):
                key = font.objgen if font.objgen != (0, 0) else (-1, len(self.scan.fonts))
                self.scan.fonts.setdefault(key, (f"{where}: font {name}", font))


def _scan_page(page: pikepdf.Page, number: int, decoders: dict[Key, _Decoder], text: bool) -> _PageScan:
    scan = _PageScan(number)
    _ContentScanner(scan, decoders, text).run(page)
    return scan


# The structure tree ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Content:
    """A structure element's marked-content kid: an MCID in the stream ``owner`` (a page or a form;
    None when the kid does not say which)."""

    owner: Key | None
    mcid: int


@dataclass(frozen=True)
class _ObjectRef:
    """A structure element's object reference kid (OBJR): an annotation, say."""

    target: Key


@dataclass(eq=False)
class _Element:
    """A structure element as the walk met it: its type as written and after the role map."""

    obj: Dictionary
    raw: str | None
    role: str | None
    """The standard type it is, or None when its /S leads to none."""
    parent: _Element | None
    kids: list[_Element | _Content | _ObjectRef] = field(default_factory=list)

    @property
    def label(self) -> str:
        mapped = f"→{self.role}" if self.role and self.role != self.raw else ""
        return f"structure element {self.raw or '(no /S)'}{mapped} ({_label(self.obj)})"


class _Document:
    """A PDF read once for every check: its pages, structure tree, role map and parent tree, and what
    each page's content shows."""

    def __init__(self, pdf: Pdf, text: bool) -> None:
        self.pdf = pdf
        self.problems: list[str] = []
        """What was found wrong while reading."""
        self.pages = list(pdf.pages)
        self.page_numbers = {page.obj.objgen: number for number, page in enumerate(self.pages, 1)}
        root = pdf.Root.get("/StructTreeRoot")
        self.struct_root = root if isinstance(root, Dictionary) else None
        self.role_map = self._read_role_map()
        class_map = self.struct_root.get("/ClassMap") if self.struct_root is not None else None
        self.class_map = class_map if isinstance(class_map, Dictionary) else Dictionary()
        self.parent_tree = self._read_parent_tree()
        decoders: dict[Key, _Decoder] = {}
        self.scans = [_scan_page(page, number, decoders, text) for number, page in enumerate(self.pages, 1)]
        self.elements: list[_Element] = []
        """Every structure element, in reading order (the tree walked depth first)."""
        self.top: list[_Element] = []
        self._walk_structure()

    def _read_role_map(self) -> dict[str, str | None]:
        role_map = self.struct_root.get("/RoleMap") if self.struct_root is not None else None
        if not isinstance(role_map, Dictionary):
            return {}
        return {key[1:]: _name(value) for key, value in role_map.items()}

    def _read_parent_tree(self) -> dict[int, Object]:
        tree = self.struct_root.get("/ParentTree") if self.struct_root is not None else None
        if tree is None:
            return {}
        entries, found = _number_tree(tree, "ParentTree")
        self.problems += found
        return entries

    def resolve(self, raw: str | None) -> str | None:
        """The standard type a structure type is, through the role map (None: it leads to none)."""
        seen: set[str] = set()
        while raw is not None and raw not in STANDARD_TYPES:
            if raw in seen:
                return None
            seen.add(raw)
            raw = self.role_map.get(raw)
        return raw

    def page_label(self, key: Key) -> str:
        """How a problem names the page, or form, whose content MCIDs of ``key`` are numbered in."""
        if key in self.page_numbers:
            return f"page {self.page_numbers[key]}"
        return f"form XObject (obj {key[0]})"

    def read_kid(self, kid: object, page: object) -> tuple[_Content | _ObjectRef | Dictionary | None, str]:
        """One entry of a structure element's /K, whose /Pg is ``page``: an MCID (with the stream it is
        in), an object reference, a structure element to visit; or None, and what is wrong with it."""
        if type(kid) is int:
            owner, wrong = self._owner(page, kid)
            return _Content(owner, kid), wrong
        if not isinstance(kid, Dictionary):
            return None, f"has a kid that is not a structure element, MCID, MCR or OBJR: {kid!r}"
        kind = _name(kid.get("/Type"))
        if kind == "MCR":
            mcid = kid.get("/MCID")
            if type(mcid) is not int:
                return None, "has an MCR without an integer /MCID"
            stream = kid.get("/Stm")
            if isinstance(stream, Stream):
                return _Content(stream.objgen, mcid), ""
            owner, wrong = self._owner(kid.get("/Pg", page), mcid)
            return _Content(owner, mcid), wrong
        if kind == "OBJR":
            target = kid.get("/Obj")
            if not isinstance(target, Object) or target.objgen == (0, 0):
                return None, "has an OBJR whose /Obj is not an indirect object"
            return _ObjectRef(target.objgen), ""
        if "/S" in kid or kind == "StructElem":
            return kid, ""
        return None, f"has a kid dictionary that is not a structure element, MCR or OBJR ({_label(kid)})"

    def _owner(self, page: object, mcid: int) -> tuple[Key | None, str]:
        if page is None:
            return None, f"holds MCID {mcid} but neither it nor the MCR has a /Pg"
        if not isinstance(page, Dictionary) or page.objgen not in self.page_numbers:
            return None, f"holds MCID {mcid} with a /Pg that is not a page of this document"
        return page.objgen, ""

    def _walk_structure(self) -> None:
        if self.struct_root is None:
            return
        seen: set[Key] = set()
        for kid in _items(self.struct_root.get("/K")):
            if isinstance(kid, Dictionary) and "/S" in kid:
                element = self._visit(kid, None, seen)
                if element is not None:
                    self.top.append(element)
            else:
                self.problems.append("StructTreeRoot: /K holds something other than a structure element")

    def _visit(self, obj: Dictionary, parent: _Element | None, seen: set[Key]) -> _Element | None:
        raw = _name(obj.get("/S"))
        element = _Element(obj, raw, self.resolve(raw), parent)
        if obj.objgen != (0, 0):
            if obj.objgen in seen:
                self.problems.append(f"{element.label}: is reached twice in the structure tree")
                return None
            seen.add(obj.objgen)
        self.elements.append(element)
        page = obj.get("/Pg")
        for kid in _items(obj.get("/K")):
            item, wrong = self.read_kid(kid, page)
            if wrong:
                self.problems.append(f"{element.label}: {wrong}")
            if isinstance(item, Dictionary):
                item = self._visit(item, element, seen)
            if item is not None:
                element.kids.append(item)
        return element

    def holds(self, element: Dictionary, target: _Content | _ObjectRef) -> bool:
        """Whether a structure element's own /K lists ``target``: what the parent tree says it does."""
        page = element.get("/Pg")
        return any(self.read_kid(kid, page)[0] == target for kid in _items(element.get("/K")))

    def owner_object(self, key: Key) -> Object | None:
        """The page or form whose content MCIDs of ``key`` are numbered in."""
        if key in self.page_numbers:
            return self.pages[self.page_numbers[key] - 1].obj
        return next((scan.forms[key] for scan in self.scans if key in scan.forms), None)


# The checks ----------------------------------------------------------------------------------------


def _catalog_problems(doc: _Document) -> Iterator[str]:
    """Rule 1: what the catalog, the structure tree root and the metadata must say (Matterhorn 01, 06, 07,
    11)."""
    root = doc.pdf.Root
    marks = root.get("/MarkInfo")
    if not (isinstance(marks, Dictionary) and marks.get("/Marked") is True):
        yield "catalog: /MarkInfo lacks /Marked true"
    tree = doc.struct_root
    if tree is None:
        yield "catalog: no /StructTreeRoot"
    else:
        if _name(tree.get("/Type")) != "StructTreeRoot":
            yield "StructTreeRoot: /Type is not /StructTreeRoot"
        if tree.get("/ParentTree") is None:
            yield "StructTreeRoot: no /ParentTree"
        if type(tree.get("/ParentTreeNextKey")) is not int:
            yield "StructTreeRoot: no integer /ParentTreeNextKey"
    if not _filled(root.get("/Lang")):
        yield "catalog: /Lang is missing or empty"
    preferences = root.get("/ViewerPreferences")
    if not (isinstance(preferences, Dictionary) and preferences.get("/DisplayDocTitle") is True):
        yield "catalog: /ViewerPreferences lacks /DisplayDocTitle true"
    yield from _metadata_problems(root.get("/Metadata"))
    if doc.pdf.is_encrypted and not doc.pdf.allow.accessibility:
        yield "document: encrypted without the permission to extract content for accessibility"
    info = doc.pdf.trailer.get("/Info")
    if not (isinstance(info, Dictionary) and _filled(info.get("/Title"))):
        yield "document info: /Title is missing or empty"


def _metadata_problems(metadata: object) -> Iterator[str]:
    """The XMP must name the document (dc:title) and claim PDF/UA-1 (pdfuaid:part 1)."""
    if not isinstance(metadata, Stream):
        yield "catalog: no /Metadata XMP stream"
        return
    try:
        xmp = ET.fromstring(metadata.read_bytes())
    except (ET.ParseError, pikepdf.PdfError) as error:
        yield f"XMP metadata: cannot be read as XML ({error})"
        return
    part = f"{_PDFUAID}part"
    parts = [(node.text or "").strip() for node in xmp.iter(part)]
    parts += [node.attrib[part].strip() for node in xmp.iter() if part in node.attrib]
    if not parts:
        yield f"XMP metadata: no pdfuaid:part (namespace {_PDFUAID[1:-1]})"
    elif parts[0] != "1":
        yield f"XMP metadata: pdfuaid:part is {parts[0]!r}, not 1"
    titles = []
    for title in xmp.iter(f"{_DC}title"):
        titles += [item.text for item in title.iter(f"{_RDF}li")] or [title.text]
    titles += [node.attrib[f"{_DC}title"] for node in xmp.iter() if f"{_DC}title" in node.attrib]
    if not any(text and text.strip() for text in titles):
        yield "XMP metadata: no dc:title, or it is empty"


def _role_map_problems(doc: _Document) -> Iterator[str]:
    """Rule 2: the role map only maps our own types, each to a standard one (Matterhorn 02-001, 02-004)."""
    for key, value in doc.role_map.items():
        if key in STANDARD_TYPES:
            yield f"RoleMap: remaps the standard type {key} (to {value})"
        elif value is None:
            yield f"RoleMap: {key} maps to something that is not a name"
        elif doc.resolve(key) is None:
            yield f"RoleMap: {key} maps to {value}, which leads to no standard type"


def _page_problems(doc: _Document) -> Iterator[str]:
    """Rule 3: each page's entry in the parent tree, and tab order following the structure (Matterhorn
    24-001 for /Tabs)."""
    for number, page in enumerate(doc.pages, 1):
        if type(page.obj.get("/StructParents")) is not int:
            yield f"page {number}: no integer /StructParents"
        if _name(page.obj.get("/Tabs")) != "S":
            yield f"page {number}: /Tabs is not /S"


def _content_problems(doc: _Document) -> Iterator[str]:
    """Rule 4: everything painted is either an artifact or tagged content, and sequences are well formed
    (Matterhorn 01-001 to 01-004). Untagged painting is summed up per page, not listed operator by
    operator: an untagged page has hundreds."""
    for scan in doc.scans:
        yield from scan.problems
        if scan.untagged_painting:
            total = sum(scan.untagged_painting.values())
            counts = ", ".join(f"{what} {count}" for what, count in scan.untagged_painting.most_common())
            sample = next((text for text in map(str.strip, scan.untagged) if text), None)
            shown = f"; the first text: {sample[:60]!r}" if sample else ""
            yield (
                f"page {scan.number}: {total} painting operator(s) in neither an /Artifact nor an MCID"
                f" sequence ({counts}){shown}"
            )


def _font_problems(doc: _Document) -> Iterator[str]:
    """Rule 7: fonts embedded, with a Unicode map (Matterhorn 31-001, 31-027 and the like), each font once
    wherever it is first found."""
    checked: set[Key] = set()
    for scan in doc.scans:
        for key, (where, font) in scan.fonts.items():
            if key in checked:
                continue
            checked.add(key)
            subtype = _name(font.get("/Subtype"))
            named = f"{where} ({_name(font.get('/BaseFont')) or subtype}, {_label(font)})"
            if subtype != "Type3" and not _embedded(font):
                yield f"{named} is not embedded"
            if not isinstance(font.get("/ToUnicode"), Stream):
                yield f"{named} has no /ToUnicode CMap"


def _embedded(font: Dictionary) -> bool:
    """Whether the font program is in the file: a Type0 font's is in its descendant's descriptor."""
    if _name(font.get("/Subtype")) == "Type0":
        descendants = _items(font.get("/DescendantFonts"))
        font = descendants[0] if descendants else None
    descriptor = font.get("/FontDescriptor") if isinstance(font, Dictionary) else None
    return isinstance(descriptor, Dictionary) and any(
        isinstance(descriptor.get(key), Stream) for key in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def _mcid_problems(doc: _Document) -> Iterator[str]:
    """Rule 5: each MCID in the content belongs to exactly the element the parent tree says, and each MCID
    an element claims is in the content (Matterhorn 01, 06 and ISO 32000-1 14.7.4.4). Without a structure
    tree it says nothing: "no /StructTreeRoot" says it all."""
    if doc.struct_root is None:
        return
    claims: dict[_Content, list[_Element]] = {}
    for element in doc.elements:
        for kid in element.kids:
            if isinstance(kid, _Content) and kid.owner is not None:
                claims.setdefault(kid, []).append(element)
    present: dict[Key, set[int]] = {}
    for scan in doc.scans:
        for owner, texts in scan.mcids.items():
            present.setdefault(owner, set()).update(texts)
    for owner, mcids in present.items():
        yield from _owned_mcid_problems(doc, owner, sorted(mcids), claims)
    for content, elements in claims.items():
        if content.mcid not in present.get(content.owner, ()):
            for element in elements:
                yield (
                    f"{element.label}: claims MCID {content.mcid} on {doc.page_label(content.owner)},"
                    " which its content does not have"
                )


def _owned_mcid_problems(
    doc: _Document, owner: Key, mcids: list[int], claims: dict[_Content, list[_Element]]
) -> Iterator[str]:
    where = doc.page_label(owner)
    holder = doc.owner_object(owner)
    key = holder.get("/StructParents") if holder is not None else None
    entry = doc.parent_tree.get(key) if type(key) is int else None
    if type(key) is int and entry is None:
        yield f"{where}: the ParentTree has no entry for its /StructParents {key}"
    elif entry is not None and not isinstance(entry, Array):
        yield f"{where}: the ParentTree entry for its /StructParents {key} is not an array"
        entry = None
    for mcid in mcids:
        content = _Content(owner, mcid)
        elements = claims.get(content, [])
        if not elements:
            yield f"{where}: MCID {mcid} is held by no structure element in the tree"
        elif len(elements) > 1:
            yield f"{where}: MCID {mcid} is held by {len(elements)} structure elements"
        if entry is None:
            continue
        parent = entry[mcid] if mcid < len(entry) else None
        if not isinstance(parent, Dictionary):
            yield f"{where}: the ParentTree array for /StructParents {key} has no element for MCID {mcid}"
        elif parent.objgen == (0, 0):
            yield f"{where}: the ParentTree gives MCID {mcid} to a direct object, not a structure element's"
        elif not doc.holds(parent, content):
            raw = _name(parent.get("/S"))
            yield f"{where}: the ParentTree gives MCID {mcid} to {raw} ({_label(parent)}), whose /K lacks it"


def _structure_problems(doc: _Document) -> Iterator[str]:
    """Rules 6 and 9: the tree's elements, one by one and in reading order (Matterhorn 09, 13, 14, 15)."""
    if doc.struct_root is not None:
        roles = [element.role or element.raw for element in doc.top]
        if roles != ["Document"]:
            yield f"StructTreeRoot: its kids are {roles or 'none'}, not a single Document element"
    for element in doc.elements:
        yield from _element_problems(doc, element)
    yield from _heading_problems(doc.elements)
    yield from _note_id_problems(doc.elements)


def _element_problems(doc: _Document, element: _Element) -> Iterator[str]:
    obj, role = element.obj, element.role
    if element.raw is None:
        yield f"{element.label}: no /S"
    elif role is None:
        yield f"{element.label}: /{element.raw} is neither a standard type nor role-mapped to one"
    if role in ("Figure", "Formula") and not (_filled(obj.get("/Alt")) or _filled(obj.get("/ActualText"))):
        yield f"{element.label}: no /Alt (or /ActualText), or it is empty"
    if "/Lang" in obj and not _filled(obj.get("/Lang")):
        yield f"{element.label}: /Lang is not a non-empty string"
    allowed = _ALLOWED_KIDS.get(role or "")
    if allowed is not None:
        expected = ", ".join(sorted(allowed))
        for kid in element.kids:
            if not isinstance(kid, _Element):
                yield f"{element.label}: holds marked content or an object directly, not only {expected}"
            elif kid.role is not None and kid.role not in allowed:
                yield f"{element.label}: holds {kid.raw} ({_label(kid.obj)}), not only {expected}"
    parents = _REQUIRED_PARENTS.get(role or "")
    parent_role = element.parent.role if element.parent is not None else None
    if parents is not None and parent_role not in parents:
        yield f"{element.label}: is inside {parent_role or 'the root'}, not {' or '.join(sorted(parents))}"
    if role == "TH":
        yield from _scope_problems(doc, element)


def _scope_problems(doc: _Document, element: _Element) -> Iterator[str]:
    """A header cell says which cells it heads: /Scope in a /Table attribute object, in /A or a class."""
    attributes = _items(element.obj.get("/A"))
    for name in _items(element.obj.get("/C")):
        if isinstance(name, Name):
            attributes += _items(doc.class_map.get(str(name)))
    tables = [item for item in attributes if isinstance(item, Dictionary) and item.get("/O") == Name.Table]
    scopes = [_name(item.get("/Scope")) for item in tables if "/Scope" in item]
    if not scopes:
        yield f"{element.label}: no /Scope in a /Table attribute object (/A << /O /Table /Scope /Column >>)"
    elif scopes[0] not in ("Row", "Column", "Both"):
        yield f"{element.label}: /Scope is {scopes[0]}, not /Row, /Column or /Both"


def _heading_problems(elements: list[_Element]) -> Iterator[str]:
    """Numbered headings start at H1 and go down one level at a time (Matterhorn 14-002, 14-003)."""
    previous = 0
    for element in elements:
        level = _HEADING_LEVELS.get(element.role or "")
        if level is None:
            continue
        if previous == 0 and level != 1:
            yield f"{element.label}: the first heading is H{level}, not H1"
        elif level > previous + 1 and previous:
            yield f"{element.label}: H{level} follows H{previous}, skipping a level"
        previous = level


def _note_id_problems(elements: list[_Element]) -> Iterator[str]:
    """A note has an /ID, which no other element has, so that its reference can point at it (Matterhorn
    19-003, 19-004)."""
    owners: dict[bytes, _Element] = {}
    for element in elements:
        value = element.obj.get("/ID")
        if isinstance(value, String):
            key = bytes(value)
            if key in owners:
                yield f"{element.label}: /ID {str(value)!r} is also {owners[key].label}'s"
            owners.setdefault(key, element)
        if element.role == "Note" and not (isinstance(value, String) and bytes(value)):
            yield f"{element.label}: a Note without an /ID"


def _annotation_problems(doc: _Document) -> Iterator[str]:
    """Rule 8: each annotation but a popup is in the structure, through its /StructParent and an OBJR
    back to it, in a Link, Form or Annot element; a link says where it goes (Matterhorn 28)."""
    for number, page in enumerate(doc.pages, 1):
        for annotation in _items(page.obj.get("/Annots")):
            if not isinstance(annotation, Dictionary):
                continue
            subtype = _name(annotation.get("/Subtype"))
            if subtype == "Popup":
                continue
            where = f"page {number}: {subtype} annotation ({_label(annotation)})"
            if subtype == "Link" and not _filled(annotation.get("/Contents")):
                yield f"{where}: /Contents is missing or empty"
            key = annotation.get("/StructParent")
            if type(key) is not int:
                yield f"{where}: no integer /StructParent"
                continue
            if doc.struct_root is None:
                continue
            element = doc.parent_tree.get(key)
            if not isinstance(element, Dictionary):
                yield f"{where}: the ParentTree has no structure element for its /StructParent {key}"
                continue
            raw = _name(element.get("/S"))
            expected = {"Link": "Link", "Widget": "Form"}.get(subtype or "", "Annot")
            if doc.resolve(raw) != expected:
                yield f"{where}: its structure element is {raw} ({_label(element)}), not {expected}"
            if not doc.holds(element, _ObjectRef(annotation.objgen)):
                yield f"{where}: its structure element {raw} ({_label(element)}) has no OBJR to it in /K"
            described = _filled(annotation.get("/Contents")) or _filled(element.get("/Alt"))
            if subtype not in ("Link", "Widget", "PrinterMark") and not described:
                yield f"{where}: neither /Contents nor its structure element's /Alt describes it"


def _parent_tree_key_problems(doc: _Document) -> Iterator[str]:
    """Each parent tree key is used once, and /ParentTreeNextKey is above them all."""
    users: dict[int, list[str]] = {}
    for number, page in enumerate(doc.pages, 1):
        key = page.obj.get("/StructParents")
        if type(key) is int:
            users.setdefault(key, []).append(f"page {number}")
        for annotation in _items(page.obj.get("/Annots")):
            key = annotation.get("/StructParent") if isinstance(annotation, Dictionary) else None
            if type(key) is int:
                users.setdefault(key, []).append(f"an annotation on page {number} ({_label(annotation)})")
    forms = {key: form for scan in doc.scans for key, form in scan.forms.items()}
    for form in forms.values():
        users.setdefault(form.get("/StructParents"), []).append(f"form XObject ({_label(form)})")
    for key, who in users.items():
        if len(who) > 1:
            yield f"ParentTree: key {key} is used by {' and '.join(who)}"
    next_key = doc.struct_root.get("/ParentTreeNextKey") if doc.struct_root is not None else None
    keys = set(users) | set(doc.parent_tree)
    if type(next_key) is int and keys and next_key <= max(keys):
        yield f"StructTreeRoot: /ParentTreeNextKey {next_key} is not above the largest key used, {max(keys)}"


_CHECKS = (
    _catalog_problems,
    _role_map_problems,
    _page_problems,
    _content_problems,
    _mcid_problems,
    _structure_problems,
    _font_problems,
    _annotation_problems,
    _parent_tree_key_problems,
)


# The API ---------------------------------------------------------------------------------------------


@contextmanager
def _opened(source: Source, text: bool) -> Iterator[_Document]:
    """The PDF read, with the text of its marked content or not, and open while the caller looks at it;
    closed after if opened here."""
    if isinstance(source, Pdf):
        yield _Document(source, text)
        return
    with pikepdf.open(source) as pdf:
        yield _Document(pdf, text)


def problems(path: Source) -> list[str]:
    """What keeps the PDF from conforming to PDF/UA-1, one line each naming the page or object where it
    applies; an empty list when it conforms, as far as these checks go.

    Checked: the catalog (/MarkInfo, /StructTreeRoot with a parent tree, /Lang, /DisplayDocTitle, XMP
    with dc:title and pdfuaid:part 1, the info /Title); the role map; each page's /StructParents and
    /Tabs /S; that all painting, in forms too, is in exactly one MCID or /Artifact sequence, never the one
    inside the other, and that sequences close in the stream they open in; that each MCID belongs to the
    element the parent tree says and that elements claim only MCIDs that exist; the elements' types,
    the single Document at the root, figures' alternative text, heading levels, the kids of lists and
    tables and their parents, header cells' /Scope, /Lang, notes' unique /ID; fonts embedded with a
    /ToUnicode CMap; each annotation tied into the structure, links with /Contents; the parent tree's
    keys; and that encryption, if any, lets assistive technology read the text."""
    with _opened(path, text=False) as doc:
        found = list(doc.problems)
        for check in _CHECKS:
            found.extend(check(doc))
        return found


def structure_text(path: Source) -> list[tuple[str, str]]:
    """The structure tree as a screen reader reads it: in order, each leaf element's standard type (after
    the role map) and its text: its /Alt or /ActualText when it has one, else the text of its marked
    content. An element with both marked content and kid elements gives a pair for each run of its own
    content between them, so that nothing is left out and the order stays the tree's."""
    with _opened(path, text=True) as doc:
        texts: dict[_Content, str] = {}
        for scan in doc.scans:
            for owner, mcids in scan.mcids.items():
                for mcid, pieces in mcids.items():
                    texts.setdefault(_Content(owner, mcid), _tidy(pieces))
        return [pair for element in doc.top for pair in _reading(element, texts)]


def _reading(element: _Element, texts: dict[_Content, str]) -> Iterator[tuple[str, str]]:
    role = element.role or element.raw or "?"
    for key in ("/Alt", "/ActualText"):
        if _filled(element.obj.get(key)):
            yield role, _tidy([str(element.obj[key])])
            return
    run: list[str] = []
    has_kid_elements = False
    for kid in element.kids:
        if isinstance(kid, _Element):
            if run:
                yield role, _tidy([" ".join(run)])
                run = []
            has_kid_elements = True
            yield from _reading(kid, texts)
        elif isinstance(kid, _Content):
            run.append(texts.get(kid, ""))
    if run or not has_kid_elements:
        yield role, _tidy([" ".join(run)])


@dataclass
class PageMarks:
    """The text one page shows, sorted by how it is marked, so that a test can see that every text run
    is either in the structure or an artifact (``untagged`` empty) and what each MCID says."""

    mcids: dict[int, str]
    """Each MCID of the page's own content, with the text shown inside it."""
    artifacts: list[str]
    """The text of each /Artifact sequence, in order (many have none: rules, tints, pictures)."""
    untagged: list[str]
    """Each run of text shown outside both, which PDF/UA forbids."""
    form_mcids: dict[int, dict[int, str]] = field(default_factory=dict)
    """The MCIDs of forms with their own /StructParents painted on the page, by the form's object
    number: their numbers are the form's, not the page's."""


def marked_text(path: Source) -> list[PageMarks]:
    """For each page, in order, the text of each MCID, of each artifact and of what is neither."""
    with _opened(path, text=True) as doc:
        return [_page_marks(scan, page.obj.objgen) for scan, page in zip(doc.scans, doc.pages, strict=True)]


def _page_marks(scan: _PageScan, page: Key) -> PageMarks:
    forms = {
        owner[0]: {mcid: _tidy(pieces) for mcid, pieces in mcids.items()}
        for owner, mcids in scan.mcids.items()
        if owner != page
    }
    return PageMarks(
        mcids={mcid: _tidy(pieces) for mcid, pieces in scan.mcids.get(page, {}).items()},
        artifacts=[_tidy(pieces) for pieces in scan.artifacts],
        untagged=[text for text in (_tidy([run]) for run in scan.untagged) if text],
        form_mcids=forms,
    )
