"""What the odd-input tests of the command line share (tests/cli/test_cli_input_*.py, issue 11):
a command run with usage errors as exit codes, the check that a refusal is one short line and
changed nothing, and the seeded plans they run on.

The fixtures ``lite`` and ``both`` (seeded with ``seed_plan``) are in ``tests/cli/conftest.py``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from actionplan.db import Database
from actionplan.models import RepeatUnit
from tests.support import TABLES, Cli, Result, add, db_url

LINE_MAX = 200
ID_MAX = 2**63 - 1


def cli(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> Result:
    """``actionplan --db URL ARGS`` in this process; argparse's exit 2 becomes the code."""
    return Cli(capsys, db_url(db), usage_exits=True)(*args)


def error_line(run: Result, code: int, *fragments: str) -> str:
    """Assert the exit code, no traceback, and one short error line; return that line."""
    assert run.code == code, run
    assert "Traceback" not in run.err
    lines = run.err.splitlines()
    assert all(len(line) <= LINE_MAX for line in lines), lines
    last = lines[-1]
    if code == 1:
        assert len(lines) == 1 and last.startswith("actionplan: "), lines
    else:
        assert "error: " in last, lines
    for fragment in fragments:
        assert fragment in last, last
    return last


def state(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove a refused command changed nothing."""
    with db.engine.connect() as conn:
        return {
            t: [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY id")]
            for t in TABLES
        }


def seed_plan(db: Database) -> None:
    """Acme with two items (#1 dated, #2 recurring) and Globex with one item."""
    add(db, "Renew licence", due=date(2026, 11, 27), owner="Ann")
    add(db, "Patch servers", due=date(2026, 11, 30), repeat_every=1, repeat_unit=RepeatUnit.WEEK)
    add(db, "Check backups", "Globex")


def refused(
    capsys: pytest.CaptureFixture[str], db: Database, code: int, args: list[str], *fragments: str
) -> str:
    """Run a command that must be refused with exit ``code`` in one short line and change
    nothing; that line."""
    before = state(db)
    line = error_line(cli(capsys, db, *args), code, *fragments)
    assert state(db) == before
    return line
