"""Recurring items: repeat text, next due dates (month ends, leap years, late completion), and
the next occurrence a completion adds (history, undo, no duplicates)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import select

from actionplan import clock, plan
from actionplan.db import Database
from actionplan.models import HistoryEvent, Item, Operation, RepeatFrom, RepeatUnit, Status
from actionplan.plan import Invalid
from actionplan.plan.recurrence import (
    Repeat,
    anchor_day,
    describe_repeat,
    next_due,
    parse_repeat,
    shift,
    short_repeat,
)
from tests.support import AUTHOR, add, edit, items

WEEK, MONTH, DAY = RepeatUnit.WEEK, RepeatUnit.MONTH, RepeatUnit.DAY
DUE, DONE = RepeatFrom.DUE, RepeatFrom.DONE


# --- reading and saying a repeat ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "every", "unit"),
    [
        ("3w", 3, WEEK),
        ("2m", 2, MONTH),
        ("10d", 10, DAY),
        ("1w", 1, WEEK),
        ("weekly", 1, WEEK),
        ("monthly", 1, MONTH),
        ("daily", 1, DAY),
        ("fortnightly", 2, WEEK),
        ("quarterly", 3, MONTH),
        ("yearly", 12, MONTH),
        ("1y", 12, MONTH),
        ("every 3 weeks", 3, WEEK),
        ("Every  3  Weeks", 3, WEEK),
        ("every week", 1, WEEK),
        ("every month", 1, MONTH),
        ("3 days", 3, DAY),
        ("every weekly", 1, WEEK),
    ],
)
def test_parse_repeat_reads_what_people_type(text: str, every: int, unit: RepeatUnit) -> None:
    assert parse_repeat(text) == Repeat(every, unit)


@pytest.mark.parametrize("text", ["none", "", "  ", "never", "off", "NO", "-", None])
def test_none_and_empty_mean_no_repeat(text: str | None) -> None:
    assert parse_repeat(text) is None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("3q", "cannot read the repeat '3q'"),
        ("every", "cannot read the repeat"),
        ("3", "cannot read the repeat"),
        ("w3", "cannot read the repeat"),
        ("every other week", "cannot read the repeat"),
        ("٣w", "cannot read the repeat"),  # Arabic-Indic digit: not a count we read
        ("0w", "every 1 to 999"),
        ("1000d", "every 1 to 999"),
        ("84y", "every 1 to 999"),  # 1,008 months
    ],
)
def test_a_bad_repeat_is_a_one_line_error_with_examples(text: str, says: str) -> None:
    with pytest.raises(Invalid) as caught:
        parse_repeat(text)
    message = str(caught.value)
    assert says in message and "\n" not in message


def test_a_very_long_repeat_is_refused_quickly_and_shortly() -> None:
    with pytest.raises(Invalid) as caught:
        parse_repeat("every " + "9" * 10_000 + " weeks")
    assert len(str(caught.value)) < 160


def test_describe_and_short_forms() -> None:
    assert describe_repeat(3, WEEK) == "every 3 weeks"
    assert describe_repeat(1, MONTH, DUE) == "every month, from the due date"
    assert describe_repeat(10, "day", "done") == "every 10 days, from completion"
    assert describe_repeat(None, None) == "no repeat"
    assert short_repeat(3, WEEK) == "3w"
    assert short_repeat(12, "month") == "12m"
    assert short_repeat(None, None) == ""
    # The short form reads back as the same repeat.
    assert parse_repeat(short_repeat(10, DAY)) == Repeat(10, DAY)


# --- next due dates ---------------------------------------------------------------------------


def _series(start: date, every: int, unit: RepeatUnit, count: int) -> list[date]:
    """Each next date computed as the plan does: completed on its due day, day from the series."""
    dues = [start]
    for _ in range(count):
        day = anchor_day(dues) if unit == MONTH else None
        dues.append(
            next_due(
                every=every, unit=unit, repeat_from=DUE, due=dues[-1], done_on=dues[-1], day=day
            )
        )
    return dues


def _days(*iso: str) -> list[date]:
    return [date.fromisoformat(day) for day in iso]


def test_a_monthly_check_from_31_january_keeps_to_month_ends_without_drifting() -> None:
    assert _series(date(2027, 1, 31), 1, MONTH, 4) == _days(
        "2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31"
    )
    assert _series(date(2028, 1, 31), 1, MONTH, 2)[1] == date(2028, 2, 29)  # a leap year
    thirtieth = _days("2027-01-30", "2027-02-28", "2027-03-30")  # the 30th, not the month's end
    assert _series(date(2027, 1, 30), 1, MONTH, 2) == thirtieth


def test_29_february_every_12_months_is_28_february_then_29_again_in_a_leap_year() -> None:
    assert _series(date(2028, 2, 29), 12, MONTH, 4) == _days(
        "2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29"
    )


def test_from_the_due_date_or_from_completion() -> None:
    due, done = date(2026, 11, 2), date(2026, 11, 5)
    kwargs: dict[str, Any] = {"every": 1, "unit": WEEK, "due": due, "done_on": done}
    assert next_due(repeat_from=DUE, **kwargs) == date(2026, 11, 9)
    assert next_due(repeat_from=DONE, **kwargs) == date(2026, 11, 12)
    # Completed early, from the due date is still due + interval.
    early = next_due(every=3, unit=WEEK, repeat_from=DUE, due=due, done_on=date(2026, 10, 20))
    assert early == date(2026, 11, 23)


def test_an_undated_item_counts_from_completion() -> None:
    done = date(2026, 11, 23)
    assert next_due(every=10, unit=DAY, repeat_from=DUE, due=None, done_on=done) == date(
        2026, 12, 3
    )
    assert next_due(every=1, unit=MONTH, repeat_from=None, due=None, done_on=done) == date(
        2026, 12, 23
    )


def test_completed_late_the_missed_dates_are_skipped_not_created_overdue() -> None:
    due = date(2026, 11, 2)  # weekly, done three weeks late
    assert next_due(every=1, unit=WEEK, repeat_from=DUE, due=due, done_on=date(2026, 11, 22)) == (
        date(2026, 11, 23)
    )
    # Done on a day the series falls on: the next is the one after it, not today.
    assert next_due(every=1, unit=WEEK, repeat_from=DUE, due=due, done_on=date(2026, 11, 23)) == (
        date(2026, 11, 30)
    )
    monthly = next_due(
        every=1,
        unit=MONTH,
        repeat_from=DUE,
        due=date(2027, 1, 31),
        done_on=date(2027, 4, 2),
        day=31,
    )
    assert monthly == date(2027, 4, 30)


def test_beyond_the_year_9999_is_an_overflow_not_a_wrong_date() -> None:
    with pytest.raises(OverflowError):
        shift(date(9999, 12, 1), 1, MONTH)


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    every=st.integers(min_value=1, max_value=36),
    unit=st.sampled_from(list(RepeatUnit)),
    count=st.integers(min_value=1, max_value=30),
)
def test_a_series_never_drifts_and_only_goes_forward(
    start: date, every: int, unit: RepeatUnit, count: int
) -> None:
    dues = _series(start, every, unit, count)
    for k, due in enumerate(dues):
        # The k-th date is k intervals from the first, on the first's day (clamped).
        assert due == shift(start, k * every, unit, day=start.day)
    assert all(a < b for a, b in itertools.pairwise(dues))
    if unit == MONTH:
        assert anchor_day(dues) == start.day


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    every=st.integers(min_value=1, max_value=12),
    unit=st.sampled_from(list(RepeatUnit)),
    late=st.integers(min_value=-30, max_value=800),
)
def test_late_completion_lands_on_the_first_series_date_after_it(
    start: date, every: int, unit: RepeatUnit, late: int
) -> None:
    done = start + timedelta(days=late)
    following = next_due(every=every, unit=unit, repeat_from=DUE, due=start, done_on=done)
    assert following > done and following > start
    # It is a date of the series, and the one before it is not after the completion.
    k = next(k for k in range(1, 2000) if shift(start, k * every, unit) >= following)
    assert shift(start, k * every, unit) == following
    assert k == 1 or shift(start, (k - 1) * every, unit) <= done


# --- completing adds the next occurrence (both databases) --------------------------------------


def _following(db: Database, item_id: int) -> list[Item]:
    return [i for i in items(db) if i.follows_id == item_id and i.deleted_at is None]


def test_completing_a_recurring_item_adds_the_next_in_the_same_operation(db: Database) -> None:
    first = add(
        db,
        "Health check",
        owner="Tom Becker",
        due=date(2026, 11, 23),
        committed=date(2026, 11, 20),
        must=False,
        client_note="For the client",
        internal_note="For us",
        visibility="internal",
        escalated=True,
        escalation_reason="Late twice",
        repeat_every=3,
        repeat_unit="week",
    )
    done = edit(db, first, status="done")
    [following] = _following(db, first)
    assert following.due == date(2026, 12, 14)
    assert following.status == Status.PLANNED and following.committed is None
    assert following.done_at is None and not following.escalated
    assert (following.title, following.owner_id, following.must, following.visibility) == (
        done.title,
        done.owner_id,
        False,
        done.visibility,
    )
    assert (following.client_note, following.internal_note) == ("For the client", "For us")
    assert (following.repeat_every, following.repeat_unit, following.repeat_from) == (
        3,
        WEEK,
        DUE,
    )
    with db.session() as s:
        created = s.exec(select(HistoryEvent).where(HistoryEvent.item_id == following.id)).one()
        status = s.exec(
            select(HistoryEvent).where(
                HistoryEvent.item_id == first, HistoryEvent.field == "status"
            )
        ).one()
        op = s.get(Operation, status.op_id)
    assert (
        created.field == "created" and created.reason == f"repeats every 3 weeks; follows #{first}"
    )
    assert created.op_id == status.op_id  # one operation: one undo
    assert op is not None and f"next #{following.id} due 2026-12-14" in op.summary


def test_undo_of_the_completion_removes_the_next_occurrence(db: Database) -> None:
    first = add(db, "Health check", due=date(2026, 11, 23), repeat_every=1, repeat_unit="month")
    edit(db, first, status="done")
    assert len(_following(db, first)) == 1
    with db.session() as s:
        undone = plan.undo(session=s, author=AUTHOR)
    assert undone is not None
    by_id = {i.id: i for i in items(db)}
    assert by_id[first].status == Status.PLANNED and by_id[first].done_at is None
    assert _following(db, first) == []
    assert [i.id for i in by_id.values() if i.deleted_at is None] == [first]
    # Done again: a fresh next occurrence, exactly one.
    edit(db, first, status="done")
    assert [i.due for i in _following(db, first)] == [date(2026, 12, 23)]


def test_done_reopened_and_done_again_never_makes_a_second_next(db: Database) -> None:
    first = add(db, "Health check", due=date(2026, 11, 23), repeat_every=1, repeat_unit="week")
    edit(db, first, status="done")
    edit(db, first, status="doing")
    edit(db, first, status="done")
    with db.session() as s:
        plan.move_item(session=s, item_id=first, status="planned", author=AUTHOR)
        plan.move_item(session=s, item_id=first, status="done", author=AUTHOR)
    assert len(_following(db, first)) == 1
    assert len([i for i in items(db) if i.deleted_at is None]) == 2


def test_a_monthly_series_stays_on_its_day_through_the_database(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    current = add(db, "Health check", due=date(2027, 1, 31), repeat_every=1, repeat_unit="month")
    dues = []
    for _ in range(5):
        item = next(i for i in items(db) if i.id == current)
        assert item.due is not None
        monkeypatch.setenv(clock.TODAY_ENV, item.due.isoformat())  # done on the day
        edit(db, current, status="done")
        [following] = _following(db, current)
        assert following.id is not None and following.due is not None
        dues.append(following.due)
        current = following.id
    assert dues == [
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
        date(2027, 5, 31),
        date(2027, 6, 30),
    ]


def test_a_re_dated_occurrence_moves_the_series(db: Database, monkeypatch) -> None:
    first = add(db, "Health check", due=date(2027, 1, 31), repeat_every=1, repeat_unit="month")
    monkeypatch.setenv(clock.TODAY_ENV, "2027-01-31")
    edit(db, first, status="done")
    [second] = _following(db, first)
    edit(db, second.id, due=date(2027, 2, 15))  # the user moved it to the 15th
    monkeypatch.setenv(clock.TODAY_ENV, "2027-02-15")
    edit(db, second.id, status="done")
    assert [i.due for i in _following(db, second.id)] == [date(2027, 3, 15)]


def test_from_completion_counts_from_the_day_it_was_done(db: Database) -> None:
    first = add(
        db,
        "Health check",
        due=date(2026, 11, 2),
        repeat_every=10,
        repeat_unit="day",
        repeat_from="done",
    )
    edit(db, first, status="done")  # today is 2026-11-23 (conftest)
    assert [i.due for i in _following(db, first)] == [date(2026, 12, 3)]


def test_a_late_weekly_check_comes_back_after_today_not_overdue(db: Database) -> None:
    first = add(db, "Health check", due=date(2026, 11, 2), repeat_every=1, repeat_unit="week")
    edit(db, first, status="done")  # three weeks late
    assert [i.due for i in _following(db, first)] == [date(2026, 11, 30)]


def test_completing_a_plain_item_or_editing_a_done_one_adds_nothing(db: Database) -> None:
    plain = add(db, "Health check", due=date(2026, 11, 23))
    edit(db, plain, status="done")
    recurring = add(db, "Health check", due=date(2026, 11, 23), repeat_every=1, repeat_unit="week")
    edit(db, recurring, status="dropped")  # dropped is not done: no next
    assert len(items(db)) == 2
    edit(db, recurring, status="done")
    edit(db, recurring, title="Health check (renamed)")
    assert len(_following(db, recurring)) == 1


def test_repeat_settings_are_checked(db: Database) -> None:
    plain = add(db, "Health check")
    with pytest.raises(Invalid, match="repeat-from is only for a repeating item"):
        edit(db, plain, repeat_from="done")
    recurring = add(db, "Health check", repeat_every=2, repeat_unit="week")
    assert edit(db, recurring, repeat_from="done").repeat_from == DONE
    cleared = edit(db, recurring, repeat_every=None, repeat_unit=None)
    assert (cleared.repeat_every, cleared.repeat_unit, cleared.repeat_from) == (None, None, None)
