"""The triage queue: open items that need attention, worst first, each with its reasons.

The rules, for one item, are in ``triage_rules``. :func:`triage_queue` applies them to a whole
plan mostly in SQL, so that 50,000 items cost only small rows of numbers; a test checks that
both give the same queue. Here too: what the triage card shows of an item, and snoozing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

import sqlalchemy as sa
from sqlmodel import Session, col, select

from actionplan import plan
from actionplan.history import SIDE_EFFECTS, describe_event
from actionplan.known import no_client
from actionplan.models import HistoryEvent, Item, Status
from actionplan.plan import Invalid, NotFound
from actionplan.plan.dependencies import blockers_of
from actionplan.queries import CLOSED_STATUSES, archived_client_ids, item_select, person_names
from actionplan.rows import Slip, TriageRow
from actionplan.triage_rules import (
    SOON_DAYS,
    STALE_DAYS,
    TIER_LATE_MUST,
    TIER_LATE_NICE,
    TIER_NOBODY,
    TIER_SOON,
    TIER_STALE,
    TIER_UNTOLD,
    TIER_WAITING,
    WAIT_DAYS,
    Entry,
    reasons_for,
)


@dataclass(frozen=True)
class Change:
    """One recorded change of an item, for the triage card's recent history."""

    at: datetime
    author: str
    text: str
    """The change in words: "due: 2026-11-20 → 2026-11-28", "owner: none → Ana"."""


@dataclass(frozen=True)
class Detail:
    """Everything the triage card shows of one item, read at one moment."""

    row: TriageRow
    """The item as :func:`item_rows` reads it."""
    reasons: tuple[str, ...]
    changes: list[Change]
    """The latest changes, newest first."""


# --- reading -------------------------------------------------------------------------------------


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def _waiting_since() -> sa.ColumnElement[Any]:
    """When a waiting item last became waiting (its last status change to waiting, else when
    it was added); NULL for other statuses."""
    item = Item.__table__  # type: ignore[attr-defined]
    history = HistoryEvent.__table__  # type: ignore[attr-defined]
    entered = (
        sa.select(sa.func.max(history.c.at))
        .where(
            history.c.item_id == item.c.id,
            history.c.field == "status",
            history.c.new == Status.WAITING.value,
        )
        .scalar_subquery()
    )
    return sa.case(
        (item.c.status == Status.WAITING.value, sa.func.coalesce(entered, item.c.created_at)),
        else_=None,
    )


def _days_since(session: Session, today: date, value: sa.ColumnElement[Any]) -> Any:
    """Whole days from a date or (UTC) timestamp column to ``today``, computed by the database
    (so ranking 50,000 items does not build 50,000 Python dates)."""
    day = sa.literal(today, sa.Date)
    is_date = isinstance(value.type, sa.Date)
    if session.get_bind().dialect.name == "sqlite":
        # Dates and timestamps are ISO text in UTC; date() drops a timestamp's time of day.
        days = sa.func.julianday(value if is_date else sa.func.date(value))
        return sa.cast(sa.func.julianday(day) - days, sa.Integer)
    if is_date:
        return day - value
    return day - sa.cast(sa.func.timezone("UTC", value), sa.Date)


def _client_id(session: Session, client: str | None) -> int | None:
    if client is None:
        return None
    found = plan.find_client(session=session, name=client)
    if found is None:
        raise NotFound(no_client(session=session, name=client))
    assert found.id is not None
    return found.id


