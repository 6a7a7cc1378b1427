"""Calls ahead (issue 14): clients with a call in the next days, with the health their summary
shows, slips not yet told, asks of the client and the last summary sent, worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session

from actionplan import plan
from actionplan.calls import CallRow, calls_ahead, day_label, last_sent_by_client
from actionplan.db import Database
from actionplan.plan.snapshots import save_snapshot
from actionplan.queries import ItemFilter, list_items
from actionplan.rows import Slip
from actionplan.summary.model import client_visible
from actionplan.summary.source import mark_untold
from tests.support import AUTHOR, TODAY, FixedClock, add
from tests.support.plans import save_sent, summarise

SLIP_DUE, SLIP_TOLD = date(2026, 12, 22), date(2026, 12, 11)


def set_words(session: Session, client: str, **settings: object) -> None:
    plan.set_summary_settings(
        session=session,
        client=client,
        settings=plan.SummarySettings(**settings),  # type: ignore[arg-type]
        author=AUTHOR,
    )


def calls(session: Session, days: int = 7) -> list[CallRow]:
    return calls_ahead(session=session, today=TODAY, days=days)


def acme_call(session: Session) -> CallRow:
    (row,) = [r for r in calls(session) if r.client == "Acme"]
    return row


def untold_by_mark(session: Session, client: str) -> int:
    """Slips not told as the board counts them (``mark_untold``), over what the client sees."""
    rows = [
        r
        for r in list_items(session=session, where=ItemFilter(client=client))
        if client_visible(r) and r["status"].is_open
    ]
    slips: list[Slip] = [
        {"id": r["id"], "client_id": r["client_id"], "due": r["due"], "committed": r["committed"]}
        for r in rows
    ]  # type: ignore[typeddict-item]
    mark_untold(session=session, rows=slips)
    return sum(1 for s in slips if s["untold"])


def test_calls_in_the_window_soonest_first_archived_and_past_left_out(db: Database) -> None:
    with db.session() as s:
        for client in ("Acme", "Zeta", "Globex", "Initech", "Hooli", "Umbrella", "Quiet"):
            add(s, "Patch servers", client)
        set_words(s, "Zeta", next_call=TODAY + timedelta(days=3))
        set_words(s, "Acme", next_call=TODAY + timedelta(days=3))  # same day: by name
        set_words(s, "Umbrella", next_call=TODAY)  # today counts
        set_words(s, "Globex", next_call=TODAY + timedelta(days=10))  # next week but one
        set_words(s, "Hooli", next_call=TODAY - timedelta(days=1))  # past: no call ahead
        set_words(s, "Initech", next_call=TODAY + timedelta(days=1))
        plan.archive_client(session=s, name="Initech", author=AUTHOR, force=True)
        assert [r.client for r in calls(s)] == ["Umbrella", "Acme", "Zeta"]
        assert [r.client for r in calls(s, days=10)] == ["Umbrella", "Acme", "Zeta", "Globex"]
        assert [r.client for r in calls(s, days=0)] == ["Umbrella"]
        row = calls(s)[1]
    assert row.next_call == date(2026, 11, 26)
    assert (row.health, row.health_reason) == ("green", "everything is on track")
    assert (row.health_set, row.computed) == (False, None)
    assert (row.untold, row.asks, row.oldest_ask_days, row.last_sent) == (0, 0, None, None)


def test_health_set_by_hand_and_its_disagreement_with_the_computed_one(db: Database) -> None:
    with db.session() as s:
        add(s, "Replace the firewall", due=SLIP_DUE, committed=SLIP_TOLD)  # slipped: amber
        set_words(s, "Acme", next_call=TODAY + timedelta(days=3))
        computed = acme_call(s)
        assert (computed.health, computed.health_set, computed.computed) == ("amber", False, None)
        assert computed.health_reason == "1 item moved past the date we gave"
        set_words(s, "Acme", health="green", health_reason="On track for go-live")
        mine = acme_call(s)
        assert (mine.health, mine.health_reason) == ("green", "On track for go-live")
        assert (mine.health_set, mine.computed) == (True, "amber")
        assert summarise(s, "Acme").health.level == mine.health  # the summary's own health
        set_words(s, "Acme", health="amber", health_reason="One date moved")
        agreed = acme_call(s)
        assert (agreed.health, agreed.health_set, agreed.computed) == ("amber", True, None)


def test_slips_not_told_until_a_sent_summary_carries_them(db: Database) -> None:
    with db.session() as s:
        item = add(s, "Replace the firewall", due=SLIP_DUE, committed=SLIP_TOLD)
        add(s, "Renew licences", due=date(2026, 12, 1), committed=date(2026, 12, 1))  # on time
        add(s, "Capacity plan", due=SLIP_DUE, committed=SLIP_TOLD, visibility="internal")
        set_words(s, "Acme", next_call=TODAY + timedelta(days=3))
        assert acme_call(s).untold == 1 == untold_by_mark(s, "Acme")
        save_sent(s, summarise(s, "Acme"))  # the client is told 22 Dec
        told = acme_call(s)
        assert told.untold == 0 == untold_by_mark(s, "Acme")
        assert told.last_sent is not None and told.last_sent.format == "md"
        plan.set_due(session=s, item_id=item, due=date(2027, 1, 8), author=AUTHOR)
        assert acme_call(s).untold == 1 == untold_by_mark(s, "Acme")  # moved again


def test_asks_count_and_the_oldest_wait_from_when_it_became_waiting(
    db: Database, fixed_clock: FixedClock
) -> None:
    with db.session() as s:
        fixed_clock.at = datetime(2026, 11, 1, 9, tzinfo=UTC)
        later = add(s, "Sign the change window")  # added 1 Nov, planned
        fixed_clock.at = datetime(2026, 11, 13, 9, tzinfo=UTC)
        add(s, "Send the floor plan", status="waiting", waiting_on="client")  # 10 days
        add(s, "Quote from supplier", status="waiting", waiting_on="vendor")  # not an ask
        add(s, "Internal ask", status="waiting", waiting_on="client", visibility="internal")
        fixed_clock.at = datetime(2026, 11, 16, 9, tzinfo=UTC)
        plan.edit_item(
            session=s, item_id=later, author=AUTHOR, status="waiting", waiting_on="client"
        )  # waiting 7 days, though added 22 days ago
        fixed_clock.at = datetime(2026, 11, 23, 9, tzinfo=UTC)
        set_words(s, "Acme", next_call=TODAY + timedelta(days=2))
        row = acme_call(s)
        assert (row.asks, row.oldest_ask_days) == (2, 10)
        plan.edit_item(session=s, item_id=later + 1, author=AUTHOR, status="done")
        assert (acme_call(s).asks, acme_call(s).oldest_ask_days) == (1, 7)


def test_last_sent_is_the_latest_snapshot_with_its_format_and_recipients(
    db: Database, fixed_clock: FixedClock
) -> None:
    with db.session() as s:
        add(s, "Patch servers")
        add(s, "Patch servers", "Globex")
        set_words(s, "Acme", next_call=TODAY + timedelta(days=4))
        model = summarise(s, "Acme").to_json()
        fixed_clock.at = datetime(2026, 11, 20, 15, tzinfo=UTC)
        save_snapshot(session=s, client="Acme", model=model, markdown="x", author=AUTHOR)
        fixed_clock.at = datetime(2026, 11, 23, 10, tzinfo=UTC)
        recipients = ["ana@acme.example", "Bo Lind"]
        save_snapshot(
            session=s,
            client="Acme",
            model=model,
            markdown="x",
            author=AUTHOR,
            sent_as="pdf",
            recipients=recipients,
        )
        sent = acme_call(s).last_sent
        assert sent is not None
        assert (sent.format, sent.recipients) == ("pdf", ("ana@acme.example", "Bo Lind"))
        assert day_label(sent.at, today=TODAY) == "Mon 23 Nov"
        every = last_sent_by_client(s)
        acme = plan.find_client(session=s, name="Acme")
        assert acme is not None and set(every) == {acme.id}  # Globex never sent one


def test_day_labels_give_the_year_only_when_it_is_not_this_years() -> None:
    assert day_label(date(2026, 11, 27), today=TODAY) == "Fri 27 Nov"
    assert day_label(datetime(2026, 11, 23, 10, tzinfo=UTC), today=TODAY) == "Mon 23 Nov"
    assert day_label(date(2027, 1, 8), today=TODAY) == "Fri 8 Jan 2027"
