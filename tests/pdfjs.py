"""Read a PDF's structure tree with pdf.js, as a browser's PDF viewer hands it to a screen reader.

pdf.js (npm package pdfjs-dist, pinned in tests/js/package.json) runs under Node in tests/js/structure.mjs:
for every page it takes ``page.getStructTree()`` (pdf.js's accessibility tree) and the page's text split
by marked-content id (``page.getTextContent({includeMarkedContent: true})``), and puts each content leaf's
text into the tree. This module runs that script and gives the result to tests.

Use it in a test module either through the session fixture ``pdfjs_reader``, which installs pdf.js before
the first test that asks for it and fails (never skips) with a clear message if Node.js or npm is missing::

    from pdfjs import pdfjs_reader_fixture  # noqa: F401  (defines the fixture `pdfjs_reader` here)

    def test_reading_order(pdfjs_reader, tmp_path):
        assert pdfjs_reader.reading_order(pdf)[:2] == [("Document", ""), ("H1", "Knee exercises")]

or by calling the functions here directly (``from pdfjs import reading_order``): they install pdf.js on
first use too. (The fixture's function has another name than the fixture so that ruff's F811 does not
flag the test's argument; ``pytest_plugins = ["pdfjs"]`` works too but makes pytest warn that it cannot
rewrite the asserts of an already imported module.)

The API:

- ``structure(pdf)``: one resolved tree per page, exactly as pdf.js gives it (``None`` for a page pdf.js
  finds no tree for). A node is ``{"role", "aria"?, "alt"?, "lang"?, "bbox"?, "text"?, "children"}``:
  role is the /S name after one RoleMap step, aria is the role (and heading level) pdf.js's viewer puts on
  the element's <span>, alt is /Alt or else /ActualText, text is the element's own content (raw, with the
  text layer's line breaks). Content leaves stay in children as ``{"type": "content", "id", "text"}``.
- ``read(pdf)``: the whole JSON document (title, lang, outline, per-page untagged and artifact text, ...,
  see the head of tests/js/structure.mjs); ``read_many(pdfs)`` reads several PDFs in one Node process.
- ``document_tree(pdf)``: the page trees merged into one (see below), each element with ``pages``.
- ``reading_order(pdf)``: that tree flattened in order into ``(role, text)`` pairs.

Elements over a page break. pdf.js builds one tree per page: an element shows on every page it has content
on (with its ancestors), and each time with only that page's content leaves; an L, LI, LBody, Table, THead,
TBody, TFoot or TR brings all its element kids along, so a table running over two pages shows whole on both,
its cells empty on the page they are not on. ``document_tree`` merges the pages back: an element seen on
several pages becomes one node whose children are those of each page in turn, so its text is the text of
all its pages. pdf.js does not say which element a node is, so that identity is read from the PDF itself with
pikepdf: a node is the struct element whose /K holds its content leaves (the same /K pdf.js read them from),
a node without content of its own is the parent of its kids' element, and a node with neither is the kid at
its position under its parent. A node that none of this names stays a node of its own. The kids of a merged
element are put in the order of its /K (the order pdf.js shows them in on each page); where some kid cannot
be named, they stay in the order they first show in, page by page.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import itertools
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pytest

JS_DIR = Path(__file__).parent / "js"
SCRIPT = JS_DIR / "structure.mjs"
LOCKFILE = JS_DIR / "package-lock.json"
NODE_MODULES = JS_DIR / "node_modules"
STAMP = NODE_MODULES / ".handout-installed"
"""Written after a successful `npm ci`: the sha256 of the package-lock.json it installed."""

INSTALL_TIMEOUT = 900
RUN_TIMEOUT = 600


class PdfjsUnavailable(RuntimeError):
    """Node.js or npm is missing, too old, or `npm ci` failed: the pdf.js tests cannot run."""


class PdfjsError(RuntimeError):
    """structure.mjs failed on a PDF (pdf.js could not open it, or the script broke)."""


# --- installation --------------------------------------------------------------------------------------


def _lock_digest() -> str:
    return hashlib.sha256(LOCKFILE.read_bytes()).hexdigest()


def _installed() -> bool:
    try:
        stamp = STAMP.read_text().strip()
    except OSError:
        return False
    return stamp == _lock_digest() and (NODE_MODULES / "pdfjs-dist" / "package.json").is_file()


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Holds an exclusive lock on `path`, so that two pytest processes don't run `npm ci` together (on a
    system without fcntl, such as Windows, there is no lock: run one pytest there for the first install)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(path, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def _tools() -> tuple[str, str]:
    node, npm = shutil.which("node"), shutil.which("npm")
    missing = [name for name, found in (("node", node), ("npm", npm)) if not found]
    wanted = json.loads((JS_DIR / "package.json").read_text())["engines"]["node"]
    if missing:
        raise PdfjsUnavailable(
            f"The pdf.js tests need Node.js {wanted} and npm on PATH, and {' and '.join(missing)} "
            "cannot be found. Install them (e.g. `apt-get install nodejs npm`, or from nodejs.org) and run "
            "the tests again: tests/pdfjs.py then installs pdf.js into tests/js/node_modules by itself."
        )
    found = subprocess.run([node, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    minimum = re.fullmatch(r">=\s*([\d.]+)", wanted)
    if minimum and _version(found) < _version(minimum.group(1)):
        raise PdfjsUnavailable(
            f"The pdf.js tests need Node.js {wanted} (pdfjs-dist's own requirement), and {node} is {found}."
        )
    return node, npm


_node: str | None = None


def ensure_installed() -> str:
    """Makes sure pdf.js is installed in tests/js/node_modules and returns the node executable.

    Runs `npm ci` there when node_modules/pdfjs-dist is missing or was installed from another
    package-lock.json (a digest of the lockfile is kept in node_modules/.handout-installed), under a file
    lock so that parallel pytest processes install once. Raises PdfjsUnavailable, never skips.
    """
    global _node
    if _node is not None:
        return _node
    node, npm = _tools()
    if not _installed():
        with _file_lock(JS_DIR / ".install.lock"):
            if not _installed():
                started = time.monotonic()
                try:
                    result = subprocess.run(
                        [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
                        cwd=JS_DIR,
                        capture_output=True,
                        text=True,
                        timeout=INSTALL_TIMEOUT,
                        check=False,
                        env={**os.environ, "npm_config_update_notifier": "false"},
                    )
                except subprocess.TimeoutExpired as error:
                    raise PdfjsUnavailable(
                        f"`npm ci` in {JS_DIR} took over {INSTALL_TIMEOUT} s and was stopped"
                    ) from error
                if result.returncode != 0:
                    output = (result.stdout + result.stderr).strip()[-4000:]
                    raise PdfjsUnavailable(
                        f"`npm ci` in {JS_DIR} failed (exit {result.returncode}), so pdf.js is not "
                        f"installed:\n{output}"
                    )
                STAMP.write_text(_lock_digest() + "\n")
                print(f"pdfjs: installed pdf.js with npm ci in {time.monotonic() - started:.1f} s")
    _node = node
    return node


# --- running pdf.js ------------------------------------------------------------------------------------

_cache: dict[tuple[Path, int, int], dict[str, Any]] = {}


def _key(pdf: Path) -> tuple[Path, int, int]:
    path = Path(pdf).resolve()
    stat = path.stat()
    return path, stat.st_mtime_ns, stat.st_size


def read_many(pdfs: Iterable[Path]) -> dict[Path, dict[str, Any]]:
    """structure.mjs's JSON document for each PDF, all read in one Node process (results are cached per
    file, path and modification time, so asking again for an unchanged file runs nothing)."""
    pdfs = [Path(pdf) for pdf in pdfs]
    keys = {pdf: _key(pdf) for pdf in pdfs}
    todo = sorted({key[0] for key in keys.values() if key not in _cache})
    if todo:
        node = ensure_installed()
        try:
            result = subprocess.run(
                [node, str(SCRIPT), *map(str, todo)],
                capture_output=True,
                text=True,
                timeout=RUN_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise PdfjsError(f"pdf.js took over {RUN_TIMEOUT} s on {todo}") from error
        try:
            output = json.loads(result.stdout)
        except json.JSONDecodeError as error:
            raise PdfjsError(
                f"structure.mjs failed (exit {result.returncode}) on {todo}:\n{result.stderr.strip()}"
            ) from error
        documents = {todo[0]: output} if len(todo) == 1 else {Path(k): v for k, v in output.items()}
        failures = [f"{path}: {doc['error']}" for path, doc in documents.items() if "error" in doc]
        if failures:
            raise PdfjsError("pdf.js could not read:\n" + "\n".join(failures))
        for key in keys.values():
            if key[0] in documents:
                _cache[key] = documents[key[0]]
    return {pdf: copy.deepcopy(_cache[keys[pdf]]) for pdf in pdfs}


def read(pdf: Path) -> dict[str, Any]:
    """structure.mjs's JSON document for one PDF (its shape is described at the head of structure.mjs)."""
    return read_many([pdf])[Path(pdf)]


