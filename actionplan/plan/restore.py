"""Writing an export back, ids and all, into an empty database."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from actionplan.models import TABLES, Operation
from actionplan.plan.errors import Invalid
from actionplan.plan.journal import begin_write


def restore_rows(*, session: Session, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Write exported rows back with their ids, into an empty database, in one transaction.

    Raises:
        Invalid: when the database already holds a plan, or an item of one client is owned
            by another client's contact.
    """
    _check_owners(tables)

    begin_write(session)
    try:
        for table in TABLES:
            if session.exec(select(func.count()).select_from(table)).one():
                raise Invalid("the database is not empty: restore into a new one (--db NEW_FILE)")
        for table in TABLES:
            rows = tables.get(table.__table__.name, [])  # type: ignore[attr-defined]
            if table is Operation:
                # An operation may point at a later one (undone_by); link them after all exist.
                links = [(r["id"], r.get("undone_by_id")) for r in rows if r.get("undone_by_id")]
                rows = [{**r, "undone_by_id": None} for r in rows]
            if rows:
                session.execute(sa.insert(table), rows)
            if table is Operation:
                for op_id, undone_by in links:
                    session.execute(
                        sa.update(Operation)
                        .where(col(Operation.id) == op_id)
                        .values(undone_by_id=undone_by)
                    )
        _reset_sequences(session, TABLES)
        session.commit()
    except BaseException:
        session.rollback()
        raise


def _check_owners(tables: dict[str, list[dict[str, Any]]]) -> None:
    contact_of = {
        p["id"]: p.get("client_id") for p in tables.get("person", []) if p.get("client_id")
    }
    for i, row in enumerate(tables.get("item", [])):
        theirs = contact_of.get(row.get("owner_id"))
        if theirs is not None and theirs != row.get("client_id"):
            raise Invalid(
                f"item[{i}].owner_id: person {row['owner_id']} is a contact of client {theirs}, "
                f"not of client {row.get('client_id')}"
            )


def _reset_sequences(session: Session, tables: list[Any]) -> None:
    # Rows inserted with explicit ids leave PostgreSQL's sequences behind; move them on.
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        name = table.__tablename__
        session.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
            )
        )
