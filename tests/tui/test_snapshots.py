"""Snapshots of key screens on the demo plan at a fixed date: what a user sees, pixel for pixel.

Update after an intended change with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from actionplan import clock
from actionplan.demo import load_demo
from actionplan.tui.app import ActionPlanApp
from tests.support import TODAY
from tests.support.pilot import make_app, settle


@pytest.fixture
def demo_app(sqlite_db, monkeypatch) -> ActionPlanApp:
    # History shows when things changed: the demo is "loaded" at a fixed moment too.
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    with sqlite_db.session() as s:
        load_demo(session=s, today=TODAY)
    return make_app(sqlite_db)


def _after(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot, pilot.app)
        if keys:
            await pilot.press(*keys)
            await settle(pilot, pilot.app)

    return run_before


def test_board_at_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_after())


def test_board_at_160x45(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, terminal_size=(160, 45), run_before=_after("j", "l"))


def test_item_editor(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, terminal_size=(100, 32), run_before=_after("e"))


def test_help_screen(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, terminal_size=(100, 40), run_before=_after("question_mark"))


def test_triage_at_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_after("t"))


def test_agenda_at_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_after("a"))


def test_workload_at_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_after("w"))


def test_people_at_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_after("P"))
