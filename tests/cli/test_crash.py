"""A large import killed with SIGKILL half-way leaves a consistent plan: all of it or none of it.

The import runs as a real ``python -m actionplan import`` process. It is killed only once its
write is under way (SQLite: the write lock held for a quarter second, so rows are going in;
PostgreSQL: pg_stat_activity shows its INSERTs in an open transaction), and the exit status
proves the kill, not a normal exit, ended it.
"""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import func, select

from actionplan import plan
from actionplan.db import Database, open_database
from actionplan.models import Client, HistoryEvent, Item, Operation, Person

ROWS = 20_000
HEADER = "client,title,status,owner,due,committed,must,client_note,internal_note,escalated"


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CSV of 20,000 items for 40 clients and 25 owners, with dates and notes."""
    path = tmp_path_factory.mktemp("crash") / "big.csv"
    start = date(2026, 10, 1)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(HEADER.split(","))
        for i in range(ROWS):
            due = start + timedelta(days=i % 90)
            out.writerow(
                [
                    f"Client {i % 40}",
                    f"Item {i}: renew the licence for site {i % 97}",
                    ["planned", "doing", "done"][i % 3],
                    f"Owner {i % 25}",
                    due.isoformat(),
                    (due - timedelta(days=7)).isoformat() if i % 2 else "",
                    "yes" if i % 5 else "no",
                    f"Client note {i}",
                    f"Internal note {i}" if i % 4 == 0 else "",
                    "no",
                ]
            )
    return path


def start_import(db_arg: str, path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "actionplan", "--db", db_arg, "import", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill_when(proc: subprocess.Popen[bytes], under_way: Callable[[], bool]) -> None:
    """SIGKILL the import as soon as ``under_way()`` says its write is in progress."""
    deadline = time.monotonic() + 120
    try:
        while not under_way():
            assert proc.poll() is None, "the import ended before its write was seen under way"
            assert time.monotonic() < deadline, "the import's write never started"
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
    # Killed by our signal while running: it had not finished on its own.
    assert proc.returncode == -signal.SIGKILL


def assert_all_or_nothing(db: Database) -> int:
    """The import is wholly present or wholly absent, and the history agrees with the items."""
    with db.session() as session:
        items = session.exec(select(func.count()).select_from(Item)).one()
        created = session.exec(
            select(func.count()).select_from(HistoryEvent).where(HistoryEvent.field == "created")
        ).one()
        events = session.exec(select(func.count()).select_from(HistoryEvent)).one()
        imports = session.exec(
            select(func.count()).select_from(Operation).where(Operation.kind == "import")
        ).one()
        clients = session.exec(select(func.count()).select_from(Client)).one()
        people = session.exec(select(func.count()).select_from(Person)).one()
    assert items in (0, ROWS)
    assert created == events == items
    assert imports == (1 if items else 0)
    assert (clients, people) == ((40, 25) if items else (0, 0))
    return items


def assert_still_writable(db: Database) -> None:
    """A new write goes through: the killed writer left no lock behind."""
    with db.session() as session:
        item = plan.add_item(session=session, author="Tester", client="After", title="Next")
    assert item.id is not None


@pytest.mark.slow
def test_sqlite_import_killed_midway_is_all_or_nothing(sqlite_db: Database, big_csv: Path) -> None:
    path = Path(str(sqlite_db.url.database))
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    locked_since: list[float] = []

    def writing() -> bool:
        try:
            probe.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            # Someone holds the write lock: the import, which takes it once the file is
            # checked and keeps it while it inserts. (Its rows may all sit in the page cache
            # until the commit, so the -wal file's size says nothing.) A quarter second in,
            # it is inserting.
            locked_since.append(time.monotonic())
            return time.monotonic() - locked_since[0] > 0.25
        probe.execute("ROLLBACK")
        return False

    kill_when(start_import(str(path), big_csv), writing)
    probe.close()
    sqlite_db.dispose()

    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert check.execute("PRAGMA foreign_key_check").fetchall() == []
    check.close()
    db = open_database(str(path))
    try:
        assert_all_or_nothing(db)
        assert_still_writable(db)
    finally:
        db.dispose()


@pytest.mark.slow
def test_postgres_import_killed_midway_is_all_or_nothing(pg_db: Database, big_csv: Path) -> None:
    url = pg_db.url.render_as_string(hide_password=False)
    watch = pg_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    importer: list[int] = []

    def inserting() -> bool:
        rows = watch.execute(
            sa.text(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid() AND xact_start IS NOT NULL"
                " AND (query ILIKE 'INSERT INTO item%' OR query ILIKE 'INSERT INTO history%')"
            )
        ).all()
        importer[:] = [r[0] for r in rows]
        return bool(rows)

    try:
        kill_when(start_import(url, big_csv), inserting)
        # The server rolls the transaction back when it sees the client gone.
        deadline = time.monotonic() + 30
        while watch.execute(
            sa.text("SELECT 1 FROM pg_stat_activity WHERE pid = :pid"), {"pid": importer[0]}
        ).first():
            assert time.monotonic() < deadline, "the killed import's session never ended"
            time.sleep(0.05)
    finally:
        watch.close()
    assert_all_or_nothing(pg_db)
    assert_still_writable(pg_db)
