"""What the dialogs' forms share: a labelled row, and the line that says what happened."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, Static


def labelled(label: str, field: Widget) -> ComposeResult:
    """A row of a form: the field's label, then the field."""
    with Horizontal(classes="form-row"):
        yield Label(label, classes="field-label")
        yield field


def say_in(line: Static, text: str, *, error: bool = False) -> None:
    """Show ``text`` in a dialog's feedback line (styled as an error when ``error``)."""
    line.update(Text(text))
    line.set_class(error, "-error")
