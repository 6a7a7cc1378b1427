"""The one exit path: every way a summary leaves is rebuilt, guarded on what leaves, delivered.

Covers issue 10's findings on the core: a stale build never leaves, the guard reads exactly what
leaves (each format, the PDF too), reviewed sentences stop nagging until their words change, and
nothing internal leaves through it (the command line's side: tests/cli/test_outgoing.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from actionplan import plan
from actionplan.config import Config
from actionplan.db import Database
from actionplan.guard import scan
from actionplan.models import Client
from actionplan.plan.guarding import Review, change_allow_list, review
from actionplan.summary.guarding import flags_for, guard_setup
from actionplan.summary.outgoing import FORMATS, Changed, Flagged, prepare, release
from tests.support import AUTHOR, TODAY, add, fresh_sqlite, person

CONFIG = Config(name="Ana Account")


def build(db: Database, fmt: str = "md", client: str = "Acme"):
    with db.session() as s:
        return prepare(session=s, client=client, fmt=fmt, today=TODAY, config=CONFIG)


def mark_reviewed(session: Session, item_id: int, flag: Any) -> None:
    """The user reviews a flagged sentence of an item of Acme's: it may leave as it is."""
    review(
        session=session,
        client="Acme",
        author=AUTHOR,
        reviews=[Review(item_id, flag.fingerprint, flag.sentence, flag.rule)],
    )


def send(db: Database, fmt: str = "md", **kw: Any):
    with db.session() as s:
        out, _ = release(
            session=s,
            client="Acme",
            fmt=fmt,
            today=TODAY,
            config=CONFIG,
            deliver=lambda o: o.content,
            **kw,
        )
        return out


# --- a stale build never leaves -----------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    ["visibility", "note", "delete", "rename"],
)
def test_what_changed_since_the_preview_never_leaves(db: Database, change: str) -> None:
    item_id = add(db, "Renew the firewall licence", client_note="On track for Friday.")
    shown = build(db)
    with db.session() as s:  # another person, on another connection
        if change == "visibility":
            plan.edit_item(session=s, item_id=item_id, author="Ben", visibility="internal")
        elif change == "note":
            plan.edit_item(session=s, item_id=item_id, author="Ben", client_note="Late again.")
        elif change == "delete":
            plan.delete_item(session=s, item_id=item_id, author="Ben")
        else:
            s.execute(sa.update(Client).values(name="Acme Group"))
            s.commit()
    delivered: list[bytes] = []
    with db.session() as s, pytest.raises((Changed, plan.NotFound)) as caught:
        release(
            session=s,
            client="Acme",
            fmt="md",
            today=TODAY,
            config=CONFIG,
            deliver=delivered.append,
            shown=shown.digest,
        )
    assert delivered == []
    if isinstance(caught.value, Changed):  # what the preview shows next
        assert caught.value.outgoing.digest != shown.digest
        if change == "visibility":
            assert "Renew the firewall" not in caught.value.outgoing.markdown


def test_an_unchanged_plan_leaves_as_shown(db: Database) -> None:
    add(db, "Renew the firewall licence")
    shown = build(db)
    assert send(db, shown=shown.digest).content == shown.content


# --- the guard reads exactly what leaves ---------------------------------------------------------


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "talk"])
def test_every_format_is_guarded_on_its_own_text(db: Database, fmt: str) -> None:
    add(db, "Patch the VPN", client_note="See INC0012345; there is no way we are fixing it.")
    out = build(db, fmt)
    assert {f.rule for f in out.flags} >= {"ticket", "refusal"}
    assert "INC0012345" in out.text  # the guard read the text this format carries
    with pytest.raises(Flagged):
        send(db, fmt)


def test_the_talk_track_is_judged_on_what_it_says(db: Database) -> None:
    add(db, "Patch the VPN", client_note="See INC0012345.")  # a talk track reads no notes
    assert build(db, "talk").flags == ()
    add(db, "Ask Jo", due=date(2026, 11, 20), status="waiting", waiting_on="client")
    add(db, "Close OPS-4411", due=date(2026, 11, 20), status="waiting", waiting_on="client")
    talk = build(db, "talk")
    assert "OPS-4411" in talk.text and [f.found for f in talk.flags] == ["OPS-4411"]


