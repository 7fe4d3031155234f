"""Is a picture's alt text worth the name? A screen reader reads it out in place of the picture, to a
patient who cannot see it; text that only looks like alt text leaves that patient with nothing.

Loading a section (content.py) makes sure every picture has ``alt``; ``handout check`` asks
``weak_alt`` whether what is written there describes anything. It catches the mistakes clinics make: a
file name ("IMG_2041.jpg", "step1.png", "shoulder_stretch"), a placeholder ("image", "TODO", "foto"),
only digits or marks, the step text or caption beside it word for word (read out twice), or too few
letters to say anything. It is conservative on purpose: anything that could be a description passes,
so good alt such as "A woman lying on her side" is never nagged about.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from builder.content import Figures, Section, Steps
from builder.validate import display_path, dotted
from builder.yamlfile import KeyPath

PICTURE_FILE = re.compile(r"\.(jpe?g|png|svg|gif|webp|heic|heif|tiff?|bmp)$", re.IGNORECASE)
FILE_LIKE = re.compile(
    r"""\S*_\S*                        # shoulder_stretch, IMG_2041
      | \S*(\d[^\W\d_]|[^\W\d_]\d)\S*  # step1, DSC0012, 2b
      | [a-z]+(-[a-z]+)+               # shoulder-stretch, all in lower case as a file is named
      | [a-z]{2,}[A-Z]\w*              # shoulderStretch
      | \S*[/\\]\S*                    # images/step
    """,
    re.VERBOSE,
)
# fmt: off
PLACEHOLDERS = {
    "en": {
        "image", "picture", "pic", "photo", "photograph", "img", "figure", "fig", "graphic", "illustration",
        "drawing", "diagram", "icon", "alt", "alt text", "alternative text", "description", "caption",
        "todo", "to do", "tbd", "tba", "xxx", "xx", "x", "placeholder", "n a", "na", "none", "test",
        "image here", "picture here", "photo here", "insert image", "insert picture", "add alt text",
        "lorem ipsum",
    },
    "es": {
        "imagen", "foto", "fotografia", "dibujo", "ilustracion", "figura", "grafico", "grafica", "esquema",
        "icono", "texto alternativo", "descripcion", "pendiente", "por hacer", "falta", "ninguno",
        "ninguna", "prueba", "imagen aqui", "foto aqui",
    },
}
"""Words written to fill the field, by language, as ``_plain`` leaves them: lower case, no accents.
Every language's are looked for in every section: "foto" in an English file describes nothing either."""
# fmt: on
ANY_PLACEHOLDER = frozenset().union(*PLACEHOLDERS.values())
MARKER = re.compile(r"^(todo|tbd|fixme|xxx)\b")  # "TODO: a photo of the stretch" is still to be written
FEWEST_LETTERS = 3  # "Ok" or "A" says nothing; "Knee" is weak, but it is a word a patient knows
EXAMPLES = {
    "en": "A person sitting tall on a chair, looking straight ahead",
    "es": "Una persona sentada derecha en una silla, mirando al frente",
}
"""Good alt, for a warning whose picture's text gives nothing better to build one from."""
MOST_EXAMPLE_WORDS = 20


def weak_alt(alt: str, near: str | None, lang: str) -> str | None:
    """Why ``alt`` describes nothing, with an example of alt that would, or None when it may.

    ``near`` is the text printed with the picture (a step's text, a figure's caption), which alt must
    not repeat: a screen reader reads both. ``lang`` is the section's language, for the example.
    """
    reason = _reason(alt.strip(), near)
    if reason is None:
        return None
    return f'{reason}; say what the picture shows, e.g. "{example_alt(near, lang)}"'


def _reason(alt: str, near: str | None) -> str | None:
    plain = _plain(alt)
    if PICTURE_FILE.search(alt):
        return "is a file name, not a description"
    if FILE_LIKE.fullmatch(alt):
        return "looks like a file name, not a description"
    if not any(character.isalpha() for character in alt):
        return "is only digits or punctuation, not a description"
    if re.sub(r"\s*\d+[a-z]?$", "", plain) in ANY_PLACEHOLDER or MARKER.match(plain):  # "photo 2"
        return "is a placeholder, not a description"
    if near is not None and plain == _plain(near):
        return "repeats the text printed with it, so a screen reader reads the same words twice"
    if sum(character.isalpha() for character in alt) < FEWEST_LETTERS:
        return "is too short to describe anything"
    return None


