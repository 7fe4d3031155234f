"""Turn a parsed YAML mapping into checked values, collecting every problem with its file and line.

Shared by the section and clinic loaders so that every message has one shape:
``content/sleep.yaml:14: blocks[2].image: no such image 'side.svg' (looked in content/../images)``.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from builder.yamlfile import KeyPath, Located


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when it is below it."""
    absolute = Path(os.path.abspath(path))
    cwd = Path.cwd()
    return str(absolute.relative_to(cwd)) if absolute.is_relative_to(cwd) else str(absolute)


def dotted(path: KeyPath) -> str:
    """``("blocks", 2, "image")`` -> ``blocks[2].image``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text


def listed(names: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def did_you_mean(word: str, choices: Iterable[str], matched_by: Callable[[str], str] = str) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or nothing when none is close.

    ``matched_by`` turns each into what is compared, e.g. a file name without its case or folder.
    """
    keyed = {matched_by(choice): choice for choice in choices}
    close = difflib.get_close_matches(matched_by(word), list(keyed), n=1, cutoff=0.6)
    return f" (did you mean '{keyed[close[0]]}'?)" if close else ""


class Checker:
    """Reads values out of one YAML file and records what is wrong with them."""

    def __init__(self, source: Path, located: Located) -> None:
        self.source = source
        self.located = located
        self.problems: list[str] = []

    def problem(self, path: KeyPath, message: str) -> None:
        where = f"{display_path(self.source)}:{self.located.line(path)}"
        self.problems.append(f"{where}: {dotted(path)}: {message}" if path else f"{where}: {message}")

    def mapping(self, value: Any, path: KeyPath, allowed: Iterable[str]) -> dict[str, Any] | None:
        """``value`` if it is a mapping whose keys are all in ``allowed``; unknown keys are problems."""
        if not isinstance(value, dict):
            what = "the file" if not path else "this"
            self.problem(path, f"{what} must be a mapping of keys to values")
            return None
        allowed = tuple(allowed)
        for key in value:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed) or f" (allowed: {', '.join(allowed)})"
                self.problem((*path, str(key)), f"unknown key{hint}")
        return value

    def text(self, mapping: dict[str, Any], path: KeyPath, key: str, required: bool = True) -> str:
        """``mapping[key]`` as text (see ``value_text``)."""
        return self.value_text(mapping.get(key), (*path, key), required)

    def value_text(self, value: Any, path: KeyPath, required: bool = True) -> str:
        """A one-paragraph string with its white space tidied; numbers and dates are taken as they read."""
        if value is None:
            if required:
                self.problem(path, "is missing")
            return ""
        if isinstance(value, dict):
            self.problem(path, "must be text; if the text has a colon followed by a space, put it in quotes")
            return ""
        if isinstance(value, list):
            self.problem(path, "must be text, not a list")
            return ""
        text = " ".join(str(value).split())
        if not text and required:
            self.problem(path, "must not be empty")
        return text

    def choice(
        self,
        mapping: dict[str, Any],
        path: KeyPath,
        key: str,
        choices: tuple[str, ...],
        any_case: bool = False,
    ) -> str:
        """``mapping[key]`` if it is one of ``choices``; with ``any_case``, ``A4`` is taken as ``a4``."""
        value = self.text(mapping, path, key)
        wanted = value.lower() if any_case else value
        if wanted in choices:
            return wanted
        if value:
            hint = did_you_mean(wanted, choices)
            self.problem((*path, key), f"'{value}' is not one of {', '.join(choices)}{hint}")
        return value

    def whole(
        self, mapping: dict[str, Any], path: KeyPath, key: str, allowed: range | tuple[int, ...]
    ) -> int | None:
        """``mapping[key]`` as one of the whole numbers ``allowed`` (a range, or the only choices)."""
        text = self.text(mapping, path, key)
        if text.isdigit() and int(text) in allowed:
            return int(text)
        if text:
            choices = (
                " or ".join(map(str, allowed))
                if isinstance(allowed, tuple)
                else f"{allowed[0]} to {allowed[-1]}"
            )
            self.problem((*path, key), f"'{text}' must be {choices}")
        return None

    def texts(self, value: Any, path: KeyPath) -> tuple[str, ...]:
        """A non-empty list of non-empty strings."""
        if not isinstance(value, list) or not value:
            self.problem(path, "must be a list with at least one item")
            return ()
        items = (self.value_text(item, (*path, index)) for index, item in enumerate(value))
        return tuple(item for item in items if item)


IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")
"""The picture files handout can print: vector SVG, and PNG or JPEG photos."""


def is_relative_name(name: str) -> bool:
    """True for a path like ``photos/side.jpg``: not absolute, no ``..``, no drive or backslash."""
    relative = PurePosixPath(name)
    return not (relative.is_absolute() or ".." in relative.parts or "\\" in name or ":" in name)


def inside(folder: Path, name: str) -> Path | None:
    """``folder/name`` when it stays inside ``folder`` once links are followed, else None.

    Content and clinic files may only point at files in their own folder, so a shared section cannot
    pull in (and print) a file from elsewhere on the machine.
    """
    if not is_relative_name(name):
        return None
    candidate = folder / name
    return candidate if candidate.resolve().is_relative_to(folder.resolve()) else None
