"""Opening the database: URL or path, SQLite pragmas, sessions, the schema brought up to date.

Where the database is comes from ``dburl``, its schema and migrations from ``dbschema``, and
its errors' one-line messages from ``dberrors``; what callers use of those is importable from
here too (``DatabaseError``, ``resolve_url``, ``describe_error``, ``connection_problem``).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlmodel import Session

from actionplan.dberrors import WAITED, DatabaseError, connection_problem, describe_error
from actionplan.dbfile import UnsafeFile, prepare_sqlite_file
from actionplan.dbschema import ensure_schema
from actionplan.dburl import resolve_url, sqlite_path
from actionplan.redact import redact, scrub

__all__ = [
    "CONNECT_TIMEOUT",
    "LOCK_TIMEOUT",
    "PG_KEEPALIVES",
    "Database",
    "DatabaseError",
    "connection_problem",
    "describe_error",
    "make_engine",
    "open_database",
    "resolve_url",
]

CONNECT_TIMEOUT = 5
"""Seconds to wait for a database server to answer before giving up."""
LOCK_TIMEOUT = 30
"""Seconds a write waits for another one to finish (SQLite's busy timeout, PostgreSQL's locks)."""
# Without keepalives a server behind a dropped network would look idle for hours; with these,
# a silent network is noticed within 10 + 3 x 5 s (the kernel's default count is 9: 55 s).
PG_KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
}
_PG_WRITE_LOCK = 0x61637470  # any fixed number, the same in every actionplan process


@dataclass(frozen=True)
class Database:
    """An open, up-to-date database: the one engine of this process."""

    engine: Engine
    url: URL
    upgraded_from: str | None = None
    """The schema revision found before this open upgraded it ("" for a new database)."""
    backup: Path | None = None
    """The copy taken before that upgrade."""

    @property
    def is_sqlite(self) -> bool:
        """True for a SQLite file, False for a server database."""
        return self.url.get_backend_name() == "sqlite"

    @property
    def display(self) -> str:
        """The URL or path to show a user, password hidden."""
        return redact(self.url)

    def session(self) -> Session:
        """A new short-lived session; objects stay readable after commit."""
        return Session(self.engine, expire_on_commit=False)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def make_engine(url: URL) -> Engine:
    """Create the engine, with SQLite's pragmas set on every new connection."""
    if url.get_backend_name() != "sqlite":
        return _server_engine(url)
    engine = sa.create_engine(url, connect_args={"timeout": LOCK_TIMEOUT})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # We issue BEGIN ourselves (below), so writers can take the write lock up front.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={LOCK_TIMEOUT * 1000}")
        # The default 2 MB page cache re-reads a 50,000-item plan from the OS on every agenda
        # or triage; 64 MB (taken only as pages are read) keeps it in memory: 0.17 s -> 0.11 s.
        cursor.execute("PRAGMA cache_size=-65536")
        cursor.close()
        # SQLite's lower() only knows ASCII; names like "Łódź" must match ignoring case too.
        dbapi_conn.create_function("lower", 1, _lower, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # A deferred transaction that reads and then writes cannot wait for the lock in WAL
        # mode; it fails at once with "database is locked". Writers begin IMMEDIATE instead.
        write = conn.get_execution_options().get("actionplan_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    _time_waits(engine)
    return engine


def _server_engine(url: URL) -> Engine:
    postgres = url.get_backend_name() == "postgresql"
    args: dict[str, Any] = {}
    if postgres and "connect_timeout" not in url.query:
        args["connect_timeout"] = CONNECT_TIMEOUT  # else a silent host hangs start-up for minutes
    if postgres:
        args.update(PG_KEEPALIVES)
    engine = sa.create_engine(url, pool_pre_ping=True, connect_args=args)
    if not postgres:
        return engine
    _time_waits(engine)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # Writers take one advisory lock first, as SQLite's BEGIN IMMEDIATE takes the write
        # lock: one write at a time, so concurrent writes never deadlock nor race to create the
        # same client (either would fail a user's command). A write takes milliseconds.
        if conn.get_execution_options().get("actionplan_write", False):
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}s'")
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})")

    return engine


_STARTED = "actionplan_started"


def _time_waits(engine: Engine) -> None:
    """Note how long a failed statement ran, so "busy" errors can say how long they waited."""

    @event.listens_for(engine, "before_cursor_execute")
    def _started(conn: sa.Connection, *_args: Any) -> None:
        conn.info[_STARTED] = time.monotonic()

    @event.listens_for(engine, "handle_error")
    def _failed(ctx: sa.engine.ExceptionContext) -> None:
        started = ctx.connection.info.get(_STARTED) if ctx.connection is not None else None
        if started is not None and ctx.sqlalchemy_exception is not None:
            setattr(ctx.sqlalchemy_exception, WAITED, time.monotonic() - started)


def _lower(value: str | None) -> str | None:
    return value.lower() if isinstance(value, str) else value


def _prepare_sqlite_file(path: Path) -> None:
    """Create the folder (0700) and an empty private file (0600), or check the one there."""
    try:
        prepare_sqlite_file(path)
    except UnsafeFile as exc:
        raise DatabaseError(str(exc)) from None


def open_database(value: str | URL | None = None, *, upgrade: bool = True) -> Database:
    """Open (and create, and migrate) the database named by ``value``.

    A SQLite file with a pending migration is copied to a timestamped backup first. Creating
    and upgrading the schema is serialised (SQLite's write lock, PostgreSQL's advisory lock),
    so processes starting together on a new database all succeed.

    Args:
        value: a URL, a path, or None for ``ACTIONPLAN_DB`` or the default file.
        upgrade: apply pending migrations; when False, a pending migration is an error.

    Raises:
        DatabaseError: with a one-line, password-free reason.
    """
    url = value if isinstance(value, URL) else resolve_url(value)
    path = sqlite_path(url)
    if path is not None:
        _prepare_sqlite_file(path)
    engine = _create_engine(url)
    try:
        upgraded_from, backup = ensure_schema(engine, url, upgrade=upgrade)
    except DatabaseError:
        engine.dispose()
        raise
    except (SQLAlchemyError, OSError, ImportError, TypeError) as exc:
        engine.dispose()
        problem = connection_problem(exc)
        if problem is not None:
            message = f"cannot connect to {redact(url)}: {scrub(problem, url)}"
            raise DatabaseError(message) from None
        raise DatabaseError(
            f"cannot open {redact(url)}: {scrub(describe_error(exc), url)}"
        ) from None
    return Database(engine=engine, url=url, upgraded_from=upgraded_from, backup=backup)


def _create_engine(url: URL) -> Engine:
    """make_engine, with a missing driver or an unknown kind of database as one line."""
    try:
        return make_engine(url)
    except NoSuchModuleError:
        raise DatabaseError(
            f"unknown kind of database {url.drivername!r} in {redact(url)}; "
            "use a SQLite file path or postgresql+psycopg://"
        ) from None
    except ImportError as exc:
        driver = exc.name or url.get_driver_name()
        use = (
            "postgresql+psycopg://"
            if url.get_backend_name() == "postgresql"
            else ("a SQLite file path or postgresql+psycopg://")
        )
        raise DatabaseError(f"the {driver} driver is not installed; use {use}") from None
    except (ArgumentError, TypeError, ValueError) as exc:
        raise DatabaseError(f"cannot use {redact(url)}: {scrub(str(exc), url)}") from None
