"""Stored text reaches the terminal without escape sequences (issue 11): what another tool or an
older version wrote into the database is cleaned in every command's output, and a stored line
break never forges a line."""

from __future__ import annotations

import json
from typing import Any

import pytest
import sqlalchemy as sa

from actionplan.db import Database
from tests.support import Result
from tests.support.cli_input import cli

# The seeded plans these tests run on: fixtures of tests/support/cli_input.py.

# What another tool (or an older version) may have written: OSC title, CSI, BEL, C1 CSI,
# a bidi override, and a line break that would forge a second line.
EVIL = "\x1b]0;pwned\x07Evil\x1b[2J \x9b31mtitle\u202e\r\nforged: line"
RAW = ("\x1b", "\x9b", "\x07", "\u202e", "\r")


@pytest.fixture
def evil(both: Database) -> Database:
    """Item #1's title, Acme's name and Ann's name hold escape sequences and a line break."""
    with both.engine.begin() as conn:
        conn.execute(sa.text("UPDATE item SET title = :t WHERE id = 1"), {"t": EVIL})
        conn.execute(sa.text("UPDATE client SET name = :t WHERE id = 1"), {"t": "Acme" + EVIL})
        conn.execute(sa.text("UPDATE person SET name = :t WHERE id = 1"), {"t": "Ann" + EVIL})
    return both


def clean(run: Result) -> None:
    assert "Traceback" not in run.err
    for raw in RAW:
        assert raw not in run.out + run.err, (raw, run.out, run.err)


@pytest.mark.parametrize(
    ("args", "lines"),
    [
        (["set", "1", "--status", "doing"], 1),
        (["set", "1", "--reason", "why", "--due", "fri"], 1),
        (["delete", "1"], 1),
        (["history", "1"], None),
        (["list"], None),
        (["triage"], None),
        (["agenda"], None),
        (["clients"], None),
        (["people"], None),
        (["workload"], None),
    ],
)
def test_stored_escape_sequences_never_reach_the_terminal(
    capsys: pytest.CaptureFixture[str], evil: Database, args: list[str], lines: int | None
) -> None:
    run = cli(capsys, evil, *args)
    assert run.code == 0, run.err
    clean(run)
    if lines is not None:  # the stored line break does not forge a line
        assert len(run.out.splitlines()) == lines, run.out
    if args[0] == "history":
        assert run.out.splitlines()[0] == "#1 Evil title forged: line"


def test_restore_and_undo_print_stored_text_cleaned(
    capsys: pytest.CaptureFixture[str], evil: Database
) -> None:
    assert cli(capsys, evil, "delete", "1").code == 0
    for args in (["restore", "1"], ["undo"]):
        run = cli(capsys, evil, *args)
        assert run.code == 0, run.err
        clean(run)
        assert len(run.out.splitlines()) == 1, run.out


@pytest.mark.parametrize("args", [["list", "--json"], ["agenda", "--json"]])
def test_json_output_escapes_what_a_terminal_would_act_on_and_keeps_the_data(
    capsys: pytest.CaptureFixture[str], evil: Database, args: list[str]
) -> None:
    run = cli(capsys, evil, *args)
    assert run.code == 0, run.err
    clean(run)
    assert EVIL in strings(json.loads(run.out))


def strings(value: Any) -> set[str]:
    """Every string in a parsed JSON document."""
    if isinstance(value, str):
        return {value}
    inner = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return set().union(*(strings(v) for v in inner))


def test_snapshots_show_strips_escapes_but_keeps_the_lines(
    capsys: pytest.CaptureFixture[str], both: Database
) -> None:
    assert cli(capsys, both, "summary", "Acme", "--save").code == 0
    stored = "# Acme\n\x1b[31mred\x1b[0m line\n\x1b]0;title\x07second \x9b2Jline\n"
    with both.engine.begin() as conn:
        conn.execute(sa.text("UPDATE snapshot SET markdown = :m"), {"m": stored})
    run = cli(capsys, both, "snapshots", "Acme", "--show", "1")
    assert run.code == 0, run.err
    clean(run)
    assert run.out.rstrip("\n").splitlines() == ["# Acme", "red line", "second line"]
