"""Past snapshots in the app: v in the summary preview lists them, Enter opens one, c compares."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from textual.widgets import DataTable, Markdown, Static

from actionplan import clock, plan
from actionplan.db import Database
from actionplan.models import Snapshot
from actionplan.tui.screens.snapshots import SnapshotDocument, SnapshotsScreen
from actionplan.tui.screens.summary_preview import SummaryPreview
from actionplan.tui.view import FailureLine
from tests.support import AUTHOR, TODAY, count, seed
from tests.support.pilot import open_preview, opened, press_help, running, until, words
from tests.support.plans import save_summary

CLIENT = "Acme"


def save(db: Database, monkeypatch: pytest.MonkeyPatch, day: date, hour: int = 9) -> int:
    """Save today's summary of Acme as a snapshot taken on ``day`` at ``hour`` (UTC)."""
    moment = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    monkeypatch.setattr(clock, "now", lambda: moment)
    return save_summary(db, CLIENT, day)


@pytest.fixture
def three_snapshots(db: Database, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Snapshots on 9, 16 and 23 Nov; between the last two one item is done and one moved."""
    finish, move = seed(db, "Patch the VPN", "Renew the certificates", due=date(2026, 11, 28))
    ids = [save(db, monkeypatch, TODAY - timedelta(days=14))]
    ids.append(save(db, monkeypatch, TODAY - timedelta(days=7)))
    with db.session() as s:
        plan.move_item(session=s, item_id=finish, status="done", author=AUTHOR)
        plan.set_due(session=s, item_id=move, due=date(2026, 12, 12), author=AUTHOR)
        plan.add_item(session=s, author=AUTHOR, client=CLIENT, title="Replace the UPS batteries")
    ids.append(save(db, monkeypatch, TODAY))
    monkeypatch.undo()
    return ids


async def open_snapshots(pilot, app) -> SnapshotsScreen:
    """s on the board, then v in the preview; waits until the list is read."""
    await open_preview(pilot, app)
    screen = await opened(pilot, app, "v", SnapshotsScreen, lambda s: s.entries is not None, 4.0)
    await pilot.pause()
    return screen


def shown_keys(screen) -> set[str]:
    """Descriptions of the keys the key bar shows now."""
    return {
        b.binding.description
        for b in screen.active_bindings.values()
        if b.binding.show and b.enabled
    }


def table_rows(screen: SnapshotsScreen) -> list[list[str]]:
    table = screen.query_one("#snapshot-list", DataTable)
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


async def test_the_list_shows_each_snapshot_newest_first(db, three_snapshots) -> None:
    async with running(db, size=(80, 24)) as (app, pilot):
        screen = await open_snapshots(pilot, app)
        assert [e.id for e in screen.entries or []] == three_snapshots[::-1]
        assert table_rows(screen) == [
            ["", "2026-11-23 09:00 UTC", AUTHOR, "● Green", "2"],
            ["", "2026-11-16 09:00 UTC", AUTHOR, "● Green", "2"],
            ["", "2026-11-09 09:00 UTC", AUTHOR, "● Green", "2"],
        ]
        title = str(screen.query_one("#snapshots-title", Static).content)
        assert "Acme: 3 saved, newest first" in title
        assert {"Open", "Mark", "Compare", "Back"} <= shown_keys(screen)


async def test_enter_opens_a_snapshot_exactly_as_it_was_sent(db, three_snapshots) -> None:
    async with running(db, size=(80, 24)) as (app, pilot):
        screen = await open_snapshots(pilot, app)
        await pilot.press("down", "enter")
        await pilot.pause()
        document = app.screen
        assert isinstance(document, SnapshotDocument)
        with db.session() as s:
            stored = s.get(Snapshot, three_snapshots[1])
            assert stored is not None
        assert document.query_one(Markdown).source == stored.markdown
        assert "Mon 16 Nov 2026" in stored.markdown
        heading = str(document.query_one("#snapshot-doc-title", Static).content)
        assert f"Snapshot {three_snapshots[1]}" in heading and "2026-11-16 09:00 UTC" in heading
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryPreview)


async def test_question_mark_on_a_snapshot_lists_its_keys(db, three_snapshots) -> None:
    async with running(db, size=(80, 24)) as (app, pilot):
        await open_snapshots(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        document = app.screen
        assert isinstance(document, SnapshotDocument)
        help_screen = await press_help(pilot, app)
        assert help_screen.view is document
        assert {row.binding.id for row in help_screen.rows} >= {"snapshot.close", "snapshot.help"}
        await pilot.press("escape")
        assert app.screen is document


async def test_c_compares_the_highlighted_snapshot_with_the_one_before(db, three_snapshots):
    _, second, third = three_snapshots
    async with running(db, size=(80, 24)) as (app, pilot):
        await open_snapshots(pilot, app)
        await pilot.press("c")  # on the newest
        await pilot.pause()
        document = app.screen
        assert isinstance(document, SnapshotDocument)
        heading = str(document.query_one("#snapshot-doc-title", Static).content)
        assert f"from snapshot {second} (2026-11-16 09:00 UTC)" in heading
        assert f"to snapshot {third} (2026-11-23 09:00 UTC)" in heading
        body = words(document.query_one("#snapshot-text", Static), width=100)
        assert "Done • Patch the VPN New • Replace the UPS batteries (date to be set)" in body
        assert "Dates moved • Renew the certificates: was 28 Nov, now 12 Dec" in body
        assert body.endswith("No longer listed None")


async def test_two_marked_are_compared_older_to_newer(db, three_snapshots) -> None:
    first, second, third = three_snapshots
    async with running(db, size=(80, 24)) as (app, pilot):
        screen = await open_snapshots(pilot, app)
        await pilot.press("space")  # marks the newest, moves down
        await pilot.press("down", "space")  # marks the oldest
        assert screen.marked == [third, first]
        assert [row[0] for row in table_rows(screen)] == ["✓", "", "✓"]
        hint = str(screen.query_one("#snapshots-hint", Static).content)
        assert f"Snapshots {first} and {third} marked" in hint
        await pilot.press("c")
        await pilot.pause()
        heading = str(app.screen.query_one("#snapshot-doc-title", Static).content)
        assert f"from snapshot {first} (2026-11-09 09:00 UTC) to snapshot {third}" in heading
        await pilot.press("escape", "up", "space")  # a third mark: the earliest gives way
        assert screen.marked == [first, second]
        assert [row[0] for row in table_rows(screen)] == ["", "✓", "✓"]


async def test_c_on_the_oldest_says_there_is_nothing_before_it(db, three_snapshots) -> None:
    async with running(db, size=(80, 24)) as (app, pilot):
        screen = await open_snapshots(pilot, app)
        await pilot.press("down", "down", "c")
        await pilot.pause()
        assert app.screen is screen
        assert any("none before it" in n.message for n in app._notifications)


async def test_no_snapshots_yet_says_how_to_save_one(db: Database) -> None:
    seed(db, "Renew firewall licence")
    async with running(db, size=(80, 24)) as (app, pilot):
        screen = await open_snapshots(pilot, app)
        empty = screen.query_one("#snapshots-empty", Static)
        assert empty.display and not screen.query_one("#snapshot-list").display
        text = str(empty.content)
        assert "No snapshots of Acme yet" in text and "press S" in text
        assert shown_keys(screen) == {"Back"}
        await pilot.press("enter", "c", "space")
        assert app.screen is screen


async def test_a_snapshot_saved_with_S_is_listed(db: Database) -> None:
    seed(db, "Renew firewall licence")
    async with running(db, size=(80, 24)) as (app, pilot):
        await open_preview(pilot, app)
        await pilot.press("S")
        await until(pilot, lambda: count(db, "snapshot") > 0)
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, SnapshotsScreen)
        for _ in range(100):
            await pilot.pause(0.02)
            if screen.entries:
                break
        assert len(screen.entries or []) == 1
        assert shown_keys(screen) == {"Open", "Back"}  # nothing to compare with yet


async def test_an_unreadable_snapshot_still_opens_but_is_not_compared(db, three_snapshots):
    with db.session() as s:
        # the middle one: the preview itself reads the latest to say what changed since
        broken = s.get(Snapshot, three_snapshots[1])
        assert broken is not None
        broken.model_json = "{"
        s.add(broken)
        s.commit()
    async with running(db, size=(80, 24)) as (app, pilot):
        screen = await open_snapshots(pilot, app)
        assert [row[3] for row in table_rows(screen)] == ["● Green", "unreadable", "● Green"]
        await pilot.press("c")  # the newest with the one before it
        await pilot.pause()
        assert app.screen is screen
        assert any("cannot be read" in n.message for n in app._notifications)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SnapshotDocument)


async def test_a_failed_read_says_why_and_ctrl_r_tries_again(db, three_snapshots, monkeypatch):
    from actionplan.summary import source

    real = source.snapshots

    def broken(**_: object) -> list[Snapshot]:
        raise RuntimeError("the server went away")

    async with running(db, size=(80, 24)) as (app, pilot):
        await open_preview(pilot, app)
        monkeypatch.setattr(source, "snapshots", broken)
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, SnapshotsScreen)
        for _ in range(200):
            await pilot.pause(0.02)
            if screen.failure is not None:
                break
        await pilot.pause()
        line = str(screen.query_one(FailureLine).content)
        assert (
            "Could not read the snapshots (Ctrl+R to try again): "
            "unexpected RuntimeError: the server went away" in line
        )
        assert "reading" not in str(screen.query_one("#snapshots-title", Static).content)
        assert screen.entries is None and shown_keys(screen) == {"Back"}
        monkeypatch.setattr(source, "snapshots", real)
        await pilot.press("ctrl+r")
        for _ in range(200):
            await pilot.pause(0.02)
            if screen.entries is not None:
                break
        await pilot.pause()
        assert not screen.query(FailureLine)
        assert [e.id for e in screen.entries or []] == three_snapshots[::-1]
        assert len(table_rows(screen)) == 3 and screen.query_one("#snapshot-list").display
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryPreview)


async def test_reading_again_keeps_the_marks_and_the_row(db, three_snapshots, monkeypatch):
    async with running(db, size=(80, 24)) as (app, pilot):
        screen = await open_snapshots(pilot, app)
        await pilot.press("space")  # marks the newest, moves down
        shown, show = [], screen.show
        monkeypatch.setattr(screen, "show", lambda data: (shown.append(data), show(data)))
        screen.plan_changed()  # someone else changed the plan: read again
        await until(pilot, lambda: shown)
        await pilot.pause()
        assert screen.marked == [three_snapshots[2]]
        assert [row[0] for row in table_rows(screen)] == ["✓", "", ""]
        assert screen.query_one("#snapshot-list", DataTable).cursor_row == 1
