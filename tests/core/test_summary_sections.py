"""The client summary's sections, in order in every format, each saying "None" when empty."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from actionplan import plan
from actionplan.db import Database
from actionplan.summary.render import render
from tests import support
from tests.support import AUTHOR
from tests.support.plans import CLIENT, HEADINGS, build, rendered, section_bodies, summarise

add = partial(support.add, client=CLIENT)  # every item is CLIENT's


@pytest.mark.parametrize("fmt", ["md", "txt", "html", "pdf"])
def test_an_empty_plan_says_none_in_every_section_in_order(fmt: str) -> None:
    summary = build()
    bodies = section_bodies(rendered(summary, fmt), HEADINGS[fmt])
    assert "everything is on track" in bodies[0]
    assert "green" in bodies[0].lower()
    assert bodies[1:] == ["None"] * 4


def test_an_empty_client_is_green_everything_on_track_and_asks_nothing() -> None:
    summary = build()
    assert (summary.health.level, summary.health.reason) == ("green", "everything is on track")
    talk = str(render(summary, "talk"))
    assert "on track" in talk
    assert "Nothing is waiting on you right now." in talk


def test_a_client_with_nothing_client_visible_has_an_empty_summary(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        add(
            s,
            "Internal audit",
            visibility="internal",
            escalated=True,
            escalation_reason="x",
            due=date(2026, 10, 1),
        )
        add(s, "Abandoned idea", status="dropped", due=date(2026, 10, 1))
        plan.delete_item(
            session=s, item_id=add(s, "Deleted thing", due=date(2026, 10, 1)), author=AUTHOR
        )
        summary = summarise(s)
    assert summary.health.level == "green"
    bodies = section_bodies(rendered(summary, "md"), HEADINGS["md"])
    assert bodies[1:] == ["None"] * 4