def _plain(text: str) -> str:
    """``text`` in lower case without accents, markup or punctuation: "¡Ilustración!" -> "ilustracion"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(character for character in decomposed if not unicodedata.combining(character))
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


# --- an example built from the picture's own step or caption ------------------------------------------

# fmt: off
DOING = {  # what a step tells the patient to do -> what the picture then shows them doing
    "arch": "arching", "bend": "bending", "breathe": "breathing", "bring": "bringing", "cross": "crossing",
    "draw": "drawing", "hold": "holding", "hug": "hugging", "keep": "keeping", "kneel": "kneeling",
    "lean": "leaning", "let": "letting", "lie": "lying", "lift": "lifting", "look": "looking",
    "lower": "lowering", "move": "moving", "place": "placing", "press": "pressing", "pull": "pulling",
    "push": "pushing", "put": "putting", "raise": "raising", "reach": "reaching", "relax": "relaxing",
    "rest": "resting", "roll": "rolling", "rotate": "rotating", "sit": "sitting", "slide": "sliding",
    "squeeze": "squeezing", "stand": "standing", "step": "stepping", "straighten": "straightening",
    "stretch": "stretching", "swing": "swinging", "tilt": "tilting", "tip": "tipping", "tuck": "tucking",
    "turn": "turning", "walk": "walking",
}
# fmt: on
MANNER = ("gently", "slowly", "carefully")  # "Gently slide ..." -> "gently sliding ..."
WHERE = ("on", "in", "at", "with", "without", "under", "against", "by")  # a caption like "On your side"
TOWARD = (*WHERE, "behind", "toward", "towards", "to", "of", "for", "over", "near")  # "behind you": them
THEIRS = {"your": "their", "yours": "theirs", "yourself": "themselves"}
SENTENCE = re.compile(r"(?<=[.!?;])\s+")


def example_alt(near: str | None, lang: str) -> str:
    """Alt text to show as an example: in English, the step's instructions turned into what the picture
    shows ("Sit tall at your desk." -> "A person sitting tall at their desk"), or a caption that says
    where the person is ("On your side ..." -> "A person on their side ..."); otherwise a fixed example
    in the section's language. It is only the shape of good alt: the writer knows what the picture
    shows, and says that."""
    built = _described(near) if near and lang == "en" else None
    return built or EXAMPLES.get(lang, EXAMPLES["en"])


def _described(near: str) -> str | None:
    parts: list[str] = []
    for sentence in SENTENCE.split(near.replace("*", "").strip()):
        words = _doing(sentence.rstrip(".!?; ").split())
        if words is None or re.search(r"\d", sentence):  # "Hold for 5 seconds" is when, not what
            break
        if len(parts) + len(words) > MOST_EXAMPLE_WORDS:
            break
        parts += [*words[:-1], words[-1] + ","]
    if not parts:
        first = near.replace("*", "").split()
        if first and first[0].lower() in WHERE and len(first) < MOST_EXAMPLE_WORDS:
            parts = [first[0].lower(), *(_theirs(word) for word in first[1:])]
    if len(parts) < 2:  # "Keep." alone gives nothing to go on
        return None
    return " ".join(["A", "person", *parts]).rstrip(",.!?;: ")


def _doing(words: list[str]) -> list[str] | None:
    """An instruction's words as what a person is doing, or None when it does not start with a verb."""
    manner = [words.pop(0).lower()] if words and words[0].lower() in MANNER else []
    if not words or words[0].lower() not in DOING:
        return None
    done: list[str] = [*manner]
    for previous, word, following in zip(["", *words[:-1]], words, [*words[1:], ""], strict=True):
        joined = previous.lower() in ("", "and", "then") or previous.endswith(",")
        if joined and word.lower() == "keep" and following.endswith("ing"):
            done.append("still")  # "Keep looking ahead" -> "still looking ahead"
        elif joined and word.lower() in DOING:
            done.append(DOING[word.lower()])
        else:
            done.append(_theirs(word, previous))
    return done


def _theirs(word: str, previous: str = "") -> str:
    """A step's word about the reader as one about the person pictured: "your" -> "their"; "you" ->
    "they", or "them" at the end of a clause ("behind you,")."""
    bare = word.rstrip(",.;:!?")
    ending = word[len(bare) :]
    if bare.lower() == "you":
        return ("them" if ending or previous.lower() in TOWARD else "they") + ending
    return THEIRS.get(bare.lower(), bare) + ending


# --- every picture of a section ---------------------------------------------------------------------


def pictures(section: Section) -> Iterator[tuple[KeyPath, str, str]]:
    """Each picture's place in the file (``blocks[1].steps[0].alt``), its alt text and the text printed
    with it. A loaded section kept every block and item of its file, so the positions are the file's."""
    for index, block in enumerate(section.blocks):
        if isinstance(block, Steps):
            for number, step in enumerate(block.steps):
                if step.image is not None:
                    yield ("blocks", index, "steps", number, "alt"), step.image.alt, step.text
        elif isinstance(block, Figures):
            for number, figure in enumerate(block.figures):
                yield ("blocks", index, "figures", number, "alt"), figure.image.alt, figure.caption


def alt_warnings(section: Section) -> list[str]:
    """One line for each picture in ``section`` whose alt text describes nothing, naming its place."""
    shown = display_path(section.source)
    found = []
    for path, alt, near in pictures(section):
        reason = weak_alt(alt, near, section.lang)
        if reason is not None:
            found.append(f'{shown}: {dotted(path)}: "{alt}" {reason}')
    return found
