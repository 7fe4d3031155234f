"""Content text -> ReportLab paragraph markup.

Writers may use **bold** and *italic*; every other character must print as typed, so the text is escaped
first and only then are the two emphasis marks turned into tags.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])")


def inline(text: str) -> str:
    """Escape ``text`` for a ReportLab Paragraph and turn **bold** and *italic* into tags."""
    markup = escape(text)
    markup = _BOLD.sub(r"<b>\1</b>", markup)
    return _ITALIC.sub(r"<i>\1</i>", markup)
