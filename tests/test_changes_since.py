"""Who changed what since the last call: the core query, and the internal view (s, then w)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from textual.widgets import Label, Static

from actionplan import changes_since as core
from actionplan import clock, plan
from actionplan.changes_since import Change, changes_since, last_call
from actionplan.db import Database, DatabaseError
from actionplan.plan.snapshots import save_snapshot
from actionplan.summary.render import render
from actionplan.summary.source import snapshots, summary_for
from actionplan.tui.screens.changes_since import ChangesSinceScreen
from actionplan.tui.screens.summary_preview import SummaryPreview
from actionplan.tui.view import FailureLine
from tests.pilot import until
from tests.test_board import make_app, seed, settle
from tests.test_history_screen import START, FixedClock, shown
from tests.test_summary import all_outputs
from tests.test_summary_screen import open_preview

TODAY = date(2026, 11, 23)
REASON = "ZQREASON vendor quote late"


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> FixedClock:
    moment = FixedClock()
    monkeypatch.setattr(clock, "now", moment)
    return moment


def save_acme_snapshot(db: Database) -> None:
    with db.session() as s:
        summary = summary_for(session=s, client="Acme", today=TODAY, prepared_by="Tester")
        markdown = str(render(summary, "md"))
        save_snapshot(
            session=s, client="Acme", model=summary.to_json(), markdown=markdown, author="Tester"
        )


def build(db: Database, fixed_clock: FixedClock) -> None:
    """Acme and Globex; Acme's snapshot saved at 10:00; changes by Ana and Ben before and after.

    09:00 Tester adds #1 #2 #3 (Acme) and #4 (Globex); 09:30 Ana renames #3 (before the
    snapshot); 10:00 snapshot; 11:00 Ana re-dates #1 with a reason; 11:30 Ben moves #2 to
    doing; 11:45 Ben moves #1 down its column; 12:00 Ben renames Globex's #4.
    """
    seed(db, "Renew firewall licence", "Patch servers", "Test backups")
    seed(db, "Globex audit", client="Globex")
    with db.session() as s:
        fixed_clock.step(30)
        plan.edit_item(session=s, item_id=3, author="Ana", title="Test the backups")
        fixed_clock.step(30)
    save_acme_snapshot(db)
    with db.session() as s:
        fixed_clock.step(60)
        plan.edit_item(session=s, item_id=1, author="Ana", due=date(2026, 12, 5), reason=REASON)
        fixed_clock.step(30)
        plan.edit_item(session=s, item_id=2, author="Ben", status="doing")
        fixed_clock.step(15)
        plan.reorder_item(session=s, item_id=1, offset=1, author="Ben")
        fixed_clock.step(15)
        plan.edit_item(session=s, item_id=4, author="Ben", title="Globex yearly audit")


def described(changes: list[Change]) -> list[tuple[str, str, str, str | None]]:
    return [(c.author, c.title, c.text, c.reason) for c in changes]


# --- the core ------------------------------------------------------------------------------


def test_only_this_clients_changes_after_the_snapshot_newest_first(
    db: Database, fixed_clock: FixedClock
) -> None:
    build(db, fixed_clock)
    with db.session() as s:
        since = last_call(session=s, client="acme", today=TODAY)
        found = changes_since(session=s, client="Acme", since=since.at)
    assert since.from_snapshot and since.snapshot_author == "Tester"
    assert since.at == datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    # Moving a card within its column, and the position a status change sets, are left out.
    assert described(found) == [
        ("Ben", "Patch servers", "status: planned → doing", None),
        ("Ana", "Renew firewall licence", "due: none → 2026-12-05", REASON),
    ]
    assert [c.at for c in found] == [
        datetime(2026, 11, 23, 11, 30, tzinfo=UTC),
        datetime(2026, 11, 23, 11, 0, tzinfo=UTC),
    ]


def test_without_a_snapshot_the_last_14_days_count(db: Database, fixed_clock: FixedClock) -> None:
    seed(db, "Renew firewall licence")  # 23 Nov 09:00
    with db.session() as s:
        since = last_call(session=s, client="Acme", today=TODAY)
        assert not since.from_snapshot
        assert since.at == datetime(2026, 11, 9, 0, 0).astimezone()  # local midnight
        assert described(changes_since(session=s, client="Acme", since=since.at)) == [
            ("Tester", "Renew firewall licence", "created", None)
        ]
        later = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
        assert changes_since(session=s, client="Acme", since=later) == []  # strictly after


def test_an_unknown_client_is_a_clear_error(db: Database) -> None:
    with db.session() as s, pytest.raises(plan.NotFound, match="no client named 'Nobody'"):
        changes_since(session=s, client="Nobody", since=START)


def test_reading_the_changes_leaves_the_summary_exports_and_snapshots_as_they_were(
    db: Database, fixed_clock: FixedClock
) -> None:
    build(db, fixed_clock)
    with db.session() as s:
        before = all_outputs(summary_for(session=s, client="Acme", today=TODAY, prepared_by="T"))
        saved = [(x.id, x.model_json, x.markdown) for x in snapshots(session=s, client="Acme")]
        found = changes_since(session=s, client="Acme", since=START)
        assert {c.author for c in found} == {"Ana", "Ben"}
        after = all_outputs(summary_for(session=s, client="Acme", today=TODAY, prepared_by="T"))
        again = [(x.id, x.model_json, x.markdown) for x in snapshots(session=s, client="Acme")]
    assert after == before
    assert again == saved
    for text in before.values():
        assert "ZQREASON" not in text  # a reason is history, never summary


# --- the view in the summary preview ----------------------------------------------------------


async def open_who(pilot, app) -> ChangesSinceScreen:
    preview = await open_preview(pilot, app)
    await pilot.press("w")
    screen = app.screen
    assert isinstance(screen, ChangesSinceScreen)
    for _ in range(200):
        await pilot.pause(0.01)
        if screen.since is not None:
            assert preview.summary is not None
            return screen
    raise AssertionError("the changes were never shown")


async def test_s_then_w_shows_who_changed_what_marked_internal(
    db: Database, fixed_clock: FixedClock
) -> None:
    build(db, fixed_clock)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
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
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_who(pilot, app)
        heading = " ".join(shown(screen.query_one("#who-since", Static), width=76))
        assert "No snapshot saved yet: the last 14 days, since" in heading
        dialog = screen.query_one(".dialog").region
        assert dialog.bottom <= 24 and dialog.right <= 80


async def test_the_view_is_never_copied_exported_or_saved(
    db: Database, fixed_clock: FixedClock
) -> None:
    build(db, fixed_clock)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_who(pilot, app)
        preview = app.screen_stack[-2]
        assert isinstance(preview, SummaryPreview) and preview.summary is not None
        markdown, model = preview.markdown, preview.summary.to_json()
        await pilot.press("y", "S")  # the preview's keys do nothing while the view is open
        await pilot.pause()
        assert app.clipboard == "" and app.screen is screen
        await pilot.press("escape", "y", "S")
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
    build(db, fixed_clock)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_who(pilot, app)
        text = " ".join(shown(screen.query_one("#who-rows", Static)))
        assert "Patch servers" in text and "Renew firewall licence" not in text
        assert "…and 1 older change, not shown" in text


async def test_a_failed_read_says_why_and_ctrl_r_reads_again(
    sqlite_db: Database, fixed_clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(sqlite_db, fixed_clock)

    def unreachable(**_: object) -> object:
        raise DatabaseError("the database cannot be reached")

    monkeypatch.setattr(core, "changes_since", unreachable)
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_preview(pilot, app)
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, ChangesSinceScreen)
        await until(pilot, lambda: screen.query(FailureLine))
        line = str(screen.query_one(FailureLine).content)
        assert (
            "Could not read the changes (Ctrl+R to try again): the database cannot be reached"
            in line
        )
        assert "Ctrl+R" in line and screen.since is None
        monkeypatch.setattr(core, "changes_since", changes_since)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: screen.since is not None)
        assert not screen.query(FailureLine)
        text = "\n".join(shown(screen.query_one("#who-rows", Static)))
        assert "status: planned → doing" in text and "why: ZQREASON vendor quote late" in text
        assert app.screen is screen
