"""Calls ahead: the clients with a call in the next days, the prep list for the week.

Enter opens the client's board, s its summary (where e sets the next call); [ and ] narrow
and widen the window a week at a time.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from actionplan.calls import DAYS_MAX, CallRow, calls_ahead, day_label, window_words
from actionplan.text import one_line
from actionplan.tui.keys import help_key, scoped
from actionplan.tui.view import Heading, PlanView
from actionplan.tui.widgets.calls_list import HEALTH_STYLES, CallsList, sent_text
from actionplan.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from sqlmodel import Session

Jump = tuple[str, int | None]
"""A client's board to open (and the item to put the cursor on, None for none)."""
STEP = 7  # [ and ] move the window by a week
SET_CALL = (
    "Set a client's next call: s on its board opens the summary, where e edits the next call; "
    "or from the command line: actionplan clients set CLIENT --next-call fri"
)

_key = scoped("calls")


class CallsScreen(PlanView[Jump | None, list[CallRow]]):
    """One line per client with a call ahead: health, slips not told, asks, last sent."""

    WHAT = "the calls"
    FOCUS = "#calls-list"
    HELP_NOTES = (
        "Health is the summary's: * marks one set by hand (its computed health shows below "
        "when they disagree). Not told: items whose new date no sent summary has carried. "
        "Asks: items waiting on the client, and how long the oldest has waited."
    )
    BINDINGS = [
        _key("enter", "open", "Board", "Open the client's board"),
        _key(
            "s", "summary", "Summary", "The client's summary: preview, set the next call (e), send"
        ),
        _key(
            "right_square_bracket",
            "window(1)",
            "Window",
            "A week more ahead",
            id="calls.wider",
            shown_as="[ ]",
        ),
        _key(
            "left_square_bracket",
            "window(-1)",
            "Narrower",
            "A week less ahead",
            id="calls.narrower",
            show=False,
        ),
        _key("escape,q", "close", "Back", "Back to the board"),
        help_key("calls"),
    ]

    def __init__(self, days: int = 7) -> None:
        super().__init__()
        self.days = days
        self.rows: list[CallRow] | None = None

    def compose(self) -> ComposeResult:
        yield Heading(Text(" Calls ", style="bold reverse"), id="calls-title")
        yield Static(id="calls-empty")
        yield CallsList(id="calls-list")
        yield Static(id="calls-detail")
        yield KeyBar()

    def read(self, session: Session) -> list[CallRow]:
        return calls_ahead(session=session, today=self.plan_app.today(), days=self.days)

    def show(self, data: list[CallRow]) -> None:
        """Draw the calls; read again, the cursor stays on its client."""
        listing = self.query_one(CallsList)
        current = listing.current
        self.rows = data
        listing.show(data, today=self.plan_app.today(), keep=current.client_id if current else None)
        self._draw_title()
        empty = self.query_one("#calls-empty", Static)
        empty.display = not data
        if not data:
            empty.update(Text(f" No calls {window_words(self.days)}.\n {SET_CALL}", style="dim"))
        self._draw_detail(listing.current)
        self.refresh_bindings()

    # --- drawing ---------------------------------------------------------------------------

    def _draw_title(self) -> None:
        today = self.plan_app.today()
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(" Calls ", style="bold reverse")
        title.append(f" {window_words(self.days)}", style="bold")
        if self.days > 1:
            title.append(f" (to {day_label(today + timedelta(days=self.days), today=today)})")
        count = len(self.rows or [])
        title.append(f"  {count} client{'' if count == 1 else 's'}", style="dim")
        self.query_one("#calls-title", Static).update(title)

    def _draw_detail(self, row: CallRow | None) -> None:
        """Under the list, for the cursor's client: its health and why (and the computed one
        when set by hand), then where its last summary went."""
        detail = self.query_one("#calls-detail", Static)
        if row is None:
            detail.update("")
            return
        health = Text(no_wrap=True, overflow="ellipsis")
        health.append(" ● ", style=HEALTH_STYLES.get(row.health, ""))
        health.append(row.health, style="bold")
        if row.health_set:
            health.append(" set by hand", style="dim")
        if row.computed:
            health.append(f" (computed: {row.computed})", style="bold yellow")
        health.append(f": {one_line(row.health_reason)}")
        sent = Text(no_wrap=True, overflow="ellipsis")
        if row.last_sent is None:
            sent.append(" never sent a summary", style="dim")
        else:
            sent.append(" last sent ", style="dim")
            sent.append(sent_text(row, self.plan_app.today()))
            if row.last_sent.recipients:
                to = ", ".join(one_line(r) for r in row.last_sent.recipients)
                sent.append(f" to {to}", style="dim")
        detail.update(Text("\n").join([health, sent]))

    @on(CallsList.Highlighted)
    def _moved(self, event: CallsList.Highlighted) -> None:
        self._draw_detail(self.query_one(CallsList).current)

    # --- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open", "summary"):
            return self.is_mounted and self.query_one(CallsList).current is not None
        return True

    def action_open(self) -> None:
        row = self.query_one(CallsList).current
        if row is not None:
            self.dismiss((row.client, None))

    @on(CallsList.Selected)
    def _selected(self) -> None:
        self.action_open()

    def action_summary(self) -> None:
        from actionplan.tui.screens.summary_preview import SummaryPreview

        row = self.query_one(CallsList).current
        if row is None:
            return

        def back(jump: tuple[str, int] | None) -> None:
            if jump is not None:  # the preview opened an item on its board
                self.dismiss(jump)
            else:  # a summary sent or a call moved changes the list
                self.reload()

        self.app.push_screen(SummaryPreview(row.client), back)

    def action_window(self, step: int) -> None:
        self.days = min(DAYS_MAX, max(0, self.days + step * STEP))
        self._draw_title()
        self.reload()

    def action_close(self) -> None:
        self.dismiss(None)
