"""The triage command: the queue with reasons, JSON, one client."""

from __future__ import annotations

import json
from datetime import date

import pytest

from actionplan.db import Database
from tests.support import Cli, add_quiet, db_url

# Writes record TODAY 09:00 UTC, so "no change in 14 days" never depends on the real date.
pytestmark = pytest.mark.usefixtures("fixed_now")


def test_command_lists_the_queue_with_reasons(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    run = Cli(capsys, db_url(sqlite_db))
    late = add_quiet(sqlite_db, "Renew [bold]licence[/]", due=date(2026, 11, 20))
    unowned = add_quiet(sqlite_db, "Patch", owner=None, client="Beta")
    code, out, _ = run("triage", "--json")
    assert code == 0
    records = json.loads(out)
    assert [r["id"] for r in records] == [late, unowned]
    assert records[0]["title"] == "Renew [bold]licence[/]"
    assert records[0]["reasons"] == ["3 days overdue"]
    assert records[1]["client"] == "Beta" and records[1]["owner"] is None
    code, out, _ = run("triage", "--client", "beta")
    assert code == 0
    assert "must-do with no owner" in out and "licence" not in out


def test_command_says_when_nothing_needs_attention(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    run = Cli(capsys, db_url(sqlite_db))
    add_quiet(sqlite_db)
    assert run("triage") == (0, "Nothing needs attention.\n", "")
    assert run("triage", "--json") == (0, "[]\n", "")


def test_command_refuses_an_unknown_client(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    run = Cli(capsys, db_url(sqlite_db))
    add_quiet(sqlite_db)
    code, out, err = run("triage", "--client", "Nobody")
    assert (code, out) == (1, "")
    assert err == "actionplan: no client named 'Nobody'\n"
