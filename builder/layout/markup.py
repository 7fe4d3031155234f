"""Content text -> ReportLab paragraph markup.

Writers may use **bold**, *italic* and ***both***; every other character must print as typed, so the
text is escaped first and only then are the emphasis marks turned into tags. Marks that would overlap
(``**a *b** c*``) are left as typed rather than producing tags ReportLab cannot parse.
"""

from __future__ import annotations

import html
import re
from html import escape

from reportlab.pdfbase.pdfmetrics import stringWidth

# After escaping, the only "<" and ">" in the text are the tags added here, so excluding them from a
# match keeps every tag pair properly nested.
_BOLD_ITALIC = re.compile(r"\*\*\*(?=\S)([^*<>]+?)(?<=\S)\*\*\*")
_BOLD = re.compile(r"\*\*(?=\S)([^*<>]+?(?:<i>[^<>]*</i>[^*<>]*?)*)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)([^*<>]+?)(?<=\S)\*(?![*\w])")


def inline(text: str) -> str:
    """Escape ``text`` for a ReportLab Paragraph and turn the emphasis marks into tags."""
    markup = _BOLD_ITALIC.sub(r"<b><i>\1</i></b>", escape(text, quote=False))  # &, < and > only
    markup = _ITALIC.sub(r"<i>\1</i>", markup)
    return _BOLD.sub(r"<b>\1</b>", markup)


_NUMBER_GAP = re.compile(r"(?<=[\d)]) (?=[\d(])")


def kept_whole(text: str, font: str, size: float, width: float) -> str:
    """``text`` as markup, its spaces made non-breaking when it fits on one line of ``width``: in a run
    of details ("12 High St · 555 0100"), lines then break between details, never inside one."""
    fits = stringWidth(text, font, size) < width
    return inline(text).replace(" ", "&nbsp;") if fits else inline(text)


def unbroken_numbers(markup: str) -> str:
    """Non-breaking spaces inside phone numbers ("(03) 5555 0199"), which a patient must read whole."""
    return _NUMBER_GAP.sub("&nbsp;", markup)


_LAST_GAP = re.compile(r" (?=\S{1,5}$)")


def headline(text: str) -> str:
    """A heading's markup with its last short word bound to the one before it, so that a heading that
    wraps never leaves a lone "if" or "back" on its last line."""
    return _LAST_GAP.sub("&nbsp;", inline(text.strip()), count=1)


def plain_text(markup: str) -> str:
    """What ``markup`` says, its tags and entities gone: for a screen reader's description of a link."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", markup)).split())
