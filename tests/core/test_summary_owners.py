"""Owners in the client summary: a team, the client's own contact by name, "your team" for any
other client-side person, a vendor's company (or "our supplier" when the client says so), or
"to be assigned"; never one of our people's names, nor another client's contact's."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from actionplan import plan
from actionplan.db import Database
from actionplan.models import Person, VendorNames
from actionplan.summary.model import owner_label
from tests import support
from tests.support import AUTHOR
from tests.support.plans import CLIENT, all_outputs, row, summarise

add = partial(support.add, client=CLIENT)  # every item is CLIENT's


def attach_against_the_rule(session: Session, name: str, client: str) -> None:
    """Make someone another client's contact while they own CLIENT's items, as a plan from
    before contacts belonged to their client can hold (the plan itself refuses this now)."""
    found = plan.find_client(session=session, name=client)
    assert found is not None
    stmt = sa.update(Person).where(Person.name == name).values(client_id=found.id)  # type: ignore[arg-type]
    session.execute(stmt)
    session.commit()


def test_owners_are_shown_by_team_own_contact_company_or_generically(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        plan.save_person(session=s, name="Priya Patel", team="Network team", side="us")
        plan.save_person(session=s, name="Sam Okafor", side="us")
        plan.save_person(session=s, name="Maria Lopez", side="client")
        plan.save_person(session=s, name="Olga Petrova", side="client")  # of no client yet
        plan.save_person(session=s, name="Gus Globex", side="client")  # Globex's, see below
        plan.save_person(session=s, name="Tom Becker", company="Sentinel Ltd")
        # A vendor's team is not their company (0004 moved old vendors' teams to company).
        plan.save_person(session=s, name="Vera Solo", team="Field crew", side="vendor")
        owners = {
            "ours with a team": "Priya Patel",
            "ours without a team": "Sam Okafor",
            "the client's own contact": "Maria Lopez",
            "a contact of no client": "Olga Petrova",
            "another client's contact": "Gus Globex",
            "a vendor's": "Tom Becker",
            "a vendor without a company": "Vera Solo",
            "someone new": "Newly Named",  # created by add_item: one of us, no team
            "nobody": None,
        }
        for title, owner in owners.items():
            add(s, title, owner=owner)
        add(s, "Globex's own item", client="Globex", owner="Gus Globex")
        plan.save_person(session=s, name="Maria Lopez", client=CLIENT)
        attach_against_the_rule(s, "Gus Globex", "Globex")
        summary = summarise(s)
    shown = {ln.title: ln.owner for ln in summary.plan}
    assert shown == {
        "ours with a team": "Network team",
        "ours without a team": "our team",
        "the client's own contact": "Maria Lopez",
        "a contact of no client": "your team",
        "another client's contact": "your team",
        "a vendor's": "Sentinel Ltd",
        "a vendor without a company": "supplier",
        "someone new": "our team",
        "nobody": "to be assigned",
    }
    hidden = ("Priya", "Patel", "Sam Okafor", "Olga", "Petrova", "Gus Globex", "Tom Becker")
    for fmt, text in all_outputs(summary).items():
        for name in (*hidden, "Vera Solo", "Field crew", "Newly Named"):
            assert name not in text, (fmt, name)
        if fmt != "talk":
            assert "Maria Lopez" in text, fmt


def test_a_client_that_wants_vendors_unnamed_reads_our_supplier(db: Database) -> None:
    with db.session() as s:
        plan.save_person(session=s, name="Tom Becker", company="Sentinel Ltd")
        add(s, "Quote for licence renewal", owner="Tom Becker")
        add(s, "Other client's quote", client="Globex", owner="Tom Becker")
        plan.set_vendor_names(session=s, client=CLIENT, value="generic", author=AUTHOR)
        summary = summarise(s)
        other = summarise(s, client="Globex")
    assert [ln.owner for ln in summary.plan] == ["our supplier"]
    for fmt, text in all_outputs(summary).items():
        assert "Sentinel" not in text and "Tom Becker" not in text, fmt
    assert [ln.owner for ln in other.plan] == ["Sentinel Ltd"]  # a setting of one client only

    with db.session() as s:
        undone = plan.undo(session=s, author=AUTHOR)
        assert undone is not None and "show vendors" in undone.summary
        assert [ln.owner for ln in summarise(s).plan] == ["Sentinel Ltd"]


def test_setting_a_client_to_what_it_has_writes_nothing_and_a_bad_value_is_refused(
    sqlite_db: Database,
) -> None:
    add(sqlite_db, "Item")
    with sqlite_db.session() as s:
        kept = plan.set_vendor_names(session=s, client=CLIENT, value="company", author=AUTHOR)
        assert kept.vendor_names == VendorNames.COMPANY
        with pytest.raises(plan.Invalid, match="not one of company, generic"):
            plan.set_vendor_names(session=s, client=CLIENT, value="hidden", author=AUTHOR)
        with pytest.raises(plan.NotFound, match="no client named 'Initech'"):
            plan.set_vendor_names(session=s, client="Initech", value="generic", author=AUTHOR)
    assert support.count(sqlite_db, "operation") == 1  # the add alone
    assert support.count(sqlite_db, "record_change") == 0


def test_a_merge_keeps_the_stricter_vendor_setting_and_undo_puts_it_back(
    sqlite_db: Database,
) -> None:
    add(sqlite_db, "Kept")
    add(sqlite_db, "Moved", client="Acme Ltd")
    with sqlite_db.session() as s:
        plan.set_vendor_names(session=s, client="Acme Ltd", value="generic", author=AUTHOR)
        plan.merge_clients(session=s, name="Acme Ltd", into=CLIENT, author=AUTHOR)
        merged = plan.find_client(session=s, name=CLIENT)
        assert merged is not None and merged.vendor_names == VendorNames.GENERIC
        plan.undo(session=s, author=AUTHOR)
        back = {c: plan.find_client(session=s, name=c) for c in (CLIENT, "Acme Ltd")}
        assert {c: found and found.vendor_names for c, found in back.items()} == {
            CLIENT: VendorNames.COMPANY,
            "Acme Ltd": VendorNames.GENERIC,
        }


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        ({"owner_side": "client", "owner_client_id": 1}, "Ann Lee"),
        ({"owner_side": "client", "owner_client_id": 2}, "your team"),
        ({"owner_side": "client", "owner_client_id": None}, "your team"),
        ({"owner_side": "client", "owner_client_id": 1, "owner": "\x1b[2J\t "}, "your team"),
        ({"owner_side": "us", "owner_team": "Service desk"}, "Service desk"),
        ({"owner_side": "us", "owner_team": " \x07 "}, "our team"),
        ({"owner_side": "vendor", "owner_company": "Sentinel Ltd"}, "Sentinel Ltd"),
        ({"owner_side": "vendor", "owner_team": "Sentinel Ltd"}, "supplier"),
        (
            {"owner_side": "vendor", "owner_company": "Sentinel Ltd", "vendor_names": "generic"},
            "our supplier",
        ),
        ({"owner_side": "vendor", "vendor_names": VendorNames.GENERIC}, "our supplier"),
        ({"owner": None, "owner_side": None}, "to be assigned"),
    ],
)
def test_owner_label_reads_only_what_the_items_client_may_see(
    values: dict[str, Any], shown: str
) -> None:
    assert owner_label(row(**{"owner": "Ann Lee", **values})) == shown  # type: ignore[arg-type]
