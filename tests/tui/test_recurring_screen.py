"""Recurring checks in the app: x on a recurring card brings the next, R and the 12-week grid,
the editor's repeat field, failed reads."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.db import Database, DatabaseError
from actionplan.models import RepeatFrom, RepeatUnit, Status
from actionplan.recurring import recurring_grid
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.screens.recurring import RecurringScreen, announce_next
from actionplan.tui.view import FailureLine
from actionplan.tui.widgets.column import BoardColumn
from actionplan.tui.widgets.week_grid import WeekGrid
from tests.support import TODAY, add, items
from tests.support.pilot import (
    card_in_front,
    failure_said,
    ids,
    press_and_settle,
    raising,
    running,
    settle,
)

WEEK = RepeatUnit.WEEK


async def test_x_on_a_health_check_every_3_weeks_brings_the_next_on_time(db: Database) -> None:
    first = add(db, "Health check", owner="Tom Becker", due=TODAY, repeat_every=3,
                 repeat_unit="week")  # fmt: skip
    async with running(db, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        column = app.screen.query_one("#col-planned", BoardColumn)
        assert "↻3w" in column.card_text(0)
        await pilot.press("x")
        await settle(pilot, app)
        done, following = items(db)
        assert done.id == first and done.status == Status.DONE
        assert following.follows_id == first and following.due == date(2026, 12, 14)
        assert following.status == Status.PLANNED and following.deleted_at is None
        assert ids(app, Status.PLANNED) == [following.id]  # the new card is on the board
        assert ids(app, Status.DONE) == [first]
        said = [n.message for n in app._notifications]
        assert "Done; next on Mon 14 Dec" in said
        await pilot.press("u")  # one undo takes back the completion and the next
        await settle(pilot, app)
        assert ids(app, Status.PLANNED) == [first]
        assert [i.deleted_at is not None for i in items(db)] == [False, True]


async def test_r_opens_the_grid_and_enter_jumps_to_the_check(db: Database) -> None:
    for client in ("Northwind", "Meadowbrook", "Harbourside"):
        add(db, f"Health check {client}", client=client, owner="Tom Becker",
             due=date(2026, 12, 14), repeat_every=3, repeat_unit="week")  # fmt: skip
    add(db, "One-off", client="Northwind", due=TODAY)
    async with running(db, client="Northwind", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "R")
        screen = app.screen
        assert isinstance(screen, RecurringScreen)
        grid = screen.query_one(WeekGrid)
        names = [(line.kind, line.name) for line in grid.lines]
        assert names == [
            ("heading", "Clients"),
            ("Clients", "Harbourside"),
            ("Clients", "Meadowbrook"),
            ("Clients", "Northwind"),
            ("heading", "Owners"),
            ("Owners", "Tom Becker"),
            ("All", "All"),
        ]
        tom = grid.lines[5]
        assert tom.counts == (0, 0, 0, 3, 0, 0, 3, 0, 0, 3, 0, 0)
        # What is on screen: the week headings, and Tom's pile-up week.
        lines = [grid.render_line(y).text for y in range(grid.size.height)]
        assert lines[0].split()[2:6] == ["23", "30", "7", "14"]
        assert lines[1].split()[:4] == ["Nov", "Nov", "Dec", "Dec"]
        tom_line = next(line for line in lines if "Tom Becker" in line)
        assert tom_line.split()[2:6] == ["·", "·", "·", "3"]
        title = str(screen.query_one("#recurring-title").render())
        assert "3 pile-up weeks" in title
        # Down to Tom (the heading is skipped), across to the week of 14 Dec.
        await pilot.press("down", "j", "down", "l", "l", "right")
        assert grid.current is not None and grid.current[0].name == "Tom Becker"
        assert grid.current[1] == 3
        detail = str(screen.query_one("#recurring-detail").render())
        assert "Tom Becker, week of Mon 14 Dec: 3 checks" in detail and "pile-up" in detail
        await pilot.press("enter")
        await settle(pilot, app)
        card_in_front(app, "Harbourside", title="Health check Harbourside")


async def test_a_week_with_a_health_check_to_fill_is_marked(db: Database) -> None:
    add(db, "Backups", client="Northwind", due=TODAY, repeat_every=1, repeat_unit=WEEK)
    add(db, "Health check", client="Northwind", due=date(2026, 12, 1), repeat_every=1,
        repeat_unit=RepeatUnit.MONTH, health_form="monthly-it-health-check")  # fmt: skip
    async with running(db, client="Northwind", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "R")
        screen = app.screen
        grid = screen.query_one(WeekGrid)
        lines = [grid.render_line(y).text for y in range(grid.size.height)]
        northwind = next(line for line in lines if "Northwind" in line)
        assert northwind.split()[1:4] == ["1", "2◆", "1"]
        assert "◆ a health check to fill" in str(screen.query_one("#recurring-title").render())
        await pilot.press("down", "l")
        detail = str(screen.query_one("#recurring-detail").render())
        assert "• Health check · Northwind · Tue 1 Dec · ◆ monthly-it-health-check" in detail


async def test_esc_goes_back_and_an_empty_plan_says_so(db: Database) -> None:
    add(db, "One-off", due=TODAY)
    async with running(db, size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "R")
        grid = app.screen.query_one(WeekGrid)
        assert [line.name for line in grid.lines] == ["No recurring checks in these weeks"]
        assert grid.current is None
        await pilot.press("enter")  # nothing to open: stays
        assert isinstance(app.screen, RecurringScreen)
        assert isinstance(await press_and_settle(pilot, app, "escape"), BoardScreen)


async def test_a_failed_read_says_why_and_ctrl_r_counts_again(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(db, "Health check", owner="Tom Becker", due=TODAY, repeat_every=3, repeat_unit="week")
    gone = raising(DatabaseError("the server is gone"))
    monkeypatch.setattr("actionplan.tui.screens.recurring.recurring_grid", gone)
    async with running(db, size=(80, 24)) as (app, pilot):
        screen = await press_and_settle(pilot, app, "R")
        assert isinstance(screen, RecurringScreen)
        await failure_said(pilot, screen, "the recurring checks", "the server is gone")
        assert screen.grid is None
        monkeypatch.setattr("actionplan.tui.screens.recurring.recurring_grid", recurring_grid)
        await press_and_settle(pilot, app, "ctrl+r")
        grid = screen.query_one(WeekGrid)
        assert [line.name for line in grid.lines][:2] == ["Clients", "Acme"]
        assert "no pile-ups" in str(screen.query_one("#recurring-title").render())
        assert not screen.query(FailureLine)
        assert app.screen is screen


async def test_a_failed_read_of_the_next_occurrence_is_said(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = add(db, "Health check", owner="Tom Becker", due=TODAY, repeat_every=3,
                 repeat_unit="week", status="done")  # fmt: skip
    # Done already: the write that marks an item done reads its next occurrence too.
    gone = raising(DatabaseError("the server is gone"))
    monkeypatch.setattr("actionplan.plan.recurrence.next_occurrence", gone)
    async with running(db, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        announce_next(app.screen, first)
        await settle(pilot, app)
        said = [(n.message, n.severity) for n in app._notifications]
        reason = "Done, but when the next one is due could not be read: the server is gone"
        assert (reason, "error") in said


async def test_the_editor_reads_the_repeat_as_you_type_and_saves_it(db: Database) -> None:
    item_id = add(db, "Health check", due=TODAY)
    async with running(db, size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "e")
        form = app.screen
        repeat = form.query_one("#repeat")
        note = form.query_one("#repeat-note")
        repeat.focus()
        await pilot.press(*"fortnightlyx")
        assert "cannot read the repeat" in str(note.render())
        await pilot.press("ctrl+s")  # refused: nothing saved
        await pilot.pause()
        assert app.screen is form
        await pilot.press("backspace")
        assert str(note.render()) == "→ every 2 weeks, from the due date"
        form.query_one("#repeat_from").value = "done"
        await pilot.pause()
        assert str(note.render()) == "→ every 2 weeks, from completion"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        [saved] = items(db)
        assert saved.id == item_id
        assert (saved.repeat_every, saved.repeat_unit, saved.repeat_from) == (
            2,
            WEEK,
            RepeatFrom.DONE,
        )
