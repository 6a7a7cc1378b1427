"""The triage queue: every rule at a fixed date, the order, snoozing, scope, and the command."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan import clock, plan
from actionplan.cli import main
from actionplan.db import Database
from actionplan.plan.snapshots import save_snapshot
from actionplan.summary.source import summary_for
from actionplan.triage import (
    explain_queue,
    item_rows,
    snooze_item,
    triage_detail,
    triage_queue,
)
from actionplan.triage_rules import rank_of

TODAY = date(2026, 11, 23)  # a Monday
AUTHOR = "Tester"
TABLES = ["history", "snapshot", "item", "operation", "person", "client"]


class Clock:
    """The time every write records (plan reads clock.now); starts on TODAY at 09:00 UTC."""

    def __init__(self) -> None:
        self.moment = datetime.combine(TODAY, time(9), tzinfo=UTC)

    def days_ago(self, days: int) -> None:
        self.moment = datetime.combine(TODAY - timedelta(days=days), time(9), tzinfo=UTC)


@pytest.fixture(autouse=True)
def now(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    fixed = Clock()
    monkeypatch.setattr(clock, "now", lambda: fixed.moment)
    yield fixed


def add(db: Database, title: str = "Item", *, client: str = "Acme", **values: Any) -> int:
    """Add an item; by default it needs nothing (owned, due in a month, just changed)."""
    values.setdefault("owner", "Ann")
    values.setdefault("due", TODAY + timedelta(days=30))
    with db.session() as s:
        item = plan.add_item(session=s, author=AUTHOR, client=client, title=title, **values)
    assert item.id is not None
    return item.id


def edit(db: Database, item_id: int, **changes: Any) -> None:
    with db.session() as s:
        plan.edit_item(session=s, item_id=item_id, author=AUTHOR, **changes)


def queue(db: Database, client: str | None = None, today: date = TODAY) -> list[int]:
    with db.session() as s:
        return [e.id for e in triage_queue(session=s, today=today, client=client)]


def reasons(db: Database, today: date = TODAY) -> dict[int, tuple[str, ...]]:
    """Every queued item's reasons, by id."""
    with db.session() as s:
        return {row["id"]: why for row, why in explain_queue(session=s, today=today)}


# --- each rule ---------------------------------------------------------------------------------


def test_an_item_that_needs_nothing_is_not_queued(db: Database) -> None:
    add(db)
    add(db, "Nice, no owner, no date", must=False, owner=None, due=None)
    assert queue(db) == []


def test_overdue_items_say_by_how_many_days(db: Database) -> None:
    twelve = add(db, due=date(2026, 11, 11))
    one = add(db, due=date(2026, 11, 22))
    add(db, due=TODAY, status="doing")  # due today is not late
    assert reasons(db) == {twelve: ("12 days overdue",), one: ("1 day overdue",)}


def test_due_within_a_week_and_not_started(db: Database) -> None:
    today = add(db, due=TODAY)
    tomorrow = add(db, due=TODAY + timedelta(days=1))
    week = add(db, due=TODAY + timedelta(days=7))
    add(db, due=TODAY + timedelta(days=8))  # beyond the week
    add(db, due=TODAY + timedelta(days=3), status="doing")  # started
    assert reasons(db) == {
        today: ("due today, not started",),
        tomorrow: ("due tomorrow, not started",),
        week: ("due in 7 days, not started",),
    }


def test_must_dos_need_an_owner_and_a_date(db: Database) -> None:
    no_owner = add(db, owner=None)
    no_date = add(db, due=None)
    neither = add(db, owner=None, due=None)
    add(db, must=False, owner=None, due=None)
    assert reasons(db) == {
        no_owner: ("must-do with no owner",),
        no_date: ("must-do with no date",),
        neither: ("must-do with no owner", "must-do with no date"),
    }


def test_waiting_more_than_a_week_counts_from_when_it_started_waiting(
    db: Database, now: Clock
) -> None:
    now.days_ago(9)
    added_waiting = add(db, status="waiting", waiting_on="client")
    now.days_ago(30)
    moved_long_ago = add(db)
    moved_lately = add(db)
    now.days_ago(10)
    edit(db, moved_long_ago, waiting_on="vendor")
    now.days_ago(3)
    edit(db, moved_lately, waiting_on="vendor")
    now.days_ago(7)
    add(db, status="waiting", waiting_on="internal")  # exactly a week: not yet
    now.days_ago(0)
    assert reasons(db) == {
        added_waiting: ("waiting on the client for 9 days",),
        moved_long_ago: ("waiting on a vendor for 10 days",),
    }


