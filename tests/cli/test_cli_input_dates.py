"""Dates at the ends of the calendar on the command line (issue 11): typed, imported, stored by
another tool, or given as ACTIONPLAN_TODAY. Past the supported range is one line, exit 1,
nothing saved; at its ends every command works."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from actionplan import clock
from actionplan.db import Database
from actionplan.models import RepeatUnit
from tests.support import add
from tests.support.cli_input import cli, refused, state

# The seeded plans these tests run on: fixtures of tests/support/cli_input.py.


@pytest.mark.parametrize(
    "args",
    [
        ["add", "Far", "--client", "Acme", "--due", "9999-12-31"],
        ["add", "Far", "--client", "Acme", "--due", "9001-01-01"],
        ["add", "Far", "--client", "Acme", "--due", "+7000y"],
        ["add", "Far", "--client", "Acme", "--committed", "31 dec 9999"],
        ["set", "1", "--due", "9999-12-31"],
        ["template", "apply", "new-client-onboarding", "--client", "Zed", "--start", "9999-12-30"],
        ["summary", "Acme", "--next-call", "9999-12-31"],
    ],
)
def test_a_date_past_9000_is_refused_when_typed(
    capsys: pytest.CaptureFixture[str], lite: Database, args: list[str]
) -> None:
    refused(capsys, lite, 1, args, "dates after 9000 are not supported")


def test_a_date_past_9000_in_a_csv_import_is_refused(
    capsys: pytest.CaptureFixture[str], lite: Database, tmp_path: Path
) -> None:
    path = tmp_path / "far.csv"
    path.write_text("client,title,due\nAcme,Far away,9999-12-31\n", encoding="utf-8")
    before = state(lite)
    run = cli(capsys, lite, "import", str(path))
    assert run.code == 1 and "Traceback" not in run.err
    assert "dates after 9000 are not supported" in run.err
    assert state(lite) == before


def test_the_last_supported_date_works_everywhere(
    capsys: pytest.CaptureFixture[str], lite: Database
) -> None:
    assert cli(capsys, lite, "add", "Far", "--client", "Acme", "--due", "9000-12-31").code == 0
    apply = ["template", "apply", "new-client-onboarding", "--client", "Zed", "--new-client"]
    assert cli(capsys, lite, *apply, "--start", "9000-12-31").code == 0
    for args in (
        ["export", "--format", "ics", "--client", "Acme"],
        ["agenda"],
        ["workload"],
        ["recurring"],
    ):
        assert cli(capsys, lite, *args).code == 0, args


@pytest.fixture
def far(both: Database) -> Database:
    """Dates on the calendar's last day, as another tool or an older version stored them."""
    add(both, "Last day", due=date.max, committed=date.max)
    add(both, "Weekly at the end", due=date.max, repeat_every=1, repeat_unit=RepeatUnit.WEEK)
    return both


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "ics", "--client", "Acme"],
        ["export", "--format", "ics", "--internal"],
        ["export", "--format", "csv"],
        ["export"],
        ["agenda"],
        ["agenda", "--json"],
        ["workload", "--weeks", "52"],
        ["recurring", "--weeks", "52"],
        ["triage"],
        ["list"],
        ["clients"],
        ["summary", "Acme"],
    ],
)
def test_stored_dates_at_the_end_of_the_calendar_do_not_break_a_command(
    capsys: pytest.CaptureFixture[str], far: Database, args: list[str]
) -> None:
    run = cli(capsys, far, *args)
    assert (run.code, run.err) == (0, ""), run.err


def test_completing_a_series_at_the_end_of_the_calendar_is_one_line(
    capsys: pytest.CaptureFixture[str], far: Database
) -> None:
    refused(capsys, far, 1, ["set", "5", "--status", "done"], "9999")


TODAY_COMMANDS = [
    ["agenda"],
    ["workload"],
    ["recurring"],
    ["triage"],
    ["clients"],
    ["summary", "Acme"],
    ["list", "--overdue"],
    ["add", "New", "--client", "Acme", "--due", "today"],
    ["template", "apply", "new-client-onboarding", "--client", "Acme"],
    ["set", "2", "--status", "done"],
]


@pytest.mark.parametrize(
    "fixed", ["garbage", "2026-13-01", "9999-12-30", "9001-01-01", "0001-01-02", "x" * 500]
)
def test_a_bad_or_unsupported_today_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lite: Database, fixed: str
) -> None:
    monkeypatch.setenv(clock.TODAY_ENV, fixed)
    for args in TODAY_COMMANDS:
        line = refused(capsys, lite, 1, args, "ACTIONPLAN_TODAY")
        assert line.startswith("actionplan: ACTIONPLAN_TODAY"), (args, line)


@pytest.mark.parametrize("fixed", ["9000-12-31", "1000-01-01"])
def test_today_at_the_ends_of_the_supported_range_works(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lite: Database, fixed: str
) -> None:
    monkeypatch.setenv(clock.TODAY_ENV, fixed)
    for args in TODAY_COMMANDS:
        run = cli(capsys, lite, *args)
        assert run.code == 0 and "Traceback" not in run.err, (args, run.err)
    assert cli(capsys, lite, "workload", "--weeks", "52").code == 0
