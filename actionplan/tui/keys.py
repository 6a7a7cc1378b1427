"""The keys of the screen in front, read from its live bindings, in one spelling.

The help (``screens/help.py``), the command palette (``commands.py``) and the key bar all read
keys here, so they agree with each other and with what the keys do: the user's remaps from the
config file's ``[keys]`` are applied, a key taken by the focused widget is not claimed for the
screen, and each key is spelled one way ("Esc", "Enter", "Ctrl+R", "Shift+Left", "?").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.keys import format_key

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.dom import DOMNode
    from textual.screen import Screen

NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "space": "Space",
    "tab": "Tab",
    "backspace": "Backspace",
    "delete": "Del",
    "insert": "Ins",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
}

# Textual's own keys (on every screen), said the way the rest of the help says things.
APP_KEYS = {
    "quit": "Quit",
    "command_palette": "Command palette: this view's actions by name",
}


def bind(
    keys: str,
    action: str,
    label: str,
    id: str,
    what: str = "",
    *,
    show: bool = True,
    shown_as: str | None = None,
    priority: bool = False,
) -> Binding:
    """One key of a view, in one line: ``keys`` (Textual's names, comma-separated) run
    ``action``. ``label`` names it in the key bar, ``id`` is what the config file's ``[keys]``
    remaps it by, ``what`` is its line in the help (the label when empty); ``shown_as``
    spells the keys in the key bar ("H/L"); ``show=False`` leaves it out of the key bar."""
    return Binding(
        keys,
        action,
        label,
        show=show,
        key_display=shown_as,
        priority=priority,
        tooltip=what,
        id=id,
    )


def scoped(scope: str) -> Callable[..., Binding]:
    """``bind`` for the keys of one view, whose ids are ``scope.action`` unless ``id`` is given:
    ``scoped("people")("r", "rename", "Rename", "Rename...")`` has the id ``people.rename``."""

    def scoped_bind(
        keys: str, action: str, label: str, what: str = "", *, id: str = "", **options: Any
    ) -> Binding:
        return bind(keys, action, label, id or f"{scope}.{action}", what, **options)

    return scoped_bind


def help_key(scope: str, *, show: bool = True) -> Binding:
    """``?``, the view's keys help (``scope.help``), the same on every view."""
    return bind("question_mark", "help", "Help", f"{scope}.help", "This list of keys", show=show)


def key_name(key: str) -> str:
    """A key as users read and type it: "Esc", "Enter", "Ctrl+R", "Shift+Left", "?", "H"."""
    *modifiers, base = key.strip().split("+") if key.strip() != "+" else ["+"]
    if len(base) == 1:
        name = base.upper() if modifiers else base
    else:
        name = NAMES.get(base) or format_key(base)
        if len(name) > 1 and name.islower():
            name = name.title()  # "home" -> "Home", "f1" -> "F1"
    return "+".join([*(m.title() for m in modifiers), name])


@dataclass(frozen=True)
class KeyRow:
    """One binding of the screen in front, with the keys that reach it now."""

    keys: tuple[str, ...]
    """Textual's key names ("escape", "ctrl+r"), remaps applied; ``key_name`` spells them."""
    binding: Binding
    node: DOMNode
    """Where the action runs: the screen, a widget on it, or the app."""

    @property
    def shown_keys(self) -> str:
        return " / ".join(dict.fromkeys(key_name(k) for k in self.keys))

    @property
    def what(self) -> str:
        if isinstance(self.node, App) and self.binding.action in APP_KEYS:
            return APP_KEYS[self.binding.action]
        return self.binding.tooltip or self.binding.description


def screen_keys(screen: Screen[Any]) -> list[KeyRow]:
    """Every key of ``screen`` and of its focused widget (and the app's own), as they stand.

    Rows come in the order the bindings are declared: the screen's first, then the focused
    widget's and its containers', then the app's (Ctrl+P, Ctrl+Q). A widget lists only the
    keys actionplan gives it (not the scrolling keys every Textual container has); every key
    is listed whether or not it applies at this moment, so nothing seems to be missing.
    """
    # Textual's own chain (the key handling and its KeyPanel use it): from the focused widget
    # up to the app, with the user's keymap applied; it stops at a modal screen, as keys do.
    chain: list[tuple[DOMNode, BindingsMap]] = []
    for node, bindings in screen._binding_chain:
        chain.append((node, bindings))
        if node.is_modal:
            break
    taken: set[str] = set()
    found: dict[DOMNode, dict[Any, tuple[list[str], Binding]]] = {}
    # Priority bindings win from the app down, the others from the focused widget up.
    passes = [(n, b, True) for n, b in reversed(chain)] + [(n, b, False) for n, b in chain]
    for node, bindings, priority in passes:
        ranks = _declared(node)
        rows = found.setdefault(node, {})
        claimed: set[str] = set()
        for key, key_bindings in bindings.key_to_bindings.items():
            for binding in key_bindings:
                ident = _ident(binding)
                if binding.priority != priority or key in taken or ident not in ranks:
                    continue
                if isinstance(node, App) and binding.system:
                    continue
                rows.setdefault(ident, ([], binding))[0].append(key)
                claimed.add(key)
        taken |= claimed
    ordered = [screen] + [n for n, _ in chain if n is not screen and not isinstance(n, App)]
    ordered += [n for n, _ in chain if isinstance(n, App)]
    result = []
    for node in ordered:
        ranks = _declared(node)
        rows = found.get(node, {})
        for ident in sorted(rows, key=lambda i: ranks[i]):
            keys, binding = rows[ident]
            result.append(KeyRow(tuple(keys), binding, node))
    return result


def _ident(binding: Binding) -> Any:
    """The same binding before and after a remap (which makes a new Binding)."""
    return binding.id or (binding.action, binding.description)


def _declared(node: DOMNode) -> dict[Any, int]:
    """actionplan's bindings of ``node``, in the order its classes declare them (a subclass's
    before its base's); for the app, its own keys (Textual's palette and quit)."""
    ranks: dict[Any, int] = {}
    if isinstance(node, App):
        for key_bindings in node._bindings.key_to_bindings.values():
            for binding in key_bindings:
                ranks.setdefault(_ident(binding), len(ranks))
        return ranks
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("actionplan."):
            continue
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                ranks.setdefault(_ident(binding), len(ranks))
    return ranks
