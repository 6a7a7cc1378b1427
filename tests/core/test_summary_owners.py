"""Owners in the client summary: a team, the client's own name, a vendor, or "to be assigned";
never one of our people's names."""

from __future__ import annotations

from functools import partial

from actionplan import plan
from actionplan.db import Database
from tests import support
from tests.support.plans import CLIENT, all_outputs, summarise

add = partial(support.add, client=CLIENT)  # every item is CLIENT's


def test_owners_are_shown_as_team_name_vendor_or_to_be_assigned(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        plan.save_person(session=s, name="Priya Patel", team="Network team", side="us")
        plan.save_person(session=s, name="Sam Okafor", side="us")
        plan.save_person(session=s, name="Maria Lopez", team="Finance", side="client")
        plan.save_person(session=s, name="Tom Becker", team="Sentinel Ltd", side="vendor")
        plan.save_person(session=s, name="Vera Solo", side="vendor")
        owners = {
            "ours with a team": "Priya Patel",
            "ours without a team": "Sam Okafor",
            "the client's": "Maria Lopez",
            "a vendor's": "Tom Becker",
            "a vendor without a team": "Vera Solo",
            "someone new": "Newly Named",  # created by add_item: one of us, no team
            "nobody": None,
        }
        for title, owner in owners.items():
            add(s, title, owner=owner)
        summary = summarise(s)
    shown = {ln.title: ln.owner for ln in summary.plan}
    assert shown == {
        "ours with a team": "Network team",
        "ours without a team": "our team",
        "the client's": "Maria Lopez",
        "a vendor's": "Sentinel Ltd",
        "a vendor without a team": "supplier",
        "someone new": "our team",
        "nobody": "to be assigned",
    }
    outputs = all_outputs(summary)
    for fmt, text in outputs.items():
        for name in ("Priya", "Patel", "Sam Okafor", "Tom Becker", "Vera Solo", "Newly Named"):
            assert name not in text, (fmt, name)
        if fmt != "talk":
            assert "Maria Lopez" in text, fmt
