"""A snapshot of the health-check form (issue 15) on the demo plan, with a check before it:
every field under its heading, the last values beside them, a bad value's error and a value's
threshold colour. Update after an intended change with --snapshot-update."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from textual.widgets import Input

from actionplan import clock
from actionplan.demo import load_demo
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens.health_form import HealthFormScreen
from tests.support import TODAY
from tests.support.health import form_ready, save_check, type_in
from tests.support.pilot import make_app, settle


@pytest.fixture
def demo_app(sqlite_db, monkeypatch) -> ActionPlanApp:
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    with sqlite_db.session() as s:
        load_demo(session=s, today=TODAY)
    values = {"uptime_percent": 99.7, "servers_patched": 96, "disk_use": ["FS01 D: 71%"]}
    save_check(sqlite_db, values, on=TODAY - timedelta(days=30), client="Northwind Logistics")
    return make_app(sqlite_db, client="Northwind Logistics")


async def _fill(pilot) -> None:
    app = pilot.app
    await settle(pilot, app)
    app.push_screen(HealthFormScreen("Northwind Logistics", "monthly-it-health-check"))
    screen = await form_ready(pilot, app)
    await type_in(pilot, screen, "servers_patched", "abc")
    await type_in(pilot, screen, "workstations_patched", "85")
    for box in screen.query(Input):
        box.cursor_blink = False  # the cursor drawn the same in every run
    await settle(pilot, app)


def test_health_form_at_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_fill)
