"""Can a patient with little schooling read a section? Its reading grade, its long sentences, its medical
words; and does an exercise say when to stop.

The grade uses textstat (Flesch-Kincaid, and SMOG beside it), pinned to releases that read their syllable
dictionaries from the package itself, so a check works offline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import textstat

from builder.content import Bullets, Callout, Figures, Heading, Paragraph, Section, Steps, Table
from builder.validate import display_path

TARGET_GRADE = 8  # US school grade; patient information aims at 6, and never above 8
LONGEST_SENTENCE = 25  # words
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
EXPLAINED = re.compile(r"\b(called|means|is when|is a|are the)\b|\(", re.IGNORECASE)
JARGON = {  # a medical or formal word, and the plain word a patient knows
    "inflammation": "swelling",
    "inflamed": "swollen",
    "musculoskeletal": "muscles and bones",
    "cervical": "neck",
    "thoracic": "upper back",
    "lumbar": "low back",
    "bilateral": "on both sides",
    "posterior": "back",
    "anterior": "front",
    "analgesic": "pain medicine",
    "anti-inflammatory": "medicine that eases swelling",
    "ambulate": "walk",
    "flexion": "bending",
    "contraindicated": "not safe",
    "chronic": "long-term",
    "acute": "new or sudden",
    "intervention": "treatment",
    "prognosis": "what to expect",
    "sedentary": "sitting a lot",
    "physician": "doctor",
    "utilize": "use",
    "commence": "start",
    "discontinue": "stop",
    "approximately": "about",
    "sufficient": "enough",
    "subsequently": "then",
}


@dataclass(frozen=True)
class Reading:
    """How one section reads, and what a writer should change."""

    section: Section
    grade: float
    smog: float
    words: int
    warnings: tuple[str, ...]


def sentences(section: Section) -> list[str]:
    """Every sentence a patient reads in the section, in order; a heading or bullet is one of its own."""
    parts = [section.title, section.key_message]
    for block in section.blocks:
        if isinstance(block, (Paragraph, Heading)):
            parts.append(block.text)
        elif isinstance(block, Bullets):
            parts += block.items
        elif isinstance(block, Steps):
            parts += [step.text for step in block.steps]
        elif isinstance(block, Figures):
            parts += [figure.caption for figure in block.figures]
        elif isinstance(block, Callout):
            parts += [block.title, block.text, *block.bullets]
        elif isinstance(block, Table):
            parts += [" ".join(row) for row in block.rows]
    found = []
    for part in parts:
        for sentence in SENTENCE_END.split(part.replace("*", "").strip()):
            if sentence:
                found.append(sentence if sentence.endswith((".", "?", "!", ":")) else sentence + ".")
    return found


def read(section: Section, target: float = TARGET_GRADE) -> Reading:
    """The section's grade and SMOG index, and a warning for each thing a writer should change."""
    said = sentences(section)
    text = " ".join(said)
    grade = textstat.flesch_kincaid_grade(text)
    shown = display_path(section.source)
    warnings = []
    if grade > target:
        warnings.append(
            f"{shown}: reads at grade {grade:.1f}, above the target of {target:g}; use shorter sentences"
            " and everyday words"
        )
    for sentence in said:
        count = len(sentence.split())
        if count > LONGEST_SENTENCE:
            start = " ".join(sentence.split()[:6])
            warnings.append(f"{shown}: a sentence of {count} words ('{start} ...'); split it in two")
        for word, plain in JARGON.items():
            if re.search(rf"\b{re.escape(word)}\b", sentence, re.IGNORECASE) and not EXPLAINED.search(
                sentence
            ):
                warnings.append(f"{shown}: '{word}' is a medical word; say '{plain}', or explain it")
    if section.kind == "exercise" and not any(
        isinstance(block, Callout) and block.style == "stop" for block in section.blocks
    ):
        warnings.append(
            f"{shown}: an exercise needs a box saying when to stop; add a callout with style: stop"
        )
    unique = tuple(dict.fromkeys(warnings))  # a word in the title and the text is one thing to change
    return Reading(section, grade, textstat.smog_index(text), textstat.lexicon_count(text), unique)
