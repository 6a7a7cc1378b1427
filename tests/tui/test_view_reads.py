"""A view whose first read fails says why in one line and stops saying "reading…"; Ctrl+R
reads it again (issue 12: every view reads and fails in one place, the base view)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.exc import DatabaseError

from actionplan.db import Database
from actionplan.tui.screens.agenda import AgendaScreen
from actionplan.tui.screens.recurring import RecurringScreen
from actionplan.tui.screens.workload import WorkloadScreen
from actionplan.tui.view import FailureLine, Heading, PlanView
from tests.support import seed
from tests.support.pilot import press_and_settle, raising, running, settle, until

GONE = DatabaseError("SELECT", None, Exception("the server is gone"))

VIEWS = [
    ("a", AgendaScreen, "#agenda-title", "Agenda"),
    ("w", WorkloadScreen, "#workload-title", "Workload"),
    ("R", RecurringScreen, "#recurring-title", "Recurring checks"),
]


def heading(view: PlanView[Any, Any], selector: str) -> str:
    return str(view.query_one(selector, Heading).render())


@pytest.mark.parametrize(("key", "kind", "selector", "title"), VIEWS)
async def test_a_first_read_that_fails_leaves_the_bare_title_and_ctrl_r_reads_again(
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    key: str,
    kind: type[PlanView[Any, Any]],
    selector: str,
    title: str,
) -> None:
    seed(db, "Renew firewall", owner="Dana")
    real_read = kind.read
    monkeypatch.setattr(kind, "read", raising(GONE))
    async with running(db, size=(100, 30)) as (app, pilot):
        await settle(pilot, app)
        view = await press_and_settle(pilot, app, key)
        assert isinstance(view, kind)
        await until(pilot, lambda: view.failure is not None)
        await pilot.pause()
        said = str(view.query_one(FailureLine).render())
        assert f"Could not read {view.WHAT} (Ctrl+R to try again)" in said
        assert "the server is gone" in said
        assert heading(view, selector).strip() == title  # no longer "reading the plan…"
        monkeypatch.setattr(kind, "read", real_read)
        await press_and_settle(pilot, app, "ctrl+r")
        assert view.failure is None and not view.query(FailureLine)
        assert view.shown_once and "reading" not in heading(view, selector)
        assert heading(view, selector).strip() != title  # the title of what was read
