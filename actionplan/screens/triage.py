"""Triage: the items needing attention, one at a time, each fixed with a single key.

Every action is saved at once (one plan operation on the app's writer thread) and the item
then shows its new state; n moves on. Done and snooze move on by themselves, since the item
has left the queue. The end (q, or past the last item) says what the session did.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from sqlmodel import Session
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from actionplan.app import ActionPlanApp, WriteDone
from actionplan.dates import describe, relative
from actionplan.models import Item, Status, WaitingOn
from actionplan.screens.prompts import DatePrompt
from actionplan.text import strip_controls
from actionplan.triage import Detail, Entry
from actionplan.widgets.card import (
    MARK_ESCALATED,
    MARK_INTERNAL,
    MARK_SLIPPED,
    MARK_WAITING,
    NO_OWNER,
    due_style,
)
from actionplan.widgets.keybar import KeyBar

ALL_CLIENTS = "All clients"

# What a session did, in the order the end summary lists it.
DID = ["re-dated", "escalated", "done", "snoozed", "re-assigned", "status changed", "de-escalated"]

# Keys that act on the item shown; they need it loaded (and not deleted).
ITEM_ACTIONS = {"owner", "due", "status", "escalate", "snooze", "done"}

HOW_IT_WORKS = [
    "Each change is saved at once; the item then shows its new state, and n moves on.",
    "Done, dropped and snooze move on by themselves: the item has left the queue.",
    "Snoozed items stay on the board but leave triage until their date.",
    "u undoes this session's changes, newest first.",
    "The queue, worst first: overdue and escalated must-dos; must-dos with no owner or date;",
    "slips the client has not been told of; due within a week and not started; overdue",
    "nice-to-haves; waiting over a week; unchanged for two weeks.",
]


@dataclass
class QueueLoaded(Message):
    """The queue, the people who can own items and the first item, read by a worker."""

    entries: list[Entry]
    people: list[str]
    first: Detail | None
    error: str | None


@dataclass
class DetailLoaded(Message):
    """One item as it is now (``seq`` orders answers to requests for the same item)."""

    item_id: int
    seq: int
    detail: Detail | None
    error: str | None


def session_summary(reviewed: int, did: list[tuple[str, int]]) -> str:
    """What a session did, e.g. "17 reviewed: 5 re-dated, 2 escalated, 3 done".

    Args:
        reviewed: how many items were shown.
        did: (what, item id) for each change kept; an item counts once per kind of change.
    """
    counts = {kind: len({i for k, i in did if k == kind}) for kind in DID}
    parts = [f"{n} {kind}" for kind, n in counts.items() if n]
    return f"{reviewed} reviewed: {', '.join(parts) if parts else 'no changes'}"


class TriageScreen(Screen[tuple[str, int] | None]):
    """One item of the queue at a time; returns (client, id) to open an item on its board."""

    BINDINGS = [
        Binding("o", "owner", "Owner", id="triage.owner", tooltip="Set the owner (Tab completes)"),
        Binding("d,D", "due", "Due", id="triage.due", key_display="d", tooltip="Set the due date"),
        Binding(
            "s", "status", "Status", id="triage.status", tooltip="Planned, doing, waiting on whom…"
        ),
        Binding(
            "exclamation_mark",
            "escalate",
            "Escalate",
            id="triage.escalate",
            key_display="!",
            tooltip="Escalate with a reason, or clear the escalation",
        ),
        Binding(
            "z",
            "snooze",
            "Snooze",
            id="triage.snooze",
            tooltip="Leave triage until a date (default a week); moves on",
        ),
        Binding("x", "done", "Done", id="triage.done", tooltip="Mark done; moves on"),
        Binding(
            "n,space", "next", "Next", id="triage.next", key_display="n", tooltip="Skip: next item"
        ),
        Binding(
            "p,b",
            "previous",
            "Back",
            id="triage.previous",
            key_display="p",
            tooltip="Back to the previous item",
        ),
        Binding("u", "undo", "Undo", id="triage.undo", tooltip="Undo this session's last change"),
        Binding(
            "enter",
            "open",
            "Open on its board",
            id="triage.open",
            show=False,
            tooltip="Show the item on its client's board (at the end: back to the board)",
        ),
        Binding("question_mark", "help", "Help", id="triage.help", tooltip="This list of keys"),
        Binding(
            "q,escape",
            "close",
            "End",
            id="triage.end",
            tooltip="End the session: what it did; again to go back to the board",
        ),
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
        self.error: str | None = None
        self._leaving: tuple[tuple[str, int] | None] | None = None

    @property
    def plan_app(self) -> ActionPlanApp:
        return self.app  # type: ignore[return-value]

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
        self._load_queue()

    def on_resize(self) -> None:
        self.draw()  # notes are cut to the width

    # --- reading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="triage-load", exit_on_error=False)
    def _load_queue(self) -> None:
        from actionplan.errors import user_message
        from actionplan.queries import people
        from actionplan.triage import triage_detail, triage_queue

        app = self.plan_app
        try:
            with app.db.session() as session:
                today = app.today()
                entries = triage_queue(session=session, today=today, client=self.client)
                names = [p.name for p in people(session=session)]
                first = None
                if entries:
                    first = triage_detail(session=session, item_id=entries[0].id, today=today)
        except Exception as exc:  # shown on the screen; the board is one key away
            self.post_message(QueueLoaded([], [], None, user_message(exc)))
            return
        self.post_message(QueueLoaded(entries, names, first, None))

    @on(QueueLoaded)
    def _queue_loaded(self, message: QueueLoaded) -> None:
        self.entries, self.people, self.error = message.entries, message.people, message.error
        if message.first is not None:
            self.details[message.first.row["id"]] = message.first
        self.draw()

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
        except Exception as exc:
            self.post_message(DetailLoaded(item_id, seq, None, user_message(exc)))
            return
        self.post_message(DetailLoaded(item_id, seq, detail, None))

    @on(DetailLoaded)
    def _detail_loaded(self, message: DetailLoaded) -> None:
        if message.seq < self._applied.get(message.item_id, 0):
            return  # an older read answered late
        self._applied[message.item_id] = message.seq
        if message.detail is None:
            self.notify(message.error or "could not read the item", severity="error")
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

    @property
    def detail(self) -> Detail | None:
        entry = self.current
        return self.details.get(entry.id) if entry else None

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
        if self.error is not None:
            return Text.assemble(
                ("Could not read the queue\n\n", "bold red"), self.error, "\n\nq goes back."
            )
        if self.entries is None:
            return Text(f"Reading what needs attention in {self.scope}…", style="dim")
        if not self.entries:
            return _empty_text(self.scope)
        if self.ended:
            return self._end_text()
        detail = self.detail
        if detail is None:
            return Text("Reading the item…", style="dim")
        width = max(30, self.size.width - 4)
        return item_card(detail, today=self.plan_app.today(), width=width)

    def _end_text(self) -> Text:
        assert self.entries is not None
        text = Text()
        text.append("Triage session over\n\n", style="bold")
        summary = session_summary(len(self.seen), self.did)
        left = len(self.entries) - len(self.seen)
        if left > 0:
            summary = summary.replace(" reviewed", f" reviewed ({left} not reached)", 1)
        text.append(summary + "\n\n", style="bold cyan")
        keys = [("q / Enter", "back to the board"), ("p", "back to the last item")]
        if self.did:
            keys.append(("u", "undo this session's last change"))
        for key, what in keys:
            text.append(f"  {key:<12}", style="bold")
            text.append(f"{what}\n")
        return text

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
                return self.entries is not None or self.error is not None
            return self.detail is not None
        if action == "next":
            return self.current is not None
        if action == "previous":
            return bool(self.entries) and (self.ended or self.index > 0)
        if action == "undo":
            return bool(self.did)
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

    def _leave(self, result: tuple[str, int] | None) -> None:
        """Back to the board, once every change is saved (so the board reads them all)."""
        if self.pending:
            self._leaving = (result,)
            return
        self.dismiss(result)

    def action_open(self) -> None:
        if self.current is None:
            if self.entries is not None or self.error is not None:
                self._leave(None)
            return
        detail = self.detail
        if detail is not None:
            self._leave((detail.row["client"], detail.row["id"]))

    def action_help(self) -> None:
        self.app.push_screen(TriageHelp(self.plan_app.config.keys))

    # --- changing the item -------------------------------------------------------------------

    def _write(self, kind: str, job: Any, *, advance: bool = False) -> None:
        """Queue one change of the item shown; with ``advance``, move on straight away."""
        detail = self.detail
        assert detail is not None
        row = detail.row
        version = row["version"]
        row["version"] = version + 1  # what the write makes it, so a quick second key still fits
        self.pending.append((kind, row["id"]))
        self.plan_app.write(
            kind,
            partial(job, item_id=row["id"], version=version, author=self.plan_app.author),
            self,
        )
        if advance:
            self._go(self.index + 1)

    def on_write_done(self, message: WriteDone) -> None:
        kind, item_id = self.pending.popleft() if self.pending else (message.label, 0)
        if message.error:
            self.notify(message.error, title=f"Not saved: {kind}", severity="error")
        elif kind == "undo":
            self._undone(message.result)
            return
        else:
            self.did.append((kind, item_id))
            if isinstance(message.result, Item) and item_id in self.details:
                self.details[item_id].row["version"] = message.result.version
        if item_id:
            self._reload(item_id)  # the item's true state, saved or not
        self.refresh_bindings()
        if self._leaving is not None and not self.pending:
            self.dismiss(self._leaving[0])

    def action_owner(self) -> None:
        from actionplan.screens.prompts import OwnerPrompt

        detail = self.detail
        if detail is None:
            return
        row = detail.row
        current = row["owner"] or ""

        def chosen(owner: str | None) -> None:
            if owner is None:
                return
            if owner.lower() == current.lower():
                self.notify("No change", timeout=2)
                return
            self._write("re-assigned", partial(_edit, owner=owner or None))

        self.app.push_screen(OwnerPrompt(row["title"], current, self.people), chosen)

    def action_due(self) -> None:
        detail = self.detail
        if detail is None:
            return
        row = detail.row
        app = self.plan_app

        def chosen(result: tuple[date | None] | None) -> None:
            if result is None:
                return
            if result[0] == row["due"]:
                self.notify("No change", timeout=2)
                return
            self._write("re-dated", partial(_edit, due=result[0]))

        prompt = DatePrompt(
            row["title"], row["due"], today=app.today(), day_first=app.config.day_first
        )
        self.app.push_screen(prompt, chosen)

    def action_status(self) -> None:
        detail = self.detail
        if detail is None:
            return
        row = detail.row
        current = (Status(row["status"]), _waiting_on(row["waiting_on"]))

        def chosen(result: tuple[Status, WaitingOn | None] | None) -> None:
            if result is None:
                return
            if result == current:
                self.notify("No change", timeout=2)
                return
            status, on = result
            kind = "done" if status == Status.DONE else "status changed"
            job = partial(_status, status=status, waiting_on=on)
            self._write(kind, job, advance=not status.is_open)

        self.app.push_screen(StatusChooser(row["title"], current), chosen)

    def action_escalate(self) -> None:
        from actionplan.screens.prompts import TextPrompt

        detail = self.detail
        if detail is None:
            return
        row = detail.row
        if row["escalated"]:
            self._write("de-escalated", partial(_edit, escalated=False))
            self.notify("Escalation cleared (u to undo)", timeout=3)
            return

        def chosen(reason: str | None) -> None:
            if reason:
                self._write("escalated", partial(_edit, escalated=True, escalation_reason=reason))

        self.app.push_screen(
            TextPrompt(
                f"Escalate: {row['title']}",
                "Why must management see this?",
                required="An escalation needs a reason",
            ),
            chosen,
        )

    def action_snooze(self) -> None:
        detail = self.detail
        if detail is None:
            return
        row = detail.row
        app = self.plan_app
        today = app.today()
        snoozed = row["snoozed_until"]
        default = snoozed if snoozed and snoozed > today else today + timedelta(days=7)

        def chosen(result: tuple[date | None] | None) -> None:
            if result is None:
                return
            until = result[0]
            if until is not None and until <= today:
                self.notify("Snooze until a date after today; nothing saved", severity="error")
                return
            if until == snoozed or (until is None and not snoozed):
                self.notify("No change", timeout=2)
                return
            job = partial(_snooze, until=until, today=today)
            self._write("snoozed" if until else "woken", job, advance=until is not None)

        self.app.push_screen(
            SnoozePrompt(row["title"], default, today=today, day_first=app.config.day_first),
            chosen,
        )

    def action_done(self) -> None:
        detail = self.detail
        if detail is None or Status(detail.row["status"]) == Status.DONE:
            return
        self._write("done", partial(_status, status=Status.DONE, waiting_on=None), advance=True)

    def action_undo(self) -> None:
        if not self.did:
            return
        undone = self.details.get(self.did[-1][1])
        if undone is not None:
            undone.row["version"] += 1  # what the undo makes it, as for any other change
        self.pending.append(("undo", 0))
        author = self.plan_app.author
        self.plan_app.write("undo", partial(_undo, author=author), self)

    def _undone(self, operation: Any) -> None:
        _, item_id = self.did.pop()
        if self._leaving is not None and not self.pending:
            self.dismiss(self._leaving[0])
            return
        self.notify(
            f"Undid: {operation.summary}" if operation is not None else "Nothing to undo",
            timeout=4,
        )
        if self.entries and not self.ended:
            ids = [e.id for e in self.entries]
            if item_id in ids and ids.index(item_id) != self.index:
                self._go(ids.index(item_id))  # show what the undo changed
                return
        self._reload(item_id)
        self.refresh_bindings()


def _waiting_on(value: Any) -> WaitingOn | None:
    return None if value is None else WaitingOn(value)


def _empty_text(scope: str) -> Text:
    text = Text()
    text.append("Nothing needs attention", style="bold green")
    text.append(f" in {scope}.\n\n" if scope != ALL_CLIENTS else ".\n\n")
    text.append(
        "No open item is overdue, due within a week and not started, a must-do without an "
        "owner or a date, waiting more than a week, unchanged for two weeks, or slipped "
        "without the client being told. Snoozed items come back on their date.\n\n",
        style="dim",
    )
    text.append("  q", style="bold")
    text.append("  back to the board")
    return text


# --- the item card -----------------------------------------------------------------------------


def _clip(text: str, limit: int) -> str:
    text = " ".join(strip_controls(text, keep_newlines=False).split())
    return text if len(text) <= limit else text[: max(1, limit - 1)] + "…"


def _status_text(row: dict[str, Any]) -> Text:
    status = Status(row["status"])
    if status == Status.WAITING:
        on = _waiting_on(row["waiting_on"])
        whom = {
            WaitingOn.CLIENT: "the client",
            WaitingOn.VENDOR: "a vendor",
            WaitingOn.INTERNAL: "another team",
        }.get(on, "whom? (not said)") if on else "whom? (not said)"  # fmt: skip
        return Text.assemble(("waiting", "bold"), " on ", (whom, MARK_WAITING))
    words = {Status.DOING: "in progress", Status.DONE: "done", Status.DROPPED: "dropped"}
    return Text(words.get(status, status.value), style="bold")


def _when(day: date | None, today: date, *, is_open: bool) -> Text:
    if day is None:
        return Text("none", style="dim")
    return Text.assemble(
        describe(day), "  ", (relative(day, today=today), due_style(day, today, is_open=is_open))
    )


def item_card(detail: Detail, *, today: date, width: int) -> RenderableType:
    """One item as the triage card shows it: client, title, why it is here, fields, changes.

    User text goes in as plain Text, so markup in a title or note stays literal.
    """
    row = detail.row
    status = Status(row["status"])
    is_open = status.is_open
    head = Text()
    head.append(strip_controls(row["client"], keep_newlines=False), style="italic cyan")
    head.append(f"  #{row['id']}", style="dim")
    title = Text(strip_controls(row["title"], keep_newlines=False), style="bold")
    why = Text()
    if row["deleted_at"] is not None:
        why.append("Deleted by someone meanwhile", style="bold red")
    elif detail.reasons:
        why.append("Why now  ", style="bold")
        why.append(" · ".join(detail.reasons), style="bold yellow")
    elif is_open:
        why.append("✓ no longer needs attention", style="bold green")
    else:
        why.append(f"✓ {status.value}", style="bold green")

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row("Status", _status_text(row))
    owner = row["owner"]
    grid.add_row(
        "Owner",
        Text(strip_controls(owner, keep_newlines=False)) if owner else Text("no owner", NO_OWNER),
    )
    grid.add_row("Due", _when(row["due"], today, is_open=is_open))
    committed = Text(describe(row["committed"])) if row["committed"] else Text("none", "dim")
    if row["due"] and row["committed"] and row["due"] > row["committed"]:
        committed.append(f"  slipped +{(row['due'] - row['committed']).days}d", MARK_SLIPPED)
        if row.get("untold"):
            committed.append(", client not yet told", MARK_SLIPPED)
    grid.add_row("Committed", committed)
    kind = Text("must-do" if row["must"] else "nice-to-have")
    if row["escalated"]:
        kind.append("  ")
        kind.append(" escalated ", MARK_ESCALATED)
        kind.append(" " + _clip(row["escalation_reason"], width - 30))
    if row["visibility"] == "internal":
        kind.append("  ")
        kind.append(" internal only ", MARK_INTERNAL)
    grid.add_row("Kind", kind)
    snoozed = row["snoozed_until"]
    if snoozed and snoozed > today:
        grid.add_row("Snoozed", Text(f"until {describe(snoozed)}", style="magenta"))
    room = max(20, (width - 13) * 2)  # notes get two lines; the board's editor has them all
    if row["client_note"]:
        grid.add_row("Note", Text(_clip(row["client_note"], room)))
    if row["internal_note"]:
        grid.add_row("Internal", Text(_clip(row["internal_note"], room), style="yellow"))

    changes = Table.grid(padding=(0, 2))
    changes.add_column(style="dim", no_wrap=True)
    changes.add_column(no_wrap=True, max_width=16, overflow="ellipsis")
    changes.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    for change in detail.changes:
        local = change.at.astimezone()
        changes.add_row(
            f"{local.day} {local:%b %H:%M}",
            Text(strip_controls(change.author, keep_newlines=False)),
            Text(strip_controls(change.text, keep_newlines=False)),
        )
    parts: list[RenderableType] = [head, title, Text(""), why, Text(""), grid, Text("")]
    parts.append(Text("Recent changes", style="bold"))
    parts.append(changes if detail.changes else Text("none recorded", style="dim"))
    return Group(*parts)


# --- dialogs -----------------------------------------------------------------------------------


class SnoozePrompt(DatePrompt):
    """Until when an item leaves triage (it stays on the board)."""

    def __init__(self, item_title: str, current: date | None, *, today: date, day_first: bool):
        super().__init__(item_title, current, today=today, day_first=day_first)
        self.box_title = f"Snooze until: {item_title}"
        self.hint = "Out of triage until then · mon · +2w · 5 dec · none wakes it"


CHOICES: list[tuple[str, Status, WaitingOn | None]] = [
    ("Planned", Status.PLANNED, None),
    ("In progress", Status.DOING, None),
    ("Waiting on the client", Status.WAITING, WaitingOn.CLIENT),
    ("Waiting on a vendor", Status.WAITING, WaitingOn.VENDOR),
    ("Waiting on another team", Status.WAITING, WaitingOn.INTERNAL),
    ("Done", Status.DONE, None),
    ("Dropped", Status.DROPPED, None),
]


class StatusChooser(ModalScreen[tuple[Status, WaitingOn | None] | None]):
    """Pick a status (and whom a waiting item waits on): arrows and Enter, or 1-7."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="status.cancel"),
        *[
            Binding(str(n), f"pick({n - 1})", label, id=f"status.{n}", show=False)
            for n, (label, _, _) in enumerate(CHOICES, start=1)
        ],
    ]

    def __init__(self, item_title: str, current: tuple[Status, WaitingOn | None]) -> None:
        super().__init__(classes="prompt")
        self.item_title = item_title
        self.current = current

    def compose(self) -> ComposeResult:
        options = [
            Option(Text.assemble((f"{n} ", "bold"), label))
            for n, (label, _, _) in enumerate(CHOICES, start=1)
        ]
        with Vertical(classes="dialog status-chooser"):
            yield Label(Text(f"Status of: {self.item_title}"), classes="dialog-title")
            yield OptionList(*options, id="statuses", compact=True)
            yield Label("Enter or 1-7 picks · Esc cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        here = [(s, w) for _, s, w in CHOICES]
        if self.current in here:
            listing.highlighted = here.index(self.current)
        elif self.current[0] == Status.WAITING:
            listing.highlighted = 2
        listing.focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_pick(event.option_index)

    def action_pick(self, index: int) -> None:
        _, status, on = CHOICES[index]
        self.dismiss((status, on))

    def action_cancel(self) -> None:
        self.dismiss(None)


KEY_NAMES = {"exclamation_mark": "!", "question_mark": "?", "escape": "Esc", "enter": "Enter"}


class TriageHelp(ModalScreen[None]):
    """Every triage key and how a session goes, read from the bindings (remaps show too)."""

    BINDINGS = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close", id="triage.help_close")
    ]

    def __init__(self, keymap: dict[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, pad_edge=False, expand=True)
        table.add_column("key", style="bold cyan", no_wrap=True)
        table.add_column("action", ratio=1)
        for binding in TriageScreen.BINDINGS:
            assert isinstance(binding, Binding)
            keys = self.keymap.get(binding.id or "", binding.key).split(",")
            shown = " / ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys)
            table.add_row(shown, binding.tooltip or binding.description)
        notes = Text("\n".join(HOW_IT_WORKS))
        with Vertical(classes="dialog help"):
            yield Label("Triage keys", classes="dialog-title")
            with VerticalScroll():
                yield Static(table)
                yield Static(notes, classes="help-note")
            yield Label("Esc closes", classes="dialog-hint")


# Write jobs: run on the writer thread with a session; each is one plan operation.


def _edit(session: Session, *, item_id: int, version: int, author: str, **values: Any) -> Any:
    from actionplan import plan

    return plan.edit_item(
        session=session, item_id=item_id, author=author, expected_version=version, **values
    )


def _status(
    session: Session,
    *,
    item_id: int,
    version: int,
    author: str,
    status: Status,
    waiting_on: WaitingOn | None,
) -> Any:
    from actionplan.triage import set_status

    return set_status(
        session=session,
        item_id=item_id,
        status=status,
        waiting_on=waiting_on,
        author=author,
        expected_version=version,
    )


def _snooze(
    session: Session, *, item_id: int, version: int, author: str, until: date | None, today: date
) -> Any:
    from actionplan.triage import snooze_item

    return snooze_item(
        session=session,
        item_id=item_id,
        until=until,
        today=today,
        author=author,
        expected_version=version,
    )


def _undo(session: Session, *, author: str) -> Any:
    from actionplan import plan

    return plan.undo(session=session, author=author)
