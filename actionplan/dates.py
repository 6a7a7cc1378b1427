"""Turn the due dates people type ("fri", "+2w", "5 dec", "eom") into calendar dates."""

import calendar
import re
from datetime import date, timedelta

from actionplan.text import quote

__all__ = [
    "EARLIEST",
    "LATEST",
    "MAX_LENGTH",
    "DateError",
    "check_range",
    "describe",
    "parse_date",
    "parse_optional_date",
    "relative",
]

# No phrase we accept is anywhere near this long; the cap lets junk fail before any regex runs.
MAX_LENGTH = 40

# The dates the program takes in. Far enough from date.min and date.max (1 and 9999) that
# every step it takes from one (a year ahead, 999 months of a repeat, 52 weeks of a
# workload, the day after for a calendar's end) still lands on a real date.
EARLIEST = date(1000, 1, 1)
LATEST = date(9000, 12, 31)

_HINT = "try today, fri, next mon, +2w, in 3 days, eom, 2026-12-05 or 5 dec"

_DAY_WORDS = {"today": 0, "tod": 0, "tomorrow": 1, "tmr": 1, "tom": 1, "yesterday": -1}

_WEEKDAYS = {
    name: index
    for index, names in enumerate(
        (
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "weds", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        )
    )
    for name in names
}

# Spelled out rather than taken from calendar/strftime, which follow the process locale.
# Spelled out rather than strftime("%a"), which follows the process locale.
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

_UNITS = {
    **dict.fromkeys(("d", "day", "days"), "d"),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), "w"),
    **dict.fromkeys(("m", "mo", "mos", "month", "months"), "m"),
    **dict.fromkeys(("y", "yr", "yrs", "year", "years"), "y"),
}

# re.ASCII keeps \d to 0-9: int() would happily read Arabic-Indic or fullwidth digits.
_OFFSET_RE = re.compile(r"(?P<sign>[+-])(?P<n>\d+) ?(?P<unit>[a-z]+)", re.ASCII)
_IN_RE = re.compile(r"in (?P<n>\d+|a) (?P<unit>[a-z]+)", re.ASCII)
_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_NUMERIC_RE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?", re.ASCII)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[a-z]+)\.?"
_YEAR = r"(?:(?:, ?| )(?P<year>\d{4}|\d{2}))?"
_DAY_MONTH_RE = re.compile(rf"{_DAY} {_MONTH}{_YEAR}", re.ASCII)
_MONTH_DAY_RE = re.compile(rf"{_MONTH} {_DAY}{_YEAR}", re.ASCII)


class DateError(ValueError):
    """A due date the parser cannot read; the message names the input and gives examples."""


def parse_date(text: str, *, today: date, day_first: bool = True) -> date:
    """Read a typed due date relative to ``today``.

    Accepts words (today, tmr, yesterday, eow, eom, eoy), weekdays ("fri" is the next
    Friday after today, "next fri" is Friday of next Monday-to-Sunday week), "next week",
    "next month", offsets ("+3d", "-2w", "in 6 months"), ISO dates, and day/month forms
    ("5 dec", "dec 5th, 2027", "5/12/26"). Month and year offsets keep the day of the
    month, clamped to the month's end (31 Jan + 1m is the last day of February).

    A day and month without a year mean the nearest such date to today, ahead or behind,
    so an overdue item can still be typed ("5 nov" on 23 Nov is 18 days late, not next
    year); an exact tie goes to the future.

    Args:
        text: What the user typed; case and extra spaces don't matter.
        today: The date offsets and weekdays count from.
        day_first: Read "5/12" as 5 December (True) or as 12 May (False).

    Returns:
        The date meant.

    Raises:
        DateError: The text is empty, too long, unreadable or not a real date.
    """
    shown = text.strip()
    if not shown:
        raise DateError(f"a date is needed: {_HINT}")
    if len(shown) > MAX_LENGTH:
        raise DateError(f"can't read date {quote(shown, MAX_LENGTH)} (too long): {_HINT}")
    words = " ".join(shown.lower().split())
    try:
        result = _parse(words, today, day_first)
    except OverflowError:
        raise DateError(f"date {shown!r} is out of range: {_HINT}") from None
    except ValueError:
        raise DateError(f"no such date {shown!r}: {_HINT}") from None
    if result is None:
        raise DateError(f"can't read date {shown!r}: {_HINT}")
    return check_range(result)


def check_range(day: date) -> date:
    """``day``, if the program can work with it (EARLIEST to LATEST).

    Raises:
        DateError: for a date after the year 9000 or before the year 1000.
    """
    if day > LATEST:
        raise DateError(f"dates after {LATEST.year} are not supported ({day.isoformat()})")
    if day < EARLIEST:
        raise DateError(f"dates before {EARLIEST.year} are not supported ({day.isoformat()})")
    return day


