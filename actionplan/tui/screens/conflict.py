"""Someone else changed the same fields first: both versions side by side, and the user picks."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any, Literal

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from actionplan.dates import describe
from actionplan.models import Status
from actionplan.plan.merge import Clash
from actionplan.text import one_line
from actionplan.tui.keys import bind
from actionplan.tui.labels import FIELD_LABELS, STATUS_LABELS

Choice = Literal["mine", "theirs"]


def show_value(value: Any) -> str:
    """A field value as a person reads it: dates as "Fri 4 Dec 2026", nothing as "(none)"."""
    if value is None or value == "":
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return describe(value)
    if isinstance(value, Status):
        return STATUS_LABELS[value]  # as the board's columns say it
    if isinstance(value, Enum):
        return str(value.value)
    return one_line(str(value))  # someone else's text: never raw escapes on our screen


class ConflictDialog(ModalScreen[Choice | None]):
    """Keep mine, take theirs, or cancel (nothing saved either way until chosen)."""

    BINDINGS = [
        bind("m", "choose('mine')", "Keep mine", "conflict.mine"),
        bind("t", "choose('theirs')", "Take theirs", "conflict.theirs"),
        bind("escape", "choose(None)", "Cancel", "conflict.cancel"),
        # The buttons have the focus; these scroll the fields when long notes overflow.
        bind("down,j", "scroll_fields(1)", "Scroll", "conflict.down", show=False),
        bind("up,k", "scroll_fields(-1)", "Scroll", "conflict.up", show=False),
    ]

    def __init__(self, clash: Clash, title: str) -> None:
        super().__init__()
        self.clash = clash
        self.item_title = title

    def compose(self) -> ComposeResult:
        clash = self.clash
        # One person in two terminals is a team of one: "Ana changed this" would puzzle Ana.
        if clash.who == getattr(self.app, "author", None):
            headline = "You changed this item in another window meanwhile"
            saved, theirs, elsewhere = "saved elsewhere", "the saved ones", "made elsewhere"
        else:
            headline = f"{clash.who} changed this item while you were working on it"
            saved, theirs, elsewhere = f"{clash.who} saved", f"{clash.who}'s", f"by {clash.who}"
        with Vertical(classes="dialog conflict"):
            yield Label(Text(headline), classes="dialog-title")
            yield Static(Text(self.item_title, style="bold"), classes="conflict-item")
            with VerticalScroll(classes="conflict-fields"):  # long notes scroll; keys stay put
                yield Static(_fields(clash, saved))
            yield Static(_choices(theirs, elsewhere), classes="conflict-choices")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep mine (m)", id="mine", variant="primary", compact=True)
                yield Button("Take theirs (t)", id="theirs", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def action_choose(self, choice: Choice | None) -> None:
        self.dismiss(choice)

    def on_mount(self) -> None:
        self.call_after_refresh(self._hint_scroll)

    def on_resize(self) -> None:
        self.call_after_refresh(self._hint_scroll)

    def _hint_scroll(self) -> None:
        more = self.query_one(".conflict-fields", VerticalScroll).max_scroll_y > 0
        self.query_one(".conflict").border_subtitle = "↑↓ more fields" if more else ""

    def action_scroll_fields(self, lines: int) -> None:
        self.query_one(".conflict-fields", VerticalScroll).scroll_relative(y=lines, animate=False)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choice = event.button.id
        self.dismiss(choice if choice in ("mine", "theirs") else None)  # type: ignore[arg-type]


SHORT = 16
"""Values up to this long sit side by side; longer ones (notes, titles) get a line each."""


def _fields(clash: Clash, saved: str) -> Group:
    """Each clashing field as the user saw it, as they want it, and as it is saved now."""
    short: list[tuple[str, list[str]]] = []
    long: list[tuple[str, list[str]]] = []
    for field in clash.fields:
        values = [show_value(v) for v in (field.seen, field.mine, field.theirs)]
        name = FIELD_LABELS.get(field.field, field.field)
        (short if max(map(len, values)) <= SHORT else long).append((name, values))
    parts: list[Any] = []
    styles = ("dim", "bold green", "bold yellow")
    if short:
        # Natural widths: short values read best close together, even in a wide dialog.
        table = Table(box=None, pad_edge=False, padding=(0, 3, 0, 0))
        table.add_column("", style="bold", no_wrap=True)
        for header, style in zip(("you saw", "your edit", saved), styles, strict=True):
            table.add_column(header, style=style)
        for name, values in short:
            table.add_row(name, *(Text(v) for v in values))
        parts.append(table)
    for name, values in long:  # side by side, a note would be a narrow column many lines tall
        if parts:
            parts.append(Text(""))
        parts.append(Text(name, style="bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="dim")
        grid.add_column()
        for header, value, style in zip(
            ("you saw", "your edit", saved), values, styles, strict=True
        ):
            grid.add_row(f"  {header}", Text(value, style=style))
        parts.append(grid)
    return Group(*parts)


def _choices(theirs: str, elsewhere: str) -> Group:
    """What each key does, so nobody has to guess what "theirs" leaves of their own edit."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(style="dim")
    grid.add_row("m", "keep mine", Text(f"your values replace {theirs}"))
    grid.add_row("t", "take theirs", Text(f"{theirs} stay; the rest of your edit is saved"))
    grid.add_row("Esc", "cancel", "nothing of yours is saved")
    return Group(
        Text("Nothing of yours is saved until you choose:", style="dim"),
        grid,
        Text(f"Changes {elsewhere} to other fields are kept either way.", style="dim"),
    )
