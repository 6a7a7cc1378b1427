"""The agenda: every client's open items by when they are due; Enter opens one on its board."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.timer import Timer
from textual.widgets import Input, Static

from actionplan.agenda import Bucket, agenda, agenda_matcher
from actionplan.dates import DAYS, MONTHS
from actionplan.filters import HELP as FILTER_HELP
from actionplan.tui.keys import bind, help_key
from actionplan.tui.view import Heading, PlanView
from actionplan.tui.widgets.agenda_list import (
    BIG,
    FILTER_DELAY,
    AgendaList,
    Entry,
    Jump,
    build_entries,
)
from actionplan.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from sqlmodel import Session


class AgendaScreen(PlanView[Jump | None, list[Bucket]]):
    """Overdue, today, this week, next week, later, no date: all clients together."""

    WHAT = "the agenda"
    HELP_NOTES = f"Filter (/): {FILTER_HELP} · client:NAME"
    BINDINGS = [
        bind("enter", "open", "Open", "agenda.open", "Open the item on its client's board"),
        bind("slash", "filter", "Filter", "agenda.filter", "Filter as you type"),
        bind("right_square_bracket", "bucket(1)", "Next heading", "agenda.next", shown_as="[ ]"),
        bind(
            "left_square_bracket", "bucket(-1)", "Previous heading", "agenda.previous", show=False
        ),
        bind("escape", "back", "Back", "agenda.back", "Clear the filter, or go back"),
        bind("q", "close", "Back", "agenda.close", "Back to the board", show=False),
        help_key("agenda"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.buckets: list[Bucket] | None = None
        self.filter_text = ""
        self.expanded = False
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Heading(Text(" Agenda ", style="bold reverse"), id="agenda-title")
        yield Input(placeholder=f"filter: {FILTER_HELP} · client:NAME", id="agenda-filter")
        yield AgendaList(id="agenda-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#agenda-filter").display = False
        self.query_one(AgendaList).focus()
        self.reload()

    def read(self, session: Session) -> list[Bucket]:
        return agenda(session=session, today=self.plan_app.today())

    def show(self, data: list[Bucket]) -> None:
        """Draw the agenda; when it is read again, the cursor stays on its item."""
        first = self.buckets is None
        self.buckets = data
        current = self.query_one(AgendaList).current_item
        self._draw(keep=None if first or current is None else current["id"])

    # --- drawing ---------------------------------------------------------------------------

    def _draw(self, keep: int | None = None) -> None:
        if self.buckets is None:
            return
        today = self.plan_app.today()
        match = agenda_matcher(self.filter_text, today)
        entries = build_entries(self.buckets, match, expanded=self.expanded)
        self.query_one(AgendaList).show(entries, today=today, keep=keep)
        self._draw_title(entries if match is not None else None)
        self.refresh_bindings()

    def _draw_title(self, entries: list[Entry] | None) -> None:
        assert self.buckets is not None
        today = self.plan_app.today()
        total = sum(len(b.rows) for b in self.buckets)
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(" Agenda ", style="bold reverse")
        title.append(f" {DAYS[today.weekday()]} {today.day} {MONTHS[today.month - 1]}", "bold")
        title.append(f"  {total:,} open", style="dim")
        if entries is not None:
            matches = sum(payload[1] for kind, payload in entries if kind == "heading")
            title.append("   filter: ", style="bold yellow")
            title.append(self.filter_text.strip(), style="yellow")
            title.append(f"  {matches:,} match", style="yellow")
            title.append("  (Esc clears)", style="dim")
        else:
            counts = [f"{len(b.rows):,} {b.label.lower()}" for b in self.buckets if b.rows]
            if counts:
                title.append(f"  · {' · '.join(counts)}", style="dim")
        self.query_one("#agenda-title", Static).update(title)

    # --- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return self.is_mounted and self.query_one(AgendaList).current is not None
        if action == "bucket":
            return self.buckets is not None
        return True

    def action_open(self) -> None:
        listing = self.query_one(AgendaList)
        entry = listing.current
        if entry is None:
            return
        kind, payload = entry
        if kind == "more":
            at = listing.highlighted
            self.expanded = True
            self._draw()
            listing.highlighted = at  # on the first item the "more" line stood for
            return
        if kind == "item":
            self.dismiss((payload["client"], payload["id"]))

    @on(AgendaList.Selected)
    def _selected(self) -> None:
        self.action_open()

    def action_bucket(self, step: int) -> None:
        self.query_one(AgendaList).jump_bucket(step)

    def action_filter(self) -> None:
        box = self.query_one("#agenda-filter", Input)
        box.display = True
        box.value = self.filter_text
        box.focus()

    @on(Input.Changed, "#agenda-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        total = sum(len(b.rows) for b in self.buckets or [])
        if total < BIG:
            self._draw()
        else:
            self._timer = self.set_timer(FILTER_DELAY, self._draw)

    @on(Input.Submitted, "#agenda-filter")
    def _filter_done(self) -> None:
        if self._timer is not None:  # Enter applies a filter still waiting for a pause
            self._timer.stop()
            self._timer = None
            self._draw()
        box = self.query_one("#agenda-filter", Input)
        box.display = bool(self.filter_text.strip())
        self.query_one(AgendaList).focus()

    def action_back(self) -> None:
        box = self.query_one("#agenda-filter", Input)
        if self.filter_text or box.display:
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
            self.filter_text = ""
            box.value = ""
            box.display = False
            listing = self.query_one(AgendaList)
            keep = listing.current_item
            listing.focus()
            self._draw(keep=keep["id"] if keep else None)
            return
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
