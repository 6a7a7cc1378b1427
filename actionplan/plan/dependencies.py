"""Dependencies: an item blocked by other items of the same client, on any side.

Each change is a history event of the blocked item, field ``blocked_by``, holding the whole
list of its blockers before and after (ids, comma-separated, ``None`` for none): ``history``
shows it, and ``undo`` puts the list back as it was (see ``plan.undo``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

import sqlalchemy as sa
from sqlmodel import Session, col, select

from actionplan.models import Client, Dependency, Item, Status
from actionplan.plan.errors import Invalid, NotFound
from actionplan.plan.journal import Recorder, lock, operation

BLOCKED_BY = "blocked_by"
"""The history field of a change to an item's blockers."""


class Blocker(NamedTuple):
    """An item another waits for, as the board and the summary show it."""

    id: int
    title: str
    due: date | None
    status: Status


def block(*, session: Session, item_id: int, blocked_by: Sequence[int], author: str) -> list[int]:
    """Mark an item as blocked by others of its client, in one operation.

    Returns:
        The blockers added; those the item already had are left as they are (none added:
        nothing is saved).

    Raises:
        NotFound, Invalid: an item missing or deleted, another client's item, the item itself,
            a cycle; nothing is saved.
    """
    with operation(session, author=author, kind="block") as rec:
        added = block_in(session, rec, item_id, blocked_by)
        if not added:
            session.rollback()
            return []
        rec.op.summary = f"#{item_id} blocked by {_ids(added, ', ')}"
    return added


def unblock(*, session: Session, item_id: int, blocked_by: int, author: str) -> bool:
    """Take one blocker off an item, in one operation.

    Returns:
        False when the item was not blocked by it (nothing is saved).

    Raises:
        NotFound: no such item.
    """
    with operation(session, author=author, kind="unblock") as rec:
        if not unblock_in(session, rec, item_id, blocked_by):
            session.rollback()
            return False
        rec.op.summary = f"#{item_id} no longer blocked by #{blocked_by}"
    return True


def block_in(session: Session, rec: Recorder, item_id: int, blocked_by: Sequence[int]) -> list[int]:
    """Inside an open operation: add blockers to an item, as :func:`block` does."""
    item = _live(session, item_id, lock_it=True)
    before = blocker_ids(session, item_id)
    edges = _client_edges(session, item.client_id)
    added: list[int] = []
    for other_id in dict.fromkeys(blocked_by):
        if other_id == item_id:
            raise Invalid(f"#{item_id} cannot be blocked by itself")
        other = _live(session, other_id)
        if other.client_id != item.client_id:
            raise Invalid(
                f"#{item_id} is {_client(session, item)}'s, #{other_id} is "
                f"{_client(session, other)}'s: a dependency stays within one client"
            )
        if other_id in before or other_id in added:
            continue
        path = _path(edges, other_id, item_id)
        if path is not None:
            raise Invalid(f"{_ids([item_id, *path], ' → ')} would be a cycle")
        edges.setdefault(item_id, set()).add(other_id)
        added.append(other_id)
    if added:
        session.add_all(Dependency(item_id=item_id, blocked_by_id=b) for b in added)
        session.flush()
        rec.note(item, BLOCKED_BY, _text(before), _text([*before, *added]))
    return added


def unblock_in(session: Session, rec: Recorder, item_id: int, blocked_by: int) -> bool:
    """Inside an open operation: take a blocker off an item, as :func:`unblock` does."""
    item = lock(session, item_id)
    before = blocker_ids(session, item_id)
    if blocked_by not in before:
        return False
    set_blockers(session, rec, item, [b for b in before if b != blocked_by])
    return True


def set_blockers(session: Session, rec: Recorder, item: Item, ids: Sequence[int]) -> None:
    """Inside an open operation: make ``ids`` exactly the item's blockers (what undo puts
    back), with its history event."""
    assert item.id is not None
    before = blocker_ids(session, item.id)
    rows = session.exec(select(Dependency).where(Dependency.item_id == item.id)).all()
    for row in rows:
        if row.blocked_by_id not in ids:
            session.delete(row)
    session.add_all(
        Dependency(item_id=item.id, blocked_by_id=b) for b in ids if b not in set(before)
    )
    session.flush()
    if sorted(before) != sorted(ids):
        rec.note(item, BLOCKED_BY, _text(before), _text(ids))