def triage_queue(*, session: Session, today: date, client: str | None = None) -> list[Entry]:
    """The items needing attention today, worst first (see ``triage_rules``).

    The same order as :func:`actionplan.triage_rules.rank_of`, but worked out mostly by the
    database, so that 50,000 items cost a few small rows of numbers: SQL ranks by every rule
    but two; Python then applies those two, a long wait (counted once per waiting item) and a
    slip the client was not told of (which is in the saved snapshots).

    Args:
        client: one client's items (by name, any case), or None for every client.

    Raises:
        NotFound: when there is no client of that name.
    """
    from actionplan.summary.source import mark_untold

    client_id = _client_id(session, client)
    item = Item.__table__  # type: ignore[attr-defined]
    # Every condition is TRUE or FALSE, never NULL (a missing date is FALSE, not unknown), so
    # that NOT and CASE below mean what they say.
    must = item.c.must.is_(True)
    dated = item.c.due.is_not(None)
    late = sa.and_(dated, item.c.due < today)
    soon = sa.and_(
        dated,
        item.c.status == Status.PLANNED.value,
        item.c.due >= today,
        item.c.due <= today + timedelta(days=SOON_DAYS),
    )
    nobody = sa.and_(must, sa.or_(item.c.owner_id.is_(None), item.c.due.is_(None)))
    stale = item.c.updated_at < _midnight(today - timedelta(days=STALE_DAYS - 1))
    slipped = item.c.due > item.c.committed
    other = sa.or_(late, soon, nobody, stale)
    tier = sa.case(
        (sa.not_(other), None),
        (sa.and_(must, sa.or_(late, item.c.escalated.is_(True))), TIER_LATE_MUST),
        (nobody, TIER_NOBODY),
        (soon, TIER_SOON),
        (late, TIER_LATE_NICE),
        else_=TIER_STALE,
    )
    stmt = sa.select(
        item.c.id,
        item.c.client_id,
        tier,
        _days_since(session, today, item.c.due),
        sa.case((stale, _days_since(session, today, item.c.updated_at)), else_=None),
        item.c.must,
        item.c.escalated,
        _days_since(session, today, _waiting_since()),
        sa.case((slipped, item.c.due), else_=None),
        sa.case((slipped, item.c.committed), else_=None),
    ).where(
        item.c.deleted_at.is_(None),
        # Open, as NOT IN: most items are open, and SQLite then reads the table straight
        # through rather than by its status index (measured: about 95 against 140 ms).
        item.c.status.not_in(CLOSED_STATUSES),
        sa.or_(item.c.snoozed_until.is_(None), item.c.snoozed_until <= today),
        sa.or_(other, slipped, item.c.status == Status.WAITING.value),
    )
    if client_id is not None:
        stmt = stmt.where(item.c.client_id == client_id)
    else:  # archived clients are left out, unless asked for by name
        stmt = stmt.where(item.c.client_id.not_in(archived_client_ids()))
    rows = session.execute(stmt).all()
    slips: list[Slip] = [
        {"id": r[0], "client_id": r[1], "due": r[8], "committed": r[9], "untold": False}
        for r in rows
        if r[8]
    ]
    mark_untold(session=session, rows=slips)
    untold = {
        s["id"]: (s["due"] - s["committed"]).days
        for s in slips
        if s["untold"] and s["due"] and s["committed"]  # (an untold slip has both dates)
    }
    entries = []
    for item_id, _, tier_, late, quiet, must_, escalated, waited, _, _ in rows:
        if tier_ == TIER_STALE:
            measure_ = -quiet
        elif late is None or (tier_ == TIER_LATE_MUST and late <= 0):
            measure_ = 0
        else:
            measure_ = -late
        if waited is not None and waited > WAIT_DAYS and (tier_ is None or tier_ > TIER_WAITING):
            tier_, measure_ = TIER_WAITING, -waited
        if item_id in untold and (tier_ is None or tier_ > TIER_UNTOLD):
            tier_, measure_ = TIER_UNTOLD, -untold[item_id]
        if tier_ is None:
            continue
        if must_ and escalated and tier_ != TIER_LATE_MUST:
            tier_, measure_ = TIER_LATE_MUST, 0  # in the queue for a reason that is not lateness
        entries.append(Entry(item_id, (tier_, measure_, not escalated, not must_, item_id)))
    entries.sort(key=lambda e: e.rank)
    return entries


