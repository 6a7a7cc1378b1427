"""PostgreSQL stops while the board runs: offline is shown, edits are refused, then it comes back.

This test owns its server (a private cluster under /tmp) because it stops and restarts it; the
session's shared server must stay up for every other test.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from actionplan import plan
from actionplan.config import Config
from actionplan.db import Database, open_database
from actionplan.models import Item, Status
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens.board import BoardScreen
from tests.pilot import until
from tests.test_board import settle

TODAY = date(2026, 11, 23)
AUTHOR = "Tester"
NOTICED_WITHIN = 5.0
"""Seconds the app may take to notice the server went away, or came back (retry is 2 s)."""


class _Cluster:
    """A throwaway PostgreSQL cluster on a private Unix socket, run as postgres when root."""

    def __init__(self) -> None:
        self.root = Path("/tmp") / f"actionplan-offline-{uuid.uuid4().hex[:8]}"
        self.data = self.root / "data"
        self.port = 56432 + os.getpid() % 1000  # the socket lives in our own folder anyway
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not bins:
            raise RuntimeError("no PostgreSQL server installed (apt-get install postgresql)")
        self.bin = bins[-1].parent
        self.url = ""

    def _run(self, *args: str) -> None:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        # A file, not a pipe: the server inherits it and would hold a pipe open.
        with (self.root / "commands.log").open("ab") as log:
            subprocess.run(cmd, check=True, stdout=log, stderr=log, timeout=60)

    def create(self) -> None:
        self.root.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()
        self.url = f"postgresql+psycopg://postgres@/postgres?host={self.root}&port={self.port}"

    def start(self) -> None:
        opts = f"-p {self.port} -k {self.root} -c listen_addresses='' -c fsync=off"
        log = str(self.root / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", log, "-w", "start")

    def stop(self, mode: str = "immediate") -> None:
        """Stop: "immediate" as a crash would (no goodbye), "fast" as an administrator would."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def remove(self) -> None:
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.SubprocessError):
                self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def cluster() -> Iterator[_Cluster]:
    """A cluster of this test's own, removed afterwards even when the test fails."""
    try:
        server = _Cluster()
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
def pg(cluster: _Cluster) -> Iterator[Database]:
    """The cluster's database, migrated, with two cards on Acme's board."""
    db = open_database(cluster.url)
    with db.session() as s:
        for title in ("Renew firewall licence", "Patch servers"):
            plan.add_item(session=s, author=AUTHOR, client="Acme", title=title)
    yield db
    db.dispose()


def status_of(db: Database, item_id: int) -> Status:
    with db.session() as s:
        found = s.get(Item, item_id)
        assert found is not None
        return found.status


def title_text(app: ActionPlanApp) -> str:
    return str(app.screen.query_one("#board-title").render())


def notes(app: ActionPlanApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


def planned(app: ActionPlanApp) -> list[int]:
    screen = app.screen
    assert isinstance(screen, BoardScreen)
    return [r["id"] for r in screen.query_one(f"#col-{Status.PLANNED.value}").rows]


@pytest.mark.parametrize("mode", ["immediate", "fast"])
async def test_the_server_stops_and_comes_back_while_the_board_runs(
    cluster: _Cluster, pg: Database, mode: str
) -> None:
    app = ActionPlanApp(pg, Config(name=AUTHOR), today=lambda: TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert planned(app) == [1, 2]
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
        assert planned(app) == [1, 2]  # nothing moved on screen
        assert app.writes_pending == 0  # nor was it queued to go in later, unseen

        await asyncio.to_thread(cluster.start)
        assert status_of(pg, 1) == Status.PLANNED  # nothing was saved while it was down
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
        assert status_of(pg, 1) == Status.DONE
        assert planned(app) == [2]
