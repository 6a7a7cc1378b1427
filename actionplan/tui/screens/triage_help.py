"""The triage keys and how a session goes, in a dialog read from the screen's bindings."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType

from actionplan.tui.screens.keys_help import KeysHelp

HOW_IT_WORKS = [
    "Each change is saved at once; the item then shows its new state, and n moves on.",
    "Done, dropped and snooze move on by themselves: the item has left the queue.",
    "Snoozed items stay on the board but leave triage until their date.",
    "u undoes this session's changes, newest first.",
    "The queue, worst first: overdue and escalated must-dos; must-dos with no owner or date; "
    "slips the client has not been told of; due within a week and not started; overdue "
    "nice-to-haves; waiting over a week; unchanged for two weeks.",
]


class TriageHelp(KeysHelp):
    """Every triage key and how a session goes (remapped keys show as remapped)."""

    BINDINGS = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close", id="triage.help_close")
    ]

    def __init__(self, keymap: dict[str, str], bindings: Iterable[BindingType]) -> None:
        super().__init__("Triage keys", bindings, keymap=keymap, notes=HOW_IT_WORKS)
