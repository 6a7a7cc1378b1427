"""A health check's recommendations turned into plan items (issue 15): one operation, which undo
reverts; each planned, client-visible and naming its check; never added twice."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from actionplan import plan
from actionplan.db import Database
from actionplan.health.catalogue import find_form
from actionplan.models import Item, Operation, Status, Visibility
from actionplan.plan.errors import Invalid, NotFound
from actionplan.plan.health import Entry, keep_check
from actionplan.plan.recommend import item_title, items_from_recommendations
from actionplan.text import TITLE_MAX
from tests import support
from tests.support import AUTHOR, TODAY

RECOMMENDED = ["Replace the UPS battery", "  Enable  MFA for admins ", "Renew the firewall licence"]


def _check(db: Database, recommendations: list[str] = RECOMMENDED) -> int:
    form = find_form("monthly-it-health-check")
    with db.session() as s:
        entry = Entry(form, {"recommendations": recommendations}, client="Acme", checked_on=TODAY)
        row = keep_check(session=s, entry=entry, author=AUTHOR)
        assert row.id is not None
        return row.id


def _from(db: Database, check_id: int) -> list[Item]:
    with db.session() as s:
        stmt = select(Item).where(Item.from_check == check_id, col(Item.deleted_at).is_(None))
        return list(s.exec(stmt.order_by(col(Item.id))).all())


def test_chosen_recommendations_become_items_in_one_operation(db: Database) -> None:
    support.add(db, "Existing")
    check_id = _check(db)
    with db.session() as s:
        added = items_from_recommendations(
            session=s, check_id=check_id, indexes=[0, 1], author=AUTHOR
        )
        assert [i.title for i in added] == ["Replace the UPS battery", "Enable MFA for admins"]
        ops = s.exec(select(Operation).where(Operation.kind == "import")).all()
        assert len(ops) == 1 and ops[0].summary == f"added 2 items from health check #{check_id}"
    items = _from(db, check_id)
    assert [(i.status, i.visibility, i.client_id) for i in items] == [
        (Status.PLANNED, Visibility.CLIENT, items[0].client_id)
    ] * 2
    with db.session() as s:
        plan.undo(session=s, author=AUTHOR)
    assert _from(db, check_id) == []


def test_a_recommendation_already_on_the_plan_is_not_added_again(db: Database) -> None:
    support.add(db, "Existing")
    check_id = _check(db)
    with db.session() as s:
        items_from_recommendations(session=s, check_id=check_id, indexes=[2], author=AUTHOR)
    with db.session() as s:
        before = len(s.exec(select(Operation)).all())
        again = items_from_recommendations(
            session=s, check_id=check_id, indexes=[2, 0], author=AUTHOR
        )
        assert [i.title for i in again] == ["Replace the UPS battery"]
        none = items_from_recommendations(session=s, check_id=check_id, indexes=[2], author=AUTHOR)
        assert none == []
        assert len(s.exec(select(Operation)).all()) == before + 1


def test_bad_indexes_and_unknown_checks_are_refused(db: Database) -> None:
    support.add(db, "Existing")
    check_id = _check(db)
    with db.session() as s:
        with pytest.raises(Invalid, match="has no recommendation 4"):
            items_from_recommendations(session=s, check_id=check_id, indexes=[3], author=AUTHOR)
        with pytest.raises(Invalid, match="no recommendation chosen"):
            items_from_recommendations(session=s, check_id=check_id, indexes=[], author=AUTHOR)
        with pytest.raises(NotFound):
            items_from_recommendations(session=s, check_id=999, indexes=[0], author=AUTHOR)


def test_a_long_recommendation_is_cut_to_the_title_limit() -> None:
    title = item_title("word " * 100)
    assert len(title) == TITLE_MAX and title.endswith("…")


def test_a_check_whose_form_is_gone_offers_no_recommendations(db: Database) -> None:
    """Whether the field is client-facing is the form's to say; without the form nothing of
    the check becomes an item the client sees."""
    from actionplan.health.catalogue import user_dir
    from actionplan.plan.recommend import form_or_none, recommendations_of

    shipped = find_form("monthly-it-health-check").path.read_text(encoding="utf-8")
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    mine = folder / "ours.toml"
    mine.write_text(shipped.replace("monthly-it-health-check", "ours", 1), encoding="utf-8")
    try:
        support.add(db, "Item")
        with db.session() as s:
            entry = Entry(find_form("ours"), {"recommendations": ["Add a disk"]}, client="Acme",
                          checked_on=TODAY)  # fmt: skip
            row = keep_check(session=s, entry=entry, author=AUTHOR)
        assert recommendations_of({"recommendations": ["Add a disk"]}, form_or_none("ours")) == [
            "Add a disk"
        ]
    finally:
        mine.unlink()
    assert recommendations_of({"recommendations": ["Add a disk"]}, form_or_none("ours")) == []
    with db.session() as s, pytest.raises(Invalid):
        assert row.id is not None
        items_from_recommendations(session=s, check_id=row.id, indexes=[0], author=AUTHOR)
    assert _from(db, row.id) == []
