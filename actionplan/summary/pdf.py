"""The summary as a PDF (ReportLab, imported only when a PDF is made), in a Unicode font."""

from __future__ import annotations

import io
from html import escape
from typing import Any

from actionplan.config_summary import Branding
from actionplan.resources import data_dir
from actionplan.summary.branding import page_size
from actionplan.summary.model import Summary
from actionplan.summary.words import NONE, changes, long_day, paragraphs, when, when_after

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
_PAD = 6  # a plan table cell's padding left and right (points; ReportLab's own default)
_COLOURS = {"green": "#2e7d32", "amber": "#b26a00", "red": "#c62828"}


def render_pdf(
    summary: Summary, *, brand: Branding | None = None, seen: list[str] | None = None
) -> bytes:
    """A PDF on A4 or Letter; long plans break across pages with the table header repeated.

    Args:
        summary: what to print.
        brand: the account team's header (logo, company, contact), footer and paper size;
            default: none, on A4.
        seen: if given, receives every piece of text drawn (ReportLab markup), so the leak
            guard can read exactly what the PDF says.

    Raises:
        Invalid: the branding's logo is missing, unreadable, or not a PNG or SVG.
    """
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (
        ListFlowable,
        LongTable,
        Paragraph,
        Spacer,
        TableStyle,
    )

    from actionplan.summary.pdf_page import SIDE, document, page

    register_fonts()
    s = summary
    brand = brand or Branding()
    size = page_size(brand)
    deco = page(
        brand=brand, size=size, font=FONT, bold=BOLD, stamp=f"{s.client} · {long_day(s.day)}"
    )
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13)
    muted = ParagraphStyle("muted", parent=body, textColor=colors.HexColor("#5b6670"))
    small = ParagraphStyle("small", parent=muted, fontSize=8.5, leading=11)
    h1 = ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=16, leading=20, spaceAfter=2)
    lead = ParagraphStyle("lead", parent=body, fontName=BOLD, fontSize=11, leading=15)
    h2 = ParagraphStyle(
        "h2", parent=body, fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=4
    )

    class OnceWrapped(Paragraph):  # type: ignore[misc]
        """A paragraph that lays out its lines once per width: a table cell is asked for its
        size when the table is measured, split across pages and drawn, every time anew."""

        _laid: tuple[float, tuple[float, float]] | None = None

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            laid_out = self._laid is not None and "blPara" in self.__dict__
            if not laid_out or self._laid is None or self._laid[0] != avail_width:
                self._laid = (avail_width, super().wrap(avail_width, avail_height))
            return self._laid[1]

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        if seen is not None:
            seen.append(text)
        return OnceWrapped(text, style)

    def items(texts: list[str]) -> Any:
        if not texts:
            return p(NONE, muted)
        return ListFlowable(
            [p(t) for t in texts],
            bulletType="bullet",
            start="•",
            bulletFontName=FONT,
            leftIndent=12,
        )

    period = f" · Period: since {long_day(s.since)}" if s.since else ""
    story: list[Any] = [
        p(f"{x(s.client)}: what we're doing and when", h1),
        p(
            f"{long_day(s.day)} · Prepared by {x(s.prepared_by) or 'your account team'}{period}",
            muted,
        ),
        *([Spacer(1, 6), p(x(s.headline), lead)] if s.headline else []),
        *(p(x(para)) for para in paragraphs(s.intro)),
        p("Health", h2),
        p(
            f'<font color="{_COLOURS[s.health.level]}"><b>{s.health.level.capitalize()}</b></font>'
            f": {x(s.health.reason)}" + (f" ({x(s.health.trend)})" if s.health.trend else "")
        ),
        p("Changes since last time", h2),
    ]
    if not (s.done or s.new or s.moved):
        story.append(p(NONE, muted))
    for heading, texts in changes(s.done, s.new, s.moved, s.day):
        if texts:
            story += [p(f"<b>{heading}</b>"), items([x(t) for t in texts])]
    story.append(p("The plan", h2))
    if s.plan:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        width = size[0] - 2 * SIDE
        widths = [width * 0.47, width * 0.19, width * 0.17, width * 0.17]

        def cell(text: str, column: int) -> Any:
            """Short text as a plain cell (drawn, never wrapped: a 1,000-item plan is quick),
            anything that would not fit on one line as a paragraph that wraps."""
            if stringWidth(text, FONT, body.fontSize) <= widths[column] - 2 * _PAD:
                if seen is not None:
                    seen.append(x(text))
                return text
            return p(x(text))

        header = [p(f"<b>{c}</b>", small) for c in ("Item", "Owner", "Date", "Status")]
        rows = [header]
        for ln in s.plan:
            if ln.must and not ln.note:
                item: Any = cell(ln.title, 0)
            else:
                markup = x(ln.title) + ("" if ln.must else " <i>(nice to have)</i>")
                if ln.note:
                    markup += f'<br/><font size="8.5" color="#5b6670">{x(ln.note)}</font>'
                item = p(markup)
            rows.append(
                [item, cell(ln.owner, 1), cell(when_after(ln, s.day), 2), cell(ln.status, 3)]
            )
        table = LongTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 1), (-1, -1), FONT, body.fontSize, body.leading),
                    ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
                    ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#d7dde2")),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        story.append(table)
    else:
        story.append(p(NONE, muted))
    story += [
        p("What we need from you", h2),
        items([f"{x(ln.title)}: {x(ln.owner)}, by {when(ln, s.day)}" for ln in s.asks]),
        p(f"Next steps (before {long_day(s.next_call)})", h2),
        items([f"{when(ln, s.day)}: {x(ln.title)} ({x(ln.owner)})" for ln in s.next_steps]),
        Spacer(1, 6),
    ]
    out = io.BytesIO()
    doc = document(out, deco, size, f"{s.client}: what we're doing and when", s.prepared_by)
    if seen is not None:
        seen += [*deco.seen, x(f"{s.client}: what we're doing and when")]
    doc.build(story, onFirstPage=deco.draw, onLaterPages=deco.draw)
    return out.getvalue()


def x(text: str) -> str:
    """User text escaped for ReportLab's mini-markup (so "<b>" stays literal)."""
    return escape(text, quote=False).replace("\n", "<br/>")


def register_fonts() -> None:
    """DejaVu Sans (regular and bold) for ReportLab, once per process: every glyph we print."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = data_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
