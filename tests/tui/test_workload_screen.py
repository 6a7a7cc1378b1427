"""The workload screen: bars, an owner's items, Enter to the board, 80 columns, a failed read."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Any

import pytest
from textual.widgets import DataTable

from actionplan.db import Database, DatabaseError
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens import workload as workload_view
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.screens.workload import OwnerItems, WorkloadScreen, bar
from actionplan.workload import NO_OWNER, workload
from tests.support import TODAY, add, person
from tests.support.pilot import (
    agenda_items,
    card_in_front,
    failure_said,
    press_and_settle,
    raising,
    read_again,
    running,
    settle,
)


def test_bars_scale_to_the_busiest_week() -> None:
    assert bar(0, 10, 8) == ""
    assert bar(10, 10, 8) == "█" * 8
    assert bar(5, 10, 8) == "█" * 4
    assert bar(1, 100, 8) == "▏"  # never invisible when there is something


@pytest.fixture
def team(db: Database) -> dict[str, int]:
    person(db, "Ann Lee", "Infrastructure", "us")
    return {
        "ann_late": add(
            db, "Renew firewall", client="Globex", owner="Ann Lee", due=date(2026, 11, 20)
        ),
        "ann_today": add(db, "Test backups", owner="Ann Lee", due=TODAY),
        "ben": add(db, "Patch servers", owner="Ben Okafor", due=TODAY),
        "nobody": add(db, "Move DNS", due=date(2026, 12, 2)),
    }


def table_of(screen: WorkloadScreen) -> DataTable[Any]:
    return screen.query_one("#workload-table", DataTable)


@asynccontextmanager
async def workload_open(
    db: Database, size: tuple[int, int]
) -> AsyncIterator[tuple[ActionPlanApp, Any, WorkloadScreen]]:
    """The app on ``db`` in a terminal of ``size``, the workload (w) in front."""
    async with running(db, workload_limit=1, size=size) as (app, pilot):
        screen = await press_and_settle(pilot, app, "w")
        assert isinstance(screen, WorkloadScreen)
        yield app, pilot, screen


async def test_enter_on_an_owner_lists_their_items_and_enter_opens_one(
    db: Database, team: dict[str, int]
) -> None:
    async with workload_open(db, (160, 45)) as (app, pilot, screen):
        table = table_of(screen)
        assert [o.name if o else "Everyone" for o in screen.owners] == [
            "Ann Lee",
            "Ben Okafor",
            NO_OWNER,
            "Everyone",
        ]
        first_week = table.get_row_at(0)[3]
        assert first_week.plain.endswith(" 2") and "red" in str(first_week.spans[0].style)
        listing = await press_and_settle(pilot, app, "enter")
        assert isinstance(listing, OwnerItems)
        rows = agenda_items(listing)
        assert [(r["title"], r["client"]) for r in rows] == [
            ("Renew firewall", "Globex"),
            ("Test backups", "Acme"),
        ]
        await press_and_settle(pilot, app, "enter")
        card_in_front(app, "Globex", id=team["ann_late"])


async def test_nobody_row_lists_unowned_items_and_escape_goes_back(
    db: Database, team: dict[str, int]
) -> None:
    async with workload_open(db, (80, 24)) as (app, pilot, screen):
        await pilot.press("down", "down")
        assert screen.current is not None and screen.current.name == NO_OWNER
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, OwnerItems)
        rows = agenda_items(app.screen)
        assert [r["id"] for r in rows] == [team["nobody"]]
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is screen
        await pilot.press("down")  # the totals row lists nothing
        assert screen.current is None
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert isinstance(await press_and_settle(pilot, app, "escape"), BoardScreen)


async def test_at_80_columns_every_week_and_the_total_fit(
    db: Database, team: dict[str, int]
) -> None:
    async with workload_open(db, (80, 24)) as (_, _, screen):
        table = table_of(screen)
        columns = list(table.columns.values())
        # owner, six weeks, total, later: on screen without scrolling
        shown = sum(c.get_render_width(table) for c in columns[:9])
        assert shown <= 80 - 1
        assert table.get_row_at(0)[1].plain == "2"  # no bar, just the count


async def test_a_failed_read_says_why_and_ctrl_r_reads_again(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    person(sqlite_db, "Ann Lee", "Infrastructure", "us")
    add(sqlite_db, "Test backups", owner="Ann Lee", due=TODAY)
    why = "the database cannot be reached"
    monkeypatch.setattr(workload_view, "workload", raising(DatabaseError(why)))
    async with workload_open(sqlite_db, (120, 30)) as (app, pilot, screen):
        await failure_said(pilot, screen, "the workload", why)
        assert screen.load is None
        await read_again(pilot, screen, monkeypatch, workload_view, "workload", workload)
        assert [o.name if o else "Everyone" for o in screen.owners] == ["Ann Lee", "Everyone"]
        # The owner's items: the same line, and Ctrl+R there too.
        open_items = workload_view.open_items
        monkeypatch.setattr(workload_view, "open_items", raising(DatabaseError(why)))
        listing = await press_and_settle(pilot, app, "enter")
        assert isinstance(listing, OwnerItems)
        await failure_said(pilot, listing, "the owner's items", why)
        await read_again(pilot, listing, monkeypatch, workload_view, "open_items", open_items)
        rows = agenda_items(listing)
        assert [r["title"] for r in rows] == ["Test backups"]
