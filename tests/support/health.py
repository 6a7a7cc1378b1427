"""Helpers of the health-check screens' tests: a saved check, and the form screen's fields."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.widgets import Static

from actionplan.db import Database
from actionplan.health.catalogue import find_form
from actionplan.plan.health import Entry, keep_check
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens.health_form import HealthFormScreen
from tests.support import AUTHOR, TODAY
from tests.support.pilot import settle, until, words

KEY = "monthly-it-health-check"


def save_check(db: Database, values: dict[str, Any], on: date = TODAY, client: str = "Acme") -> int:
    """A check of the monthly form kept for ``client``; its id."""
    with db.session() as s:
        entry = Entry(find_form(KEY), values, client=client, checked_on=on)
        row = keep_check(session=s, entry=entry, author=AUTHOR)
        assert row.id is not None
        return row.id


async def form_ready(pilot: Any, app: ActionPlanApp) -> HealthFormScreen:
    """The form screen in front, once its fields are drawn and filled."""
    screen = app.screen
    assert isinstance(screen, HealthFormScreen), screen
    await until(pilot, lambda: bool(screen.typed), seconds=5)
    await settle(pilot, app)
    return screen


def ident(screen: HealthFormScreen, key: str) -> str:
    """The id of the widget of the field ``key`` ("checked_on" for the date)."""
    return next(i for i, f in screen.fields.items() if f.key == key)


async def type_in(pilot: Any, screen: HealthFormScreen, key: str, text: str) -> None:
    """Empty the field ``key`` and type ``text`` in it."""
    from textual.widgets import Input

    widget = screen.query_one(f"#{ident(screen, key)}", Input)
    widget.value = ""
    widget.focus()
    await pilot.press(*text)
    await pilot.pause()


def note(screen: HealthFormScreen, key: str) -> str:
    """The line under the field ``key``."""
    return words(screen.query_one(f"#{ident(screen, key)}-note", Static))


def last(screen: HealthFormScreen, key: str) -> str:
    """The last check's value beside the field ``key``."""
    row = screen.query_one(f"#{ident(screen, key)}").parent
    assert row is not None
    return words(row.query_one(".hc-last", Static))
