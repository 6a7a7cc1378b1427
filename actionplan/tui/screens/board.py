"""The board: one client's items in status columns, driven from the keyboard."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from rich.text import Text
from sqlmodel import Session
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from actionplan.filters import HELP as FILTER_HELP
from actionplan.filters import BoardFilter, matcher, parse_filter
from actionplan.models import Status
from actionplan.plan import find_client
from actionplan.plan.dependencies import blockers_of
from actionplan.queries import ClientCounts, ItemFilter, clients_with_counts, list_items
from actionplan.rows import ItemRow, Slip
from actionplan.summary.source import mark_untold
from actionplan.tui.labels import ALL_CLIENTS
from actionplan.tui.screens.board_keys import BOARD_BINDINGS
from actionplan.tui.screens.board_views import BoardViews, first_client, first_run_text
from actionplan.tui.widgets.column import BoardColumn
from actionplan.tui.widgets.keybar import KeyBar

BOARD_STATUSES = [Status.PLANNED, Status.DOING, Status.WAITING, Status.DONE, Status.DROPPED]

# Keys that act on the highlighted card; hidden from the footer when there is none.
CARD_ACTIONS = {"move", "reorder", "edit", "delete", "done", "owner", "due", "escalate", "history"}


@dataclass(frozen=True)
class BoardData:
    """What the board reads: one client's rows (all clients' for the all-clients board), every
    client with its counts, which client it is, and the card to keep the cursor on."""

    rows: list[ItemRow]
    clients: list[ClientCounts]
    client: str | None
    keep: int | None
    archived: bool = False
    """The client is archived (its header says so)."""


def _mark_blocked(session: Session, rows: list[ItemRow]) -> None:
    """Give each open row blocked by open items a "blocked_by" key, their ids, for its card,
    and each row that blocks another a "blocks" key, so that moving it reads the board again
    (both read with .get: not an ItemRow's); one query."""
    blocked = blockers_of(session, [row["id"] for row in rows])
    if not blocked:
        return
    blockers = {b.id for found in blocked.values() for b in found}
    for row in rows:
        open_ = [b.id for b in blocked.get(row["id"], ()) if Status(b.status).is_open]
        if open_ and Status(row["status"]).is_open:
            row["blocked_by"] = open_  # type: ignore[typeddict-unknown-key]
        if row["id"] in blockers:
            row["blocks"] = True  # type: ignore[typeddict-unknown-key]


class BoardScreen(BoardViews):
    """Columns by status for one client, or for all clients."""

    BINDINGS = BOARD_BINDINGS
    HELP_NOTES = (
        f"Filter (/): {FILTER_HELP}; Esc clears it. Esc also closes a dialog, and Ctrl+S "
        "saves in the item editor."
    )

    def __init__(self, client: str | None = None) -> None:
        super().__init__()
        self.client = client  # None until loaded; ALL_CLIENTS for the all-clients board
        self.rows: list[ItemRow] = []
        self.clients: list[ClientCounts] = []
        self.filter = BoardFilter()
        self.show_dropped = False
        self.loaded_once = False
        self.archived = False  # the client is archived
        self._binding_state: tuple[bool, ...] | str | None = "unset"
        self._wanted: tuple[str | None, int | None] = (client, None)  # what the next read reads

    def compose(self) -> ComposeResult:
        with Vertical(id="board"):
            yield Static(id="board-title")
            yield Input(placeholder=f"filter: {FILTER_HELP}", id="filter")
            with Horizontal(id="columns"):
                for status in BOARD_STATUSES:
                    yield BoardColumn(status)
            yield Static(id="first-run")
        yield KeyBar()

    def on_resize(self) -> None:
        if self.loaded_once:
            self.call_after_refresh(self.draw)  # cards are cut to the new width

    def on_mount(self) -> None:
        self.query_one("#filter").display = False
        self.query_one("#first-run").display = False
        self.query_one(f"#col-{Status.DROPPED.value}").display = False
        self.query_one(f"#col-{Status.PLANNED.value}").focus()
        self.reload()

    # --- reading -----------------------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        """Read the board again (off the UI thread), keeping the cursor on ``keep``."""
        if keep is None and self.card is not None:
            keep = self.card["id"]
        self.load_client(self.client, keep)

    def load_client(self, client: str | None, keep: int | None) -> None:
        self._wanted = (client, keep)
        self.start_read()

    def read(self, session: Session) -> BoardData:
        client, keep = self._wanted
        app = self.plan_app
        clients = clients_with_counts(session=session, today=app.today())
        if client is None:
            client = first_client(app, clients)
        where = ItemFilter(client=None if client == ALL_CLIENTS else client)
        rows = list_items(session=session, where=where) if client else []
        # Each row gets an "untold" key for its card (read there with .get: not an ItemRow's).
        mark_untold(session=session, rows=cast("list[Slip]", rows))
        _mark_blocked(session, rows)
        archived = False
        if client not in (None, ALL_CLIENTS) and all(c.name != client for c in clients):
            found = find_client(session=session, name=client)  # archived clients are not listed
            archived = found is not None and found.archived_at is not None
        return BoardData(rows, clients, client, keep, archived)

    def show(self, data: BoardData) -> None:
        self.rows, self.clients, self.archived = data.rows, data.clients, data.archived
        if data.client != self.client:
            self.client = data.client
            self.plan_app.remember(None if self.client == ALL_CLIENTS else self.client)
        first = not self.loaded_once
        self.loaded_once = True
        self.draw(keep=data.keep)
        if first:
            self.call_after_refresh(_settle_memory)

    def draw(self, keep: int | None = None) -> None:
        """Fill the columns from the loaded rows through the filter."""
        today = self.plan_app.today()
        empty = not self.clients
        self.query_one("#first-run").display = empty
        self.query_one("#columns").display = not empty
        if empty:
            self.query_one("#first-run", Static).update(first_run_text())
        keep_column = next((r["status"] for r in self.rows if r["id"] == keep), None)
        match = matcher(self.filter, today)
        by_status: dict[Status, list[ItemRow]] = {s: [] for s in BOARD_STATUSES}
        for row in self.rows:
            by_status[row["status"]].append(row)
        done = by_status[Status.DONE]
        done.sort(key=lambda r: (r["done_at"] is not None, r["done_at"]), reverse=True)
        all_clients = self.client == ALL_CLIENTS
        for column in self.query(BoardColumn):
            rows = by_status[column.status]
            shown = [r for r in rows if match(r)] if self.filter.active else rows
            column.show(shown, today=today, show_client=all_clients, keep=keep, total=len(rows))
        if keep_column is not None:
            target = self.query_one(f"#col-{Status(keep_column).value}", BoardColumn)
            if target.display:
                target.focus()
        self._draw_title()
        self._update_bindings()

    def plan_changed(self) -> None:
        """Someone else changed the plan: read it again, the cursor staying on its card."""
        if self.loaded_once:
            self.reload()

    def connection_changed(self, offline: str | None) -> None:
        self._draw_title()

    def refresh_counts(self) -> None:
        self._load_counts()

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def _load_counts(self) -> None:
        from actionplan.errors import user_message

        app = self.plan_app
        try:
            with app.db.session() as session:
                clients = clients_with_counts(session=session, today=app.today())
        except Exception as exc:  # the counts in the title stay as they were; say why
            app.call_from_thread(
                app.notify,
                user_message(exc),
                title="Could not read the client counts",
                severity="error",
            )
            return
        app.call_from_thread(self._show_counts, clients)

    def _show_counts(self, clients: list[ClientCounts]) -> None:
        self.clients = clients
        self._draw_title()

    def _draw_title(self) -> None:
        title = Text()
        title.append(" actionplan ", style="bold reverse")
        if self.plan_app.offline:
            title.append(" offline ", style="bold white on red")
        title.append(" ")
        title.append(self.client or "no clients yet", style="bold")
        if self.archived:
            title.append("  archived client", style="bold yellow")
            title.append(" (unarchive: P, then a)", style="dim")
        counts = next((c for c in self.clients if c.name == self.client), None)
        if counts is not None:
            title.append(f"  {counts.open} open", style="dim")
            if counts.overdue:
                title.append(f" · {counts.overdue} overdue", style="bold red")
            if counts.escalated:
                title.append(f" · {counts.escalated} escalated", style="red")
        if self.filter.active:
            title.append("   filter: ", style="bold yellow")
            title.append(self.filter.describe(), style="yellow")
            title.append("  (Esc clears)", style="dim")
        if self.plan_app.offline:
            title.append("   changes are refused until the database is back", "red")
        if self.plan_app.demo:
            title.append("   demo plan: changes are thrown away on exit", style="dim italic")
        self.query_one("#board-title", Static).update(title)

    # --- moving around ----------------------------------------------------------------------

    def action_focus_column(self, step: int) -> None:
        columns = self.columns
        if not columns:
            return
        current = self.column
        index = columns.index(current) if current in columns else 0
        target = columns[(index + step) % len(columns)]
        if current is not None and current.highlighted is not None and target.option_count:
            target.highlighted = min(current.highlighted, target.option_count - 1)
        target.focus()

    @on(BoardColumn.Highlighted)
    def _highlighted(self) -> None:
        self._update_bindings()

    @on(BoardColumn.Selected)
    def _selected(self) -> None:
        self.action_edit()

    def on_descendant_focus(self) -> None:
        self._update_bindings()

    def _update_bindings(self) -> None:
        """Refresh the footer only when the keys that apply have changed (it is not free)."""
        card = self.card
        state = None
        if card is not None:
            statuses = [c.status for c in self.columns]
            index = statuses.index(card["status"]) if card["status"] in statuses else -1
            state = (card["status"] == Status.DONE, index == 0, index == len(statuses) - 1)
        if state != self._binding_state:
            self._binding_state = state
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in CARD_ACTIONS:
            card = self.card
            if card is None:
                return False
            if action == "done" and card["status"] == Status.DONE:
                return False
            if action == "move":
                statuses = [c.status for c in self.columns]
                index = statuses.index(card["status"]) if card["status"] in statuses else -1
                step = int(parameters[0]) if parameters else 0  # type: ignore[call-overload]
                return 0 <= index + step < len(statuses)
        return self.loaded_once or action != "new"

    # --- filter, clients, views ------------------------------------------------------------

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = True
        box.value = self.filter.describe()
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter = parse_filter(event.value)
        self.draw()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = self.filter.active
        self._focus_first_column()

    def key_escape(self) -> None:
        self.clear_filter()

    def clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if self.filter.active or box.display:
            box.value = ""
            self.filter = BoardFilter()
            box.display = False
            self.draw()
            self._focus_first_column()

    def _focus_first_column(self) -> None:
        columns = self.columns
        target = next((c for c in columns if c.option_count), columns[0] if columns else None)
        if target is not None:
            target.focus()

    def action_switch_client(self) -> None:
        from actionplan.tui.screens.client_switcher import ClientSwitcher

        def chosen(name: str | None) -> None:
            if name and name != self.client:
                self.client = name
                self.plan_app.remember(None if name == ALL_CLIENTS else name)
                self.load_client(name, None)

        self.app.push_screen(ClientSwitcher(self.clients, self.client), chosen)

    def action_toggle_dropped(self) -> None:
        self.show_dropped = not self.show_dropped
        self.query_one(f"#col-{Status.DROPPED.value}").display = self.show_dropped
        self.notify("Dropped shown" if self.show_dropped else "Dropped hidden", timeout=2)
        self.refresh_bindings()

    def action_fold_done(self) -> None:
        column = self.query_one(f"#col-{Status.DONE.value}", BoardColumn)
        column.collapsed = not column.collapsed
        column.set_class(column.collapsed, "-collapsed")
        self.draw()


def _settle_memory() -> None:
    """After the first draw: what exists now lives all session, so the collector can skip it.

    Without this, a full collection (70-90 ms with 5,000 cards) lands inside a card move now
    and then.
    """
    import gc

    gc.freeze()
    gc.enable()
