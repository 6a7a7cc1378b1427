"""Opening the database: URL or path, SQLite pragmas, migrations with a backup first, sessions."""

from __future__ import annotations

import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlmodel import Session

from actionplan.dbfile import UnsafeFile, prepare_sqlite_file
from actionplan.redact import redact, redact_text, scrub

DB_ENV = "ACTIONPLAN_DB"
# The newest migration. tests/test_migrations.py checks it against the scripts, so a start-up
# that finds this revision needs no Alembic import at all.
SCHEMA_HEAD = "0003"
_MIGRATIONS = Path(__file__).parent / "migrations"
CONNECT_TIMEOUT = 5
"""Seconds to wait for a database server to answer before giving up."""
LOCK_TIMEOUT = 30
# Without keepalives a server behind a dropped network would look idle for hours; with these,
# a silent network is noticed within 10 + 3 x 5 s (the kernel's default count is 9: 55 s).
PG_KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
}
"""Seconds a write waits for another one to finish (SQLite's busy timeout, PostgreSQL's locks)."""
_PG_WRITE_LOCK = 0x61637470  # any fixed number, the same in every actionplan process


class DatabaseError(Exception):
    """The database cannot be opened or used; the message is one line and has no password."""


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


def default_path() -> Path:
    """The default SQLite file, in the user data directory."""
    from platformdirs import user_data_path

    return user_data_path("actionplan") / "actionplan.db"


def resolve_url(value: str | None = None) -> URL:
    """Turn ``--db``, else ``ACTIONPLAN_DB``, else the default path, into a SQLAlchemy URL.

    A value with ``://`` is a URL; anything else is a file path for SQLite.

    Raises:
        DatabaseError: when the URL cannot be parsed.
    """
    value = value or os.environ.get(DB_ENV) or str(default_path())
    if "://" not in value:
        return URL.create("sqlite", database=str(Path(value).expanduser().absolute()))
    try:
        url = make_url(value)
    except (ArgumentError, ValueError):
        raise DatabaseError(f"cannot read database URL {redact_text(value)}") from None
    if url.drivername in ("postgresql", "postgres"):
        # psycopg (3) is the driver we ship; postgresql:// alone would ask for psycopg2.
        url = url.set(drivername="postgresql+psycopg")
    return url


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for a server or an in-memory database."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def sqlite_files(url: URL) -> list[Path]:
    """The live SQLite file and its -wal, -shm and -journal companions (none for a server)."""
    path = sqlite_path(url)
    if path is None:
        return []
    # SQLite keeps the companions beside the file a symlink points to.
    paths = dict.fromkeys((path, Path(os.path.realpath(path))))
    return [p.with_name(p.name + end) for p in paths for end in ("", "-wal", "-shm", "-journal")]


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
_WAITED = "actionplan_waited"


def _time_waits(engine: Engine) -> None:
    """Note how long a failed statement ran, so "busy" errors can say how long they waited."""

    @event.listens_for(engine, "before_cursor_execute")
    def _started(conn: sa.Connection, *_args: Any) -> None:
        conn.info[_STARTED] = time.monotonic()

    @event.listens_for(engine, "handle_error")
    def _failed(ctx: sa.engine.ExceptionContext) -> None:
        started = ctx.connection.info.get(_STARTED) if ctx.connection is not None else None
        if started is not None and ctx.sqlalchemy_exception is not None:
            setattr(ctx.sqlalchemy_exception, _WAITED, time.monotonic() - started)


def _lower(value: str | None) -> str | None:
    return value.lower() if isinstance(value, str) else value


