"""The database layer under attack, through the command line: ten first starts at once,
passwords never printed, a new file private, files that are not files, a hostile import.

Each class here failed before its fix (the core's side: tests/core/test_db_safety.py).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from actionplan.db import open_database, resolve_url
from tests.support import Cli, count, run_actionplan

SECRET = "S3cret-PW"


def one_line(done: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Exit 1, one ``actionplan: ...`` line on stderr, no traceback, no password."""
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("actionplan: "), lines[0]
    assert SECRET not in done.stderr + done.stdout
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


NEW_CLIENT_A = ["--client", "A", "--new-client"]


def ten_adds_at_once(target: str) -> list[subprocess.CompletedProcess[str]]:
    """Ten real ``actionplan add`` processes, started together on ``target``."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "actionplan", "--db", target, "add", f"#{n}", *NEW_CLIENT_A],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        for n in range(10)
    ]
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done


def assert_all_added(done: list[subprocess.CompletedProcess[str]], target: str) -> None:
    failed = [d.stderr for d in done if d.returncode != 0]
    assert failed == [], failed
    db = open_database(target)
    try:
        assert count(db) == 10
    finally:
        db.dispose()


@pytest.mark.slow
def test_ten_first_starts_on_a_new_sqlite_file_all_succeed(tmp_path: Path) -> None:
    target = str(tmp_path / "new.db")
    assert_all_added(ten_adds_at_once(target), target)
    assert stat.S_IMODE((tmp_path / "new.db").stat().st_mode) == 0o600


@pytest.fixture
def empty_pg_url(pg_admin_url: str) -> Iterator[str]:
    """A brand-new, empty PostgreSQL database (no schema yet), dropped afterwards."""
    name = f"actionplan_first_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield resolve_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.mark.slow
def test_ten_first_starts_on_an_empty_postgresql_database_all_succeed(empty_pg_url: str) -> None:
    assert_all_added(ten_adds_at_once(empty_pg_url), empty_pg_url)


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://ap@127.0.0.1:1/db?password={SECRET}",
        f"postgresql+psycopg://ap:{SECRET}@127.0.0.1:1/db?sslpassword={SECRET}",
    ],
)
def test_list_and_db_path_never_print_the_password(url: str, bare: Cli) -> None:
    code, out, err = bare("--db", url, "list")
    assert code == 1 and SECRET not in out + err
    assert "***" in err
    code, out, err = bare("--db", url, "db", "path")
    assert code == 0 and SECRET not in out + err
    assert "***" in out


def test_a_refused_login_never_prints_the_password(pg_admin_url: str, bare: Cli) -> None:
    url = resolve_url(pg_admin_url).set(username="no_such_role", password=SECRET)
    url = url.update_query_dict({"sslpassword": SECRET})
    code, out, err = bare("--db", url.render_as_string(hide_password=False), "list")
    assert code == 1
    assert SECRET not in out + err
    assert "no_such_role" in err and len(err.splitlines()) == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("url", "driver"),
    [
        (f"postgresql+psycopg2://ap:{SECRET}@127.0.0.1:1/db", "the psycopg2 driver is not"),
        (f"mysql://ap:{SECRET}@127.0.0.1:1/db", "the MySQLdb driver is not installed"),
    ],
)
def test_a_driver_that_is_not_installed_is_one_line(url: str, driver: str) -> None:
    line = one_line(run_actionplan("--db", url, "list"), driver)
    assert "Traceback" not in line


def test_an_unknown_kind_of_database_is_one_line(bare: Cli) -> None:
    code, _, err = bare("--db", f"nosuchdb://ap:{SECRET}@h/db", "list")
    assert code == 1 and SECRET not in err
    assert "unknown kind of database" in err


def test_an_existing_empty_file_gets_0600_when_the_plan_is_written(
    tmp_path: Path, bare: Cli
) -> None:
    path = tmp_path / "t.db"
    path.touch()
    path.chmod(0o644)
    assert bare("--db", str(path), "add", "Private", "--client", "Acme", "--new-client")[0] == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.stat().st_size > 0


def test_a_dangling_symlink_creates_its_target_0600(tmp_path: Path, bare: Cli) -> None:
    target = tmp_path / "real" / "plan.db"
    target.parent.mkdir(mode=0o700)
    link = tmp_path / "link.db"
    link.symlink_to(target)
    assert bare("--db", str(link), "add", "Linked", "--client", "Acme", "--new-client")[0] == 0
    assert target.is_file() and stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.slow
def test_a_fifo_as_the_database_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.db"
    os.mkfifo(fifo)
    line = one_line(run_actionplan("--db", str(fifo), "list", timeout=60), "FIFO")
    assert "not a regular file" in line


@pytest.mark.slow
def test_importing_deeply_nested_json_is_one_line_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "deep.json"
    bad.write_text("[" * 100_000 + "]" * 100_000)
    target = tmp_path / "plan.db"
    one_line(run_actionplan("--db", str(target), "import", str(bad)), "nested too deeply")