def test_waiting_on_whom_not_said(db: Database, now: Clock) -> None:
    now.days_ago(8)
    item = add(db, status="waiting")
    now.days_ago(0)
    assert reasons(db) == {item: ("waiting for 8 days",)}


def test_no_change_in_two_weeks(db: Database, now: Clock) -> None:
    now.days_ago(21)
    old = add(db)
    now.days_ago(14)
    fortnight = add(db)
    now.days_ago(13)
    add(db)
    now.days_ago(30)
    touched = add(db)
    now.days_ago(2)
    edit(db, touched, title="Touched lately")
    now.days_ago(0)
    assert reasons(db) == {old: ("no change in 21 days",), fortnight: ("no change in 14 days",)}


def test_a_long_wait_is_not_also_reported_as_no_change(db: Database, now: Clock) -> None:
    now.days_ago(20)
    item = add(db, status="waiting", waiting_on="client")
    now.days_ago(0)
    assert reasons(db) == {item: ("waiting on the client for 20 days",)}


def test_a_slip_stays_in_the_queue_until_a_snapshot_tells_the_client(db: Database) -> None:
    slipped = add(db, due=TODAY + timedelta(days=20), committed=TODAY + timedelta(days=10))
    on_time = add(db, due=TODAY + timedelta(days=10), committed=TODAY + timedelta(days=10))
    assert reasons(db) == {slipped: ("slipped: client not yet told",)}
    with db.session() as s:
        summary = summary_for(session=s, client="Acme", today=TODAY, prepared_by=AUTHOR)
        save_snapshot(
            session=s, client="Acme", model=summary.to_json(), markdown="-", author=AUTHOR
        )
    assert queue(db) == []
    edit(db, on_time, due=TODAY + timedelta(days=12))  # a new slip after the call
    assert reasons(db) == {on_time: ("slipped: client not yet told",)}


def test_done_dropped_and_deleted_items_never_need_attention(db: Database) -> None:
    add(db, due=date(2026, 11, 1), status="done")
    add(db, due=date(2026, 11, 1), status="dropped")
    gone = add(db, due=date(2026, 11, 1))
    with db.session() as s:
        plan.delete_item(session=s, item_id=gone, author=AUTHOR)
    assert queue(db) == []


def test_several_reasons_are_listed_worst_first(db: Database, now: Clock) -> None:
    now.days_ago(20)
    item = add(db, owner=None, due=date(2026, 11, 13), committed=date(2026, 11, 10))
    now.days_ago(0)
    assert reasons(db)[item] == (
        "10 days overdue",
        "must-do with no owner",
        "slipped: client not yet told",
        "no change in 20 days",
    )


# --- order ---------------------------------------------------------------------------------------


def test_worst_first(db: Database, now: Clock) -> None:
    now.days_ago(30)
    stale = add(db, "stale")
    now.days_ago(12)
    waiting = add(db, "waiting 12 days", status="waiting", waiting_on="client")
    now.days_ago(0)
    nice_late = add(db, "nice, 20 days late", must=False, due=date(2026, 11, 3))
    soon = add(db, "due in 2 days", due=date(2026, 11, 25))
    soonest = add(db, "due today", due=TODAY)
    untold = add(db, "slipped", due=date(2026, 12, 30), committed=date(2026, 12, 20))
    unowned = add(db, "no owner", owner=None)
    late_2 = add(db, "2 days late", due=date(2026, 11, 21))
    late_9 = add(db, "9 days late", due=date(2026, 11, 14))
    late_9_escalated = add(
        db, "9 days late, escalated", due=date(2026, 11, 14), escalated=True,
        escalation_reason="CEO asked",
    )  # fmt: skip
    escalated = add(
        db, "escalated, no owner", owner=None, escalated=True, escalation_reason="audit"
    )
    assert queue(db) == [
        late_9_escalated,
        late_9,
        late_2,
        escalated,  # an escalated must-do goes with the late ones, as 0 days late
        unowned,
        untold,
        soonest,
        soon,
        nice_late,
        waiting,
        stale,
    ]


