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

from builder import colour
from builder.config import DEFAULT_BODY_SIZE as BODY_SIZE
from builder.config import Clinic
from builder.layout.fonts import FontSet, font_set

INK = HexColor("#1F2933")  # body text: softer than pure black, still 15:1 on white
MUTED = HexColor("#4B5563")  # secondary text: 7.5:1 on white, prints as a clear grey
RULE = HexColor("#C7CED6")
STOP_RED = HexColor("#B42318")
LEADING = 1.35


def tint(color: Color, amount: float) -> Color:
    """``color`` mixed into white: amount 0.1 is a pale wash, 1.0 the colour itself."""
    return Color(*(1 - amount + amount * c for c in (color.red, color.green, color.blue)))


def text_on(background: Color) -> Color:
    """Black or white, whichever reads better on ``background`` (at least 4.5:1)."""
    return (
        white
        if colour.text_on((background.red, background.green, background.blue)) == colour.WHITE
        else black
    )


@dataclass(frozen=True)
class Theme:
    """Everything the layout needs to know about how the clinic's handout looks.

    ``primary`` fills the header band, boxes and table headings; ``primary_text`` is the same colour made
    dark enough for text and rules on white; ``accent`` marks bullets, arrows and cautions.
    """

    fonts: FontSet
    heading_fonts: FontSet
    primary: Color
    primary_text: Color
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
    furniture: float = 1.0
    """How much the page furniture (footer, headers, page numbers, covers, contents) is grown: 1 in
    regular print, in proportion to the body in large print (see ``make_theme``)."""

    def furniture_size(self, points: float) -> float:
        """A size or length of the page furniture drawn for regular print, grown as the furniture is."""
        return grown(points, self.furniture)


def grown(points: float, factor: float) -> float:
    """``points`` times ``factor``, to a tenth of a point; exactly ``points`` when ``factor`` is 1, so that
    regular print comes out byte for byte as it was."""
    return points if factor == 1 else round(points * factor, 1)


LARGE_PRINT_SIZE = 16  # body text in large print: what low-vision guidance asks for at the least


def make_theme(clinic: Clinic, large_print: bool = False) -> Theme:
    """The clinic's look; ``large_print`` sets the body at 16 pt (or the clinic's size, if larger) and
    everything that scales with it."""
    fonts, heading = font_set(clinic.fonts.body), font_set(clinic.fonts.heading)
    primary, accent = HexColor(clinic.colors.primary), HexColor(clinic.colors.marks)
    primary_text, on_primary = HexColor(clinic.colors.heading), text_on(primary)
    size = max(clinic.fonts.size, LARGE_PRINT_SIZE) if large_print else clinic.fonts.size
    scale = size / BODY_SIZE
    # Regular print keeps its furniture at the sizes drawn for it, whatever the clinic's body size; large
    # print grows it with the body (16/13: a 10 pt footer becomes 12.3 pt), as a reader who needs the
    # body larger needs the page numbers and phone number larger too.
    furniture = scale if large_print else 1.0

    def style(name: str, size: float = BODY_SIZE, **kw: object) -> ParagraphStyle:
        """A style at ``size`` for the default body size, grown with the clinic's chosen size."""
        kw.setdefault("fontName", fonts.regular)
        kw.setdefault("textColor", INK)
        kw["leading"] = round(float(kw.get("leading", size * LEADING)) * scale, 1)  # type: ignore[arg-type]
        return ParagraphStyle(name, fontSize=round(size * scale, 1), alignment=TA_LEFT, allowWidows=0, **kw)

    def fixed(name: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
        """Page furniture: the same size whatever the clinic's body size in regular print, so it fits its
        strip of the page; grown with the body in large print (the strips are measured for it)."""
        kw.setdefault("fontName", fonts.regular)
        size, leading = grown(size, furniture), grown(leading, furniture)
        return ParagraphStyle(name, fontSize=size, leading=leading, alignment=TA_LEFT, **kw)

    body = style("body", spaceAfter=7)
    return Theme(
        fonts=fonts,
        heading_fonts=heading,
        primary=primary,
        primary_text=primary_text,
        accent=accent,
        on_primary=on_primary,
        body=body,
        lead=style("lead", 14, fontName=fonts.bold, leading=19),
        title=style("title", 24, fontName=heading.bold, textColor=primary_text, leading=29),
        h1=style(
            "h1",
            20,
            fontName=heading.bold,
            textColor=primary_text,
            leading=25,
            spaceBefore=4,
            spaceAfter=8,
            keepWithNext=1,
        ),
        h2=style(
            "h2",
            15,
            fontName=heading.bold,
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
        callout_title=style("callout_title", 14, fontName=heading.bold, leading=18, spaceAfter=3),
        cell=style("cell", 12, leading=15),
        header_cell=style("header_cell", 12, fontName=fonts.bold, textColor=on_primary, leading=15),
        table_caption=style("table_caption", 13, fontName=fonts.bold, spaceAfter=4),
        footer=fixed("footer", 10, 13, textColor=INK),
        small=fixed("small", 9, 11.5, textColor=MUTED),
        furniture=furniture,
    )
