"""Small one-question dialogs: an owner, a date, a reason."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from actionplan.tui.keys import bind
from actionplan.tui.widgets.date_input import DateInput
from actionplan.tui.widgets.forms import say_in
from actionplan.tui.widgets.owner_input import Answer, OwnerInput

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """A titled box: its title, what ``body`` puts under it, and its keys last.

    Args:
        keys: the last line (None: the class's ``KEYS``).
    """

    KEYS = "Enter saves · Esc cancels"
    """The dialog's last line: its keys."""

    BOX = "dialog"
    """The box's classes."""

    def __init__(self, title: str, keys: str | None = None) -> None:
        super().__init__(classes="prompt")
        self.box_title = title
        self.keys = self.KEYS if keys is None else keys

    def compose(self) -> ComposeResult:
        with Vertical(classes=self.BOX):
            yield Label(Text(self.box_title), classes="dialog-title")
            yield from self.body()
            yield Label(Text(self.keys, style="dim"), classes="dialog-keys")

    def body(self) -> ComposeResult:
        """What stands between the title and the keys."""
        return iter(())


class _Prompt(Dialog[T]):
    """A titled box with one input; Enter answers, Escape cancels (returns None)."""

    BINDINGS = [bind("escape", "cancel", "Cancel", "prompt.cancel")]

    def __init__(self, title: str, hint: str) -> None:
        super().__init__(title)
        self.hint = hint

    def body(self) -> ComposeResult:
        yield Label(Text(self.hint), classes="dialog-hint")
        yield self.make_input()
        yield Static("", classes="dialog-feedback")

    def make_input(self) -> Input | OwnerInput:
        return Input(id="answer")

    def feedback(self, text: str, *, error: bool = False) -> None:
        say_in(self.query_one(".dialog-feedback", Static), text, error=error)

    def action_cancel(self) -> None:
        self.dismiss(None)


class OwnerPrompt(_Prompt[Answer | None]):
    """Who owns the item: the people who match are listed as you type, Tab completes, and a
    name that is nobody's is asked about before it is added (see ``OwnerInput``)."""

    KEYS = "Tab completes · Up/Down pick · Enter saves · Esc cancels"

    def __init__(
        self, item_title: str, current: str, people: list[str], *, client: str | None = None
    ) -> None:
        super().__init__(f"Owner of: {item_title}", "Name (Tab completes; empty for no owner)")
        self.current = current
        self.people = people
        self.client = client

    def make_input(self) -> OwnerInput:
        return OwnerInput(self.current, people=self.people, client=self.client, id="answer")

    def on_mount(self) -> None:
        self.query_one(OwnerInput).focus()
        self._changed()

    @on(OwnerInput.Changed)
    def _changed(self) -> None:
        self.feedback(self.query_one(OwnerInput).meaning())

    @on(OwnerInput.Chosen)
    def _chosen(self, event: OwnerInput.Chosen) -> None:
        self.dismiss(event.answer)


class DatePrompt(_Prompt[tuple[date | None] | None]):
    """A due date in the parser's phrases, with what it means shown as you type."""

    def __init__(self, item_title: str, current: date | None, *, today: date, day_first: bool):
        super().__init__(
            f"Due date of: {item_title}", "fri · +2w · in 3 days · eom · 5 dec · 2026-12-05 · none"
        )
        self.current = current
        self.today = today
        self.day_first = day_first

    def make_input(self) -> Input:
        return DateInput(self.current, today=self.today, day_first=self.day_first, id="answer")

    @on(DateInput.Read)
    def _read(self, message: DateInput.Read) -> None:
        self.feedback(message.meaning, error=message.error is not None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        reading = self.query_one(DateInput).reading()
        if reading.error is not None:
            self.feedback(reading.error, error=True)
            return
        self.dismiss((reading.value,))


class TextPrompt(_Prompt[str | None]):
    """A line of text, such as an escalation's reason."""

    def __init__(self, title: str, hint: str, *, required: str | None = None) -> None:
        super().__init__(title, hint)
        self.required = required

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text and self.required:
            self.feedback(self.required, error=True)
            return
        self.dismiss(text)
