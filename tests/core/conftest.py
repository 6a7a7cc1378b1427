"""Fixtures of the core's tests."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL

from actionplan.db import Database, open_database, resolve_url


@pytest.fixture
def new_sqlite(sqlite_template: Path) -> Iterator[Callable[[], Database]]:
    """Makes as many fresh SQLite databases as a test needs; all closed at the end."""
    with tempfile.TemporaryDirectory() as folder:
        made: list[Database] = []

        def make() -> Database:
            path = Path(folder) / f"plan{len(made)}.db"
            shutil.copy(sqlite_template, path)
            made.append(open_database(str(path)))
            return made[-1]

        yield make
        for db in made:
            db.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def old_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[URL]:
    """Where an older release's plan is made (empty at first), for a test to upgrade: on
    SQLite (a private file) or on a new PostgreSQL database."""
    if request.param == "sqlite":
        path = tmp_path / "old-release.db"
        path.touch(mode=0o600)
        yield resolve_url(str(path))
        return
    admin_url = request.getfixturevalue("pg_admin_url")
    name = f"actionplan_old_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield resolve_url(admin_url).set(database=name)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.dispose()
