"""Two running apps on one database: each sees the other's changes, and no edit is lost."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Any

import pytest

from actionplan import plan
from actionplan.db import Database, open_database
from actionplan.models import Status
from actionplan.queries import item_history
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.live import ConnectionState
from actionplan.tui.screens.conflict import ConflictDialog
from actionplan.tui.screens.item_form import ItemForm
from tests.support import item, seed
from tests.support.pilot import column, ids, make_app, running, settle, until


@pytest.fixture
def two(acme: Database) -> Iterator[tuple[Database, Database]]:
    """Acme's plan opened twice, as two processes would (each with its own engine)."""
    other = open_database(acme.url)
    yield acme, other
    other.dispose()


@asynccontextmanager
async def side_by_side(
    db_a: Database, db_b: Database
) -> AsyncIterator[tuple[ActionPlanApp, Any, ActionPlanApp, Any]]:
    """An app on each connection, both settled: A, its pilot, B, its pilot."""
    async with running(db_a, (120, 40)) as (a, pa), running(db_b, (120, 40)) as (b, pb):
        await settle(pa, a)
        await settle(pb, b)
        yield a, pa, b, pb


async def test_a_change_in_one_app_shows_in_the_other_within_two_seconds(two) -> None:
    db_a, db_b = two
    async with side_by_side(db_a, db_b) as (a, pa, b, pb):
        column(b, Status.PLANNED).highlighted = 2  # B looks at the third card
        await pa.press("x")  # A marks the first card done
        await settle(pa, a)
        assert item(db_a, 1).status == Status.DONE
        await until(pb, lambda: 1 in ids(b, Status.DONE))
        assert ids(b, Status.PLANNED) == [2, 3]
        assert column(b, Status.PLANNED).current["id"] == 3  # B's cursor stayed on its card


async def test_the_other_apps_own_change_does_not_come_back_as_a_reload(two) -> None:
    db_a, db_b = two
    async with side_by_side(db_a, db_b) as (a, pa, _, _):
        loads = []
        screen = a.screen
        original = screen.reload
        screen.reload = lambda keep=None: (loads.append(keep), original(keep))  # type: ignore[method-assign]
        await pa.press("L")  # A's own move: already on A's screen
        await settle(pa, a)
        with db_b.session() as s:  # then B changes something
            plan.edit_item(session=s, item_id=2, author="Ben", title="Patch all servers")
        await until(
            pa,
            lambda: any(r["title"] == "Patch all servers" for r in column(a, Status.PLANNED).rows),
        )
        assert len(loads) == 1  # one reload, for B's change; none for A's own move


async def test_an_edit_in_progress_survives_a_refresh_and_a_clash_is_shown(two) -> None:
    db_a, db_b = two
    async with side_by_side(db_a, db_b) as (a, pa, b, pb):
        await pb.press("e")  # B starts editing the first card
        await pb.pause()
        assert isinstance(b.screen, ItemForm)
        b.screen.query_one("#title").value = "Renew the firewall licence (3 years)"
        await pa.press("D")  # meanwhile A re-dates it
        await pa.pause()
        a.screen.query_one("#answer").value = "2026-12-04"
        await pa.press("enter")
        await settle(pa, a)
        assert item(db_a, 1).due == date(2026, 12, 4)
        # B's board refreshes underneath; B's form keeps what B typed.
        board_b = b.screen_stack[-2]
        await until(pb, lambda: board_b.rows and board_b.rows[0]["due"] == date(2026, 12, 4))
        assert isinstance(b.screen, ItemForm)
        assert b.screen.query_one("#title").value == "Renew the firewall licence (3 years)"
        # B also sets a due date, a different one: that is a clash, shown with both dates.
        b.screen.query_one("#due").value = "2026-12-11"
        await pb.press("ctrl+s")
        await until(pb, lambda: isinstance(b.screen, ConflictDialog))
        clash = b.screen.clash
        assert [(f.field, f.mine, f.theirs) for f in clash.fields] == [
            ("due", date(2026, 12, 11), date(2026, 12, 4))
        ]
        assert item(db_b, 1).title == "Renew firewall licence"  # nothing of B's saved yet
        await pb.press("t")  # take theirs for the date; B's title still goes in
        await settle(pb, b)
        found = item(db_b, 1)
        assert found.due == date(2026, 12, 4)
        assert found.title == "Renew the firewall licence (3 years)"
        with db_b.session() as s:
            fields = [e.field for e in item_history(session=s, item_id=1)]
        assert "due" in fields and "title" in fields  # both people's edits are in the history


async def test_offline_refuses_changes_and_says_so(acme_offline) -> None:
    app, db = acme_offline
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        app.post_message(ConnectionState("cannot reach it"))
        await pilot.pause()
        assert "offline" in str(app.screen.query_one("#board-title").render())
        await pilot.press("x")
        await pilot.pause()
        assert item(db, 1).status == Status.PLANNED
        assert ids(app, Status.PLANNED)[0] == 1  # the card did not move on screen either
        assert any("offline" in n.message for n in app._notifications)
        app.post_message(ConnectionState(None))
        await pilot.pause()
        await pilot.press("x")
        await settle(pilot, app)
        assert item(db, 1).status == Status.DONE


@pytest.fixture
def acme_offline(sqlite_db: Database) -> tuple[ActionPlanApp, Database]:
    seed(sqlite_db, "Renew firewall licence", "Patch servers")
    return make_app(sqlite_db), sqlite_db


def test_the_watch_loop_stops_quickly(sqlite_db: Database) -> None:
    import threading

    from actionplan.tui.live import watch

    class App:
        db = sqlite_db
        own_operations: set[int] = set()
        watcher = None

        def post_message(self, message) -> None:
            pass

    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(App(), stop))
    thread.start()
    asyncio.run(asyncio.sleep(0.1))
    stop.set()
    thread.join(3)
    assert not thread.is_alive()


async def test_an_edit_saved_while_offline_stays_in_the_editor(acme_offline) -> None:
    app, db = acme_offline
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#title").value = "Renew the firewall licence"
        app.post_message(ConnectionState("cannot reach it"))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ItemForm)  # still open, with what was typed
        assert app.screen.query_one("#title").value == "Renew the firewall licence"
        app.post_message(ConnectionState(None))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert item(db, 1).title == "Renew the firewall licence"


async def test_a_change_made_while_a_view_is_in_front_shows_on_the_board_after(two) -> None:
    db_a, db_b = two
    async with running(db_a, (120, 40)) as (a, pa):
        await settle(pa, a)
        board_a = a.screen
        await pa.press("s")  # the summary preview in front of the board
        await pa.pause()
        with db_b.session() as s:
            plan.edit_item(session=s, item_id=2, author="Ben", title="Patch all servers")
        await until(pa, lambda: board_a.stale)  # noticed, not read while hidden
        await pa.press("escape")
        await until(pa, lambda: any(r["title"] == "Patch all servers" for r in board_a.rows))
