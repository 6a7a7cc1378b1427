"""Repeats on the command line: --repeat on add and set, and the recurring grid."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.cli import main
from actionplan.db import Database
from actionplan.models import RepeatFrom, RepeatUnit
from tests.support import Cli, add, items

WEEK, MONTH = RepeatUnit.WEEK, RepeatUnit.MONTH
DUE, DONE = RepeatFrom.DUE, RepeatFrom.DONE


def test_cli_repeat_on_add_and_set(sq: Cli, sqlite_db: Database) -> None:
    sq.add("Health check", "Acme", "--due", "2026-11-23", "--repeat", "3w")
    sq.add("Patch", "Acme", "--repeat", "every 2 months", "--repeat-from", "done")
    first, second = items(sqlite_db)
    assert (first.repeat_every, first.repeat_unit, first.repeat_from) == (3, WEEK, DUE)
    assert (second.repeat_every, second.repeat_unit, second.repeat_from) == (2, MONTH, DONE)
    sq.ok("set", "1", "--repeat", "monthly", "--repeat-from", "done")
    sq.ok("set", "2", "--repeat", "none")
    first, second = items(sqlite_db)
    assert (first.repeat_every, first.repeat_unit, first.repeat_from) == (1, MONTH, DONE)
    assert (second.repeat_every, second.repeat_unit, second.repeat_from) == (None, None, None)


def test_cli_list_shows_the_repeat(sq: Cli) -> None:
    sq.add("Health check", "Acme", "--repeat", "3w")
    sq.add("Review", "Acme", "--repeat", "weekly", "--repeat-from", "done")
    sq.add("One-off", "Acme")
    out = sq.ok("list")
    lines = {line.split()[3]: line for line in out.splitlines()[1:]}
    assert lines["Health"].rstrip().endswith("every 3w")
    assert lines["Review"].rstrip().endswith("every 1w from done")
    assert "every" not in lines["One-off"]


def test_cli_set_done_says_when_the_next_is_due(sq: Cli) -> None:
    sq.add("Health check", "Acme", "--due", "2026-11-23", "--repeat", "3w")
    out = sq.ok("set", "1", "--status", "done")
    assert "next: #2 due 2026-12-14" in out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("add", "X", "--client", "Acme", "--repeat", "sometimes"), "cannot read the repeat"),
        (("add", "X", "--client", "Acme", "--repeat", "0d"), "every 1 to 999"),
        (("add", "X", "--client", "Acme", "--repeat-from", "done"), "give --repeat too"),
        (("add", "X", "--client", "Acme", "--repeat", "none", "--repeat-from", "due"), "not with"),
    ],
)
def test_cli_bad_repeats_are_one_line_errors_and_save_nothing(
    sq: Cli, sqlite_db: Database, args: tuple[str, ...], says: str
) -> None:
    assert says in sq.fails(*args)
    assert items(sqlite_db) == []


def test_cli_set_repeat_from_on_a_plain_item_is_refused(sq: Cli, sqlite_db: Database) -> None:
    sq.add("One-off", "Acme")
    assert "only for a repeating item" in sq.fails("set", "1", "--repeat-from", "done")
    assert items(sqlite_db)[0].repeat_from is None


def test_cli_repeat_from_takes_only_due_or_done(sq: Cli) -> None:
    with pytest.raises(SystemExit) as usage:
        sq("add", "X", "--client", "Acme", "--repeat", "3w", "--repeat-from", "later")
    assert usage.value.code == 2
    assert "invalid choice: 'later'" in sq.capsys.readouterr().err


def test_cli_recurring_prints_the_grid_with_pile_ups(
    capsys: pytest.CaptureFixture[str], sqlite_db: Database
) -> None:
    for client in ("Northwind", "Meadowbrook", "Harbourside"):
        add(sqlite_db, "Health check", client=client, owner="Tom Becker",
            due=date(2026, 12, 14), repeat_every=3, repeat_unit="week")  # fmt: skip
    code = main(["--db", str(sqlite_db.url.database), "recurring", "--weeks", "6"])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Recurring checks per week, from Mon 23 Nov 2026")
    assert lines[1].split() == ["week", "of", "23", "30", "7", "14", "21", "28"]
    assert lines[2].split() == ["Nov", "Nov", "Dec", "Dec", "Dec", "Dec"]
    tom = next(line for line in lines if line.strip().startswith("Tom Becker"))
    assert tom.split()[2:] == ["-", "-", "-", "3*", "-", "-"]
    assert "week of Mon 14 Dec: Tom Becker 3" in out


def test_cli_recurring_on_an_empty_plan_and_bad_options(
    capsys: pytest.CaptureFixture[str], sqlite_db: Database
) -> None:
    path = str(sqlite_db.url.database)
    assert main(["--db", path, "recurring"]) == 0
    assert "No recurring checks" in capsys.readouterr().out
    for option in ("--weeks", "--threshold"):
        with pytest.raises(SystemExit) as exc:
            main(["--db", path, "recurring", option, "0"])
        assert exc.value.code == 2
        assert f"argument {option}: '0' is not a count" in capsys.readouterr().err