def test_the_pdf_is_guarded_on_the_words_it_prints(db: Database) -> None:
    add(db, "Ask tom.becker@northbeam.io", client_note="Host is fs01.corp")
    out = build(db, "pdf")
    assert out.content.startswith(b"%PDF")
    assert {f.found for f in out.flags} >= {"tom.becker@northbeam.io", "fs01.corp"}


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "pdf"])
def test_every_shape_in_a_whole_document_is_flagged_though_each_field_is_read_once(
    db: Database, fmt: str
) -> None:
    # Shapes in titles, notes and owners, in every section a format has (done, moved, the
    # plan, the asks, next steps), and one in the layout itself, outside any field.
    add(db, "Close OPS-4411 for the team", status="done", due=date(2026, 11, 20))
    add(db, "Move the share", client_note="Now on \\\\fs01\\scans for the team.")
    moved = add(db, "Patch the fs02.corp hosts", due=date(2026, 11, 25))
    with db.session() as s:
        plan.edit_item(session=s, author=AUTHOR, item_id=moved, due=date(2026, 12, 9))
    add(db, "Send the 10.0.4.12 report", due=date(2026, 11, 24), owner="Helpdesk crew")
    add(db, "Confirm the window", status="waiting", waiting_on="client", client_note="Ask tb@x.io")
    out = build(db, fmt)
    text = out.text + "\nRaised from #noc-alerts by the rota\n"
    with db.session() as s:
        client = s.exec(select(Client).where(Client.name == "Acme")).one()
        setup = guard_setup(session=s, client=client, config=CONFIG)
    pending, _ = flags_for(out.summary, text, setup)
    found = {(f.rule, f.found) for f in pending}
    whole = {(f.rule, f.found) for f in scan(text, setup.context, tone=False, wording=False)}
    missed = {(rule, words) for rule, words in whole if not any(words in w for _, w in found)}
    assert not missed, missed
    assert ("chat", "#noc-alerts") in found  # the layout's own words are read too
    assert any(f.item and f.found == "OPS-4411" for f in pending)  # placed in its item


def test_a_flag_the_user_accepted_goes_but_a_new_one_stops_it_again(db: Database) -> None:
    item_id = add(db, "Patch the VPN", client_note="In OPS-4411.")
    flagged = build(db)
    accepted = frozenset(f.key for f in flagged.flags)
    assert send(db, accepted=accepted, shown=flagged.digest)
    with db.session() as s:
        plan.edit_item(
            session=s, item_id=item_id, author=AUTHOR, client_note="In OPS-4411. Also OPS-9."
        )
    with pytest.raises(Flagged) as caught:
        send(db, accepted=accepted)
    assert [f.found for f in caught.value.pending] == ["OPS-9"]


def test_a_reviewed_sentence_stops_nagging_until_its_words_change(db: Database) -> None:
    item_id = add(db, "Patch the VPN", client_note="No way around the outage. We won't fix it.")
    [flag] = build(db).flags
    assert flag.sentence == "We won't fix it."
    with db.session() as s:
        mark_reviewed(s, item_id, flag)
    assert build(db).flags == () and len(build(db).reviewed) == 1
    with db.session() as s:  # the history says who reviewed what
        from actionplan.models import HistoryEvent

        events = s.exec(select(HistoryEvent).where(HistoryEvent.field == "reviewed")).all()
        assert [(e.author, e.new) for e in events] == [(AUTHOR, "We won't fix it.")]
        plan.undo(session=s, author=AUTHOR)
    assert len(build(db).flags) == 1  # undone: it nags again
    with db.session() as s:
        mark_reviewed(s, item_id, flag)
        plan.edit_item(
            session=s,
            item_id=item_id,
            author=AUTHOR,
            client_note="No way around the outage. We won't fix it, ever.",
        )
    assert len(build(db).flags) == 1  # new words: reviewed again before it leaves


