"""The summary as a Word document (python-docx, imported only when one is made), in Word's own
styles so the account team can edit it in their templates: the same sections as the PDF."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from actionplan.config_summary import Branding
from actionplan.summary.docx_page import (
    MUTED,
    keep_whole,
    plain_first_column,
    repeat_as_header,
    set_up_page,
    set_widths,
)
from actionplan.summary.model import Summary
from actionplan.summary.words import NONE, changes, long_day, paragraphs, when, when_after

_COLOURS = {"green": "2e7d32", "amber": "b26a00", "red": "c62828"}
_COLUMNS = (("Item", 0.47), ("Owner", 0.19), ("Date", 0.17), ("Status", 0.17))


def render_docx(
    summary: Summary, *, brand: Branding | None = None, seen: list[str] | None = None
) -> bytes:
    """A .docx on the brand's paper: Title, Heading 1 and 2, bullets, and the plan as a table
    whose header row repeats on every page.

    Args:
        summary: what to write.
        brand: the account team's header (PNG logo, company, contact), footer and paper size;
            default: none, on A4.
        seen: if given, receives every piece of text put in the document (plain text), so the
            leak guard reads exactly what it says.

    Raises:
        Invalid: the branding's logo is missing, unreadable or not a PNG.
    """
    from docx import Document

    s = summary
    seen = [] if seen is None else seen
    doc = Document()
    title = f"{s.client}: what we're doing and when"
    inner = set_up_page(
        doc, brand=brand or Branding(), stamp=f"{s.client} · {long_day(s.day)}", seen=seen
    )
    w = _Writer(doc, seen)
    w.para(title, style="Title")
    period = f" · Period: since {long_day(s.since)}" if s.since else ""
    w.para(
        f"{long_day(s.day)} · Prepared by {s.prepared_by or 'your account team'}{period}",
        muted=True,
    )
    if s.headline:
        w.para(s.headline, bold=True, size=12)
    for para in paragraphs(s.intro):
        w.para(para)
    w.para("Health", style="Heading 1")
    health = w.para(s.health.level.capitalize(), bold=True, colour=_COLOURS[s.health.level])
    w.run(health, f": {s.health.reason}" + (f" ({s.health.trend})" if s.health.trend else ""))
    w.para("Changes since last time", style="Heading 1")
    if not (s.done or s.new or s.moved):
        w.para(NONE, muted=True)
    for heading, texts in changes(s.done, s.new, s.moved, s.day):
        if texts:
            w.para(heading, style="Heading 2")
            w.items(texts)
    w.para("The plan", style="Heading 1")
    if s.plan:
        _plan(w, s, inner)
    else:
        w.para(NONE, muted=True)
    w.para("What we need from you", style="Heading 1")
    w.items([f"{ln.title}: {ln.owner}, by {when(ln, s.day)}" for ln in s.asks])
    w.para(f"Next steps (before {long_day(s.next_call)})", style="Heading 1")
    w.items([f"{when(ln, s.day)}: {ln.title} ({ln.owner})" for ln in s.next_steps])
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, s.prepared_by, s.prepared_by
    props.comments = props.subject = props.keywords = props.category = ""
    props.created = props.modified = datetime(s.day.year, s.day.month, s.day.day)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _plan(w: _Writer, s: Summary, inner: float) -> None:
    """The plan as a table: a bold header row that repeats on each page, rows kept whole."""
    table = w.doc.add_table(rows=1, cols=len(_COLUMNS))
    table.style = "Light List Accent 1"
    plain_first_column(table)
    set_widths(table, [inner * share for _, share in _COLUMNS])  # (each new row copies them)
    header = table.rows[0]
    repeat_as_header(header)
    for cell, (name, _) in zip(header.cells, _COLUMNS, strict=True):
        w.run(cell.paragraphs[0], name, bold=True)
    for ln in s.plan:
        row = table.add_row()
        keep_whole(row)
        item, owner, day, status = row.cells
        first = w.run(item.paragraphs[0], ln.title)
        if not ln.must:
            w.run(first, " (nice to have)", italic=True, colour=MUTED)
        if ln.note:
            w.run(item.add_paragraph(), ln.note, size=8.5, colour=MUTED)
        for cell, text in ((owner, ln.owner), (day, when_after(ln, s.day)), (status, ln.status)):
            w.run(cell.paragraphs[0], text)


class _Writer:
    """Adds paragraphs and runs to a document, and tells ``seen`` each text it writes."""

    def __init__(self, doc: Any, seen: list[str]) -> None:
        self.doc = doc
        self.seen = seen

    def para(self, text: str, *, style: str | None = None, **look: Any) -> Any:
        """A paragraph (in a Word style, or Normal), its text as one run."""
        paragraph = self.doc.add_paragraph(style=style)
        return self.run(paragraph, text, **look)

    def run(
        self,
        paragraph: Any,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        size: float | None = None,
        colour: str | None = None,
        muted: bool = False,
    ) -> Any:
        """Text added to a paragraph, in this look; the paragraph, to add more."""
        from docx.shared import Pt, RGBColor

        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if size:
            run.font.size = Pt(size)
        if colour or muted:
            run.font.color.rgb = RGBColor.from_string(colour or MUTED)
        self.seen.append(text)
        return paragraph

    def items(self, texts: list[str]) -> None:
        """A bulleted list, or "None" when there is nothing in it."""
        if not texts:
            self.para(NONE, muted=True)
        for text in texts:
            self.para(text, style="List Bullet")