def _prepare_sqlite_file(path: Path) -> None:
    """Create the folder (0700) and an empty private file (0600), or check the one there."""
    try:
        prepare_sqlite_file(path)
    except UnsafeFile as exc:
        raise DatabaseError(str(exc)) from None


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database, or None for an empty database.

    Raises:
        DatabaseError: when the database holds tables but is not an actionplan database.
    """
    with engine.connect() as conn:
        return _revision(conn)


def _revision(conn: sa.Connection) -> str | None:
    tables = set(sa.inspect(conn).get_table_names())
    if "alembic_version" not in tables:
        if tables:
            raise DatabaseError(
                "this database holds other tables; it is not an actionplan database"
            )
        return None
    row = conn.execute(sa.text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


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
    upgraded_from, backup = None, None
    try:
        revision = current_revision(engine)
        if revision != SCHEMA_HEAD:
            if not upgrade:
                raise DatabaseError(f"{redact(url)} needs `actionplan db upgrade`")
            upgraded_from, backup = _upgrade(engine, url)
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


def _alembic_config(connection: sa.Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> list[str]:
    """Every revision the shipped migrations know, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(_MIGRATIONS))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _upgrade(engine: Engine, url: URL) -> tuple[str | None, Path | None]:
    """Create or upgrade the schema under the write lock, so one process at a time does it.

    Returns:
        The revision found under the lock ("" for an empty database; None when another
        process had already brought it to the head) and the backup taken first.
    """
    from alembic import command

    path = sqlite_path(url)
    with engine.connect() as conn:
        raw = conn.connection.driver_connection if path is not None else None
        if raw is not None:
            # Batch migrations copy a table, drop it and rename the copy; with foreign keys
            # on, dropping a referenced table fails. They are checked again before commit.
            raw.execute("PRAGMA foreign_keys=OFF")  # a no-op inside a transaction: before BEGIN
        # A write transaction: BEGIN IMMEDIATE on SQLite, the advisory lock on PostgreSQL.
        # Whoever comes second waits here, then finds the schema already made.
        conn = conn.execution_options(actionplan_write=True)
        try:
            with conn.begin():
                revision = _revision(conn)
                if revision == SCHEMA_HEAD:
                    return None, None
                if revision is not None and revision not in known_revisions():
                    raise DatabaseError(
                        f"{redact(url)} was made by a newer actionplan (schema {revision}); "
                        "upgrade actionplan"
                    )
                backup = None
                if revision is not None and path is not None:
                    backup = backup_sqlite(
                        engine, path.with_name(f"{path.name}.before-{SCHEMA_HEAD}-{_stamp()}")
                    )
                command.upgrade(_alembic_config(conn), "head")
                if raw is not None and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise DatabaseError(f"{redact(url)}: the upgrade broke a reference; undone")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")
    return revision or "", backup


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def backup_sqlite(engine: Engine, dest: Path) -> Path:
    """Copy a live SQLite database to ``dest`` with SQLite's online backup API (mode 0600).

    The copy is made in a temp file beside ``dest`` and renamed into place when complete, so
    ``dest`` ends up holding a whole backup or is left as it was.

    Raises:
        DatabaseError: when ``dest`` is the live database, a pipe or a folder, or the copy
            cannot be written.
    """
    from actionplan.outfile import OutputError, check_target, replace_atomically

    def fill(_fd: int, tmp: Path) -> None:
        raw = engine.raw_connection()
        try:
            target = sqlite3.connect(tmp)
            try:
                raw.driver_connection.backup(target)  # type: ignore[union-attr]
            finally:
                target.close()
        finally:
            raw.close()

    try:
        if check_target(dest, protect=sqlite_files(engine.url)) == "stream":
            raise OutputError(f"{dest} is a pipe or device; a SQLite backup must go to a file")
        dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        replace_atomically(dest, fill)
    except OutputError as exc:
        raise DatabaseError(str(exc)) from None
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"cannot write backup {dest}: {describe_error(exc)}") from None
    return dest


def describe_error(exc: BaseException) -> str:
    """One line saying what went wrong with the database, without SQL or parameters."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if "readonly" in text or "read-only" in text:
        return "the database is read-only (check the file and folder permissions)"
    if "file is not a database" in text or "malformed" in text:
        return "the file is damaged or is not a database"
    if "database is locked" in text or "lock timeout" in text:
        waited = getattr(exc, _WAITED, None)
        if waited is None or waited < 0.5:
            return "the database was busy with another change; try again"
        return f"the database stayed busy with another change; gave up after {waited:.0f} s"
    problem = connection_problem(exc)
    if problem is not None:
        return f"cannot connect to the database server: {redact_text(problem)}"
    return redact_text(text)


# libpq: 'connection to server at "HOST", port N failed: WHY' (or 'on socket "PATH"').
_SERVER_FAILED = re.compile(r"connection to server (?:at|on) .*? failed: (?:FATAL:\s*)?(.+)")
_HINTS = {"connection refused": "is the server running?", "no such file": "is the server running?"}
_LOST = ("server closed the connection", "terminating connection", "connection is closed")


def connection_problem(exc: BaseException) -> str | None:
    """Why a database server could not be reached (one short line), or None for other errors."""
    orig = getattr(exc, "orig", None) or exc
    text = (str(orig).strip().splitlines() or [""])[0]
    if type(orig).__name__ == "ConnectionTimeout" or "timeout expired" in text:
        return "no answer from the server (timed out)"
    if text.startswith("failed to resolve host"):
        return "no such host (check the host name)"
    if any(part in text for part in _LOST):
        return "the connection to the server was lost"
    match = _SERVER_FAILED.search(text)
    if match is None:
        return None
    why = match.group(1).strip()
    why = why[:1].lower() + why[1:]
    hint = next((h for key, h in _HINTS.items() if why.startswith(key)), None)
    return f"{why} ({hint})" if hint else why
