"""The triage session's own dialogs: the status chooser and the snooze date."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from actionplan.models import Status, WaitingOn
from actionplan.tui.keys import bind
from actionplan.tui.labels import STATUS_LABELS
from actionplan.tui.screens.prompts import DatePrompt


class SnoozePrompt(DatePrompt):
    """Until when an item leaves triage (it stays on the board)."""

    def __init__(self, item_title: str, current: date | None, *, today: date, day_first: bool):
        super().__init__(item_title, current, today=today, day_first=day_first)
        self.box_title = f"Snooze until: {item_title}"
        self.hint = "Out of triage until then · mon · +2w · 5 dec · none wakes it"


CHOICES: list[tuple[str, Status, WaitingOn | None]] = [
    (STATUS_LABELS[Status.PLANNED], Status.PLANNED, None),
    (STATUS_LABELS[Status.DOING], Status.DOING, None),
    ("Waiting on the client", Status.WAITING, WaitingOn.CLIENT),
    ("Waiting on a vendor", Status.WAITING, WaitingOn.VENDOR),
    ("Waiting on another team", Status.WAITING, WaitingOn.INTERNAL),
    (STATUS_LABELS[Status.DONE], Status.DONE, None),
    (STATUS_LABELS[Status.DROPPED], Status.DROPPED, None),
]


class StatusChooser(ModalScreen[tuple[Status, WaitingOn | None] | None]):
    """Pick a status (and whom a waiting item waits on): arrows and Enter, or 1-7."""

    BINDINGS = [
        bind("escape", "cancel", "Cancel", "status.cancel"),
        *[
            bind(str(n), f"pick({n - 1})", label, f"status.{n}", show=False)
            for n, (label, _, _) in enumerate(CHOICES, start=1)
        ],
    ]

    def __init__(self, item_title: str, current: tuple[Status, WaitingOn | None]) -> None:
        super().__init__(classes="prompt")
        self.item_title = item_title
        self.current = current

    def compose(self) -> ComposeResult:
        options = [
            Option(Text.assemble((f"{n} ", "bold"), label))
            for n, (label, _, _) in enumerate(CHOICES, start=1)
        ]
        with Vertical(classes="dialog status-chooser"):
            yield Label(Text(f"Status of: {self.item_title}"), classes="dialog-title")
            yield OptionList(*options, id="statuses", compact=True)
            yield Label("Enter or 1-7 picks · Esc cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        here = [(s, w) for _, s, w in CHOICES]
        if self.current in here:
            listing.highlighted = here.index(self.current)
        elif self.current[0] == Status.WAITING:
            listing.highlighted = 2
        listing.focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_pick(event.option_index)

    def action_pick(self, index: int) -> None:
        _, status, on = CHOICES[index]
        self.dismiss((status, on))

    def action_cancel(self) -> None:
        self.dismiss(None)
