"""The board's reads fail in one place: a failed read says why, Ctrl+R reads again (issue 12)."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import DatabaseError

from actionplan.db import Database
from actionplan.queries import list_items
from actionplan.tui.view import FailureLine
from tests.support import seed
from tests.support.pilot import board, press_and_settle, raising, running, settle

GONE = DatabaseError("SELECT", None, Exception("the server is gone"))


async def test_a_board_that_cannot_be_read_says_why_and_ctrl_r_reads_it_again(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(db, "Renew firewall", "Patch VPN")
    monkeypatch.setattr("actionplan.tui.screens.board.list_items", raising(GONE))
    async with running(db, size=(120, 30)) as (app, pilot):
        await settle(pilot, app)
        screen = board(app)
        failure = str(screen.query_one(FailureLine).render())
        assert "Could not read the board" in failure and "the server is gone" in failure
        assert "Ctrl+R to try again" in failure
        assert not screen.loaded_once
        monkeypatch.setattr("actionplan.tui.screens.board.list_items", list_items)
        await press_and_settle(pilot, app, "ctrl+r")
        assert screen.loaded_once and not screen.query(FailureLine)
        assert sorted(r["title"] for r in screen.rows) == ["Patch VPN", "Renew firewall"]


async def test_client_counts_that_cannot_be_read_are_said_not_swallowed(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(db, "Renew firewall")
    async with running(db, size=(120, 30)) as (app, pilot):
        await settle(pilot, app)
        monkeypatch.setattr("actionplan.tui.screens.board.clients_with_counts", raising(GONE))
        board(app).refresh_counts()
        for _ in range(100):
            await pilot.pause()
            if app._notifications:
                break
        said = [n.message for n in app._notifications]
        assert any("the server is gone" in m for m in said), said
