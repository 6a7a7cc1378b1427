"""What each line of a check's document says, whatever the format: the label, the value as
printed (N/A for a blank, a number with its unit), its threshold colour, its trend since the
previous check and, for a list, its entries. Internal fields never make a row.

Markdown, text, HTML, PDF and Word all print these rows, so they all say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from actionplan.health.form import Field, number_text
from actionplan.health.values import Value

if TYPE_CHECKING:
    from actionplan.health.document import CheckDoc

NA = "N/A"


@dataclass(frozen=True, slots=True)
class Row:
    """One client-facing field of a check, as every document prints it."""

    key: str
    label: str
    value: str
    """As printed: N/A, a day, ``99.1%``, the text typed; a list's is N/A or ""."""
    entries: tuple[str, ...] = ()
    """A list field's entries (none: its value is N/A)."""
    is_list: bool = False
    colour: str | None = None
    """ "amber" or "red" when the number crosses a threshold."""
    arrow: str = ""
    """▲, ▼ or = since the previous check; "" when there is nothing to compare."""
    before: str = ""
    """The previous check's value with its unit, when there is an arrow."""

    @property
    def blank(self) -> bool:
        """Whether the check left it empty (it prints N/A)."""
        return self.value == NA

    @property
    def change(self) -> str:
        """``▲ from 97%``, or "" without a previous value."""
        return f"{self.arrow} from {self.before}" if self.arrow else ""

    @property
    def text(self) -> str:
        """The value in one line, colour and trend in words: ``98.9% (amber) ▲ from 97%``."""
        text = self.value
        if self.colour:
            text += f" ({self.colour})"
        return f"{text} {self.change}" if self.arrow else text


@dataclass(frozen=True, slots=True)
class Block:
    """A section of the form with the rows it prints (never empty)."""

    title: str
    rows: tuple[Row, ...]


def blocks(doc: CheckDoc) -> list[Block]:
    """The document's sections in the form's order, each with its client-facing rows; a
    section of internal fields only is left out."""
    out = []
    for section in doc.form.sections:
        rows = tuple(
            field_row(field, doc.values.get(field.key), _before(doc, field))
            for field in section.fields
            if not field.internal
        )
        if rows:
            out.append(Block(section.title, rows))
    return out


def field_row(field: Field, value: Value, before: Value = None) -> Row:
    """One field's row: ``value`` as printed and, for a number, its colour and its trend since
    ``before``."""
    if field.kind == "list":
        entries = tuple(str(e) for e in value) if isinstance(value, list) else ()
        return Row(field.key, field.label, "" if entries else NA, entries, is_list=True)
    if value is None or value == "" or isinstance(value, list):
        return Row(field.key, field.label, NA)
    if field.kind == "date" and isinstance(value, str):
        return Row(field.key, field.label, long_day(date.fromisoformat(value)))
    if not field.numeric or not isinstance(value, int | float):
        return Row(field.key, field.label, str(value))
    row = Row(field.key, field.label, with_unit(field, value), colour=field.colour(value))
    if isinstance(before, int | float) and not isinstance(before, bool):
        return Row(
            row.key,
            row.label,
            row.value,
            colour=row.colour,
            arrow=trend(value, before),
            before=with_unit(field, before),
        )
    return row


def _before(doc: CheckDoc, field: Field) -> Value:
    return doc.previous.get(field.key) if doc.previous else None


def long_day(day: date) -> str:
    """``3 Nov 2026``."""
    return day.strftime("%d %b %Y").lstrip("0")


def with_unit(field: Field, value: float) -> str:
    """``99.1%``, ``42 GB``, ``17``."""
    number = number_text(value)
    if field.kind == "percent":
        return f"{number}%"
    return f"{number} {field.unit}" if field.unit else number


def trend(value: float, before: float) -> str:
    """▲ up, ▼ down, = the same."""
    return "▲" if value > before else "▼" if value < before else "="


def heading(doc: CheckDoc) -> list[tuple[str, str]]:
    """The lines under the title: the client, the date and who prepared it."""
    pairs = [("Client", doc.client), ("Date", long_day(doc.checked_on))]
    return pairs + ([("Prepared by", doc.prepared_by)] if doc.prepared_by else [])
