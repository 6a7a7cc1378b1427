"""The demo plan is realistic, relative to today, and loads on both databases."""

from __future__ import annotations

from datetime import timedelta

from actionplan.demo import load_demo
from actionplan.models import Status, Visibility, WaitingOn
from actionplan.queries import ItemFilter, clients_with_counts, list_items
from tests.support import TODAY


def test_the_demo_plan_has_what_a_realistic_account_holds(db) -> None:
    with db.session() as s:
        added = load_demo(session=s, today=TODAY)
        rows = list_items(session=s)
        clients = clients_with_counts(session=s, today=TODAY)
    open_rows = [r for r in rows if r["status"].is_open]
    assert added == len(rows) >= 100
    assert 8 <= len(clients) <= 10
    assert sum(1 for r in open_rows if r["due"] and r["due"] < TODAY) >= 5  # overdue
    assert sum(1 for r in rows if r["due"] and r["committed"] and r["due"] > r["committed"]) >= 5
    assert sum(1 for r in rows if r["escalated"]) >= 3
    assert any(r["waiting_on"] == WaitingOn.CLIENT for r in rows)
    assert any(r["owner"] is None for r in open_rows)
    assert any(r["visibility"] == Visibility.INTERNAL for r in rows)
    assert any(not r["must"] for r in rows)
    assert any(r["internal_note"] for r in rows)
    assert {r["owner_side"] for r in rows if r["owner"]} >= {"us", "client"}
    assert all(r["done_at"] is not None for r in rows if r["status"] == Status.DONE)


def test_names_with_non_ascii_capitals_match_ignoring_case(db) -> None:
    with db.session() as s:
        load_demo(session=s, today=TODAY)
        rows = list_items(session=s, where=ItemFilter(client="łÓDŹ PRECYZJA SP. Z O.O."))
    assert rows and {r["client"] for r in rows} == {"Łódź Precyzja Sp. z o.o."}


def test_demo_dates_move_with_today_so_the_demo_never_goes_stale(sqlite_template, tmp_path):
    import shutil

    from actionplan.db import open_database

    dues = []
    for n, today in enumerate((TODAY, TODAY + timedelta(days=400))):
        path = tmp_path / f"demo{n}.db"
        shutil.copy(sqlite_template, path)
        db = open_database(str(path))
        with db.session() as s:
            load_demo(session=s, today=today)
            dues.append([r["due"] for r in list_items(session=s, where=ItemFilter())])
        db.dispose()
    shifted = [d + timedelta(days=400) if d else None for d in dues[0]]
    assert shifted == dues[1]
