"""Fixtures every layer shares: a fixed today and clock, a private config, real databases.

PostgreSQL comes from ``ACTIONPLAN_TEST_PG`` (an admin URL; .ci/run sets it), else from a
throwaway server this file starts with the machine's ``initdb``. Without either, PostgreSQL
tests are skipped locally and fail under CI, where skipping is not allowed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from actionplan import clock
from actionplan.db import Database, open_database, resolve_url
from tests.support import AUTHOR, TABLES, TODAY, FixedClock
from tests.support.postgres import PgCluster


@pytest.fixture(autouse=True)
def _fixed_world(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test sees the same today, a known author, and never the user's own files."""
    home = tmp_path_factory.mktemp("home")
    config = home / "config.toml"
    config.write_text(f'name = "{AUTHOR}"\n', encoding="utf-8")
    monkeypatch.setenv(clock.TODAY_ENV, TODAY.isoformat())
    monkeypatch.setenv("ACTIONPLAN_CONFIG", str(config))
    monkeypatch.setenv("ACTIONPLAN_DB", str(home / "default.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    from actionplan.cli import context

    context.config.cache_clear()
    yield
    context.config.cache_clear()


@pytest.fixture
def fixed_now(monkeypatch: pytest.MonkeyPatch):
    """Set the day (ACTIONPLAN_TODAY) and the clock together: ``fixed_now(date, hour)``."""

    def set_to(day: date, hour: int = 9) -> None:
        monkeypatch.setenv(clock.TODAY_ENV, day.isoformat())
        moment = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
        monkeypatch.setattr(clock, "now", lambda: moment)

    set_to(TODAY)
    return set_to


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> FixedClock:
    """The plan's clock stands at 09:00 UTC on TODAY until the test moves it on."""
    moment = FixedClock()
    monkeypatch.setattr(clock, "now", moment)
    return moment


@pytest.fixture
def utc_zone() -> Iterator[None]:
    """Local time is UTC, so times shown are known whatever the machine's zone."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


# --- SQLite ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite file, copied for each test (migrating every time is slow)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_database(str(path)).dispose()
    return path


@pytest.fixture
def sqlite_db(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated SQLite database in a temp file."""
    path = tmp_path / "plan.db"
    shutil.copy(sqlite_template, path)
    path.chmod(0o600)
    db = open_database(str(path))
    yield db
    db.dispose()


# --- PostgreSQL --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_admin_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An admin URL of a running PostgreSQL server."""
    url = os.environ.get("ACTIONPLAN_TEST_PG")
    if url:
        yield url
        return
    server = None
    try:
        root = Path("/tmp") / f"actionplan-pg-{uuid.uuid4().hex[:8]}"
        server = PgCluster(root, 55432 + os.getpid() % 1000)
        yield server.create()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {exc}")
        pytest.skip(f"no PostgreSQL here ({exc}); set ACTIONPLAN_TEST_PG")
    finally:
        if server is not None:
            server.remove()


@pytest.fixture(scope="session")
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """A new database for this test run, migrated once, dropped at the end."""
    name = f"actionplan_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = resolve_url(pg_admin_url).set(database=name)
    open_database(url).dispose()
    yield url.render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    """The run's PostgreSQL database, emptied (ids restart) before each test."""
    db = open_database(pg_url)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
    yield db
    db.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    """Each database-touching test runs once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue("sqlite_db" if request.param == "sqlite" else "pg_db")
