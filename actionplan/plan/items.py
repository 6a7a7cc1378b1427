"""Adding, editing, moving, reordering, deleting and restoring items."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from actionplan import clock
from actionplan.models import HistoryEvent, Item, RepeatFrom, Status
from actionplan.plan.dependencies import check_unlinked
from actionplan.plan.errors import Invalid, NotFound
from actionplan.plan.journal import Recorder, lock, operation
from actionplan.plan.people import check_not_archived, check_owners, client_ids, person_ids
from actionplan.plan.recurrence import add_next_occurrence
from actionplan.plan.values import (
    EDITABLE,
    NewItem,
    check_links,
    check_repeat,
    clean_value,
    new_item,
)
from actionplan.text import TextError, quote


def add_item(*, session: Session, author: str, into_archived: bool = False, **values: Any) -> Item:
    """Add one item (fields as in :class:`NewItem`); unknown clients and owners are created.

    Args:
        into_archived: add it even to an archived client (else refused, as ``add_items``).

    Raises:
        Invalid: when a field cannot be accepted; nothing is saved.
    """
    new = new_item(**values)
    (item_id,) = add_items(
        session=session, author=author, items=[new], summary=None, into_archived=into_archived
    )
    item = session.get(Item, item_id)
    assert item is not None
    return item


def add_items(
    *,
    session: Session,
    author: str,
    items: Sequence[NewItem],
    summary: str | None,
    into_archived: bool = False,
) -> list[int]:
    """Add validated items in one transaction (an import is one operation, undone at once).

    Args:
        into_archived: add them even to an archived client; without it that is refused, so
            nobody adds work to a finished contract without being told.

    Returns:
        The new items' ids, in the order given.

    Raises:
        Invalid: an archived client (unless ``into_archived``), an item owned by another
            client's contact; nothing is saved.
    """
    with operation(session, author=author, kind="add" if len(items) == 1 else "import") as rec:
        now = rec.op.at
        clients = client_ids(session, dict.fromkeys(i.client for i in items), now)
        if not into_archived:
            check_not_archived(session, clients.values())
        people = person_ids(session, dict.fromkeys(i.owner for i in items if i.owner), now)
        rows = []
        next_pos = next_positions(session, set(clients.values()))
        for new in items:
            client_id = clients[new.client.lower()]
            key = (client_id, new.status)
            position = next_pos.get(key, 0)
            next_pos[key] = position + 1
            rows.append(_item_row(new, client_id, people, position, now))
        check_owners(session, [(r["client_id"], r["owner_id"]) for r in rows])
        ids = _insert_items(session, rows)
        author_name = rec.op.author
        session.execute(
            sa.insert(HistoryEvent),
            [
                {
                    "op_id": rec.op.id,
                    "item_id": item_id,
                    "at": now,
                    "author": author_name,
                    "field": "created",
                    "old": None,
                    "new": row["title"],
                    "reason": rec.reason,
                }
                for item_id, row in zip(ids, rows, strict=True)
            ],
        )
        rec.op.summary = (
            summary or f"added #{ids[0]} {rows[0]['title'][:60]}"
            if len(ids) == 1
            else summary or f"imported {len(ids)} items"
        )
    return ids


def _item_row(
    new: NewItem, client_id: int, people: dict[str, int], position: int, now: datetime
) -> dict[str, Any]:
    return {
        "client_id": client_id,
        "title": new.title,
        "client_note": new.client_note,
        "internal_note": new.internal_note,
        "status": new.status,
        "waiting_on": new.waiting_on,
        "owner_id": people[new.owner.lower()] if new.owner else None,
        "due": new.due,
        "committed": new.committed,
        "must": new.must,
        "escalated": new.escalated,
        "escalation_reason": new.escalation_reason,
        "visibility": new.visibility,
        "repeat_every": new.repeat_every,
        "repeat_unit": new.repeat_unit,
        "repeat_from": new.repeat_from,
        "snoozed_until": new.snoozed_until,
        "health_form": new.health_form,
        "position": position,
        "created_at": now,
        "updated_at": now,
        "done_at": (new.done_at or now) if new.status == Status.DONE else None,
        "deleted_at": None,
        "version": 1,
    }


def _insert_items(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    stmt = sa.insert(Item).returning(col(Item.id), sort_by_parameter_order=True)
    ids: list[int] = []
    # Chunks keep SQLAlchemy's ordered RETURNING linear; one huge call grows quadratically.
    for start in range(0, len(rows), 500):
        ids.extend(session.scalars(stmt, rows[start : start + 500]))
    return ids


def next_positions(session: Session, client_ids: set[int]) -> dict[tuple[int, Status], int]:
    """The position after the last card of each (client, status) column that has cards."""
    if not client_ids:
        return {}
    stmt = (
        select(Item.client_id, Item.status, func.max(Item.position))
        .where(col(Item.client_id).in_(client_ids))
        .group_by(col(Item.client_id), col(Item.status))
    )
    return {(c, Status(s)): (p or 0) + 1 for c, s, p in session.exec(stmt).all()}


def _next_position(session: Session, client_id: int, status: Status) -> int:
    return next_positions(session, {client_id}).get((client_id, status), 0)


# --- editing ------------------------------------------------------------------------------------


def edit_item(
    *,
    session: Session,
    item_id: int,
    author: str,
    expected_version: int | None = None,
    reason: str | None = None,
    into_archived: bool = False,
    **changes: Any,
) -> Item:
    """Change any editable fields of an item (see ``EDITABLE``) in one transaction.

    A new status puts the card at the end of its new column and sets or clears the done time;
    waiting-on given alone moves the item to waiting. Completing a recurring item adds its next
    occurrence in the same operation (see ``recurrence.add_next_occurrence``).

    Args:
        expected_version: the version the user saw; a different one means someone else
            changed the item, and nothing is saved.
        reason: why, kept in the history (e.g. why a date moved).
        into_archived: move it even into an archived client (else refused).

    Raises:
        NotFound, Invalid, Conflict: nothing is saved.
    """
    cleaned = clean_changes(changes)
    with operation(session, author=author, kind="edit", reason=reason) as rec:
        item, rec.op.summary = edit_in(
            session,
            rec,
            item_id,
            cleaned,
            expected_version=expected_version,
            into_archived=into_archived,
        )
    return item


def edit_in(
    session: Session,
    rec: Recorder,
    item_id: int,
    cleaned: dict[str, Any],
    *,
    expected_version: int | None = None,
    into_archived: bool = False,
) -> tuple[Item, str]:
    """Inside an open operation: apply changes (from :func:`clean_changes`) to an item, as
    :func:`edit_item` does, adding a completed recurring item's next occurrence.

    Returns:
        The item, and what was done in one line (the operation's summary, or part of it).

    Raises:
        NotFound, Invalid, Conflict: the caller's operation then saves nothing.
    """
    item = lock(session, item_id, expected_version)
    if item.deleted_at is not None:
        raise NotFound(f"item #{item_id} is deleted (restore it first)")
    was_done = item.status == Status.DONE
    _apply(session, rec, item, cleaned, into_archived=into_archived)
    summary = _describe_edit(item, cleaned)
    if item.status == Status.DONE and not was_done:
        following = add_next_occurrence(session, rec, item, today=clock.today())
        if following is not None and following.due is not None:
            summary += f"; next #{following.id} due {following.due.isoformat()}"
    return item, summary[:300]


def clean_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Check and clean the changes of an edit (names from ``EDITABLE``); raises Invalid."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise Invalid(f"cannot change {quote(sorted(unknown)[0])}")
    if not changes:
        raise Invalid("nothing to change")
    try:
        cleaned = {k: clean_value(k, v) for k, v in changes.items()}
    except TextError as exc:
        raise Invalid(str(exc)) from None
    if "waiting_on" in cleaned and cleaned["waiting_on"] is not None:
        status = cleaned.setdefault("status", Status.WAITING)
        if status != Status.WAITING:
            raise Invalid("waiting-on is only for waiting items")
    if cleaned.get("escalated") is True and not cleaned.get("escalation_reason"):
        raise Invalid("an escalation needs a reason")
    if cleaned.get("escalated") is False:
        cleaned["escalation_reason"] = ""
    return cleaned


# Set first, each its own way: client and owner are stored as ids, a status moves the card.
_STORED_APART = {"client", "owner", "status"}


def _apply(
    session: Session, rec: Recorder, item: Item, changes: dict[str, Any], *, into_archived: bool
) -> None:
    if "client" in changes:
        client_id = client_ids(session, [changes["client"]], rec.op.at)[changes["client"].lower()]
        if rec.set(item, "client_id", client_id):
            assert item.id is not None
            check_unlinked(session, item.id)
            if not into_archived:
                check_not_archived(session, [client_id])
            rec.set(item, "position", _next_position(session, client_id, item.status))
    if "owner" in changes:
        owner = changes["owner"]
        owner_id = person_ids(session, [owner], rec.op.at)[owner.lower()] if owner else None
        rec.set(item, "owner_id", owner_id)
    if "client" in changes or "owner" in changes:
        check_owners(session, [(item.client_id, item.owner_id)])
    if "status" in changes and changes["status"] != item.status:
        status = changes["status"]
        rec.set(item, "position", _next_position(session, item.client_id, status))
        rec.set(item, "status", status)
        rec.set(item, "done_at", rec.op.at if status == Status.DONE else None)
        if status != Status.WAITING:
            rec.set(item, "waiting_on", None)
    for name in EDITABLE:
        if name in changes and name not in _STORED_APART:
            rec.set(item, name, changes[name])
    if changes.get("repeat_from") is not None and item.repeat_every is None:
        raise Invalid("repeat-from is only for a repeating item (give it a repeat too)")
    if item.repeat_every is not None and item.repeat_from is None:
        rec.set(item, "repeat_from", RepeatFrom.DUE)
    if item.repeat_every is None:
        rec.set(item, "repeat_unit", None)
        rec.set(item, "repeat_from", None)
    check_repeat(item.repeat_every, item.repeat_unit)
    check_links(item)


def _describe_edit(item: Item, changes: dict[str, Any]) -> str:
    if set(changes) <= {"status", "waiting_on"}:
        status = getattr(item.status, "value", item.status)
        what = "marked done" if status == "done" else f"moved to {status}"
        return f"{what} #{item.id} {_short_title(item.title)}"
    names = ", ".join(_FIELD_WORDS.get(n, n.replace("_", " ")) for n in sorted(changes))
    return f"changed {names} of #{item.id} {_short_title(item.title)}"


_FIELD_WORDS = {
    "due": "due date",
    "committed": "date told",
    "must": "must-do",
    "health_form": "health-check form",
}


def _short_title(title: str, size: int = 50) -> str:
    """A title cut at a word, for one-line summaries."""
    if len(title) <= size:
        return title
    return title[:size].rsplit(" ", 1)[0] + "…"


def reorder_item(*, session: Session, item_id: int, offset: int, author: str) -> Item:
    """Move an item up (negative offset) or down within its column.

    Positions in the column are renumbered where needed, so ties never block a move.

    Raises:
        NotFound: for a missing or deleted item.
    """
    with operation(session, author=author, kind="reorder") as rec:
        item = lock(session, item_id)
        if item.deleted_at is not None:
            raise NotFound(f"item #{item_id} is deleted")
        column = list(
            session.exec(
                select(Item)
                .where(Item.client_id == item.client_id, Item.status == item.status)
                .where(col(Item.deleted_at).is_(None))
                .order_by(col(Item.position), col(Item.id))
            ).all()
        )
        index = next(i for i, row in enumerate(column) if row.id == item_id)
        target = max(0, min(len(column) - 1, index + offset))
        column.insert(target, column.pop(index))
        base = min(row.position for row in column)
        for pos, row in enumerate(column, start=base):
            rec.set(row, "position", pos)
        rec.op.summary = f"moved #{item_id} {'up' if offset < 0 else 'down'}"
    return item


def delete_item(*, session: Session, item_id: int, author: str) -> Item:
    """Delete an item (it can be restored, or the delete undone).

    Raises:
        NotFound: when there is no such item, or it is already deleted.
    """
    with operation(session, author=author, kind="delete") as rec:
        item = lock(session, item_id)
        if item.deleted_at is not None:
            raise NotFound(f"item #{item_id} is already deleted")
        rec.set(item, "deleted_at", rec.op.at)
        rec.op.summary = f"deleted #{item_id} {item.title[:60]}"
    return item


def restore_item(*, session: Session, item_id: int, author: str) -> Item:
    """Bring back a deleted item (into its client even when that is archived now).

    Raises:
        NotFound: no such item. Invalid: it is not deleted, or its owner is another client's
            contact now (the rule every item keeps).
    """
    with operation(session, author=author, kind="restore") as rec:
        item = lock(session, item_id)
        if item.deleted_at is None:
            raise Invalid(f"item #{item_id} is not deleted")
        try:
            check_owners(session, [(item.client_id, item.owner_id)])
        except Invalid as exc:
            raise Invalid(f"cannot restore #{item_id}: {exc}") from None
        rec.set(item, "deleted_at", None)
        rec.op.summary = f"restored #{item_id} {item.title[:60]}"
    return item
