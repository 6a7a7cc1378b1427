"""Who changed what since the last call: for us only, never part of the summary that leaves.

The dialog reads the history itself and shows it; it never touches the summary, its Markdown,
the clipboard or the snapshots, so nothing here can reach the client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from actionplan.changes_since import DEFAULT_DAYS, Change, Since, when
from actionplan.text import strip_controls
from actionplan.tui.keys import bind, help_key
from actionplan.tui.screens.history import changes_table
from actionplan.tui.view import Heading, PlanView

if TYPE_CHECKING:
    from sqlmodel import Session

TITLE = "Internal: who changed what since the last snapshot — not part of the summary"
SHOWN = 200
"""At most this many changes are drawn (the newest; 200 take about 0.1 s); the rest are counted."""


class ChangesSinceScreen(ModalScreen[None], PlanView[None, tuple[Since, list[Change]]]):
    """A client's item changes since its last saved snapshot (or the last 14 days), newest first."""

    ALLOW_SELECT = False  # internal: nothing is copied from here by selection

    BINDINGS = [
        bind("escape,q,w", "close", "Close", "who.close"),
        help_key("who", show=False),
    ]
    WHAT = "the changes"
    FOCUS = "#who-scroll"

    def __init__(self, client: str) -> None:
        super().__init__()
        self.client = client
        self.changes: list[Change] | None = None
        self.since: Since | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog history changes-since"):
            yield Label(Text(TITLE), classes="dialog-title internal-banner")
            yield Heading(Text(self.client), reading="· reading the history…", id="who-since")
            with VerticalScroll(id="who-scroll"):
                yield Static(id="who-rows")
            yield Label(
                "Esc closes · ↑↓ scroll · never exported, copied or saved", classes="dialog-hint"
            )

    def read(self, session: Session) -> tuple[Since, list[Change]]:
        from actionplan.changes_since import changes_since, last_call

        since = last_call(session=session, client=self.client, today=self.plan_app.today())
        return since, changes_since(session=session, client=self.client, since=since.at)

    def show(self, data: tuple[Since, list[Change]]) -> None:
        since, changes = data
        self.changes, self.since = changes, since
        heading = self.query_one("#who-since", Static)
        rows = self.query_one("#who-rows", Static)
        this_year = self.plan_app.today().year
        heading.update(_heading(self.client, since, len(changes), this_year))
        if not changes:
            rows.update(Text("Nothing was changed in this time.", style="dim"))
            return
        table = changes_table(changes[:SHOWN], this_year=this_year, show_item=True)
        more = len(changes) - SHOWN
        if more > 0:
            older = f"…and {more} older change{'s' if more != 1 else ''}, not shown"
            rows.update(Group(table, Text(older, style="dim")))
        else:
            rows.update(table)

    def action_close(self) -> None:
        self.dismiss(None)


def _heading(client: str, since: Since, count: int, this_year: int) -> Text:
    # Which window comes first: a long client name is what gets cut on a narrow screen.
    text = Text()
    start = when(since.at, this_year=this_year)
    if since.snapshot_author is not None:
        who = strip_controls(since.snapshot_author, keep_newlines=False)
        text.append(f"Since the last snapshot, saved {start} by {who}")
    else:
        text.append(f"No snapshot saved yet: the last {DEFAULT_DAYS} days, since {start}")
    text.append(" · ", style="dim")
    text.append(strip_controls(client, keep_newlines=False), style="bold")
    if count:
        text.append(f"\n{count} change{'s' if count != 1 else ''}, newest first", style="dim")
    return text
