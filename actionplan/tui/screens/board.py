"""The board: one client's items in status columns, driven from the keyboard."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Static

from actionplan.filters import HELP as FILTER_HELP
from actionplan.filters import BoardFilter, matcher, parse_filter
from actionplan.models import Status
from actionplan.queries import ClientCounts, ItemFilter, clients_with_counts, list_items
from actionplan.summary.source import mark_untold
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens.card_actions import ALL_CLIENTS, CardActions
from actionplan.tui.widgets.column import BoardColumn
from actionplan.tui.widgets.keybar import KeyBar

BOARD_STATUSES = [Status.PLANNED, Status.DOING, Status.WAITING, Status.DONE, Status.DROPPED]

# Keys that act on the highlighted card; hidden from the footer when there is none.
CARD_ACTIONS = {"move", "reorder", "edit", "delete", "done", "owner", "due", "escalate", "history"}


@dataclass
class Loaded(Message):
    """The board's rows and the client list, read by a worker."""

    rows: list[dict[str, Any]]
    clients: list[ClientCounts]
    client: str | None
    keep: int | None


class BoardScreen(CardActions):
    """Columns by status for one client, or for all clients."""

    BINDINGS = [
        Binding("left,h", "focus_column(-1)", "Column left", id="board.left", show=False),
        Binding("right,l", "focus_column(1)", "Column right", id="board.right", show=False),
        Binding("H,shift+left", "move(-1)", "Move card left", id="board.move_left", show=False),
        Binding(
            "L,shift+right",
            "move(1)",
            "Move",
            id="board.move_right",
            key_display="H/L",
            tooltip="Move card right",
        ),
        Binding(
            "K,shift+up",
            "reorder(-1)",
            "Move card up in its column",
            id="board.reorder_up",
            show=False,
        ),
        Binding(
            "J,shift+down",
            "reorder(1)",
            "Move card down in its column",
            id="board.reorder_down",
            show=False,
        ),
        Binding("n", "new", "New", id="board.new", tooltip="New item"),
        Binding("e", "edit", "Edit", id="board.edit", tooltip="Edit every field of the card"),
        Binding("x", "done", "Done", id="board.done", tooltip="Mark done"),
        Binding("d", "delete", "Delete", id="board.delete", tooltip="Delete (u brings it back)"),
        Binding(
            "u",
            "undo",
            "Undo",
            id="board.undo",
            tooltip="Undo your last change (repeat to go back)",
        ),
        Binding("o", "owner", "Set owner", id="board.owner", show=False),
        Binding("D", "due", "Set due date", id="board.due", show=False),
        Binding(
            "exclamation_mark",
            "escalate",
            "Escalate, or clear an escalation",
            id="board.escalate",
            show=False,
        ),
        Binding("i", "history", "History of this card", id="board.history", show=False),
        Binding("slash", "filter", "Filter", id="board.filter", tooltip="Filter as you type"),
        Binding(
            "c",
            "switch_client",
            "Client",
            id="board.client",
            tooltip="Switch client, or All clients",
        ),
        Binding("z", "toggle_dropped", "Show or hide dropped", id="board.dropped", show=False),
        Binding("f", "fold_done", "Fold or unfold Done", id="board.fold_done", show=False),
        Binding(
            "s",
            "summary",
            "Summary",
            id="board.summary",
            tooltip="The client summary: preview, export, copy, save a snapshot",
        ),
        Binding(
            "t",
            "triage",
            "Triage",
            id="board.triage",
            tooltip="Triage: walk through what needs attention, one item at a time",
        ),
        Binding(
            "a",
            "agenda",
            "Agenda",
            id="board.agenda",
            tooltip="Agenda: every client's open items by when they are due",
        ),
        Binding(
            "w",
            "workload",
            "Workload",
            id="board.workload",
            tooltip="Workload: open items per owner, week by week",
        ),
        Binding(
            "R",
            "recurring",
            "Recurring checks, 12 weeks ahead",
            id="board.recurring",
            show=False,
        ),
        Binding(
            "T",
            "template",
            "Apply a checklist template to this client",
            id="board.template",
            show=False,
        ),
        Binding("question_mark", "help", "Help", id="board.help", tooltip="This list of keys"),
        Binding("q", "app.quit", "Quit", id="board.quit"),
    ]

    def __init__(self, client: str | None = None) -> None:
        super().__init__()
        self.client = client  # None until loaded; ALL_CLIENTS for the all-clients board
        self.rows: list[dict[str, Any]] = []
        self.clients: list[ClientCounts] = []
        self.filter = BoardFilter()
        self.show_dropped = False
        self.loaded_once = False
        self._binding_state: tuple[bool, ...] | str | None = "unset"
        self.stale = False  # someone changed the plan while another view was in front

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
        self._load(self.client, keep)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, client: str | None, keep: int | None) -> None:
        app = self.plan_app
        with app.db.session() as session:
            clients = clients_with_counts(session=session, today=app.today())
            if client is None:
                client = _first_client(app, clients)
            where = ItemFilter(client=None if client == ALL_CLIENTS else client)
            rows = list_items(session=session, where=where) if client else []
            mark_untold(session=session, rows=rows)
        self.post_message(Loaded(rows, clients, client, keep))

    @on(Loaded)
    def _show_loaded(self, message: Loaded) -> None:
        self.rows, self.clients = message.rows, message.clients
        if message.client != self.client:
            self.client = message.client
            self.plan_app.remember(None if self.client == ALL_CLIENTS else self.client)
        first = not self.loaded_once
        self.loaded_once = True
        self.draw(keep=message.keep)
        if first:
            self.call_after_refresh(_settle_memory)

    def draw(self, keep: int | None = None) -> None:
        """Fill the columns from the loaded rows through the filter."""
        today = self.plan_app.today()
        empty = not self.clients
        self.query_one("#first-run").display = empty
        self.query_one("#columns").display = not empty
        if empty:
            self.query_one("#first-run", Static).update(_first_run_text())
        keep_column = next((r["status"] for r in self.rows if r["id"] == keep), None)
        match = matcher(self.filter, today)
        by_status: dict[Status, list[dict[str, Any]]] = {s: [] for s in BOARD_STATUSES}
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

    def on_screen_resume(self) -> None:
        if self.stale:
            self.stale = False
            self.reload()

    def plan_changed(self) -> None:
        """Someone else changed the plan: read it again, the cursor staying on its card."""
        if self.loaded_once:
            self.reload()

    def connection_changed(self) -> None:
        self._draw_title()

    def refresh_counts(self) -> None:
        self._load_counts()

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def _load_counts(self) -> None:
        app = self.plan_app
        with app.db.session() as session:
            clients = clients_with_counts(session=session, today=app.today())
        self.app.call_from_thread(self._show_counts, clients)

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
                self._load(name, None)

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

    def action_history(self) -> None:
        from actionplan.tui.screens.history import HistoryScreen

        card = self.card
        if card is not None:
            self.app.push_screen(HistoryScreen(card["id"], card["title"]))

    def action_summary(self) -> None:
        from actionplan.tui.screens.summary_preview import SummaryPreview

        if self.client in (None, ALL_CLIENTS):
            self.notify("Pick one client first (c): a summary is for one client", timeout=4)
            return
        self.app.push_screen(SummaryPreview(self.client), self._back_from_view)

    def action_triage(self) -> None:
        from actionplan.tui.screens.triage import TriageScreen

        scope = None if self.client in (None, ALL_CLIENTS) else self.client
        self.app.push_screen(TriageScreen(scope), self._back_from_view)

    def action_agenda(self) -> None:
        from actionplan.tui.screens.agenda import AgendaScreen

        self.app.push_screen(AgendaScreen(), self._back_from_view)

    def action_workload(self) -> None:
        from actionplan.tui.screens.workload import WorkloadScreen

        self.app.push_screen(WorkloadScreen(), self._back_from_view)

    def action_recurring(self) -> None:
        from actionplan.tui.screens.recurring import RecurringScreen

        self.app.push_screen(RecurringScreen(), self._back_from_view)

    def action_template(self) -> None:
        from actionplan.tui.screens.template_picker import TemplatePicker

        if self.client in (None, ALL_CLIENTS):
            self.notify("Pick one client first (c): a checklist is applied to one client")
            return
        self.app.push_screen(TemplatePicker(self.client), self._back_from_view)

    def _back_from_view(self, jump: tuple[str, int] | None) -> None:
        """Back from triage, agenda, workload...: show the item chosen there, or reload."""
        if jump is None:
            self.reload()
            return
        client, item_id = jump
        if self.filter.active:
            self.key_escape()
        if client != self.client:
            self.client = client
            self.plan_app.remember(client)
        self._load(client, item_id)

    def action_help(self) -> None:
        from actionplan.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())


