"""The cross-client agenda: buckets at a fixed date, their order, the filter, dates read short."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actionplan import plan
from actionplan.agenda import (
    BUCKETS,
    agenda,
    agenda_matcher,
    bucket_of,
    buckets,
    open_items,
    when_label,
)
from actionplan.dates import week_start
from actionplan.db import Database
from actionplan.plan import NotFound
from tests.support import AUTHOR, TODAY, add
from tests.support.plans import agenda_row


def titles(found: list[Any]) -> dict[str, list[str]]:
    return {b.key: [r["title"] for r in b.rows] for b in found}


# --- buckets -------------------------------------------------------------------------------------


def test_buckets_on_a_monday(db: Database) -> None:
    days = {
        "late sunday": date(2026, 11, 22),
        "today": TODAY,
        "tuesday": date(2026, 11, 24),
        "this sunday": date(2026, 11, 29),
        "next monday": date(2026, 11, 30),
        "next sunday": date(2026, 12, 6),
        "monday after": date(2026, 12, 7),
    }
    for title, due in days.items():
        add(db, title, due=due)
    add(db, "undated")
    with db.session() as s:
        found = agenda(session=s, today=TODAY)
    assert [b.key for b in found] == list(BUCKETS)
    assert titles(found) == {
        "overdue": ["late sunday"],
        "today": ["today"],
        "this_week": ["tuesday", "this sunday"],
        "next_week": ["next monday", "next sunday"],
        "later": ["monday after"],
        "no_date": ["undated"],
    }


def test_on_a_sunday_this_week_is_only_today() -> None:
    sunday = date(2026, 11, 29)
    assert bucket_of(sunday, sunday) == "today"
    assert bucket_of(date(2026, 11, 30), sunday) == "next_week"
    assert bucket_of(date(2026, 12, 6), sunday) == "next_week"
    assert bucket_of(date(2026, 12, 7), sunday) == "later"
    assert bucket_of(date(2026, 11, 28), sunday) == "overdue"


def test_weeks_run_across_the_year_end() -> None:
    thursday = date(2026, 12, 31)
    assert bucket_of(date(2027, 1, 3), thursday) == "this_week"  # Sunday
    assert bucket_of(date(2027, 1, 4), thursday) == "next_week"
    assert bucket_of(date(2027, 1, 10), thursday) == "next_week"
    assert bucket_of(date(2027, 1, 11), thursday) == "later"
    assert week_start(date(2027, 1, 1)) == date(2026, 12, 28)


@given(
    today=st.dates(date(2000, 1, 3), date(2099, 12, 1)),
    offset=st.integers(-400, 400),
)
def test_a_bucket_is_the_monday_start_week_the_date_falls_in(today: date, offset: int) -> None:
    due = today + timedelta(days=offset)
    weeks_apart = (week_start(due) - week_start(today)).days // 7
    expected = (
        "overdue"
        if due < today
        else "today"
        if due == today
        else {0: "this_week", 1: "next_week"}.get(weeks_apart, "later")
    )
    assert bucket_of(due, today) == expected
    assert bucket_of(None, today) == "no_date"
    assert buckets([{"due": due}], today)[BUCKETS.index(expected)].rows == [{"due": due}]


def test_a_bucket_is_sorted_by_date_then_must_first_then_client(db: Database) -> None:
    tuesday = date(2026, 11, 24)
    add(db, "nice at Acme", due=tuesday, must=False)
    add(db, "must at Zeta", client="Zeta", due=tuesday)
    add(db, "must at Beta", client="Beta", due=tuesday)
    add(db, "wednesday", due=tuesday + timedelta(days=1))
    add(db, "monday at Acme", due=TODAY - timedelta(days=7))
    add(db, "nice undated", must=False)
    add(db, "undated at Beta", client="Beta")
    with db.session() as s:
        found = titles(agenda(session=s, today=TODAY))
    assert found["this_week"] == ["must at Beta", "must at Zeta", "nice at Acme", "wednesday"]
    assert found["no_date"] == ["undated at Beta", "nice undated"]


def test_only_open_items_that_are_not_deleted(db: Database) -> None:
    add(db, "planned", due=TODAY)
    add(db, "doing", due=TODAY, status="doing")
    add(db, "waiting", due=TODAY, status="waiting", waiting_on="client")
    add(db, "done", due=TODAY, status="done")
    add(db, "dropped", due=TODAY, status="dropped")
    gone = add(db, "deleted", due=TODAY)
    with db.session() as s:
        plan.delete_item(session=s, item_id=gone, author=AUTHOR)
        found = agenda(session=s, today=TODAY)
    assert titles(found)["today"] == ["planned", "doing", "waiting"]
    waiting = found[1].rows[2]
    assert (waiting["status"], waiting["waiting_on"]) == ("waiting", "client")


def test_one_client_and_an_unknown_client(db: Database) -> None:
    add(db, "at Acme", due=TODAY)
    add(db, "at Beta", client="Beta", due=TODAY)
    with db.session() as s:
        assert titles(agenda(session=s, today=TODAY, client="beta"))["today"] == ["at Beta"]
        with pytest.raises(NotFound, match="no client named 'Nobody'"):
            agenda(session=s, today=TODAY, client="Nobody")


def test_items_of_one_owner_or_of_nobody(db: Database) -> None:
    add(db, "Ann's", owner="Ann Lee", due=TODAY)
    add(db, "nobody's", due=TODAY)
    with db.session() as s:
        ann = next(r["owner_id"] for r in open_items(session=s) if r["owner"] == "Ann Lee")
        assert [r["title"] for r in open_items(session=s, owner_id=ann)] == ["Ann's"]
        assert [r["title"] for r in open_items(session=s, owner_id=None)] == ["nobody's"]


# --- how it reads -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "label"),
    [
        (date(2026, 11, 20), "3d late"),
        (date(2026, 10, 26), "4w late"),
        (TODAY, "today"),
        (date(2026, 11, 26), "Thu"),
        (date(2026, 12, 4), "Fri 4 Dec"),
        (date(2026, 12, 14), "14 Dec"),
        (date(2027, 1, 5), "5 Jan '27"),
        (None, "no date"),
    ],
)
def test_when_an_item_is_due_reads_short(due: date | None, label: str) -> None:
    assert when_label(due, TODAY) == label


def test_the_filter_speaks_the_board_language_plus_client() -> None:
    rows = [
        agenda_row("Renew firewall", client="Acme Bank", owner="Ann Lee", due=date(2026, 11, 20)),
        agenda_row("Patch servers", client="Globex", owner="Ben Okafor"),
        agenda_row("Nice thing", client="Acme Foods", must=False),
    ]

    def kept(text: str) -> list[str]:
        match = agenda_matcher(text, TODAY)
        assert match is not None
        return [r["title"] for r in rows if match(r)]

    assert agenda_matcher("  ", TODAY) is None
    assert kept("client:acme") == ["Renew firewall", "Nice thing"]
    assert kept("client:ACME must") == ["Renew firewall"]
    assert kept("globex") == ["Patch servers"]  # free text finds the client's name too
    assert kept("owner:ann overdue") == ["Renew firewall"]
    assert kept("client:acme client:foods") == ["Nice thing"]
    assert kept("client:nobody") == []
