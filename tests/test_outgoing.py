"""The one exit path: every way a summary leaves is rebuilt, guarded on what leaves, delivered.

Covers issue 10's findings on the core and the command line: a stale build never leaves, the
guard reads exactly what leaves (each format, the PDF too), reviewed sentences stop nagging
until their words change, a snapshot is saved only through the guard, and a snapshot shown or
compared later is checked again.
"""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from actionplan import plan
from actionplan.cli import main
from actionplan.config import Config
from actionplan.db import Database
from actionplan.guard import scan
from actionplan.models import Client, Item, Snapshot
from actionplan.plan.guarding import Review, change_allow_list, review
from actionplan.summary.guarding import flags_for, guard_setup
from actionplan.summary.outgoing import FORMATS, Changed, Flagged, prepare, release

TODAY = date(2026, 11, 23)
CONFIG = Config(name="Ana Account")
AUTHOR = "Tester"


def add(db: Database, title: str, client: str = "Acme", **values: Any) -> int:
    with db.session() as s:
        made = plan.add_item(session=s, author=AUTHOR, client=client, title=title, **values)
        assert made.id is not None
        return made.id


def build(db: Database, fmt: str = "md", client: str = "Acme"):
    with db.session() as s:
        return prepare(session=s, client=client, fmt=fmt, today=TODAY, config=CONFIG)


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
        review(
            session=s,
            client="Acme",
            author=AUTHOR,
            reviews=[Review(item_id, flag.fingerprint, flag.sentence, flag.rule)],
        )
    assert build(db).flags == () and len(build(db).reviewed) == 1
    with db.session() as s:  # the history says who reviewed what
        from actionplan.models import HistoryEvent

        events = s.exec(select(HistoryEvent).where(HistoryEvent.field == "reviewed")).all()
        assert [(e.author, e.new) for e in events] == [(AUTHOR, "We won't fix it.")]
        plan.undo(session=s, author=AUTHOR)
    assert len(build(db).flags) == 1  # undone: it nags again
    with db.session() as s:
        review(
            session=s,
            client="Acme",
            author=AUTHOR,
            reviews=[Review(item_id, flag.fingerprint, flag.sentence, flag.rule)],
        )
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
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory, markers: list[str], fmt: str
) -> None:
    import shutil

    from actionplan.db import open_database

    path = tmp_path_factory.mktemp("plan") / "plan.db"
    shutil.copy(sqlite_template, path)
    db = open_database(str(path))
    try:
        with db.session() as s:
            plan.save_person(session=s, name=f"Jo {markers[3]}", team="Network team", side="us")
        add(db, "Renew the certificates", internal_note=markers[0], owner=f"Jo {markers[3]}")
        add(db, f"{markers[1]} capacity", visibility="internal", client_note="fine")
        add(db, "Migrate mail", escalated=True, escalation_reason=f"{markers[2]} is unhappy")
        out = send(db, fmt, force=True)
    finally:
        db.dispose()
    text = "".join(out.text.split())
    for marker in markers:
        assert marker not in text
        assert marker.encode() not in out.content


# --- the command line --------------------------------------------------------------------------


class Cli:
    def __init__(self, capsys: pytest.CaptureFixture[str], database: Database) -> None:
        self.capsys = capsys
        self.db = (
            str(database.url.database)
            if database.is_sqlite
            else database.url.render_as_string(hide_password=False)
        )

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--db", self.db, *args])
        out, err = self.capsys.readouterr()
        return code, out, err


def snapshot_count(db: Database) -> int:
    with db.session() as s:
        return len(s.exec(select(Snapshot)).all())


