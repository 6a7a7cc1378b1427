"""The triage queue: open items that need attention, worst first, each with its reasons.

An open (planned, doing, waiting), non-deleted, non-snoozed item is in the queue when:

- it is overdue (due before today);
- it is due within 7 days and not started (still planned);
- it is a must-do with no owner, or with no due date;
- it has been waiting for more than 7 days (since its last move to waiting, else since it was
  added);
- nothing about it changed in 14 days or more;
- it has slipped (due after the date the client was told) and no saved snapshot has told the
  client the new date yet.

Worst first: each reason has a tier, and an item ranks by its worst reason's tier.

0. overdue must-dos, and escalated must-dos with any reason: most days late first;
1. must-dos with no owner or no date (nobody is on it, or nobody knows when);
2. slips the client has not been told of: largest slip first;
3. due within 7 days and not started: soonest first;
4. overdue nice-to-haves: most days late first;
5. waiting too long: longest wait first;
6. unchanged for 14 days: longest unchanged first.

Within a tier, escalated items come first, then must-dos, then older items (by id).

:func:`judge` states the rules and :func:`rank` the order, for one item. :func:`triage_queue`
applies the same rules to a whole plan mostly in SQL, so that 50,000 items cost only small
rows of numbers; a test checks that both give the same queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlmodel import Session, col, select

from actionplan import plan
from actionplan.history import describe_event
from actionplan.models import Client, HistoryEvent, Item, Person, Status, WaitingOn
from actionplan.plan import Invalid, NotFound
from actionplan.queries import CLOSED_STATUSES
from actionplan.text import quote

SOON_DAYS = 7
WAIT_DAYS = 7
STALE_DAYS = 14

TIER_LATE_MUST = 0
TIER_NOBODY = 1
TIER_UNTOLD = 2
TIER_SOON = 3
TIER_LATE_NICE = 4
TIER_WAITING = 5
TIER_STALE = 6

# History fields that change as a side effect of others; a triage card does not list them.
QUIET_FIELDS = ("position", "done_at")

_WAITING_ON = {
    WaitingOn.CLIENT: "on the client",
    WaitingOn.VENDOR: "on a vendor",
    WaitingOn.INTERNAL: "on another team",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One item in the queue, with the key it is ranked by."""

    id: int
    rank: tuple[int, int, bool, bool, int]
    """Lower is worse: (tier, measure, not escalated, not must, id); see :func:`rank_of`."""


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

    row: dict[str, Any]
    """The item's columns plus ``client``, ``owner``, ``waiting_since`` and ``untold``."""
    reasons: tuple[str, ...]
    changes: list[Change]
    """The latest changes, newest first."""


# --- the rules -----------------------------------------------------------------------------------


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def _day_of(moment: datetime) -> date:
    return moment.astimezone(UTC).date()


def _enum(value: Any, kind: type[Any]) -> Any:
    return None if value is None else kind(value)


class Facts(NamedTuple):
    """What the rules look at in an open item, as small numbers."""

    late: int | None
    """Days past the due date (negative: days ahead); None without a date."""
    planned: bool
    must: bool
    escalated: bool
    unowned: bool
    waited: int | None
    """Days since it became waiting; None unless waiting."""
    waiting_on: WaitingOn | None
    quiet: int
    """Days since it last changed."""
    slip: int | None
    """Days the due date is past the committed one, for a slip the client was not told of."""


def facts_of(row: dict[str, Any], *, today: date) -> Facts | None:
    """The facts of an item row (see :func:`item_rows`); None when it is done, dropped or
    deleted. Snoozing is not looked at: the queue leaves snoozed items out."""
    status = Status(row["status"])
    if not status.is_open or row.get("deleted_at") is not None:
        return None
    due, committed = row["due"], row["committed"]
    since = row.get("waiting_since") if status == Status.WAITING else None
    untold = row.get("untold") and due and committed and due > committed
    return Facts(
        late=(today - due).days if due is not None else None,
        planned=status == Status.PLANNED,
        must=bool(row["must"]),
        escalated=bool(row["escalated"]),
        unowned=row["owner_id"] is None,
        waited=(today - _day_of(since)).days if since is not None else None,
        waiting_on=_enum(row["waiting_on"], WaitingOn),
        quiet=(today - _day_of(row["updated_at"])).days,
        slip=(due - committed).days if untold else None,
    )


def judge(facts: Facts) -> list[tuple[int, str]]:
    """The rules: why an item needs attention, worst first, as (tier, phrase) pairs.

    Returns:
        An empty list when it needs nothing.
    """
    found: list[tuple[int, str]] = []
    late = facts.late
    if late is not None and late > 0:
        tier = TIER_LATE_MUST if facts.must else TIER_LATE_NICE
        found.append((tier, f"{_days(late)} overdue"))
    elif late is not None and facts.planned and -late <= SOON_DAYS:
        when = {0: "today", -1: "tomorrow"}.get(late, f"in {_days(-late)}")
        found.append((TIER_SOON, f"due {when}, not started"))
    if facts.must and facts.unowned:
        found.append((TIER_NOBODY, "must-do with no owner"))
    if facts.must and late is None:
        found.append((TIER_NOBODY, "must-do with no date"))
    if facts.slip is not None:
        found.append((TIER_UNTOLD, "slipped: client not yet told"))
    waited = facts.waited
    if waited is not None and waited > WAIT_DAYS:
        on = _WAITING_ON.get(facts.waiting_on) if facts.waiting_on else None
        found.append((TIER_WAITING, f"waiting {on} for {_days(waited)}" if on else
                      f"waiting for {_days(waited)}"))  # fmt: skip
    # A wait that began with the last change already says how long nothing happened.
    if facts.quiet >= STALE_DAYS and facts.quiet != waited:
        found.append((TIER_STALE, f"no change in {_days(facts.quiet)}"))
    found.sort(key=lambda pair: pair[0])
    return found


