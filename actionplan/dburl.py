"""Where the database is: ``--db``, else ACTIONPLAN_DB, else the default file; its SQLite files."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from actionplan.dberrors import DatabaseError
from actionplan.redact import redact_text

DB_ENV = "ACTIONPLAN_DB"


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
