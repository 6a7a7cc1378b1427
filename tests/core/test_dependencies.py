"""Dependencies between items (issue 16): one operation each that undo reverts, within one
client only, never a cycle; the history shows them; JSON exports and restores carry them."""

from __future__ import annotations

import json

import pytest
from sqlmodel import col, select

from actionplan import plan
from actionplan.db import Database
from actionplan.models import HistoryEvent, Operation, Status
from actionplan.plan.dependencies import block, blocker_ids, blockers_of, unblock
from actionplan.plan.errors import Invalid, NotFound
from tests import support
from tests.support import AUTHOR, TODAY, count
from tests.support.interchange import export, restore


def _block(db: Database, item_id: int, *blockers: int) -> list[int]:
    with db.session() as s:
        return block(session=s, item_id=item_id, blocked_by=list(blockers), author=AUTHOR)


def _unblock(db: Database, item_id: int, blocker: int) -> bool:
    with db.session() as s:
        return unblock(session=s, item_id=item_id, blocked_by=blocker, author=AUTHOR)


def _blockers(db: Database, item_id: int) -> list[int]:
    with db.session() as s:
        return blocker_ids(s, item_id)


def _undo(db: Database) -> Operation | None:
    with db.session() as s:
        return plan.undo(session=s, author=AUTHOR)


def _operations(db: Database) -> int:
    return count(db, "operation")


def test_blocking_is_one_operation_in_the_history_that_undo_reverts(db: Database) -> None:
    laptops, desks, setup = support.seed(db, "Order laptops", "Order desks", "Set up office")
    ops = _operations(db)
    assert _block(db, setup, laptops, desks) == [laptops, desks]
    assert _operations(db) == ops + 1
    assert _blockers(db, setup) == [laptops, desks]
    with db.session() as s:
        event = s.exec(select(HistoryEvent).where(HistoryEvent.field == "blocked_by")).one()
        assert (event.item_id, event.old, event.new) == (setup, None, f"{laptops},{desks}")
    undone = _undo(db)
    assert undone is not None and undone.summary == f"#{setup} blocked by #{laptops}, #{desks}"
    assert _blockers(db, setup) == []


def test_unblocking_is_one_operation_that_undo_reverts(db: Database) -> None:
    laptops, desks, setup = support.seed(db, "Order laptops", "Order desks", "Set up office")
    _block(db, setup, laptops, desks)
    ops = _operations(db)
    assert _unblock(db, setup, laptops) is True
    assert _operations(db) == ops + 1
    assert _blockers(db, setup) == [desks]
    _undo(db)
    assert _blockers(db, setup) == [laptops, desks]
    _undo(db)
    assert _blockers(db, setup) == []


def test_a_link_already_there_or_not_there_saves_nothing(db: Database) -> None:
    laptops, setup = support.seed(db, "Order laptops", "Set up office")
    _block(db, setup, laptops)
    ops = _operations(db)
    assert _block(db, setup, laptops) == []
    assert _unblock(db, laptops, setup) is False
    assert _operations(db) == ops
    assert count(db, "dependency") == 1


def test_a_cycle_is_refused_naming_it(db: Database) -> None:
    a, b, c = support.seed(db, "A", "B", "C")
    _block(db, a, b)
    _block(db, b, c)
    ops = _operations(db)
    with pytest.raises(Invalid, match=f"^#{c} → #{a} → #{b} → #{c} would be a cycle$"):
        _block(db, c, a)
    with pytest.raises(Invalid, match=f"^#{b} → #{a} → #{b} would be a cycle$"):
        _block(db, b, a)
    with pytest.raises(Invalid, match=f"^#{a} cannot be blocked by itself$"):
        _block(db, a, a)
    assert _operations(db) == ops and count(db, "dependency") == 2


