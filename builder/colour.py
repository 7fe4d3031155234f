"""Brand colours: read what a clinic typed, and keep text readable whatever colour it chose.

Contrast follows WCAG 2: text needs 4.5:1 against its background; large headings and drawn marks 3:1.
"""

from __future__ import annotations

import math
import re

from PIL import ImageColor

RGB = tuple[float, float, float]
"""A colour as red, green and blue from 0 to 1."""

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE: RGB = (1.0, 1.0, 1.0)
BLACK: RGB = (0.0, 0.0, 0.0)
TEXT_CONTRAST = 4.5
LARGE_CONTRAST = 3.0


def parse_colour(text: str) -> str | None:
    """``#RRGGBB`` or a CSS colour name (``teal``, ``DarkSlateBlue``) as upper-case ``#RRGGBB``; else None."""
    if HEX_COLOUR.match(text):
        return text.upper()
    if text.lower() in ImageColor.colormap:
        return "#{:02X}{:02X}{:02X}".format(*ImageColor.getrgb(text.lower())[:3])
    return None


def rgb(hex_colour: str) -> RGB:
    value = int(hex_colour[1:], 16)
    return ((value >> 16 & 255) / 255, (value >> 8 & 255) / 255, (value & 255) / 255)


def hex_of(colour: RGB) -> str:
    return "#" + "".join(f"{round(c * 255):02X}" for c in colour)


def luminance(colour: RGB) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """The WCAG contrast ratio between two colours, from 1 (none) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(background: RGB) -> RGB:
    """Black or white, whichever reads better on ``background``; the better one always reaches 4.5:1."""
    return WHITE if contrast(WHITE, background) >= contrast(BLACK, background) else BLACK


def darkened(colour: RGB, target: float = TEXT_CONTRAST, background: RGB = WHITE) -> RGB:
    """``colour`` made just dark enough to reach ``target`` contrast on ``background``, keeping its hue."""

    def scaled(keep: float) -> RGB:
        return (colour[0] * keep, colour[1] * keep, colour[2] * keep)

    if contrast(colour, background) >= target:
        return colour
    low, high = 0.0, 1.0  # how much of the colour to keep: 0 is black, 1 the colour itself
    for _ in range(24):
        middle = (low + high) / 2
        if contrast(scaled(middle), background) >= target:
            low = middle
        else:
            high = middle
    # Rounded down to whole 8-bit steps, so the colour as written in the PDF still reaches the target.
    r, g, b = (math.floor(c * 255) / 255 for c in scaled(low))
    return (r, g, b)


def grey(colour: RGB) -> float:
    """The grey, from 0 (black) to 1 (white), as light as ``colour``: every contrast ratio is kept, so
    text that was readable on a colour stays readable on its grey."""
    level = luminance(colour)
    return 12.92 * level if level <= 0.0031308 else 1.055 * level ** (1 / 2.4) - 0.055
