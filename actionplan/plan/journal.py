"""One operation = one transaction, one Operation row, and a record of every change in it:
a history event per item field changed, a record change per field of any other row (a
client, a person, a snapshot) and per such row deleted (see ``plan.undo``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from actionplan import clock
from actionplan.changes import announce
from actionplan.models import HistoryEvent, Item, Operation, RecordChange
from actionplan.plan.errors import Conflict, Invalid, NotFound
from actionplan.plan.values import dump_row, dump_value
from actionplan.text import NAME_MAX, REASON_MAX, TextError, clean_line


@dataclass
class Recorder:
    """Applies field changes to items and writes a history event for each."""

    session: Session
    op: Operation
    reason: str | None = None
    touched: dict[int, Item] = field(default_factory=dict)

    def set(self, item: Item, name: str, value: Any) -> bool:
        old = getattr(item, name)
        if old == value:
            return False
        setattr(item, name, value)
        assert item.id is not None
        self.touched[item.id] = item
        self.note(item, name, dump_value(old), dump_value(value))
        return True

    def note(self, item: Item, name: str, old: str | None, new: str | None) -> None:
        """Record a history event; on its own, one that changes no column (a sentence reviewed)."""
        assert item.id is not None and self.op.id is not None
        self.session.add(
            HistoryEvent(
                op_id=self.op.id,
                item_id=item.id,
                at=self.op.at,
                author=self.op.author,
                field=name,
                old=old,
                new=new,
                reason=self.reason,
            )
        )

    def change(self, row: SQLModel, name: str, value: Any) -> bool:
        """Set a field of a row that is not an item (a client, a person...), recorded for undo."""
        old = getattr(row, name)
        if old == value:
            return False
        setattr(row, name, value)
        self.session.add(row)
        self._record(row, name, dump_value(old), dump_value(value))
        return True

    def delete(self, row: SQLModel) -> None:
        """Delete a row that is not an item, kept whole in its record so undo can put it back."""
        self.session.flush()  # changes made so far first: rows that pointed at it moved away
        self._record(row, "deleted", dump_row(row), None)
        self.session.delete(row)
        self.session.flush()

    def created(self, row: SQLModel) -> None:
        """Note a row made (a person added; undo removes it again) or put back by undo, as it
        now is."""
        self._record(row, "created", None, dump_row(row))

    def _record(self, row: SQLModel, name: str, old: str | None, new: str | None) -> None:
        row_id = getattr(row, "id", None)
        assert self.op.id is not None and row_id is not None
        record = row.__table__.name  # type: ignore[attr-defined]
        self.session.add(
            RecordChange(
                op_id=self.op.id, record=record, record_id=row_id, field=name, old=old, new=new
            )
        )


OWN_OPERATIONS = "actionplan_operations"
"""Key of ``session.info``: a set that collects the ids of the operations written."""


def begin_write(session: Session) -> None:
    if session.in_transaction():
        session.commit()  # end a read-only transaction, so ours can take the write lock first
    conn = session.connection(execution_options={"actionplan_write": True})
    announce(conn)  # every write tells running boards elsewhere, once it commits


@contextmanager
def operation(
    session: Session, *, author: str, kind: str, reason: str | None = None
) -> Iterator[Recorder]:
    """One operation: one transaction, one Operation row, every change recorded."""
    begin_write(session)
    try:
        now = clock.now()
        op = Operation(at=now, author=_author(author), kind=kind, summary=kind)
        session.add(op)
        session.flush()
        rec = Recorder(session, op, reason=_reason(reason))
        yield rec
        for item in rec.touched.values():
            item.version += 1
            item.updated_at = now
        # Noted before the commit, so a watcher that wakes at the commit already knows the id
        # is ours (the app passes its own set; see queries.changed_by_others).
        session.info.setdefault(OWN_OPERATIONS, set()).add(op.id)
        session.commit()
    except BaseException:
        session.rollback()
        raise


def _author(author: str) -> str:
    return clean_line(author, field="author", max_len=NAME_MAX) or "unknown"


def _reason(reason: str | None) -> str | None:
    try:
        return clean_line(reason, field="reason", max_len=REASON_MAX) or None
    except TextError as exc:
        raise Invalid(str(exc)) from None


def lock(session: Session, item_id: int, expected_version: int | None = None) -> Item:
    # FOR UPDATE holds the row on PostgreSQL until commit; SQLite already holds the write lock.
    item = session.get(Item, item_id, with_for_update=True, populate_existing=True)
    if item is None:
        raise NotFound(f"no item #{item_id}")
    if item.deleted_at is not None and expected_version is not None:
        who = last_author(session, item_id)
        raise NotFound(
            f"item #{item_id} was deleted by {who} meanwhile "
            f"(`actionplan restore {item_id}` brings it back)"
        )
    if expected_version is not None and item.version != expected_version:
        raise Conflict(f"item #{item_id} was changed by {last_author(session, item_id)} meanwhile")
    return item


def last_author(session: Session, item_id: int) -> str:
    stmt = (
        select(HistoryEvent.author)
        .where(HistoryEvent.item_id == item_id)
        .order_by(col(HistoryEvent.id).desc())
        .limit(1)
    )
    return session.exec(stmt).first() or "someone"