def parse_optional_date(text: str | None, *, today: date, day_first: bool = True) -> date | None:
    """None, "", "none", "-" (any case, surrounding spaces) mean "no date" -> None; else parse_date.

    Args:
        text: What the user typed, or None.
        today: Passed on to parse_date.
        day_first: Passed on to parse_date.

    Returns:
        The date meant, or None when the user cleared it.

    Raises:
        DateError: The text is not empty-ish and parse_date can't read it.
    """
    if text is None or text.strip().lower() in ("", "none", "-"):
        return None
    return parse_date(text, today=today, day_first=day_first)


def describe(d: date) -> str:
    """Spell a date out unambiguously, e.g. "Sat 5 Dec 2026".

    Args:
        d: The date.

    Returns:
        Weekday, day without leading zero, month abbreviation and year.
    """
    return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def relative(d: date, *, today: date) -> str:
    """Say how far a date is from today, coarsening as it gets further away.

    Args:
        d: The date to describe.
        today: The reference day.

    Returns:
        "today", "tomorrow", "yesterday", "in 3d" / "2d late" up to 13 days, then whole
        weeks ("in 3w") up to 90 days, then whole 30-day months ("5mo late").
    """
    days = (d - today).days
    words = {0: "today", 1: "tomorrow", -1: "yesterday"}
    if days in words:
        return words[days]
    size = abs(days)
    if size <= 13:
        amount = f"{size}d"
    elif size <= 90:
        amount = f"{size // 7}w"
    else:
        amount = f"{size // 30}mo"
    return f"in {amount}" if days > 0 else f"{amount} late"


def _parse(words: str, today: date, day_first: bool) -> date | None:
    """Return the date for normalised text, None if no phrase matches.

    Impossible dates raise ValueError and out-of-range arithmetic OverflowError; the
    caller turns both into DateError.
    """
    if words in _DAY_WORDS:
        return today + timedelta(days=_DAY_WORDS[words])
    if words in _WEEKDAYS:
        return today + timedelta(days=(_WEEKDAYS[words] - today.weekday() - 1) % 7 + 1)
    if words == "eow":
        return today + timedelta(days=(4 - today.weekday()) % 7)
    if words == "eom":
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    if words == "eoy":
        return today.replace(month=12, day=31)
    if words.startswith("next "):
        what = words[5:]
        next_monday = today + timedelta(days=7 - today.weekday())
        if what == "week":
            return next_monday
        if what == "month":
            return _add_months(today.replace(day=1), 1)
        if what in _WEEKDAYS:
            return next_monday + timedelta(days=_WEEKDAYS[what])
        return None
    if match := _OFFSET_RE.fullmatch(words) or _IN_RE.fullmatch(words):
        unit = _UNITS.get(match["unit"])
        if unit is None:
            return None
        n = 1 if match["n"] == "a" else int(match["n"])
        if match.groupdict().get("sign") == "-":
            n = -n
        return _shift(today, n, unit)
    if match := _ISO_RE.fullmatch(words):
        return date(*map(int, match.groups()))
    if match := _NUMERIC_RE.fullmatch(words):
        first, _, second, year = match.groups()
        day, month = (first, second) if day_first else (second, first)
        return _day_month(int(day), int(month), year, today)
    if match := _DAY_MONTH_RE.fullmatch(words) or _MONTH_DAY_RE.fullmatch(words):
        month = _MONTHS.get(match["month"])
        if month is None:
            return None
        return _day_month(int(match["day"]), month, match["year"], today)
    return None


def _shift(start: date, n: int, unit: str) -> date:
    """Move ``start`` by n days, weeks, calendar months or years."""
    if unit == "d":
        return start + timedelta(days=n)
    if unit == "w":
        return start + timedelta(weeks=n)
    return _add_months(start, n * 12 if unit == "y" else n)


def _add_months(start: date, months: int) -> date:
    """Add calendar months, clamping the day so 31 Jan + 1 month is the end of February."""
    year, month_index = divmod(start.year * 12 + start.month - 1 + months, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("year out of range")
    last_day = calendar.monthrange(year, month_index + 1)[1]
    return date(year, month_index + 1, min(start.day, last_day))


def _day_month(day: int, month: int, year: str | None, today: date) -> date:
    """Build a date from parts, choosing the year nearest today when none was typed."""
    if year is not None:
        return date(int(year) + (2000 if len(year) == 2 else 0), month, day)
    date(2000, month, day)  # a leap year, so this only rejects dates no year has (31 feb)
    # Several years each side so "29 feb" still finds a leap year; the nearest wins,
    # and on an exact tie the future one (False sorts before True).
    candidates = []
    for candidate_year in range(today.year - 4, today.year + 5):
        try:
            candidates.append(date(candidate_year, month, day))
        except ValueError:
            continue  # 29 Feb outside leap years, or beyond date's 1..9999 range
    return min(candidates, key=lambda c: (abs((c - today).days), c < today))


def week_start(day: date) -> date:
    """The Monday of the week holding ``day`` (weeks start on Monday)."""
    return day - timedelta(days=day.weekday())
