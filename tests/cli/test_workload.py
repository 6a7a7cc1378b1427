"""The workload command: the table, the configured limit, bad numbers, an empty plan."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from actionplan.db import Database
from tests.support import TODAY, Cli, add, person


def test_workload_command_prints_a_table(db: Database, cli: Cli) -> None:
    person(db, "Ann Lee", "Infrastructure", "us")
    for n in range(6):
        add(db, f"busy {n}", owner="Ann Lee", due=TODAY + timedelta(days=n % 3))
    add(db, "late", owner="Ann Lee", due=date(2026, 11, 2))
    add(db, "nobody's", due=date(2026, 12, 1))
    code, out, _ = cli("workload")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Workload from the week of Mon 23 Nov 2026")
    assert "(* more than 5)" in lines[0]
    assert lines[1].split()[:5] == ["owner", "team", "side", "23", "Nov"]
    assert lines[1].split()[-4:] == ["later", "no", "date", "total"]
    ann = lines[2].split()
    assert ann[:5] == ["Ann", "Lee", "Infrastructure", "us", "7*"]
    assert ann[-1] == "7"
    assert lines[3].split()[:4] == ["(no", "owner)", "0", "1"]
    assert lines[4].split()[:3] == ["total", "7", "1"]
    assert lines[-1] == "The week of 23 Nov includes 1 overdue item."
    code, out, _ = cli("workload", "--limit", "7", "--weeks", "2")
    assert code == 0
    assert "7*" not in out and "(* more than 7)" in out
    assert out.splitlines()[1].split()[3:7] == ["23", "Nov", "30", "Nov"]


def test_workload_command_uses_the_configured_limit(
    db: Database, cli: Cli, tmp_path: Path, monkeypatch: Any
) -> None:
    from actionplan.cli import context

    config = tmp_path / "config.toml"
    config.write_text("workload_limit = 1\n")
    monkeypatch.setenv("ACTIONPLAN_CONFIG", str(config))
    context.config.cache_clear()
    add(db, "one", owner="Ann", due=TODAY)
    add(db, "two", owner="Ann", due=TODAY)
    code, out, _ = cli("workload")
    assert code == 0
    assert "(* more than 1)" in out and "2*" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--weeks", "0"], "argument --weeks: '0' is not a count (a whole number 1 to 52"),
        (["--limit", "-1"], "argument --limit: '-1' is not a count (a whole number 0 to 10000"),
    ],
)
def test_workload_command_refuses_bad_numbers(
    db: Database, cli: Cli, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    """A count out of range is a usage error (exit 2) from the argument layer."""
    with pytest.raises(SystemExit) as exc:
        cli("workload", *args)
    out, err = capsys.readouterr()
    assert (exc.value.code, out) == (2, "")
    assert err.splitlines()[-1].startswith(f"actionplan workload: error: {message}")


def test_workload_of_an_empty_plan(db: Database, cli: Cli) -> None:
    code, out, _ = cli("workload")
    assert code == 0
    assert out.splitlines()[-1] == "no open items"
