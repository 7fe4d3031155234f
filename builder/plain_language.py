"""Can a patient with little schooling read a section? Its reading level, its long sentences, its medical
words; and does an exercise say when to stop. In English and in Spanish.

The scores come from textstat, pinned to releases that count syllables with pyphen's bundled
hyphenation dictionaries, so a check works offline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import textstat

from builder.config import ReadingTargets
from builder.content import Bullets, Callout, Figures, Heading, Paragraph, Section, Steps, Table
from builder.validate import display_path

LONGEST_SENTENCE = 25  # words
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
EXPLAINED = {  # words by which a sentence explains the medical word in it
    "en": re.compile(r"\b(called|means|is when|is a|are the)\b|\(", re.IGNORECASE),
    "es": re.compile(
        r"\b(se llama|se le llama|quiere decir|significa|es cuando|es un|es una)\b|\(", re.IGNORECASE
    ),
}
JARGON = {  # by language: a medical or formal word, and the plain word a patient knows
    "en": {
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
    },
    "es": {
        "inflamación": "hinchazón",
        "inflamado": "hinchado",
        "musculoesquelético": "de los músculos y los huesos",
        "cervical": "del cuello",
        "dorsal": "de la parte alta de la espalda",
        "torácica": "de la parte alta de la espalda",
        "lumbar": "de la parte baja de la espalda",
        "bilateral": "en los dos lados",
        "analgésico": "medicina para el dolor",
        "antiinflamatorio": "medicina que baja la hinchazón",
        "deambular": "caminar",
        "flexión": "doblar",
        "contraindicado": "no es seguro",
        "crónico": "que dura mucho tiempo",
        "intervención": "tratamiento",
        "pronóstico": "lo que se espera",
        "sedentario": "que se mueve poco",
        "utilizar": "usar",
        "aproximadamente": "más o menos",
        "posteriormente": "después",
        "facultativo": "médico",
    },
}


@dataclass(frozen=True)
class Reading:
    """How one section reads in its language, and what a writer should change. English is scored by
    grade (Flesch-Kincaid, and SMOG beside it), Spanish by ease (Szigriszt-Pazos, read on the INFLESZ
    scale): the formulas each language's patient-information teams use."""

    section: Section
    words: int
    warnings: tuple[str, ...]
    grade: float | None = None
    smog: float | None = None
    ease: float | None = None


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


USUAL_TARGETS = ReadingTargets()


def read(section: Section, targets: ReadingTargets = USUAL_TARGETS) -> Reading:
    """The section's reading scores, and a warning for each thing a writer should change."""
    said = sentences(section)
    text = " ".join(said)
    shown = display_path(section.source)
    textstat.set_lang(section.lang)  # syllables are counted with the language's own hyphenation rules
    warnings = []
    grade = smog = ease = None
    if section.lang == "es":
        ease = textstat.szigriszt_pazos(text)
        if ease < targets.ease:
            warnings.append(
                f"{shown}: reads at {ease:.1f} on the INFLESZ scale ({_inflesz(ease)}), below the target of"
                f" {targets.ease}; use shorter sentences and everyday words"
            )
    else:
        grade, smog = textstat.flesch_kincaid_grade(text), textstat.smog_index(text)
        if grade > targets.grade:
            warnings.append(
                f"{shown}: reads at grade {grade:.1f}, above the target of {targets.grade}; use shorter"
                " sentences and everyday words"
            )
    explained = EXPLAINED[section.lang]
    for sentence in said:
        count = len(sentence.split())
        if count > LONGEST_SENTENCE:
            start = " ".join(sentence.split()[:6])
            warnings.append(f"{shown}: a sentence of {count} words ('{start} ...'); split it in two")
        for word, plain in JARGON[section.lang].items():
            if re.search(_forms(word, section.lang), sentence, re.IGNORECASE) and not explained.search(
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
    return Reading(section, textstat.lexicon_count(text), unique, grade, smog, ease)


def _forms(word: str, lang: str) -> str:
    """A pattern for ``word`` and its plural, and in Spanish its other gender: "crónico" finds "crónicas"
    too, "inflamación" finds "inflamaciones"."""
    if lang == "es" and word.endswith(("o", "a")):
        return rf"\b{re.escape(word[:-1])}[oa]s?\b"
    if word.endswith("ón"):
        return rf"\b({re.escape(word)}|{re.escape(word[:-2])}ones)\b"
    return rf"\b{re.escape(word)}(s|es)?\b"


def _inflesz(ease: float) -> str:
    """The INFLESZ scale's name for a Szigriszt-Pazos score."""
    for floor, name in ((80, "muy fácil"), (65, "bastante fácil"), (55, "normal"), (40, "algo difícil")):
        if ease >= floor:
            return name
    return "muy difícil"
