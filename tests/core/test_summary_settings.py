"""A client's summary settings (issue 14): next call, headline, intro and a health set by
hand; stored in one undoable operation, used by every format, guarded like any client text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from functools import partial

import pytest

from actionplan import plan
from actionplan.config import Config
from actionplan.db import Database
from actionplan.plan.settings import SummarySettings
from actionplan.summary.outgoing import Flagged, release
from tests import support
from tests.support import AUTHOR, TODAY
from tests.support.plans import CLIENT, rendered, summarise

add = partial(support.add, client=CLIENT)
setting = partial(plan.set_summary_settings, client=CLIENT, author=AUTHOR)


def test_settings_are_stored_in_one_operation_that_undo_reverts(db: Database) -> None:
    with db.session() as s:
        add(s, "Patch the VPN", due=date(2026, 11, 27))
        words = SummarySettings(
            next_call=date(2026, 11, 27),
            headline="Firewall this week",
            intro="Where we are.\n\nAnd what comes next.",
            health="amber",
            health_reason="The firewall waits on your change window",
        )
        client, changed = setting(session=s, settings=words)
        assert changed == ["next call", "headline", "intro", "health", "health reason"]
        assert (client.health, client.next_call) == ("amber", date(2026, 11, 27))
    with db.session() as s:
        plan.undo(session=s, author=AUTHOR)
    with db.session() as s:
        client = plan.find_client(session=s, name=CLIENT)
        assert client is not None
        assert (client.next_call, client.headline, client.intro, client.health) == (
            None,
            "",
            "",
            "auto",
        )


def test_nothing_differs_so_nothing_is_written(db: Database) -> None:
    with db.session() as s:
        add(s, "Patch the VPN")
        setting(session=s, settings=SummarySettings(headline="Hello"))
        _, changed = setting(session=s, settings=SummarySettings(headline="  Hello "))
    assert changed == []


@pytest.mark.parametrize(
    ("words", "says"),
    [
        (SummarySettings(health="red"), "needs the reason the client reads"),
        (SummarySettings(health="purple"), "health must be one of auto, green, amber, red"),
        (SummarySettings(headline="x" * 201), "headline is too long"),
        (SummarySettings(intro="x" * 2001), "intro is too long"),
    ],
)
def test_a_bad_setting_is_refused_in_one_line_and_nothing_is_saved(
    db: Database, words: SummarySettings, says: str
) -> None:
    with db.session() as s:
        add(s, "Patch the VPN")
        setting(session=s, settings=SummarySettings(intro="kept"))
        with pytest.raises(plan.Invalid, match=says):
            setting(session=s, settings=replace(words, next_call=TODAY))
        client = plan.find_client(session=s, name=CLIENT)
        assert client is not None
        assert (client.intro, client.next_call, client.health) == ("kept", None, "auto")


def test_a_health_set_by_hand_leads_and_the_computed_one_is_kept_beside_it(db: Database) -> None:
    with db.session() as s:
        add(s, "Patch the VPN", due=TODAY - timedelta(days=10), must=True)  # computed: red
        setting(
            session=s,
            settings=SummarySettings(health="amber", health_reason="Back on track by Friday"),
        )
        summary = summarise(s)
    assert (summary.health.level, summary.health.reason) == ("amber", "Back on track by Friday")
    assert summary.auto_health is not None and summary.auto_health.level == "red"
    for fmt in ("md", "txt", "html", "pdf"):
        text = rendered(summary, fmt)
        assert "Back on track by Friday" in text
        assert "a week or more late" not in text  # the computed reason never leaves beside it


def test_automatic_health_has_no_second_health(db: Database) -> None:
    with db.session() as s:
        add(s, "Patch the VPN", due=TODAY + timedelta(days=3))
        assert summarise(s).auto_health is None


def test_headline_and_intro_open_every_written_format(db: Database) -> None:
    with db.session() as s:
        add(s, "Patch the VPN", due=TODAY + timedelta(days=3))
        setting(
            session=s,
            settings=SummarySettings(
                headline="Laptops arrive this week", intro="First part.\n\nSecond part."
            ),
        )
        summary = summarise(s)
    for fmt in ("md", "txt", "html", "pdf"):
        text = rendered(summary, fmt)
        head, intro1, intro2 = (
            text.upper().index("LAPTOPS ARRIVE THIS WEEK"),
            text.index("First part."),
            text.index("Second part."),
        )
        assert head < intro1 < intro2 < text.upper().index("HEALTH", head), fmt


def test_the_next_call_set_for_the_client_cuts_next_steps(db: Database) -> None:
    with db.session() as s:
        add(s, "Soon", due=TODAY + timedelta(days=2))
        add(s, "After the call", due=TODAY + timedelta(days=5))
        setting(session=s, settings=SummarySettings(next_call=TODAY + timedelta(days=3)))
        summary = summarise(s)
        assert summary.next_call == TODAY + timedelta(days=3)
        assert [ln.title for ln in summary.next_steps] == ["Soon"]
        # a call already past is not the next one: a week from today, as without one
        assert summarise(s, today=TODAY + timedelta(days=4)).next_call == TODAY + timedelta(days=11)
        # the command line's --next-call still wins
        assert summarise(s, next_call=TODAY + timedelta(days=9)).next_call == TODAY + timedelta(
            days=9
        )


def test_a_headline_that_sounds_internal_is_stopped_by_the_leak_guard(db: Database) -> None:
    with db.session() as s:
        add(s, "Patch the VPN", due=TODAY + timedelta(days=3))
        setting(
            session=s,
            settings=SummarySettings(headline="Honestly we dropped the ball on the VPN"),
        )
    for fmt in ("md", "txt", "html", "pdf"):
        with db.session() as s, pytest.raises(Flagged) as stopped:
            release(
                session=s,
                client=CLIENT,
                fmt=fmt,
                today=TODAY,
                config=Config(name=AUTHOR),
                deliver=lambda o: None,
            )
        assert [f.field for f in stopped.value.pending] == ["headline"], fmt
