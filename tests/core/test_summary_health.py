"""The client summary's health: red, amber or green from client-visible lateness only, the trend
since the last summary, and the escalation reason never shown."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any

import pytest

from actionplan.db import Database
from actionplan.queries import list_items
from actionplan.summary.render import render
from tests import support
from tests.support import TODAY
from tests.support.plans import CLIENT, TEXT_FORMATS, all_outputs, build, row

add = partial(support.add, client=CLIENT)  # every item is CLIENT's


def test_the_row_factory_has_the_keys_list_items_gives(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        add(s, "Anything", owner="Someone")
        [real] = list_items(session=s)
    assert set(real) == set(row())


# --- health ---------------------------------------------------------------------------------------


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


@pytest.mark.parametrize(
    ("rows", "level", "reason"),
    [
        ([row(due=days_ago(7))], "red", "1 must-do item a week or more late"),
        ([row(due=days_ago(30)), row(due=days_ago(8))], "red", "2 must-do items a week or more"),
        # Escalation is our internal flag: it neither colours nor words a client's health.
        (
            [row(escalated=True, escalation_reason="r", due=TODAY + timedelta(days=30))],
            "green",
            "everything is on track",
        ),
        ([row(escalated=True, escalation_reason="r", must=False)], "green", "on track"),
        (
            [row(escalated=True, escalation_reason="r", due=days_ago(2))],
            "amber",
            "1 item overdue",
        ),
        (
            [
                row(due=days_ago(9)),
                row(due=TODAY + timedelta(days=9), committed=TODAY + timedelta(days=2)),
            ],
            "red",
            "1 must-do item a week or more late; 1 item moved past the date we gave",
        ),
        (
            [row(due=days_ago(3)), row(due=TODAY + timedelta(days=4), committed=TODAY)],
            "amber",
            "1 item overdue; 1 item moved past the date we gave",
        ),
        ([row(due=days_ago(6))], "amber", "1 item overdue"),
        ([row(due=days_ago(1))], "amber", "1 item overdue"),
        ([row(due=days_ago(20), must=False)], "amber", "1 item overdue"),
        (
            [row(due=TODAY + timedelta(days=5), committed=TODAY + timedelta(days=2))],
            "amber",
            "1 item moved past the date we gave",
        ),
        ([row(due=TODAY)], "green", "everything is on track"),
        (
            [row(due=TODAY + timedelta(days=3), committed=TODAY + timedelta(days=3))],
            "green",
            "everything is on track",
        ),
        # Finished, dropped, deleted and internal-only items never colour a client's health.
        (
            [
                row(
                    status="done",
                    due=days_ago(30),
                    escalated=True,
                    escalation_reason="r",
                    done_at=datetime(2026, 11, 20, tzinfo=UTC),
                )
            ],
            "green",
            "on track",
        ),
        (
            [row(status="dropped", due=days_ago(30), escalated=True, escalation_reason="r")],
            "green",
            "on track",
        ),
        (
            [row(visibility="internal", due=days_ago(30), escalated=True, escalation_reason="r")],
            "green",
            "on track",
        ),
        (
            [row(deleted_at=datetime(2026, 11, 1, tzinfo=UTC), due=days_ago(30))],
            "green",
            "on track",
        ),
    ],
    ids=[
        "must-7-days-late",
        "two-must-late",
        "escalated-not-late",
        "escalated-nice",
        "escalated-and-overdue",
        "late-and-slipped",
        "overdue-and-slipped",
        "6-days-late",
        "1-day-late",
        "nice-20-days-late",
        "slipped",
        "due-today",
        "on-committed-date",
        "done-ignored",
        "dropped-ignored",
        "internal-ignored",
        "deleted-ignored",
    ],
)
def test_health_follows_client_visible_lateness_only(
    rows: list[dict[str, Any]], level: str, reason: str
) -> None:
    health = build(*rows).health
    assert health.level == level
    assert reason in health.reason
    assert "escalat" not in health.reason and "management" not in health.reason
    assert health.trend is None  # no previous snapshot, no trend


@pytest.mark.parametrize(
    ("before", "now", "trend"),
    [
        # The previous summary was a week ago: due=days_ago(20) was red then, 8 amber.
        ([row(due=days_ago(20))], [], "better than last time (red)"),
        ([row(due=days_ago(8))], [], "better than last time (amber)"),
        ([], [row(due=days_ago(10))], "worse than last time (green)"),
        ([row(due=days_ago(8))], [row(due=days_ago(10))], "worse than last time (amber)"),
        ([row(due=days_ago(8))], [row(due=days_ago(3))], "same as last time"),
        ([], [], "same as last time"),
    ],
)
def test_health_trend_compares_with_the_previous_summary(
    before: list[dict[str, Any]], now: list[dict[str, Any]], trend: str
) -> None:
    previous = build(*before, today=days_ago(7))
    summary = build(*now, previous=previous)
    assert summary.health.trend == trend
    for fmt in TEXT_FORMATS:
        if fmt != "talk":
            assert trend in str(render(summary, fmt)), fmt


def test_the_escalation_reason_never_appears() -> None:
    reason = "CEO shouted at our VP"
    summary = build(row(title="Fix the VPN", escalated=True, escalation_reason=reason))
    assert summary.health.level == "green"  # the flag is ours; the client sees nothing late
    for fmt, text in all_outputs(summary).items():
        assert "Fix the VPN" in text or fmt == "talk", fmt
        assert "shouted" not in text, fmt
        assert "escalat" not in text.lower() and "management" not in text.lower(), fmt
