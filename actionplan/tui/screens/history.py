"""A card's history in a dialog: every change, newest first, with who made it and why."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from actionplan.changes_since import Change, when
from actionplan.text import strip_controls
from actionplan.tui.keys import bind, help_key
from actionplan.tui.view import PlanView

if TYPE_CHECKING:
    from sqlmodel import Session

WHEN_WIDTH = len("23 Nov 2025 14:05")
WHO_WIDTH = 16  # a long name must not squeeze the changes off an 80-column screen


def changes_table(changes: list[Change], *, this_year: int, show_item: bool) -> Table:
    """Changes as a table of when, who and what, one row per operation (and item).

    Args:
        changes: newest first; the changes one operation made to one item sit together.
        this_year: dates in it are shown without the year.
        show_item: name the item above its changes (a list of several items' changes).
    """
    authors = [_line(c.author) for c in changes]
    who = min(WHO_WIDTH, max((len(a) for a in authors), default=1))
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(style="dim", no_wrap=True, width=WHEN_WIDTH)
    table.add_column(no_wrap=True, width=who, overflow="ellipsis")
    table.add_column(ratio=1)
    for _, group in groupby(changes, lambda c: (c.op_id, c.item_id)):
        done = list(group)
        first = done[0]
        what = Text()
        if show_item:
            what.append(_line(first.title), style="bold")
            what.append(f"  #{first.item_id}\n", style="dim")
        what.append("\n".join(_line(c.text) for c in done))
        reasons = dict.fromkeys(c.reason for c in done if c.reason)
        for reason in reasons:
            what.append(f"\nwhy: {_line(reason)}", style="italic yellow")
        author = Text(_line(first.author), overflow="ellipsis")
        table.add_row(when(first.at, this_year=this_year), author, what)
        if show_item:
            table.add_row("", "", "")  # a blank line between items reads better than a rule
    return table


def _line(text: str) -> str:
    return strip_controls(text, keep_newlines=False)


class HistoryScreen(ModalScreen[None], PlanView[None, list[Change]]):
    """Every change of one item, newest first: when, who, what, and the reason given."""

    BINDINGS = [
        bind("escape,q,i", "close", "Close", "history.close"),
        help_key("history", show=False),
    ]
    WHAT = "the history"
    FOCUS = "#history-scroll"

    def __init__(self, item_id: int, title: str) -> None:
        super().__init__()
        self.item_id = item_id
        self.item_title = title
        self.changes: list[Change] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog history"):
            yield Label(self._heading(), id="history-title", classes="dialog-title")
            with VerticalScroll(id="history-scroll"):
                yield Static(Text("Reading the history…", style="dim"), id="history-rows")
            yield Label("Esc closes · ↑↓ scroll", classes="dialog-hint")

    def read(self, session: Session) -> list[Change]:
        from actionplan.changes_since import readable
        from actionplan.queries import item_history, person_names

        events = item_history(session=session, item_id=self.item_id)
        people = person_names(session=session)
        # Newest operation first; within one, its changes in the order they were made.
        events.sort(key=lambda e: -e.op_id)
        return readable(events, people, {self.item_id: self.item_title})

    def show(self, data: list[Change]) -> None:
        self.changes = data
        self.query_one("#history-title", Label).update(self._heading())
        rows = self.query_one("#history-rows", Static)
        if not data:
            rows.update(Text("No change has been recorded for this item.", style="dim"))
        else:
            this_year = self.plan_app.today().year
            rows.update(changes_table(data, this_year=this_year, show_item=False))

    def _heading(self) -> Text:
        heading = Text.assemble(("History ", "bold"), (f"#{self.item_id} ", "dim"))
        heading.append(_line(self.item_title), style="bold")
        if self.changes:
            n = len(self.changes)
            heading.append(f"\n{n} change{'s' if n != 1 else ''}, newest first", style="dim")
        return heading

    def action_close(self) -> None:
        self.dismiss(None)
