"""Exporting the calendar feed: one client's, the internal feed, refusals."""

from __future__ import annotations

import pytest

from actionplan.cli import main
from actionplan.db import Database
from tests.support import db_arg
from tests.support.plans import calendar_name, calendar_plan, events


@pytest.fixture
def busy(db: Database) -> dict[str, int]:
    return calendar_plan(db)


def test_export_command_writes_the_feed_and_filters_by_client(
    db: Database, busy: dict[str, int], capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    assert main(["--db", db_arg(db), "export", "--format", "ics", "--client", "acme"]) == 0
    out = capsys.readouterr().out
    assert f"item-{busy['beta']}@actionplan" not in out
    assert f"item-{busy['open']}@actionplan" in out
    target = tmp_path / "plan.ics"
    # Every client's dates in one feed are for us only: a calendar to send names its client.
    assert main(["--db", db_arg(db), "export", "--format", "ics", "-o", str(target)]) == 1
    assert "--client" in capsys.readouterr().err and not target.exists()
    args = ["--db", db_arg(db), "export", "--format", "ics", "--client", "acme", "-o", str(target)]
    assert main(args) == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    client_safe = events(target.read_text(encoding="utf-8"))
    assert f"item-{busy['internal']}@actionplan" not in client_safe


def test_export_internal_gives_the_full_feed(
    db: Database, busy: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--db", db_arg(db), "export", "--format", "ics", "--client", "acme"]
    assert main([*args, "--internal"]) == 0
    out = capsys.readouterr().out
    found = events(out)
    assert f"item-{busy['internal']}@actionplan" in found
    assert str(found[f"item-{busy['internal']}@actionplan"]["CLASS"]) == "PRIVATE"
    assert "Priya Shah" in out
    assert calendar_name(out) == "actionplan: Acme (internal)"
    assert main(args) == 0
    out = capsys.readouterr().out
    assert f"item-{busy['internal']}@actionplan" not in events(out)
    assert "Priya Shah" not in out and calendar_name(out) == "actionplan: Acme"


def test_internal_changes_nothing_for_json_and_csv_which_are_internal_already(
    sqlite_db: Database, busy: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in ("json", "csv"):
        args = ["--db", db_arg(sqlite_db), "export", "--format", fmt]
        assert main(args) == 0
        plain = capsys.readouterr().out
        assert main([*args, "--internal"]) == 0
        assert capsys.readouterr().out == plain


def test_export_command_refuses_an_unknown_client(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", db_arg(sqlite_db), "export", "--format", "ics", "--client", "Nobody"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == "actionplan: no client named 'Nobody'"
