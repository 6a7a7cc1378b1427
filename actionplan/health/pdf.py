"""A check as a one-page PDF (ReportLab, imported only when a PDF is made): the branded header
and footer of the summaries, the sections in two columns and a small chart of the numbers.

The normal check always fits one page: when it would not, the text is set smaller (down to
7 pt); only a check too long for one page even then runs onto a second.
"""

from __future__ import annotations

import io
from typing import Any

from actionplan.health.chart import sparks
from actionplan.health.document import CheckDoc
from actionplan.health.rows import blocks, heading, long_day
from actionplan.summary.branding import page_size
from actionplan.summary.pdf import BOLD, FONT, register_fonts, x

SIZES = (9.0, 8.5, 8.0, 7.5, 7.0)
"""The body sizes tried, largest first, until the check fits one page."""


def render_pdf(doc: CheckDoc) -> bytes:
    """The PDF on the brand's paper: one page at the largest size in ``SIZES`` that fits;
    otherwise one column at the smallest, over as many pages as it takes.

    Raises:
        Invalid: the branding's logo is missing, unreadable, or not a PNG or SVG.
    """
    from reportlab.platypus.doctemplate import LayoutError

    from actionplan.summary.pdf_page import page

    register_fonts()
    size = page_size(doc.brand)
    stamp = f"{doc.client} · {long_day(doc.checked_on)}"
    deco = page(brand=doc.brand, size=size, font=FONT, bold=BOLD, stamp=stamp)
    for body in SIZES:
        out, template, story = _story(doc, deco, size, body, columns=2)
        if _height(story, template.width) > template.height - 12:  # the frame's padding
            continue
        try:
            template.build(story, onFirstPage=deco.draw, onLaterPages=deco.draw)
        except LayoutError:  # a column taller than the page after all
            continue
        if template.page == 1:
            return out.getvalue()
    out, template, story = _story(doc, deco, size, SIZES[-1], columns=1)
    template.build(story, onFirstPage=deco.draw, onLaterPages=deco.draw)
    return out.getvalue()


def _height(story: list[Any], width: float) -> float:
    """How tall the story stands in a frame this wide (points), without laying out a page."""
    return sum(f.wrap(width - 12, 1e6)[1] for f in story)


def _story(
    doc: CheckDoc, deco: Any, size: tuple[float, float], body: float, columns: int
) -> tuple[io.BytesIO, Any, list[Any]]:
    """Where the PDF goes, the document and its story at one body size."""
    from reportlab.platypus import Paragraph, Spacer

    from actionplan.health.pdf_parts import GAP, section_table, spark_row, styles, two_columns
    from actionplan.summary.pdf_page import document

    st = styles(body)
    out = io.BytesIO()
    template = document(out, deco, size, f"{doc.client}: {doc.form.title}", doc.prepared_by)
    width = template.width - 12  # the frame's own padding, 6 points each side
    meta = " · ".join(f"{label}: {x(text)}" for label, text in heading(doc))
    story: list[Any] = [Paragraph(x(doc.form.title), st.h1), Paragraph(meta, st.muted)]
    story.append(Spacer(1, body))
    if columns == 2:
        column = (width - GAP) / 2
        story.append(two_columns([section_table(b, st, column) for b in blocks(doc)], width))
    else:
        for block in blocks(doc):
            story += [section_table(block, st, width), Spacer(1, body * 0.7)]
    found = sparks(doc)
    if found:
        dates = doc.history_dates
        title = f"The last {len(dates)} checks, {long_day(dates[0])} to {long_day(dates[-1])}"
        story += [Spacer(1, body), *spark_row(found, st, width, title)]
    return out, template, story