def test_summary_save_without_force_saves_nothing_when_the_guard_objects(
    db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    add(db, "Patch the VPN", client_note="Don't tell the client it failed.")
    cli = Cli(capsys, db)
    code, _, err = cli("summary", "Acme", "--save", "-o", str(tmp_path / "s.md"))
    assert code == 1 and "leak guard" in err and "keeps something from the client" in err
    assert snapshot_count(db) == 0 and not (tmp_path / "s.md").exists()
    code, _, err = cli("summary", "Acme", "--save", "--force", "-o", str(tmp_path / "s.md"))
    assert code == 0 and "let through (--force)" in err
    assert snapshot_count(db) == 1
    assert stat.S_IMODE((tmp_path / "s.md").stat().st_mode) == 0o600


def test_a_snapshot_shown_or_compared_later_is_checked_again(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    add(db, "Patch the VPN", client_note="Fine for now.")
    cli = Cli(capsys, db)
    assert cli("summary", "Acme", "--save")[0] == 0
    assert cli("summary", "Acme", "--save")[0] == 0
    own = Path(__import__("os").environ["ACTIONPLAN_CONFIG"]).parent / "deny-list.txt"
    own.write_text("fine for now\n", encoding="utf-8")  # a phrase added since
    code, out, err = cli("snapshots", "Acme", "--show", "1")
    assert code == 1 and out == "" and "fine for now" in err.lower()
    code, out, err = cli("snapshots", "Acme", "--compare", "1", "2")
    assert code == 0  # nothing changed between them: the comparison names no item
    code, out, err = cli("snapshots", "Acme", "--show", "1", "--force")
    assert code == 0 and "Fine for now." in out and "let through" in err


def test_guard_commands_check_text_allow_terms_and_review(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    item_id = add(db, "Patch the VPN", client_note="Tracked in HD-2231. We won't fix it.")
    cli = Cli(capsys, db)
    code, out, _ = cli("guard", "check", "INC0012345 is", "ours")
    assert code == 1 and "ticket" in out
    assert cli("guard", "check", "All patched on Friday.")[0] == 0
    assert cli("guard", "allow", "Acme", "HD-")[1].strip() == "HD-"
    code, out, _ = cli("guard", "review", "Acme")
    assert code == 0 and "We won't fix it." in out
    assert cli("summary", "Acme")[0] == 0
    code, out, _ = cli("guard", "review", "Acme", "--list")
    assert f"#{item_id}" in out and "We won't fix it." in out
    assert cli("undo")[0] == 0
    assert cli("summary", "Acme")[0] == 1
    with db.session() as s:  # nothing about the item itself changed
        found = s.get(Item, item_id)
        assert found is not None and found.version == 1


def test_the_client_calendar_goes_through_the_guard(
    db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    add(db, "Renew the certificate", due=date(2026, 11, 27), client_note="See OPS-4411.")
    cli = Cli(capsys, db)
    out_file = tmp_path / "acme.ics"
    code, _, err = cli("export", "--format", "ics", "--client", "Acme", "-o", str(out_file))
    assert code == 1 and "OPS-4411" in err and not out_file.exists()
    code, _, err = cli(
        "export", "--format", "ics", "--client", "Acme", "--force", "-o", str(out_file)
    )
    assert code == 0 and "let through" in err and out_file.exists()
    assert cli("export", "--format", "ics", "--client", "Acme", "--internal")[0] == 0


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
        review(
            session=s,
            client="Acme",
            author=AUTHOR,
            reviews=[Review(first, host.fingerprint, host.sentence, host.rule)],
        )
    assert [f.rule for f in build(db).flags] == ["staffing"]  # the other finding still nags
    add(db, "Build two", client_note="Host build01.corp is ready but we are understaffed.")
    assert sorted((f.item, f.rule) for f in build(db).flags if f.rule == "host") == [
        (first + 1, "host")
    ]  # the same words in another item are not reviewed


def test_an_html_entity_in_a_note_shows_as_typed_in_markdown(db: Database) -> None:
    add(db, "Firewall", client_note="Ask &#68;ana, see build01&#46;corp.")
    out = build(db)
    assert "&amp;#68;ana" in out.markdown and "Dana" not in out.text
