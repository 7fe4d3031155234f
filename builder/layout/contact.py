"""The closing panel of a handout: how to reach the clinic, when it is open, and a QR code to book.

A patient reads a handout at home, days after the visit; the last thing on it says who to ask.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer

from builder.config import Clinic
from builder.layout.blocks import BlockLayout, plain
from builder.layout.flowables import IfRoom, QrCodeDrawing
from builder.layout.markup import inline
from builder.layout.styles import tint

QR_SIZE = 26 * mm
QR_COLUMN = 52 * mm


def contact_panel(layout: BlockLayout, clinic: Clinic) -> list[Flowable]:
    """The panel, or nothing when the clinic gave neither a phone number, opening hours nor a QR code.

    Without a QR code it only appears where it fits below the last section.
    """
    if not (clinic.phone or clinic.hours or clinic.qr_code):
        return []
    panel = contact_box(layout, clinic)
    # Contact details are on every page already; a QR code is not, so only it earns a page of its own.
    return [panel] if clinic.qr_code else [IfRoom(panel)]


def contact_box(layout: BlockLayout, clinic: Clinic, everything: bool = False) -> Flowable:
    """The tinted box itself; ``everything`` adds the address and the after-hours line, for a booklet's
    back cover, where no footer carries them."""
    theme = layout.theme
    title_style = theme.callout_title.clone("contact_title", textColor=theme.primary_text)
    left: list[Flowable] = [Paragraph("Questions? Contact us", title_style)]
    if clinic.phone:
        left.append(Paragraph(f"Call <b>{inline(clinic.phone)}</b>", theme.body))
    if everything and clinic.address:
        left.append(Paragraph(inline(clinic.address), theme.caption))
    online = [part for part in (clinic.website, clinic.email) if part]
    if online:
        left.append(Paragraph(" · ".join(inline(part) for part in online), theme.caption))
    if clinic.hours:
        hours = "<br/>".join(inline(line) for line in clinic.hours)
        left += [Spacer(1, 2 * mm), Paragraph(f"<b>Opening hours</b><br/>{hours}", theme.caption)]
    if everything and clinic.after_hours:
        left += [
            Spacer(1, 2 * mm),
            Paragraph(f"<b>After hours:</b> {inline(clinic.after_hours)}", theme.caption),
        ]
    inner = layout.width - 10 * mm - 4
    if clinic.qr_code is None:
        row = [left]
        widths = [inner]
    else:
        qr_column = min(QR_COLUMN, inner * 0.36)  # on a booklet's half-size page, the code's caption wraps
        widths = [inner - qr_column, qr_column]
        host, _, path = clinic.qr_code.url.split("://", 1)[1].partition("/")
        shown_url = inline(f"{host}/{path}" if path else host)
        if path and stringWidth(f"{host}/{path}", theme.small.fontName, theme.small.fontSize) > qr_column:
            shown_url = f"{inline(host)}/<br/>{inline(path)}"  # break after the host, never inside a word
        right: list[Flowable] = [
            QrCodeDrawing(clinic.qr_code.url, QR_SIZE, theme.fonts.regular),
            Spacer(1, 1.5 * mm),
            Paragraph(inline(clinic.qr_code.label), theme.caption),
            Paragraph(shown_url, theme.small),
        ]
        row = [left, right]
    body = layout.grid([row], widths, plain(gap=0))
    panel = layout.boxed([[body]], tint(theme.primary, 0.08), theme.primary_text)
    panel.spaceBefore = 6 * mm
    return panel
