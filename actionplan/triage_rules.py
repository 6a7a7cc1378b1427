"""The triage rules for one item: why it needs attention now, and where it ranks in the queue.

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

:func:`judge` states the rules and :func:`rank` the order, for one item.
:func:`actionplan.triage.triage_queue` applies the same rules to a whole plan mostly in SQL, so
that 50,000 items cost only small rows of numbers; a test checks that both give the same queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from actionplan.models import Status, WaitingOn
from actionplan.rows import TriageRow

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


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


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


def facts_of(row: TriageRow, *, today: date) -> Facts | None:
    """The facts of an item row (see :func:`actionplan.triage.item_rows`); None when it is
    done, dropped or deleted. Snoozing is not looked at: the queue leaves snoozed items out."""
    status = Status(row["status"])
    if not status.is_open or row["deleted_at"] is not None:
        return None
    due, committed = row["due"], row["committed"]
    since = row["waiting_since"] if status == Status.WAITING else None
    slip = (due - committed).days if due and committed and due > committed else None
    return Facts(
        late=(today - due).days if due is not None else None,
        planned=status == Status.PLANNED,
        must=bool(row["must"]),
        escalated=bool(row["escalated"]),
        unowned=row["owner_id"] is None,
        waited=(today - _day_of(since)).days if since is not None else None,
        waiting_on=_enum(row["waiting_on"], WaitingOn),
        quiet=(today - _day_of(row["updated_at"])).days,
        slip=slip if row["untold"] else None,
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


def reasons_for(row: TriageRow, *, today: date) -> tuple[str, ...]:
    """Why an item row (see :func:`actionplan.triage.item_rows`) needs attention today, worst
    first."""
    facts = facts_of(row, today=today)
    return tuple(text for _, text in judge(facts)) if facts else ()


def rank_of(row: TriageRow, *, today: date) -> Entry | None:
    """Where an item row stands in the queue; None when it needs nothing."""
    facts = facts_of(row, today=today)
    reasons = judge(facts) if facts else []
    return rank(row["id"], facts, reasons) if facts and reasons else None
