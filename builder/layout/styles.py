"""The one place where fonts, sizes and colours become ReportLab styles.

Sizes follow the page design brief: body 13 pt on 1.35 leading, about 70 characters a line; nothing below
9 pt; headings that step down clearly; colours that still separate on a black-and-white printer.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor, black, white
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from builder.config import Colors
from builder.layout.fonts import FontSet, body_fonts

INK = HexColor("#1F2933")  # body text: softer than pure black, still 15:1 on white
MUTED = HexColor("#4B5563")  # secondary text: 7.5:1 on white, prints as a clear grey
RULE = HexColor("#C7CED6")
STOP_RED = HexColor("#B42318")
BODY_SIZE = 13
LEADING = 1.35


def tint(color: Color, amount: float) -> Color:
    """``color`` mixed into white: amount 0.1 is a pale wash, 1.0 the colour itself."""
    return Color(*(1 - amount + amount * c for c in (color.red, color.green, color.blue)))


def _luminance(color: Color) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (color.red, color.green, color.blue))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio between two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(background: Color) -> Color:
    """Black or white, whichever reads better on ``background``."""
    return white if contrast(white, background) >= contrast(black, background) else black


@dataclass(frozen=True)
class Theme:
    """Everything the layout needs to know about how the clinic's handout looks."""

    fonts: FontSet
    primary: Color
    accent: Color
    on_primary: Color
    body: ParagraphStyle
    lead: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    bullet: ParagraphStyle
    step: ParagraphStyle
    caption: ParagraphStyle
    callout_title: ParagraphStyle
    cell: ParagraphStyle
    header_cell: ParagraphStyle
    table_caption: ParagraphStyle
    footer: ParagraphStyle
    small: ParagraphStyle


def make_theme(colors: Colors) -> Theme:
    fonts = body_fonts()
    primary, accent = HexColor(colors.primary), HexColor(colors.accent)
    on_primary = text_on(primary)

    def style(name: str, size: float = BODY_SIZE, **kw: object) -> ParagraphStyle:
        kw.setdefault("fontName", fonts.regular)
        kw.setdefault("textColor", INK)
        kw.setdefault("leading", round(size * LEADING, 1))
        return ParagraphStyle(name, fontSize=size, alignment=TA_LEFT, allowWidows=0, **kw)

    body = style("body", spaceAfter=7)
    return Theme(
        fonts=fonts,
        primary=primary,
        accent=accent,
        on_primary=on_primary,
        body=body,
        lead=style("lead", 14, fontName=fonts.bold, leading=19),
        title=style("title", 24, fontName=fonts.bold, textColor=primary, leading=29),
        h1=style(
            "h1",
            20,
            fontName=fonts.bold,
            textColor=primary,
            leading=25,
            spaceBefore=4,
            spaceAfter=8,
            keepWithNext=1,
        ),
        h2=style(
            "h2",
            15,
            fontName=fonts.bold,
            textColor=INK,
            spaceBefore=6,
            spaceAfter=4,
            keepWithNext=1,
        ),
        bullet=style(
            "bullet",
            leftIndent=6 * mm,
            bulletIndent=1.5 * mm,
            spaceAfter=4,
            bulletFontName=fonts.bold,
            bulletColor=accent,
        ),
        step=style("step", spaceAfter=0),
        caption=style("caption", 11, textColor=INK, leading=14.5),
        callout_title=style("callout_title", 14, fontName=fonts.bold, leading=18, spaceAfter=3),
        cell=style("cell", 12, leading=15),
        header_cell=style("header_cell", 12, fontName=fonts.bold, textColor=on_primary, leading=15),
        table_caption=style("table_caption", 13, fontName=fonts.bold, spaceAfter=4, keepWithNext=1),
        footer=style("footer", 10, leading=13),
        small=style("small", 9, textColor=MUTED, leading=11.5),
    )
