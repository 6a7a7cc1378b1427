"""The 12-week view of recurring checks: how many fall in each week, per client and per owner."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from actionplan.recurring import Check, RecurringGrid, recurring_grid, short_day, week_label
from actionplan.text import strip_controls
from actionplan.widgets.keybar import KeyBar

PILE_UP = "bold white on red"
PILE_UP_WEEK = "bold red"
_PILE_UP, _PILE_UP_WEEK = Style.parse(PILE_UP), Style.parse(PILE_UP_WEEK)
_BOLD, _DIM = Style(bold=True), Style(dim=True)
NAME_MIN, NAME_MAX = 12, 32
# A week is 3 wide (a count up to 999), 5 with its padding, and grows to 6 when there is
# room, so the grid spreads over a wide screen instead of huddling on its left.
WEEK_MIN, WEEK_MAX = 3, 6
HEADER = 2  # lines: the Monday's day, then its month
DETAIL_LINES = 3  # checks listed under the grid; the rest are counted
RESERVED = 7  # screen lines that are not the grid: title, detail (5), keys

Jump = tuple[str, int]


@dataclass(frozen=True)
class Line:
    """One row of the grid: a heading (no checks) or a client's, an owner's or the total."""

    kind: str
    name: str
    counts: tuple[int, ...] = ()
    checks: tuple[tuple[Check, ...], ...] = ()
    marked: bool = True
    """Whether counts reaching the threshold are shown as pile-ups (not on the total)."""


def grid_lines(grid: RecurringGrid) -> list[Line]:
    """Clients, then owners, then the total, each group under its heading."""
    if not grid.clients:
        return [Line("heading", "No recurring checks in these weeks")]
    lines: list[Line] = []
    for heading, rows in (("Clients", grid.clients), ("Owners", grid.owners)):
        lines.append(Line("heading", heading))
        lines += [Line(heading, r.name, r.counts, r.checks) for r in rows]
    every = tuple(
        tuple(sorted((c for r in grid.clients for c in r.checks[i]), key=lambda c: c.due))
        for i in range(len(grid.weeks))
    )
    lines.append(Line("All", "All", grid.totals, every, marked=False))
    if grid.undated:
        lines.append(Line("heading", f"{grid.undated} recurring item(s) have no due date yet"))
    return lines


class WeekGrid(ScrollView, can_focus=True):
    """Weeks across, rows down, a cell cursor; drawn line by line (only what is on screen)."""

    COMPONENT_CLASSES = {"week-grid--cursor", "week-grid--header"}
    DEFAULT_CSS = """
    WeekGrid {
        height: auto;
        scrollbar-size-vertical: 1;
    }
    WeekGrid > .week-grid--cursor {
        background: $accent 70%;
        color: $text;
    }
    WeekGrid > .week-grid--header {
        background: $panel;
    }
    """
    BINDINGS = [
        Binding("down,j", "move(1, 0)", "Row below", id="recurring.down", show=False),
        Binding("up,k", "move(-1, 0)", "Row above", id="recurring.up", show=False),
        Binding("right,l", "move(0, 1)", "Week after", id="recurring.right", show=False),
        Binding("left,h", "move(0, -1)", "Week before", id="recurring.left", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]

    @dataclass
    class Moved(Message):
        """The cursor moved to another cell."""

        grid: WeekGrid

        @property
        def control(self) -> WeekGrid:
            return self.grid

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.grid: RecurringGrid | None = None
        self.lines: list[Line] = []
        self.row = 1  # the cursor: a line (row 0 is a heading) and a week
        self.week = 0
        self._name_width = NAME_MIN
        self._week_width = WEEK_MIN

    def show(self, grid: RecurringGrid) -> None:
        """Draw a new grid, keeping the cursor where it was when it still fits."""
        self.grid = grid
        self.lines = grid_lines(grid)
        self.row = min(max(self.row, 1), len(self.lines) - 1) if len(self.lines) > 1 else 0
        self.week = min(self.week, len(grid.weeks) - 1)
        self._layout()
        self.post_message(self.Moved(self))

    @property
    def current(self) -> tuple[Line, int] | None:
        """The line and week under the cursor, unless it is on a heading."""
        if not self.lines or self.lines[self.row].kind == "heading":
            return None
        return self.lines[self.row], self.week

    # --- keys -------------------------------------------------------------------------------

    def action_move(self, rows: int, weeks: int) -> None:
        if not self.lines or self.grid is None:
            return
        row = self.row
        step = 1 if rows > 0 else -1
        for _ in range(abs(rows)):
            target = row + step
            while 0 <= target < len(self.lines) and self.lines[target].kind == "heading":
                target += step  # headings are skipped: they hold no weeks
            if 0 <= target < len(self.lines):
                row = target
        self.row = row
        self.week = max(0, min(len(self.grid.weeks) - 1, self.week + weeks))
        self._cursor_moved()

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.scrollable_content_region.height - HEADER), 0)

    def _cursor_moved(self) -> None:
        # The header takes the first lines of the view, so a row shows HEADER lines lower.
        self.scroll_to_region(
            Region(0, self.row, 1, HEADER + 1), animate=False, force=True, immediate=True
        )
        self.refresh()
        self.post_message(self.Moved(self))

    # --- layout and drawing -----------------------------------------------------------------

    def on_resize(self) -> None:
        self._layout()

    def _layout(self) -> None:
        grid = self.grid
        if grid is None:
            return
        width = self.scrollable_content_region.width
        weeks = len(grid.weeks)
        longest = max([len(line.name) + 3 for line in self.lines] + [NAME_MIN])
        room = width - weeks * (WEEK_MIN + 2)
        self._name_width = max(NAME_MIN, min(NAME_MAX, longest, room))
        room = (width - self._name_width) // max(1, weeks) - 2
        self._week_width = max(WEEK_MIN, min(WEEK_MAX, room))
        self.virtual_size = Size(width, len(self.lines) + HEADER)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self.grid is None:
            return Strip.blank(width, self.rich_style)
        if y < HEADER:
            return self._header_line(y, width)
        index = y - HEADER + int(self.scroll_offset.y)
        if index >= len(self.lines):
            return Strip.blank(width, self.rich_style)
        return self._row_line(index, width)

    def _header_line(self, y: int, width: int) -> Strip:
        grid = self.grid
        assert grid is not None
        base = self.rich_style + self.get_component_rich_style("week-grid--header")
        piles = set(grid.pile_up_weeks)
        label = "week of" if y == 0 else ""
        segments = [Segment(_fit(f" {label}", self._name_width), base + _DIM)]
        for i, monday in enumerate(grid.weeks):
            text = week_label(monday)[y]
            style = base + _PILE_UP_WEEK if i in piles else base + _BOLD
            segments.append(Segment(text.rjust(self._week_width + 1) + " ", style))
        return _crop(segments, width, base)

    def _row_line(self, index: int, width: int) -> Strip:
        grid = self.grid
        assert grid is not None
        line = self.lines[index]
        base = self.rich_style
        if line.kind == "heading":
            return _crop([Segment(f" {line.name}", base + _BOLD)], width, base)
        indent = " " if line.kind == "All" else "   "
        name = strip_controls(line.name, keep_newlines=False)
        style = base + _BOLD if line.kind == "All" else base
        segments = [Segment(_fit(indent + name, self._name_width), style)]
        cursor = self.get_component_rich_style("week-grid--cursor")
        for i, count in enumerate(line.counts):
            text = "·" if count == 0 else str(count)
            cell = base + _DIM if count == 0 else base
            if line.marked and grid.piled(count):
                cell = base + _PILE_UP
            if index == self.row and i == self.week and self.has_focus:
                cell = cell + cursor
            segments.append(Segment(" ", base))
            segments.append(Segment(text.rjust(self._week_width), cell))
            segments.append(Segment(" ", base))
        return _crop(segments, width, base)

    def on_click(self, event: events.Click) -> None:
        index = event.y - HEADER + int(self.scroll_offset.y)
        week = (event.x - self._name_width) // (self._week_width + 2)
        if event.y < HEADER or not 0 <= index < len(self.lines) or self.grid is None:
            return
        if self.lines[index].kind != "heading" and 0 <= week < len(self.grid.weeks):
            self.row, self.week = index, week
            self._cursor_moved()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


def _fit(text: str, size: int) -> str:
    """Pad or cut (with …) to exactly ``size`` columns."""
    if len(text) > size:
        return text[: max(1, size - 1)] + "…"
    return text.ljust(size)


def _crop(segments: list[Segment], width: int, style: Style) -> Strip:
    return Strip(segments).extend_cell_length(width, style).crop(0, width)


@dataclass
class GridLoaded(Message):
    """The grid, read by a worker; ``error`` says why there is none."""

    grid: RecurringGrid | None
    error: str | None


class RecurringScreen(Screen[Jump | None]):
    """Weeks across, clients then owners down; pile-up weeks stand out. Esc goes back."""

    BINDINGS = [
        Binding(
            "enter",
            "open",
            "Open",
            id="recurring.open",
            tooltip="Go to the first check of this cell on its client's board",
        ),
        Binding("escape,q", "close", "Back", id="recurring.close"),
        Binding("question_mark", "help", "Help", id="recurring.help", tooltip="This list of keys"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.grid: RecurringGrid | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(" Recurring checks: reading the plan…"), id="recurring-title")
        yield WeekGrid(id="recurring-grid")
        yield Static(id="recurring-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(WeekGrid).focus()
        self._load()

    def on_resize(self) -> None:
        # The grid is as tall as its rows, but leaves room for the title, the detail and the
        # keys below it (CSS max-height in fr does not hold back an auto height).
        self.query_one(WeekGrid).styles.max_height = max(HEADER + 1, self.size.height - RESERVED)

    @work(thread=True, exclusive=True, group="recurring", exit_on_error=False)
    def _load(self) -> None:
        from actionplan.errors import user_message

        app: Any = self.app
        try:
            with app.db.session() as session:
                grid = recurring_grid(session=session, today=app.today())
        except Exception as exc:  # shown on the screen; Esc still goes back
            self.post_message(GridLoaded(None, user_message(exc)))
            return
        self.post_message(GridLoaded(grid, None))

    def plan_changed(self) -> None:
        """Someone else changed the plan: count again (the cursor keeps its place)."""
        self._load()

    @on(GridLoaded)
    def _loaded(self, message: GridLoaded) -> None:
        self.grid = message.grid
        title = self.query_one("#recurring-title", Static)
        if message.grid is None:
            title.update(Text(f" Recurring checks could not be read: {message.error}", "bold red"))
            return
        title.update(_title(message.grid))
        self.query_one(WeekGrid).show(message.grid)

    @on(WeekGrid.Moved)
    def _moved(self) -> None:
        self._show_detail()
        self.refresh_bindings()

    def _checks_here(self) -> tuple[Line, int] | None:
        return self.query_one(WeekGrid).current

    def _show_detail(self) -> None:
        detail = self.query_one("#recurring-detail", Static)
        here = self._checks_here()
        if here is None or self.grid is None:
            detail.update(Text("Move to a week to see its checks.", style="dim"))
            return
        line, week = here
        detail.update(_detail(line, week, self.grid))

    # --- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            here = self._checks_here()
            return here is not None and bool(here[0].checks[here[1]])
        return True

    def action_open(self) -> None:
        here = self._checks_here()
        if here is None or not here[0].checks[here[1]]:
            return
        check = here[0].checks[here[1]][0]
        self.dismiss((check.client, check.item_id))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        from actionplan.screens.keys_help import KeysHelp

        keys = [*self.BINDINGS, *WeekGrid.BINDINGS]
        self.app.push_screen(KeysHelp("Recurring keys", keys))


def _title(grid: RecurringGrid) -> Text:
    title = Text()
    title.append(" Recurring checks ", style="bold reverse")
    title.append(f" {len(grid.weeks)} weeks from {short_day(grid.weeks[0])}")
    piles = len(grid.pile_up_weeks)
    if piles:
        title.append(f" · {piles} pile-up week{'s' if piles != 1 else ''}", style=PILE_UP_WEEK)
    else:
        title.append(" · no pile-ups", style="dim")
    title.append(f" ({grid.threshold}+ a week)", style="dim")
    return title


def _detail(line: Line, week: int, grid: RecurringGrid) -> Text:
    """What falls in the highlighted cell: who or which client, the week, each check."""
    checks = line.checks[week]
    text = Text()
    name = "all clients" if line.kind == "All" else line.name
    text.append(strip_controls(name, keep_newlines=False), style="bold")
    text.append(f", week of {short_day(grid.weeks[week])}: ")
    if not checks:
        text.append("nothing recurring", style="dim")
        return text
    text.append(f"{len(checks)} check{'s' if len(checks) != 1 else ''}")
    if line.marked and grid.piled(len(checks)):
        text.append("  pile-up", style=PILE_UP)
    for n, check in enumerate(checks):
        if n == DETAIL_LINES and len(checks) > DETAIL_LINES + 1:
            text.append(f"\n  and {len(checks) - n} more", style="dim")
            break
        text.append("\n  • ")
        text.append(strip_controls(check.title, keep_newlines=False))
        # The row already names the client or the owner; say the other one.
        if line.kind != "Clients":
            text.append(f" · {strip_controls(check.client, keep_newlines=False)}")
        text.append(f" · {short_day(check.due)}", style="dim")
        if line.kind != "Owners":
            owner = strip_controls(check.owner or "no owner", keep_newlines=False)
            text.append(f" · {owner}", style="dim")
    return text


def announce_next(screen: Screen[Any], item_id: int) -> None:
    """After a recurring card is marked done: say when its next occurrence is due.

    The date is read off the UI thread (the plan chose it, month ends and all), then shown
    as "Done; next on Mon 14 Dec".
    """
    app: Any = screen.app

    def read() -> None:
        from actionplan.plan.recurrence import next_occurrence

        with app.db.session() as session:
            following = next_occurrence(session=session, item_id=item_id)
        if following is not None:
            when = short_day(following.due) if following.due else "no date"
            app.call_from_thread(screen.notify, f"Done; next on {when}", timeout=5)

    screen.run_worker(read, thread=True, group="announce-next", exit_on_error=False)
