"""Twenty command-line processes writing to one plan at once: every write kept, no error shown.

Each worker (tests/support/cli_driver.py) is a real process with its own connections, running 30
complete CLI commands: adds to a client and person names every worker creates, and notes set
on three shared items without --expect-version, so the workers contend for the same rows.
"""

from __future__ import annotations

import json
import os
import pwd
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from sqlmodel import col, select

from actionplan import plan
from actionplan.db import Database
from actionplan.models import Client, HistoryEvent, Item, Operation, Person
from tests.support import AUTHOR, cli_driver, db_arg
from tests.support.cli_driver import commands

WORKERS, CALLS = 20, 30
DRIVER = Path(cli_driver.__file__)


@pytest.mark.slow
def test_twenty_processes_writing_at_once_lose_nothing(db: Database) -> None:
    with db.session() as session:
        shared = [
            plan.add_item(session=session, author=AUTHOR, client="Acme", title=f"Shared {i}").id
            for i in range(3)
        ]
    argv = [sys.executable, str(DRIVER), db_arg(db), str(WORKERS), str(CALLS)]
    done = subprocess.run(
        [*argv, ",".join(str(i) for i in shared)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    # Every command exited 0 and said nothing on stderr (no "database is locked", no error).
    assert done.stderr == ""
    assert json.loads(done.stdout.splitlines()[-1]) == [0] * WORKERS
    assert done.returncode == 0

    expected = [(w, argv) for w in range(WORKERS) for argv in commands(w, CALLS, shared)]
    adds = {a[1] for _, a in expected if a[0] == "add"}
    notes = {a[3] for _, a in expected if a[0] == "set"}
    assert len(adds) + len(notes) == WORKERS * CALLS
    with db.session() as session:
        items = session.exec(select(Item)).all()
        history = session.exec(select(HistoryEvent).order_by(col(HistoryEvent.id))).all()
        ops = session.exec(select(Operation)).all()
        clients = sorted(c.name for c in session.exec(select(Client)))
        people = sorted(p.name for p in session.exec(select(Person)))

    # Each add made one item, once, with its "created" event and its own operation.
    added = [i for i in items if i.id not in shared]
    assert sorted(i.title for i in added) == sorted(adds)
    created = [e for e in history if e.field == "created"]
    assert sorted(e.new or "" for e in created if e.item_id not in shared) == sorted(adds)
    assert len(ops) == 3 + WORKERS * CALLS
    assert {e.author for e in history} == {AUTHOR}
    # Names every worker raced to create exist once each.
    assert clients == ["Acme", "Globex"]
    assert people == ["Owner 0", "Owner 1", "Owner 2"]

    # Each set is one history event, and each one saw the value the previous one wrote:
    # the notes of a shared item form one unbroken chain, ending in the item's note.
    events = defaultdict(list)
    for event in history:
        if event.field == "client_note":
            events[event.item_id].append(event)
    assert sorted(e.new or "" for chain in events.values() for e in chain) == sorted(notes)
    for item in (i for i in items if i.id in shared):
        chain = events[item.id]
        assert [e.old for e in chain] == ["", *(e.new for e in chain[:-1])]
        assert item.client_note == chain[-1].new
        assert item.version == 1 + len(chain)


def test_history_names_each_login_when_no_name_is_configured(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actionplan.cli import context, main

    config = tmp_path / "config.toml"
    config.write_text("day_first = true\n", encoding="utf-8")  # no name
    monkeypatch.setenv("ACTIONPLAN_CONFIG", str(config))
    context.config.cache_clear()
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)

    monkeypatch.setenv("LOGNAME", "alice.login")
    add = ["add", "Renew licence", "--client", "Acme", "--new-client"]
    assert main(["--db", db_arg(db), *add]) == 0
    monkeypatch.setenv("LOGNAME", "bob.login")
    assert main(["--db", db_arg(db), "set", "1", "--due", "2026-12-04"]) == 0
    monkeypatch.delenv("LOGNAME")  # no login name in the environment: the account's name
    assert main(["--db", db_arg(db), "set", "1", "--note", "Booked"]) == 0
    account = pwd.getpwuid(os.getuid()).pw_name

    with db.session() as session:
        events = session.exec(select(HistoryEvent).order_by(col(HistoryEvent.id))).all()
        ops = session.exec(select(Operation).order_by(col(Operation.id))).all()
    assert [(e.field, e.author) for e in events] == [
        ("created", "alice.login"),
        ("due", "bob.login"),
        ("client_note", account),
    ]
    assert [op.author for op in ops] == ["alice.login", "bob.login", account]
