"""The triage queue: every rule at a fixed date, the order, snoozing, scope, and one item."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan import clock, plan
from actionplan.db import Database
from actionplan.plan.dependencies import block
from actionplan.triage import (
    explain_queue,
    item_rows,
    snooze_item,
    triage_detail,
    triage_queue,
)
from actionplan.triage_rules import rank_of
from tests.support import AUTHOR, TODAY, add_quiet, edit, wipe
from tests.support.plans import save_summary


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


def queue(db: Database, client: str | None = None, today: date = TODAY) -> list[int]:
    with db.session() as s:
        return [e.id for e in triage_queue(session=s, today=today, client=client)]


def reasons(db: Database, today: date = TODAY) -> dict[int, tuple[str, ...]]:
    """Every queued item's reasons, by id."""
    with db.session() as s:
        return {row["id"]: why for row, why in explain_queue(session=s, today=today)}


# --- each rule ---------------------------------------------------------------------------------


def test_an_item_that_needs_nothing_is_not_queued(db: Database) -> None:
    add_quiet(db)
    add_quiet(db, "Nice, no owner, no date", must=False, owner=None, due=None)
    assert queue(db) == []


def test_overdue_items_say_by_how_many_days(db: Database) -> None:
    twelve = add_quiet(db, due=date(2026, 11, 11))
    one = add_quiet(db, due=date(2026, 11, 22))
    add_quiet(db, due=TODAY, status="doing")  # due today is not late
    assert reasons(db) == {twelve: ("12 days overdue",), one: ("1 day overdue",)}


def test_due_within_a_week_and_not_started(db: Database) -> None:
    today = add_quiet(db, due=TODAY)
    tomorrow = add_quiet(db, due=TODAY + timedelta(days=1))
    week = add_quiet(db, due=TODAY + timedelta(days=7))
    add_quiet(db, due=TODAY + timedelta(days=8))  # beyond the week
    add_quiet(db, due=TODAY + timedelta(days=3), status="doing")  # started
    assert reasons(db) == {
        today: ("due today, not started",),
        tomorrow: ("due tomorrow, not started",),
        week: ("due in 7 days, not started",),
    }


def test_must_dos_need_an_owner_and_a_date(db: Database) -> None:
    no_owner = add_quiet(db, owner=None)
    no_date = add_quiet(db, due=None)
    neither = add_quiet(db, owner=None, due=None)
    add_quiet(db, must=False, owner=None, due=None)
    assert reasons(db) == {
        no_owner: ("must-do with no owner",),
        no_date: ("must-do with no date",),
        neither: ("must-do with no owner", "must-do with no date"),
    }


def test_waiting_more_than_a_week_counts_from_when_it_started_waiting(
    db: Database, now: Clock
) -> None:
    now.days_ago(9)
    added_waiting = add_quiet(db, status="waiting", waiting_on="client")
    now.days_ago(30)
    moved_long_ago = add_quiet(db)
    moved_lately = add_quiet(db)
    now.days_ago(10)
    edit(db, moved_long_ago, waiting_on="vendor")
    now.days_ago(3)
    edit(db, moved_lately, waiting_on="vendor")
    now.days_ago(7)
    add_quiet(db, status="waiting", waiting_on="internal")  # exactly a week: not yet
    now.days_ago(0)
    assert reasons(db) == {
        added_waiting: ("waiting on the client for 9 days",),
        moved_long_ago: ("waiting on a vendor for 10 days",),
    }


def test_waiting_on_whom_not_said(db: Database, now: Clock) -> None:
    now.days_ago(8)
    item = add_quiet(db, status="waiting")
    now.days_ago(0)
    assert reasons(db) == {item: ("waiting for 8 days",)}


def test_no_change_in_two_weeks(db: Database, now: Clock) -> None:
    now.days_ago(21)
    old = add_quiet(db)
    now.days_ago(14)
    fortnight = add_quiet(db)
    now.days_ago(13)
    add_quiet(db)
    now.days_ago(30)
    touched = add_quiet(db)
    now.days_ago(2)
    edit(db, touched, title="Touched lately")
    now.days_ago(0)
    assert reasons(db) == {old: ("no change in 21 days",), fortnight: ("no change in 14 days",)}


def test_a_long_wait_is_not_also_reported_as_no_change(db: Database, now: Clock) -> None:
    now.days_ago(20)
    item = add_quiet(db, status="waiting", waiting_on="client")
    now.days_ago(0)
    assert reasons(db) == {item: ("waiting on the client for 20 days",)}


def test_a_slip_stays_in_the_queue_until_a_snapshot_tells_the_client(db: Database) -> None:
    slipped = add_quiet(db, due=TODAY + timedelta(days=20), committed=TODAY + timedelta(days=10))
    on_time = add_quiet(db, due=TODAY + timedelta(days=10), committed=TODAY + timedelta(days=10))
    assert reasons(db) == {slipped: ("slipped: client not yet told",)}
    save_summary(db, "Acme", markdown="-")
    assert queue(db) == []
    edit(db, on_time, due=TODAY + timedelta(days=12))  # a new slip after the call
    assert reasons(db) == {on_time: ("slipped: client not yet told",)}


def test_done_dropped_and_deleted_items_never_need_attention(db: Database) -> None:
    add_quiet(db, due=date(2026, 11, 1), status="done")
    add_quiet(db, due=date(2026, 11, 1), status="dropped")
    gone = add_quiet(db, due=date(2026, 11, 1))
    with db.session() as s:
        plan.delete_item(session=s, item_id=gone, author=AUTHOR)
    assert queue(db) == []