def test_one_item_ranks_as_the_queue_ranks_it(db: Database) -> None:
    first = add(db, due=date(2026, 11, 14))
    with db.session() as s:
        (row,) = item_rows(session=s, ids=[first])
        entry = rank_of(row, today=TODAY)
        (queued,) = triage_queue(session=s, today=TODAY)
    assert entry == queued


def _empty(db: Database) -> None:
    with db.engine.begin() as conn:
        if db.is_sqlite:
            for table in TABLES:
                conn.exec_driver_sql(f"DELETE FROM {table}")
        else:
            conn.exec_driver_sql(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")


ITEM = st.fixed_dictionaries(
    {
        "created": st.integers(0, 40),
        "waited": st.one_of(st.none(), st.integers(0, 40)),
        "status": st.sampled_from(["planned", "doing", "waiting", "done", "dropped"]),
        "waiting_on": st.sampled_from([None, "client", "vendor", "internal"]),
        "due": st.one_of(st.none(), st.integers(-20, 20)),
        "committed": st.one_of(st.none(), st.integers(-25, 15)),
        "must": st.booleans(),
        "escalated": st.booleans(),
        "owner": st.sampled_from([None, "Ann", "Ben"]),
        "snoozed": st.one_of(st.none(), st.integers(-3, 3)),
        "client": st.sampled_from(["Acme", "Beta"]),
    }
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(items=st.lists(ITEM, min_size=1, max_size=12), snapshot=st.booleans())
def test_the_queue_is_the_rules_applied_to_every_item(
    db: Database, now: Clock, items: list[dict[str, Any]], snapshot: bool
) -> None:
    """SQL picks and ranks the queue; it must agree with judging every item one by one."""
    _empty(db)
    for spec in items:
        now.days_ago(max(spec["created"], spec["waited"] or 0))
        values: dict[str, Any] = {
            "status": "planned" if spec["waited"] is not None else spec["status"],
            "waiting_on": spec["waiting_on"] if spec["status"] == "waiting" else None,
            "due": TODAY + timedelta(days=spec["due"]) if spec["due"] is not None else None,
            "committed": (
                TODAY + timedelta(days=spec["committed"]) if spec["committed"] is not None else None
            ),
            "must": spec["must"],
            "escalated": spec["escalated"],
            "escalation_reason": "why" if spec["escalated"] else "",
            "owner": spec["owner"],
            "snoozed_until": (
                TODAY + timedelta(days=spec["snoozed"]) if spec["snoozed"] is not None else None
            ),
        }
        if values["status"] != "waiting":
            values.pop("waiting_on")
        item_id = add(db, client=spec["client"], **values)
        if spec["waited"] is not None:
            now.days_ago(spec["waited"])  # moved to waiting later: the wait counts from then
            edit(db, item_id, status="waiting", waiting_on=spec["waiting_on"])
        if snapshot and item_id % 3 == 0:
            with db.session() as s:
                summary = summary_for(session=s, client=spec["client"], today=TODAY,
                                      prepared_by=AUTHOR)  # fmt: skip
                save_snapshot(session=s, client=spec["client"], model=summary.to_json(),
                              markdown="-", author=AUTHOR)  # fmt: skip
    now.days_ago(0)
    with db.session() as s:
        queued = triage_queue(session=s, today=TODAY)
        rows = item_rows(session=s, ids=list(range(1, len(items) + 1)))
    expected = sorted(
        (entry for row in rows if (entry := rank_of(row, today=TODAY)) is not None
         and not (row["snoozed_until"] and row["snoozed_until"] > TODAY)),
        key=lambda e: e.rank,
    )  # fmt: skip
    assert queued == expected


# --- snooze and scope -------------------------------------------------------------------------


def test_a_snoozed_item_comes_back_on_its_date(db: Database) -> None:
    item = add(db, due=date(2026, 11, 20))
    with db.session() as s:
        snooze_item(session=s, item_id=item, until=date(2026, 11, 26), today=TODAY, author=AUTHOR)
    assert queue(db) == []
    assert queue(db, today=date(2026, 11, 25)) == []
    assert queue(db, today=date(2026, 11, 26)) == [item]
    with db.session() as s:
        snooze_item(session=s, item_id=item, until=None, today=TODAY, author=AUTHOR)
    assert queue(db) == [item]


@pytest.mark.parametrize("until", [TODAY, date(2026, 11, 1)])
def test_snoozing_needs_a_date_after_today(db: Database, until: date) -> None:
    item = add(db)
    with db.session() as s, pytest.raises(plan.Invalid, match="after today"):
        snooze_item(session=s, item_id=item, until=until, today=TODAY, author=AUTHOR)
    with db.session() as s:
        (row,) = item_rows(session=s, ids=[item])
    assert row["snoozed_until"] is None and row["version"] == 1


def test_one_client_or_all(db: Database) -> None:
    acme = add(db, owner=None)
    beta = add(db, owner=None, client="Beta")
    assert queue(db) == [acme, beta]
    assert queue(db, "acme") == [acme]
    assert queue(db, "Beta") == [beta]
    with db.session() as s, pytest.raises(plan.NotFound, match="no client named 'Gamma'"):
        triage_queue(session=s, today=TODAY, client="Gamma")


# --- one item, and the writes the triage screen makes ----------------------------------------


def test_the_detail_shows_reasons_and_the_last_changes_newest_first(
    db: Database, now: Clock
) -> None:
    now.days_ago(5)
    item = add(db, due=date(2026, 11, 20))
    now.days_ago(0)
    edit(db, item, owner="Ben")
    for day in (21, 22, 24, 25, 26):
        edit(db, item, due=date(2026, 11, day))
    with db.session() as s:
        detail = triage_detail(session=s, item_id=item, today=TODAY)
        with pytest.raises(plan.NotFound):
            triage_detail(session=s, item_id=999, today=TODAY)
    assert detail.row["owner"] == "Ben" and detail.row["client"] == "Acme"
    assert detail.reasons == ("due in 3 days, not started",)
    assert [c.text for c in detail.changes] == [
        "due: 2026-11-25 → 2026-11-26",
        "due: 2026-11-24 → 2026-11-25",
        "due: 2026-11-22 → 2026-11-24",
        "due: 2026-11-21 → 2026-11-22",
        "due: 2026-11-20 → 2026-11-21",
    ]
    assert all(c.author == AUTHOR for c in detail.changes)


def test_the_detail_names_owners_in_changes(db: Database) -> None:
    item = add(db)
    edit(db, item, owner="Ben")
    with db.session() as s:
        detail = triage_detail(session=s, item_id=item, today=TODAY)
    assert detail.changes[0].text == "owner: Ann → Ben"
    assert detail.changes[-1].text == "created"


# --- the command ---------------------------------------------------------------------------------


def run(db: Database, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", db.engine.url.render_as_string(hide_password=False), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_command_lists_the_queue_with_reasons(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    late = add(sqlite_db, "Renew [bold]licence[/]", due=date(2026, 11, 20))
    unowned = add(sqlite_db, "Patch", owner=None, client="Beta")
    code, out, _ = run(sqlite_db, capsys, "triage", "--json")
    assert code == 0
    records = json.loads(out)
    assert [r["id"] for r in records] == [late, unowned]
    assert records[0]["title"] == "Renew [bold]licence[/]"
    assert records[0]["reasons"] == ["3 days overdue"]
    assert records[1]["client"] == "Beta" and records[1]["owner"] is None
    code, out, _ = run(sqlite_db, capsys, "triage", "--client", "beta")
    assert code == 0
    assert "must-do with no owner" in out and "licence" not in out


def test_command_says_when_nothing_needs_attention(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    add(sqlite_db)
    assert run(sqlite_db, capsys, "triage") == (0, "Nothing needs attention.\n", "")
    assert run(sqlite_db, capsys, "triage", "--json") == (0, "[]\n", "")


def test_command_refuses_an_unknown_client(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    add(sqlite_db)
    code, out, err = run(sqlite_db, capsys, "triage", "--client", "Nobody")
    assert (code, out) == (1, "")
    assert err == "actionplan: no client named 'Nobody'\n"
