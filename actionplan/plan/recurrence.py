"""Recurring items: repeat text, the next due date (month ends without drift), the next occurrence.

An item repeats every N days, weeks or months, counted from its due date (``repeat_from`` due)
or from the day it was completed (done). Completing it adds the next occurrence, linked back
through ``follows_id``, in the same operation as the completion, so one undo removes both.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, func, select

from actionplan.models import HistoryEvent, Item, RepeatFrom, RepeatUnit, Status
from actionplan.plan.errors import Invalid
from actionplan.plan.journal import Recorder
from actionplan.plan.values import REPEAT_MAX
from actionplan.text import quote

_HINT = "try 3w, 2m, 10d, weekly, monthly, every 3 weeks, or none"

_UNITS = {
    **dict.fromkeys(("d", "day", "days"), (1, RepeatUnit.DAY)),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), (1, RepeatUnit.WEEK)),
    **dict.fromkeys(("m", "mo", "mos", "month", "months"), (1, RepeatUnit.MONTH)),
    **dict.fromkeys(("y", "yr", "yrs", "year", "years"), (12, RepeatUnit.MONTH)),
}
_WORDS = {
    "daily": (1, RepeatUnit.DAY),
    "weekly": (1, RepeatUnit.WEEK),
    "fortnightly": (2, RepeatUnit.WEEK),
    "monthly": (1, RepeatUnit.MONTH),
    "quarterly": (3, RepeatUnit.MONTH),
    "yearly": (12, RepeatUnit.MONTH),
    "annually": (12, RepeatUnit.MONTH),
}
_CLEAR = ("", "none", "no", "never", "off", "-")
# re.ASCII keeps \d to 0-9: int() would happily read other scripts' digits.
_REPEAT_RE = re.compile(r"(?:every )?(?:(?P<n>\d{1,4}) ?)?(?P<unit>[a-z]+)", re.ASCII)
_SHORT = {RepeatUnit.DAY: "d", RepeatUnit.WEEK: "w", RepeatUnit.MONTH: "m"}


@dataclass(frozen=True)
class Repeat:
    """An interval: every ``every`` ``unit``s."""

    every: int
    unit: RepeatUnit


def parse_repeat(text: str | None) -> Repeat | None:
    """Read a repeat as people type it: ``3w``, ``2m``, ``10d``, ``weekly``, ``every 3 weeks``.

    Years are kept as months (``1y`` is every 12 months), so leap days clamp like month ends.

    Returns:
        The interval, or None for "no repeat" (``none``, ``never``, ``off``, empty).

    Raises:
        Invalid: naming what could not be read, with examples; or for a count out of range.
    """
    words = " ".join((text or "").lower().split())
    if words in _CLEAR:
        return None
    found = _WORDS.get(words.removeprefix("every ")) if words != "every" else None
    if found is None and len(words) <= 30 and (match := _REPEAT_RE.fullmatch(words)):
        scaled = _UNITS.get(match["unit"])
        if scaled is not None:
            found = (int(match["n"] or 1) * scaled[0], scaled[1])
    if found is None:
        raise Invalid(f"cannot read the repeat {quote((text or '').strip(), 40)}: {_HINT}")
    every, unit = found
    if not 1 <= every <= REPEAT_MAX:
        raise Invalid(f"a repeat is every 1 to {REPEAT_MAX} days, weeks or months")
    return Repeat(every, unit)


def describe_repeat(
    every: int | None, unit: RepeatUnit | str | None, repeat_from: RepeatFrom | str | None = None
) -> str:
    """In words: "every 3 weeks", "every month, from completion"; "no repeat" for none."""
    if every is None or unit is None:
        return "no repeat"
    name = RepeatUnit(unit).value
    text = f"every {name}" if every == 1 else f"every {every} {name}s"
    if repeat_from is None:
        return text
    counted = (
        "from completion" if RepeatFrom(repeat_from) == RepeatFrom.DONE else "from the due date"
    )
    return f"{text}, {counted}"


def short_repeat(every: int | None, unit: RepeatUnit | str | None) -> str:
    """Compact, as the CLI reads it back and cards show it: "3w", "1m", "10d"; "" for none."""
    if every is None or unit is None:
        return ""
    return f"{every}{_SHORT[RepeatUnit(unit)]}"


# --- dates -------------------------------------------------------------------------------------


def shift(start: date, count: int, unit: RepeatUnit, *, day: int | None = None) -> date:
    """``start`` moved by ``count`` days, weeks or calendar months.

    Months land on ``day`` (default: start's day), clamped to the month's end: 31 Jan + 1
    month is 28 or 29 Feb. Passing the series' own day keeps a monthly series from drifting.

    Raises:
        OverflowError: beyond the year 9999.
    """
    if unit == RepeatUnit.DAY:
        return start + timedelta(days=count)
    if unit == RepeatUnit.WEEK:
        return start + timedelta(weeks=count)
    year, month_index = divmod(start.year * 12 + start.month - 1 + count, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("date value out of range")
    last = calendar.monthrange(year, month_index + 1)[1]
    return date(year, month_index + 1, min(day or start.day, last))


def anchor_day(dues: list[date]) -> int:
    """The day of the month a monthly series is on, from its due dates oldest first.

    The first occurrence sets it; a later date that is not that day (clamped to its month)
    means someone moved the series, and the new day wins. So 31 Jan, 29 Feb, 31 Mar keeps 31.
    """
    day = dues[0].day
    for due in dues[1:]:
        if due.day != min(day, calendar.monthrange(due.year, due.month)[1]):
            day = due.day
    return day


def next_due(
    *,
    every: int,
    unit: RepeatUnit,
    repeat_from: RepeatFrom | None,
    due: date | None,
    done_on: date,
    day: int | None = None,
) -> date:
    """The due date of the occurrence after one completed on ``done_on``.

    From the due date (the default), the next is the first date of the series (due +
    interval, + 2 intervals...) that falls after the completion day. Completed on time or
    early, that is simply due + interval; completed late, the missed dates are skipped
    rather than created already overdue (Todoist and Things do the same): a weekly check due
    2 Nov and done 23 Nov comes back on 30 Nov, not 9 Nov. From completion, and for an item
    that had no due date, it is the completion day + interval.

    Args:
        day: a monthly series' day (see :func:`anchor_day`); default the due date's day.

    Raises:
        OverflowError: beyond the year 9999.
    """
    if repeat_from == RepeatFrom.DONE or due is None:
        return shift(done_on, every, unit)
    if unit != RepeatUnit.MONTH:
        step = every * (7 if unit == RepeatUnit.WEEK else 1)
        late = (done_on - due).days
        return due + timedelta(days=step * max(1, late // step + 1))
    months = every * max(1, ((done_on.year - due.year) * 12 + done_on.month - due.month) // every)
    candidate = shift(due, months, unit, day=day)
    while candidate <= done_on:
        months += every
        candidate = shift(due, months, unit, day=day)
    return candidate


# --- the next occurrence ----------------------------------------------------------------------


def series_day(session: Session, item: Item) -> int | None:
    """The day of the month ``item``'s monthly series keeps (None when not a monthly series).

    Only a date on its month's last day can be a clamped one (30 Apr standing for the 31st),
    so the walk back through earlier occurrences stops at the first date that is not.
    """
    if item.due is None or item.repeat_unit != RepeatUnit.MONTH:
        return None
    dues, seen, follows = [item.due], {item.id}, item.follows_id
    while _clamped(dues[0]) and follows is not None and follows not in seen:
        earlier = session.get(Item, follows)
        if earlier is None or earlier.due is None:
            break
        seen.add(follows)
        dues.insert(0, earlier.due)
        follows = earlier.follows_id
    return anchor_day(dues)


def _clamped(day: date) -> bool:
    """On its month's last day but not the 31st: it may stand for a later day of the month."""
    return day.day < 31 and day.day == calendar.monthrange(day.year, day.month)[1]


_CARRIED = (
    "client_id",
    "title",
    "client_note",
    "internal_note",
    "owner_id",
    "must",
    "visibility",
    "repeat_every",
    "repeat_unit",
    "repeat_from",
    "health_form",
)
"""What the next occurrence of a recurring item takes from the one completed."""


def add_next_occurrence(session: Session, rec: Recorder, item: Item, *, today: date) -> Item | None:
    """Inside a completing operation: add the occurrence after ``item``, recorded as created.

    Nothing is added when the item does not repeat, or when a next occurrence already exists
    (done, reopened and done again must not make two).

    Raises:
        Invalid: when the next date would be beyond the year 9999.
    """
    if item.repeat_every is None or item.repeat_unit is None:
        return None
    assert item.id is not None
    if next_occurrence(session=session, item_id=item.id) is not None:
        return None
    try:
        due = next_due(
            every=item.repeat_every,
            unit=item.repeat_unit,
            repeat_from=item.repeat_from,
            due=item.due,
            done_on=today,
            day=series_day(session, item),
        )
    except OverflowError:
        raise Invalid("the next occurrence would fall after the year 9999") from None
    now = rec.op.at
    position = session.exec(
        select(func.max(Item.position)).where(
            Item.client_id == item.client_id, Item.status == Status.PLANNED
        )
    ).one()
    following = Item(
        **{key: getattr(item, key) for key in _CARRIED},
        due=due,
        follows_id=item.id,
        position=0 if position is None else position + 1,
        created_at=now,
        updated_at=now,
    )
    session.add(following)
    session.flush()
    assert following.id is not None and rec.op.id is not None
    every = describe_repeat(item.repeat_every, item.repeat_unit)
    session.add(
        HistoryEvent(
            op_id=rec.op.id,
            item_id=following.id,
            at=now,
            author=rec.op.author,
            field="created",
            new=following.title,
            reason=f"repeats {every}; follows #{item.id}",
        )
    )
    return following


def next_occurrence(*, session: Session, item_id: int) -> Item | None:
    """The occurrence that follows an item (not deleted), if there is one."""
    stmt = (
        select(Item)
        .where(Item.follows_id == item_id, col(Item.deleted_at).is_(None))
        .order_by(col(Item.id).desc())
        .limit(1)
    )
    return session.exec(stmt).first()
