"""PostgreSQL stops while the board runs: offline is shown, edits are refused, then it comes back.

This test owns its server (a private cluster under /tmp) because it stops and restarts it; the
session's shared server must stay up for every other test.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from actionplan import plan
from actionplan.db import Database, open_database
from actionplan.models import Status
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens.board import BoardScreen
from tests.support import item, seed
from tests.support.pilot import ids, running, settle, until
from tests.support.postgres import PgCluster

NOTICED_WITHIN = 5.0
"""Seconds the app may take to notice the server went away, or came back (retry is 2 s)."""


@pytest.fixture
def cluster() -> Iterator[PgCluster]:
    """A cluster of this test's own, removed afterwards even when the test fails."""
    root = Path("/tmp") / f"actionplan-offline-{uuid.uuid4().hex[:8]}"
    try:
        # The socket lives in the cluster's own folder; the port only has to differ from the
        # shared server's.
        server = PgCluster(root, 56432 + os.getpid() % 1000, fast=True, timeout=60)
    except RuntimeError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {exc}")
        pytest.skip(str(exc))
    try:
        server.create()
        yield server
    finally:
        server.remove()


@pytest.fixture
def pg(cluster: PgCluster) -> Iterator[Database]:
    """The cluster's database, migrated, with two cards on Acme's board."""
    db = open_database(cluster.url)
    seed(db, "Renew firewall licence", "Patch servers")
    yield db
    db.dispose()


def title_text(app: ActionPlanApp) -> str:
    return str(app.screen.query_one("#board-title").render())


def notes(app: ActionPlanApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


@pytest.mark.parametrize("mode", ["immediate", "fast"])
async def test_the_server_stops_and_comes_back_while_the_board_runs(
    cluster: PgCluster, pg: Database, mode: str
) -> None:
    async with running(pg, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        assert ids(app, Status.PLANNED) == [1, 2]
        assert "offline" not in title_text(app)

        start = time.monotonic()
        await asyncio.to_thread(cluster.stop, mode)  # the app runs on meanwhile
        await until(pilot, lambda: "offline" in title_text(app), NOTICED_WITHIN)
        print(f"offline shown {time.monotonic() - start:.2f} s after the stop began")
        assert any(
            n.startswith("Offline: ") and "refused until it is back" in n for n in notes(app)
        )

        await pilot.press("x")  # done, on the first card: refused, and said so
        await pilot.pause()
        assert any("Not saved: the database cannot be reached" in n for n in notes(app))
        assert ids(app, Status.PLANNED) == [1, 2]  # nothing moved on screen
        assert app.writes_pending == 0  # nor was it queued to go in later, unseen

        await asyncio.to_thread(cluster.start)
        assert item(pg, 1).status == Status.PLANNED  # nothing was saved while it was down
        with pg.session() as s:  # someone else wrote as it came back: the board must show it
            plan.edit_item(session=s, item_id=2, author="Ben", title="Patch all servers")
        took = await until(pilot, lambda: "offline" not in title_text(app), NOTICED_WITHIN)
        print(f"online shown {took:.2f} s after the server was up")
        assert any(n.startswith("Online: ") and "database is back" in n for n in notes(app))
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        await until(pilot, lambda: any(r["title"] == "Patch all servers" for r in screen.rows), 2.0)

        await pilot.press("x")
        await settle(pilot, app)
        assert item(pg, 1).status == Status.DONE
        assert ids(app, Status.PLANNED) == [2]
