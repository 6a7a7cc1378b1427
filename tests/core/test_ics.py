"""The calendar feed: parsed back with the icalendar package, stable, escaped, never internal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import icalendar
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from actionplan import plan
from actionplan.db import Database
from actionplan.interchange.ics import export_ics, fold, render_ics
from actionplan.text import clean_block, clean_line
from tests.support import AUTHOR, TODAY, add
from tests.support.plans import calendar_name, calendar_plan, events


def feed(db: Database, client: str | None = None, *, internal: bool = False) -> str:
    with db.session() as s:
        return export_ics(session=s, client=client, internal=internal)


def physical_lines(text: str) -> list[bytes]:
    data = text.encode("utf-8")
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    assert not any(b"\n" in line or b"\r" in line for line in lines), "bare LF or CR"
    return lines


@pytest.fixture
def busy(db: Database) -> dict[str, int]:
    return calendar_plan(db)


def exactly(text: str, busy: dict[str, int], wanted: list[str]) -> dict[str, icalendar.Event]:
    """The feed's events, which must be those of the ``wanted`` items of the plan and no other,
    by what the items are ("open", "waiting", ...)."""
    found = events(text)
    assert set(found) == {f"item-{busy[k]}@actionplan" for k in wanted}
    return {k: found[f"item-{busy[k]}@actionplan"] for k in wanted}


def open_event(event: icalendar.Event, owner: str, status: str) -> None:
    """The plan's open item is an event on its due day, titled with its client, described with
    its owner and status as given, then its client note."""
    assert event.decoded("DTSTART") == date(2026, 11, 27)
    assert event.decoded("DTEND") == date(2026, 11, 28)
    assert str(event["SUMMARY"]) == "Acme: Renew firewall licence"
    assert str(event["DESCRIPTION"]) == (
        f"Owner: {owner}\nStatus: {status}\n\nRenewal quote approved."
    )


def test_every_dated_open_item_is_an_all_day_event_and_nothing_else_internally(
    db: Database, busy: dict[str, int]
) -> None:
    wanted = ["open", "doing", "waiting", "internal", "beta"]
    found = exactly(feed(db, internal=True), busy, wanted)
    open_event(found["open"], owner="Priya Shah", status="planned")
    assert "Status: waiting (on client)" in str(found["waiting"]["DESCRIPTION"])


def test_the_default_feed_is_client_safe(db: Database, busy: dict[str, int]) -> None:
    """No internal-only, done, dropped or deleted item; owners and statuses in client words."""
    found = exactly(feed(db), busy, ["open", "doing", "waiting", "beta"])
    open_event(found["open"], owner="our team", status="Planned")
    waiting = str(found["waiting"]["DESCRIPTION"])
    assert "Status: Waiting on you" in waiting
    assert "Owner: to be assigned" in waiting
    text = feed(db).replace("\r\n ", "")
    for hidden in ("Chase vendor credit note", "Priya Shah", "SECRET", "PRIVATE", "Internal"):
        assert hidden not in text


def test_the_default_feed_names_owners_as_the_client_sees_them(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        plan.save_person(session=s, name="Priya Patel", team="Network team", side="us")
        plan.save_person(session=s, name="Sam Okafor", side="us")  # no team
        plan.save_person(session=s, name="Maria Lopez", side="client")
        plan.save_person(session=s, name="Olga Petrova", side="client")  # of no client yet
        plan.save_person(session=s, name="Tom Becker", company="Sentinel Ltd")
    everyone = ["Priya Patel", "Sam Okafor", "Maria Lopez", "Olga Petrova", "Tom Becker"]
    ids = {
        who: add(sqlite_db, f"Task for {n}", owner=who, due=TODAY) for n, who in enumerate(everyone)
    }
    with sqlite_db.session() as s:
        plan.save_person(session=s, name="Maria Lopez", client="Acme")  # Acme's own contact
    found = events(feed(sqlite_db))
    owners = {
        who: str(found[f"item-{ids[who]}@actionplan"]["DESCRIPTION"]).split("\n")[0] for who in ids
    }
    assert owners == {
        "Priya Patel": "Owner: Network team",
        "Sam Okafor": "Owner: our team",
        "Maria Lopez": "Owner: Maria Lopez",
        "Olga Petrova": "Owner: your team",
        "Tom Becker": "Owner: Sentinel Ltd",
    }
    text = feed(sqlite_db).replace("\r\n ", "")
    for name in ("Priya", "Patel", "Okafor", "Olga", "Tom Becker"):
        assert name not in text
    internal = feed(sqlite_db, internal=True).replace("\r\n ", "")
    assert "Priya Patel" in internal and "Tom Becker" in internal


def test_calendar_header_names_the_feed(db: Database, busy: dict[str, int]) -> None:
    cal = icalendar.Calendar.from_ical(feed(db, client="acme"))
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    assert "actionplan" in str(cal["PRODID"])
    assert calendar_name(feed(db, client="acme")) == "actionplan: Acme"
    assert str(cal["NAME"]) == "actionplan: Acme"


def test_the_internal_feed_says_internal_in_its_name(db: Database, busy: dict[str, int]) -> None:
    text = feed(db, client="acme", internal=True)
    assert calendar_name(text) == "actionplan: Acme (internal)"
    assert str(icalendar.Calendar.from_ical(text)["NAME"]) == "actionplan: Acme (internal)"
    assert calendar_name(feed(db, internal=True)) == "actionplan (internal)"
    assert calendar_name(feed(db)) == "actionplan"


def test_internal_notes_never_appear_but_internal_only_items_are_marked_private(
    db: Database, busy: dict[str, int]
) -> None:
    text = feed(db, internal=True)
    assert "SECRET" not in text.replace("\r\n ", "")
    event = events(text)[f"item-{busy['internal']}@actionplan"]
    assert str(event["CLASS"]) == "PRIVATE"
    assert "Internal only" in str(event["DESCRIPTION"])
    public = events(text)[f"item-{busy['open']}@actionplan"]
    assert "CLASS" not in public


def test_same_plan_gives_the_same_bytes_and_uids_survive_edits(
    db: Database, busy: dict[str, int]
) -> None:
    assert feed(db, internal=True) == feed(db, internal=True)
    first = feed(db)
    assert feed(db) == first
    with db.session() as s:
        plan.set_due(session=s, item_id=busy["open"], due=date(2026, 12, 4), author=AUTHOR)
    after = events(feed(db))
    assert set(after) == set(events(first))
    moved = after[f"item-{busy['open']}@actionplan"]
    assert moved.decoded("DTSTART") == date(2026, 12, 4)
    before = events(first)[f"item-{busy['open']}@actionplan"]
    assert int(moved["SEQUENCE"]) > int(before["SEQUENCE"])


def test_dtstamp_is_the_items_last_change_in_utc() -> None:
    row = _row(title="t", updated_at=datetime(2026, 11, 23, 9, 30, 5))
    stamp = events(render_ics([row]))["item-1@actionplan"].decoded("DTSTAMP")
    assert stamp == datetime(2026, 11, 23, 9, 30, 5, tzinfo=UTC)


def test_client_filter_keeps_one_client_case_insensitively(
    db: Database, busy: dict[str, int]
) -> None:
    found = events(feed(db, client="BETA"))
    assert set(found) == {f"item-{busy['beta']}@actionplan"}


def test_lines_are_crlf_and_folded_at_75_octets(db: Database) -> None:
    add(
        db,
        "Ünïcödé ✓ " * 15,
        due=TODAY,
        client_note="Zażółć gęślą jaźń; Καλημέρα, κόσμε 🎉🎉🎉 " * 20,
    )
    lines = physical_lines(feed(db))
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # no character was split across a fold
    assert any(line.startswith(b" ") for line in lines)  # it really was folded


def test_fold_keeps_short_lines_and_never_splits_a_character() -> None:
    assert fold("SUMMARY:short") == "SUMMARY:short"
    folded = fold("X:" + "€" * 60)
    parts = folded.encode("utf-8").split(b"\r\n")
    assert all(len(p) <= 75 for p in parts)
    assert [p.decode("utf-8") for p in parts]
    assert folded.replace("\r\n ", "") == "X:" + "€" * 60


def test_fold_slices_plain_ascii_at_75_then_74_plus_the_space() -> None:
    folded = fold("DESCRIPTION:" + "x" * 300)
    parts = folded.split("\r\n")
    assert [len(p) for p in parts[:-1]] == [75] * (len(parts) - 1)
    assert all(p.startswith(" ") for p in parts[1:])
    assert folded.replace("\r\n ", "") == "DESCRIPTION:" + "x" * 300


def test_control_characters_and_terminal_escapes_are_stripped() -> None:
    row = _row(title="Red\x1b[31m alert\x07", client_note="one\r\ntwo\x00\rthree\u202e")
    text = render_ics([row])
    assert "\x1b" not in text and "\x07" not in text and "\x00" not in text
    event = events(text)["item-1@actionplan"]
    assert str(event["SUMMARY"]) == "Acme: Red alert"
    assert str(event["DESCRIPTION"]).endswith("one\ntwo\nthree")


def test_an_empty_plan_is_an_empty_calendar(sqlite_db: Database) -> None:
    cal = icalendar.Calendar.from_ical(feed(sqlite_db))
    assert cal.walk("VEVENT") == []


# --- any text at all ----------------------------------------------------------------------------


def _row(**values: Any) -> dict[str, Any]:
    row = {
        "id": 1,
        "client_id": 1,
        "client": "Acme",
        "title": "title",
        "owner": None,
        "status": "planned",
        "waiting_on": None,
        "due": TODAY,
        "visibility": "client",
        "client_note": "",
        "internal_note": "",
        "must": True,
        "committed": None,
        "escalated": False,
        "escalation_reason": "",
        "owner_team": None,
        "owner_side": None,
        "owner_client_id": None,
        "owner_company": None,
        "vendor_names": "company",
        "updated_at": datetime(2026, 11, 23, 8, 0, tzinfo=UTC),
        "deleted_at": None,
        "version": 1,
    }
    row.update(values)
    return row


# Everything a user can type, with the characters RFC 5545 escapes and scripts beyond Latin-1;
# control characters are left out because the plan strips them before saving.
_TYPED = st.characters(blacklist_categories=("Cc", "Cs"))
_HARD = st.sampled_from([*",;:\\\n\"'", "\\n", "\\,", "🎉", "Zażółć", "Καλημέρα", "日本語"])
_TEXT = st.lists(st.one_of(_TYPED, _HARD), max_size=300).map("".join)


_MARKER = st.text(alphabet="ABCDEFGHJKMNPQRSTVWXYZ23456789", min_size=12, max_size=12)


Stored = tuple[str, str, str, str | None]


def stored(client: str, title: str, note: str, name: str, field: str) -> Stored:
    """What the plan would have stored (titles and names on one line, notes trimmed): the
    client, the title, the note, and a name (the ``field`` of an owner or a team)."""
    return (
        clean_line(client, field="client", max_len=10_000) or "Acme",
        clean_line(title, field="title", max_len=10_000) or "t",
        clean_block(note, field="note"),
        clean_line(name, field=field, max_len=10_000) or None,
    )


def any_stored_text(examples: int, field: str) -> Callable[[Callable[..., None]], Any]:
    """A property test over ``examples`` cases of ``texts``, any client, title, note and name as
    the plan would have stored them (the name the ``field`` of an owner or a team), and a
    ``marker`` to look for."""
    texts = st.builds(stored, _TEXT, _TEXT, _TEXT, _TEXT, st.just(field))
    checks = settings(
        max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    return lambda test: checks(given(texts=texts, marker=_MARKER)(test))


@any_stored_text(200, "owner")
def test_any_text_round_trips_through_icalendar_and_internal_notes_never_leak(
    texts: Stored, marker: str
) -> None:
    client, title, note, owner = texts
    row = _row(
        client=client,
        title=title,
        owner=owner,
        client_note=note,
        internal_note=f"INTERNAL-{marker} no way we fix this",
    )
    text = render_ics([row], calendar_name=f"actionplan: {client}", internal=True)
    event = events(text)["item-1@actionplan"]
    assert str(event["SUMMARY"]) == f"{client}: {title}"
    description = str(event["DESCRIPTION"])
    assert description.startswith(f"Owner: {owner or 'nobody'}\nStatus: planned")
    assert description.endswith(note)
    assert calendar_name(text) == f"actionplan: {client} (internal)"
    assert marker not in text.replace("\r\n ", "")
    assert all(len(line) <= 75 for line in physical_lines(text))


def one_line(text: str) -> str:
    return " ".join(text.split())


@any_stored_text(150, "team")
def test_the_client_feed_never_carries_internal_notes_items_or_our_names(
    texts: Stored, marker: str
) -> None:
    client, title, note, team = texts
    assume(marker not in client + title + note + (team or ""))
    secret = {
        "internal_note": f"INTERNAL-{marker} no way we fix this",
        "escalation_reason": f"CEO-{marker} is furious",
        "escalated": True,
    }
    rows = [
        _row(
            id=1,
            client=client,
            title=title,
            client_note=note,
            owner=f"Priya {marker}",
            owner_team=team,
            owner_side="us",
            **secret,
        ),
        _row(
            id=2,
            client=client,
            owner=f"Tom {marker}",
            owner_company="Sentinel Ltd",
            owner_side="vendor",
            **secret,
        ),  # a vendor contact
        _row(id=3, client=client, title=f"Capacity {marker}", visibility="internal", **secret),
        _row(id=4, client=client, owner=f"Sam {marker}", owner_side="us", **secret),
    ]
    text = render_ics(rows, calendar_name=f"actionplan: {client}")
    assert marker not in text.replace("\r\n ", "")
    found = events(text)
    assert set(found) == {"item-1@actionplan", "item-2@actionplan", "item-4@actionplan"}
    first = found["item-1@actionplan"]
    assert str(first["SUMMARY"]) == f"{one_line(client)}: {one_line(title)}"
    description = str(first["DESCRIPTION"])
    assert description.startswith(f"Owner: {one_line(team or '') or 'our team'}\nStatus: Planned")
    assert description.endswith(note)
    assert str(found["item-2@actionplan"]["DESCRIPTION"]).startswith("Owner: Sentinel Ltd\n")
    assert str(found["item-4@actionplan"]["DESCRIPTION"]).startswith("Owner: our team\n")
    assert "CLASS:PRIVATE" not in text
    assert all(len(line) <= 75 for line in physical_lines(text))
    assert render_ics(list(reversed(rows)), calendar_name=f"actionplan: {client}") == text
