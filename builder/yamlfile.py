"""Read a YAML file safely and remember where every key and item came from.

Validation messages must name the line a problem is on, and PyYAML's plain loaders forget it; this keeps
the node marks beside the data so that ``Located.line(("blocks", 2, "image"))`` answers "line 14".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

KeyPath = tuple[str | int, ...]

MAX_BYTES = 1_000_000
"""The largest YAML file read: a long section is some 20 KB; anything near this is not one."""
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character YAML does not allow in a file: the control characters but tab and line breaks."""


class YamlFileError(Exception):
    """The file cannot be read or is not valid YAML; ``line`` is where the parser gave up, if it started."""

    def __init__(self, line: int | None, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason

    def message(self, shown_path: str) -> str:
        where = shown_path if self.line is None else f"{shown_path}:{self.line}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Located:
    """Parsed YAML data together with the line of each key path in it."""

    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, path: KeyPath) -> int:
        """The line of ``path``, or of its nearest parent that has one (1 for the whole document)."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class _TextLoader(yaml.SafeLoader):
    """The safe loader with every plain value kept as the text that was typed.

    Plain YAML turns "Yes" into True, "No" into False, "1:30" into 90 and "3.10" into 3.1; on a handout
    every value is words to print, so none of that guessing is wanted.
    """


class _FastTextLoader(getattr(yaml, "CSafeLoader", _TextLoader)):  # type: ignore[misc]
    """The same on libyaml's parser, several times faster; its error messages differ, so a file it
    refuses is read again with ``_TextLoader``, whose messages our hints are written for."""


_TextLoader.yaml_implicit_resolvers = {}
_FastTextLoader.yaml_implicit_resolvers = {}


def parse_yaml(text: str) -> Located:
    """Parse one YAML document safely, keeping line numbers; a key given twice is an error, and so is
    an alias: our files never need one, and a few hundred bytes of nested aliases expand to gigabytes
    (the "billion laughs")."""
    _check_characters(text)
    if "&" in text and "*" in text:  # an alias without its anchor is an error the parser reports
        _refuse_aliases(text)
    try:
        return _parse(text, _FastTextLoader)
    except YamlFileError:
        return _parse(text, _TextLoader)


def _parse(text: str, loader_class: type[yaml.SafeLoader]) -> Located:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and "could not find expected ':'" in str(exc.problem):
            mark = exc.context_mark  # the line missing its colon, not the one after it
        line = mark.line + 1 if mark else 1
        raise YamlFileError(line, _describe(exc)) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(1, str(exc)) from None
    finally:
        loader.dispose()
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _collect_lines(node, (), lines)
    return Located(data, lines)


def read_yaml(path: Path) -> Located:
    """Read and parse ``path``."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            shown = f"{size / 1_000_000:.1f} MB"
            raise YamlFileError(
                None, f"the file is {shown}, more than the 1 MB a section or clinic file may be"
            )
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlFileError(None, "the file is not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise YamlFileError(None, f"cannot read the file ({exc.strerror})") from None
    return parse_yaml(text)


def _check_characters(text: str) -> None:
    """A control character (a stray byte pasted from another program) is named, with its line."""
    found = _NOT_YAML.search(text)
    if found is None:
        return
    character = found.group()
    line = text.count("\n", 0, found.start()) + 1
    name = unicodedata.name(character, "a control character")
    raise YamlFileError(
        line, f"the file holds {name} (U+{ord(character):04X}), which cannot be printed; delete it"
    )


def _refuse_aliases(text: str) -> None:
    """Refuses the first alias (``*name``) in ``text``, before anything is built from it."""
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1
                reason = (
                    f"'*{event.anchor}' repeats text from elsewhere in the file (a YAML alias), which these"
                    " files do not use; write the text out, or put text that starts with * in quotes"
                )
                raise YamlFileError(line, reason)
    except yaml.YAMLError:
        return  # not valid YAML: the parser proper says where and why
    finally:
        loader.dispose()


def _describe(exc: yaml.MarkedYAMLError) -> str:
    """PyYAML's own words, with the line where the broken construct began, and the usual fix."""
    problem = exc.problem or "cannot read this"
    context = exc.context or ""
    started = exc.context_mark
    if context and started and exc.problem_mark and started.line != exc.problem_mark.line:
        context = f"{context} that starts on line {started.line + 1}"
    hint = next((fix for clue, fix in _FIXES if clue in f"{problem} {context}"), "")
    return f"invalid YAML: {problem}" + (f" ({context})" if context else "") + hint


_FIXES = (  # what a clinic's editor most often meant, keyed by a clue in PyYAML's message
    ("'\\t'", "; indent with spaces, not tabs"),
    ("alias", "; put text that starts with * in quotes"),
    ("flow sequence", "; put list items that contain , ? : [ or ] in quotes"),
    (
        "mapping values are not allowed",
        "; put text that contains a colon followed by a space in quotes, or indent this line like the"
        " one above",
    ),
    ("expected <block end>", "; indent this line with as many spaces as the other keys at its level"),
    ("could not find expected ':'", "; every key needs a colon and a space after it, like 'phone: 555'"),
)


def _collect_lines(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            line = key_node.start_mark.line + 1
            if (*path, key) in lines:
                first = lines[(*path, key)]
                raise YamlFileError(line, f"'{key}' is given twice (also on line {first}); keep one")
            _collect_lines(value_node, (*path, key), lines)
            lines[(*path, key)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, (*path, index), lines)
