"""The section library: every section the build can use, in each language, and the selection a user asks
for.

Bundled sections are always there; a content folder given by the user adds sections with new ids and
replaces bundled ones with the same id. Sections directly in a content folder are in English; a
translation is the same file name in the subfolder named by its language's code (``content/es/``), so a
missing one shows as a gap in that folder. A replacement is per language: a clinic's own ``sleep.yaml``
stands in for the bundled English one, and its ``es/sleep.yaml`` for the Spanish one. Every file is
checked before anything is built, so one run shows every problem at once.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from builder.content import Section, load_section
from builder.errors import ContentError, MissingTranslationError, UnknownSectionError, UsageProblem
from builder.resources import BUNDLED_CONTENT, BUNDLED_IMAGES, is_bundled
from builder.translations import differences, version_path
from builder.validate import did_you_mean, display_path, inside, listed
from builder.words import LANGUAGES, SOURCE_LANGUAGE

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Library:
    languages: Mapping[str, Mapping[str, Section]]
    """Every section, by language and then id: English first, then each translation folder."""
    replaced: frozenset[tuple[str, str]] = frozenset()
    """The (language, id) of bundled sections that a clinic's own section stands in for."""

    @property
    def sections(self) -> dict[str, Section]:
        """Each section once, in its own language: English, or the language of a clinic section written
        in one language only."""
        found: dict[str, Section] = {}
        for sections in self.languages.values():
            for section_id, section in sections.items():
                found.setdefault(section_id, section)
        return found

    def in_language(self, lang: str) -> Mapping[str, Section]:
        return self.languages.get(lang, {})

    def select(
        self, ids: Sequence[str], lang: str = SOURCE_LANGUAGE, fallback: str | None = None
    ) -> tuple[Section, ...]:
        """The sections named in ``ids``, in that order, in ``lang``; a section not written in it comes in
        ``fallback`` (None: none may). An unknown id or a missing translation is a usage error."""
        if not ids:
            raise UsageProblem("no sections chosen; pass --sections with ids from 'handout list'")
        known = self.sections
        wanted = list(dict.fromkeys(ids))
        unknown = [f"'{i}'{did_you_mean(i, known)}" for i in wanted if i not in known]
        if unknown:  # every misspelling at once, so one more try is enough
            plural = "s" if len(unknown) > 1 else ""
            raise UnknownSectionError(
                f"unknown section{plural} {listed(unknown)}; run 'handout list' to see all sections"
            )
        chosen = self.in_language(lang)
        spare = self.in_language(fallback) if fallback else {}
        missing = [i for i in wanted if i not in chosen and i not in spare]
        if missing:
            one = len(missing) == 1
            named = listed([f"'{i}'" for i in missing])
            files = listed([display_path(version_path(known[i], lang)) for i in missing])
            advice = (
                f"use --fallback {SOURCE_LANGUAGE} to print {'it' if one else 'them'} in English with a note"
                if lang != SOURCE_LANGUAGE
                else f"choose the language {'it is' if one else 'they are'} written in with --lang"
            )
            raise MissingTranslationError(
                f"section{'' if one else 's'} {named} {'has' if one else 'have'} no {LANGUAGES[lang].name}"
                f" version; add {files}, or {advice}"
            )
        selected = tuple(chosen.get(i) or spare[i] for i in wanted)
        # A translation that leaves out a step, or has another dose, must not reach a patient.
        problems = [p for s in selected if s.lang != SOURCE_LANGUAGE for p in self.mismatches(s)]
        if problems:
            raise ContentError(problems)
        return selected

    def mismatches(self, translation: Section) -> list[str]:
        """Where ``translation`` does not keep to its English source (none when it has none)."""
        source = self.in_language(SOURCE_LANGUAGE).get(translation.id)
        return differences(translation, source) if source is not None else []


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
        for _, language_folder in _language_folders(folder):
            for path in _section_files(language_folder):
                info = path.lstat()  # a link is not followed: links out of the folder are refused anyway
                marks.append((str(path), info.st_mtime_ns, info.st_size))
        marks += [(str(d), d.stat().st_mtime_ns if d.is_dir() else None) for d in image_dirs]
    return tuple(marks)


def _language_folders(folder: Path) -> list[tuple[str, Path]]:
    """A content folder holds English sections; its subfolders named by language code, translations."""
    return [(code, folder if code == SOURCE_LANGUAGE else folder / code) for code in LANGUAGES]


@lru_cache(maxsize=8)  # a long-running caller builds from the same unchanged files again and again
def _loaded(
    folders: tuple[tuple[Path, tuple[Path, ...]], ...], fingerprint: tuple[object, ...], cwd: Path
) -> Library:
    languages: dict[str, dict[str, Section]] = {code: {} for code in LANGUAGES}
    replaced: set[tuple[str, str]] = set()
    problems: list[str] = []
    origin: dict[tuple[str, str], int] = {}  # (language, id) -> the folder it came from, by position
    for position, (content_folder, image_dirs) in enumerate(folders):
        for lang, folder in _language_folders(content_folder):
            sections = languages[lang]
            here: dict[str, Path] = {}
            for path in _section_files(folder):
                if inside(folder, path.name) is None:  # an English file linked in as Spanish, too
                    problems.append(
                        f"{display_path(path)}: links to a file outside {display_path(folder)}/;"
                        " copy the section file itself into the folder"
                    )
                    continue
                section, found = load_section(path, image_dirs, lang)
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
                    replaced.add((lang, section.id))
                sections[section.id] = section
                origin[lang, section.id] = position
    if problems:  # a picture used in a section and its translation is one thing to fix
        raise ContentError(dict.fromkeys(problems))
    # A translation of what a later folder replaced translates other words: it is not used.
    for lang, sections in languages.items():
        for section_id, section in list(sections.items()):
            if origin.get((SOURCE_LANGUAGE, section_id), -1) > origin[lang, section_id]:
                del sections[section_id]
                if not is_bundled(section.source):
                    english = languages[SOURCE_LANGUAGE][section_id].source
                    log.warning(
                        "%s: translates a '%s' that %s replaces, so it is not used; put its translation"
                        " in %s",
                        display_path(section.source),
                        section_id,
                        display_path(english),
                        display_path(english.parent / lang) + "/",
                    )
    return Library(languages, frozenset(replaced))


def _check_content_folder(content_dir: Path) -> None:
    if not content_dir.is_dir():
        raise ContentError([f"{display_path(content_dir)}: no such content folder"])
    if content_dir.name in LANGUAGES and content_dir.name != SOURCE_LANGUAGE:
        raise UsageProblem(
            f"{display_path(content_dir)}: holds the {LANGUAGES[content_dir.name].name} versions of the"
            f" sections in the folder above it; give that folder, {display_path(content_dir.parent)}"
        )
    if not any(_section_files(folder) for _, folder in _language_folders(content_dir)):
        nested = content_dir / "content"
        hint = f"; did you mean {display_path(nested)}?" if nested.is_dir() else ""
        raise UsageProblem(f"{display_path(content_dir)}: no section files (*.yaml) in this folder{hint}")


def _section_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
