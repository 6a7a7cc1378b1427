"""What a summary PDF draws on every page around the text: the branded header and the footer."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from actionplan.config_summary import Branding
from actionplan.plan.errors import Invalid
from actionplan.summary.branding import MM, Logo, fit, has_header, read_logo
from actionplan.summary.pdf import x

SIDE = 15 * MM
"""The left and right margins."""
_TOP, _GAP = 10 * MM, 6 * MM  # the header's distance from the page's top; space under it
_LOGO_W, _LOGO_H = 55 * MM, 13 * MM  # the box a logo is fitted into
_FOOT = 9 * MM  # the baseline of the footer line
_MUTED = "#5b6670"


@dataclass(frozen=True)
class Page:
    """The page decoration of one PDF: its margins, and the function that draws it."""

    top: float
    bottom: float
    draw: Any
    seen: tuple[str, ...]
    """The text it draws (ReportLab markup), for the leak guard."""


def document(out: Any, deco: Page, size: tuple[float, float], title: str, author: str) -> Any:
    """A ReportLab document writing into ``out``: the paper, the side margins, and room at the
    top and bottom for the branded header and footer ``deco`` draws."""
    from reportlab.platypus import SimpleDocTemplate

    return SimpleDocTemplate(
        out,
        pagesize=size,
        leftMargin=SIDE,
        rightMargin=SIDE,
        topMargin=deco.top,
        bottomMargin=deco.bottom,
        title=title,
        author=author,
    )


def page(*, brand: Branding, size: tuple[float, float], font: str, bold: str, stamp: str) -> Page:
    """The header (logo left; company and contact right) and footer (the brand's footer above
    ``stamp`` and the page number) for this paper size.

    Raises:
        Invalid: the logo is missing, unreadable, or not a picture ReportLab can draw.
    """
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    width, height = size
    inner = width - 2 * SIDE
    picture = _picture(read_logo(brand)) if brand.logo else None
    logo_w, logo_h = fit(*picture[1], _LOGO_W, _LOGO_H) if picture else (0.0, 0.0)
    right = ParagraphStyle("who", fontName=font, fontSize=8, leading=10, alignment=TA_RIGHT)
    who_texts = [f"<b>{x(brand.company)}</b>" if brand.company else "", x(brand.contact)]
    who = [
        Paragraph(t, ParagraphStyle("c", parent=right, fontName=bold, fontSize=10, leading=12))
        if n == 0
        else Paragraph(t, ParagraphStyle("t", parent=right, textColor=_MUTED))
        for n, t in enumerate(who_texts)
        if t
    ]
    who_w = inner - logo_w - (6 * MM if picture else 0)
    who_h = sum(p.wrap(who_w, height)[1] for p in who)
    band = max(logo_h, who_h) if has_header(brand) else 0.0
    foot_style = ParagraphStyle(
        "foot", fontName=font, fontSize=7, leading=9, alignment=TA_CENTER, textColor=_MUTED
    )
    foot = Paragraph(x(brand.footer), foot_style) if brand.footer else None
    foot_h = foot.wrap(inner, height)[1] if foot else 0.0

    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.setFillGray(0.45)
        canvas.drawString(SIDE, _FOOT, stamp)
        canvas.drawRightString(width - SIDE, _FOOT, f"page {doc.page}")
        if foot:
            foot.drawOn(canvas, SIDE, _FOOT + 4 * MM)
        if band:
            base = height - _TOP - band
            if picture:
                _draw_picture(canvas, picture[0], SIDE, height - _TOP - logo_h, logo_w, logo_h)
            y = height - _TOP
            for p in who:
                y -= p.height
                p.drawOn(canvas, width - SIDE - who_w, y)
            canvas.setStrokeColor(_MUTED)
            canvas.setLineWidth(0.4)
            canvas.line(SIDE, base - 2.5 * MM, width - SIDE, base - 2.5 * MM)
        canvas.restoreState()

    return Page(
        top=_TOP + band + _GAP if band else 15 * MM,
        bottom=_FOOT + 4 * MM + foot_h + 4 * MM if foot else 15 * MM,
        draw=draw,
        seen=tuple(t for t in [*who_texts, x(brand.footer), x(stamp)] if t),
    )


def _picture(logo: Logo | None) -> tuple[Any, tuple[float, float]] | None:
    """The logo as ReportLab draws it (an image, or an SVG's drawing), and its size."""
    if logo is None:
        return None
    if logo.kind == "svg":
        from svglib.svglib import svg2rlg

        try:
            drawing = svg2rlg(io.BytesIO(logo.data))
        except (OSError, ValueError, SyntaxError) as e:
            raise Invalid(f"cannot draw the logo {logo.path}: {e}") from None
        if drawing is None or not drawing.width or not drawing.height:
            raise Invalid(f"cannot draw the logo {logo.path}: not a drawing SVG can hold")
        return drawing, (float(drawing.width), float(drawing.height))
    from reportlab.lib.utils import ImageReader

    try:
        image = ImageReader(io.BytesIO(logo.data))
        w, h = image.getSize()
    except (OSError, ValueError, SyntaxError) as e:
        raise Invalid(f"cannot draw the logo {logo.path}: {e}") from None
    return image, (float(w), float(h))


def _draw_picture(canvas: Any, picture: Any, x: float, y: float, w: float, h: float) -> None:
    from reportlab.graphics import renderPDF
    from reportlab.graphics.shapes import Drawing

    if isinstance(picture, Drawing):
        sx, sy = w / picture.width, h / picture.height
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(sx, sy)
        renderPDF.draw(picture, canvas, 0, 0)
        canvas.restoreState()
    else:
        canvas.drawImage(picture, x, y, w, h, mask="auto")
