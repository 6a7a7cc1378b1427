"""One field of a health-check form on screen: the widget it is typed in, its label, the last
check's value beside it, and the line under it that says what is wrong or which threshold the
value crosses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from actionplan.health.form import YESNO, Field, number_text

if TYPE_CHECKING:
    from actionplan.health.values import Value

INTERNAL = " (internal — never printed)"
COLOURS = {"amber": "bold yellow", "red": "bold red"}


def value_text(field: Field, value: Value) -> str:
    """A kept value as it is typed again: a list one entry per line, a number as written."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number_text(value)
    return str(value)


def last_text(field: Field, value: Value) -> Text:
    """ "last: 99.7%" (coloured as its threshold), "last: 3 entries", or "last: blank"."""
    from actionplan.health.document import shown_value

    text = Text("last: ", style="dim", no_wrap=True, overflow="ellipsis")
    if isinstance(value, list):
        text.append(f"{len(value)} entr{'y' if len(value) == 1 else 'ies'}" if value else "none")
    elif value is None:
        text.append("blank", style="dim")
    else:
        shown = shown_value(field, value) if field.numeric else str(value)
        text.append(shown, style=COLOURS.get(field.colour(value) or "", ""))
    return text


def field_widget(field: Field, value: Value, id: str) -> Widget:
    """What ``field`` is typed in: a list of choices for a choice or yes/no, several lines for
    a list (one entry a line), else one line; filled with ``value``."""
    if field.kind in ("choice", "yesno"):
        choices = field.choices if field.kind == "choice" else YESNO
        shown = value if isinstance(value, str) and value in choices else Select.NULL
        return Select(
            [(c, c) for c in choices],
            value=shown,
            allow_blank=True,
            prompt="(blank)",
            compact=True,
            id=id,
        )
    if field.kind == "list":
        hint = f"one entry per line ({field.help})" if field.help else "one entry per line"
        area = TextArea(value_text(field, value), compact=True, id=id, classes="hc-list")
        area.placeholder = hint
        return area
    placeholder = field.help or field.allowed()
    return Input(value_text(field, value), placeholder=placeholder, compact=True, id=id)


def raw_of(widget: Widget) -> Any:
    """What is typed in a field's widget, as ``check_value`` takes it."""
    if isinstance(widget, Select):
        return "" if widget.value is Select.NULL else str(widget.value)
    if isinstance(widget, TextArea):
        return [line for line in widget.text.splitlines() if line.strip()]
    assert isinstance(widget, Input)
    return widget.value


def field_row(field: Field, widget: Widget, last: Text | None) -> ComposeResult:
    """A field's rows: its label, the widget and the last value; then its note line."""
    label = Text(field.label, no_wrap=True, overflow="ellipsis")
    if field.kind == "percent":
        label.append(" (%)", style="dim")
    elif field.unit:
        label.append(f" ({field.unit})", style="dim")
    if field.internal:
        label.append(INTERNAL, style="italic yellow")
    with Vertical(classes="hc-field"):
        with Horizontal(classes="hc-row"):
            yield Label(label, classes="hc-label")
            yield widget
            yield Static(last or "", classes="hc-last")
        yield Static("", id=f"{widget.id}-note", classes="hc-note")


def say_note(note: Static, error: str | None, colour: str | None) -> None:
    """Under a field: its one-line error (error colour), or the threshold its value crosses."""
    if error:
        note.update(Text(error))  # wraps under the field rather than losing its end
    elif colour:
        note.update(Text(f"{colour}: past the {colour} threshold", style=COLOURS[colour]))
    else:
        note.update("")
    note.set_class(bool(error), "-error")
    note.set_class(bool(error or colour), "-shown")
