"""A card's history on the board (i): every change, newest first, with who made it and why."""

from __future__ import annotations

from datetime import date

import pytest
from textual.binding import Binding
from textual.widgets import Label, Static

from actionplan import plan, queries
from actionplan.db import Database, DatabaseError
from actionplan.tui.live import PlanChanged
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.screens.history import HistoryScreen
from actionplan.tui.view import FailureLine
from actionplan.tui.widgets.column import BoardColumn
from tests.support import FixedClock, seed
from tests.support.pilot import (
    board,
    failure_said,
    opened,
    press_and_settle,
    raising,
    running,
    settle,
    shown,
    until,
)


def squash(line: str) -> str:
    """A line with each run of spaces made one: the columns' widths are not the point."""
    return " ".join(line.split())


def seed_changes(db: Database, fixed_clock: FixedClock) -> int:
    """One card created by Tester, re-dated by Ana with a reason, then taken on by Ben."""
    [item_id] = seed(db, "Renew firewall licence", due=date(2026, 11, 27))
    with db.session() as s:
        fixed_clock.step(60)
        plan.edit_item(
            session=s,
            item_id=item_id,
            author="Ana",
            due=date(2026, 12, 5),
            reason="vendor quote late",
        )
        fixed_clock.step(60)
        plan.edit_item(
            session=s, item_id=item_id, author="Ben", owner="Ben", committed=date(2026, 12, 5)
        )
    return item_id


async def open_history(pilot, app) -> HistoryScreen:
    await settle(pilot, app)
    return await opened(pilot, app, "i", HistoryScreen, lambda s: s.changes)


async def loaded(pilot, screen: HistoryScreen, at_least: int) -> None:
    """Wait until the history shows at least ``at_least`` changes."""
    await until(pilot, lambda: screen.changes is not None and len(screen.changes) >= at_least)


async def test_i_lists_every_change_newest_first_with_who_and_why(
    db: Database, fixed_clock: FixedClock, utc_zone: None
) -> None:
    seed_changes(db, fixed_clock)
    async with running(db, size=(120, 40)) as (app, pilot):
        screen = await open_history(pilot, app)
        assert [(c.author, c.text) for c in screen.changes or []] == [
            ("Ben", "owner: none → Ben"),
            ("Ben", "committed: none → 2026-12-05"),
            ("Ana", "due: 2026-11-27 → 2026-12-05"),
            ("Tester", "created"),
        ]
        heading = str(screen.query_one("#history-title", Label).content)
        assert "Renew firewall licence" in heading and "4 changes, newest first" in heading
        lines = shown(screen.query_one("#history-rows", Static))
        # One row per change made, newest first; a change's fields under it, its reason last.
        assert squash(lines[0]) == "Mon 23 Nov 11:00 Ben owner: none → Ben"
        assert squash(lines[1]) == "committed: none → 2026-12-05"
        assert squash(lines[2]) == "Mon 23 Nov 10:00 Ana due: 2026-11-27 → 2026-12-05"
        assert squash(lines[3]) == "why: vendor quote late"
        assert squash(lines[4]) == "Mon 23 Nov 09:00 Tester created"
        assert isinstance(await press_and_settle(pilot, app, "escape"), BoardScreen)


async def test_the_history_reads_again_when_someone_else_changes_the_plan(
    db: Database, fixed_clock: FixedClock
) -> None:
    item_id = seed_changes(db, fixed_clock)
    async with running(db, size=(120, 40)) as (app, pilot):
        screen = await open_history(pilot, app)
        assert len(screen.changes or []) == 4
        with db.session() as s:
            fixed_clock.step(5)
            plan.edit_item(session=s, item_id=item_id, author="Cy", title="Renew the licence")
        app.post_message(PlanChanged())
        await loaded(pilot, screen, at_least=5)
        assert screen.changes is not None
        assert (screen.changes[0].author, screen.changes[0].text) == (
            "Cy",
            "title: Renew firewall licence → Renew the licence",
        )
        assert app.screen is screen  # still open, on top of the board


async def test_without_a_card_the_key_does_nothing(db: Database) -> None:
    seed(db, "Already started", status="doing")  # the Planned column, focused first, is empty
    async with running(db, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        assert board(app).card is None
        assert board(app).check_action("history", ()) is False
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)


async def test_a_long_history_fits_80_by_24_and_scrolls(
    db: Database, fixed_clock: FixedClock
) -> None:
    [item_id] = seed(db, "Renew firewall licence")
    with db.session() as s:
        for n in range(30):
            fixed_clock.step(1)
            plan.edit_item(session=s, item_id=item_id, author=f"Person {n}", title=f"Title {n}")
    async with running(db, size=(80, 24)) as (app, pilot):
        screen = await open_history(pilot, app)
        dialog = screen.query_one(".dialog").region
        assert dialog.bottom <= 24 and dialog.right <= 80
        scroll = screen.query_one("#history-scroll")
        assert scroll.max_scroll_y > 0 and scroll.has_focus
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y


async def test_a_failed_read_says_why_and_ctrl_r_reads_again(
    sqlite_db: Database, fixed_clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_changes(sqlite_db, fixed_clock)
    item_history = queries.item_history
    why = "the database cannot be reached"
    monkeypatch.setattr(queries, "item_history", raising(DatabaseError(why)))
    async with running(sqlite_db, size=(120, 40)) as (app, pilot):
        screen = await press_and_settle(pilot, app, "i")
        assert isinstance(screen, HistoryScreen)
        await failure_said(pilot, screen, "the history", why)
        assert screen.changes is None
        monkeypatch.setattr(queries, "item_history", item_history)
        await pilot.press("ctrl+r")
        await loaded(pilot, screen, at_least=4)
        assert not screen.query(FailureLine)
        lines = shown(screen.query_one("#history-rows", Static))
        assert "Ben owner: none → Ben" in squash(lines[0])
        assert app.screen is screen


def test_i_is_no_other_board_key() -> None:
    keys = [
        key.strip()
        for binding in [*BoardScreen.BINDINGS, *BoardColumn.BINDINGS]
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
    ]
    assert keys.count("i") == 1
    assert len(keys) == len(set(keys))
