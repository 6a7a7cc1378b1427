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


def undo(*, session: Session, author: str) -> Operation | None:
    """Revert this author's last operation not yet undone; call again to go further back.

    Undo survives restarts: it reads the history, not memory.

    Returns:
        The operation that was undone, or None when there is nothing left to undo.

    Raises:
        Conflict: when someone else changed the item since; nothing is reverted.
    """
    with operation(session, author=author, kind="undo") as rec:
        target = session.exec(
            select(Operation)
            .where(Operation.author == rec.op.author, col(Operation.undone_by_id).is_(None))
            .where(Operation.kind != "undo", Operation.id != rec.op.id)
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
            _revert(session, rec, event)
        target.undone_by_id = rec.op.id
        rec.op.undoes_id = target.id
        rec.op.summary = f"undid: {target.summary}"[:300]
        session.add(target)
    return target


def _revert(session: Session, rec: Recorder, event: HistoryEvent) -> None:
    item = rec.touched.get(event.item_id) or lock(session, event.item_id)
    if event.field == "created":
        if item.deleted_at is None:
            rec.set(item, "deleted_at", rec.op.at)
        return
    if event.field not in LOOSE and dump_value(getattr(item, event.field)) != event.new:
        who = last_author(session, event.item_id)
        raise Conflict(f"cannot undo: item #{event.item_id} was changed by {who} since")
    rec.set(item, event.field, load_value(event.field, event.old))