def check_unlinked(session: Session, item_id: int) -> None:
    """An item about to move to another client has no dependencies (they stay within one).

    Raises:
        Invalid: it blocks or is blocked by another item; naming them.
    """
    stmt = select(Dependency).where(
        sa.or_(col(Dependency.item_id) == item_id, col(Dependency.blocked_by_id) == item_id)
    )
    links = session.exec(stmt).all()
    if links:
        others = sorted({d.blocked_by_id if d.item_id == item_id else d.item_id for d in links})
        raise Invalid(
            f"#{item_id} is linked to {_ids(others, ', ')}: a dependency stays within one "
            "client (unlink them first: set --not-blocked-by)"
        )


def blocker_ids(session: Session, item_id: int) -> list[int]:
    """The ids of the items this one is blocked by (deleted ones too), in id order."""
    stmt = (
        select(Dependency.blocked_by_id)
        .where(Dependency.item_id == item_id)
        .order_by(col(Dependency.blocked_by_id))
    )
    return list(session.exec(stmt).all())


def blocker_text(session: Session, item_id: int) -> str | None:
    """The item's blockers as its history keeps them."""
    return _text(blocker_ids(session, item_id))


def parse_text(text: str | None) -> list[int]:
    """The inverse of the history's text of blockers."""
    return [int(part) for part in text.split(",")] if text else []


_IN_LIMIT = 1_000
"""Up to this many ids are asked for by name; more (a 50,000-item export) read every link and
keep theirs: a statement's parameters are bounded (65,535 in PostgreSQL's protocol; SQLite's
limit depends on its build), and the links of a plan are few next to its items."""


def blockers_of(session: Session, item_ids: Iterable[int]) -> dict[int, list[Blocker]]:
    """The items each of these is blocked by (deleted ones left out), read in one query; an
    item blocked by none is not a key."""
    wanted = set(item_ids)
    if not wanted:
        return {}
    stmt = (
        sa.select(
            col(Dependency.item_id), col(Item.id), col(Item.title), col(Item.due), col(Item.status)
        )
        .join(Item, col(Item.id) == col(Dependency.blocked_by_id))
        .where(col(Item.deleted_at).is_(None))
        .order_by(col(Dependency.item_id), col(Item.id))
    )
    if len(wanted) <= _IN_LIMIT:
        stmt = stmt.where(col(Dependency.item_id).in_(wanted))
    found: dict[int, list[Blocker]] = {}
    for item_id, *blocker in session.execute(stmt).all():
        if item_id in wanted:
            found.setdefault(item_id, []).append(Blocker(*blocker))
    return found


def _live(session: Session, item_id: int, *, lock_it: bool = False) -> Item:
    item = lock(session, item_id) if lock_it else session.get(Item, item_id)
    if item is None:
        raise NotFound(f"no item #{item_id}")
    if item.deleted_at is not None:
        raise NotFound(f"item #{item_id} is deleted (restore it first)")
    return item


def _client(session: Session, item: Item) -> str:
    client = session.get(Client, item.client_id)
    return client.name if client is not None else f"client {item.client_id}"


def _client_edges(session: Session, client_id: int) -> dict[int, set[int]]:
    """Every "blocked by" link among one client's items: item id → its blockers' ids."""
    stmt = (
        select(Dependency.item_id, Dependency.blocked_by_id)
        .join(Item, col(Item.id) == col(Dependency.item_id))
        .where(Item.client_id == client_id)
    )
    edges: dict[int, set[int]] = {}
    for item_id, blocked_by_id in session.exec(stmt).all():
        edges.setdefault(item_id, set()).add(blocked_by_id)
    return edges


def _path(edges: dict[int, set[int]], start: int, goal: int) -> list[int] | None:
    """The chain of blockers from ``start`` to ``goal`` (both included), if there is one."""
    came_from: dict[int, int | None] = {start: None}
    queue = [start]
    while queue:
        here = queue.pop(0)
        if here == goal:
            path = [here]
            while (back := came_from[path[-1]]) is not None:
                path.append(back)
            return path[::-1]
        for nxt in sorted(edges.get(here, ())):
            if nxt not in came_from:
                came_from[nxt] = here
                queue.append(nxt)
    return None


def _ids(ids: Iterable[int], sep: str) -> str:
    return sep.join(f"#{i}" for i in ids)


def _text(ids: Iterable[int]) -> str | None:
    return ",".join(str(i) for i in sorted(ids)) or None
