"""One check as a one-page document: blanks as N/A, numbers with their unit, thresholds and
trend since the previous check; internal fields never. Markdown and text here; HTML, PDF and
Word in their own modules, each imported only when asked for."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from actionplan.config_summary import Branding
from actionplan.health.form import Field, Form
from actionplan.health.rows import (  # noqa: F401  (with_unit, trend: for callers)
    NA,
    Row,
    blocks,
    field_row,
    heading,
    trend,
    with_unit,
)
from actionplan.health.trends import Series
from actionplan.health.values import Value

FORMATS = ("md", "txt", "html", "pdf", "docx")
TEXT = ("md", "txt")


@dataclass(frozen=True, slots=True)
class CheckDoc:
    """What a document shows: the form, the client, the date, the values and the last ones."""

    form: Form
    client: str
    checked_on: date
    values: dict[str, Value]
    previous: dict[str, Value] | None = None
    prepared_by: str = ""
    history: tuple[Series, ...] = ()
    """Each numeric field over the last checks of this form, this one last (for the chart)."""
    history_dates: tuple[date, ...] = ()
    """The dates of those checks, oldest first."""
    brand: Branding = dataclasses.field(default_factory=Branding)
    """The account team's branding (HTML, PDF and Word)."""


def render_bytes(doc: CheckDoc, fmt: str) -> bytes:
    """The check in any of ``FORMATS``, as the bytes of the file.

    Raises:
        ValueError: an unknown format.
        Invalid: the branding's logo cannot be read.
    """
    if fmt in TEXT:
        return render(doc, fmt).encode("utf-8")
    if fmt == "html":
        from actionplan.health.html import render_html

        return render_html(doc).encode("utf-8")
    if fmt == "pdf":
        from actionplan.health.pdf import render_pdf

        return render_pdf(doc)
    if fmt == "docx":
        from actionplan.health.docx import render_docx

        return render_docx(doc)
    raise ValueError(f"unknown health-check format {fmt!r}")


def render(doc: CheckDoc, fmt: str) -> str:
    """The check as Markdown ("md") or plain text ("txt").

    Raises:
        ValueError: an unknown format.
    """
    if fmt not in TEXT:
        raise ValueError(f"unknown health-check format {fmt!r}")
    md = fmt == "md"
    out = [f"# {doc.form.title}" if md else doc.form.title.upper(), ""]
    if not md:
        out.insert(1, "=" * len(doc.form.title))
    out += [_pair(label, text, md) for label, text in heading(doc)]
    for block in blocks(doc):
        out += ["", f"## {block.title}" if md else block.title, ""]
        if not md:
            out.insert(len(out) - 1, "-" * len(block.title))
        for row in block.rows:
            out += _row_lines(row, md)
    return "\n".join(out).rstrip() + "\n"


def _pair(label: str, value: str, md: bool) -> str:
    return f"**{label}:** {value}  " if md else f"{label}: {value}"


def _row_lines(row: Row, md: bool) -> list[str]:
    label = f"**{row.label}:**" if md else f"{row.label}:"
    if row.is_list and row.entries:
        return [f"- {label}", *(f"  - {e}" for e in row.entries)]
    return [f"- {label} {row.text}"]


def shown_value(field: Field, value: Value, before: Value = None) -> str:
    """A value as the document prints it: N/A for a blank, a number with its unit, its
    colour when it crosses a threshold, and its trend since ``before``."""
    if isinstance(value, list):
        return NA
    return field_row(field, value, before).text
