"""Recurring checks in the coming weeks: how many fall in each week, per client and per owner."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, partial
from typing import cast

import sqlalchemy as sa
from sqlmodel import Session

from actionplan.dates import DAYS, MONTHS, week_start
from actionplan.models import Client, Item, Person, RepeatFrom, RepeatUnit
from actionplan.plan.recurrence import next_due, series_day
from actionplan.queries import CLOSED_STATUSES
from actionplan.rows import RecurringRow

WEEKS = 12
THRESHOLD = 3
NO_OWNER = "no owner"
FORM_MARK = "◆"
"""Marks a week holding a check that fills a health-check form."""


@dataclass(frozen=True)
class Check:
    """One occurrence of a recurring item, on the date it is (or will be) due."""

    item_id: int
    client: str
    owner: str | None
    title: str
    due: date
    form: str | None = None
    """The key of the health-check form completing it fills, if it names one."""


@dataclass(frozen=True)
class GridRow:
    """A client's or an owner's checks, week by week."""

    name: str
    checks: tuple[tuple[Check, ...], ...]

    @cached_property  # drawn on every paint of the grid: counted once
    def counts(self) -> tuple[int, ...]:
        """How many checks fall in each week."""
        return tuple(len(week) for week in self.checks)

    @cached_property
    def with_forms(self) -> tuple[int, ...]:
        """How many checks in each week name a health-check form (0 mostly)."""
        return tuple(sum(c.form is not None for c in week) for week in self.checks)


@dataclass(frozen=True)
class RecurringGrid:
    """The coming weeks (Mondays) with the recurring checks in each, by client and by owner."""

    weeks: tuple[date, ...]
    clients: tuple[GridRow, ...]
    owners: tuple[GridRow, ...]
    threshold: int
    undated: int
    """Open recurring items with no due date: they have no week until they get one."""

    @cached_property
    def totals(self) -> tuple[int, ...]:
        """All checks in each week."""
        if not self.clients:
            return (0,) * len(self.weeks)
        return tuple(sum(week) for week in zip(*(r.counts for r in self.clients), strict=True))

    @cached_property
    def forms(self) -> tuple[int, ...]:
        """How many checks in each week fill a health-check form; () when none does."""
        if not self.clients:
            return ()
        weeks = tuple(sum(w) for w in zip(*(r.with_forms for r in self.clients), strict=True))
        return weeks if any(weeks) else ()

    def piled(self, count: int) -> bool:
        """Whether a count in one week reaches the pile-up threshold."""
        return count >= self.threshold

    @cached_property
    def pile_up_weeks(self) -> tuple[int, ...]:
        """The weeks (indexes) in which some client or owner has a pile-up."""
        rows = self.clients + self.owners
        return tuple(
            i for i in range(len(self.weeks)) if any(self.piled(r.counts[i]) for r in rows)
        )


def week_label(start: date) -> tuple[str, str]:
    """A week's column heading in two short lines: its Monday's day, then the month."""
    return str(start.day), MONTHS[start.month - 1]


def short_day(day: date) -> str:
    """A date near today, without its year: "Mon 14 Dec" (a week is named by its Monday)."""
    return f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def project(
    *,
    due: date,
    every: int,
    unit: RepeatUnit,
    repeat_from: RepeatFrom | None,
    today: date,
    until: date,
    day: int | None = None,
) -> list[date]:
    """The dates an open recurring item falls due, from now up to ``until``.

    The open occurrence counts on its due date, or today when it is overdue (it is still
    to do). Each later one is what completing the one before on its date would add (see
    ``recurrence.next_due``): the series dates from the due date, or the interval after
    each completion.

    Args:
        day: a monthly series' day of the month (default the due date's).
    """
    done_on = max(due, today)
    dates: list[date] = []
    series_due = due
    following = partial(next_due, every=every, unit=unit, repeat_from=repeat_from, day=day)
    try:
        while done_on <= until:
            dates.append(done_on)
            series_due = following(due=series_due, done_on=done_on)
            done_on = series_due
    except OverflowError:
        pass  # the series runs past the year 9999: nothing more to show
    return dates


def build_grid(
    items: Iterable[RecurringRow], *, today: date, weeks: int = WEEKS, threshold: int = THRESHOLD
) -> RecurringGrid:
    """Place each open recurring item's occurrences in the coming weeks.

    Args:
        items: rows as ``recurring_items`` reads them (``day``, a monthly series' day of the
            month, only where the due date may be clamped).
        weeks: how many weeks, starting with this one.
        threshold: a client or owner with this many checks in one week has a pile-up.
    """
    start = week_start(today)
    mondays = tuple(start + timedelta(weeks=i) for i in range(weeks))
    until = start + timedelta(weeks=weeks, days=-1)
    by_client: dict[str, list[list[Check]]] = {}
    by_owner: dict[str, list[list[Check]]] = {}
    undated = 0
    for row in items:
        if row["due"] is None:
            undated += 1
            continue
        dates = project(
            due=row["due"],
            every=row["repeat_every"],
            unit=RepeatUnit(row["repeat_unit"]),
            repeat_from=RepeatFrom(row["repeat_from"]) if row["repeat_from"] else None,
            today=today,
            until=until,
            day=row.get("day"),
        )
        if not dates:
            continue
        cells = []
        for table, key in ((by_client, row["client"]), (by_owner, row["owner"] or NO_OWNER)):
            if key not in table:
                table[key] = [[] for _ in mondays]
            cells.append(table[key])
        for when in dates:
            check = Check(
                row["id"], row["client"], row["owner"], row["title"], when, row.get("health_form")
            )
            week = (when - start).days // 7
            for weeks_of in cells:
                weeks_of[week].append(check)
    return RecurringGrid(
        weeks=mondays,
        clients=_rows(by_client, last=None),
        owners=_rows(by_owner, last=NO_OWNER),
        threshold=threshold,
        undated=undated,
    )


def _rows(table: dict[str, list[list[Check]]], *, last: str | None) -> tuple[GridRow, ...]:
    names = sorted(table, key=lambda n: (n == last, n.lower()))
    return tuple(
        GridRow(name, tuple(tuple(sorted(w, key=_check_order)) for w in table[name]))
        for name in names
    )


def _check_order(check: Check) -> tuple[date, str, str, int]:
    return check.due, check.client.lower(), check.title.lower(), check.item_id


def recurring_grid(
    *, session: Session, today: date, weeks: int = WEEKS, threshold: int = THRESHOLD
) -> RecurringGrid:
    """The coming weeks' recurring checks, read from the open recurring items only."""
    return build_grid(
        recurring_items(session=session), today=today, weeks=weeks, threshold=threshold
    )


