"""One edit of an item with its dependencies: fields, blockers added and taken off, and the
due dates of the items that wait for it moved along, all in one operation (one undo)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlmodel import Session, col, select

from actionplan.models import Dependency, Item, Status
from actionplan.plan.dependencies import block_in, blocker_ids, unblock_in
from actionplan.plan.errors import Invalid
from actionplan.plan.items import clean_changes, edit_in
from actionplan.plan.journal import Recorder, lock, operation
from actionplan.text import plural


@dataclass
class Linked:
    """What :func:`edit_linked` did."""

    item: Item
    added: list[int] = field(default_factory=list)
    already: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    not_linked: list[int] = field(default_factory=list)
    shifted: list[int] = field(default_factory=list)
    """The dependents whose due date moved."""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.shifted)


def edit_linked(
    *,
    session: Session,
    item_id: int,
    author: str,
    block: Sequence[int] = (),
    unblock: Sequence[int] = (),
    shift_dependents: bool = False,
    expected_version: int | None = None,
    reason: str | None = None,
    **changes: Any,
) -> Linked:
    """Edit an item's fields (as ``edit_item``) and its blockers in one operation.

    With ``shift_dependents``, a new due date moves the due dates of the items blocked by this
    one (and by those, on down) by as many days as it moved; done and undated ones stay.

    Raises:
        NotFound, Invalid, Conflict: nothing is saved. A link already there, or one to take
            off that is not there, is no error (see :class:`Linked`).
    """
    cleaned = clean_changes(changes) if changes else {}
    if shift_dependents and "due" not in cleaned:
        raise Invalid("shifting the dependents needs a new due date")
    with operation(session, author=author, kind="edit", reason=reason) as rec:
        item = lock(session, item_id, expected_version)
        old_due = item.due
        parts = []
        if cleaned:
            item, summary = edit_in(session, rec, item_id, cleaned)
            parts.append(summary)
        done = Linked(item)
        if block:
            before = set(blocker_ids(session, item_id))
            done.already = [b for b in dict.fromkeys(block) if b in before]
            done.added = block_in(session, rec, item_id, block)
            if done.added:
                parts.append(f"blocked by {', '.join(f'#{b}' for b in done.added)}")
        for other in dict.fromkeys(unblock):
            if unblock_in(session, rec, item_id, other):
                done.removed.append(other)
            else:
                done.not_linked.append(other)
        if done.removed:
            parts.append(f"no longer blocked by {', '.join(f'#{b}' for b in done.removed)}")
        if shift_dependents:
            done.shifted = _shift(session, rec, item, old_due)
            if done.shifted:
                parts.append(f"moved {plural(len(done.shifted), 'dependent')} along")
        if not cleaned and not done.changed:
            session.rollback()
            return done
        rec.op.summary = (f"#{item_id}: " + "; ".join(parts))[:300]
    return done


def _shift(session: Session, rec: Recorder, item: Item, old_due: Any) -> list[int]:
    if old_due is None or item.due is None:
        raise Invalid("shifting the dependents needs a due date before and after")
    days = timedelta(days=(item.due - old_due).days)
    moved: list[int] = []
    if not days:
        return moved
    for dependent in dependents(session, item):
        if dependent.due is None or dependent.status == Status.DONE:
            continue
        rec.set(dependent, "due", dependent.due + days)
        assert dependent.id is not None
        moved.append(dependent.id)
    return moved


def dependents(session: Session, item: Item) -> list[Item]:
    """The live items blocked by this one, and by those, on down; each once, by id."""
    assert item.id is not None
    seen: set[int] = {item.id}
    queue = [item.id]
    while queue:
        stmt = select(Dependency.item_id).where(col(Dependency.blocked_by_id).in_(queue))
        queue = sorted(set(session.exec(stmt).all()) - seen)
        seen.update(queue)
    seen.discard(item.id)
    found = [lock(session, i) for i in sorted(seen)]
    return [i for i in found if i.deleted_at is None]
