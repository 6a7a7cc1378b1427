"""Nothing internal leaves a summary, in any format, on either database; and the leak guard
finds what reads as internal."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session

from actionplan import plan
from actionplan.db import Database
from actionplan.summary.compare import compare, render_comparison
from actionplan.summary.model import Summary, build_summary
from actionplan.summary.source import snapshots
from tests import support
from tests.support import AUTHOR, TODAY, fresh_sqlite
from tests.support.plans import CLIENT, all_outputs, save_sent, summarise

add = partial(support.add, client=CLIENT)  # every item is CLIENT's


MARKER = st.from_regex(r"ZQ[A-Z]{6}", fullmatch=True)


def build_plan_with_secrets(session: Session, m: list[str], status: str = "planned") -> None:
    """A plan whose every internal thing carries a marker; nothing client-facing does.

    m[0] internal note, m[1] internal-only title, m[2] internal-only client note, m[3] dropped
    title, m[4] escalation reason, m[5] our person with a team, m[6] our person without one
    (created by naming them as an owner), m[7] a deleted item's title.
    """
    plan.save_person(session=session, name=f"{m[5]} Smith", team="Service desk", side="us")
    plan.save_person(session=session, name="Maria Lopez", side="client")
    waiting = {"waiting_on": "client"} if status == "waiting" else {}
    add(
        session,
        "Replace the core switch",
        owner=f"{m[5]} Smith",
        due=TODAY - timedelta(days=3),
        status=status,
        client_note="Parts ordered",
        internal_note=f"*{m[0]}* | [x] <b>{m[0]}</b>",
        **waiting,
    )
    add(
        session,
        "Sign the diagram",
        owner="Maria Lopez",
        due=TODAY + timedelta(days=2),
        status="waiting",
        waiting_on="client",
        internal_note=m[0],
    )
    add(
        session,
        "Migrate mail",
        owner=f"Jo {m[6]}",
        due=TODAY + timedelta(days=1),
        escalated=True,
        escalation_reason=f"{m[4]} is furious",
    )
    add(
        session,
        f"{m[1]} capacity plan",
        visibility="internal",
        client_note=f"{m[2]} note",
        due=TODAY,
        owner=f"{m[5]} Smith",
    )
    add(session, f"{m[3]} old project", status="dropped", due=TODAY + timedelta(days=1))
    done_secret = plan.new_item(
        client=CLIENT,
        title=f"{m[1]} finished internal job",
        status="done",
        visibility="internal",
        done_at=datetime(2026, 11, 20, tzinfo=UTC),
    )
    plan.add_items(session=session, author=AUTHOR, items=[done_secret], summary=None)
    deleted = add(session, f"{m[7]} deleted", due=TODAY + timedelta(days=1))
    plan.delete_item(session=session, item_id=deleted, author=AUTHOR)


def assert_no_marker(summary: Summary, markers: list[str]) -> None:
    assert [ln.title for ln in summary.plan]  # there is something client-visible to leak into
    outputs = all_outputs(summary)
    # Compared with an empty snapshot, both ways, every item is named as new, then as gone.
    empty = build_summary(client=CLIENT, rows=[], previous=None, today=TODAY, prepared_by="")
    both_ways = [compare(empty, summary), compare(summary, empty)]
    outputs["compare"] = "".join(render_comparison(c) for c in both_ways)
    for fmt, text in outputs.items():
        squashed = "".join(text.split())  # a marker split by wrapping is still a leak
        for marker in markers:
            assert marker not in squashed, (fmt, marker)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    markers=st.lists(MARKER, min_size=8, max_size=8, unique=True),
    status=st.sampled_from(["planned", "doing", "waiting"]),
)
def test_nothing_internal_leaves_in_any_format(
    sqlite_template: Path, markers: list[str], status: str
) -> None:
    with fresh_sqlite(sqlite_template) as database, database.session() as s:
        build_plan_with_secrets(s, markers, status)
        summary = summarise(s)
    assert_no_marker(summary, markers)


def test_nothing_internal_leaves_on_either_database(db: Database) -> None:
    markers = [f"ZQSECRT{c}" for c in "ABCDEFGH"]
    with db.session() as s:
        build_plan_with_secrets(s, markers)
        summary = summarise(s)
        save_sent(s, summary)
        [stored] = snapshots(session=s, client=CLIENT)
    assert_no_marker(summary, markers)
    for marker in markers:
        assert marker not in stored.model_json
        assert marker not in stored.markdown


# --- 9. leak guard --------------------------------------------------------------------------------


def guard(session: Session) -> list[str]:
    """The leak guard's flags for today's summary, as "rule: found"."""
    from actionplan.config import load_config
    from actionplan.summary.outgoing import prepare

    out = prepare(session=session, client=CLIENT, fmt="md", today=TODAY, config=load_config())
    return [f"{flag.rule}: {flag.found}" for flag in out.flags]


@pytest.mark.parametrize(
    ("field", "text", "hit"),
    [
        ("client_note", "There is NO WAY we can do that", "refusal: NO WAY we"),
        ("client_note", "Won't fix before January", "refusal: Won't fix"),
        ("title", "Follow up ABC-123 with the vendor", "ticket: ABC-123"),
        (
            "client_note",
            "Details at https://acme.atlassian.net/browse/OPS-1.",
            "link: https://acme.atlassian.net/browse/OPS-1",
        ),
        ("client_note", "(see \\\\fs01\\finance)", "path: \\\\fs01\\finance"),
        ("title", "Ask Priya Patel for the diagram", "staff: Priya Patel"),
    ],
)
def test_the_leak_guard_finds_internal_sounding_text(
    sqlite_db: Database, field: str, text: str, hit: str
) -> None:
    with sqlite_db.session() as s:
        plan.save_person(session=s, name="Priya Patel", team="Network team", side="us")
        values = {"title": "Renew certificates", field: text}
        add(s, owner="Priya Patel", **values)
        assert guard(s) == [hit]


def test_the_leak_guard_leaves_client_names_and_ordinary_words_alone(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        plan.save_person(session=s, name="Maria Lopez", side="client")
        plan.save_person(session=s, name="Priya Patel", team="Network team", side="us")
        add(
            s,
            "Maria Lopez to approve the design",
            owner="Maria Lopez",
            client_note=(
                "The rack is nowhere near capacity; no wayside cabinets are needed. "
                "Blameless review, on Windows 11."
            ),
        )
        add(
            s,
            "Replace the core switch before the holidays",
            owner="Priya Patel",
            client_note="Patching is a priority; we will confirm the window by Friday.",
        )
        assert guard(s) == []


def test_the_users_own_deny_list_adds_phrases(sqlite_db: Database) -> None:
    own = Path(os.environ["ACTIONPLAN_CONFIG"]).parent / "deny-list.txt"
    own.write_text("# my words\nskunkworks\n", encoding="utf-8")
    with sqlite_db.session() as s:
        add(s, "Skunkworks migration")
        assert guard(s) == ["phrase: Skunkworks"]
        own.unlink()
        assert guard(s) == []


def test_the_leak_guard_flags_another_clients_contact_even_beside_an_item_nobody_owns(
    sqlite_db: Database,
) -> None:
    with sqlite_db.session() as s:
        plan.save_person(session=s, name="Gus Greene", side="client")
        support.add(s, "Globex audit", "Globex", owner="Gus Greene")
        plan.save_person(session=s, name="Gus Greene", client="Globex")
        plan.save_person(session=s, name="Maria Lopez", side="client")  # of no client yet
        add(s, "Maria Lopez to sign the diagram", owner="Maria Lopez")
        add(s, "Rack plan from Gus Greene")  # owned by nobody
        assert guard(s) == ["other-client: Gus Greene"]
