"""Fixtures of the app's tests."""

from __future__ import annotations

import pytest

from actionplan.db import Database
from tests.support import seed


@pytest.fixture
def acme(db: Database) -> Database:
    """Acme's board with three planned cards: #1 Renew firewall licence, #2 Patch servers,
    #3 Test backups (on each database)."""
    seed(db, "Renew firewall licence", "Patch servers", "Test backups")
    return db
