"""Old releases' databases for the migration tests: an empty database brought to an old schema
by Alembic, for a test to fill with rows as that release wrote them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy.engine import URL

from actionplan import dbschema
from actionplan.db import make_engine


@contextmanager
def at_revision(url: URL, revision: str) -> Iterator[tuple[sa.Connection, dict[str, sa.Table]]]:
    """The database at ``url`` upgraded to ``revision``: a connection in a transaction that
    commits when the block ends, and the tables as that revision made them."""
    from alembic import command

    engine = make_engine(url)
    try:
        with engine.connect() as conn, conn.begin():
            command.upgrade(dbschema._alembic_config(conn), revision)
            meta = sa.MetaData()
            meta.reflect(conn)
            yield conn, dict(meta.tables)
    finally:
        engine.dispose()


def move_sequences_on(conn: sa.Connection, tables: tuple[str, ...]) -> None:
    """On PostgreSQL, each table's id sequence moved past the ids given by hand, as the old
    release's own inserts would have left it; nothing elsewhere."""
    if conn.dialect.name != "postgresql":
        return
    for name in tables:
        conn.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
            )
        )
