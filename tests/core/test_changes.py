"""The change watcher behind live refresh: another process's write is seen within 2 seconds.

On both backends: a write by a real ``actionplan`` process wakes a waiting watcher; a quiet
database keeps it asleep (and costs next to no CPU); a write that is rolled back says nothing;
an unreachable database raises Offline, and the watcher reconnects when it is back.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from actionplan import changes, plan
from actionplan.changes import ChangeWatcher, Offline
from actionplan.db import Database, make_engine, resolve_url
from tests.support import AUTHOR, add, count, db_arg

SEEN_WITHIN = 2.0


@pytest.fixture
def watcher(db: Database) -> Iterator[ChangeWatcher]:
    w = ChangeWatcher(db)
    yield w
    w.close()


def cli_write(db: Database, *args: str) -> subprocess.Popen[str]:
    """Start ``actionplan --db DB ARGS``, a real process of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "actionplan", "--db", db_arg(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_write_by_another_process_is_seen_within_two_seconds(
    db: Database, watcher: ChangeWatcher
) -> None:
    delays = []
    for n in range(3):
        printed: list[float] = []
        proc = cli_write(db, "add", f"Item {n}", "--client", "Acme", "--new-client")

        def read_output(proc: subprocess.Popen[str] = proc, printed: list[float] = printed) -> None:
            assert proc.stdout is not None
            if proc.stdout.readline().startswith("added"):  # printed after the commit
                printed.append(time.monotonic())

        reader = threading.Thread(target=read_output)
        reader.start()
        assert watcher.wait(30.0)
        seen = time.monotonic()
        reader.join(30)
        assert proc.wait(30) == 0, proc.stderr.read() if proc.stderr else ""
        assert printed, "the command never said it had added the item"
        delays.append(seen - printed[0])  # negative: seen before the command even said so
        assert count(db) == n + 1
        assert not watcher.wait(0.0)  # reported once
    assert max(delays) < SEEN_WITHIN, delays
    assert statistics.median(delays) < SEEN_WITHIN


def test_a_write_made_while_nobody_waits_is_reported_by_the_next_wait(
    db: Database, watcher: ChangeWatcher
) -> None:
    proc = cli_write(db, "add", "Between waits", "--client", "Acme", "--new-client")
    assert proc.wait(60) == 0
    start = time.monotonic()
    assert watcher.wait(SEEN_WITHIN)
    assert time.monotonic() - start < 0.2  # at once: it had already happened


def test_a_quiet_plan_keeps_the_watcher_asleep_at_almost_no_cpu(
    db: Database, watcher: ChangeWatcher
) -> None:
    add(db, "Renew licence")
    watcher.wait(0.0)  # take in our own setup write
    cpu, start = time.process_time(), time.monotonic()
    while time.monotonic() - start < 3.0:
        assert not watcher.wait(1.0)
    used = (time.process_time() - cpu) / (time.monotonic() - start)
    assert used < 0.005, f"{used:.2%} of a core while idle"


def test_the_apps_own_writes_are_seen_too(db: Database, watcher: ChangeWatcher) -> None:
    # The watcher has a connection of its own, so a write through the app's engine is
    # "another connection": the app reloads once more after its own write, which is harmless.
    add(db, "Renew licence")
    assert watcher.wait(SEEN_WITHIN)
    assert not watcher.wait(0.0)


def test_a_refused_write_says_nothing(db: Database, watcher: ChangeWatcher) -> None:
    item_id = add(db, "Renew licence")
    assert watcher.wait(SEEN_WITHIN)
    with db.session() as session, pytest.raises(plan.Conflict):
        # Refused inside its transaction (after the write began): rolled back, not announced.
        plan.edit_item(
            session=session, item_id=item_id, author=AUTHOR, title="X", expected_version=99
        )
    assert not watcher.wait(1.0)


def test_close_wakes_a_waiting_thread_at_once(db: Database) -> None:
    watcher = ChangeWatcher(db)
    result: list[bool] = []
    waiting = threading.Thread(target=lambda: result.append(watcher.wait(60.0)))
    waiting.start()
    time.sleep(0.2)  # let it block (nothing to wait on: the point is that it is blocked)
    start = time.monotonic()
    watcher.close()
    waiting.join(5)
    assert result == [False]
    assert time.monotonic() - start < 1.0
    assert not watcher.wait(1.0)  # closed: returns at once


def test_an_unreachable_server_is_offline_at_once() -> None:
    url = resolve_url("postgresql://user:s3cret-Pa55@127.0.0.1:1/plan")
    db = Database(engine=make_engine(url), url=url)
    start = time.monotonic()
    with pytest.raises(Offline) as caught:
        ChangeWatcher(db)
    assert time.monotonic() - start < 5
    message = str(caught.value)
    assert "127.0.0.1:1" in message and "connection refused" in message
    assert "s3cret" not in message and "\n" not in message


def test_a_missing_sqlite_file_is_offline(tmp_path: Path) -> None:
    url = resolve_url(str(tmp_path / "gone.db"))
    db = Database(engine=make_engine(url), url=url)
    with pytest.raises(Offline, match=r"gone\.db"):
        ChangeWatcher(db)
    assert not (tmp_path / "gone.db").exists()  # the watcher never creates a database


def test_a_lost_connection_goes_offline_then_comes_back(
    db: Database, watcher: ChangeWatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(changes, "RETRY", 0.2)
    path = Path(str(db.url.database)) if db.is_sqlite else None
    if path is not None:
        path.rename(path.with_suffix(".away"))  # the file is gone, as on an unmounted share
    else:
        with db.engine.connect() as conn:  # the server drops the watcher's session
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND query = 'LISTEN actionplan'"
                )
            )
    with pytest.raises(Offline, match="cannot reach"):
        watcher.wait(SEEN_WITHIN)
    assert watcher.offline
    if path is not None:
        with pytest.raises(Offline):
            watcher.wait(0.5)  # still gone: still offline
        path.with_suffix(".away").rename(path)
    # Back: the next wait reconnects and says "changed", since changes may have been missed.
    assert watcher.wait(SEEN_WITHIN)
    assert not watcher.offline
    add(db, "Renew licence")
    assert watcher.wait(SEEN_WITHIN)


def test_close_releases_the_watchers_connection_and_pipe(watcher: ChangeWatcher) -> None:
    fds = set(os.listdir("/proc/self/fd"))
    watcher.close()
    assert len(set(os.listdir("/proc/self/fd"))) < len(fds)
