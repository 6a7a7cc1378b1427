"""Two account managers on one PostgreSQL plan: one renames or merges a client or a person while
the other edits an item from what their board showed. Whichever writes first, both changes are
kept and nothing is lost (and one undo still reverts the merge alone)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from actionplan import plan
from actionplan.db import Database
from actionplan.plan import journal
from actionplan.plan.merge import current_row, edit_merging
from tests.support import AUTHOR

NEW_DUE = date(2026, 12, 18)


def first_waits_for_second(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The thread named "first", once it holds the write lock, waits until another session is
    waiting for that lock: the two writes overlap for certain."""
    real = journal.announce

    def announce(conn: sa.Connection) -> None:
        if threading.current_thread().name == "first":
            deadline = time.monotonic() + 10
            while not _advisory_locks(db, granted=False):
                assert time.monotonic() < deadline, "the second write never waited for the first"
                time.sleep(0.02)
        real(conn)

    monkeypatch.setattr(journal, "announce", announce)


def _advisory_locks(db: Database, *, granted: bool) -> int:
    """How many sessions hold (or wait for) the plan's write lock, read from another one."""
    with db.engine.connect() as conn:
        stmt = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted = :granted"
        return int(conn.execute(sa.text(stmt), {"granted": granted}).scalar_one())


def overlap(db: Database, first: Callable[[Session], Any], second: Callable[[Session], Any]):
    """Run ``first`` and ``second`` in two sessions at once, ``first`` taking the lock first."""
    errors: list[BaseException] = []

    def run(work: Callable[[Session], Any]) -> None:
        try:
            with db.session() as session:
                work(session)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    one = threading.Thread(target=run, args=(first,), name="first")
    one.start()
    # The second starts once the first holds the lock (it then waits for the second to wait).
    deadline = time.monotonic() + 10
    while not _advisory_locks(db, granted=True) and time.monotonic() < deadline:
        time.sleep(0.01)
    two = threading.Thread(target=run, args=(second,), name="second")
    two.start()
    one.join(30)
    two.join(30)
    assert not errors, errors


def edit_due(item_id: int, seen: dict[str, Any]) -> Callable[[Session], Any]:
    return lambda s: edit_merging(session=s, item_id=item_id, seen=seen, author="Ben", due=NEW_DUE)


@pytest.mark.parametrize("merge_first", [True, False], ids=["merge-first", "edit-first"])
def test_a_client_merge_and_an_item_edit_at_once_both_stay(
    pg_db: Database, monkeypatch: pytest.MonkeyPatch, merge_first: bool
) -> None:
    with pg_db.session() as s:
        plan.add_item(session=s, author=AUTHOR, client="Acme", title="Kept")
        made = plan.add_item(session=s, author=AUTHOR, client="Acme Ltd", title="Moves")
        seen = current_row(s, made.id)  # what Ben's board shows
    merge = lambda s: plan.merge_clients(  # noqa: E731
        session=s, name="Acme Ltd", into="Acme", author=AUTHOR
    )
    first_waits_for_second(pg_db, monkeypatch)
    if merge_first:
        overlap(pg_db, merge, edit_due(made.id, seen))
    else:
        overlap(pg_db, edit_due(made.id, seen), merge)
    with pg_db.session() as s:
        now = current_row(s, made.id)
        assert (now["client"], now["due"]) == ("Acme", NEW_DUE)
        assert plan.find_client(session=s, name="Acme Ltd") is None
        # Undoing the merge moves the item back and keeps Ben's date.
        undone = plan.undo(session=s, author=AUTHOR)
        assert undone is not None and undone.summary.startswith("merged client")
        now = current_row(s, made.id)
        assert (now["client"], now["due"]) == ("Acme Ltd", NEW_DUE)


@pytest.mark.parametrize("change", ["rename", "merge"])
def test_a_person_rename_or_merge_and_an_item_edit_at_once_both_stay(
    pg_db: Database, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    with pg_db.session() as s:
        plan.add_item(session=s, author=AUTHOR, client="Acme", title="Priya's", owner="Priya")
        made = plan.add_item(session=s, author=AUTHOR, client="Acme", title="Pri's", owner="Pri")
        seen = current_row(s, made.id)
    if change == "rename":
        work = lambda s: plan.rename_person(  # noqa: E731
            session=s, name="Pri", new="Priyanka", author=AUTHOR
        )
        owner = "Priyanka"
    else:
        work = lambda s: plan.merge_people(  # noqa: E731
            session=s, name="Pri", into="Priya", author=AUTHOR
        )
        owner = "Priya"
    first_waits_for_second(pg_db, monkeypatch)
    overlap(pg_db, work, edit_due(made.id, seen))
    with pg_db.session() as s:
        now = current_row(s, made.id)
    assert (now["owner"], now["due"]) == (owner, NEW_DUE)
