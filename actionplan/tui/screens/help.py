"""The one help: every key of the view in front and of the widget with focus, then its notes.

It reads the live bindings (``actionplan/tui/keys.py``), so a key remapped in the config file
shows as remapped, and each row gives the binding's id, which is what ``[keys]`` remaps.
Every view opens it with ``?`` (``KeysHelp.action_help`` in ``view.py``); a view's
``HELP_NOTES`` say how it works (the filter's syntax, what a triage session does) under the
keys.
"""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from actionplan.tui.keys import KeyRow, bind, screen_keys


def open_help(screen: Screen[Any]) -> None:
    """Show the keys of ``screen`` (the one in front) and of its focused widget."""
    screen.app.push_screen(HelpScreen(screen))


def remap_note(rows: list[KeyRow]) -> str:
    """How to remap a key, with an id of this view as the example."""
    ids = [row.binding.id for row in rows if row.binding.id]
    helps = [row.binding.id for row in rows if row.binding.id and row.binding.action == "help"]
    if helps:
        example = f'"{helps[0]}" = "f1,question_mark"'
    else:
        example = f'"{ids[0] if ids else "board.done"}" = "ctrl+d"'
    return (
        "Remap a key by its id: in the config file (~/.config/actionplan/config.toml), "
        f"under [keys], e.g. {example}. Keys are named as Textual names them: ctrl+d, "
        "shift+left, escape, enter, f1; several are separated by commas."
    )


class HelpScreen(ModalScreen[None]):
    """Every key of a view (remaps applied) with what it does and its id, then its notes.

    Args:
        view: the screen whose keys to list (the one the user pressed ? on).
    """

    BINDINGS = [
        bind("escape,q,question_mark", "app.pop_screen", "Close", "help.close"),
    ]

    def __init__(self, view: Screen[Any]) -> None:
        super().__init__()
        self.view = view
        self.rows = screen_keys(view)

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, pad_edge=False, expand=True)
        table.add_column("key", style="bold cyan", no_wrap=True)
        table.add_column("action", ratio=1)
        table.add_column("id", style="dim", no_wrap=True)
        node = None
        for row in self.rows:
            if node is not None and row.node is not node:
                table.add_row("", "", "")  # the focused widget's keys, then the app's
            node = row.node
            table.add_row(row.shown_keys, row.what, row.binding.id or "")
        what = getattr(self.view, "WHAT", "this view")
        notes = getattr(self.view, "HELP_NOTES", "")
        with Vertical(classes="dialog help"):
            yield Label(Text(f"Keys of {what}"), classes="dialog-title")
            with VerticalScroll():
                yield Static(table, id="help-keys")
                if notes:
                    yield Static(Text(notes), classes="help-note")
                yield Static(Text(remap_note(self.rows)), classes="help-note")
            yield Label("Esc closes · Up/Down scroll", classes="dialog-hint")
