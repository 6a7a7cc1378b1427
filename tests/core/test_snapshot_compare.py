"""Comparing two saved snapshots (issue 4: "two can be compared"): what changed, section by
section, and stored models that cannot be read."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from actionplan.models import Snapshot
from actionplan.summary.compare import compare, health_trend, render_comparison, sections
from actionplan.summary.model import Summary, build_summary
from actionplan.summary.words import NONE
from tests.support import TODAY
from tests.support.plans import CLIENT, row, titles


def snap(*rows: dict[str, Any], day: date = TODAY, previous: Summary | None = None) -> Summary:
    """A snapshot's model as it is stored and read back (through JSON)."""
    summary = build_summary(
        client=CLIENT,
        rows=list(rows),
        previous=previous,
        today=day,
        prepared_by="Ana Silva",
    )
    return Summary.from_json(summary.to_json())


def done_row(key: int, title: str, day: date, **values: Any) -> dict[str, Any]:
    moment = datetime(day.year, day.month, day.day, 15, tzinfo=UTC)
    return row(id=key, title=title, status="done", done_at=moment, **values)


NEXT_WEEK = TODAY + timedelta(days=7)


def a_week_of_changes() -> tuple[Summary, Summary]:
    """Two snapshots a week apart: one item finished, one new, one moved, one now waiting on the
    client, one taken off the plan, one untouched."""
    older = snap(
        row(id=1, title="Patch the VPN", due=date(2026, 11, 27)),
        row(id=2, title="Renew the certificates", due=date(2026, 11, 28)),
        row(id=3, title="Sign the diagram", due=date(2026, 12, 4)),
        row(id=4, title="Printer refresh", due=date(2026, 12, 10)),
        row(id=5, title="Write the runbook", due=date(2026, 12, 11)),
    )
    newer = snap(
        done_row(1, "Patch the VPN", TODAY + timedelta(days=2), due=date(2026, 11, 27)),
        row(id=2, title="Renew the certificates", due=date(2026, 12, 12)),
        row(
            id=3,
            title="Sign the diagram",
            status="waiting",
            waiting_on="client",
            due=date(2026, 12, 4),
        ),
        row(id=4, title="Printer refresh", status="dropped"),
        row(id=5, title="Write the runbook", due=date(2026, 12, 11)),
        row(id=6, title="Replace the UPS batteries", due=date(2026, 12, 3)),
        row(id=7, title="Slipped one", due=date(2026, 12, 5), committed=date(2026, 11, 30)),
        day=NEXT_WEEK,
        previous=older,
    )
    return older, newer


def test_a_week_of_changes_reads_section_by_section() -> None:
    older, newer = a_week_of_changes()
    c = compare(older, newer)
    assert (c.older, c.newer) == (TODAY, NEXT_WEEK)
    assert titles(c.done) == ["Patch the VPN"]
    assert titles(c.new) == ["Replace the UPS batteries", "Slipped one"]
    assert titles(c.moved) == ["Renew the certificates"]
    assert [(s.line.title, s.was, s.line.status) for s in c.status] == [
        ("Sign the diagram", "Planned", "Waiting on you")
    ]
    assert titles(c.gone) == ["Printer refresh"]
    assert not c.unchanged
    text = render_comparison(c)
    assert text.startswith(f"{CLIENT}: what changed from Mon 23 Nov 2026 to Mon 30 Nov 2026\n")
    assert "- Renew the certificates: was 28 Nov, now 12 Dec" in text
    assert "- Sign the diagram: was Planned, now Waiting on you" in text
    assert "- Replace the UPS batteries (3 Dec)" in text
    assert "No longer listed\n- Printer refresh" in text


def test_health_then_and_now_with_the_way_it_went() -> None:
    older, newer = a_week_of_changes()
    c = compare(older, newer)
    assert (c.health_then.level, c.health_now.level) == ("green", "amber")
    assert health_trend(c) == "worse"
    assert health_trend(compare(newer, older)) == "better"
    heading, lines = sections(c)[0]
    assert heading == "Health (worse)"
    assert lines == [
        "then Green: everything is on track",
        "now Amber: 1 item moved past the date we gave",
    ]


def test_the_same_snapshot_twice_says_none_in_every_item_section() -> None:
    older, _ = a_week_of_changes()
    c = compare(older, older)
    assert c.unchanged and health_trend(c) == "the same"
    text = render_comparison(c)
    for heading in ("Done", "New", "Dates moved", "Status changed", "No longer listed"):
        assert f"\n{heading}\n{NONE}\n" in text
    assert [h for h, _ in sections(c)][1:] == [
        "Done",
        "New",
        "Dates moved",
        "Status changed",
        "No longer listed",
    ]


def test_an_item_reopened_is_a_status_change_not_new() -> None:
    older = snap(done_row(1, "Restore test", TODAY - timedelta(days=1)))
    newer = snap(row(id=1, title="Restore test", status="doing"), day=NEXT_WEEK, previous=older)
    c = compare(older, newer)
    assert c.new == [] and c.done == []
    assert [(s.was, s.line.status) for s in c.status] == [("Done", "In progress")]


def test_done_already_reported_is_not_done_again() -> None:
    first = snap(row(id=1, title="Restore test"))
    second = snap(done_row(1, "Restore test", TODAY), day=NEXT_WEEK, previous=first)
    third = snap(
        done_row(1, "Restore test", TODAY), day=NEXT_WEEK + timedelta(days=1), previous=second
    )
    assert titles(compare(first, second).done) == ["Restore test"]
    assert compare(second, third).done == []
    # first to third: it was reported done in between, so the third no longer lists it
    assert titles(compare(first, third).gone) == ["Restore test"]


def test_an_item_new_and_finished_between_two_snapshots_counts_as_done() -> None:
    older = snap()
    newer = snap(done_row(1, "Quick fix", TODAY + timedelta(days=1)), day=NEXT_WEEK, previous=older)
    c = compare(older, newer)
    assert titles(c.done) == ["Quick fix"] and c.new == []


def test_a_date_moved_into_next_year_names_the_years() -> None:
    older = snap(row(id=1, title="Laptops", due=date(2026, 12, 23)))
    newer = snap(row(id=1, title="Laptops", due=date(2027, 1, 6)), day=NEXT_WEEK, previous=older)
    assert "Laptops: was 23 Dec 2026, now 6 Jan 2027" in render_comparison(compare(older, newer))


def test_labels_name_the_snapshots_in_the_title() -> None:
    older, newer = a_week_of_changes()
    text = render_comparison(compare(older, newer), ("snapshot 1", "snapshot 2"))
    assert text.splitlines()[0] == f"{CLIENT}: what changed from snapshot 1 to snapshot 2"


@pytest.mark.parametrize(
    "model_json",
    [
        "",
        "[]",
        '{"client": "Acme"}',
        '{"client": "Acme", "day": "not a day", "health": {"level": "red", "reason": "x"}}',
        '{"client": "Acme", "day": "2026-11-23", "health": {"level": "purple", "reason": "x"}}',
        '{"client": "Acme", "day": "2026-11-23", "health": {"level": "red", "reason": "x"}, '
        '"plan": [{"key": 1}]}',
    ],
)
def test_a_stored_model_that_cannot_be_read_is_invalid_not_a_crash(model_json: str) -> None:
    from actionplan.plan import Invalid
    from actionplan.summary.compare import read_model

    stored = Snapshot(
        id=7, client_id=1, created_at=datetime(2026, 11, 23), author="x", model_json=model_json,
        markdown="",
    )  # fmt: skip
    with pytest.raises(Invalid, match=r"^snapshot 7 cannot be read \("):
        read_model(stored)
