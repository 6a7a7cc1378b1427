"""Help: every key of the board, read from the bindings themselves (so remaps show too)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from actionplan.filters import HELP as FILTER_HELP

EXTRA = [
    ("up / down", "Previous / next card in the column"),
    ("enter", "Edit the highlighted card"),
    ("ctrl+p", "Command palette: every action by name"),
    ("ctrl+s", "Save (in the item editor)"),
    ("escape", "Close a dialog, or clear the filter"),
]


def _keys(binding: Binding, keymap: dict[str, str]) -> str:
    keys = keymap.get(binding.id or "", binding.key)
    names = {"exclamation_mark": "!", "question_mark": "?", "slash": "/"}
    return " / ".join(names.get(k.strip(), k.strip()) for k in keys.split(","))


def help_rows(keymap: dict[str, str]) -> list[tuple[str, str]]:
    """Every key of the board and what it does, as the help screen lists them."""
    from actionplan.tui.screens.board import BoardScreen
    from actionplan.tui.widgets.column import BoardColumn

    rows = []
    for binding in [*BoardScreen.BINDINGS, *BoardColumn.BINDINGS]:
        assert isinstance(binding, Binding)
        rows.append((_keys(binding, keymap), binding.tooltip or binding.description))
    return rows + EXTRA


class HelpScreen(ModalScreen[None]):
    """All keys, with what they do."""

    BINDINGS = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        keymap = getattr(self.app, "config", None)
        remap = keymap.keys if keymap is not None else {}
        table = Table(box=None, show_header=False, pad_edge=False, expand=True)
        table.add_column("key", style="bold cyan", no_wrap=True)
        table.add_column("action", ratio=1)
        for key, what in help_rows(remap):
            table.add_row(key, what)
        with Vertical(classes="dialog help"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll():
                yield Static(table, id="help-keys")
                yield Static(Text.assemble(("Filter  ", "bold"), FILTER_HELP), classes="help-note")
                yield Static(
                    Text('Remap any key in config.toml under [keys], e.g. board.done = "ctrl+d".'),
                    classes="help-note",
                )
            yield Label("Esc closes", classes="dialog-hint")
