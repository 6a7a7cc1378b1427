"""The line list under the board's columns, the agenda and the recurring grid: its cursor keys,
clicks, messages, focus and cache, on a small list of its own (no plan needed)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager

import pytest
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import Static

from actionplan.db import Database
from actionplan.models import Status
from actionplan.tui.screens.item_form import ItemForm
from actionplan.tui.widgets.agenda_list import AgendaList
from actionplan.tui.widgets.column import BoardColumn
from actionplan.tui.widgets.line_list import LineList, line_bindings
from actionplan.tui.widgets.week_grid import WeekGrid
from tests.support.pilot import card_in_front, column, press_and_settle, running, settle

HEADINGS = {0, 5, 10}  # lines the cursor skips


class Lines(LineList[str]):
    """Twelve lines of two rows each, under one fixed row, inside a border."""

    COMPONENT_CLASSES = {"lines--cursor", "lines--cursor-blurred"}
    CURSOR_CLASS, BLURRED_CLASS = "lines--cursor", "lines--cursor-blurred"
    HEADER_ROWS = 1
    DEFAULT_CSS = """
    Lines { height: 1fr; border: round white; }
    Lines > .lines--cursor { background: red; }
    Lines > .lines--cursor-blurred { background: blue; }
    """
    BINDINGS = line_bindings(
        "lines", down="Next", up="Previous", first="First", last="Last", select="Open"
    )

    class Highlighted(LineList.Highlighted):
        """The cursor moved."""

    class Selected(LineList.Selected):
        """Enter or a double click."""

    def __init__(self) -> None:
        super().__init__(id="lines")
        self.names = [f"heading {n}" if n in HEADINGS else f"line {n}" for n in range(12)]
        self.drawn: list[int] = []

    @property
    def option_count(self) -> int:
        return len(self.names)

    @property
    def line_height(self) -> int:
        return 2

    def rests_on(self, index: int) -> bool:
        return index not in HEADINGS

    def line_value(self, index: int) -> str:
        return self.names[index]

    def line_key(self, index: int) -> Hashable:
        return self.names[index]

    def render_option(self, index: int, width: int, cursor: bool) -> list[Strip]:
        self.drawn.append(index)
        style = self.line_style(cursor)
        return [self.text_strip(Text(self.names[index]), width, style) for _ in range(2)]


class ListApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.heard: list[Message] = []

    def compose(self) -> ComposeResult:
        yield Lines()
        yield Static("below", id="below", classes="focusable")

    def on_mount(self) -> None:
        lines = self.query_one(Lines)
        lines.focus()
        self.call_after_refresh(lines.place_cursor, None)  # as a view shows what it read

    def on_lines_highlighted(self, message: Lines.Highlighted) -> None:
        self.heard.append(message)

    @on(Lines.Selected)
    def _selected(self, message: Lines.Selected) -> None:
        self.heard.append(message)


@asynccontextmanager
async def shown() -> AsyncIterator[tuple[ListApp, Pilot[None], Lines]]:
    """The list in a 30x12 terminal (a border, a header row, then 8 rows: 4 lines), focused,
    with the cursor on its first line."""
    app = ListApp()
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        yield app, pilot, app.query_one(Lines)


def _selected(app: ListApp) -> list[int]:
    return [m.index for m in app.heard if isinstance(m, Lines.Selected)]


async def test_the_cursor_keys_skip_headings_and_page_by_a_screenful() -> None:
    async with shown() as (_, pilot, lines):
        assert lines.highlighted == 1  # the first line it may rest on
        await pilot.press("down", "j", "j", "j")
        assert lines.highlighted == 6  # 5 is a heading
        await pilot.press("up", "k")
        assert lines.highlighted == 3
        await pilot.press("end")
        assert lines.current == "line 11"
        await pilot.press("down")
        assert lines.highlighted == 11  # it stays at the end
        await pilot.press("home")
        assert lines.highlighted == 1
        await pilot.press("G", "g")
        assert lines.highlighted == 1
        await pilot.press("pagedown")  # 8 rows hold 4 lines of 2
        assert lines.highlighted == 6  # 5, a heading, goes on to 6
        await pilot.press("pagedown", "pagedown")
        assert lines.highlighted == 11
        await pilot.press("pageup")
        assert lines.highlighted == 7
        await pilot.press("pageup", "pageup")
        assert lines.highlighted == 1  # 0 is a heading: the nearest line after it


async def test_the_cursor_line_is_kept_in_view_below_the_header() -> None:
    async with shown() as (_, pilot, lines):
        await pilot.press("end")
        assert lines.scroll_offset.y == lines.virtual_size.height - lines.size.height
        assert lines.render_line(lines.size.height - 1).text.startswith("line 11")
        assert lines.render_line(0).text.strip() == ""  # the header row stays put
        await pilot.press("home")
        # The heading above the first line shows with it (the recurring grid's "Clients").
        assert lines.scroll_offset.y == 0
        assert lines.render_line(1).text.startswith("heading 0")
        assert lines.render_line(3).text.startswith("line 1")
        await pilot.press("pagedown")
        rows = [lines.render_line(y).text for y in range(1, lines.size.height)]
        assert lines.highlighted == 6 and any(row.startswith("heading 5") for row in rows)


async def test_a_click_puts_the_cursor_on_the_line_and_a_double_click_selects_it() -> None:
    async with shown() as (app, pilot, lines):
        # Rows inside the border: 0 is the header, then two rows a line.
        await pilot.click(lines, offset=(3, 1 + 1 + 2 * 3 + 1))  # the second row of line 3
        assert lines.highlighted == 3
        await pilot.click(lines, offset=(3, 1 + 1))  # line 0: a heading
        await pilot.click(lines, offset=(3, 1))  # the header
        assert lines.highlighted == 3
        assert _selected(app) == []
        await pilot.click(lines, offset=(3, 1 + 1 + 2 * 2), times=2)
        assert lines.highlighted == 2
        assert _selected(app) == [2]


async def test_highlighted_and_selected_carry_the_list_as_control() -> None:
    async with shown() as (app, pilot, lines):
        app.heard.clear()
        await pilot.press("down", "enter")
        await pilot.pause()
        moved, chosen = app.heard
        assert isinstance(moved, Lines.Highlighted) and isinstance(chosen, Lines.Selected)
        assert moved.control is lines and chosen.control is lines
        assert (moved.index, chosen.index) == (2, 2)
        # Each list's messages are its own, so handlers are named after the widget.
        assert Lines.Highlighted.handler_name == "on_lines_highlighted"
        assert BoardColumn.Selected.handler_name == "on_board_column_selected"
        assert AgendaList.Highlighted.handler_name == "on_agenda_list_highlighted"
        assert WeekGrid.Highlighted.handler_name == "on_week_grid_highlighted"


async def test_the_cursor_line_is_drawn_again_when_focus_comes_and_goes() -> None:
    async with shown() as (app, pilot, lines):
        row = 1 + 2 * 1 - round(lines.scroll_offset.y)  # line 1, under the header

        def background() -> object:
            return next(s.style for s in lines.render_line(row) if s.style).bgcolor

        assert background() == lines.get_component_rich_style("lines--cursor").bgcolor
        app.query_one("#below").can_focus = True
        app.query_one("#below").focus()
        await pilot.pause()
        assert background() == lines.get_component_rich_style("lines--cursor-blurred").bgcolor
        lines.focus()
        await pilot.pause()
        assert background() == lines.get_component_rich_style("lines--cursor").bgcolor


async def test_drawn_lines_are_kept_until_what_they_show_changes() -> None:
    async with shown() as (_, _, lines):
        lines.drawn.clear()
        for _ in range(3):
            lines.render_line(5)  # line 2, not the cursor's
        assert lines.drawn == []
        lines.names[2] = "renamed"
        lines.render_line(5)
        assert lines.drawn == [2]


@pytest.mark.parametrize(
    ("widget", "scope", "keys"),
    [
        (BoardColumn, "board", "down,j up,k home,g end,G pagedown pageup enter"),
        (AgendaList, "agenda", "down,j up,k home,g end,G pagedown pageup"),
        (WeekGrid, "recurring", "down,j up,k right,l left,h pagedown pageup"),
    ],
)
def test_every_list_key_has_an_id_of_its_view(
    widget: type[LineList[object]], scope: str, keys: str
) -> None:
    bindings = [b for b in widget.BINDINGS if isinstance(b, Binding)]
    assert " ".join(b.key for b in bindings) == keys
    ids = [b.id for b in bindings]
    assert all(i is not None and i.startswith(f"{scope}.") for i in ids)
    assert len(set(ids)) == len(ids)


async def test_a_card_is_clicked_by_any_of_its_rows_and_a_double_click_edits_it(
    acme: Database,
) -> None:
    async with running(acme, size=(80, 24), client="Acme") as (app, pilot):
        await settle(pilot, app)
        planned = column(app, Status.PLANNED)
        height = planned.card_height  # the column's border is its row 0
        await pilot.click(planned, offset=(3, height))  # the first card's last row
        assert planned.highlighted == 0
        await pilot.click(planned, offset=(3, height + 1))
        assert planned.highlighted == 1
        await pilot.click(planned, offset=(3, 1), times=2)
        await settle(pilot, app)
        form = app.screen
        assert isinstance(form, ItemForm) and form.row is not None
        assert form.row["title"] == "Renew firewall licence"


async def test_a_double_click_on_an_agenda_item_opens_it_on_its_board(acme: Database) -> None:
    async with running(acme, size=(80, 24), client="Acme") as (app, pilot):
        screen = await press_and_settle(pilot, app, "a")
        listing = screen.query_one(AgendaList)
        line = next(n for n, (kind, _) in enumerate(listing.entries) if kind == "item")
        title = listing.entries[line][1]["title"]
        await pilot.click(listing, offset=(3, line - round(listing.scroll_offset.y)), times=2)
        await settle(pilot, app)
        card_in_front(app, "Acme", title=title)
