"""One check as a one-page document: blanks as N/A, numbers with their unit, thresholds and
trend since the previous check; internal fields never. Markdown and text here; HTML, PDF and
Word in their own modules, each imported only when asked for."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from actionplan.config_summary import Branding
from actionplan.health.form import Field, Form, number_text
from actionplan.health.trends import Series
from actionplan.health.values import Value

NA = "N/A"
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
    day = doc.checked_on.strftime("%d %b %Y").lstrip("0")
    out = [f"# {doc.form.title}" if md else doc.form.title.upper(), ""]
    if not md:
        out.insert(1, "=" * len(doc.form.title))
    out += [_pair("Client", doc.client, md), _pair("Date", day, md)]
    if doc.prepared_by:
        out.append(_pair("Prepared by", doc.prepared_by, md))
    for section in doc.form.sections:
        shown = [f for f in section.fields if not f.internal]
        if not shown:
            continue
        out += ["", f"## {section.title}" if md else section.title, ""]
        if not md:
            out.insert(len(out) - 1, "-" * len(section.title))
        for field in shown:
            out += _field_lines(field, doc, md)
    return "\n".join(out).rstrip() + "\n"


def _pair(label: str, value: str, md: bool) -> str:
    return f"**{label}:** {value}  " if md else f"{label}: {value}"


def _field_lines(field: Field, doc: CheckDoc, md: bool) -> list[str]:
    value = doc.values.get(field.key)
    label = f"**{field.label}:**" if md else f"{field.label}:"
    if field.kind == "list":
        entries = value if isinstance(value, list) else []
        if not entries:
            return [f"- {label} {NA}"]
        return [f"- {label}", *(f"  - {e}" for e in entries)]
    before = doc.previous.get(field.key) if doc.previous else None
    return [f"- {label} {shown_value(field, value, before)}"]


def shown_value(field: Field, value: Value, before: Value = None) -> str:
    """A value as the document prints it: N/A for a blank, a number with its unit, its
    colour when it crosses a threshold, and its trend since ``before``."""
    if value is None or value == "" or isinstance(value, list):
        return NA
    if field.kind == "date" and isinstance(value, str):
        return date.fromisoformat(value).strftime("%d %b %Y").lstrip("0")
    if not field.numeric or not isinstance(value, int | float):
        return str(value)
    text = with_unit(field, value)
    colour = field.colour(value)
    if colour:
        text += f" ({colour})"
    if isinstance(before, int | float) and not isinstance(before, bool):
        text += f" {trend(value, before)} from {with_unit(field, before)}"
    return text


def with_unit(field: Field, value: float) -> str:
    """``99.1%``, ``42 GB``, ``17``."""
    number = number_text(value)
    if field.kind == "percent":
        return f"{number}%"
    return f"{number} {field.unit}" if field.unit else number


def trend(value: float, before: float) -> str:
    """▲ up, ▼ down, = the same."""
    return "▲" if value > before else "▼" if value < before else "="
