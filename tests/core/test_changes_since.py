"""Who changed what since the last call: the core query, and how a change's time reads."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from actionplan import plan
from actionplan.changes_since import Change, changes_since, last_call, when
from actionplan.db import Database
from actionplan.summary.source import snapshots, summary_for
from tests.support import START, TODAY, FixedClock, seed
from tests.support.plans import REASON, all_outputs, changes_plan


def described(changes: list[Change]) -> list[tuple[str, str, str, str | None]]:
    return [(c.author, c.title, c.text, c.reason) for c in changes]


def test_only_this_clients_changes_after_the_snapshot_newest_first(
    db: Database, fixed_clock: FixedClock
) -> None:
    changes_plan(db, fixed_clock)
    with db.session() as s:
        since = last_call(session=s, client="acme", today=TODAY)
        found = changes_since(session=s, client="Acme", since=since.at)
    assert since.from_snapshot and since.snapshot_author == "Tester"
    assert since.at == datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    # Moving a card within its column, and the position a status change sets, are left out.
    assert described(found) == [
        ("Ben", "Patch servers", "status: planned → doing", None),
        ("Ana", "Renew firewall licence", "due: none → 2026-12-05", REASON),
    ]
    assert [c.at for c in found] == [
        datetime(2026, 11, 23, 11, 30, tzinfo=UTC),
        datetime(2026, 11, 23, 11, 0, tzinfo=UTC),
    ]


def test_without_a_snapshot_the_last_14_days_count(db: Database, fixed_clock: FixedClock) -> None:
    seed(db, "Renew firewall licence")  # 23 Nov 09:00
    with db.session() as s:
        since = last_call(session=s, client="Acme", today=TODAY)
        assert not since.from_snapshot
        assert since.at == datetime(2026, 11, 9, 0, 0).astimezone()  # local midnight
        assert described(changes_since(session=s, client="Acme", since=since.at)) == [
            ("Tester", "Renew firewall licence", "created", None)
        ]
        later = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
        assert changes_since(session=s, client="Acme", since=later) == []  # strictly after


def test_an_unknown_client_is_a_clear_error(db: Database) -> None:
    with db.session() as s, pytest.raises(plan.NotFound, match="no client named 'Nobody'"):
        changes_since(session=s, client="Nobody", since=START)


def test_reading_the_changes_leaves_the_summary_exports_and_snapshots_as_they_were(
    db: Database, fixed_clock: FixedClock
) -> None:
    changes_plan(db, fixed_clock)
    with db.session() as s:
        before = all_outputs(summary_for(session=s, client="Acme", today=TODAY, prepared_by="T"))
        saved = [(x.id, x.model_json, x.markdown) for x in snapshots(session=s, client="Acme")]
        found = changes_since(session=s, client="Acme", since=START)
        assert {c.author for c in found} == {"Ana", "Ben"}
        after = all_outputs(summary_for(session=s, client="Acme", today=TODAY, prepared_by="T"))
        again = [(x.id, x.model_json, x.markdown) for x in snapshots(session=s, client="Acme")]
    assert after == before
    assert again == saved
    for text in before.values():
        assert "ZQREASON" not in text  # a reason is history, never summary


def test_times_are_local_and_name_the_year_only_when_it_is_not_this_one(utc_zone: None) -> None:
    assert when(datetime(2026, 11, 23, 14, 5, tzinfo=UTC), this_year=2026) == "Mon 23 Nov 14:05"
    assert when(datetime(2025, 12, 1, 8, 0, tzinfo=UTC), this_year=2026) == "1 Dec 2025 08:00"
