"""The footer: the keys that apply right now, drawn as one line of text.

Textual's Footer mounts a widget per key and rebuilds them on every focus change, which costs
more than a card move; this draws the same information as text and redraws only on change.
"""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    """Shown keys (``show=True``) whose action applies now; hidden ones are in the help."""

    COMPONENT_CLASSES = {"keybar--key"}
    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        dock: bottom;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .keybar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._shown: list[tuple[str, str]] | None = None
        self._bindings_changed(self.screen)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        shown: list[tuple[str, str]] = []
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            shown.append((binding.key_display or self.app.get_key_display(binding),
                          binding.description))  # fmt: skip
        if shown == self._shown:
            return
        self._shown = shown
        key_style = self.get_component_rich_style("keybar--key")
        text = Text(no_wrap=True, overflow="ellipsis")
        for n, (key, label) in enumerate(shown):
            if n:
                text.append(" ")
            text.append(key, style=key_style)
            text.append(f" {label}")
        self.update(text)
