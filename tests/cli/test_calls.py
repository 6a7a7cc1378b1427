"""actionplan calls (issue 14): the week's calls as a table or JSON, the window, an empty week,
bad numbers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from actionplan.db import Database
from tests.support import TODAY, Cli, FixedClock, add, edit
from tests.support.plans import save_summary


@pytest.fixture
def week(db: Database, cli: Cli, tmp_path: Path, fixed_clock: FixedClock) -> Database:
    """Acme's call on Fri 27 Nov (a slip not told, an ask, health set by hand, a PDF sent on
    Mon 23 Nov), Globex's on Wed 2 Dec (never sent), Initech with no call."""
    add(db, "Replace the firewall", due=date(2026, 12, 22), committed=date(2026, 12, 11))
    add(db, "Sign off the diagram", status="waiting", waiting_on="client")
    add(db, "Patch servers", "Globex")
    add(db, "Patch servers", "Initech")
    cli.ok("summary", "Acme", "--format", "pdf", "-o", str(tmp_path / "acme.pdf"), "--sent")
    edit(db, 1, due=date(2027, 1, 8))  # moved again since: not told
    cli.ok("clients", "set", "Acme", "--next-call", "fri")
    cli.ok("clients", "set", "Acme", "--health", "green", "--health-reason", "On track")
    cli.ok("clients", "set", "Globex", "--next-call", "2026-12-02")
    return db


def test_the_week_as_a_table(week: Database, cli: Cli) -> None:
    lines = cli.ok("calls").splitlines()
    assert lines[0] == "Calls in the next 7 days (to Mon 30 Nov): 1"
    assert lines[1].split() == [
        "client",
        "next",
        "call",
        "health",
        "not",
        "told",
        "asks",
        "last",
        "sent",
        "why",
    ]
    acme = lines[2]
    assert acme.startswith("Acme  ")
    for cell in ("Fri 27 Nov", "green* (auto amber)", "1 (oldest 0 d)", "Mon 23 Nov (pdf)"):
        assert cell in acme, (cell, acme)
    assert acme.split()[-2:] == ["On", "track"]
    assert lines[-1].startswith("* health set by hand")
    wider = cli.ok("calls", "--days", "9").splitlines()
    assert wider[0] == "Calls in the next 9 days (to Wed 2 Dec): 2"
    globex = wider[3]
    assert globex.startswith("Globex") and "Wed 2 Dec" in globex and "never" in globex
    assert "green " in globex and "everything is on track" in globex


def test_the_week_as_json(week: Database, cli: Cli) -> None:
    found = json.loads(cli.ok("calls", "--json", "--days", "9"))
    assert (found["today"], found["days"], found["until"]) == ("2026-11-23", 9, "2026-12-02")
    acme, globex = found["calls"]
    assert acme["client"] == "Acme" and acme["next_call"] == "2026-11-27"
    assert acme["health"] == {
        "level": "green",
        "reason": "On track",
        "set_by_hand": True,
        "computed": "amber",
    }
    assert acme["not_told"] == 1
    assert acme["asks"] == {"count": 1, "oldest_days": 0}
    assert acme["last_sent"]["format"] == "pdf"
    assert acme["last_sent"]["at"].startswith(TODAY.isoformat())
    assert globex["last_sent"] is None and globex["not_told"] == 0
    assert globex["asks"] == {"count": 0, "oldest_days": None}


def test_a_window_of_today_only_and_an_empty_week(db: Database, cli: Cli) -> None:
    add(db, "Patch servers")
    assert cli.ok("calls") == (
        "No calls in the next 7 days. Set one: actionplan clients set C --next-call WHEN\n"
    )
    assert json.loads(cli.ok("calls", "--json"))["calls"] == []
    cli.ok("clients", "set", "Acme", "--next-call", "today")
    assert cli.ok("calls", "--days", "0").splitlines()[0] == "Calls today: 1"
    cli.ok("clients", "set", "Acme", "--next-call", "tomorrow")
    assert cli.ok("calls", "--days", "0").startswith("No calls today.")


def test_a_sent_summary_clears_not_told(week: Database, cli: Cli) -> None:
    save_summary(week, "Acme")
    found = json.loads(cli.ok("calls", "--json"))["calls"][0]
    assert found["not_told"] == 0 and found["last_sent"]["format"] == "md"


@pytest.mark.parametrize("days", ["-1", "367", "seven", "1.5"])
def test_bad_days_is_a_usage_error(
    db: Database, cli: Cli, capsys: pytest.CaptureFixture[str], days: str
) -> None:
    with pytest.raises(SystemExit) as exc:
        cli("calls", "--days", days)
    out, err = capsys.readouterr()
    assert (exc.value.code, out) == (2, "")
    assert err.splitlines()[-1].startswith("actionplan calls: error: argument --days: ")
    assert "a whole number 0 to 366" in err
