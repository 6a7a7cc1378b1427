"""Every view lists its keys on ?, and the owner's items stay in reach at 80x24."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import pytest
from rich.console import Console
from textual.binding import Binding
from textual.widgets import Label, Static

from actionplan import plan
from actionplan.config import Config
from actionplan.db import Database
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.screens.keys_help import KeysHelp, key_rows
from actionplan.tui.screens.workload import OwnerItems
from actionplan.tui.widgets.agenda_list import AgendaList
from tests.pilot import settle

TODAY = date(2026, 11, 23)  # a Monday
AUTHOR = "Tester"


def make_app(db: Database) -> ActionPlanApp:
    return ActionPlanApp(db, Config(name=AUTHOR), today=lambda: TODAY, client="Acme")


def add(db: Database, title: str, **values: Any) -> None:
    with db.session() as s:
        plan.add_item(session=s, author=AUTHOR, client="Acme", title=title, **values)


def listed(screen: KeysHelp) -> str:
    """Everything the dialog says, as plain text."""
    console = Console(width=120, record=True, file=io.StringIO())
    for static in screen.query(Static):
        console.print(static.content)
    return " ".join(console.export_text().split())


def test_key_rows_show_remapped_keys_and_readable_names() -> None:
    bindings = [
        Binding("question_mark", "help", "Help", id="v.help", tooltip="This list of keys"),
        Binding("j,down", "down", "Next", id="v.down"),
    ]
    assert key_rows(bindings, {"v.down": "n"}) == [("?", "This list of keys"), ("n", "Next")]


@pytest.mark.parametrize(
    ("key", "expected"),
    [("a", "Next heading"), ("w", "Next owner"), ("R", "Week after")],
)
async def test_question_mark_lists_the_views_keys_and_escape_closes(
    db: Database, key: str, expected: str
) -> None:
    add(db, "Patch servers", owner="Ann", due=TODAY, repeat_every=1, repeat_unit="week")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press(key)
        await settle(pilot, app)
        view = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysHelp)
        assert expected in listed(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is view


async def test_an_owners_last_item_can_be_reached_at_80x24(db: Database) -> None:
    for n in range(16):  # more lines than the dialog has rows
        add(db, f"Check {n}", owner="Ann", due=TODAY + timedelta(days=3 * n))
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("w")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        dialog = app.screen
        assert isinstance(dialog, OwnerItems)
        await pilot.press("end")
        await pilot.pause()
        listing = dialog.query_one(AgendaList)
        hint = dialog.query_one(".dialog-hint", Label)
        box = dialog.query_one(".owner-items")
        assert listing.current_item is not None and listing.current_item["title"] == "Check 15"
        assert listing.region.bottom <= hint.region.y  # the hint covers no line
        assert hint.region.bottom <= box.region.bottom - 1  # inside the border
        top = round(listing.scroll_offset.y)
        assert top <= (listing.cursor or 0) < top + listing.size.height  # the cursor is seen
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, BoardScreen)
