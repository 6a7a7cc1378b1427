"""Honest dates (issue 14): an item due later than the client was told shows both dates in
every written format until a sent summary carries the new one; that summary's changes say
"was, now" once, and later summaries show only the date. The talk track says the same."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from actionplan import plan
from actionplan.db import Database
from tests import support
from tests.support import AUTHOR
from tests.support.plans import CLIENT, rendered, save_sent, summarise

add = partial(support.add, client=CLIENT)
FORMATS = ("md", "txt", "html", "pdf")


def _both(text: str) -> bool:
    return "22 Dec, promised 11 Dec" in " ".join(text.split())


def test_a_slip_never_told_shows_both_dates_everywhere(db: Database) -> None:
    with db.session() as s:
        add(s, "Replace the firewall", due=date(2026, 12, 22), committed=date(2026, 12, 11))
        summary = summarise(s)
    for fmt in FORMATS:
        assert _both(rendered(summary, fmt)), fmt
    talk = rendered(summary, "talk")
    assert "Replace the firewall has moved from 11 Dec to 22 Dec." in talk


def test_once_a_sent_summary_carries_the_new_date_only_the_date_shows(db: Database) -> None:
    with db.session() as s:
        item = add(s, "Replace the firewall", due=date(2026, 12, 11), committed=date(2026, 12, 11))
        save_sent(s, summarise(s))  # told: 11 Dec
        plan.set_due(session=s, item_id=item, due=date(2026, 12, 22), author=AUTHOR)
        moved = summarise(s)
        assert [m.was for m in moved.moved] == [date(2026, 12, 11)]
        for fmt in FORMATS:
            text = rendered(moved, fmt)
            assert _both(text) and "was 11 Dec, now 22 Dec" in " ".join(text.split()), fmt
        save_sent(s, moved)  # told: 22 Dec
        later = summarise(s)
    assert later.moved == []
    for fmt in (*FORMATS, "talk"):
        text = " ".join(rendered(later, fmt).split())
        assert "promised" not in text and "was 11 Dec" not in text and "moved from" not in text
        assert "22 Dec" in text or fmt == "talk"


@pytest.mark.parametrize(
    ("due", "committed", "shown"),
    [
        (date(2026, 12, 5), date(2026, 12, 11), "5 Dec"),  # earlier than told: good news only
        (date(2026, 12, 11), date(2026, 12, 11), "11 Dec"),  # as told
        (date(2026, 12, 22), None, "22 Dec"),  # never told a date
    ],
)
def test_no_promise_is_shown_when_the_date_is_not_later_than_told(
    db: Database, due: date, committed: date | None, shown: str
) -> None:
    with db.session() as s:
        add(s, "Replace the firewall", due=due, committed=committed)
        summary = summarise(s)
    assert summary.plan[0].promised is None
    assert f"| {shown} |" in rendered(summary, "md")


def test_a_finished_item_shows_no_promise(db: Database) -> None:
    with db.session() as s:
        item = add(s, "Replace the firewall", due=date(2026, 12, 22), committed=date(2026, 12, 11))
        plan.move_item(session=s, item_id=item, status="done", author=AUTHOR)
        summary = summarise(s)
    assert "promised" not in rendered(summary, "md")
