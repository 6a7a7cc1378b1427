"""What every layer of the tests shares: the fixed day and author, paths, plans and commands.

Test modules import helpers from here (and from ``tests.support.pilot`` for the app), never
from one another. ``tests.support.cli_driver`` is the load-test driver, run as a program.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from sqlmodel import Session, col, select

from actionplan import plan
from actionplan.cli import main
from actionplan.db import Database, open_database
from actionplan.models import Item
from actionplan.templates import user_dir

TODAY = date(2026, 11, 23)  # a Monday: the day every test runs on (conftest fixes it)
AUTHOR = "Tester"  # the configured name every test writes as
START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # where FixedClock starts
TABLES = [
    "health_check",
    "reviewed",
    "record_change",
    "history",
    "dependency",
    "snapshot",
    "item",
    "operation",
    "person",
    "client",
]
"""Every table of the plan, those that point at others first."""

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
"""Files the tests read: the leak corpora, an old schema, a checklist template."""
GOLDEN = ROOT / "tests" / "golden"
"""The summary's golden files."""


def fixture_text(name: str) -> str:
    """A file of tests/fixtures, as text."""
    return (FIXTURES / name).read_text(encoding="utf-8")


# --- the plan ----------------------------------------------------------------------------------


def add(
    db: Database | Session,
    title: str = "Item",
    client: str = "Acme",
    *,
    author: str = AUTHOR,
    **values: Any,
) -> int:
    """Add one item through the plan API, in a session of its own or the one given; its id."""
    if isinstance(db, Session):
        made = plan.add_item(session=db, author=author, client=client, title=title, **values)
        assert made.id is not None
        return made.id
    with db.session() as s:
        return add(s, title, client, author=author, **values)


def add_quiet(db: Database, title: str = "Item", client: str = "Acme", **values: Any) -> int:
    """Add an item triage leaves alone unless told otherwise: owned (by Ann), due in a month."""
    values.setdefault("owner", "Ann")
    values.setdefault("due", TODAY + timedelta(days=30))
    return add(db, title, client, **values)


def add_item(db: Database, title: str = "Item", client: str = "Acme", **values: Any) -> Item:
    """Add one item; the item as saved."""
    with db.session() as s:
        return plan.add_item(session=s, author=AUTHOR, client=client, title=title, **values)


def seed(db: Database, *titles: str, client: str = "Acme", **values: Any) -> list[int]:
    """Add an item for each title, alike but for the title; their ids."""
    return [add(db, title, client, **values) for title in titles]


def edit(db: Database, item_id: int, **changes: Any) -> Item:
    """Change an item as AUTHOR; the item as saved."""
    with db.session() as s:
        return plan.edit_item(session=s, item_id=item_id, author=AUTHOR, **changes)


def person(db: Database, name: str, team: str | None = None, side: str | None = None) -> None:
    """Save a person with a team and a side (us, client, vendor)."""
    with db.session() as s:
        plan.save_person(session=s, name=name, team=team, side=side)


def item(db: Database, item_id: int) -> Item:
    """The item as saved now."""
    with db.session() as s:
        found = s.get(Item, item_id)
        assert found is not None
        return found


def items(db: Database, *, deleted: bool = True) -> list[Item]:
    """Every item by id, the deleted ones too unless ``deleted=False``."""
    query = select(Item).order_by(col(Item.id))
    if not deleted:
        query = query.where(col(Item.deleted_at).is_(None))
    with db.session() as s:
        return list(s.exec(query).all())


def count(db: Database, table: str = "item") -> int:
    """Rows in a table, deleted items included."""
    with db.engine.connect() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


