"""Does each translation say what its English source says? A translation must keep its source's kind,
blocks, steps, dose and its boxes' styles and purposes, so a patient reading Spanish does the same
exercise, and meets the same warnings, as one reading English; it should translate the source's current
version; and a clinic that writes its own version of a section should translate that too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from builder.content import Block, Bullets, Callout, Figures, Image, Schedule, Section, Steps, Table
from builder.resources import is_bundled
from builder.validate import display_path
from builder.words import LANGUAGES, SOURCE_LANGUAGE

if TYPE_CHECKING:
    from builder.library import Library

BLOCK_NAMES = {  # a block's class name -> its key in a section file
    "Paragraph": "paragraph",
    "Heading": "heading",
    "Bullets": "bullets",
    "Steps": "steps",
    "Figures": "figures",
    "Callout": "callout",
    "Table": "table",
    "Schedule": "schedule",
}


@dataclass
class TranslationReport:
    problems: list[str] = field(default_factory=list)
    """A translation that says something else than its source: another kind, blocks, steps or dose."""
    warnings: list[str] = field(default_factory=list)
    """A translation behind its source, or missing where the clinic translates its sections."""
    missing: dict[str, list[str]] = field(default_factory=dict)
    """By language code, the ids of sections not written in it."""
    only: dict[str, list[str]] = field(default_factory=dict)
    """By language code, the ids of sections written only in it (a mistyped id shows up here)."""


def compare_translations(library: Library) -> TranslationReport:
    report = TranslationReport()
    sources = library.in_language(SOURCE_LANGUAGE)
    for code in LANGUAGES:
        if code == SOURCE_LANGUAGE:
            continue
        translations = library.in_language(code)
        report.missing[code] = sorted(i for i in sources if i not in translations)
        report.only[code] = sorted(i for i in translations if i not in sources)
        translating = any(not is_bundled(s.source) for s in translations.values())
        for section_id, source in sorted(sources.items()):
            translation = translations.get(section_id)
            if translation is None:
                replacing = (SOURCE_LANGUAGE, section_id) in library.replaced  # ours had one
                if (translating or replacing) and not is_bundled(source.source):
                    report.warnings.append(
                        f"{display_path(source.source)}: has no {LANGUAGES[code].name} translation; add"
                        f" {display_path(version_path(source, code))}"
                    )
                continue
            report.problems += differences(translation, source)
            report.warnings += _behind(translation, source)
    return report


def differences(translation: Section, source: Section) -> list[str]:
    """Where ``translation`` does not keep to ``source``'s structure, each with what to do."""
    shown, original = display_path(translation.source), display_path(source.source)
    if translation.kind != source.kind:
        return [
            f"{shown}: kind: '{translation.kind}' but {original} is '{source.kind}';"
            " a translation keeps its source's kind"
        ]
    found = []
    for index, (block, theirs) in enumerate(zip(translation.blocks, source.blocks, strict=False)):
        if _name(block) != _name(theirs):
            found.append(
                f"{shown}: blocks[{index}] is a {_name(block)} block but in {original} it is a"
                f" {_name(theirs)} block; a translation keeps its source's blocks, in order"
            )
            return found
        if isinstance(block, Steps) and isinstance(theirs, Steps) and len(block.steps) != len(theirs.steps):
            found.append(
                f"{shown}: blocks[{index}].steps has {len(block.steps)} steps but {original} has"
                f" {len(theirs.steps)}; translate every step, one for one"
            )
            continue
        mine, source_shape = _shape(block), _shape(theirs)
        for key, value in mine.items():
            if value != source_shape[key]:
                found.append(
                    f"{shown}: blocks[{index}].{_name(block)}: {key}: {_said(value)}, but"
                    f" {_said(source_shape[key])} in {original}; a translation keeps its source's {key}"
                )
    if len(translation.blocks) != len(source.blocks):
        found.append(
            f"{shown}: has {len(translation.blocks)} blocks but {original} has {len(source.blocks)};"
            " a translation keeps its source's blocks, in order"
        )
    if translation.dose != source.dose:
        found.append(f"{shown}: dose: differs from {original}; a translation keeps its source's dose")
    return found


def _behind(translation: Section, source: Section) -> list[str]:
    """A translation of an older version than its source's."""
    shown, original = display_path(translation.source), display_path(source.source)
    if translation.version != source.version:
        return [
            f"{shown}: translates version {translation.version} of {original}, which is version"
            f" {source.version}; bring the translation up to date, then set version: {source.version}"
        ]
    return []


def _shape(block: Block) -> dict[str, object]:
    """What a translation of ``block`` must keep: what a patient does and sees, not the words."""
    match block:
        case Steps():
            return {"pictures": [_picture(step.image) for step in block.steps]}
        case Figures():
            return {
                "pictures": [_picture(figure.image) for figure in block.figures],
                "verdicts": [figure.verdict for figure in block.figures],
            }
        case Callout():
            return {
                "style": block.style,
                "purpose": block.purpose,  # else a Spanish handout would print the red-flags box twice
                "after_hours": block.after_hours,
                "bullets": len(block.bullets),
            }
        case Bullets():
            return {"bullets": len(block.items)}
        case Table():
            return {
                "columns": len(block.columns),
                "rows": len(block.rows),
                "tick columns": len(block.tick_columns),
            }
        case Schedule():
            return {"days": block.days, "ice days": block.ice_days, "slots": len(block.slots)}
    return {}


def _picture(image: Image | None) -> str | None:
    return image.path.name if image is not None else None


def _said(value: object) -> str:
    """A block's detail as a clinic's staff would write it: yes, no, none, a list with commas."""
    if isinstance(value, list):
        return ", ".join(_said(item) for item in value)
    if isinstance(value, bool):  # as a section file says it
        return "yes" if value else "no"
    return "none" if value is None else str(value)


def _name(block: Block) -> str:
    return BLOCK_NAMES[type(block).__name__]


def version_path(section: Section, lang: str) -> Path:
    """Where ``section`` in ``lang`` belongs: content/es/sleep.yaml beside content/sleep.yaml."""
    folder = section.source.parent if section.lang == SOURCE_LANGUAGE else section.source.parent.parent
    return (folder if lang == SOURCE_LANGUAGE else folder / lang) / section.source.name
