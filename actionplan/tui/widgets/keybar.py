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
        self._shown: list[tuple[str, str, bool, bool]] | None = None
        self._width = 0
        self._bindings_changed(self.screen)

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._draw()

    def _bindings_changed(self, screen: Screen[object]) -> None:
        shown: list[tuple[str, str, bool, bool]] = []
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            key = binding.key_display or self.app.get_key_display(binding)
            name = binding.action.rsplit(".", 1)[-1].split("(")[0]
            shown.append((key, binding.description, name in PINNED, name in LOW))
        if shown == self._shown:
            return
        self._shown = shown
        self._draw()

    def _draw(self) -> None:
        """Fit the keys to the width: when they do not all fit, the ones with a safer way in
        (undo, delete) and then the last ones give way; help and quit stay, and help lists
        everything that was left out."""
        shown = self._shown or []
        self._width = width = self.size.width
        entries = list(shown)
        cut = False
        while width and entries and _length(entries) > width:
            low = [e for e in reversed(entries) if e[3]]
            dropped = low[0] if low else next((e for e in reversed(entries) if not e[2]), None)
            if dropped is None:
                break
            entries.remove(dropped)
            cut = True
        key_style = self.get_component_rich_style("keybar--key")
        text = Text(no_wrap=True, overflow="ellipsis")
        for n, (key, label, pinned, _) in enumerate(entries):
            if n:
                text.append(" ")
            if cut and pinned and label == "Help":
                label = "Help…"  # the help lists the keys left out here
            text.append(key, style=key_style)
            text.append(f" {label}")
        self.update(text)


# Actions that stay in the bar however narrow the screen: the way to every other key, and out.
PINNED = {"help", "quit", "close", "back", "pop_screen"}
# Keys that give way first on a narrow screen.
LOW = {"undo", "delete"}
MORE = len("…")


def _length(entries: list[tuple[str, str, bool, bool]]) -> int:
    total = sum(len(key) + 1 + len(label) for key, label, _, _ in entries) + len(entries) - 1
    return total + MORE