def test_several_reasons_are_listed_worst_first(db: Database, now: Clock) -> None:
    now.days_ago(20)
    item = add_quiet(db, owner=None, due=date(2026, 11, 13), committed=date(2026, 11, 10))
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
    stale = add_quiet(db, "stale")
    now.days_ago(12)
    waiting = add_quiet(db, "waiting 12 days", status="waiting", waiting_on="client")
    now.days_ago(0)
    nice_late = add_quiet(db, "nice, 20 days late", must=False, due=date(2026, 11, 3))
    soon = add_quiet(db, "due in 2 days", due=date(2026, 11, 25))
    soonest = add_quiet(db, "due today", due=TODAY)
    untold = add_quiet(db, "slipped", due=date(2026, 12, 30), committed=date(2026, 12, 20))
    unowned = add_quiet(db, "no owner", owner=None)
    late_2 = add_quiet(db, "2 days late", due=date(2026, 11, 21))
    late_9 = add_quiet(db, "9 days late", due=date(2026, 11, 14))
    late_9_escalated = add_quiet(
        db, "9 days late, escalated", due=date(2026, 11, 14), escalated=True,
        escalation_reason="CEO asked",
    )  # fmt: skip
    escalated = add_quiet(
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
    first = add_quiet(db, due=date(2026, 11, 14))
    with db.session() as s:
        (row,) = item_rows(session=s, ids=[first])
        entry = rank_of(row, today=TODAY)
        (queued,) = triage_queue(session=s, today=TODAY)
    assert entry == queued


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
    wipe(db)
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
        item_id = add_quiet(db, client=spec["client"], **values)
        if spec["waited"] is not None:
            now.days_ago(spec["waited"])  # moved to waiting later: the wait counts from then
            edit(db, item_id, status="waiting", waiting_on=spec["waiting_on"])
        if snapshot and item_id % 3 == 0:
            save_summary(db, spec["client"], markdown="-")
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
    item = add_quiet(db, due=date(2026, 11, 20))
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
    item = add_quiet(db)
    with db.session() as s, pytest.raises(plan.Invalid, match="after today"):
        snooze_item(session=s, item_id=item, until=until, today=TODAY, author=AUTHOR)
    with db.session() as s:
        (row,) = item_rows(session=s, ids=[item])
    assert row["snoozed_until"] is None and row["version"] == 1


def test_one_client_or_all(db: Database) -> None:
    acme = add_quiet(db, owner=None)
    beta = add_quiet(db, owner=None, client="Beta")
    assert queue(db) == [acme, beta]
    assert queue(db, "acme") == [acme]
    assert queue(db, "Beta") == [beta]
    with db.session() as s, pytest.raises(plan.NotFound, match="no client named 'Gamma'"):
        triage_queue(session=s, today=TODAY, client="Gamma")


def _block(db: Database, item_id: int, *blockers: int) -> None:
    with db.session() as s:
        block(session=s, item_id=item_id, blocked_by=list(blockers), author=AUTHOR)


def test_an_item_blocked_by_a_late_item_says_so_after_its_own_reasons(db: Database) -> None:
    laptops = add_quiet(db, "Order laptops", due=TODAY - timedelta(days=2))
    desks = add_quiet(db, "Order desks", due=TODAY - timedelta(days=1))
    setup = add_quiet(db, "Set up the new starters' laptops", due=TODAY + timedelta(days=3))
    _block(db, setup, laptops, desks)
    assert queue(db) == [laptops, desks, setup]  # the order is the rules' alone
    assert reasons(db)[setup] == (
        "due in 3 days, not started",
        f"blocked by a late item: #{laptops} Order laptops",
    )
    with db.session() as s:
        detail = triage_detail(session=s, item_id=setup, today=TODAY)
    assert detail.reasons == reasons(db)[setup]


def test_only_an_open_late_blocker_counts_and_long_titles_are_shortened(db: Database) -> None:
    done = add_quiet(db, "Done already", due=TODAY - timedelta(days=5))
    edit(db, done, status="done")
    dropped = add_quiet(db, "Dropped", due=TODAY - timedelta(days=5))
    edit(db, dropped, status="dropped")
    on_time = add_quiet(db, "Not late yet", due=TODAY)
    gone = add_quiet(db, "Deleted", due=TODAY - timedelta(days=5))
    setup = add_quiet(db, "Setup", due=TODAY + timedelta(days=3))
    _block(db, setup, done, dropped, on_time, gone)
    with db.session() as s:
        plan.delete_item(session=s, item_id=gone, author=AUTHOR)
    assert reasons(db)[setup] == ("due in 3 days, not started",)
    long = add_quiet(db, "A" * 60, due=TODAY - timedelta(days=1))
    _block(db, setup, long)
    assert reasons(db)[setup][-1] == f"blocked by a late item: #{long} {'A' * 39}…"


# --- one item, and the writes the triage screen makes ----------------------------------------


def test_the_detail_shows_reasons_and_the_last_changes_newest_first(
    db: Database, now: Clock
) -> None:
    now.days_ago(5)
    item = add_quiet(db, due=date(2026, 11, 20))
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
    item = add_quiet(db)
    edit(db, item, owner="Ben")
    with db.session() as s:
        detail = triage_detail(session=s, item_id=item, today=TODAY)
    assert detail.changes[0].text == "owner: Ann → Ben"
    assert detail.changes[-1].text == "created"
