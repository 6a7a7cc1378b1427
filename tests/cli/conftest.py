"""Fixtures of the command-line tests."""

from __future__ import annotations

import pytest

from actionplan.db import Database
from tests.support import Cli, db_url
from tests.support.cli_input import seed_plan


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], db: Database) -> Cli:
    """The command line on the parametrized database (--db given as its URL)."""
    return Cli(capsys, db_url(db))


@pytest.fixture
def ap(capsys: pytest.CaptureFixture[str], db: Database) -> Cli:
    """The command line on the parametrized database, --db given as a user would: the file for
    SQLite, the URL for PostgreSQL."""
    return Cli(capsys, db)


@pytest.fixture
def sq(capsys: pytest.CaptureFixture[str], sqlite_db: Database) -> Cli:
    """The command line on a SQLite file only (for checks that do not depend on the backend)."""
    return Cli(capsys, sqlite_db)


@pytest.fixture
def bare(capsys: pytest.CaptureFixture[str]) -> Cli:
    """The command line with no --db (ACTIONPLAN_DB or the default)."""
    return Cli(capsys, None)


@pytest.fixture
def lite(sqlite_db: Database) -> Database:
    """A seeded SQLite database (numbers and arguments are checked before any backend)."""
    seed_plan(sqlite_db)
    return sqlite_db


@pytest.fixture
def both(db: Database) -> Database:
    """A lite database, once SQLite and once PostgreSQL."""
    seed_plan(db)
    return db
