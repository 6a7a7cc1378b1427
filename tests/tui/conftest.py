"""Fixtures of the app's tests."""

from __future__ import annotations

import pytest

from actionplan.clipboard import Clipboard
from actionplan.db import Database
from tests.support import seed


@pytest.fixture
def acme(db: Database) -> Database:
    """Acme's board with three planned cards: #1 Renew firewall licence, #2 Patch servers,
    #3 Test backups (on each database)."""
    seed(db, "Renew firewall licence", "Patch servers", "Test backups")
    return db


@pytest.fixture(autouse=True)
def terminal_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app copies through the terminal (OSC 52) in every test, whatever tools or terminal
    the machine running the tests has (tests of the other ways set their own)."""
    from actionplan.tui.screens import summary_actions

    monkeypatch.setattr(summary_actions, "find_clipboard", lambda: Clipboard(osc52=True))
