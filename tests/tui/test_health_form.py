"""The health-check form (issue 15): each value checked as typed, nothing saved while one is
wrong, good values kept as one check, the last check's values beside the fields, edits, and
Esc asking before it throws away what was typed."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import select

from actionplan.db import Database
from actionplan.models import HealthCheck
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens.health_checks import HealthChecksScreen
from actionplan.tui.screens.health_form import HealthFormScreen
from actionplan.tui.screens.people_dialogs import Confirm
from tests import support
from tests.support import count
from tests.support.health import KEY, form_ready, ident, last, note, save_check, type_in
from tests.support.pilot import running, settle, until


async def open_new_form(pilot: Any, app: ActionPlanApp) -> HealthFormScreen:
    """M on Acme's board, then n: the (only) form, ready to fill."""
    await settle(pilot, app)
    await pilot.press("M")
    await settle(pilot, app)
    assert isinstance(app.screen, HealthChecksScreen)
    await pilot.press("n")
    return await form_ready(pilot, app)


def kept(db: Database) -> list[dict[str, Any]]:
    with db.session() as s:
        return [json.loads(r.values_json) for r in s.exec(select(HealthCheck)).all()]


async def test_a_bad_value_shows_its_one_line_error_and_nothing_is_saved(db: Database) -> None:
    support.add(db, "Patch servers")
    async with running(db, client="Acme", size=(100, 40)) as (app, pilot):
        screen = await open_new_form(pilot, app)
        await type_in(pilot, screen, "servers_patched", "abc")
        assert note(screen, "servers_patched") == "servers_patched: 'abc' is not a number 0–100"
        await type_in(pilot, screen, "uptime_percent", "100.5")
        assert note(screen, "uptime_percent") == "uptime_percent: 100.5 is out of range 0–100"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert app.screen is screen
        assert screen.focused is not None and screen.focused.id == ident(screen, "servers_patched")
        assert count(db, "health_check") == 0


async def test_good_values_save_one_check_with_their_colour_shown(db: Database) -> None:
    support.add(db, "Patch servers")
    async with running(db, client="Acme", size=(100, 40)) as (app, pilot):
        screen = await open_new_form(pilot, app)
        await type_in(pilot, screen, "uptime_percent", "99.2")
        assert note(screen, "uptime_percent").startswith("amber")
        await type_in(pilot, screen, "failed_signins", "12")
        assert note(screen, "failed_signins") == ""
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert isinstance(app.screen, HealthChecksScreen)
        (values,) = kept(db)
        assert (values["uptime_percent"], values["failed_signins"]) == (99.2, 12)
        assert values["summary"] is None and values["recommendations"] == []
        await until(pilot, lambda: app.screen.data is not None and app.screen.data.checks)


async def test_the_last_checks_values_are_shown_beside_the_fields(db: Database) -> None:
    support.add(db, "Patch servers")
    save_check(db, {"uptime_percent": 99.7, "disk_use": ["FS01 D: 71%"]})
    async with running(db, client="Acme", size=(120, 40)) as (app, pilot):
        screen = await open_new_form(pilot, app)
        assert last(screen, "uptime_percent") == "last: 99.7%"
        assert last(screen, "disk_use") == "last: 1 entry"
        assert last(screen, "summary") == "last: blank"
        assert screen.query_one(f"#{ident(screen, 'uptime_percent')}").value == ""


async def test_edit_mode_is_filled_with_the_check_and_saves_its_new_values(db: Database) -> None:
    support.add(db, "Patch servers")
    save_check(db, {"uptime_percent": 99.7, "summary": "Quiet month"})
    async with running(db, client="Acme", size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("M")
        await settle(pilot, app)
        await pilot.press("e")
        screen = await form_ready(pilot, app)
        assert screen.query_one(f"#{ident(screen, 'uptime_percent')}").value == "99.7"
        await type_in(pilot, screen, "uptime_percent", "97")
        assert note(screen, "uptime_percent").startswith("red")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        (values,) = kept(db)
        assert (values["uptime_percent"], values["summary"]) == (97, "Quiet month")


async def test_escape_asks_before_throwing_away_what_was_typed(db: Database) -> None:
    support.add(db, "Patch servers")
    async with running(db, client="Acme", size=(100, 40)) as (app, pilot):
        screen = await open_new_form(pilot, app)
        await type_in(pilot, screen, "summary", "All fine")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, app)
        assert isinstance(app.screen, HealthChecksScreen)
        assert count(db, "health_check") == 0


async def test_escape_on_an_untouched_form_leaves_at_once(db: Database) -> None:
    support.add(db, "Patch servers")
    async with running(db, client="Acme", size=(100, 40)) as (app, pilot):
        await open_new_form(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, HealthChecksScreen)


async def test_marking_an_item_that_names_a_form_done_opens_the_form(db: Database) -> None:
    monthly = {"repeat_every": 1, "repeat_unit": "month", "health_form": KEY}
    item_id = support.add(db, "Monthly check", due=support.TODAY, **monthly)
    save_check(db, {"uptime_percent": 99.7})
    async with running(db, client="Acme", size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("x")
        screen = await form_ready(pilot, app)
        assert screen.item_id is None  # the item is done already
        assert last(screen, "uptime_percent") == "last: 99.7%"
        assert support.item(db, item_id).status.value == "done"
