"""Undo: revert an author's last operation, read back from the history (survives restarts)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from actionplan.models import HistoryEvent, Operation
from actionplan.plan.errors import Conflict
from actionplan.plan.journal import Recorder, last_author, lock, operation
from actionplan.plan.values import dump_value, load_value
from actionplan.text import REASON_MAX

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
        for event in events:
            _revert(session, rec, event, target.id)
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
    if event.field == "created":
        if item.deleted_at is None:
            rec.set(item, "deleted_at", rec.op.at)
        return
    if event.field not in LOOSE and dump_value(getattr(item, event.field)) != event.new:
        who = last_author(session, event.item_id)
        message = f"cannot undo: item #{event.item_id} was changed by {who} since"
        raise _Blocked(message, op_id or 0)
    rec.set(item, event.field, load_value(event.field, event.old))