def structure(pdf: Path) -> list[dict[str, Any] | None]:
    """One tree per page as pdf.js gives it (a "Root" node), content leaves resolved; None for a page
    pdf.js finds no structure tree for."""
    return [page["tree"] for page in read(pdf)["structure"]]


# --- one tree for the document -------------------------------------------------------------------------


def _page_id(page: Any) -> str:
    num, gen = page.objgen
    return f"p{num}R" if gen == 0 else f"p{num}R{gen}"


def _ref_id(obj: Any) -> str:
    num, gen = obj.objgen
    return f"{num}R" if gen == 0 else f"{num}R{gen}"


class _Elements:
    """Which struct element (by object number) holds each content id in its /K, with each element's parent
    and element kids: read with pikepdf from /StructTreeRoot down, parsing /K the way pdf.js does (an
    integer kid is marked content on the element's own /Pg, an MCR on its /Pg or else the element's)."""

    def __init__(self, pdf: Path) -> None:
        self.owner: dict[str, tuple[int, int]] = {}
        self.parent: dict[tuple[int, int], tuple[int, int] | None] = {}
        self.kids: dict[tuple[int, int] | None, list[tuple[int, int] | None]] = {}
        # Each element's /K in order: content ids and element kids' object numbers.
        self.order: dict[tuple[int, int] | None, list[Any]] = {}
        with pikepdf.open(pdf) as doc:
            root = doc.Root.get("/StructTreeRoot")
            if isinstance(root, pikepdf.Dictionary):
                self._walk(root, None, None, 0)

    def _walk(self, element: pikepdf.Dictionary, ident: tuple[int, int] | None, page: str | None, depth: int):
        kids = element.get("/K")
        items = list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
        elements: list[tuple[int, int] | None] = []
        order: list[Any] = []
        for kid in items:
            if isinstance(kid, int) and not isinstance(kid, bool):
                if page is not None and ident is not None:
                    self.owner.setdefault(f"{page}_mc{kid}", ident)
                    order.append(f"{page}_mc{kid}")
                continue
            if not isinstance(kid, pikepdf.Dictionary):
                continue
            kind = kid.get("/Type")
            if kind == pikepdf.Name.MCR:
                mcr_page = _page_id(kid.Pg) if "/Pg" in kid else page
                if "/MCID" in kid and mcr_page is not None and ident is not None:
                    self.owner.setdefault(f"{mcr_page}_mc{int(kid.MCID)}", ident)
                    order.append(f"{mcr_page}_mc{int(kid.MCID)}")
                continue
            if kind == pikepdf.Name.OBJR:
                if "/Obj" in kid and kid.Obj.is_indirect and ident is not None:
                    self.owner.setdefault(f"pdfjs_internal_id_{_ref_id(kid.Obj)}", ident)
                    self.owner.setdefault(_ref_id(kid.Obj), ident)
                    order += [f"pdfjs_internal_id_{_ref_id(kid.Obj)}", _ref_id(kid.Obj)]
                continue
            child = kid.objgen if kid.is_indirect else None
            elements.append(child)
            order.append(child)
            if child is None or child in self.parent or depth > 100:
                continue
            self.parent[child] = ident
            self._walk(kid, child, _page_id(kid.Pg) if "/Pg" in kid else None, depth + 1)
        self.kids[ident] = elements
        self.order[ident] = order


