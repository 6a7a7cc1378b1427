"""Every odd input on the command line: one line and exit 1 or 2, never a traceback, nothing saved.

The classes (issue 11): numbers that are not ASCII digits or are out of range, arguments that
are not UTF-8, dates at the ends of the calendar (typed, stored or ACTIONPLAN_TODAY), escape
sequences stored in the database, and unbounded input echoed in messages. The property test
at the end runs the commands with generated arguments on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from actionplan import clock
from actionplan.db import Database
from actionplan.models import RepeatUnit
from tests.support import TABLES, Cli, Result, add, db_url

LINE_MAX = 200
ID_MAX = 2**63 - 1
# What another tool (or an older version) may have written: OSC title, CSI, BEL, C1 CSI,
# a bidi override, and a line break that would forge a second line.
EVIL = "\x1b]0;pwned\x07Evil\x1b[2J \x9b31mtitle\u202e\r\nforged: line"
RAW = ("\x1b", "\x9b", "\x07", "\u202e", "\r")


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


@pytest.fixture
def lite(sqlite_db: Database) -> Database:
    """A seeded SQLite database (numbers and arguments are checked before any backend)."""
    seed_plan(sqlite_db)
    return sqlite_db


@pytest.fixture
def both(db: Database) -> Database:
    """A lite database, once SQLite and once PostgreSQL."""
    seed_plan(db)
    return db


def refused(
    capsys: pytest.CaptureFixture[str], db: Database, code: int, args: list[str], *fragments: str
) -> str:
    before = state(db)
    line = error_line(cli(capsys, db, *args), code, *fragments)
    assert state(db) == before
    return line


# --- 1. numbers: ASCII digits, within range, else a usage error ---------------------------------

BAD_NUMBERS = [
    "١",  # Arabic-Indic one: int() reads it as 1
    "１",  # fullwidth one
    "+1",
    " 1",
    "1 ",
    "1_000",
    "1e3",
    "0x1",
    "-1",
    "0",
    "",
    str(2**63),
    "9" * 5000,  # past int()'s own digit limit
]
ID_COMMANDS = [
    ["delete", "{}"],
    ["restore", "{}"],
    ["history", "{}"],
    ["set", "{}", "--status", "doing"],
    ["set", "1", "--status", "doing", "--expect-version", "{}"],
    ["undo", "--steps", "{}"],
    ["snapshots", "Acme", "--show", "{}"],
    ["snapshots", "Acme", "--compare", "1", "{}"],
    ["guard", "review", "Acme", "--item", "{}"],
]


@pytest.mark.parametrize("command", ID_COMMANDS, ids=lambda c: " ".join(c))
def test_ids_and_counts_are_ascii_digits_within_range(
    capsys: pytest.CaptureFixture[str], lite: Database, command: list[str]
) -> None:
    for value in BAD_NUMBERS:
        args = [value if word == "{}" else word for word in command]
        refused(capsys, lite, 2, args, "digits 0-9")


@pytest.mark.parametrize(
    "args",
    [
        ["workload", "--weeks", "0"],
        ["workload", "--weeks", "53"],
        ["workload", "--weeks", "٣"],
        ["workload", "--limit", "-1"],
        ["workload", "--limit", "10001"],
        ["workload", "--limit", "٣"],
        ["recurring", "--weeks", "0"],
        ["recurring", "--weeks", "53"],
        ["recurring", "--threshold", "0"],
        ["recurring", "--threshold", "١"],
        ["undo", "--steps", "10001"],
    ],
)
def test_counts_outside_their_documented_range_are_usage_errors(
    capsys: pytest.CaptureFixture[str], lite: Database, args: list[str]
) -> None:
    refused(capsys, lite, 2, args, f"argument {args[1]}: ", "is not a count")


def test_an_arabic_indic_digit_deletes_nothing(
    capsys: pytest.CaptureFixture[str], lite: Database
) -> None:
    refused(capsys, lite, 2, ["delete", "١"])
    assert cli(capsys, lite, "history", "1").code == 0


@pytest.mark.parametrize("command", ["history", "delete", "restore"])
def test_the_largest_id_is_read_and_simply_not_found(
    capsys: pytest.CaptureFixture[str], lite: Database, command: str
) -> None:
    refused(capsys, lite, 1, [command, str(ID_MAX)], f"#{ID_MAX}")


def test_counts_at_their_limits_are_accepted(
    capsys: pytest.CaptureFixture[str], lite: Database
) -> None:
    assert cli(capsys, lite, "workload", "--weeks", "52", "--limit", "10000").code == 0
    assert cli(capsys, lite, "recurring", "--weeks", "52", "--threshold", "10000").code == 0
    assert cli(capsys, lite, "set", "1", "--status", "doing", "--expect-version", "1").code == 0


# --- 2. arguments that are not UTF-8 ------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["add", "bad\udcffbyte", "--client", "Acme"],
        ["add", "fine", "--client", "Ac\udc80me"],
        ["set", "1", "--note", "caf\udce9"],
        ["list", "--client", "\udcff"],
        ["summary", "Acme", "--next-call", "fri\udcff"],
        ["add", "lone \ud800 surrogate", "--client", "Acme"],
    ],
)
def test_an_argument_that_is_not_utf8_is_one_line(
    capsys: pytest.CaptureFixture[str], lite: Database, args: list[str]
) -> None:
    refused(capsys, lite, 1, args, "argument is not UTF-8 text")


def test_invalid_utf8_bytes_from_the_shell_are_one_line(lite: Database) -> None:
    before = state(lite)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "actionplan",
            "--db",
            db_url(lite),
            "add",
            b"bad\xffbyte",
            "--client",
            "Acme",
        ],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONUTF8": "1"},
    )
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    assert done.stderr.decode().splitlines() == [
        "actionplan: argument is not UTF-8 text: 'bad\ufffdbyte'"
    ]
    assert state(lite) == before


# --- 3. dates at the ends of the calendar ---------------------------------------------------------


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
    start = ["--start", "9000-12-31"]
    assert (
        cli(
            capsys, lite, "template", "apply", "new-client-onboarding", "--client", "Zed", *start
        ).code
        == 0
    )
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


# --- 4. stored text reaches the terminal without escape sequences --------------------------------


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


# --- 5. messages quote at most about 80 characters of the input -----------------------------------

LONG = "x" * 10_000


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["summary", LONG], 1),
        (["summary", "\x1b[31m" + LONG], 1),
        (["agenda", "--client", LONG], 1),
        (["triage", "--client", LONG], 1),
        (["export", "--client", LONG], 1),
        (["export", "--format", "csv", "--client", LONG], 1),
        (["export", "--format", "ics", "--client", LONG], 1),
        (["guard", "review", LONG], 1),
        (["guard", "allow", LONG], 1),
        (["guard", "allow", "Acme", "--remove", LONG], 1),
        (["guard", "check", "--client", LONG, "text"], 1),
        (["template", "apply", LONG, "--client", "Acme"], 1),
        (["add", "t", "--client", "Acme", "--due", LONG], 1),
        (["add", "t", "--client", "Acme", "--repeat", LONG], 1),
        (["list", "--status", LONG], 2),
        (["set", "1", "--status", LONG], 2),
        (["history", LONG], 2),
        (["undo", "--steps", LONG], 2),
        (["list", LONG], 2),
        (["frobnicate" + LONG], 2),
    ],
    ids=lambda v: " ".join(v)[:60] if isinstance(v, list) else str(v),
)
def test_long_input_is_quoted_short_in_messages(
    capsys: pytest.CaptureFixture[str], lite: Database, args: list[str], code: int
) -> None:
    line = refused(capsys, lite, code, args)
    assert "x" * 81 not in line
    assert "\x1b" not in line


# --- 6. a property: any arguments, never a traceback, nothing saved unless it succeeded ----------

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
