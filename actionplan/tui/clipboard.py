"""Copying from the app: the core's clipboard (``actionplan/clipboard.py``), with OSC 52
written by Textual, and the dialog for when nothing could be copied."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Static

from actionplan.clipboard import Clipboard, Copied, copy, find_clipboard
from actionplan.tui.keys import bind
from actionplan.tui.screens.prompts import Dialog


def copy_text(
    app: App[Any], text: str, *, find: Callable[[], Clipboard] = find_clipboard
) -> Copied:
    """Copy ``text`` the best way there is here; returns what happened (its ``message`` is the
    line to show, and when ``ok`` is False, ``NoClipboard(copied.reason)`` offers a file).

    Safe on any thread, and best called from a thread worker (the one that built the text,
    say): a clipboard tool usually takes a few milliseconds, but one that hangs holds the
    caller for up to ``actionplan.clipboard.TIMEOUT`` seconds before the next way is tried,
    and the UI thread would freeze for that long. OSC 52 is written by Textual on the UI
    thread either way.

    Args:
        app: the running app (it writes OSC 52 to its terminal).
        text: what to copy.
        find: the ways to copy here (``find_clipboard``; tests pass their own).
    """
    copied = copy(text, find())
    if copied.osc52:
        if getattr(app, "_thread_id", None) == threading.get_ident():
            app.copy_to_clipboard(text)
        else:
            app.call_from_thread(app.copy_to_clipboard, text)
    return copied


class NoClipboard(Dialog[bool]):
    """Nothing was copied: why, and the offer of a file instead. Enter or w answers True
    (write a file), Esc False.

    Args:
        reason: why nothing was copied (``Copied.reason``).
        where: where the file would go ("~/Documents/actionplan"), shown when given.
    """

    BINDINGS = [
        bind("enter,w", "answer(True)", "Write a file", "clipboard.file", "Write a file instead"),
        bind("escape", "answer(False)", "Cancel", "clipboard.cancel", "Cancel: write nothing"),
    ]
    BOX = "dialog confirm"
    KEYS = "Enter or w writes a file instead · Esc cancels"

    def __init__(self, reason: str, where: str | None = None) -> None:
        super().__init__("Nothing was copied")
        self.reason = reason
        self.where = where

    def body(self) -> ComposeResult:
        yield Static(Text(_sentence(self.reason)), classes="confirm-detail", id="reason")
        offer = "Write the text to a file instead?"
        if self.where:
            offer = f"Write the text to a file in {self.where} instead?"
        yield Static(Text(offer), classes="confirm-detail", id="offer")

    def action_answer(self, write: bool) -> None:
        self.dismiss(write)


def _sentence(reason: str) -> str:
    """``reason`` as a sentence: capital first, full stop last."""
    reason = reason.strip()
    if not reason:
        return "No way to copy works here."
    return reason[0].upper() + reason[1:] + ("" if reason.endswith(".") else ".")
