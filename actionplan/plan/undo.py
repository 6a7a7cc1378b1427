"""Undo: revert an author's last operation, read back from the history (survives restarts).

An operation leaves two kinds of record, and undo reverts both:

- ``HistoryEvent``: one field of one item (the item's history, as its screens show it);
- ``RecordChange``: one field of any other row (a client's name or archive time, a person's
  name, a snapshot's client), or a whole row deleted, kept as JSON so it can be put back.

Renaming, merging, archiving and deleting clients and people write record changes next to
the item events of the same operation (a merge moves items: item events; it moves snapshots
and contacts and deletes the merged row: record changes), so one ``undo`` reverts the whole
operation. A separate table, rather than item-less history events, keeps every read of an
item's history as it was, and lets the row's values be typed by the table they belong to.
An item's blockers (``plan.dependencies``) are history events of the blocked item that hold
the whole list, so undo puts the list back. Record changes are reverted first, newest first,
so a row a merge deleted is back before the items point at it again. A row an operation
created (a person added) is removed again, unless items point at it by then. What undo puts
back keeps the contact rule: an item of one client is never left owned by another client's
contact (a contact may have moved since); such an undo is refused like one over someone
else's change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, SQLModel, col, func, select

from actionplan.models import RECORDS, HistoryEvent, Item, Operation, Person, RecordChange
from actionplan.plan.dependencies import BLOCKED_BY, blocker_text, parse_text, set_blockers
from actionplan.plan.errors import Conflict, Invalid
from actionplan.plan.journal import Recorder, last_author, lock, operation
from actionplan.plan.people import check_contact_items, check_owners
from actionplan.plan.values import dump_value, load_column, load_row, load_value
from actionplan.text import REASON_MAX, quote

# Undo restores these without checking them: they shift as neighbours move.
LOOSE = {"position", "done_at"}


SKIP = "undo-skip"
"""The kind of operation that records "this change could not be undone; go past it"."""


class _Blocked(Conflict):
    def __init__(self, message: str, op_id: int) -> None:
        super().__init__(message)
        self.op_id = op_id


def undo(*, session: Session, author: str) -> Operation | None:
    """Revert this author's last operation not yet undone; call again to go further back.

    Undo survives restarts: it reads the history, not memory. A change someone else has
    since changed again cannot be undone without undoing theirs: it is refused once, and
    then left as they left it, so the next undo goes on to the change before it.

    Returns:
        The operation that was undone, or None when there is nothing left to undo.

    Raises:
        Conflict: when someone else changed the item since; nothing is reverted.
    """
    try:
        return _undo_last(session, author)
    except _Blocked as exc:
        with operation(session, author=author, kind=SKIP) as rec:
            target = session.get(Operation, exc.op_id)
            assert target is not None
            target.undone_by_id = rec.op.id
            rec.op.undoes_id = target.id
            rec.op.summary = f"left as changed since: {target.summary}"[:300]
            session.add(target)
        raise Conflict(f"{exc}; undo again to go on to your change before it") from None


def _undo_last(session: Session, author: str) -> Operation | None:
    with operation(session, author=author, kind="undo") as rec:
        target = session.exec(
            select(Operation)
            .where(Operation.author == rec.op.author, col(Operation.undone_by_id).is_(None))
            .where(col(Operation.kind).not_in(("undo", SKIP)), Operation.id != rec.op.id)
            .order_by(col(Operation.id).desc())
            .limit(1)
        ).first()
        if target is None:
            session.rollback()
            return None
        events = session.exec(
            select(HistoryEvent)
            .where(HistoryEvent.op_id == target.id)
            .order_by(col(HistoryEvent.id).desc())
        ).all()
        rec.reason = f"undo of: {target.summary}"[:REASON_MAX]
        changes = session.exec(
            select(RecordChange)
            .where(RecordChange.op_id == target.id)
            .order_by(col(RecordChange.id).desc())
        ).all()
        for change in changes:
            _revert_record(session, rec, change, target.id)
        for event in events:
            _revert(session, rec, event, target.id)
        _check_contacts(session, rec, events, changes, target.id)
        target.undone_by_id = rec.op.id
        rec.op.undoes_id = target.id
        rec.op.summary = f"undid: {target.summary}"[:300]
        session.add(target)
    return target


def _revert(session: Session, rec: Recorder, event: HistoryEvent, op_id: int | None) -> None:
    if event.field == "reviewed":
        from actionplan.plan.guarding import forget_reviews

        forget_reviews(session, event.op_id, event.item_id)
        return
    item = rec.touched.get(event.item_id) or lock(session, event.item_id)
    if event.field == BLOCKED_BY:  # the whole list of blockers, put back as it was
        if blocker_text(session, event.item_id) != event.new:
            who = last_author(session, event.item_id)
            message = f"cannot undo: the blockers of #{event.item_id} were changed by {who} since"
            raise _Blocked(message, op_id or 0)
        set_blockers(session, rec, item, parse_text(event.old))
        return
    if event.field == "created":
        if item.deleted_at is None:
            rec.set(item, "deleted_at", rec.op.at)
        return
    if event.field not in LOOSE and dump_value(getattr(item, event.field)) != event.new:
        who = last_author(session, event.item_id)
        message = f"cannot undo: item #{event.item_id} was changed by {who} since"
        raise _Blocked(message, op_id or 0)
    rec.set(item, event.field, load_value(event.field, event.old))


def _revert_record(
    session: Session, rec: Recorder, change: RecordChange, op_id: int | None
) -> None:
    model = RECORDS[change.record]
    if change.field == "created":
        _remove_created(session, rec, model, change, op_id)
        return
    if change.field == "deleted":
        assert change.old is not None
        values = load_row(model, change.old)
        _check_name_free(session, model, values.get("name"), None, op_id)
        back = model(**values)
        session.add(back)
        session.flush()  # back before the rows that pointed at it point at it again
        rec.created(back)
        return
    row = session.get(model, change.record_id, with_for_update=True, populate_existing=True)
    what = f"{change.record} #{change.record_id}"
    if row is None:
        raise _Blocked(f"cannot undo: {what} was deleted since", op_id or 0)
    if dump_value(getattr(row, change.field)) != change.new:
        name = getattr(row, "name", None)
        what = f"{change.record} {quote(name)}" if name else what
        who = _last_record_author(session, change)
        raise _Blocked(f"cannot undo: {what} was changed by {who} since", op_id or 0)
    old = load_column(model.__table__.c[change.field], change.old)  # type: ignore[attr-defined]
    if change.field == "name":
        _check_name_free(session, model, old, change.record_id, op_id)
    rec.change(row, change.field, old)


def _remove_created(
    session: Session, rec: Recorder, model: type[SQLModel], change: RecordChange, op_id: int | None
) -> None:
    """Remove a row the operation created, as it was created (a row undo put back is noted
    "created" too, but an undo is not itself undone)."""
    assert change.new is not None
    made = load_row(model, change.new)
    name = quote(made.get("name") or f"{change.record} #{change.record_id}")
    row = session.get(model, change.record_id, with_for_update=True, populate_existing=True)
    if row is None:
        raise _Blocked(f"cannot undo: {name} was merged or deleted since", op_id or 0)
    table: Any = model.__table__  # type: ignore[attr-defined]
    if any(
        dump_value(getattr(row, c.name)) != dump_value(made.get(c.name))
        for c in table.columns
        if c.name != "created_at"  # the same moment, however the database gives it back
    ):
        who = _last_record_author(session, change)
        raise _Blocked(f"cannot undo: {name} was changed by {who} since", op_id or 0)
    if model is Person:
        owned = session.exec(
            select(Item.id).where(Item.owner_id == change.record_id).order_by(col(Item.id))
        ).first()
        if owned is not None:
            raise _Blocked(
                f"cannot undo: {name} owns #{owned} by now (archive them instead)", op_id or 0
            )
    rec.delete(row)


def _check_contacts(
    session: Session,
    rec: Recorder,
    events: Sequence[HistoryEvent],
    changes: Sequence[RecordChange],
    op_id: int | None,
) -> None:
    """Refuse an undo that would leave an item owned by another client's contact: an owner or
    client put back, an item brought back, a person's client put back."""
    moved = {e.item_id for e in events if e.field in ("owner_id", "client_id", "deleted_at")}
    items = [rec.touched[i] for i in sorted(moved) if i in rec.touched]
    people = {
        c.record_id for c in changes if c.record == "person" and c.field in ("client_id", "deleted")
    }
    try:
        check_owners(session, [(i.client_id, i.owner_id) for i in items])
        for person_id in sorted(people):
            person = session.get(Person, person_id)
            if person is not None and person.client_id is not None:
                check_contact_items(session, person, person.client_id)
    except Invalid as exc:
        raise _Blocked(f"cannot undo: {exc}", op_id or 0) from None


def _check_name_free(
    session: Session, model: type[SQLModel], name: Any, row_id: int | None, op_id: int | None
) -> None:
    if not isinstance(name, str):
        return
    column: Any = model.name  # type: ignore[attr-defined]
    found = session.exec(
        select(model.id).where(func.lower(column) == name.lower())  # type: ignore[attr-defined]
    ).first()
    if found is not None and found != row_id:
        kind = model.__table__.name  # type: ignore[attr-defined]
        raise _Blocked(f"cannot undo: there is a {kind} named {quote(name)} again", op_id or 0)


def _last_record_author(session: Session, change: RecordChange) -> str:
    stmt = (
        select(Operation.author)
        .join(RecordChange, col(RecordChange.op_id) == col(Operation.id))
        .where(RecordChange.record == change.record, RecordChange.record_id == change.record_id)
        .order_by(col(RecordChange.id).desc())
        .limit(1)
    )
    return session.exec(stmt).first() or "someone"