def wipe(db: Database) -> None:
    """Empty every table (on PostgreSQL ids start again at 1)."""
    with db.engine.begin() as conn:
        if db.is_sqlite:
            for table in TABLES:
                conn.exec_driver_sql(f"DELETE FROM {table}")
        else:
            conn.exec_driver_sql(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")


@contextmanager
def fresh_sqlite(template: Path) -> Iterator[Database]:
    """A new, empty, migrated SQLite database (usable inside a hypothesis example)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.db"
        shutil.copy(template, path)
        db = open_database(str(path))
        try:
            yield db
        finally:
            db.dispose()


def own_template(text: str, stem: str = "quarter-start") -> Path:
    """Save a checklist template of the user's own (in the private data folder)."""
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def fill_disk_half_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write to a file from now on stops half-way with "No space left on device"."""
    real_write = os.write

    def write(fd: int, data: Any) -> int:
        if fd <= 2:
            return real_write(fd, data)
        real_write(fd, bytes(data[: max(1, len(data) // 2)]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", write)


class FixedClock:
    """``clock.now`` for the plan: a moment the test moves on by hand (the fixed_clock fixture)."""

    def __init__(self) -> None:
        self.at = START

    def __call__(self) -> datetime:
        return self.at

    def step(self, minutes: int) -> None:
        self.at += timedelta(minutes=minutes)


# --- the command line --------------------------------------------------------------------------


def db_arg(db: Database) -> str:
    """What a user gives --db: the file for SQLite, the URL (password included) for a server."""
    if db.is_sqlite:
        return str(db.url.database)
    return db_url(db)


def db_url(db: Database) -> str:
    """The database's URL, password included."""
    return db.url.render_as_string(hide_password=False)


class Result(NamedTuple):
    """What a command did: its exit code and what it printed."""

    code: int
    out: str
    err: str

    def one_line_error(self, *fragments: str) -> str:
        """Assert exit 1 with exactly one ``actionplan: ...`` line on stderr; return it."""
        assert self.code == 1, (self.code, self.out, self.err)
        assert "Traceback" not in self.err
        lines = self.err.splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith("actionplan: "), lines[0]
        for fragment in fragments:
            assert fragment in lines[0], lines[0]
        return lines[0]


class Cli:
    """``actionplan [--db DB] ...`` in this process, with the output captured.

    ``db`` is a Database (given as a user would: ``db_arg``), a --db value, or None for no --db.
    A usage error raises SystemExit, as argparse does, unless ``usage_exits`` makes it the code.
    """

    def __init__(
        self,
        capsys: pytest.CaptureFixture[str],
        db: Database | str | None = None,
        *,
        usage_exits: bool = False,
    ) -> None:
        self.capsys = capsys
        self.db = db_arg(db) if isinstance(db, Database) else db
        self.usage_exits = usage_exits

    def __call__(self, *args: str) -> Result:
        self.capsys.readouterr()
        argv = ["--db", self.db, *args] if self.db is not None else list(args)
        try:
            code = main(argv)
        except SystemExit as exc:
            if not self.usage_exits:
                raise
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = self.capsys.readouterr()
        return Result(code, out, err)

    def ok(self, *args: str) -> str:
        """Run a command that must succeed; what it printed."""
        result = self(*args)
        assert result.code == 0, result
        return result.out

    def fails(self, *args: str) -> str:
        """Run a command that must fail with one line; that line."""
        return self(*args).one_line_error()

    def add(self, title: str = "Renew firewall licence", client: str = "Acme", *opts: str) -> int:
        """``add TITLE --client CLIENT OPTS``, which must succeed; the new item's id.

        A test's plan is made on purpose: a client or owner not there yet is created
        (``--new-client --new-person``); the refusal of a stray is tested without them.
        """
        out = self.ok("add", title, "--client", client, "--new-client", "--new-person", *opts)
        return int(out.split("#", 1)[1].split()[0])

    def items(self, *args: str) -> list[dict[str, Any]]:
        """``list --json ARGS``, parsed."""
        return json.loads(self.ok("list", "--json", *args))

    def item(self, item_id: int) -> dict[str, Any]:
        [found] = [i for i in self.items() if i["id"] == item_id]
        return found

    def csv_rows(self) -> list[dict[str, str]]:
        """The CSV export, as rows."""
        return list(csv.DictReader(io.StringIO(self.ok("export", "--format", "csv"))))


def run_actionplan(
    *args: str, python_args: tuple[str, ...] = (), timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``python -m actionplan ARGS`` as a process of its own, output captured as text."""
    return subprocess.run(
        [sys.executable, *python_args, "-m", "actionplan", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        stdin=subprocess.DEVNULL,
    )
