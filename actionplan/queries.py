"""Read-only questions about a plan: listings, clients with counts, an item's history.

Archived clients are left out of every listing of several clients unless asked for; a client
named on its own is always found, archived or not.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

import sqlalchemy as sa
from sqlmodel import Session, col, select

from actionplan.history import PersonNames
from actionplan.models import (
    Client,
    HistoryEvent,
    Item,
    Operation,
    Person,
    RecordChange,
    Side,
    Snapshot,
    Status,
    VendorNames,
)
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
    include_archived: bool = False
    """Items of archived clients too (they are in anyway when a client or ids are given)."""


def archived_client_ids() -> sa.Select[Any]:
    """The ids of archived clients, as a subquery for ``NOT IN``."""
    client = Client.__table__  # type: ignore[attr-defined]
    return sa.select(client.c.id).where(client.c.archived_at.is_not(None))


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
            person.c.client_id.label("owner_client_id"),
            person.c.company.label("owner_company"),
            client.c.vendor_names,
            *extra,
        )
        .join(client, client.c.id == item.c.client_id)
        .outerjoin(person, person.c.id == item.c.owner_id)
    )


def list_items(*, session: Session, where: ItemFilter | None = None) -> list[ItemRow]:
    """Items with their client's and owner's names, in board order (client, status, position).

    Returns:
        One ``ItemRow`` per item: every item column plus its client's ``client`` (name) and
        ``vendor_names``, and its owner's ``owner``, ``owner_team``, ``owner_side``,
        ``owner_client_id`` and ``owner_company``. Plain dicts, cheap to build for 50,000 rows.
    """
    where = where or ItemFilter()
    item, client, person = Item.__table__, Client.__table__, Person.__table__  # type: ignore[attr-defined]
    status_rank = sa.case({s.value: i for i, s in enumerate(STATUS_ORDER)}, value=item.c.status)
    stmt = item_select().order_by(client.c.name, status_rank, item.c.position, item.c.id)
    if not where.include_deleted:
        stmt = stmt.where(item.c.deleted_at.is_(None))
    if where.client:
        stmt = stmt.where(sa.func.lower(client.c.name) == where.client.strip().lower())
    elif not (where.ids or where.include_archived):
        stmt = stmt.where(client.c.archived_at.is_(None))
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
    archived: bool = False
    vendor_names: VendorNames = VendorNames.COMPANY
    """How its summaries show vendors (``clients set C --vendor-names``)."""


def clients_with_counts(
    *, session: Session, today: date, archived: bool = False
) -> list[ClientCounts]:
    """Every client not archived (``archived``: every client), by name, with open, overdue and
    escalated counts."""
    item = Item.__table__  # type: ignore[attr-defined]
    is_open = sa.and_(item.c.status.in_(OPEN_STATUSES), item.c.deleted_at.is_(None))
    stmt = (
        sa.select(
            col(Client.id),
            col(Client.name),
            sa.func.count(item.c.id).filter(is_open),
            sa.func.count(item.c.id).filter(is_open, item.c.due < today),
            sa.func.count(item.c.id).filter(is_open, item.c.escalated.is_(True)),
            col(Client.archived_at).is_not(None),
            col(Client.vendor_names),
        )
        .select_from(Client.__table__)  # type: ignore[attr-defined]
        .outerjoin(item, item.c.client_id == col(Client.id))
        .group_by(
            col(Client.id), col(Client.name), col(Client.archived_at), col(Client.vendor_names)
        )
        .order_by(col(Client.name))
    )
    if not archived:
        stmt = stmt.where(col(Client.archived_at).is_(None))
    return [
        ClientCounts(id_, name, open_, overdue, escalated, bool(archived_), VendorNames(vendors))
        for id_, name, open_, overdue, escalated, archived_, vendors in session.execute(stmt)
    ]


_SIDE_RANK = {Side.US.value: 0, Side.CLIENT.value: 1}


def people(*, session: Session, archived: bool = False) -> list[Person]:
    """Everyone who can be given an item (``archived``: the archived too), ours first, then
    by name."""
    rank = sa.case(_SIDE_RANK, value=Person.side, else_=2)  # type: ignore[arg-type]
    stmt = select(Person).order_by(rank, col(Person.name))
    if not archived:
        stmt = stmt.where(col(Person.archived_at).is_(None))
    return list(session.exec(stmt).all())


@dataclass(frozen=True)
class PersonRow:
    """A person with their details, their client's name and how many open items they own."""

    id: int
    name: str
    side: Side
    team: str | None
    client: str | None
    company: str | None
    role: str | None
    email: str | None
    phone: str | None
    note: str
    status_recipient: bool
    archived: bool
    open: int


