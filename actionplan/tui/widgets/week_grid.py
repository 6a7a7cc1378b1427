"""The recurring checks grid: clients and owners down, weeks across, pile-ups in red."""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from actionplan.recurring import Check, RecurringGrid, week_label
from actionplan.text import strip_controls

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
