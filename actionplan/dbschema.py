"""The schema: the revision a database holds, the shipped migrations, upgrading with a backup."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine

from actionplan.dberrors import DatabaseError, describe_error
from actionplan.dburl import sqlite_files, sqlite_path
from actionplan.redact import redact

# The newest migration. tests/core/test_db.py checks it against the scripts, so a start-up
# that finds this revision needs no Alembic import at all.
SCHEMA_HEAD = "0008"
_MIGRATIONS = Path(__file__).parent / "migrations"


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


def ensure_schema(engine: Engine, url: URL, *, upgrade: bool) -> tuple[str | None, Path | None]:
    """Bring the database to ``SCHEMA_HEAD``, creating or upgrading it as needed.

    Args:
        upgrade: apply pending migrations; when False, a pending migration is an error.

    Returns:
        The revision found before an upgrade ("" for an empty database; None when none was
        made) and the backup taken first.

    Raises:
        DatabaseError: when a migration is pending and ``upgrade`` is False, the database is
            not an actionplan database or was made by a newer actionplan, or the upgrade
            broke a reference.
    """
    if current_revision(engine) == SCHEMA_HEAD:
        return None, None
    if not upgrade:
        raise DatabaseError(f"{redact(url)} needs `actionplan db upgrade`")
    return _upgrade(engine, url)


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
