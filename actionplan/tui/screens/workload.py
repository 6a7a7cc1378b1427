"""Owner workload: open items per owner per week; weeks over the limit stand out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from actionplan.agenda import buckets, open_items
from actionplan.dates import DAYS, MONTHS
from actionplan.text import one_line
from actionplan.tui.keys import bind, help_key
from actionplan.tui.view import Heading, PlanView
from actionplan.tui.widgets.agenda_list import AgendaList, Entry, Jump, build_entries
from actionplan.tui.widgets.keybar import KeyBar
from actionplan.workload import OwnerLoad, Workload, workload

if TYPE_CHECKING:
    from sqlmodel import Session

OVER = "bold red"
OVER_NARROW = "bold white on red"
BAR = "green"
SIDE_STYLES = {"us": "", "client": "cyan", "vendor": "magenta"}
BLOCKS = " ▏▎▍▌▋▊▉█"
WIDE = 120  # from this screen width on: team and side columns, and bars in the cells
NUMBER = 4  # a count up to 9999
TEAM = 18


def bar(count: int, most: int, size: int) -> str:
    """A horizontal bar ``size`` cells long at ``most``, in eighths of a cell."""
    if count <= 0 or most <= 0 or size <= 0:
        return ""
    eighths = max(1, round(count / most * size * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (BLOCKS[part] if part else "")


def week_header(monday: Any) -> str:
    """A week's column heading: its Monday, e.g. "30 Nov"."""
    return f"{monday.day} {MONTHS[monday.month - 1]}"


