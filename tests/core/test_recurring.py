"""The 12-week view of recurring checks: counts per client and owner at a fixed date, pile-ups."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from actionplan import plan
from actionplan.dates import week_start as monday
from actionplan.db import Database
from actionplan.models import RepeatFrom, RepeatUnit
from actionplan.queries import list_items
from actionplan.recurring import build_grid, project, recurring_grid
from tests.support import AUTHOR, TODAY, add

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


def test_only_open_recurring_items_are_read(db: Database) -> None:
    add(db, "Weekly", owner="Tom", due=TODAY, repeat_every=1, repeat_unit="week")
    add(db, "Done", owner="Tom", due=TODAY, repeat_every=1, repeat_unit="week", status="done")
    add(db, "Dropped", due=TODAY, repeat_every=1, repeat_unit="week", status="dropped")
    gone = add(db, "Deleted", due=TODAY, repeat_every=1, repeat_unit="week")
    add(db, "One-off", owner="Tom", due=TODAY)
    add(db, "Waiting", owner="Ann", due=TODAY, repeat_every=2, repeat_unit="week",
         status="waiting", client="Globex")  # fmt: skip
    with db.session() as s:
        plan.delete_item(session=s, item_id=gone, author=AUTHOR)
        grid = recurring_grid(session=s, today=TODAY)
    assert {r.name: sum(r.counts) for r in grid.clients} == {"Acme": 12, "Globex": 6}
    assert {r.name: sum(r.counts) for r in grid.owners} == {"Ann": 6, "Tom": 12}


def test_a_count_without_a_unit_repeats_nothing(db: Database) -> None:
    """A restored backup may hold one; the grid read it and failed on ``RepeatUnit(None)``."""
    add(db, "Weekly", due=TODAY, repeat_every=1, repeat_unit="week")
    half = add(db, "Half a repeat", due=TODAY, repeat_every=2, repeat_unit="week")
    with db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE item SET repeat_unit = NULL WHERE id = :id"), {"id": half})
    with db.session() as s:
        grid = recurring_grid(session=s, today=TODAY)
    assert [c.title for week in grid.clients[0].checks for c in week] == ["Weekly"] * 12


def test_a_clamped_monthly_date_is_projected_on_its_series_day(db: Database, monkeypatch) -> None:
    first = add(db, "Monthly", due=date(2026, 10, 31), repeat_every=1, repeat_unit="month")
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
