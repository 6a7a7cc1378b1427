"""Triage: the items needing attention, one at a time, each fixed with a single key.

Every action is saved at once (one plan operation on the app's writer thread) and the item
then shows its new state; n moves on. Done and snooze move on by themselves, since the item
has left the queue. The end (q, or past the last item) says what the session did. The keys
that change the item are in :mod:`actionplan.tui.screens.triage_actions`.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from actionplan.models import Status
from actionplan.text import strip_controls
from actionplan.triage import Detail, Entry
from actionplan.tui.keys import bind, help_key
from actionplan.tui.labels import ALL_CLIENTS
from actionplan.tui.screens.triage_actions import TriageActions
from actionplan.tui.widgets.keybar import KeyBar
from actionplan.tui.widgets.triage_card import item_card
from actionplan.tui.widgets.triage_tally import empty_text, end_text

if TYPE_CHECKING:
    from sqlmodel import Session

# Keys that act on the item shown; they need it loaded (and not deleted).
ITEM_ACTIONS = {"owner", "due", "status", "escalate", "snooze", "done"}


@dataclass(frozen=True)
class Queue:
    """What a session starts from: the queue, the people who can own items, the first item."""

    entries: list[Entry]
    people: list[str]
    first: Detail | None


@dataclass
class DetailLoaded(Message):
    """One item as it is now (``seq`` orders answers to requests for the same item)."""

    item_id: int
    seq: int
    detail: Detail | None
    error: str | None


class TriageScreen(TriageActions[Queue]):
    """One item of the queue at a time; returns (client, id) to open an item on its board."""

    WHAT = "the triage queue"
    HELP_NOTES = "\n".join(
        [
            "Each change is saved at once; the item then shows its new state, and n moves on.",
            "Done, dropped and snooze move on by themselves: the item has left the queue.",
            "Snoozed items stay on the board but leave triage until their date.",
            "u undoes this session's changes, newest first.",
            "The queue, worst first: overdue and escalated must-dos; must-dos with no owner or "
            "date; slips the client has not been told of; due within a week and not started; "
            "overdue nice-to-haves; waiting over a week; unchanged for two weeks.",
        ]
    )

    BINDINGS = [
        bind("o", "owner", "Owner", "triage.owner", "Set the owner (Tab completes)"),
        bind("d,D", "due", "Due", "triage.due", "Set the due date", shown_as="d"),
        bind("s", "status", "Status", "triage.status", "Planned, doing, waiting on whom…"),
        bind(
            "exclamation_mark",
            "escalate",
            "Escalate",
            "triage.escalate",
            "Escalate with a reason, or clear the escalation",
            shown_as="!",
        ),
        bind(
            "z",
            "snooze",
            "Snooze",
            "triage.snooze",
            "Leave triage until a date (default a week); moves on",
        ),
        bind("x", "done", "Done", "triage.done", "Mark done; moves on"),
        bind("n,space", "next", "Next", "triage.next", "Skip: next item", shown_as="n"),
        bind(
            "p,b",
            "previous",
            "Previous",
            "triage.previous",
            "Back to the previous item",
            shown_as="p",
        ),
        bind("u", "undo", "Undo", "triage.undo", "Undo this session's last change"),
        bind(
            "enter",
            "open",
            "Open on its board",
            "triage.open",
            "Show the item on its client's board (at the end: back to the board)",
            show=False,
        ),
        help_key("triage"),
        bind(
            "q,escape",
            "close",
            "End",
            "triage.end",
            "End the session: what it did; again to go back to the board",
        ),
        bind("q,escape", "back", "Back", "triage.back", "Back to the board"),
    ]

    def __init__(self, client: str | None) -> None:
        super().__init__()
        self.client = client
        self.entries: list[Entry] | None = None  # None until read
        self.index = 0
        self.details: dict[int, Detail] = {}
        self.people: list[str] = []
        self.seen: set[int] = set()
        self.did: list[tuple[str, int]] = []
        self.pending: deque[tuple[str, int]] = deque()  # writes queued, in order
        self._seq = 0
        self._applied: dict[int, int] = {}
        self.ended = False
        self._leaving: tuple[tuple[str, int] | None] | None = None

    @property
    def scope(self) -> str:
        return self.client or ALL_CLIENTS

    def compose(self) -> ComposeResult:
        with Vertical(id="triage"):
            yield Static(id="triage-title")
            with VerticalScroll(id="triage-body"):
                yield Static(id="triage-card")
        yield KeyBar()

    def on_mount(self) -> None:
        self.draw()
        self.reload()

    def on_resize(self) -> None:
        self.draw()  # notes are cut to the width

    # --- reading ---------------------------------------------------------------------------

    def read(self, session: Session) -> Queue:
        from actionplan.queries import people
        from actionplan.triage import triage_detail, triage_queue

        today = self.plan_app.today()
        entries = triage_queue(session=session, today=today, client=self.client)
        names = [p.name for p in people(session=session)]
        first = None
        if entries:
            first = triage_detail(session=session, item_id=entries[0].id, today=today)
        return Queue(entries, names, first)

    def show(self, data: Queue) -> None:
        self.entries, self.people = data.entries, data.people
        if data.first is not None:
            self.details[data.first.row["id"]] = data.first
        self.draw()

    def failed(self, error: str) -> None:
        super().failed(error)
        self.draw()  # no longer "Reading…"; Enter and q go back to the board

    def reload(self) -> None:
        """The queue is read once, when the session begins (again only if that read failed);
        after that only the item shown is read again."""
        if self.entries is None:
            super().reload()
        else:
            self.plan_changed()

    def plan_changed(self) -> None:
        """Someone else changed the plan: the item shown is read again (the queue stays as it
        was when the session began, so nothing moves under the user's feet)."""
        entry = self.current
        if entry is not None:
            self._reload(entry.id)

    def _reload(self, item_id: int) -> None:
        self._seq += 1
        self._load_detail(item_id, self._seq)

    @work(thread=True, group="triage-detail", exit_on_error=False)
    def _load_detail(self, item_id: int, seq: int) -> None:
        from actionplan.errors import user_message
        from actionplan.triage import triage_detail

        app = self.plan_app
        try:
            with app.db.session() as session:
                detail = triage_detail(session=session, item_id=item_id, today=app.today())
        except Exception as exc:  # said in a notification; the card keeps what it showed
            self.post_message(DetailLoaded(item_id, seq, None, user_message(exc)))
            return
        self.post_message(DetailLoaded(item_id, seq, detail, None))

    @on(DetailLoaded)
    def _detail_loaded(self, message: DetailLoaded) -> None:
        if message.seq < self._applied.get(message.item_id, 0):
            return  # an older read answered late
        self._applied[message.item_id] = message.seq
        if message.detail is None:
            error = message.error or "unknown error"
            self.notify(error, title="Could not read the item", severity="error", markup=False)
            return
        self.details[message.item_id] = message.detail
        if self.current is not None and self.current.id == message.item_id:
            self.draw()

    # --- where we are ------------------------------------------------------------------------

    @property
    def current(self) -> Entry | None:
        """The entry shown, or None at the end (or before the queue is read)."""
        if self.ended or not self.entries or self.index >= len(self.entries):
            return None
        return self.entries[self.index]

    def _go(self, index: int) -> None:
        assert self.entries is not None
        self.index = max(0, min(index, len(self.entries)))
        self.ended = self.index >= len(self.entries)
        entry = self.current
        if entry is not None:
            self._reload(entry.id)  # show what we have now, and the truth a moment later
        self.draw()

    def draw(self) -> None:
        """Show the title, and the item, the end summary or the empty queue."""
        entry = self.current
        if entry is not None:
            self.seen.add(entry.id)
        self.query_one("#triage-title", Static).update(self._title())
        self.query_one("#triage-card", Static).update(self._body())
        self.query_one("#triage-body", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def _title(self) -> Text:
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(" Triage ", style="bold reverse")
        title.append(" ")
        title.append(strip_controls(self.scope, keep_newlines=False), style="bold")
        if self.entries:
            shown = min(self.index + 1, len(self.entries))
            title.append(f"  {shown} / {len(self.entries)}", style="bold cyan")
            if self.ended:
                title.append("  end of session", style="dim")
        if self.plan_app.demo and self.size.width >= 100:
            title.append("   demo plan: changes are thrown away on exit", style="dim italic")
        return title

    def _body(self) -> RenderableType:
        if self.entries is None:
            if self.failure is not None:  # said in the failure line at the top
                return Text("q goes back.", style="dim")
            return Text(f"Reading what needs attention in {self.scope}…", style="dim")
        if not self.entries:
            return empty_text(self.client)
        if self.ended:
            return end_text(len(self.entries), len(self.seen), self.did)
        detail = self.detail
        if detail is None:
            return Text("Reading the item…", style="dim")
        width = max(30, self.size.width - 4)
        return item_card(detail, today=self.plan_app.today(), width=width)

    # --- keys that apply ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ITEM_ACTIONS:
            detail = self.detail
            if detail is None or detail.row["deleted_at"] is not None:
                return False
            status = Status(detail.row["status"])
            if action == "done":
                return status != Status.DONE
            if action == "snooze":
                return status.is_open
            return True
        if action == "open":
            if self.current is None:  # the end, an empty queue or an error: back to the board
                return self.entries is not None or self.failure is not None
            return self.detail is not None
        if action == "next":
            return self.current is not None
        if action == "previous":
            return bool(self.entries) and (self.ended or self.index > 0)
        if action == "undo":
            return bool(self.did)
        if action in ("close", "back"):
            # One key: "End" while items remain, "Back" once the session has ended.
            return (action == "back") == (self.current is None)
        return True

    # --- moving along ------------------------------------------------------------------------

    def action_next(self) -> None:
        if self.current is not None:
            self._go(self.index + 1)

    def action_previous(self) -> None:
        if not self.entries:
            return
        if self.ended:  # back to the item the session ended on (or the last one)
            self._go(min(self.index, len(self.entries) - 1))
        elif self.index > 0:
            self._go(self.index - 1)

    def action_close(self) -> None:
        if self.entries and not self.ended:
            self.ended = True
            self.draw()
            return
        self._leave(None)

    def action_back(self) -> None:
        self._leave(None)

    def _leave(self, result: tuple[str, int] | None) -> None:
        """Back to the board, once every change is saved (so the board reads them all)."""
        if self.pending:
            self._leaving = (result,)
            return
        self.dismiss(result)

    def action_open(self) -> None:
        if self.current is None:
            if self.entries is not None or self.failure is not None:
                self._leave(None)
            return
        detail = self.detail
        if detail is not None:
            self._leave((detail.row["client"], detail.row["id"]))