class WorkloadScreen(PlanView[Jump | None, Workload]):
    """Owners down, weeks across; Enter lists the owner's items. Esc goes back."""

    WHAT = "the workload"
    HELP_NOTES = "Up / Down (or j / k) move between owners; PgUp / PgDn a page at a time."

    BINDINGS = [
        bind(
            "enter",
            "items",
            "Items",
            "workload.items",
            "The owner's open items, by date",
            priority=True,
        ),
        bind("escape,q", "close", "Back", "workload.close"),
        bind("j", "cursor(1)", "Next owner", "workload.down", show=False),
        bind("k", "cursor(-1)", "Previous owner", "workload.up", show=False),
        help_key("workload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.load: Workload | None = None
        self.owners: list[OwnerLoad | None] = []  # per table row; None for the totals

    def compose(self) -> ComposeResult:
        yield Heading(Text(" Workload ", style="bold reverse"), id="workload-title")
        yield DataTable(id="workload-table", cursor_type="row", header_height=2)
        yield Static(id="workload-note")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    def read(self, session: Session) -> Workload:
        app = self.plan_app
        return workload(session=session, today=app.today(), limit=app.config.workload_limit)

    def show(self, data: Workload) -> None:
        """Draw the counts (read again, the cursor keeps its row)."""
        self.load = data
        self._fill()

    def on_resize(self) -> None:
        if self.load is not None:
            self.call_after_refresh(self._fill)  # the columns take what the width allows

    # --- drawing ---------------------------------------------------------------------------

    def _draw_title(self, load: Workload) -> None:
        first = load.starts[0]
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(" Workload ", style="bold reverse")
        title.append(f" open items per owner, week by week from {DAYS[0]} {week_header(first)}")
        self.query_one("#workload-title", Static).update(title)
        wide = self.size.width >= WIDE
        note = Text(no_wrap=True, overflow="ellipsis")
        note.append(" more than " if wide else " over ", style="dim")
        note.append(f"{load.limit} in a week", style=OVER)
        note.append(" stands out" if wide else " in red", style="dim")
        if load.overdue:
            note.append(f" · {week_header(first)} includes {load.overdue:,} overdue", style="dim")
        if wide:
            note.append(" · the limit is workload_limit in the config file", style="dim")
        self.query_one("#workload-note", Static).update(note)

    def _fill(self) -> None:
        load = self.load
        if load is None:
            return
        table: DataTable[Any] = self.query_one("#workload-table", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        wide = self.size.width >= WIDE
        weeks = len(load.starts)
        # Each column's padding (2) and the scrollbar (2) come out of the width.
        # Each column has 2 of padding; the scrollbar takes 1.
        fixed = 24 + (TEAM + 2 + 6 + 2 if wide else 0) + (7 + 7 + 6) + 1
        bar_size = max(0, (self.size.width - fixed) // weeks - 2 - NUMBER - 1) if wide else 0
        bar_size = min(bar_size, 8)
        table.add_column(Text("owner", style="dim"), width=22 if wide else 20, key="owner")
        if wide:
            table.add_column(Text("team", style="dim"), width=TEAM, key="team")
            table.add_column(Text("side", style="dim"), width=6, key="side")
        for n, monday in enumerate(load.starts):
            late = n == 0 and load.overdue
            if wide:
                head = Text(f"{week_header(monday)}\n{'+ late' if late else ''}", justify="right")
            else:  # a narrow column: the day over the month ("+" says overdue is in it)
                head = Text(
                    f"{monday.day}{'+' if late else ''}\n{MONTHS[monday.month - 1]}",
                    justify="right",
                )
            table.add_column(head, width=bar_size + NUMBER + (1 if bar_size else 0))
        table.add_column(Text("total", justify="right"), width=5, key="total")
        table.add_column(Text("later", justify="right"), width=5, key="later")
        table.add_column(Text("no\ndate", justify="right"), width=4, key="no_date")
        table.fixed_columns = 1
        most = max((n for o in load.owners for n in o.weeks), default=0)
        self.owners = []
        for owner in load.owners:
            cells = [self._owner_cell(owner, wide)]
            if wide:
                team = Text(one_line(owner.team or ""))
                team.truncate(TEAM, overflow="ellipsis")
                cells += [team, _side(owner)]
            cells += [_cell(n, load, most, bar_size) for n in owner.weeks]
            cells += [_number(owner.total, "bold"), _number(owner.later), _number(owner.no_date)]
            table.add_row(*cells, key=str(owner.owner_id))
            self.owners.append(owner)
        if load.owners:
            owners = load.owners
            cells = [Text("Everyone", style="bold")] + ([Text(""), Text("")] if wide else [])
            cells += [_number(n, "bold") for n in load.week_totals()]
            cells += [
                _number(sum(o.total for o in owners), "bold"),
                _number(sum(o.later for o in owners), "bold"),
                _number(sum(o.no_date for o in owners), "bold"),
            ]
            table.add_row(*cells, key="total")
            self.owners.append(None)
        else:
            table.add_row(Text("No open items", style="dim"), *[""] * (len(table.columns) - 1))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1), column=0)
        table.focus()
        self._draw_title(load)
        self.refresh_bindings()

    def _owner_cell(self, owner: OwnerLoad, wide: bool) -> Text:
        name = Text(one_line(owner.name), style="italic dark_orange" if owner.side is None else "")
        if not wide and owner.side is not None:
            # No team and side columns: say where the person sits after the name.
            where = owner.team if owner.side_label == "us" else owner.side_label
            if where:
                name.append(f" {one_line(where)}", style=SIDE_STYLES[owner.side_label] or "dim")
        name.truncate(22 if wide else 20, overflow="ellipsis")
        return name

    # --- keys ------------------------------------------------------------------------------

    @property
    def current(self) -> OwnerLoad | None:
        """The owner on the highlighted row (None on the totals row)."""
        table: DataTable[Any] = self.query_one("#workload-table", DataTable)
        row = table.cursor_row
        return self.owners[row] if 0 <= row < len(self.owners) else None

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "items":
            return self.is_mounted and self.current is not None
        return True

    def action_items(self) -> None:
        owner = self.current
        if owner is None:
            return

        def back(jump: Jump | None) -> None:
            if jump is not None:
                self.dismiss(jump)

        self.app.push_screen(OwnerItems(owner), back)

    def action_cursor(self, step: int) -> None:
        """The board's j and k move between owners too (the arrows already do)."""
        table: DataTable[Any] = self.query_one("#workload-table", DataTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)


def _side(owner: OwnerLoad) -> Text:
    return Text(owner.side_label, style=SIDE_STYLES.get(owner.side_label, ""))


def _number(n: int, style: str = "") -> Text:
    return Text(f"{n:,}" if n else "·", style=style if n else "dim", justify="right")


def _cell(count: int, load: Workload, most: int, bar_size: int) -> Text:
    """A week's count, with a bar when there is room; over the limit in red."""
    over = load.over(count)
    if not count:
        return Text("·", style="dim", justify="right")
    if not bar_size:
        return Text(f"{count:,}", style=OVER_NARROW if over else "", justify="right")
    text = Text(justify="right")
    text.append(bar(count, most, bar_size), style=OVER if over else BAR)
    text.append(f" {count:,}", style=OVER if over else "")
    return text


class OwnerItems(ModalScreen[Jump | None], PlanView[Jump | None, list[Entry]]):
    """One owner's open items by date, with their clients; Enter opens one on its board."""

    WHAT = "the owner's items"

    BINDINGS = [
        bind("enter", "open", "Open", "owner_items.open", "Open it on its board"),
        bind("escape,q", "close", "Back", "owner_items.close"),
        help_key("owner_items", show=False),
    ]

    def __init__(self, owner: OwnerLoad) -> None:
        super().__init__()
        self.owner = owner

    def compose(self) -> ComposeResult:
        owner = self.owner
        title = Text(one_line(owner.name), style="bold")
        if owner.team:
            title.append(f" · {one_line(owner.team)}", style="dim")
        if owner.side_label:
            title.append(f" ({owner.side_label})", style=SIDE_STYLES[owner.side_label] or "dim")
        title.append(f": {owner.total:,} open item{'s' if owner.total != 1 else ''}")
        with Vertical(classes="dialog owner-items"):
            yield Label(title, classes="dialog-title")
            yield AgendaList(show_owner=False, id="owner-items-list")
            yield Label("Enter opens the item on its board · Esc goes back", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(AgendaList).focus()
        self.reload()

    def read(self, session: Session) -> list[Entry]:
        rows = open_items(session=session, owner_id=self.owner.owner_id)
        found = [b for b in buckets(rows, self.plan_app.today()) if b.rows]
        return build_entries(found, None, expanded=True)

    def show(self, data: list[Entry]) -> None:
        """Show the items (read again, the cursor stays on its item if it is still there)."""
        agenda = self.query_one(AgendaList)
        current = agenda.current_item
        keep = current["id"] if current is not None else None
        agenda.show(data, today=self.plan_app.today(), keep=keep)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return self.is_mounted and self.query_one(AgendaList).current_item is not None
        return True

    def action_open(self) -> None:
        row = self.query_one(AgendaList).current_item
        if row is not None:
            self.dismiss((row["client"], row["id"]))

    @on(AgendaList.Selected)
    def _selected(self) -> None:
        self.action_open()

    def action_close(self) -> None:
        self.dismiss(None)
