"""Owner workload: open items per owner per week, to show who is overloaded and when."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from actionplan.dates import week_start
from actionplan.models import Item, Person, Side
from actionplan.plan.errors import Invalid
from actionplan.queries import OPEN_STATUSES, archived_client_ids

DEFAULT_WEEKS = 6
DEFAULT_LIMIT = 5
MAX_WEEKS = 52
NO_OWNER = "(no owner)"
SIDE_ORDER = {Side.US: 0, Side.CLIENT: 1, Side.VENDOR: 2}


@dataclass(frozen=True)
class OwnerLoad:
    """One owner's open items, counted by the week they are due."""

    owner_id: int | None
    """None for the "(no owner)" row."""
    name: str
    team: str | None
    side: Side | None
    weeks: tuple[int, ...]
    """Items due in each week shown; the first week also counts everything overdue."""
    overdue: int
    later: int
    """Due after the last week shown."""
    no_date: int

    @property
    def total(self) -> int:
        """Every open item of this owner."""
        return sum(self.weeks) + self.later + self.no_date

    @property
    def side_label(self) -> str:
        """ "us", "client" or "vendor" ("" for the no-owner row)."""
        return self.side.value if self.side is not None else ""


@dataclass(frozen=True)
class Workload:
    """Open items per owner per week, from this week on."""

    today: date
    starts: tuple[date, ...]
    """The Monday of each week shown; the first is this week's."""
    limit: int
    """A week with more items than this stands out."""
    owners: tuple[OwnerLoad, ...]

    def over(self, count: int) -> bool:
        """True when one owner's week holds more items than the limit."""
        return count > self.limit

    @property
    def overdue(self) -> int:
        """Overdue items, all counted in this week's column."""
        return sum(o.overdue for o in self.owners)

    def week_totals(self) -> list[int]:
        """Items due each week, everyone together."""
        return [sum(o.weeks[n] for o in self.owners) for n in range(len(self.starts))]


def workload(
    *, session: Session, today: date, weeks: int = DEFAULT_WEEKS, limit: int = DEFAULT_LIMIT
) -> Workload:
    """Count every open item by owner and by the Monday-start week it is due in.

    Overdue items count in this week (they are due now). Owners with no open items are left
    out; items with no owner make a "(no owner)" row, always last. Ours come first, then the
    client's people, then vendors'; within a side, the busiest in the weeks shown first.

    Args:
        weeks: how many weeks to show, this one included.
        limit: a week with more than this many items stands out.

    Raises:
        Invalid: for weeks outside 1 to 52, or a negative limit.
    """
    if not 1 <= weeks <= MAX_WEEKS:
        raise Invalid(f"weeks must be from 1 to {MAX_WEEKS}, not {weeks}")
    if limit < 0:
        raise Invalid(f"the workload limit must be 0 or more, not {limit}")
    item, person = Item.__table__, Person.__table__  # type: ignore[attr-defined]
    first = week_start(today)
    starts = tuple(first + timedelta(weeks=n) for n in range(weeks))
    end = first + timedelta(weeks=weeks)
    # One count per owner and due date: a few thousand rows at most, whatever the plan's size.
    stmt = (
        sa.select(item.c.owner_id, item.c.due, sa.func.count())
        .where(item.c.deleted_at.is_(None), item.c.status.in_(OPEN_STATUSES))
        .where(item.c.client_id.not_in(archived_client_ids()))
        .group_by(item.c.owner_id, item.c.due)
    )
    counts: dict[int | None, list[int]] = defaultdict(lambda: [0] * (weeks + 3))
    for owner_id, due, count in session.execute(stmt):
        slots = counts[owner_id]  # weeks..., overdue, later, no date
        if due is None:
            slots[weeks + 2] += count
        elif due >= end:
            slots[weeks + 1] += count
        else:
            slots[max(0, (due - first).days // 7)] += count
            if due < today:
                slots[weeks] += count
    people = {
        pid: (name, team, Side(side) if side is not None else Side.US)
        for pid, name, team, side in session.execute(
            sa.select(person.c.id, person.c.name, person.c.team, person.c.side)
        )
    }
    owners = []
    for owner_id, slots in counts.items():
        name, team, side = people[owner_id] if owner_id is not None else (NO_OWNER, None, None)
        owners.append(OwnerLoad(owner_id, name, team, side, tuple(slots[:weeks]), *slots[weeks:]))
    owners.sort(
        key=lambda o: (
            o.owner_id is None,
            SIDE_ORDER.get(o.side, 3) if o.side is not None else 3,
            -sum(o.weeks),
            o.name.lower(),
        )
    )
    return Workload(today, starts, limit, tuple(owners))
