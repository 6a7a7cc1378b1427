"""The typed rows of actionplan.rows name exactly the keys their reads return."""

from __future__ import annotations

from datetime import timedelta

from actionplan.agenda import open_items
from actionplan.db import Database
from actionplan.models import Side, Status, VendorNames
from actionplan.queries import list_items
from actionplan.recurring import recurring_items
from actionplan.rows import AgendaRow, ItemRow, RecurringRow, TriageRow
from actionplan.triage import item_rows
from tests.support import TODAY, add, person


def _plan(db: Database) -> int:
    """One owned, dated, recurring item; its id."""
    person(db, "Ann", team="Service desk", side="us")
    due = TODAY + timedelta(days=3)
    return add(db, "Renew licence", owner="Ann", due=due, repeat_every=2, repeat_unit="week")


def test_a_listed_item_has_exactly_the_keys_of_item_row(sqlite_db: Database) -> None:
    _plan(sqlite_db)
    with sqlite_db.session() as s:
        (row,) = list_items(session=s)
    assert set(row) == set(ItemRow.__required_keys__)
    assert not ItemRow.__optional_keys__
    # The enums ItemRow promises, not the text they are stored as.
    assert isinstance(row["status"], Status) and isinstance(row["owner_side"], Side)
    assert isinstance(row["vendor_names"], VendorNames)


def test_the_other_reads_have_exactly_the_keys_of_their_rows(sqlite_db: Database) -> None:
    item_id = _plan(sqlite_db)
    with sqlite_db.session() as s:
        (triage,) = item_rows(session=s, ids=[item_id])
        (agenda,) = open_items(session=s)
        (recurring,) = recurring_items(session=s)
    assert set(triage) == set(TriageRow.__required_keys__)
    assert set(agenda) == set(AgendaRow.__required_keys__)
    # "day" is for monthly series only (NotRequired, which the postponed annotations hide from
    # __required_keys__ at run time).
    assert set(recurring) | {"day"} == set(RecurringRow.__annotations__)