def _settle_memory() -> None:
    """After the first draw: what exists now lives all session, so the collector can skip it.

    Without this, a full collection (70-90 ms with 5,000 cards) lands inside a card move now
    and then.
    """
    import gc

    gc.freeze()
    gc.enable()


def _first_client(app: ActionPlanApp, clients: list[ClientCounts]) -> str | None:
    from actionplan.state import last_client

    if not clients:
        return None
    names = {c.name.lower(): c.name for c in clients}
    last = app.start_client or last_client(app.db.display)
    if last == ALL_CLIENTS:
        return ALL_CLIENTS
    if last and last.lower() in names:
        return names[last.lower()]
    return max(clients, key=lambda c: (c.overdue, c.open)).name


def _first_run_text() -> Text:
    text = Text()
    text.append("Welcome to actionplan\n\n", style="bold")
    text.append("Your plan is empty. To start:\n\n")
    text.append("  n", style="bold cyan")
    text.append("   add your first item: give it a client (created as you type it),\n")
    text.append("       a title, an owner and a due date such as fri, +2w or 5 dec.\n\n")
    text.append("  ?", style="bold cyan")
    text.append("   every key, at any time.\n\n")
    text.append("Or look around a sample plan first (your own plan is never touched):\n\n")
    text.append("  actionplan demo\n\n", style="bold")
    text.append("From the command line: ", style="dim")
    text.append('actionplan add "Renew firewall licence" --client Acme --due fri', style="dim")
    return text
