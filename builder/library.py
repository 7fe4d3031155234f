"""The section library: every section the build can use, and the selection a user asks for.

Bundled sections are always there; a content folder given by the user adds sections with new ids and
replaces bundled ones with the same id. Every file is checked before anything is built, so one run shows
every problem at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from builder.content import Section, load_section
from builder.errors import ContentError, UnknownSectionError, UsageProblem
from builder.resources import BUNDLED_CONTENT, BUNDLED_IMAGES, is_bundled
from builder.validate import did_you_mean, display_path, inside


@dataclass(frozen=True)
class Library:
    sections: dict[str, Section]
    replaced: frozenset[str] = frozenset()
    """Ids of bundled sections that a clinic's own section of the same id stands in for."""

    def select(self, ids: Sequence[str]) -> tuple[Section, ...]:
        """The sections named in ``ids``, in that order; an unknown id is a usage error."""
        if not ids:
            raise UsageProblem("no sections chosen; pass --sections with ids from 'handout list'")
        unknown = [
            f"'{i}'{did_you_mean(i, self.sections)}" for i in dict.fromkeys(ids) if i not in self.sections
        ]
        if unknown:  # every misspelling at once, so one more try is enough
            named = unknown[0] if len(unknown) == 1 else ", ".join(unknown[:-1]) + " and " + unknown[-1]
            plural = "s" if len(unknown) > 1 else ""
            raise UnknownSectionError(
                f"unknown section{plural} {named}; run 'handout list' to see all sections"
            )
        return tuple(self.sections[section_id] for section_id in dict.fromkeys(ids))


def load_library(
    content_dir: Path | None = None, clinic_content: Path | None = None, clinic_images: Path | None = None
) -> Library:
    """Load the bundled sections, then the clinic's, then those in ``content_dir``; later ones win.

    Pictures are looked for in the clinic's images folder first, so a clinic's file replaces a bundled
    illustration of the same name in every section. Raises ContentError listing every problem.
    """
    own = (clinic_images,) if clinic_images else ()
    folders: list[tuple[Path, tuple[Path, ...]]] = [(BUNDLED_CONTENT, (*own, BUNDLED_IMAGES))]
    if clinic_content is not None:
        folders.append((clinic_content, (*own, BUNDLED_IMAGES)))
    if content_dir is not None:
        _check_content_folder(content_dir)
        beside = content_dir.parent / "images"
        folders.append((content_dir, tuple(dict.fromkeys((beside, *own, BUNDLED_IMAGES)))))
    return _loaded(tuple(folders), _fingerprint(folders), Path.cwd())


def _fingerprint(folders: list[tuple[Path, tuple[Path, ...]]]) -> tuple[object, ...]:
    """What the library read depends on: each section file's size and time, and each picture folder's
    time (a picture added, removed or renamed changes it)."""
    marks: list[object] = []
    for folder, image_dirs in folders:
        for path in _section_files(folder):
            info = path.lstat()  # a link is not followed: links out of the folder are refused anyway
            marks.append((str(path), info.st_mtime_ns, info.st_size))
        marks += [(str(d), d.stat().st_mtime_ns if d.is_dir() else None) for d in image_dirs]
    return tuple(marks)


@lru_cache(maxsize=8)  # a long-running caller builds from the same unchanged files again and again
def _loaded(
    folders: tuple[tuple[Path, tuple[Path, ...]], ...], fingerprint: tuple[object, ...], cwd: Path
) -> Library:
    sections: dict[str, Section] = {}
    replaced: set[str] = set()
    problems: list[str] = []
    for folder, image_dirs in folders:
        here: dict[str, Path] = {}
        for path in _section_files(folder):
            if inside(folder, path.name) is None:
                problems.append(
                    f"{display_path(path)}: links to a file outside {display_path(folder)}/;"
                    " copy the section file itself into the folder"
                )
                continue
            section, found = load_section(path, image_dirs)
            problems.extend(found)
            if section is None:
                continue
            if section.id in here:
                problems.append(
                    f"{display_path(path)}: id '{section.id}' is already used by"
                    f" {display_path(here[section.id])};"
                    " give each section its own id"
                )
                continue
            here[section.id] = path
            if section.id in sections and is_bundled(sections[section.id].source):
                replaced.add(section.id)
            sections[section.id] = section
    if problems:
        raise ContentError(problems)
    return Library(sections, frozenset(replaced))


def _check_content_folder(content_dir: Path) -> None:
    if not content_dir.is_dir():
        raise ContentError([f"{display_path(content_dir)}: no such content folder"])
    if not _section_files(content_dir):
        nested = content_dir / "content"
        hint = f"; did you mean {display_path(nested)}?" if nested.is_dir() else ""
        raise UsageProblem(f"{display_path(content_dir)}: no section files (*.yaml) in this folder{hint}")


def _section_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
