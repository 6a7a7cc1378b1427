"""Read-only questions about a plan: listings, clients with counts, an item's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

import sqlalchemy as sa
from sqlmodel import Session, col, select

from actionplan.models import Client, HistoryEvent, Item, Operation, Person, Side, Snapshot, Status
from actionplan.rows import ItemRow

# Board and list order of the statuses.
STATUS_ORDER = [Status.PLANNED, Status.DOING, Status.WAITING, Status.DONE, Status.DROPPED]
OPEN_STATUSES = [s for s in STATUS_ORDER if s.is_open]
# "Not closed" reads a whole table faster on SQLite than "in the open ones" (no index hops).
CLOSED_STATUSES = [s for s in STATUS_ORDER if not s.is_open]


@dataclass(frozen=True)
class ItemFilter:
    """What to list; every criterion is optional and they combine with AND."""

    client: str | None = None
    owner: str | None = None
    statuses: tuple[Status, ...] = ()
    overdue_on: date | None = None
    include_deleted: bool = False
    ids: tuple[int, ...] = ()


def item_select(*extra: sa.ColumnElement[Any]) -> sa.Select[Any]:
    """Every item column with its client's and owner's names (an ``ItemRow``), and ``extra``."""
    item, client, person = Item.__table__, Client.__table__, Person.__table__  # type: ignore[attr-defined]
    return (
        sa.select(
            item,
            client.c.name.label("client"),
            person.c.name.label("owner"),
            person.c.team.label("owner_team"),
            person.c.side.label("owner_side"),
            *extra,
        )
        .join(client, client.c.id == item.c.client_id)
        .outerjoin(person, person.c.id == item.c.owner_id)
    )


def list_items(*, session: Session, where: ItemFilter | None = None) -> list[ItemRow]:
    """Items with their client's and owner's names, in board order (client, status, position).

    Returns:
        One ``ItemRow`` per item: every item column plus ``client``, ``owner``, ``owner_team``
        and ``owner_side``. Plain dicts, cheap to build for 50,000 rows.
    """
    where = where or ItemFilter()
    item, client, person = Item.__table__, Client.__table__, Person.__table__  # type: ignore[attr-defined]
    status_rank = sa.case({s.value: i for i, s in enumerate(STATUS_ORDER)}, value=item.c.status)
    stmt = item_select().order_by(client.c.name, status_rank, item.c.position, item.c.id)
    if not where.include_deleted:
        stmt = stmt.where(item.c.deleted_at.is_(None))
    if where.client:
        stmt = stmt.where(sa.func.lower(client.c.name) == where.client.strip().lower())
    if where.owner:
        stmt = stmt.where(sa.func.lower(person.c.name) == where.owner.strip().lower())
    if where.statuses:
        stmt = stmt.where(item.c.status.in_(where.statuses))
    if where.ids:
        stmt = stmt.where(item.c.id.in_(where.ids))
    if where.overdue_on is not None:
        stmt = stmt.where(item.c.due < where.overdue_on, item.c.status.in_(OPEN_STATUSES))
    # The select above is ItemRow's definition; tests/core/test_rows.py keeps the two equal.
    return cast("list[ItemRow]", [dict(row._mapping) for row in session.execute(stmt)])


@dataclass(frozen=True)
class ClientCounts:
    """A client with how many of its items are open and overdue."""

    id: int
    name: str
    open: int
    overdue: int
    escalated: int


def clients_with_counts(*, session: Session, today: date) -> list[ClientCounts]:
    """Every client, by name, with open, overdue and escalated counts."""
    item = Item.__table__  # type: ignore[attr-defined]
    is_open = sa.and_(item.c.status.in_(OPEN_STATUSES), item.c.deleted_at.is_(None))
    stmt = (
        sa.select(
            col(Client.id),
            col(Client.name),
            sa.func.count(item.c.id).filter(is_open),
            sa.func.count(item.c.id).filter(is_open, item.c.due < today),
            sa.func.count(item.c.id).filter(is_open, item.c.escalated.is_(True)),
        )
        .select_from(Client.__table__)  # type: ignore[attr-defined]
        .outerjoin(item, item.c.client_id == col(Client.id))
        .group_by(col(Client.id), col(Client.name))
        .order_by(col(Client.name))
    )
    return [ClientCounts(*row) for row in session.execute(stmt)]


def people(*, session: Session) -> list[Person]:
    """Everyone, ours first, then by name."""
    rank = sa.case({Side.US.value: 0, Side.CLIENT.value: 1}, value=Person.side, else_=2)  # type: ignore[arg-type]
    return list(session.exec(select(Person).order_by(rank, col(Person.name))).all())


def item_history(*, session: Session, item_id: int) -> list[HistoryEvent]:
    """Every recorded change of one item, oldest first."""
    stmt = (
        select(HistoryEvent).where(HistoryEvent.item_id == item_id).order_by(col(HistoryEvent.id))
    )
    return list(session.exec(stmt).all())


def person_names(*, session: Session) -> dict[int, str]:
    """Person id to name, for showing owner changes in history."""
    return dict(session.exec(select(Person.id, Person.name)).all())  # type: ignore[arg-type]


def internal_names(*, session: Session) -> list[str]:
    """The names of everyone on our side: never to appear in client-facing text."""
    stmt = select(Person.name).where(Person.side == Side.US)
    return list(session.exec(stmt).all())


@dataclass(frozen=True)
class Mark:
    """How far the plan has come: the newest operation and snapshot ids."""

    operation: int
    snapshot: int


def plan_mark(*, session: Session) -> Mark:
    """The newest operation and snapshot ids (two index lookups)."""
    op = session.exec(select(sa.func.max(Operation.id))).one()
    snap = session.exec(select(sa.func.max(Snapshot.id))).one()
    return Mark(op or 0, snap or 0)


def changed_by_others(*, session: Session, since: Mark, own: set[int]) -> tuple[bool, Mark]:
    """Whether anyone but us (``own``: our operation ids) changed the plan since ``since``.

    Returns:
        The answer, and the mark to compare with next time.
    """
    now = plan_mark(session=session)
    if now.snapshot != since.snapshot:
        return True, now
    if now.operation == since.operation:
        return False, now
    stmt = select(Operation.id).where(col(Operation.id) > since.operation)
    newer = session.exec(stmt).all()
    # ``in``, not a set difference: the writer thread may be adding to ``own`` right now.
    return any(op_id not in own for op_id in newer), now
