"""Someone else changed the same fields first: both versions side by side, and the user picks."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any, Literal

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from actionplan.plan.merge import Clash

Choice = Literal["mine", "theirs"]

FIELD_NAMES = {
    "due": "Due",
    "committed": "Told the client",
    "owner": "Owner",
    "status": "Status",
    "title": "Title",
    "client_note": "Client note",
    "internal_note": "Internal note",
    "escalated": "Escalated",
    "escalation_reason": "Escalation reason",
    "waiting_on": "Waiting on",
    "must": "Must-do",
    "visibility": "Visibility",
    "client": "Client",
}


def show_value(value: Any) -> str:
    """A field value as a person reads it: dates as "Fri 4 Dec 2026", nothing as "(none)"."""
    if value is None or value == "":
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.strftime("%a %-d %b %Y")
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


class ConflictDialog(ModalScreen[Choice | None]):
    """Keep mine, take theirs, or cancel (nothing saved either way until chosen)."""

    BINDINGS = [
        Binding("m", "choose('mine')", "Keep mine", id="conflict.mine"),
        Binding("t", "choose('theirs')", "Take theirs", id="conflict.theirs"),
        Binding("escape", "choose(None)", "Cancel", id="conflict.cancel"),
    ]

    def __init__(self, clash: Clash, title: str) -> None:
        super().__init__()
        self.clash = clash
        self.item_title = title

    def compose(self) -> ComposeResult:
        clash = self.clash
        table = Table(box=None, expand=True, pad_edge=False)
        table.add_column("", style="bold", no_wrap=True)
        table.add_column("you saw", style="dim", ratio=1)
        table.add_column("yours", style="bold green", ratio=1)
        table.add_column(f"{clash.who}'s, saved", style="bold yellow", ratio=1)
        for field in clash.fields:
            table.add_row(
                FIELD_NAMES.get(field.field, field.field),
                Text(show_value(field.seen)),
                Text(show_value(field.mine)),
                Text(show_value(field.theirs)),
            )
        with Vertical(classes="dialog conflict"):
            yield Label(Text(f"{clash.who} changed this first"), classes="dialog-title")
            yield Static(Text(self.item_title, style="bold"), classes="conflict-item")
            yield Static(table)
            yield Static(
                Text(
                    "Nothing of yours is saved yet. Their other changes are kept either way.",
                    style="dim",
                )
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep mine (m)", id="mine", variant="primary", compact=True)
                yield Button("Take theirs (t)", id="theirs", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def action_choose(self, choice: Choice | None) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choice = event.button.id
        self.dismiss(choice if choice in ("mine", "theirs") else None)  # type: ignore[arg-type]