def test_another_clients_item_is_refused_and_nothing_saved(db: Database) -> None:
    ours = support.add(db, "Order laptops", "Acme")
    other = support.add(db, "Migrate mail", "Globex")
    mine = support.add(db, "Set up office", "Acme")
    ops = _operations(db)
    message = f"^#{mine} is Acme's, #{other} is Globex's: a dependency stays within one client$"
    with pytest.raises(Invalid, match=message):
        _block(db, mine, ours, other)  # the first, good one is not kept either
    assert _operations(db) == ops and count(db, "dependency") == 0


def test_missing_and_deleted_items_are_refused(db: Database) -> None:
    a, b = support.seed(db, "A", "B")
    with pytest.raises(NotFound, match=r"^no item #999$"):
        _block(db, a, 999)
    with pytest.raises(NotFound, match=r"^no item #999$"):
        _block(db, 999, a)
    with db.session() as s:
        plan.delete_item(session=s, item_id=b, author=AUTHOR)
    with pytest.raises(NotFound, match=f"^item #{b} is deleted"):
        _block(db, a, b)
    assert count(db, "dependency") == 0


def test_blockers_of_reads_many_items_and_leaves_deleted_blockers_out(db: Database) -> None:
    a, b, c, d = support.seed(db, "A", "B", "C", "D", due=TODAY)
    _block(db, c, a, b)
    _block(db, d, a)
    with db.session() as s:
        plan.delete_item(session=s, item_id=b, author=AUTHOR)
        found = blockers_of(s, [a, c, d])
    assert found == {c: [(a, "A", TODAY, Status.PLANNED)], d: [(a, "A", TODAY, Status.PLANNED)]}


def test_undo_after_someone_else_changed_the_blockers_is_refused(db: Database) -> None:
    a, b, c = support.seed(db, "A", "B", "C")
    _block(db, c, a)
    with db.session() as s:
        block(session=s, item_id=c, blocked_by=[b], author="Someone")
    with pytest.raises(plan.Conflict, match=f"the blockers of #{c} were changed by Someone"):
        _undo(db)
    assert _blockers(db, c) == [a, b]


def test_history_shows_the_blockers(db: Database) -> None:
    from actionplan.history import describe_event

    a, b = support.seed(db, "A", "B")
    _block(db, b, a)
    with db.session() as s:
        event = s.exec(select(HistoryEvent).order_by(col(HistoryEvent.id).desc())).first()
        assert event is not None
        assert describe_event(event, {}) == f"blocked by: none → {a}"


def test_json_export_and_restore_carry_dependencies(sqlite_db: Database, pg_db: Database) -> None:
    a, b, c = support.seed(sqlite_db, "A", "B", "C")
    support.add(sqlite_db, "Other", "Globex")
    _block(sqlite_db, c, a, b)
    text = export(sqlite_db)
    assert len(json.loads(text)["dependency"]) == 2
    restore(pg_db, text)
    assert export(pg_db) == text
    assert _blockers(pg_db, c) == [a, b]
    assert json.loads(export(pg_db, client="Globex"))["dependency"] == []
    assert len(json.loads(export(pg_db, client="Acme"))["dependency"]) == 2


def test_an_export_without_dependencies_restores_with_none(
    sqlite_db: Database, pg_db: Database
) -> None:
    support.add(sqlite_db, "A")
    data = json.loads(export(sqlite_db))
    del data["dependency"]
    assert restore(pg_db, json.dumps(data))["item"] == 1
    assert count(pg_db, "dependency") == 0


def test_blockers_of_many_ids_reads_the_same(db: Database) -> None:
    """A large export asks for tens of thousands of ids at once: the answer is the same as for
    a few."""
    first, second, third = (support.add(db, t) for t in ("Order", "Image", "Hand out"))
    _block(db, second, first)
    _block(db, third, second)
    with db.session() as s:
        few = blockers_of(s, [second, third])
        many = blockers_of(s, [second, third, *range(10_000, 50_000)])
    assert few == many and [b.id for b in many[third]] == [second]
