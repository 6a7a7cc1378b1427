"""Calls ahead: every client with a call in the next days, with what to prepare for it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from actionplan.dates import DAYS, MONTHS
from actionplan.models import Client, HistoryEvent, Item, Snapshot, Status, WaitingOn

DAYS_MAX = 366
"""The widest window ``calls_ahead`` is asked for (the CLI's ``--days``)."""


@dataclass(frozen=True, slots=True)
class LastSent:
    """The last summary recorded as sent to a client (its latest snapshot)."""

    at: datetime
    format: str
    """How it left: md, txt, html, pdf, talk, docx, eml or copy."""
    recipients: tuple[str, ...]
    """To whom, one address or name each; empty when not known."""


@dataclass(frozen=True, slots=True)
class CallRow:
    """One client with a call ahead, and what the account manager needs for it."""

    client_id: int
    client: str
    next_call: date
    health: str
    """green, amber or red, as the client's summary shows it."""
    health_reason: str
    """The one-line reason the summary gives (client-facing)."""
    health_set: bool
    """The account manager set the health by hand (else it is computed)."""
    computed: str | None
    """The computed level when the health is set by hand and disagrees with it; else None."""
    untold: int
    """Open items whose date the client has not been told yet: the summary's lines with a
    ``promised`` date ("22 Dec, promised 11 Dec")."""
    asks: int
    """Open items the client's summary asks of them (waiting on the client)."""
    oldest_ask_days: int | None
    """Days the oldest ask has been waiting on the client; None without asks."""
    last_sent: LastSent | None


def calls_ahead(*, session: Session, today: date, days: int = 7) -> list[CallRow]:
    """Clients not archived with a next call from ``today`` to ``today + days`` (inclusive),
    soonest first, then by name.

    Health, slips not told and asks come from each client's summary as it would be built
    today (``summary.source.summary_for``), so the list and the document agree. Only the few
    clients with a call in the window are summarised.

    An ask's age counts from when the item last became waiting on the client: the latest
    history event setting its status to waiting or its waiting-on to the client, else (no
    such event, e.g. added as waiting) the day it was created.
    """
    from actionplan.summary.source import summary_for

    client = Client.__table__  # type: ignore[attr-defined]
    stmt = (
        sa.select(client.c.id, client.c.name, client.c.next_call)
        .where(
            client.c.archived_at.is_(None),
            client.c.next_call >= today,
            client.c.next_call <= today + timedelta(days=days),
        )
        .order_by(client.c.next_call, client.c.name)
    )
    found = session.execute(stmt).all()
    if not found:
        return []
    sent = last_sent_by_client(session, client_ids=[r[0] for r in found])
    summaries = [
        summary_for(session=session, client=name, today=today, prepared_by="")
        for _, name, _ in found
    ]
    waited = _waiting_since(session, [ln.key for s in summaries for ln in s.asks])
    rows = []
    for (client_id, name, next_call), summary in zip(found, summaries, strict=True):
        # The summary keeps the computed health beside one set by hand (``auto_health``).
        auto = summary.auto_health
        level = summary.health.level
        ages = [(today - waited[ln.key].date()).days for ln in summary.asks if ln.key in waited]
        rows.append(
            CallRow(
                client_id=client_id,
                client=name,
                next_call=next_call,
                health=level,
                health_reason=summary.health.reason,
                health_set=auto is not None,
                computed=auto.level if auto is not None and auto.level != level else None,
                untold=sum(1 for ln in summary.plan if ln.promised is not None),
                asks=len(summary.asks),
                oldest_ask_days=max(0, max(ages)) if ages else None,
                last_sent=sent.get(client_id),
            )
        )
    return rows


def _waiting_since(session: Session, item_ids: list[int]) -> dict[int, datetime]:
    """When each item last became waiting on the client (else when it was created)."""
    if not item_ids:
        return {}
    history = HistoryEvent.__table__  # type: ignore[attr-defined]
    item = Item.__table__  # type: ignore[attr-defined]
    became = sa.or_(
        sa.and_(history.c.field == "status", history.c.new == Status.WAITING.value),
        sa.and_(history.c.field == "waiting_on", history.c.new == WaitingOn.CLIENT.value),
    )
    stmt = (
        sa.select(history.c.item_id, sa.func.max(history.c.at))
        .where(history.c.item_id.in_(item_ids), became)
        .group_by(history.c.item_id)
    )
    since: dict[int, datetime] = dict(session.execute(stmt).all())
    created = sa.select(item.c.id, item.c.created_at).where(item.c.id.in_(item_ids))
    for item_id, at in session.execute(created):
        since.setdefault(item_id, at)
    return since


def last_sent_by_client(
    session: Session, *, client_ids: Iterable[int] | None = None
) -> dict[int, LastSent]:
    """Each client's last summary recorded as sent (its latest snapshot), by client id.

    Reads only the snapshots' time, format and recipients (never their stored documents), so
    it stays quick for every client at once.

    Args:
        client_ids: only these clients; None for every client.
    """
    snapshot = Snapshot.__table__  # type: ignore[attr-defined]
    latest = sa.select(sa.func.max(snapshot.c.id)).group_by(snapshot.c.client_id)
    if client_ids is not None:
        latest = latest.where(snapshot.c.client_id.in_(list(client_ids)))
    stmt = sa.select(
        snapshot.c.client_id, snapshot.c.created_at, snapshot.c.format, snapshot.c.recipients
    ).where(snapshot.c.id.in_(latest))
    return {
        client_id: LastSent(at, fmt, tuple(r for r in (recipients or "").splitlines() if r))
        for client_id, at, fmt, recipients in session.execute(stmt)
    }


def next_calls_by_client(session: Session, *, today: date) -> dict[int, date]:
    """Each client's next call still ahead (today or later), by client id."""
    client = Client.__table__  # type: ignore[attr-defined]
    stmt = sa.select(client.c.id, client.c.next_call).where(client.c.next_call >= today)
    return dict(session.execute(stmt).all())


def window_words(days: int) -> str:
    """The window in words: "today", "today or tomorrow", "in the next 7 days"."""
    if days == 0:
        return "today"
    if days == 1:
        return "today or tomorrow"
    return f"in the next {days} days"


def day_label(day: date | datetime, *, today: date) -> str:
    """A date as the calls list shows it: "Fri 27 Nov", with the year when not this year's
    ("Fri 8 Jan 2027")."""
    if isinstance(day, datetime):
        day = day.date()
    text = f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"
