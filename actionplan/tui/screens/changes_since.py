"""Who changed what since the last call: for us only, never part of the summary that leaves.

The dialog reads the history itself and shows it; it never touches the summary, its Markdown,
the clipboard or the snapshots, so nothing here can reach the client.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.console import Group
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from actionplan.changes_since import DEFAULT_DAYS, Change, Since, when
from actionplan.text import strip_controls
from actionplan.tui.screens.history import changes_table

TITLE = "Internal: who changed what since the last snapshot — not part of the summary"
SHOWN = 200
"""At most this many changes are drawn (the newest; 200 take about 0.1 s); the rest are counted."""


class ChangesSinceScreen(ModalScreen[None]):
    """A client's item changes since its last saved snapshot (or the last 14 days), newest first."""

    ALLOW_SELECT = False  # internal: nothing is copied from here by selection

    BINDINGS = [Binding("escape,q,w", "close", "Close", id="who.close")]

    @dataclass
    class Loaded(Message):
        """The changes and where they start, read off the UI thread (or why they could not be)."""

        dialog: ChangesSinceScreen
        changes: list[Change]
        since: Since | None
        error: str | None = None

        @property
        def control(self) -> ChangesSinceScreen:
            return self.dialog

    def __init__(self, client: str) -> None:
        super().__init__()
        self.client = client
        self.changes: list[Change] | None = None
        self.since: Since | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog history changes-since"):
            yield Label(Text(TITLE), classes="dialog-title internal-banner")
            yield Static(Text(f"{self.client}: reading the history…"), id="who-since")
            with VerticalScroll(id="who-scroll"):
                yield Static(id="who-rows")
            yield Label(
                "Esc closes · ↑↓ scroll · never exported, copied or saved", classes="dialog-hint"
            )

    def on_mount(self) -> None:
        self.query_one("#who-scroll").focus()
        self._load()

    def plan_changed(self) -> None:
        """Someone else changed the plan: read the changes again."""
        self._load()

    @work(thread=True, exclusive=True, group="who", exit_on_error=False)
    def _load(self) -> None:
        from actionplan.changes_since import changes_since, last_call
        from actionplan.errors import user_message

        app: Any = self.app
        try:
            with app.db.session() as session:
                since = last_call(session=session, client=self.client, today=app.today())
                changes = changes_since(session=session, client=self.client, since=since.at)
        except Exception as exc:  # shown in the dialog, never a crash
            self.post_message(self.Loaded(self, [], None, user_message(exc)))
            return
        self.post_message(self.Loaded(self, changes, since))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.changes, self.since = message.changes, message.since
        heading = self.query_one("#who-since", Static)
        rows = self.query_one("#who-rows", Static)
        if message.error or message.since is None:
            heading.update(Text(f"Could not read the changes: {message.error}", style="bold red"))
            rows.update("")
            return
        app: Any = self.app
        this_year = app.today().year
        heading.update(_heading(self.client, message.since, len(message.changes), this_year))
        if not message.changes:
            rows.update(Text("Nothing was changed in this time.", style="dim"))
            return
        table = changes_table(message.changes[:SHOWN], this_year=this_year, show_item=True)
        more = len(message.changes) - SHOWN
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
