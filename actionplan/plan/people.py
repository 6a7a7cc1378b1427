"""Clients and people: found by name ignoring case, created when first named."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlmodel import Session, func, select

from actionplan import clock
from actionplan.models import Client, Person, Side
from actionplan.plan.errors import Invalid
from actionplan.plan.journal import begin_write
from actionplan.plan.values import enum_value
from actionplan.text import NAME_MAX, TextError, clean_line


def find_client(*, session: Session, name: str) -> Client | None:
    """The client with this name, ignoring case."""
    stmt = select(Client).where(func.lower(Client.name) == name.strip().lower())
    return session.exec(stmt).first()


def find_person(*, session: Session, name: str) -> Person | None:
    """The person with this name, ignoring case."""
    stmt = select(Person).where(func.lower(Person.name) == name.strip().lower())
    return session.exec(stmt).first()


def client_ids(session: Session, names: Iterable[str], now: datetime) -> dict[str, int]:
    return _ids_creating(session, Client, names, now, {})


def person_ids(session: Session, names: Iterable[str], now: datetime) -> dict[str, int]:
    return _ids_creating(session, Person, names, now, {"side": Side.US})


def _ids_creating(
    session: Session,
    table: type[Client] | type[Person],
    names: Iterable[str],
    now: datetime,
    defaults: dict[str, Any],
) -> dict[str, int]:
    """Map lower-cased names to ids, creating the missing rows (unknown names are created)."""
    wanted: dict[str, str] = {}
    for name in names:
        wanted.setdefault(name.lower(), name)  # the first spelling wins
    ids: dict[str, int] = {}
    if wanted:
        rows = session.exec(select(table.id, table.name)).all()
        ids = {name.lower(): id_ for id_, name in rows if id_ and name.lower() in wanted}
    for key, name in wanted.items():
        if key not in ids:
            row = table(name=name, created_at=now, **defaults)
            session.add(row)
            session.flush()
            assert row.id is not None
            ids[key] = row.id
    return ids


def save_person(
    *, session: Session, name: str, team: str | None = None, side: Side | str | None = None
) -> Person:
    """Create a person, or update the team and side of an existing one (None leaves as is).

    Raises:
        Invalid: for an empty or over-long name or team, or an unknown side.
    """
    try:
        clean_name = clean_line(name, field="name", max_len=NAME_MAX, required=True)
        clean_team = None if team is None else clean_line(team, field="team", max_len=NAME_MAX)
    except TextError as exc:
        raise Invalid(str(exc)) from None
    side_value = None if side is None else enum_value(Side, side, "side", optional=False)
    begin_write(session)
    try:
        person = find_person(session=session, name=clean_name)
        if person is None:
            person = Person(name=clean_name, side=Side.US, created_at=clock.now())
        if team is not None:
            person.team = clean_team or None
        if side_value is not None:
            person.side = side_value
        session.add(person)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return person
