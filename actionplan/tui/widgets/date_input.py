"""A date typed in the parser's phrases (fri, +2w, 5 dec, none), read as it is typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from textual import on
from textual.message import Message
from textual.widgets import Input

from actionplan.dates import DateError, describe, parse_optional_date


class DateInput(Input):
    """A date field that says what its text means, from the start and after every change.

    It posts :class:`DateInput.Read` ("→ Fri 4 Dec 2026", "→ no date", or why the text is not
    a date); the screen shows that where it wants, under the field or in a dialog's feedback
    line. ``reading()`` gives the same answer on demand, as a screen saving the field needs it.
    """

    @dataclass
    class Read(Message):
        """What the field's text means now."""

        date_input: DateInput
        value: date | None
        """The date (None: no date, or the text is not a date)."""
        error: str | None
        """Why the text is not a date (None when it is one, or is empty or "none")."""

        @property
        def control(self) -> DateInput:
            return self.date_input

        @property
        def meaning(self) -> str:
            """The line to show: the date in words, "→ no date", or the error."""
            if self.error is not None:
                return self.error
            return f"→ {describe(self.value)}" if self.value else "→ no date"

    def __init__(
        self, value: date | str | None, *, today: date, day_first: bool, **kwargs: Any
    ) -> None:
        """``value``: the date to start from, or text as if typed ("today"); None for none."""
        text = value.isoformat() if isinstance(value, date) else value or ""
        super().__init__(text, **kwargs)
        self.today = today
        self.day_first = day_first

    def reading(self) -> DateInput.Read:
        """What the text means now (the message the field posts, not posted)."""
        try:
            value = parse_optional_date(self.value, today=self.today, day_first=self.day_first)
        except DateError as exc:
            return self.Read(self, None, str(exc))
        return self.Read(self, value, None)

    def on_mount(self) -> None:
        self.post_message(self.reading())  # an empty field says "→ no date" from the start

    @on(Input.Changed)
    def _read_as_typed(self) -> None:
        self.post_message(self.reading())
