"""A view's keys in a dialog, read from its bindings (so remapped keys show as remapped)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

KEY_NAMES = {
    "exclamation_mark": "!",
    "question_mark": "?",
    "slash": "/",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "escape": "Esc",
    "enter": "Enter",
}


def key_rows(bindings: Iterable[BindingType], keymap: dict[str, str]) -> list[tuple[str, str]]:
    """(keys, what they do) for each binding, with the user's remaps applied.

    Args:
        bindings: a screen's or widget's ``BINDINGS``.
        keymap: binding id to keys, from the config file's ``[keys]``.
    """
    rows = []
    for binding in bindings:
        assert isinstance(binding, Binding)
        keys = keymap.get(binding.id or "", binding.key).split(",")
        shown = " / ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys)
        rows.append((shown, binding.tooltip or binding.description))
    return rows


class KeysHelp(ModalScreen[None]):
    """Every key of a view and what it does, with notes on how the view works below.

    Args:
        title: the dialog's heading, e.g. "Agenda keys".
        bindings: the view's bindings (and its list widget's), in the order to list them.
        keymap: binding id to keys; None reads the app's config.
        notes: lines shown under the keys.
        extra: (keys, what) rows for keys that have no binding of their own (arrows of a table).
    """

    BINDINGS = [Binding("escape,q,question_mark", "app.pop_screen", "Close", id="keys.close")]

    def __init__(
        self,
        title: str,
        bindings: Iterable[BindingType],
        *,
        keymap: dict[str, str] | None = None,
        notes: Iterable[str] = (),
        extra: Iterable[tuple[str, str]] = (),
    ) -> None:
        super().__init__()
        self.title_text = title
        self.bindings = list(bindings)
        self.keymap = keymap
        self.notes = list(notes)
        self.extra = list(extra)

    def compose(self) -> ComposeResult:
        keymap = self.keymap
        if keymap is None:
            config = getattr(self.app, "config", None)
            keymap = config.keys if config is not None else {}
        table = Table(box=None, show_header=False, pad_edge=False, expand=True)
        table.add_column("key", style="bold cyan", no_wrap=True)
        table.add_column("action", ratio=1)
        for keys, what in [*key_rows(self.bindings, keymap), *self.extra]:
            table.add_row(keys, what)
        with Vertical(classes="dialog help keys-help"):
            yield Label(Text(self.title_text), classes="dialog-title")
            with VerticalScroll():
                yield Static(table)
                if self.notes:
                    yield Static(Text("\n".join(self.notes)), classes="help-note")
            yield Label("Esc closes · ↑↓ scroll", classes="dialog-hint")
