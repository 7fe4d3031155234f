"""The section library: every section the build can use, and the selection a user asks for.

Bundled sections are always there; a content folder given by the user adds sections with new ids and
replaces bundled ones with the same id. Every file is checked before anything is built, so one run shows
every problem at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from builder.content import Section, load_section
from builder.errors import ContentError, UnknownSectionError, UsageProblem
from builder.resources import BUNDLED_CONTENT, BUNDLED_IMAGES
from builder.validate import did_you_mean, display_path


@dataclass(frozen=True)
class Library:
    sections: dict[str, Section]

    def select(self, ids: Sequence[str]) -> tuple[Section, ...]:
        """The sections named in ``ids``, in that order; an unknown id is a usage error."""
        if not ids:
            raise UsageProblem("no sections chosen; pass --sections with ids from 'handout list'")
        for section_id in ids:
            if section_id not in self.sections:
                hint = did_you_mean(section_id, self.sections)
                raise UnknownSectionError(
                    f"unknown section '{section_id}'{hint}; run 'handout list' to see all sections"
                )
        return tuple(self.sections[section_id] for section_id in dict.fromkeys(ids))


def load_library(content_dir: Path | None = None) -> Library:
    """Load the bundled sections and those in ``content_dir``; raise ContentError listing every problem."""
    folders: list[tuple[Path, tuple[Path, ...]]] = [(BUNDLED_CONTENT, (BUNDLED_IMAGES,))]
    if content_dir is not None:
        if not content_dir.is_dir():
            raise ContentError([f"{display_path(content_dir)}: no such content folder"])
        if not _section_files(content_dir):
            nested = content_dir / "content"
            hint = f"; did you mean {display_path(nested)}?" if nested.is_dir() else ""
            raise UsageProblem(f"{display_path(content_dir)}: no section files (*.yaml) in this folder{hint}")
        own_images = content_dir.parent / "images"
        folders.append((content_dir, (own_images, BUNDLED_IMAGES)))
    sections: dict[str, Section] = {}
    problems: list[str] = []
    for folder, image_dirs in folders:
        for path in _section_files(folder):
            section, found = load_section(path, image_dirs)
            problems.extend(found)
            if section is not None:
                sections[section.id] = section
    if problems:
        raise ContentError(problems)
    return Library(sections)


def _section_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
