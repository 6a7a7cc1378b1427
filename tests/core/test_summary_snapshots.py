"""Summaries over time: done reported once, dates moved, snapshots from before reported done was
kept, and a slip the client has not been told of."""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import partial
from typing import Any

from actionplan import plan
from actionplan.db import Database
from actionplan.plan.snapshots import save_snapshot
from actionplan.queries import ItemFilter, list_items
from actionplan.summary.model import Summary
from actionplan.summary.render import render
from actionplan.summary.source import mark_untold, snapshots
from tests import support
from tests.support import AUTHOR, TODAY, seed
from tests.support.plans import CLIENT, save_sent, save_summary, summarise, titles

add = partial(support.add, client=CLIENT)  # every item is CLIENT's


def test_an_item_finished_on_the_day_of_a_snapshot_is_reported_done_next_time(
    sqlite_db: Database, fixed_now: Any
) -> None:
    """The call is in the morning, the snapshot saved before it; the work is finished after."""
    with sqlite_db.session() as s:
        item = add(s, "Patch the VPN", due=date(2026, 11, 27))
        first = summarise(s)
        save_sent(s, first)
    fixed_now(TODAY, 16)
    with sqlite_db.session() as s:
        plan.move_item(session=s, item_id=item, status="done", author=AUTHOR)
        next_week = summarise(s, today=TODAY + timedelta(days=7))
    assert titles(next_week.done) == ["Patch the VPN"]


def test_a_done_item_is_reported_once_however_many_snapshots_a_day_has(
    db: Database, fixed_now: Any
) -> None:
    """Done at 10:00, told at 11:00: the 12:00, 13:00 and next-day summaries stay quiet."""
    with db.session() as s:
        early = add(s, "Patch the VPN", due=date(2026, 11, 27))
        late = add(s, "Renew the certificates", due=date(2026, 11, 28))
    fixed_now(TODAY, 10)
    with db.session() as s:
        plan.move_item(session=s, item_id=early, status="done", author=AUTHOR)
    reported: list[list[str]] = []
    for hour in (11, 12, 13):
        fixed_now(TODAY, hour)
        with db.session() as s:
            summary = summarise(s)
            save_sent(s, summary)
        reported.append(titles(summary.done))
        if hour == 12:  # finished after the 12:00 snapshot: news at 13:00, once
            fixed_now(TODAY, 12)
            with db.session() as s:
                plan.move_item(session=s, item_id=late, status="done", author=AUTHOR)
    fixed_now(TODAY + timedelta(days=1), 9)
    with db.session() as s:
        next_day = summarise(s, today=TODAY + timedelta(days=1))
    assert reported == [["Patch the VPN"], [], ["Renew the certificates"]]
    assert next_day.done == []


def test_a_snapshot_saved_before_reported_done_was_kept_is_still_read(
    db: Database, fixed_now: Any
) -> None:
    """Older snapshots have no record of what was reported: their "done" list stands for it."""
    fixed_now(TODAY, 10)
    with db.session() as s:
        item = add(s, "Patch the VPN", due=date(2026, 11, 27))
        plan.move_item(session=s, item_id=item, status="done", author=AUTHOR)
    fixed_now(TODAY, 11)
    with db.session() as s:
        first = summarise(s)
        model = first.to_json()
        model.pop("reported_done", None)
        save_snapshot(session=s, client=CLIENT, model=model, markdown="-", author=AUTHOR)
        [stored] = snapshots(session=s, client=CLIENT)
    assert "reported_done" not in json.loads(stored.model_json)
    old = Summary.from_json(json.loads(stored.model_json))
    assert titles(old.done) == ["Patch the VPN"]
    fixed_now(TODAY, 12)
    with db.session() as s:
        second = summarise(s)
        save_sent(s, second)
    fixed_now(TODAY, 13)
    with db.session() as s:
        third = summarise(s)
    assert (second.done, third.done) == ([], [])


def test_a_date_moved_by_a_year_says_which_year(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        item = add(s, "Renew the certificates", due=date(2026, 12, 5))
        first = summarise(s)
        save_sent(s, first)
        plan.set_due(session=s, item_id=item, due=date(2027, 12, 5), author=AUTHOR)
        md = str(render(summarise(s), "md"))
    [moved] = [line for line in md.splitlines() if line.startswith("- Renew the certificates:")]
    assert "2027" in moved, moved  # not "was 5 Dec, now 5 Dec"


def test_a_slip_stays_client_not_told_until_a_snapshot_carries_the_new_date(db: Database):
    def untold() -> dict[int, bool]:
        with db.session() as s:
            rows = list_items(session=s, where=ItemFilter(client="Acme"))
            mark_untold(session=s, rows=rows)
        return {r["id"]: r["untold"] for r in rows}

    slipped, on_time = seed(
        db, "Slipped", "On time", due=date(2026, 12, 10), committed=date(2026, 12, 1)
    )
    with db.session() as s:
        plan.edit_item(session=s, item_id=on_time, author="T", committed=date(2026, 12, 10))
    assert untold() == {slipped: True, on_time: False}

    save_summary(db, markdown="")
    assert untold() == {slipped: False, on_time: False}
    with db.session() as s:  # it slips again: the client has not heard of the newer date
        plan.edit_item(session=s, item_id=slipped, author="T", due=date(2026, 12, 20))
    assert untold()[slipped] is True
    save_summary(db, markdown="")
    assert untold()[slipped] is False
