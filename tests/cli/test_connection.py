"""A database server that is down, silent or wrong at start: one clear line, exit 1, and fast.

These run the real ``python -m actionplan`` so that what a user sees (exit code, stderr, no
traceback, no screen drawn) is what is checked.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from actionplan.db import CONNECT_TIMEOUT
from tests.support import run_actionplan

PASSWORD = "s3cret-Pa55"
SLACK = 2.0  # seconds beyond a cold start that failing may take, on a busy machine


def cold_start() -> float:
    """Seconds a fresh interpreter takes here, now, to load what connecting needs: the bound
    each run is held to follows the machine's load instead of guessing it."""
    start = time.monotonic()
    subprocess.run(
        [sys.executable, "-c", "import actionplan.cli.items, actionplan.db, sqlalchemy, psycopg"],
        check=True,
        timeout=60,
    )
    return time.monotonic() - start


def run(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """``python -m actionplan ARGS``, and the seconds it took."""
    start = time.monotonic()
    done = run_actionplan(*args, timeout=60)
    return done, time.monotonic() - start


def one_line_error(done: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Exit 1, nothing on stdout, one ``actionplan: ...`` line on stderr, no password."""
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert done.stdout == ""  # nothing drawn: the board never started
    lines = done.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("actionplan: cannot connect to "), lines[0]
    assert PASSWORD not in done.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never says a word, like a server that hangs."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield sock.getsockname()[1]


@pytest.mark.slow
@pytest.mark.parametrize("command", [["list"], []], ids=["list", "board"])
def test_nothing_listening_is_one_line_and_exit_1(command: list[str]) -> None:
    url = f"postgresql+psycopg://user:{PASSWORD}@127.0.0.1:1/plan"
    done, took = run("--db", url, *command)
    line = one_line_error(done, "127.0.0.1", "connection refused")
    assert "user:***@127.0.0.1:1" in line
    assert took < cold_start() + SLACK  # refused at once: no waiting for a timeout


@pytest.mark.slow
def test_a_silent_server_times_out_within_the_connect_timeout(silent_port: int) -> None:
    assert CONNECT_TIMEOUT <= 5
    url = f"postgresql+psycopg://user:{PASSWORD}@127.0.0.1:{silent_port}/plan"
    done, took = run("--db", url, "list")
    one_line_error(done, f"127.0.0.1:{silent_port}", "timed out")
    assert CONNECT_TIMEOUT - 0.5 < took < CONNECT_TIMEOUT + cold_start() + SLACK


@pytest.mark.slow
def test_the_board_gives_up_on_a_silent_server_before_drawing(silent_port: int) -> None:
    url = f"postgresql+psycopg://user:{PASSWORD}@127.0.0.1:{silent_port}/plan"
    done, took = run("--db", url)
    one_line_error(done, "timed out")
    assert took < CONNECT_TIMEOUT + cold_start() + SLACK


@pytest.mark.slow
def test_an_unknown_host_is_named() -> None:
    done, _ = run("--db", f"postgresql://user:{PASSWORD}@no-such-host.invalid/plan", "list")
    one_line_error(done, "no-such-host.invalid", "no such host")


@pytest.mark.slow
def test_a_missing_database_on_a_running_server_is_named(pg_url: str) -> None:
    url = make_url(pg_url).set(database="no_such_plan")
    done, _ = run("--db", url.render_as_string(hide_password=False), "list")
    one_line_error(done, 'database "no_such_plan" does not exist')
    if url.password:
        assert f":{url.password}@" not in done.stderr and ":***@" in done.stderr


@pytest.mark.slow
def test_a_connect_timeout_in_the_url_wins(silent_port: int) -> None:
    url = f"postgresql://user:{PASSWORD}@127.0.0.1:{silent_port}/plan?connect_timeout=2"
    done, took = run("--db", url, "list")
    one_line_error(done, "timed out")
    assert 1.5 < took < 2 + cold_start() + SLACK