def recurring_items(*, session: Session) -> list[RecurringRow]:
    """Open, not deleted items that repeat, with client and owner names (see build_grid)."""
    item = Item.__table__  # type: ignore[attr-defined]
    client = Client.__table__  # type: ignore[attr-defined]
    person = Person.__table__  # type: ignore[attr-defined]
    stmt = (
        sa.select(
            item.c.id,
            item.c.title,
            item.c.due,
            item.c.repeat_every,
            item.c.repeat_unit,
            item.c.repeat_from,
            item.c.follows_id,
            item.c.health_form,
            client.c.name.label("client"),
            person.c.name.label("owner"),
        )
        .join(client, client.c.id == item.c.client_id)
        .outerjoin(person, person.c.id == item.c.owner_id)
        .where(
            # Both halves of a repeat: a restored backup may hold a count without a unit,
            # which repeats nothing (as ``recurrence.next_occurrence`` reads it).
            item.c.repeat_every.is_not(None),
            item.c.repeat_unit.is_not(None),
            item.c.deleted_at.is_(None),
            # NOT IN, not IN: a status index would find every open item (most of the plan),
            # then fetch each row; one pass over the table is several times faster.
            item.c.status.not_in(CLOSED_STATUSES),
            client.c.archived_at.is_(None),  # an archived client's checks are over
        )
    )
    rows = cast("list[RecurringRow]", [dict(r._mapping) for r in session.execute(stmt)])
    for row in rows:
        if _maybe_clamped(row):
            # 30 Apr may stand for a series on the 31st: only the earlier dates can tell.
            found = session.get(Item, row["id"])
            row["day"] = series_day(session, found) if found is not None else None
    return rows


def _maybe_clamped(row: RecurringRow) -> bool:
    due = row["due"]
    return (
        due is not None
        and row["follows_id"] is not None
        and row["repeat_unit"] == RepeatUnit.MONTH
        and row["repeat_from"] != RepeatFrom.DONE
        and due.day < 31
        and due.day == calendar.monthrange(due.year, due.month)[1]
    )
