"""The health checks due (Q on the board, issue 15): one at a time, as triage; filling one in
saves the check and completes its recurring item; s skips; an empty queue says so."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual.widgets import Select, Static

from actionplan.db import Database
from actionplan.models import Status
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.screens.health_queue import HealthQueueScreen
from tests import support
from tests.support import TODAY, count, item
from tests.support.health import KEY, form_ready, type_in
from tests.support.pilot import press_help, running, settle, until, words

MONTHLY = {"repeat_every": 1, "repeat_unit": "month", "health_form": KEY}


async def open_queue(pilot: Any, app: ActionPlanApp) -> HealthQueueScreen:
    await settle(pilot, app)
    await pilot.press("Q")
    screen = app.screen
    assert isinstance(screen, HealthQueueScreen)
    await until(pilot, lambda: screen.queue is not None)
    return screen


def title(screen: HealthQueueScreen) -> str:
    return words(screen.query_one("#hq-title", Static))


async def test_fill_one_due_check_and_skip_the_next(db: Database) -> None:
    late = support.add(db, "Monthly check", "Acme", due=TODAY - timedelta(days=3), **MONTHLY)
    soon = support.add(db, "Monthly check", "Globex", due=TODAY + timedelta(days=4), **MONTHLY)
    async with running(db, client="Acme", size=(100, 30)) as (app, pilot):
        screen = await open_queue(pilot, app)
        assert title(screen) == (
            "Health checks due Check 1 of 2 · Acme · Monthly IT health check "
            "· due Fri 20 Nov (overdue 3 d)"
        )
        assert "Last never checked with this form" in words(screen.query_one("#hq-card", Static))
        await pilot.press("enter")
        form = await form_ready(pilot, app)
        assert form.item_id == late
        await type_in(pilot, form, "uptime_percent", "99.9")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert app.screen is screen
        assert count(db, "health_check") == 1
        assert support.item(db, late).status == Status.DONE
        assert title(screen).startswith("Health checks due Check 2 of 2 · Globex")
        assert "due Fri 27 Nov (in 4 d)" in title(screen)
        await pilot.press("s")
        card = words(screen.query_one("#hq-card", Static))
        assert "Filled in: 1 Skipped: 1" in card
        assert support.item(db, soon).status == Status.PLANNED
        await pilot.press("q")
        await settle(pilot, app)
        assert isinstance(app.screen, BoardScreen)


async def test_an_empty_queue_says_so(db: Database) -> None:
    support.add(db, "Patch servers")
    async with running(db, client="Acme", size=(100, 30)) as (app, pilot):
        screen = await open_queue(pilot, app)
        assert "No health checks due in the next 7 days" in words(
            screen.query_one("#hq-card", Static)
        )


async def test_the_boards_help_lists_the_health_keys(db: Database) -> None:
    support.add(db, "Patch servers")
    async with running(db, client="Acme", size=(100, 40)) as (app, pilot):
        await settle(pilot, app)
        shown = await press_help(pilot, app)
        keys = {row.binding.id: row.shown_keys for row in shown.rows}
        assert keys["board.health_checks"] == "M"
        assert keys["board.health_queue"] == "Q"


async def test_the_item_editor_names_a_form_and_clears_it(acme: Database) -> None:
    """A recurring check's form is set and cleared in the item editor (issue 15, point 3)."""
    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("enter")
        app.screen.query_one("#health_form", Select).value = "monthly-it-health-check"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert item(acme, 1).health_form == "monthly-it-health-check"
        await pilot.press("enter")
        assert app.screen.query_one("#health_form", Select).value == "monthly-it-health-check"
        app.screen.query_one("#health_form", Select).clear()
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert item(acme, 1).health_form is None