def rank(item_id: int, facts: Facts, reasons: list[tuple[int, str]]) -> Entry:
    """The item's place in the queue (see the module's docstring for the order)."""
    tier = reasons[0][0]
    if facts.must and facts.escalated:
        tier = TIER_LATE_MUST
    if tier == TIER_UNTOLD:
        measure = -(facts.slip or 0)
    elif tier == TIER_WAITING:
        measure = -(facts.waited or 0)
    elif tier == TIER_STALE:
        measure = -facts.quiet
    elif facts.late is None:
        measure = 0
    elif tier == TIER_LATE_MUST:
        measure = -max(facts.late, 0)  # most days late first; not yet late counts as 0
    else:
        measure = -facts.late  # soonest (or longest late) first
    return Entry(id=item_id, rank=(tier, measure, not facts.escalated, not facts.must, item_id))


def reasons_for(row: dict[str, Any], *, today: date) -> tuple[str, ...]:
    """Why an item row (see :func:`item_rows`) needs attention today, worst first."""
    facts = facts_of(row, today=today)
    return tuple(text for _, text in judge(facts)) if facts else ()


def rank_of(row: dict[str, Any], *, today: date) -> Entry | None:
    """Where an item row stands in the queue; None when it needs nothing."""
    facts = facts_of(row, today=today)
    reasons = judge(facts) if facts else []
    return rank(row["id"], facts, reasons) if facts and reasons else None


# --- reading -------------------------------------------------------------------------------------


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
        raise NotFound(f"no client named {quote(client.strip())}")
    assert found.id is not None
    return found.id


def triage_queue(*, session: Session, today: date, client: str | None = None) -> list[Entry]:
    """The items needing attention today, worst first (see the module's docstring).

    The same order as :func:`rank_of`, but worked out mostly by the database, so that 50,000
    items cost a few small rows of numbers: SQL ranks by every rule but two; Python then
    applies those two, a long wait (counted once per waiting item) and a slip the client was
    not told of (which is in the saved snapshots).

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
    rows = session.execute(stmt).all()
    slips = [{"id": r[0], "client_id": r[1], "due": r[8], "committed": r[9]} for r in rows if r[8]]
    mark_untold(session=session, rows=slips)
    untold = {s["id"]: (s["due"] - s["committed"]).days for s in slips if s["untold"]}
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


def item_rows(*, session: Session, ids: list[int]) -> list[dict[str, Any]]:
    """Items as :func:`reasons_for` and the triage card read them, in the order of ``ids``.

    Returns:
        One dict per item found: every item column plus ``client``, ``owner``,
        ``waiting_since`` and ``untold``.
    """
    from actionplan.summary.source import mark_untold

    item = Item.__table__  # type: ignore[attr-defined]
    clients = Client.__table__  # type: ignore[attr-defined]
    person = Person.__table__  # type: ignore[attr-defined]
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):  # bound the IN list, as PostgreSQL and SQLite like
        stmt = (
            sa.select(
                item,
                clients.c.name.label("client"),
                person.c.name.label("owner"),
                _waiting_since().label("waiting_since"),
            )
            .join(clients, clients.c.id == item.c.client_id)
            .outerjoin(person, person.c.id == item.c.owner_id)
            .where(item.c.id.in_(ids[start : start + 500]))
        )
        found.update((row.id, dict(row._mapping)) for row in session.execute(stmt))
    rows = [found[i] for i in ids if i in found]
    mark_untold(session=session, rows=rows)
    return rows


def explain_queue(
    *, session: Session, today: date, client: str | None = None
) -> list[tuple[dict[str, Any], tuple[str, ...]]]:
    """The queue with each item's fields and reasons, worst first (for listings).

    Raises:
        NotFound: when there is no client of that name.
    """
    entries = triage_queue(session=session, today=today, client=client)
    rows = item_rows(session=session, ids=[e.id for e in entries])
    return [(row, reasons_for(row, today=today)) for row in rows]


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
            select(HistoryEvent)
            .where(HistoryEvent.item_id == item_id, col(HistoryEvent.field).not_in(QUIET_FIELDS))
            .order_by(col(HistoryEvent.id).desc())
            .limit(changes)
        )
    )
    owner_ids = {
        int(v) for e in events if e.field == "owner_id" for v in (e.old, e.new) if v is not None
    }
    people: dict[int, str] = {}
    if owner_ids:
        stmt = select(Person.id, Person.name).where(col(Person.id).in_(owner_ids))
        people = {pid: name for pid, name in session.exec(stmt) if pid is not None}
    recent = [Change(e.at, e.author, describe_event(e, people)) for e in events]
    return Detail(row=row, reasons=reasons_for(row, today=today), changes=recent)


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
