"""Who changed what since the last call, in the app: the internal view in the summary preview
(s, then w), never copied, exported or saved, and a failed read."""

from __future__ import annotations

import json

import pytest
from textual.widgets import Label, Static

from actionplan import changes_since as core
from actionplan.changes_since import changes_since
from actionplan.db import Database, DatabaseError
from actionplan.summary.source import snapshots
from actionplan.tui.screens.changes_since import ChangesSinceScreen
from actionplan.tui.screens.people_dialogs import Confirm
from actionplan.tui.screens.summary_preview import SummaryPreview
from actionplan.tui.view import FailureLine
from tests.support import FixedClock, seed
from tests.support.pilot import (
    failure_said,
    open_preview,
    opened,
    raising,
    running,
    settle,
    shown,
    until,
)
from tests.support.plans import changes_plan


@pytest.fixture
def changed(db: Database, fixed_clock: FixedClock) -> None:
    """The plan of changes by Ana and Ben around Acme's snapshot (see changes_plan)."""
    changes_plan(db, fixed_clock)


async def open_who(pilot, app) -> ChangesSinceScreen:
    preview = await open_preview(pilot, app)
    screen = await opened(pilot, app, "w", ChangesSinceScreen, lambda s: s.since is not None)
    assert preview.summary is not None
    return screen


async def test_s_then_w_shows_who_changed_what_marked_internal(db: Database, changed: None) -> None:
    async with running(db, size=(120, 40)) as (app, pilot):
        screen = await open_who(pilot, app)
        title = str(screen.query_one(".dialog-title", Label).content)
        assert title.startswith("Internal:") and "not part of the summary" in title
        heading = " ".join(shown(screen.query_one("#who-since", Static)))
        assert "Since the last snapshot, saved" in heading and "by Tester" in heading
        text = "\n".join(shown(screen.query_one("#who-rows", Static)))
        assert "Ben" in text and "Ana" in text and "status: planned → doing" in text
        assert "why: ZQREASON vendor quote late" in text
        assert text.index("Patch servers") < text.index("Renew firewall licence")  # newest first
        assert "Globex" not in text and "Test the backups" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryPreview)


async def test_without_a_snapshot_the_view_says_it_shows_14_days(db: Database) -> None:
    seed(db, "Renew firewall licence")
    async with running(db, size=(80, 24)) as (app, pilot):
        screen = await open_who(pilot, app)
        heading = " ".join(shown(screen.query_one("#who-since", Static), width=76))
        assert "No snapshot saved yet: the last 14 days, since" in heading
        dialog = screen.query_one(".dialog").region
        assert dialog.bottom <= 24 and dialog.right <= 80


async def test_the_view_is_never_copied_exported_or_saved(db: Database, changed: None) -> None:
    async with running(db, size=(120, 40)) as (app, pilot):
        screen = await open_who(pilot, app)
        preview = app.screen_stack[-2]
        assert isinstance(preview, SummaryPreview) and preview.summary is not None
        markdown, model = preview.markdown, preview.summary.to_json()
        await pilot.press("y", "S")  # the preview's keys do nothing while the view is open
        await pilot.pause()
        assert app.clipboard == "" and app.screen is screen
        await pilot.press("escape", "y")
        await until(pilot, lambda: isinstance(app.screen, Confirm), seconds=5)
        await pilot.press("n", "S")  # not recorded as sent on the copy; S records it
        for _ in range(200):
            await pilot.pause(0.01)
            with db.session() as s:
                stored = snapshots(session=s, client="Acme")
            if len(stored) == 2:
                break
        await settle(pilot, app)
    assert len(stored) == 2 and app.clipboard == markdown
    newest = stored[0]
    assert newest.markdown == markdown
    assert json.loads(newest.model_json) == json.loads(json.dumps(model))
    for text in (markdown, newest.markdown, newest.model_json):
        assert "ZQREASON" not in text and "Ana" not in text and "Ben" not in text


async def test_a_long_list_shows_the_newest_and_counts_the_rest(
    db: Database, fixed_clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actionplan.tui.screens import changes_since as view

    monkeypatch.setattr(view, "SHOWN", 1)
    changes_plan(db, fixed_clock)
    async with running(db, size=(120, 40)) as (app, pilot):
        screen = await open_who(pilot, app)
        text = " ".join(shown(screen.query_one("#who-rows", Static)))
        assert "Patch servers" in text and "Renew firewall licence" not in text
        assert "…and 1 older change, not shown" in text


async def test_a_failed_read_says_why_and_ctrl_r_reads_again(
    sqlite_db: Database, fixed_clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    changes_plan(sqlite_db, fixed_clock)
    why = "the database cannot be reached"
    monkeypatch.setattr(core, "changes_since", raising(DatabaseError(why)))
    async with running(sqlite_db, size=(120, 40)) as (app, pilot):
        await open_preview(pilot, app)
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, ChangesSinceScreen)
        await failure_said(pilot, screen, "the changes", why)
        assert screen.since is None
        monkeypatch.setattr(core, "changes_since", changes_since)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: screen.since is not None)
        assert not screen.query(FailureLine)
        text = "\n".join(shown(screen.query_one("#who-rows", Static)))
        assert "status: planned → doing" in text and "why: ZQREASON vendor quote late" in text
        assert app.screen is screen