def _identify(node: dict[str, Any], elements: _Elements) -> Any:
    """Sets node["_id"] on node and its element descendants, from the bottom up: the owner of the node's
    first content leaf that has one, or else the parent of its first kid that is named."""
    for child in node["children"]:
        if "role" in child:
            _identify(child, elements)
    ident = None
    for child in node["children"]:
        if "role" not in child:
            ident = elements.owner.get(child.get("id", ""))
            if ident is not None:
                break
    if ident is None:
        for child in node["children"]:
            if "role" in child and child["_id"] is not None and child["_id"] in elements.parent:
                ident = elements.parent[child["_id"]]
                break
    node["_id"] = ident
    return ident


def _identify_down(node: dict[str, Any], elements: _Elements) -> None:
    """Names the element kids still unnamed by their position, where the node shows as many element kids
    as its /K has (pdf.js shows all the element kids of a table or a list, in /K order)."""
    element_kids = [child for child in node["children"] if "role" in child]
    known = elements.kids.get(node["_id"]) if node["_id"] is not None or node["role"] == "Root" else None
    if known is not None and len(known) == len(element_kids):
        for child, ident in zip(element_kids, known, strict=True):
            if child["_id"] is None:
                child["_id"] = ident
    for child in element_kids:
        _identify_down(child, elements)


