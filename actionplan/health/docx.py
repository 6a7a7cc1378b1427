"""A check as a Word document (python-docx, imported only when one is made), on the summaries'
branded page: a table per section (field, value, trend), N/A for blanks, a threshold's colour
as a shaded cell and in words, and a text sparkline of each number over the last checks."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from actionplan.health.document import CheckDoc
from actionplan.health.rows import Row, blocks, heading, long_day
from actionplan.health.trends import sparkline
from actionplan.summary.docx_page import (
    MUTED,
    keep_whole,
    plain_first_column,
    set_up_page,
    set_widths,
)

_INK = {"amber": "b26a00", "red": "c62828"}
_TINT = {"amber": "fdf3e1", "red": "fbe9e9"}
_COLUMNS = (0.36, 0.40, 0.24)
"""The shares of the page's width: field, value, trend."""


def render_docx(doc: CheckDoc) -> bytes:
    """The .docx on the brand's paper, in Word's own styles (Title, Heading 1, tables).

    Raises:
        Invalid: the branding's logo is missing, unreadable or not a PNG.
    """
    from docx import Document
    from docx.shared import Pt

    word = Document()
    styles = word.styles
    # Sized to keep a full check on one page, as the PDF is.
    styles["Normal"].font.size = Pt(8.5)
    styles["Title"].font.size = Pt(18)
    styles["Heading 1"].font.size = Pt(11)
    styles["Heading 1"].paragraph_format.space_before = Pt(6)
    styles["Heading 1"].paragraph_format.space_after = Pt(1)
    stamp = f"{doc.client} · {long_day(doc.checked_on)}"
    inner = set_up_page(word, brand=doc.brand, stamp=stamp, seen=[])
    title = word.add_paragraph(style="Title")
    title.add_run(doc.form.title)
    meta = word.add_paragraph()
    _run(meta, " · ".join(f"{label}: {text}" for label, text in heading(doc)), colour=MUTED)
    lines = {s.key: sparkline(s.values) for s in doc.history if len(s.values) > 1}
    for block in blocks(doc):
        word.add_paragraph(block.title, style="Heading 1")
        _section(word, block.rows, lines, inner)
    props = word.core_properties
    props.title = f"{doc.client}: {doc.form.title}"
    props.author = props.last_modified_by = doc.prepared_by
    props.comments = props.subject = props.keywords = props.category = ""
    day = doc.checked_on
    props.created = props.modified = datetime(day.year, day.month, day.day)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _section(word: Any, rows: tuple[Row, ...], lines: dict[str, str], inner: float) -> None:
    """A section's table: a row per field (field, value, trend), each kept on one page. No
    header row: the heading above names the section, and a header per section would cost the
    page's last lines."""
    table = word.add_table(rows=0, cols=len(_COLUMNS))
    table.style = "Light List Accent 1"
    plain_first_column(table, header_row=False)
    set_widths(table, [inner * share for share in _COLUMNS])
    for row in rows:
        tr = table.add_row()
        keep_whole(tr)
        label, value, change = tr.cells
        _run(label.paragraphs[0], row.label, bold=True)
        if row.is_list:  # no trend: the entries take both columns
            value = value.merge(change)
        _value(value, row)
        if row.arrow:
            _run(change.paragraphs[0], row.change)
        if lines.get(row.key, "").strip():
            para = change.paragraphs[0] if not row.arrow else change.add_paragraph()
            _run(para, lines[row.key], colour=MUTED)


def _value(cell: Any, row: Row) -> None:
    """The value cell: N/A muted, a list's entries a line each, a colour shaded and in words."""
    if row.blank:
        _run(cell.paragraphs[0], row.value, colour=MUTED)
        return
    if row.is_list:
        for n, entry in enumerate(row.entries):
            para = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            _run(para, f"• {entry}")
        return
    if not row.colour:
        _run(cell.paragraphs[0], row.value)
        return
    _run(cell.paragraphs[0], f"{row.value} ({row.colour})", bold=True, colour=_INK[row.colour])
    _shade(cell, _TINT[row.colour])


def _run(para: Any, text: str, *, bold: bool = False, colour: str | None = None) -> Any:
    from docx.shared import RGBColor

    run = para.add_run(text)
    run.bold = bold or None
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    return run


def _shade(cell: Any, fill: str) -> None:
    """A cell's background colour."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)
