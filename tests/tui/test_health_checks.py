"""A client's health checks (M on the board, issue 15): the list, newest first; the trends;
recommendations turned into plan items with one key, once, which undo removes; the PDF."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select
from textual.widgets import OptionList, Static

from actionplan.db import Database
from actionplan.models import Item, Status, Visibility
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.screens.health_checks import HealthChecksScreen
from actionplan.tui.screens.health_dialogs import RecommendationPicker
from actionplan.tui.screens.help import HelpScreen
from tests import support
from tests.support import TODAY
from tests.support.health import save_check
from tests.support.pilot import press_help, running, settle, until, words

ADVICE = ["Replace the UPS battery", "Enable MFA for admins", "Renew the firewall licence"]


@pytest.fixture
def checked(db: Database) -> Database:
    """Acme with two monthly checks: October's and November's (three recommendations)."""
    support.add(db, "Patch servers")
    save_check(db, {"uptime_percent": 99.9, "summary": "Quiet"}, on=TODAY - timedelta(days=30))
    save_check(db, {"uptime_percent": 99.1, "recommendations": ADVICE}, on=TODAY)
    return db


async def open_checks(pilot: Any, app: ActionPlanApp) -> HealthChecksScreen:
    await settle(pilot, app)
    await pilot.press("M")
    await settle(pilot, app)
    screen = app.screen
    assert isinstance(screen, HealthChecksScreen)
    await until(pilot, lambda: screen.data is not None)
    return screen


def from_checks(db: Database) -> list[Item]:
    with db.session() as s:
        stmt = select(Item).where(col(Item.from_check).is_not(None), col(Item.deleted_at).is_(None))
        return list(s.exec(stmt.order_by(col(Item.id))).all())


async def test_the_list_shows_the_clients_checks_newest_first_with_trends(
    checked: Database,
) -> None:
    async with running(checked, client="Acme", size=(120, 30)) as (app, pilot):
        screen = await open_checks(pilot, app)
        listing = screen.query_one(OptionList)
        lines = [str(listing.get_option_at_index(n).prompt) for n in range(listing.option_count)]
        assert lines[0].startswith("Mon 23 Nov") and "3 recommendations" in lines[0]
        assert lines[1].startswith("Sat 24 Oct") and "Quiet" in lines[1]
        assert "2 checks" in words(screen.query_one("#hcl-title", Static))
        trends = words(screen.query_one("#hcl-trends", Static))
        assert "Trends · Monthly IT health check · 2 checks" in trends
        assert "Uptime this period █▁ 99.1% ← 99.9%" in trends
        await pilot.press("t")
        assert not screen.query_one("#hcl-trends").display


async def test_recommendations_become_items_once_and_undo_removes_them(checked: Database) -> None:
    async with running(checked, client="Acme", size=(120, 30)) as (app, pilot):
        await open_checks(pilot, app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RecommendationPicker)
        await pilot.press("space", "down", "down", "space", "enter")
        await settle(pilot, app)
        items = from_checks(checked)
        assert [i.title for i in items] == ["Replace the UPS battery", "Renew the firewall licence"]
        assert {(i.status, i.visibility) for i in items} == {(Status.PLANNED, Visibility.CLIENT)}
        await pilot.press("r")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, RecommendationPicker)
        assert "(on the plan)" in str(picker.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("enter")  # the first again: not added twice
        await settle(pilot, app)
        assert len(from_checks(checked)) == 2
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, BoardScreen)
        await pilot.press("u")
        await settle(pilot, app)
        assert from_checks(checked) == []


async def test_p_writes_the_checks_pdf_into_the_export_folder(
    checked: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actionplan.tui.screens import summary_actions

    folder = tmp_path / "exports"
    monkeypatch.setattr(summary_actions, "export_folder", lambda: folder)
    async with running(checked, client="Acme", size=(120, 30)) as (app, pilot):
        await open_checks(pilot, app)
        await pilot.press("p")
        await until(pilot, lambda: folder.is_dir() and any(folder.iterdir()), seconds=20)
        (written,) = folder.iterdir()
        assert written.name == "Acme health check 2026-11-23.pdf"
        assert written.read_bytes().startswith(b"%PDF")


async def test_the_help_lists_the_keys_of_the_checks(checked: Database) -> None:
    async with running(checked, client="Acme", size=(120, 40)) as (app, pilot):
        await open_checks(pilot, app)
        shown = await press_help(pilot, app)
        assert isinstance(shown, HelpScreen)
        keys = {row.binding.id for row in shown.rows}
        assert {"health.new", "health.edit", "health.recommend", "health.pdf"} <= keys


async def test_a_flagged_pdf_asks_first_and_no_writes_nothing(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actionplan.tui.screens import summary_actions
    from actionplan.tui.screens.confirm_leaks import ConfirmLeaks

    folder = tmp_path / "exports"
    monkeypatch.setattr(summary_actions, "export_folder", lambda: folder)
    support.add(db, "Patch servers")
    save_check(db, {"summary": "Between us, dont tell the client about the outage"})
    async with running(db, client="Acme", size=(120, 30)) as (app, pilot):
        await open_checks(pilot, app)
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, ConfirmLeaks), seconds=20)
        await pilot.press("n")
        await settle(pilot, app)
        assert isinstance(app.screen, HealthChecksScreen)
        assert not folder.exists() or not any(folder.iterdir())