def _own_text(node: dict[str, Any]) -> str | None:
    """The text of a merged node's content leaves: as pdf.js's text layer has it within a page (its line
    breaks are in the leaves' text), with a line break where the leaves go on to another page."""
    leaves = [child for child in node["children"] if child.get("type") == "content"]
    if not leaves:
        return None
    text = leaves[0]["text"]
    for before, leaf in itertools.pairwise(leaves):
        text += ("\n" if leaf["page"] != before["page"] else "") + leaf["text"]
    return text


def document_tree(pdf: Path) -> dict[str, Any]:
    """The per-page trees merged into one "Root" node (see the module's docstring): each element gets
    "pages" (1-based, where pdf.js shows it) and its text is that of all its content leaves, page by page."""
    pages = structure(pdf)
    elements = _Elements(pdf)
    merged: dict[str, Any] = {"role": "Root", "children": [], "pages": []}
    seen: dict[Any, dict[str, Any]] = {}

    def merge(target: dict[str, Any], node: dict[str, Any], page: int) -> None:
        for child in node["children"]:
            if "role" not in child:
                target["children"].append({**child, "page": page})
                continue
            ident = child.pop("_id")
            into = seen.get(ident) if ident is not None else None
            if into is None or into.get("_parent") is not target:
                into = {k: v for k, v in child.items() if k not in ("children", "text")}
                into["children"], into["pages"], into["_parent"], into["_id"] = [], [], target, ident
                target["children"].append(into)
                if ident is not None:
                    seen[ident] = into
            if page not in into["pages"]:
                into["pages"].append(page)
            merge(into, child, page)

    for number, tree in enumerate(pages, start=1):
        if tree is None:
            continue
        _identify(tree, elements)
        tree["_id"] = None
        _identify_down(tree, elements)
        merged["pages"].append(number)
        merge(merged, tree, number)

    def finish(node: dict[str, Any], ident: Any) -> None:
        node.pop("_parent", None)
        # Kids that first showed on different pages go back into the order of the element's /K.
        positions = {key: i for i, key in enumerate(elements.order.get(ident, [])) if key is not None}
        keys = [child.get("_id") if "role" in child else child.get("id") for child in node["children"]]
        if keys and all(key in positions for key in keys):
            order = sorted(range(len(keys)), key=lambda i: positions[keys[i]])
            node["children"] = [node["children"][i] for i in order]
        text = _own_text(node)
        if text is not None:
            node["text"] = text
        for child in node["children"]:
            if "role" in child:
                finish(child, child.pop("_id"))

    finish(merged, None)
    return merged


def walk(tree: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The element nodes under `tree` (not tree itself), depth first, in order."""
    for child in tree["children"]:
        if "role" in child:
            yield child
            yield from walk(child)


def clean(text: str | None) -> str:
    """Text with its runs of white space (the text layer's line breaks among them) folded to one space."""
    return " ".join((text or "").split())


def spoken_text(node: dict[str, Any]) -> str:
    """A node's own text for reading_order: a Figure's alt when it has one, else its own content's text."""
    if node["role"] == "Figure" and node.get("alt"):
        return clean(node["alt"])
    return clean(node.get("text"))


def reading_order(pdf: Path, *, skip_empty: bool = False) -> list[tuple[str, str]]:
    """(role, text) for every element of the merged document tree in order: role as pdf.js names it
    ("H1", "P", "Figure", "LI", "TH", ...), text the element's own text with white space folded (a Figure's
    alt). Containers (Document, L, Table, TR, ...) come with "" unless skip_empty drops every element
    without text."""
    pairs = [(node["role"], spoken_text(node)) for node in walk(document_tree(pdf))]
    return [pair for pair in pairs if pair[1]] if skip_empty else pairs


class PdfJs:
    """What the `pdfjs_reader` fixture gives: this module's readers, with pdf.js known to be installed."""

    read = staticmethod(read)
    read_many = staticmethod(read_many)
    structure = staticmethod(structure)
    document_tree = staticmethod(document_tree)
    reading_order = staticmethod(reading_order)
    walk = staticmethod(walk)


@pytest.fixture(scope="session", name="pdfjs_reader")
def pdfjs_reader_fixture() -> PdfJs:
    """Installs pdf.js (once per session) and gives the readers; fails, never skips, if it can't."""
    try:
        ensure_installed()
    except PdfjsUnavailable as error:
        pytest.fail(str(error), pytrace=False)
    return PdfJs()
