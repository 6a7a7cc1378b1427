"""Two people editing one item: other fields merge, the same field is a clash with both values."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan import plan
from actionplan.db import Database
from actionplan.plan.merge import Clash, clashes, current_row, edit_merging
from actionplan.queries import item_history
from tests.support import add


def _item(db: Database) -> dict:
    with db.session() as s:
        item = plan.add_item(
            session=s, author="Ana", client="Acme", title="Renew licence", due=date(2026, 12, 4)
        )
        return current_row(s, item.id)


def test_an_edit_of_other_fields_is_merged_and_both_are_kept(db: Database) -> None:
    seen = _item(db)
    with db.session() as s:
        plan.edit_item(session=s, item_id=seen["id"], author="Ben", owner="Raj")
    with db.session() as s:
        item = edit_merging(
            session=s, item_id=seen["id"], seen=seen, author="Ana", due=date(2026, 12, 11)
        )
        assert item.due == date(2026, 12, 11)
        now = current_row(s, seen["id"])
        assert now["owner"] == "Raj"  # Ben's change survives
        authors = {e.field: e.author for e in item_history(session=s, item_id=seen["id"])}
        assert authors["owner_id"] == "Ben" and authors["due"] == "Ana"


def test_the_same_field_changed_by_both_is_refused_with_both_values(db: Database) -> None:
    seen = _item(db)
    with db.session() as s:
        plan.edit_item(session=s, item_id=seen["id"], author="Ben", due=date(2026, 12, 18))
    with db.session() as s, pytest.raises(Clash) as caught:
        edit_merging(session=s, item_id=seen["id"], seen=seen, author="Ana", due=date(2026, 12, 11))
    clash = caught.value
    assert str(clash) == f"item #{seen['id']}: Ben changed due meanwhile"
    [field] = clash.fields
    assert (field.field, field.seen, field.mine, field.theirs) == (
        "due",
        date(2026, 12, 4),
        date(2026, 12, 11),
        date(2026, 12, 18),
    )
    with db.session() as s:  # nothing of Ana's was saved
        assert current_row(s, seen["id"])["due"] == date(2026, 12, 18)


def test_a_change_to_the_value_you_wanted_anyway_is_no_clash(db: Database) -> None:
    seen = _item(db)
    with db.session() as s:
        plan.edit_item(session=s, item_id=seen["id"], author="Ben", owner="Raj")
    with db.session() as s:
        item = edit_merging(session=s, item_id=seen["id"], seen=seen, author="Ana", owner="raj")
        assert current_row(s, item.id)["owner"] == "Raj"


def test_clashes_compares_values_as_history_writes_them() -> None:
    seen = {"due": date(2026, 12, 4), "owner": None, "client_note": ""}
    now = {"due": date(2026, 12, 4), "owner": "Raj", "client_note": None}
    assert clashes(seen, now, {"due": date(2026, 12, 5), "client_note": "x"}) == []
    assert [c.field for c in clashes(seen, now, {"owner": "Sam"})] == ["owner"]


def test_an_item_deleted_meanwhile_says_who_deleted_it(db: Database) -> None:
    from actionplan.plan import NotFound

    seen = _item(db)
    with db.session() as s:
        plan.delete_item(session=s, item_id=seen["id"], author="Ben")
    with db.session() as s, pytest.raises(NotFound, match="deleted by Ben meanwhile"):
        edit_merging(session=s, item_id=seen["id"], seen=seen, author="Ana", title="New")


def test_waiting_on_alone_clashes_with_a_move_out_of_waiting(db: Database) -> None:
    from actionplan.models import Status, WaitingOn
    from actionplan.plan.merge import without

    with db.session() as s:
        item_id = add(
            s, "Order parts", author="Ana", status=Status.WAITING, waiting_on=WaitingOn.CLIENT
        )
        seen = current_row(s, item_id)
    with db.session() as s:  # Ana moves it on: it is no longer waiting on anyone
        plan.move_item(session=s, item_id=seen["id"], status=Status.DOING, author="Ana")
    mine = {"waiting_on": WaitingOn.VENDOR}  # Ben, meanwhile, says it waits on a vendor
    with db.session() as s, pytest.raises(Clash) as caught:
        edit_merging(session=s, item_id=seen["id"], seen=seen, author="Ben", **mine)
    assert {f.field for f in caught.value.fields} == {"status", "waiting_on"}
    # "Take theirs" drops the pair, so nothing of Ben's can move it back to waiting.
    assert without(mine, {"status"}) == {}
    with db.session() as s:
        assert current_row(s, seen["id"])["status"] == Status.DOING


def test_take_theirs_on_an_escalation_reason_drops_the_escalation_too() -> None:
    from actionplan.plan.merge import without

    mine = {"escalated": True, "escalation_reason": "Vendor silent", "title": "New title"}
    assert without(mine, {"escalation_reason"}) == {"title": "New title"}