def test_the_allow_list_is_per_client(db: Database) -> None:
    add(db, "Close KES-4411", client="Acme")
    add(db, "Close KES-4411", client="Bravo")
    with db.session() as s:
        assert change_allow_list(session=s, client="Acme", add=["KES-"]) == ["KES-"]
    assert build(db).flags == ()
    assert [f.found for f in build(db, client="Bravo").flags] == ["KES-4411"]
    with db.session() as s, pytest.raises(plan.Invalid):
        change_allow_list(session=s, client="Acme", remove=["nope"])


def test_the_health_line_never_mentions_our_escalations(db: Database) -> None:
    add(db, "Patch the VPN", escalated=True, escalation_reason="CFO is furious")
    out = build(db)
    assert "escalat" not in out.markdown.lower() and "management" not in out.markdown.lower()


# --- nothing internal leaves, through the exit path, in any format ------------------------------

MARKER = st.text(alphabet="QZXJKW", min_size=6, max_size=10).map(lambda s: f"Z{s}Q")


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(markers=st.lists(MARKER, min_size=4, max_size=4, unique=True), fmt=st.sampled_from(FORMATS))
def test_no_internal_marker_leaves_through_release(
    sqlite_template: Path, markers: list[str], fmt: str
) -> None:
    with fresh_sqlite(sqlite_template) as db:
        person(db, f"Jo {markers[3]}", "Network team", "us")
        add(db, "Renew the certificates", internal_note=markers[0], owner=f"Jo {markers[3]}")
        add(db, f"{markers[1]} capacity", visibility="internal", client_note="fine")
        add(db, "Migrate mail", escalated=True, escalation_reason=f"{markers[2]} is unhappy")
        out = send(db, fmt, force=True)
    text = "".join(out.text.split())
    for marker in markers:
        assert marker not in text
        assert marker.encode() not in out.content


# --- found in review (a second pair of eyes on the leak paths) ---------------------------------


def test_a_short_or_long_allow_list_term_lets_through_only_its_own_words(db: Database) -> None:
    with db.session() as s:
        plan.save_person(session=s, name="Dana Staff", team="Network team", side="us")
    add(db, "Firewall", client_note="Dana Staff is on it. We are understaffed this week.")
    with db.session() as s:
        change_allow_list(session=s, client="Acme", add=["st", "Danaher Tools"])
    found = {f.found for f in build(db).flags}
    assert {"Dana Staff", "understaffed"} <= found


def test_our_people_named_in_a_team_are_caught_in_the_owner_column(db: Database) -> None:
    with db.session() as s:
        plan.save_person(
            session=s, name="Erin Walsh", team="Erin Walsh (escalations desk)", side="us"
        )
    add(db, "Firewall review", owner="Erin Walsh")
    assert [(f.field, f.found) for f in build(db).flags] == [("owner", "Erin Walsh")]


def test_a_review_covers_its_item_and_its_kind_of_finding_only(db: Database) -> None:
    first = add(db, "Build", client_note="Host build01.corp is ready but we are understaffed.")
    flags = build(db).flags
    host = next(f for f in flags if f.rule == "host")
    with db.session() as s:
        mark_reviewed(s, first, host)
    assert [f.rule for f in build(db).flags] == ["staffing"]  # the other finding still nags
    add(db, "Build two", client_note="Host build01.corp is ready but we are understaffed.")
    assert sorted((f.item, f.rule) for f in build(db).flags if f.rule == "host") == [
        (first + 1, "host")
    ]  # the same words in another item are not reviewed


def test_an_html_entity_in_a_note_shows_as_typed_in_markdown(db: Database) -> None:
    add(db, "Firewall", client_note="Ask &#68;ana, see build01&#46;corp.")
    out = build(db)
    assert "&amp;#68;ana" in out.markdown and "Dana" not in out.text
