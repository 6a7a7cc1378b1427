"""Clients and people found by name (ignoring case), and how many open items they hold: the
lookups that the writes on clients and people share."""

from __future__ import annotations

from typing import TypeVar

from sqlmodel import Session, col, func, select
from sqlmodel.sql.expression import SelectOfScalar

from actionplan.known import no_client, no_person
from actionplan.models import Client, Item, Person, Status
from actionplan.plan.errors import NotFound

Named = TypeVar("Named", Client, Person)


def _by_name(table: type[Named], name: str) -> SelectOfScalar[Named]:
    return select(table).where(func.lower(table.name) == name.strip().lower())


def find_client(*, session: Session, name: str) -> Client | None:
    """The client with this name, ignoring case."""
    return session.exec(_by_name(Client, name)).first()


def find_person(*, session: Session, name: str) -> Person | None:
    """The person with this name, ignoring case."""
    return session.exec(_by_name(Person, name)).first()


def row_named(session: Session, table: type[Named], name: str) -> Named:
    """The client or person with this name as it is now in the database (inside a write).

    Raises:
        NotFound: when there is none (with the nearest names).
    """
    stmt = _by_name(table, name).execution_options(populate_existing=True)
    found = session.exec(stmt).first()
    if found is None:
        missing = no_client if table is Client else no_person
        raise NotFound(missing(session=session, name=name))
    return found


def client_named(session: Session, name: str) -> Client:
    """The client with this name as it is now in the database (see ``row_named``)."""
    return row_named(session, Client, name)


def person_named(session: Session, name: str) -> Person:
    """The person with this name as they are now in the database (see ``row_named``)."""
    return row_named(session, Person, name)


def open_items(session: Session, row: Client | Person) -> int:
    """How many open, not deleted items a client has, or a person owns."""
    holder = Item.client_id if isinstance(row, Client) else Item.owner_id
    stmt = (
        select(func.count())
        .select_from(Item)
        .where(col(Item.deleted_at).is_(None))
        .where(col(Item.status).not_in([s for s in Status if not s.is_open]))
        .where(holder == row.id)
    )
    return int(session.exec(stmt).one())
