"""The template picker (T on the board): apply to the board's client, broken templates, a failed
read."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from actionplan.db import Database
from actionplan.tui.app import ActionPlanApp
from tests.support import add, items, own_template
from tests.support.pilot import press_and_settle, running, settle


async def open_picker(pilot: Any, app: ActionPlanApp) -> Any:
    from actionplan.tui.screens.template_picker import TemplatePicker

    picker = await press_and_settle(pilot, app, "T")
    assert isinstance(picker, TemplatePicker)
    assert picker.entries, "the templates were not listed"
    return picker


def feedback(app: ActionPlanApp) -> str:
    return str(app.screen.query_one("#template-feedback").render())


async def test_shift_t_applies_a_template_to_the_boards_client(db: Database) -> None:
    from actionplan.tui.screens.board import BoardScreen

    add(db, "Existing")
    async with running(db, size=(100, 30)) as (app, pilot):
        picker = await open_picker(pilot, app)
        assert [e.name for e in picker.entries] == ["Monthly health check", "New client onboarding"]
        await pilot.press("down")
        await pilot.press("ctrl+a", "ctrl+k", *"+1w")  # replace "today"
        await pilot.pause()
        assert "Mon 30 Nov 2026 · 11 items, the last due Wed 30 Dec 2026" in feedback(app)
        assert isinstance(await press_and_settle(pilot, app, "enter"), BoardScreen)
        said = [n.message for n in app._notifications]
        assert any("Added 11 items from New client onboarding (u to undo)" in m for m in said)
        added = items(db, deleted=False)[1:]
        assert len(added) == 11
        assert min(i.due for i in added if i.due) == date(2026, 11, 30)
        assert all(i.client_id == items(db, deleted=False)[0].client_id for i in added)
        assert len(app.screen.rows) == 12  # the board reloaded
        await pilot.press("u")  # one undo takes the whole checklist away
        await settle(pilot, app)
        assert [i.title for i in items(db, deleted=False)] == ["Existing"]


async def test_a_broken_template_shows_its_error_and_adds_nothing(sqlite_db: Database) -> None:
    own_template("[[items]]\ntitle = 'A'\ndue = 'whenever'\n", stem="aaa-broken")
    add(sqlite_db, "Existing")
    async with running(sqlite_db, size=(80, 24)) as (app, pilot):
        picker = await open_picker(pilot, app)
        assert picker.entries[0].loaded is None  # "aaa-broken" sorts first
        assert "due 'whenever' is not +N days" in feedback(app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen is picker
        assert len(items(sqlite_db, deleted=False)) == 1
        await pilot.press("down", "ctrl+a", "ctrl+k", *"someday")
        await pilot.pause()
        assert "can't read date 'someday'" in feedback(app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen is picker and len(items(sqlite_db, deleted=False)) == 1
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is not picker and len(items(sqlite_db, deleted=False)) == 1


async def test_templates_that_cannot_be_read_say_why_and_esc_closes(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import OptionList

    import actionplan.templates
    from actionplan.tui.screens.template_picker import TemplatePicker

    def broken() -> list[Any]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(actionplan.templates, "list_templates", broken)
    add(sqlite_db, "Existing")
    async with running(sqlite_db, size=(80, 24)) as (app, pilot):
        picker = await press_and_settle(pilot, app, "T")
        assert isinstance(picker, TemplatePicker) and not picker.entries
        assert feedback(app) == "Could not read the templates: Permission denied"
        assert picker.query_one("#templates", OptionList).option_count == 0  # no "reading…"
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen is picker and len(items(sqlite_db, deleted=False)) == 1
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is not picker
