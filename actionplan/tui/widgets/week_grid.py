"""The recurring checks grid: clients and owners down, weeks across, pile-ups in red."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.strip import Strip

from actionplan.recurring import FORM_MARK, Check, RecurringGrid, week_label
from actionplan.text import strip_controls
from actionplan.tui.widgets.line_list import LineList, line_bindings

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


class WeekGrid(LineList[tuple[Line, int]]):
    """Weeks across, rows down, a cell cursor: the line list's cursor picks the row, ``week``
    the column. What the cursor stands for is the row and the week; headings hold none."""

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
    HEADER_ROWS = HEADER
    BINDINGS = line_bindings(
        "recurring",
        down="Row below",
        up="Row above",
        across=[
            Binding("right,l", "week(1)", "Week after", id="recurring.right", show=False),
            Binding("left,h", "week(-1)", "Week before", id="recurring.left", show=False),
        ],
    )

    class Highlighted(LineList.Highlighted):
        """The cursor moved to another cell."""

    class Selected(LineList.Selected):
        """A double click on a cell (Enter is the screen's key)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.grid: RecurringGrid | None = None
        self.lines: list[Line] = []
        self.week = 0  # the cursor's column
        self._name_width = NAME_MIN
        self._week_width = WEEK_MIN

    def show(self, grid: RecurringGrid) -> None:
        """Draw a new grid, keeping the cursor where it was when it still fits."""
        self.grid = grid
        self.lines = grid_lines(grid)
        self.week = min(self.week, len(grid.weeks) - 1)
        self._drawn.clear()
        self.size_lines()
        self.place_cursor(self.highlighted)

    def action_week(self, step: int) -> None:
        if self.grid is not None:
            self.week = max(0, min(len(self.grid.weeks) - 1, self.week + step))
            self.highlighted = self.highlighted  # the same row: drawn again, and said

    # --- its lines: headings, clients, owners, the total ------------------------------------

    @property
    def option_count(self) -> int:
        return len(self.lines)

    def rests_on(self, index: int) -> bool:
        return self.lines[index].kind != "heading"  # headings hold no weeks

    def line_value(self, index: int) -> tuple[Line, int]:
        return self.lines[index], self.week

    def line_key(self, index: int) -> Hashable:
        week = self.week if index == self.highlighted else None
        return index, week, self._name_width, self._week_width

    def click_at(self, index: int, x: int) -> bool:
        week = (x - self._name_width) // (self._week_width + 2)
        if self.grid is None or not 0 <= week < len(self.grid.weeks):
            return False
        self.week = week
        return True

    def size_lines(self) -> None:
        grid = self.grid
        if grid is None:
            return  # no header either until there is a grid: the view stays one line shorter
        width = self.scrollable_content_region.width
        weeks = len(grid.weeks)
        longest = max([len(line.name) + 3 for line in self.lines] + [NAME_MIN])
        room = width - weeks * (WEEK_MIN + 2)
        self._name_width = max(NAME_MIN, min(NAME_MAX, longest, room))
        room = (width - self._name_width) // max(1, weeks) - 2
        self._week_width = max(WEEK_MIN, min(WEEK_MAX, room))
        super().size_lines()

    def render_header(self, y: int, width: int) -> Strip:
        grid = self.grid
        if grid is None:
            return Strip.blank(width, self.rich_style)
        base = self.rich_style + self.get_component_rich_style("week-grid--header")
        piles = set(grid.pile_up_weeks)
        label = "week of" if y == 0 else ""
        segments = [Segment(_fit(f" {label}", self._name_width), base + _DIM)]
        for i, monday in enumerate(grid.weeks):
            text = week_label(monday)[y]
            style = base + _PILE_UP_WEEK if i in piles else base + _BOLD
            segments.append(Segment(text.rjust(self._week_width + 1) + " ", style))
        return _crop(segments, width, base)

    def render_option(self, index: int, width: int, cursor: bool) -> list[Strip]:
        grid = self.grid
        assert grid is not None
        line = self.lines[index]
        base = self.rich_style
        if line.kind == "heading":
            return [_crop([Segment(f" {line.name}", base + _BOLD)], width, base)]
        indent = " " if line.kind == "All" else "   "
        name = strip_controls(line.name, keep_newlines=False)
        style = base + _BOLD if line.kind == "All" else base
        segments = [Segment(_fit(indent + name, self._name_width), style)]
        highlight = self.get_component_rich_style("week-grid--cursor")
        for i, count in enumerate(line.counts):
            text = "·" if count == 0 else str(count)
            if any(c.form for c in line.checks[i]):
                text += FORM_MARK
            cell = base + _DIM if count == 0 else base
            if line.marked and grid.piled(count):
                cell = base + _PILE_UP
            if cursor and i == self.week and self.has_focus:
                cell = cell + highlight
            segments.append(Segment(" ", base))
            segments.append(Segment(text.rjust(self._week_width), cell))
            segments.append(Segment(" ", base))
        return [_crop(segments, width, base)]


def _fit(text: str, size: int) -> str:
    """Pad or cut (with …) to exactly ``size`` columns."""
    if len(text) > size:
        return text[: max(1, size - 1)] + "…"
    return text.ljust(size)


def _crop(segments: list[Segment], width: int, style: Style) -> Strip:
    return Strip(segments).extend_cell_length(width, style).crop(0, width)
