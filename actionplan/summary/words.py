"""How summaries write dates, owners and statuses: one wording for every format."""

from __future__ import annotations

from datetime import date

from actionplan.dates import describe
from actionplan.summary.model import Line


def long_day(day: date | None) -> str:
    """ "Mon 23 Nov 2026", or "no date yet"."""
    return describe(day) if day else "no date yet"


def short_day(day: date | None) -> str:
    """ "28 Nov" (with the year when it is not this one's), or "no date"."""
    if day is None:
        return "no date"
    text = f"{day.day} {describe(day).split()[2]}"
    return text


def when(line: Line, today: date) -> str:
    """The date column: short date, with the year when it differs from today's."""
    if line.due is None:
        return "date to be set"
    text = short_day(line.due)
    return text if line.due.year == today.year else f"{text} {line.due.year}"


def moved_phrase(was: date | None, now: date | None) -> str:
    """ "was 28 Nov, now 12 Dec"."""
    return f"was {short_day(was)}, now {short_day(now)}"


NONE = "None"