def people_rows(
    *,
    session: Session,
    client: str | None = None,
    unattached: bool = False,
    archived: bool = False,
) -> list[PersonRow]:
    """People with their details and open items. Archived people who still own open items
    come first (those items need a new owner), then ours, clients' contacts and vendors', by
    name.

    Args:
        client: only this client's contacts (by name, any case).
        unattached: only client-side people who belong to no client yet.
        archived: every archived person too (else only those who still own open items).

    Raises:
        NotFound: when ``client`` names no client.
    """
    person, client_t = Person.__table__, Client.__table__  # type: ignore[attr-defined]
    item = Item.__table__  # type: ignore[attr-defined]
    is_open = sa.and_(item.c.status.in_(OPEN_STATUSES), item.c.deleted_at.is_(None))
    owned = sa.func.count(item.c.id).filter(is_open)
    rank = sa.case(_SIDE_RANK, value=person.c.side, else_=2)
    stale = sa.and_(person.c.archived_at.is_not(None), owned > 0)
    stmt = (
        sa.select(person, client_t.c.name.label("client_name"), owned.label("owned"))
        .outerjoin(client_t, client_t.c.id == person.c.client_id)
        .outerjoin(item, item.c.owner_id == person.c.id)
        .group_by(*person.c, client_t.c.name)
        .order_by(sa.case((stale, 0), else_=1), rank, person.c.name)
    )
    if client is not None:
        stmt = stmt.where(person.c.client_id == _client_id(session, client))
    if unattached:
        stmt = stmt.where(person.c.side == Side.CLIENT.value, person.c.client_id.is_(None))
    if not archived:
        stmt = stmt.having(sa.or_(person.c.archived_at.is_(None), owned > 0))
    return [
        PersonRow(
            id=r.id,
            name=r.name,
            side=Side(r.side),
            team=r.team,
            client=r.client_name,
            company=r.company,
            role=r.role,
            email=r.email,
            phone=r.phone,
            note=r.note,
            status_recipient=bool(r.status_recipient),
            archived=r.archived_at is not None,
            open=r.owned,
        )
        for r in session.execute(stmt)
    ]


def _client_id(session: Session, name: str) -> int:
    """The id of the client with this name (any case).

    Raises:
        NotFound: with the nearest names, when there is none.
    """
    client = Client.__table__  # type: ignore[attr-defined]
    stmt = sa.select(client.c.id).where(sa.func.lower(client.c.name) == name.strip().lower())
    found = session.execute(stmt).first()
    if found is None:
        from actionplan.known import no_client
        from actionplan.plan.errors import NotFound

        raise NotFound(no_client(session=session, name=name))
    return int(found[0])


@dataclass(frozen=True, slots=True)
class Recipient:
    """A contact who receives a client's status summary: whom an e-mail draft is addressed to."""

    name: str
    email: str | None
    """None while no address is known (a draft has to say so, not leave them out)."""


def status_recipients(*, session: Session, client: str) -> list[Recipient]:
    """The client's own contacts who receive its status summary, by name; archived people
    are left out. Only for addressing: nothing here ever goes into a summary's text.

    Raises:
        NotFound: when ``client`` names no client.
    """
    client_id = _client_id(session, client)
    stmt = (
        select(Person.name, Person.email)
        .where(
            Person.client_id == client_id,
            Person.side == Side.CLIENT,
            col(Person.status_recipient).is_(True),
            col(Person.archived_at).is_(None),
        )
        .order_by(col(Person.name))
    )
    return [Recipient(name, email) for name, email in session.exec(stmt).all()]


def item_history(*, session: Session, item_id: int) -> list[HistoryEvent]:
    """Every recorded change of one item, oldest first."""
    stmt = (
        select(HistoryEvent).where(HistoryEvent.item_id == item_id).order_by(col(HistoryEvent.id))
    )
    return list(session.exec(stmt).all())


def person_names(*, session: Session) -> PersonNames:
    """Person id to name, for showing owner changes in history: the names people have now,
    and the names they had before each rename, and of people merged into others since."""
    now = dict(session.exec(select(Person.id, Person.name)).all())
    earlier: dict[int, list[tuple[int, str]]] = defaultdict(list)
    stmt = (
        select(RecordChange.record_id, RecordChange.op_id, RecordChange.field, RecordChange.old)
        .where(RecordChange.record == "person", col(RecordChange.field).in_(("name", "deleted")))
        .order_by(col(RecordChange.op_id), col(RecordChange.id))
    )
    for person_id, op_id, field, old in session.exec(stmt).all():
        name = json.loads(old)["name"] if field == "deleted" and old else old
        if name:
            earlier[person_id].append((op_id, name))
    return PersonNames(cast("dict[int, str]", now), earlier)


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
