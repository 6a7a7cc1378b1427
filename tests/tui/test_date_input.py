"""The date field the editor and the date prompts share: what it says as the text changes."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import App, ComposeResult

from actionplan.tui.widgets.date_input import DateInput
from tests.support import TODAY


class OneField(App[None]):
    """A DateInput alone, keeping every line it asks to show."""

    def __init__(self, value: date | str | None) -> None:
        super().__init__()
        self.value = value
        self.said: list[tuple[str, bool]] = []

    def compose(self) -> ComposeResult:
        yield DateInput(self.value, today=TODAY, day_first=True, id="when")

    @on(DateInput.Read)
    def _read(self, message: DateInput.Read) -> None:
        self.said.append((message.meaning, message.error is not None))


async def test_it_says_what_its_first_value_means_empty_or_not() -> None:
    for value, meaning in [
        (date(2026, 12, 4), "→ Fri 4 Dec 2026"),
        ("today", "→ Mon 23 Nov 2026"),
        (None, "→ no date"),
    ]:
        app = OneField(value)
        async with app.run_test() as pilot:
            await pilot.pause()
            assert app.said[-1] == (meaning, False)


async def test_a_bad_date_says_why_and_a_good_one_what_day_it_is() -> None:
    app = OneField(None)
    async with app.run_test() as pilot:
        field = app.query_one(DateInput)
        field.focus()
        await pilot.press(*"soonish")
        await pilot.pause()
        meaning, error = app.said[-1]
        assert error and meaning.startswith("can't read date 'soonish'")
        assert field.reading().value is None and field.reading().error == meaning

        field.value = ""
        await pilot.press(*"fri")
        await pilot.pause()
        assert app.said[-1] == ("→ Fri 27 Nov 2026", False)
        assert field.reading().value == date(2026, 11, 27)
        assert field.reading().error is None
