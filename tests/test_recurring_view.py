"""The 12-week view of recurring checks: counts per client and owner at a fixed date, pile-ups,
the `actionplan recurring` grid, and the app: x on a recurring card, R and the grid, the editor."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlmodel import col, select

from actionplan import plan
from actionplan.cli import main
from actionplan.config import Config
from actionplan.dates import week_start as monday
from actionplan.db import Database, DatabaseError
from actionplan.models import Item, RepeatFrom, RepeatUnit, Status
from actionplan.queries import list_items
from actionplan.recurring import build_grid, project, recurring_grid
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.screens.recurring import RecurringScreen, announce_next
from actionplan.tui.view import FailureLine
from actionplan.tui.widgets.column import BoardColumn
from actionplan.tui.widgets.week_grid import WeekGrid
from tests.pilot import settle

TODAY = date(2026, 11, 23)  # a Monday, as in conftest
AUTHOR = "Tester"
WEEK, MONTH = RepeatUnit.WEEK, RepeatUnit.MONTH


def _row(item_id: int, client: str, owner: str | None, due: date | None, every: int, unit: str,
         repeat_from: str = "due") -> dict[str, Any]:  # fmt: skip
    return {
        "id": item_id,
        "client": client,
        "owner": owner,
        "title": f"Check {item_id}",
        "due": due,
        "repeat_every": every,
        "repeat_unit": unit,
        "repeat_from": repeat_from,
    }


# --- projecting and counting (no database) -----------------------------------------------------


def test_project_places_each_occurrence_the_plan_would_add() -> None:
    until = TODAY + timedelta(weeks=12, days=-1)
    weekly = project(due=TODAY, every=1, unit=WEEK, repeat_from=None, today=TODAY, until=until)
    assert len(weekly) == 12 and weekly[0] == TODAY and weekly[-1] == date(2027, 2, 8)
    # Overdue: still to do, so it counts now; the series then goes on after today.
    late = project(
        due=date(2026, 11, 2), every=3, unit=WEEK, repeat_from=None, today=TODAY, until=until
    )
    assert late == [TODAY, date(2026, 12, 14), date(2027, 1, 4), date(2027, 1, 25)]
    # From completion: each one the interval after the one before.
    done = project(
        due=date(2026, 11, 20), every=5, unit=RepeatUnit.DAY, repeat_from=RepeatFrom.DONE,
        today=TODAY, until=TODAY + timedelta(days=13),
    )  # fmt: skip
    assert done == [TODAY, date(2026, 11, 28), date(2026, 12, 3)]
    monthly = project(
        due=date(2026, 11, 30), every=1, unit=MONTH, repeat_from=None, today=TODAY, until=until,
        day=31,
    )  # fmt: skip
    assert monthly == [date(2026, 11, 30), date(2026, 12, 31), date(2027, 1, 31)]


def test_the_12_week_grid_counts_per_client_and_owner_and_marks_pile_ups() -> None:
    rows = [
        _row(1, "Northwind", "Tom", TODAY, 1, "week"),  # every week: all 12
        _row(2, "Meadowbrook", "Tom", date(2026, 11, 2), 3, "week"),  # overdue: weeks 0, 3, 6, 9
        _row(3, "Harbourside", "Tom", date(2026, 12, 14), 1, "month"),  # weeks 3, 7, 11
        _row(4, "Harbourside", None, date(2027, 3, 1), 1, "week"),  # after the window
        _row(5, "Open Doors", "Ann", None, 1, "week"),  # no date: no week
    ]
    grid = build_grid(rows, today=TODAY + timedelta(days=2), weeks=12, threshold=3)
    assert grid.weeks[0] == TODAY and grid.weeks[-1] == date(2027, 2, 8)
    assert all(w.weekday() == 0 for w in grid.weeks)
    clients = {r.name: r.counts for r in grid.clients}
    owners = {r.name: r.counts for r in grid.owners}
    assert clients == {
        "Harbourside": (0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1),
        "Meadowbrook": (1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0),
        "Northwind": (1,) * 12,
    }
    assert owners == {"Tom": (2, 1, 1, 3, 1, 1, 2, 2, 1, 2, 1, 2)}
    assert grid.totals == owners["Tom"]
    assert grid.pile_up_weeks == (3,)
    assert grid.undated == 1
    week3 = next(r for r in grid.owners if r.name == "Tom").checks[3]
    # Item 1 was due Monday and is open on Wednesday: it counts now, and its series goes on.
    # A cell lists its checks by date, then client.
    assert [(c.item_id, c.due) for c in week3] == [
        (3, date(2026, 12, 14)),
        (2, date(2026, 12, 14)),
        (1, date(2026, 12, 14)),
    ]


def test_rows_are_sorted_with_no_owner_last_and_a_threshold_of_one_marks_every_check() -> None:
    rows = [
        _row(1, "beta", None, TODAY, 2, "week"),
        _row(2, "Alpha", "zed", TODAY, 2, "week"),
        _row(3, "Alpha", "Amy", TODAY + timedelta(days=7), 2, "week"),
    ]
    grid = build_grid(rows, today=TODAY, weeks=4, threshold=1)
    assert [r.name for r in grid.clients] == ["Alpha", "beta"]
    assert [r.name for r in grid.owners] == ["Amy", "zed", "no owner"]
    assert grid.pile_up_weeks == (0, 1, 2, 3)
    empty = build_grid([], today=TODAY)
    assert empty.clients == () and empty.totals == (0,) * 12 and empty.pile_up_weeks == ()


def test_monday_starts_the_week() -> None:
    assert monday(date(2026, 11, 29)) == TODAY  # a Sunday
    assert monday(TODAY) == TODAY


# --- read from the database (both backends) ----------------------------------------------------


def _add(db: Database, title: str, **values: Any) -> int:
    values.setdefault("client", "Acme")
    with db.session() as s:
        item = plan.add_item(session=s, author=AUTHOR, title=title, **values)
        assert item.id is not None
        return item.id


def test_only_open_recurring_items_are_read(db: Database) -> None:
    _add(db, "Weekly", owner="Tom", due=TODAY, repeat_every=1, repeat_unit="week")
    _add(db, "Done", owner="Tom", due=TODAY, repeat_every=1, repeat_unit="week", status="done")
    _add(db, "Dropped", due=TODAY, repeat_every=1, repeat_unit="week", status="dropped")
    gone = _add(db, "Deleted", due=TODAY, repeat_every=1, repeat_unit="week")
    _add(db, "One-off", owner="Tom", due=TODAY)
    _add(db, "Waiting", owner="Ann", due=TODAY, repeat_every=2, repeat_unit="week",
         status="waiting", client="Globex")  # fmt: skip
    with db.session() as s:
        plan.delete_item(session=s, item_id=gone, author=AUTHOR)
        grid = recurring_grid(session=s, today=TODAY)
    assert {r.name: sum(r.counts) for r in grid.clients} == {"Acme": 12, "Globex": 6}
    assert {r.name: sum(r.counts) for r in grid.owners} == {"Ann": 6, "Tom": 12}


def test_a_clamped_monthly_date_is_projected_on_its_series_day(db: Database, monkeypatch) -> None:
    first = _add(db, "Monthly", due=date(2026, 10, 31), repeat_every=1, repeat_unit="month")
    monkeypatch.setenv("ACTIONPLAN_TODAY", "2026-10-31")
    with db.session() as s:
        plan.edit_item(session=s, item_id=first, author=AUTHOR, status="done")  # next: 30 Nov
        grid = recurring_grid(session=s, today=TODAY, weeks=6)
    [row] = grid.clients
    assert [c.due for week in row.checks for c in week] == [date(2026, 11, 30), date(2026, 12, 31)]


def test_the_demo_shows_the_technicians_pile_up(db: Database) -> None:
    from actionplan.demo import load_demo

    with db.session() as s:
        load_demo(session=s, today=TODAY)
        rows = [r for r in list_items(session=s) if r["repeat_every"] and r["status"].is_open]
        grid = recurring_grid(session=s, today=TODAY)
    cadences = {(r["repeat_every"], r["repeat_unit"]) for r in rows}
    assert {(1, WEEK), (3, WEEK), (1, MONTH)} <= cadences
    assert len({r["client"] for r in rows}) >= 5
    tom = next(r for r in grid.owners if r.name == "Tom Becker")
    piled = [i for i, n in enumerate(tom.counts) if grid.piled(n)]
    assert piled and len(piled) < len(grid.weeks)  # a pile-up week stands out, not every week


# --- the command line --------------------------------------------------------------------------


def test_cli_recurring_prints_the_grid_with_pile_ups(
    capsys: pytest.CaptureFixture[str], sqlite_db: Database
) -> None:
    for client in ("Northwind", "Meadowbrook", "Harbourside"):
        _add(sqlite_db, "Health check", client=client, owner="Tom Becker",
             due=date(2026, 12, 14), repeat_every=3, repeat_unit="week")  # fmt: skip
    code = main(["--db", str(sqlite_db.url.database), "recurring", "--weeks", "6"])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Recurring checks per week, from Mon 23 Nov 2026")
    assert lines[1].split() == ["week", "of", "23", "30", "7", "14", "21", "28"]
    assert lines[2].split() == ["Nov", "Nov", "Dec", "Dec", "Dec", "Dec"]
    tom = next(line for line in lines if line.strip().startswith("Tom Becker"))
    assert tom.split()[2:] == ["-", "-", "-", "3*", "-", "-"]
    assert "week of Mon 14 Dec: Tom Becker 3" in out


def test_cli_recurring_on_an_empty_plan_and_bad_options(
    capsys: pytest.CaptureFixture[str], sqlite_db: Database
) -> None:
    path = str(sqlite_db.url.database)
    assert main(["--db", path, "recurring"]) == 0
    assert "No recurring checks" in capsys.readouterr().out
    for option in ("--weeks", "--threshold"):
        with pytest.raises(SystemExit) as exc:
            main(["--db", path, "recurring", option, "0"])
        assert exc.value.code == 2
        assert f"argument {option}: '0' is not a count" in capsys.readouterr().err


# --- the app -----------------------------------------------------------------------------------


def make_app(db: Database, **kwargs: Any) -> ActionPlanApp:
    return ActionPlanApp(db, Config(name=AUTHOR), today=lambda: TODAY, **kwargs)


def ids(app: ActionPlanApp, status: Status) -> list[int]:
    return [r["id"] for r in app.screen.query_one(f"#col-{status.value}", BoardColumn).rows]


def items(db: Database) -> list[Item]:
    with db.session() as s:
        return list(s.exec(select(Item).order_by(col(Item.id))).all())


async def test_x_on_a_health_check_every_3_weeks_brings_the_next_on_time(db: Database) -> None:
    first = _add(db, "Health check", owner="Tom Becker", due=TODAY, repeat_every=3,
                 repeat_unit="week")  # fmt: skip
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
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
        _add(db, f"Health check {client}", client=client, owner="Tom Becker",
             due=date(2026, 12, 14), repeat_every=3, repeat_unit="week")  # fmt: skip
    _add(db, "One-off", client="Northwind", due=TODAY)
    app = make_app(db, client="Northwind")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("R")
        await settle(pilot, app)
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
        board = app.screen
        assert isinstance(board, BoardScreen)
        assert board.client == "Harbourside"
        assert board.card is not None and board.card["title"] == "Health check Harbourside"


async def test_esc_goes_back_and_an_empty_plan_says_so(db: Database) -> None:
    _add(db, "One-off", due=TODAY)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("R")
        await settle(pilot, app)
        grid = app.screen.query_one(WeekGrid)
        assert [line.name for line in grid.lines] == ["No recurring checks in these weeks"]
        assert grid.current is None
        await pilot.press("enter")  # nothing to open: stays
        assert isinstance(app.screen, RecurringScreen)
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, BoardScreen)


async def test_a_failed_read_says_why_and_ctrl_r_counts_again(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(db, "Health check", owner="Tom Becker", due=TODAY, repeat_every=3, repeat_unit="week")

    def unreachable(**_: Any) -> Any:
        raise DatabaseError("the server is gone")

    monkeypatch.setattr("actionplan.tui.screens.recurring.recurring_grid", unreachable)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("R")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, RecurringScreen)
        failure = str(screen.query_one(FailureLine).render())
        assert (
            "Could not read the recurring checks (Ctrl+R to try again): the server is gone"
            in failure
        )
        assert "Ctrl+R to try again" in failure
        assert screen.grid is None
        monkeypatch.setattr("actionplan.tui.screens.recurring.recurring_grid", recurring_grid)
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        grid = screen.query_one(WeekGrid)
        assert [line.name for line in grid.lines][:2] == ["Clients", "Acme"]
        assert "no pile-ups" in str(screen.query_one("#recurring-title").render())
        assert not screen.query(FailureLine)
        assert app.screen is screen


async def test_a_failed_read_of_the_next_occurrence_is_said(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _add(db, "Health check", owner="Tom Becker", due=TODAY, repeat_every=3,
                 repeat_unit="week", status="done")  # fmt: skip

    def unreachable(**_: Any) -> Any:
        raise DatabaseError("the server is gone")

    # Done already: the write that marks an item done reads its next occurrence too.
    monkeypatch.setattr("actionplan.plan.recurrence.next_occurrence", unreachable)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        announce_next(app.screen, first)
        await settle(pilot, app)
        said = [(n.message, n.severity) for n in app._notifications]
        reason = "Done, but when the next one is due could not be read: the server is gone"
        assert (reason, "error") in said


async def test_the_editor_reads_the_repeat_as_you_type_and_saves_it(db: Database) -> None:
    item_id = _add(db, "Health check", due=TODAY)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("e")
        await settle(pilot, app)
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
