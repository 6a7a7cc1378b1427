"""The health-check screens' two pickers: which form a new check fills, and which of a check's
recommendations become plan items (Space marks several, Enter adds them)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from actionplan.text import one_line
from actionplan.tui.keys import bind
from actionplan.tui.screens.prompts import Dialog


class FormPicker(Dialog[str | None]):
    """Which form to fill: Enter picks the highlighted one; returns its key."""

    KEYS = "Up/Down choose · Enter fills it · Esc cancels"
    BINDINGS = [bind("escape", "cancel", "Cancel", "health_pick.cancel")]

    def __init__(self, forms: list[tuple[str, str]]) -> None:
        super().__init__("Which form does the new check fill?")
        self.forms = forms

    def body(self) -> ComposeResult:
        yield OptionList(
            *(Option(Text(title), id=key) for key, title in self.forms), id="form-choices"
        )

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RecommendationPicker(Dialog[list[int] | None]):
    """A check's recommendations; Space marks one, Enter turns the marked ones (or else the
    highlighted one) into plan items. Those already on the plan from this check say so."""

    KEYS = "Space marks · Enter adds to the plan · Esc cancels"
    BOX = "dialog recommendations"
    BINDINGS = [
        bind("space", "mark", "Mark", "health_pick.mark", "Mark or unmark a recommendation"),
        bind("escape", "cancel", "Cancel", "health_pick.cancel"),
    ]

    def __init__(self, title: str, recommendations: list[str], on_plan: set[str]) -> None:
        super().__init__(title)
        self.recommendations = recommendations
        self.on_plan = on_plan
        self.marked: set[int] = set()

    def body(self) -> ComposeResult:
        yield OptionList(
            *(self._line(n) for n in range(len(self.recommendations))), id="recommendations"
        )

    def _line(self, index: int) -> Text:
        from actionplan.plan.recommend import item_title

        text = Text("[x] " if index in self.marked else "[ ] ", style="bold")
        text.append(one_line(self.recommendations[index]))
        if item_title(self.recommendations[index]) in self.on_plan:
            text.append("  (on the plan)", style="dim")
        return text

    def action_mark(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None:
            return
        self.marked ^= {index}
        options.replace_option_prompt_at_index(index, self._line(index))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(sorted(self.marked) or [event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
