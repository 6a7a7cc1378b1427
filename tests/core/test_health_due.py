"""Recurring checks that name a health-check form (issue 15): the form is checked and carried to
the next occurrence; a check can complete its item in the same operation (one undo reverts
both); ``due_checks`` lists what is coming due; the recurring grid marks them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from actionplan import plan
from actionplan.db import Database
from actionplan.health.catalogue import find_form
from actionplan.health.due import DueCheck, due_checks
from actionplan.interchange.csv_io import read_csv, write_csv
from actionplan.models import Status
from actionplan.plan.errors import Invalid, NotFound
from actionplan.plan.health import Entry, keep_check
from actionplan.plan.recurrence import next_occurrence
from actionplan.queries import list_items
from actionplan.recurring import recurring_grid
from tests import support
from tests.support import AUTHOR, TABLES, TODAY, count

FORM = find_form("monthly-it-health-check")
KEY = FORM.key
MONTHLY = {"repeat_every": 1, "repeat_unit": "month"}


def _check(db: Database, client: str = "Acme", item_id: int | None = None) -> int:
    with db.session() as s:
        values = {"uptime_percent": 99.5}
        entry = Entry(FORM, values, client=client, checked_on=TODAY, item_id=item_id)
        row = keep_check(session=s, entry=entry, author=AUTHOR, today=TODAY)
        assert row.id is not None
        return row.id


def _counts(db: Database) -> dict[str, int]:
    return {t: count(db, t) for t in TABLES}


def test_an_item_names_a_form_by_key_or_title_and_an_unknown_one_is_one_line(db: Database) -> None:
    by_title = support.add(db, "Check", health_form="Monthly IT health check", **MONTHLY)
    assert support.item(db, by_title).health_form == KEY
    before = _counts(db)
    with pytest.raises(Invalid, match=r"^no form named 'monthly-it'; did you mean 'monthly-it"):
        support.add(db, "Other", health_form="monthly-it")
    with pytest.raises(Invalid, match=r"^no form named 'monthly-it'"):
        support.edit(db, by_title, health_form="monthly-it")
    assert _counts(db) == before and support.item(db, by_title).health_form == KEY
    assert support.edit(db, by_title, health_form="").health_form is None


def test_the_next_occurrence_keeps_the_form(db: Database) -> None:
    first = support.add(db, "Monthly check", due=TODAY, health_form=KEY, **MONTHLY)
    support.edit(db, first, status="done")
    with db.session() as s:
        following = next_occurrence(session=s, item_id=first)
        assert following is not None
        assert (following.health_form, following.due) == (KEY, date(2026, 12, 23))


def test_a_check_completes_its_item_in_one_operation_that_one_undo_reverts(db: Database) -> None:
    first = support.add(db, "Monthly check", due=TODAY, health_form=KEY, **MONTHLY)
    before = _counts(db)
    _check(db, item_id=first)
    assert support.item(db, first).status == Status.DONE
    with db.session() as s:
        following = next_occurrence(session=s, item_id=first)
        assert following is not None and following.health_form == KEY
    assert count(db, "health_check") == 1 and count(db, "item") == before["item"] + 1
    with db.session() as s:
        undone = plan.undo(session=s, author=AUTHOR)
    assert undone is not None and "marked done #1 Monthly check" in undone.summary
    assert count(db, "health_check") == 0
    assert support.item(db, first).status == Status.PLANNED
    assert [i.id for i in support.items(db, deleted=False)] == [first]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("other client", r"^item #\d+ is not an item of 'Acme'$"),
        ("other form", r"^item #\d+ names 'weekly', not 'monthly-it-health-check'$"),
        ("no form", r"^item #\d+ names no form, not 'monthly-it-health-check'$"),
        ("done", r"^item #\d+ is done already: a check completes an open item$"),
        ("deleted", r"^item #\d+ is deleted: a check completes an open item$"),
    ],
)
def test_a_check_for_the_wrong_item_saves_nothing(db: Database, setup: str, message: str) -> None:
    support.add(db, "Item")
    client = "Globex" if setup == "other client" else "Acme"
    form = None if setup == "no form" else KEY
    target = support.add(db, "Check", client, due=TODAY, health_form=form, **MONTHLY)
    if setup == "other form":  # a form whose file is gone since: stored as it was
        with db.session() as s:
            s.get(plan.items.Item, target).health_form = "weekly"  # type: ignore[union-attr]
            s.commit()
    if setup == "done":
        support.edit(db, target, status="done")
    if setup == "deleted":
        with db.session() as s:
            plan.delete_item(session=s, item_id=target, author=AUTHOR)
    before = _counts(db)
    with pytest.raises(Invalid, match=message):
        _check(db, item_id=target)
    assert _counts(db) == before


def test_a_check_for_no_such_item_saves_nothing(db: Database) -> None:
    support.add(db, "Item")
    before = _counts(db)
    with pytest.raises(NotFound, match=r"^no item #99$"):
        _check(db, item_id=99)
    assert _counts(db) == before


def test_due_checks_are_the_open_ones_due_within_the_days_by_due_then_client(
    db: Database,
) -> None:
    week = TODAY + timedelta(days=7)
    late = support.add(db, "Late", "Zeta", due=TODAY - timedelta(days=3), health_form=KEY)
    support.add(db, "Week end", "acme", due=week, health_form=KEY, owner="Ann")
    support.add(db, "Week end", "Beta", due=week, health_form=KEY)
    support.add(db, "Too far", "Acme", due=week + timedelta(days=1), health_form=KEY)
    support.add(db, "No form", "Acme", due=TODAY)
    support.add(db, "No date", "Acme", health_form=KEY)
    done = support.add(db, "Done", "Acme", due=TODAY, health_form=KEY)
    support.edit(db, done, status="done")
    gone = support.add(db, "Deleted", "Acme", due=TODAY, health_form=KEY)
    support.add(db, "Archived", "Old", due=TODAY, health_form=KEY)
    with db.session() as s:
        plan.delete_item(session=s, item_id=gone, author=AUTHOR)
        plan.archive_client(session=s, name="Old", author=AUTHOR, force=True)
    with db.session() as s:
        found = due_checks(session=s, today=TODAY)
        assert [(d.title, d.client) for d in found] == [
            ("Late", "Zeta"),
            ("Week end", "acme"),
            ("Week end", "Beta"),
        ]
        assert found[0] == DueCheck(
            late, "Zeta", KEY, FORM.title, TODAY - timedelta(days=3), "Late", None
        )
        assert found[1].owner == "Ann"
        assert [d.title for d in due_checks(session=s, today=TODAY, days=0)] == ["Late"]
        only = due_checks(session=s, today=TODAY, days=30, clients=["ACME"])
        assert [d.title for d in only] == ["Week end", "Too far"]


def test_a_form_whose_file_is_gone_has_no_title(db: Database) -> None:
    target = support.add(db, "Check", due=TODAY, health_form=KEY)
    with db.session() as s:
        s.get(plan.items.Item, target).health_form = "retired-form"  # type: ignore[union-attr]
        s.commit()
    with db.session() as s:
        [found] = due_checks(session=s, today=TODAY)
        assert (found.form, found.form_title) == ("retired-form", "")


def test_the_recurring_grid_marks_the_checks_with_forms(db: Database) -> None:
    health = support.add(db, "Health", due=TODAY + timedelta(days=8), health_form=KEY, **MONTHLY)
    support.add(db, "Backups", due=TODAY, repeat_every=1, repeat_unit="week")
    with db.session() as s:
        grid = recurring_grid(session=s, today=TODAY, weeks=4)
    [acme] = grid.clients
    assert acme.counts == (1, 2, 1, 1)
    assert acme.with_forms == (0, 1, 0, 0) and grid.forms == (0, 1, 0, 0)
    assert [c.form for c in acme.checks[1]] == [None, KEY]
    support.edit(db, health, health_form=None)
    with db.session() as s:
        assert recurring_grid(session=s, today=TODAY, weeks=4).forms == ()


def test_the_csv_carries_the_form(db: Database) -> None:
    support.add(db, "Check", due=TODAY, health_form=KEY, **MONTHLY)
    with db.session() as s:
        text = write_csv(list_items(session=s))
    assert text.splitlines()[0].endswith(",health_form,blocked_by")
    [new] = read_csv(text, today=TODAY).items
    assert new.health_form == KEY
    bad = read_csv(text.replace(f",{KEY}", ",nope"), today=TODAY)
    assert bad.errors == ["line 2: no form named 'nope'; there are: 'monthly-it-health-check'"]
