"""A property over the command line (issue 11): commands with generated arguments and
ACTIONPLAN_TODAY, on SQLite and PostgreSQL, always exit 0, 1 or 2 with no traceback and short
lines, and change nothing unless they succeed."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from actionplan import clock
from actionplan.db import Database
from tests.support.cli_input import ID_MAX, LINE_MAX, cli, state

# The seeded plans these tests run on: fixtures of tests/support/cli_input.py.

ODD_IDS = ["١", "１", "+1", " 1", "1_000", "0", "-1", "", str(ID_MAX), str(2**63), "9" * 400]
ODD_DATES = [
    "9999-12-31",
    "9000-12-31",
    "9001-01-01",
    "0001-01-01",
    "1000-01-01",
    "+7000y",
    "-3000y",
    "garbage",
    "2026-02-30",
    "fri",
    "eoy",
    "none",
    "31 dec 9999",
]
NASTY = "\x1b\x9b\x07\x00\udcff\ud800\u202e\n\r\t'\"[]{}%\\ x١"

ids = st.one_of(
    st.integers(min_value=-3, max_value=6).map(str),
    st.integers(min_value=2**62, max_value=2**70).map(str),
    st.sampled_from(ODD_IDS),
    st.text(max_size=8),
)
dates = st.one_of(
    st.dates().map(date.isoformat),
    st.sampled_from(ODD_DATES),
    st.text(max_size=50),
)
texts = st.one_of(
    st.sampled_from(["Acme", "Globex", "Renew licence", ""]),
    st.text(alphabet=st.sampled_from(NASTY), max_size=20),
    st.text(max_size=30),
    st.integers(min_value=80, max_value=3000).map(lambda n: "y" * n),
)


def _options(**choices: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """Any subset of ``--name VALUE`` options (underscores become dashes)."""
    return st.fixed_dictionaries(
        {}, optional={name.replace("_", "-"): value for name, value in choices.items()}
    ).map(lambda given: [w for name, value in given.items() for w in (f"--{name}", value)])


def _command(name: str, *positional: st.SearchStrategy[str], **options: Any):
    return st.tuples(
        st.just([name]), *[p.map(lambda v: [v]) for p in positional], _options(**options)
    ).map(lambda parts: [w for part in parts for w in part])


statuses = st.one_of(st.sampled_from(["planned", "doing", "done", "waiting"]), texts)
commands = st.one_of(
    _command("add", texts, client=texts, due=dates, committed=dates, owner=texts, note=texts),
    _command("set", ids, title=texts, due=dates, status=statuses, expect_version=ids),
    _command("delete", ids),
    _command("history", ids),
    _command("list", client=texts, owner=texts, status=statuses),
    _command("summary", texts, next_call=dates),
    _command("undo", steps=ids),
    _command("agenda", client=texts),
    _command("workload", weeks=ids, limit=ids),
    _command("export", format=st.sampled_from(["json", "csv", "ics", "xml"]), client=texts),
)
todays = st.one_of(st.just("2026-11-23"), st.sampled_from(ODD_DATES), st.dates().map(str))


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(args=commands, today=todays)
def test_any_arguments_give_a_clean_exit_and_change_nothing_unless_it_succeeded(
    capsys: pytest.CaptureFixture[str], both: Database, args: list[str], today: str
) -> None:
    saved = os.environ[clock.TODAY_ENV]
    os.environ[clock.TODAY_ENV] = today
    try:
        before = state(both)
        run = cli(capsys, both, *args)
        after = state(both)
    finally:
        os.environ[clock.TODAY_ENV] = saved
    event(f"{args[0]} exit {run.code}")
    assert run.code in (0, 1, 2), run
    assert "Traceback" not in run.err
    assert all(len(line) <= LINE_MAX for line in run.err.splitlines()), run.err
    for raw in ("\x1b", "\x9b", "\x07"):
        assert raw not in run.out + run.err
    if run.code != 0:
        assert after == before, (args, run)