def item_rows(*, session: Session, ids: list[int]) -> list[TriageRow]:
    """Items as :func:`reasons_for` and the triage card read them, in the order of ``ids``.

    Returns:
        One ``TriageRow`` per item found: an item as ``queries.list_items`` lists it, plus
        ``waiting_since`` and ``untold``.
    """
    from actionplan.summary.source import mark_untold

    item = Item.__table__  # type: ignore[attr-defined]
    found: dict[int, TriageRow] = {}
    for start in range(0, len(ids), 500):  # bound the IN list, as PostgreSQL and SQLite like
        stmt = item_select(_waiting_since().label("waiting_since")).where(
            item.c.id.in_(ids[start : start + 500])
        )
        # ``untold`` comes from mark_untold below, before anyone reads it.
        found.update((row.id, cast(TriageRow, dict(row._mapping))) for row in session.execute(stmt))
    rows = [found[i] for i in ids if i in found]
    mark_untold(session=session, rows=rows)
    return rows


def explain_queue(
    *, session: Session, today: date, client: str | None = None
) -> list[tuple[TriageRow, tuple[str, ...]]]:
    """The queue with each item's fields and reasons, worst first (for listings).

    Raises:
        NotFound: when there is no client of that name.
    """
    entries = triage_queue(session=session, today=today, client=client)
    rows = item_rows(session=session, ids=[e.id for e in entries])
    blocked = blocked_reasons(session=session, ids=[row["id"] for row in rows], today=today)
    return [(row, _with(reasons_for(row, today=today), blocked.get(row["id"]))) for row in rows]


BLOCKED_TITLE_MAX = 40
"""How much of a late blocker's title the reason repeats."""


def blocked_reasons(*, session: Session, ids: list[int], today: date) -> dict[int, str]:
    """For items blocked by a late item (open, due before today), the reason that says so:
    "blocked by a late item: #12 Order laptops", naming the first such blocker; read in one
    query. It adds to an item's reasons in the queue; it does not queue or rank an item."""
    found: dict[int, str] = {}
    for item_id, blockers in blockers_of(session, ids).items():
        late = [b for b in blockers if b.status.is_open and b.due is not None and b.due < today]
        if late:
            first = late[0]
            title = first.title
            if len(title) > BLOCKED_TITLE_MAX:
                title = title[: BLOCKED_TITLE_MAX - 1].rstrip() + "…"
            found[item_id] = f"blocked by a late item: #{first.id} {title}"
    return found


def _with(reasons: tuple[str, ...], blocked: str | None) -> tuple[str, ...]:
    return (*reasons, blocked) if blocked else reasons


def triage_detail(*, session: Session, item_id: int, today: date, changes: int = 5) -> Detail:
    """One item as the triage card shows it: its fields, today's reasons, its latest changes.

    Raises:
        NotFound: when there is no such item.
    """
    found = item_rows(session=session, ids=[item_id])
    if not found:
        raise NotFound(f"no item #{item_id}")
    row = found[0]
    events = list(
        session.exec(
            select(HistoryEvent)  # a triage card does not list side effects of other changes
            .where(HistoryEvent.item_id == item_id, col(HistoryEvent.field).not_in(SIDE_EFFECTS))
            .order_by(col(HistoryEvent.id).desc())
            .limit(changes)
        )
    )
    # Owners by the names they had then (a rename since does not rewrite the card).
    people = person_names(session=session) if any(e.field == "owner_id" for e in events) else {}
    recent = [Change(e.at, e.author, describe_event(e, people)) for e in events]
    reasons = reasons_for(row, today=today)
    if reasons:  # the reason adds to those of an item in the queue (see blocked_reasons)
        blocked = blocked_reasons(session=session, ids=[item_id], today=today)
        reasons = _with(reasons, blocked.get(item_id))
    return Detail(row=row, reasons=reasons, changes=recent)


# --- writing -------------------------------------------------------------------------------------


def snooze_item(
    *,
    session: Session,
    item_id: int,
    until: date | None,
    today: date,
    author: str,
    expected_version: int | None = None,
) -> Item:
    """Hide an item from triage until a date (the board still shows it); None wakes it.

    Raises:
        Invalid: when the date is not after today; NotFound, Conflict as ``plan.edit_item``.
    """
    if until is not None and until <= today:
        raise Invalid("snooze until a date after today")
    return plan.edit_item(
        session=session,
        item_id=item_id,
        author=author,
        expected_version=expected_version,
        snoozed_until=until,
    )
