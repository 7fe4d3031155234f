"""The closing panel of a handout: how to reach the clinic, when it is open, and a QR code to book.

A patient reads a handout at home, days after the visit; the last thing on it says who to ask.
"""

from __future__ import annotations

from typing import Literal

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from builder.config import Clinic, QrCode
from builder.layout.blocks import BlockLayout, plain
from builder.layout.flowables import FirstThatFits, QrCodeDrawing
from builder.layout.markup import inline, kept_whole, unbroken_numbers
from builder.layout.styles import tint

QR_SIZE = 26 * mm
COMPACT_QR_SIZE = 20 * mm  # still scans from a phone held at reading distance
QR_COLUMN = 52 * mm
QR_GAP = 4 * mm  # between the details and the code's label, so a long address never runs into it


def contact_panel(layout: BlockLayout, clinic: Clinic) -> list[FirstThatFits]:
    """The panel, or nothing when the clinic gave neither a phone number, opening hours nor a QR code.

    It goes under the last section, set tighter where that makes it fit ("compact": a smaller QR code,
    the hours on one line; "brief": no hours, less space above); where even that does not fit, it is
    left out rather than printed on a page of its own, as every page's footer has the clinic's phone
    number and address already.
    """
    if not (clinic.phone or clinic.hours or clinic.qr_code):
        return []
    options = [contact_box(layout, clinic, fit=fit) for fit in ("full", "compact", "brief")]
    return [FirstThatFits(options)]


def contact_box(
    layout: BlockLayout,
    clinic: Clinic,
    on_back_cover: bool = False,
    fit: Literal["full", "compact", "brief"] = "full",
) -> Flowable:
    """The tinted box itself, the QR code beside the details; ``fit`` sets it in less height.

    On a booklet's back cover no footer carries the address and the after-hours line, so the box does;
    the QR code is in the cover's strip instead, as the half-size page has no room for it beside them.
    """
    with layout.inside(layout.structure.add("Aside")):
        return _contact_box(layout, clinic, on_back_cover, fit)


def _contact_box(
    layout: BlockLayout, clinic: Clinic, on_back_cover: bool, fit: Literal["full", "compact", "brief"]
) -> Flowable:
    theme = layout.theme
    inner = layout.width - 10 * mm - 4
    code = None if on_back_cover else clinic.qr_code
    text_width = inner if code is None else inner - QR_COLUMN - QR_GAP
    caption = theme.caption

    def detail(text: str) -> str:
        return unbroken_numbers(kept_whole(text, caption.fontName, caption.fontSize, text_width))

    title_style = theme.callout_title.clone("contact_title", textColor=theme.primary_text)
    words = layout.words
    phone = unbroken_numbers(inline(clinic.phone))
    title = layout.heading_role()
    text = layout.text
    if on_back_cover and clinic.phone:  # one line for both, where every line counts
        details: list[Flowable] = [text(words.call_us_on.format(phone=phone), title_style, title)]
    else:
        details = [text(words.contact_us, title_style, title)]
        if clinic.phone:
            details.append(text(words.call.format(phone=f"<b>{phone}</b>"), theme.body))
    if on_back_cover and clinic.address:
        details.append(text(inline(clinic.address), caption))
    online = [detail(part) for part in (clinic.website, clinic.email) if part]
    if online:
        details.append(text(" · ".join(online), caption))
    compact = fit != "full"
    if clinic.hours and fit != "brief":
        if compact:
            hours = " · ".join(detail(line) for line in clinic.hours)
            details += [Spacer(1, 1 * mm), text(f"<b>{words.opening_hours}:</b> {hours}", caption)]
        else:
            hours = "<br/>".join(detail(line) for line in clinic.hours)
            details += [Spacer(1, 2 * mm), text(f"<b>{words.opening_hours}</b><br/>{hours}", caption)]
    if on_back_cover and clinic.after_hours:
        after_hours = unbroken_numbers(inline(clinic.after_hours))
        details += [Spacer(1, 2 * mm), text(f"<b>{words.after_hours}</b> {after_hours}", caption)]
    space = 3 * mm if fit == "brief" else 6 * mm
    if code is None:
        return _panel(layout, layout.grid([[details]], [inner], plain(gap=0)), space)
    right = _qr_code(layout, code, QR_COLUMN, COMPACT_QR_SIZE if compact else QR_SIZE)
    widths = [text_width + QR_GAP, QR_COLUMN]
    return _panel(layout, layout.grid([[details, right]], widths, plain(gap=QR_GAP)), space)


def _qr_code(layout: BlockLayout, qr_code: QrCode, width: float, size: float) -> list[Flowable]:
    """The code, its label and the address it opens: shown without "https://", and broken after the host
    when it is too long for ``width``."""
    theme = layout.theme
    host, _, path = qr_code.url.split("://", 1)[1].partition("/")
    shown_url = inline(f"{host}/{path}" if path else host)
    if path and stringWidth(f"{host}/{path}", theme.small.fontName, theme.small.fontSize) > width:
        shown_url = f"{inline(host)}/<br/>{inline(path)}"  # break after the host, never inside a word
    figure = layout.structure.add("Figure", alt=layout.words.qr_code_alt.format(url=qr_code.url))
    return [
        QrCodeDrawing(qr_code.url, size, theme.fonts.regular, figure),
        Spacer(1, 1.5 * mm),
        layout.text(inline(qr_code.label), theme.caption),
        layout.text(shown_url, theme.small),
    ]


def _panel(layout: BlockLayout, body: Flowable, space: float = 6 * mm) -> Flowable:
    theme = layout.theme
    panel = layout.boxed([[body]], tint(theme.primary, 0.08), theme.primary_text)
    panel.spaceBefore = layout.space(space)
    return panel
