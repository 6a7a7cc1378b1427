"""What each phrase the date parser reads means: day words, weekdays and "next", the ends of
a period, offsets (months clamped to a month's end), calendar dates day-first or month-first,
and the nearest date when no year is given."""

from datetime import date

import pytest

from actionplan.dates import parse_date
from tests.support.days import FRI, MON, SAT, SUN, d


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", MON),
        ("tod", MON),
        ("TODAY", MON),
        ("  today  ", MON),
        ("tomorrow", d(2026, 11, 24)),
        ("tmr", d(2026, 11, 24)),
        ("tom", d(2026, 11, 24)),
        ("yesterday", d(2026, 11, 22)),
    ],
)
def test_day_words(text: str, expected: date) -> None:
    assert parse_date(text, today=MON) == expected


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        # Monday 23 Nov 2026: a bare weekday is within the next 7 days, today excluded.
        (MON, "mon", d(2026, 11, 30)),
        (MON, "tue", d(2026, 11, 24)),
        (MON, "Tues", d(2026, 11, 24)),
        (MON, "wednesday", d(2026, 11, 25)),
        (MON, "weds", d(2026, 11, 25)),
        (MON, "thur", d(2026, 11, 26)),
        (MON, "thurs", d(2026, 11, 26)),
        (MON, "fri", d(2026, 11, 27)),
        (MON, "FRIDAY", d(2026, 11, 27)),
        (MON, "sun", d(2026, 11, 29)),
        (MON, "next fri", d(2026, 12, 4)),
        (MON, "next mon", d(2026, 11, 30)),
        (MON, "next  sunday", d(2026, 12, 6)),
        (MON, "next week", d(2026, 11, 30)),
        (MON, "next month", d(2026, 12, 1)),
        # Saturday 28 Nov 2026: "fri" and "next fri" coincide, both in the week of 30 Nov.
        (SAT, "fri", d(2026, 12, 4)),
        (SAT, "next fri", d(2026, 12, 4)),
        (SAT, "next sun", d(2026, 12, 6)),
        (SAT, "sat", d(2026, 12, 5)),
        (SAT, "sun", d(2026, 11, 29)),
        (SAT, "next week", d(2026, 11, 30)),
        (SUN, "next mon", d(2026, 11, 30)),
        (SUN, "mon", d(2026, 11, 30)),
        (d(2026, 12, 31), "next month", d(2027, 1, 1)),
        (d(2027, 1, 31), "next month", d(2027, 2, 1)),
    ],
)
def test_weekdays_and_next(today: date, text: str, expected: date) -> None:
    assert parse_date(text, today=today) == expected


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (MON, "eow", FRI),
        (d(2026, 11, 26), "eow", FRI),
        (FRI, "eow", FRI),
        (SAT, "eow", d(2026, 12, 4)),
        (SUN, "eow", d(2026, 12, 4)),
        (MON, "eom", d(2026, 11, 30)),
        (d(2028, 2, 10), "EOM", d(2028, 2, 29)),
        (d(2027, 2, 10), "eom", d(2027, 2, 28)),
        (d(2026, 12, 31), "eom", d(2026, 12, 31)),
        (MON, "eoy", d(2026, 12, 31)),
    ],
)
def test_end_of_period(today: date, text: str, expected: date) -> None:
    assert parse_date(text, today=today) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+3d", d(2026, 11, 26)),
        ("+3 d", d(2026, 11, 26)),
        ("+3 days", d(2026, 11, 26)),
        ("+1 day", d(2026, 11, 24)),
        ("+0d", MON),
        ("-2d", d(2026, 11, 21)),
        ("+2w", d(2026, 12, 7)),
        ("+2 weeks", d(2026, 12, 7)),
        ("-1w", d(2026, 11, 16)),
        ("+1m", d(2026, 12, 23)),
        ("+2 months", d(2027, 1, 23)),
        ("-11m", d(2025, 12, 23)),
        ("+1y", d(2027, 11, 23)),
        ("+2 years", d(2028, 11, 23)),
        ("in 3 days", d(2026, 11, 26)),
        ("in 1 day", d(2026, 11, 24)),
        ("In  2  Weeks", d(2026, 12, 7)),
        ("in 1 month", d(2026, 12, 23)),
        ("in 6 months", d(2027, 5, 23)),
        ("in a week", d(2026, 11, 30)),
        ("in a month", d(2026, 12, 23)),
        ("in a year", d(2027, 11, 23)),
    ],
)
def test_offsets(text: str, expected: date) -> None:
    assert parse_date(text, today=MON) == expected


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (d(2027, 1, 31), "+1m", d(2027, 2, 28)),
        (d(2028, 1, 31), "+1m", d(2028, 2, 29)),
        (d(2028, 1, 31), "in 1 month", d(2028, 2, 29)),
        (d(2026, 3, 31), "-1m", d(2026, 2, 28)),
        (d(2026, 8, 31), "+1m", d(2026, 9, 30)),
        (d(2026, 10, 31), "+2m", d(2026, 12, 31)),
        (d(2026, 12, 15), "+1m", d(2027, 1, 15)),
        (d(2028, 2, 29), "+1y", d(2029, 2, 28)),
        (d(2028, 2, 29), "+4y", d(2032, 2, 29)),
        (d(2028, 2, 29), "-1y", d(2027, 2, 28)),
        (d(2028, 2, 29), "+12m", d(2029, 2, 28)),
        (d(2099, 2, 28), "+1y", d(2100, 2, 28)),  # 2100 is not a leap year
    ],
)
def test_month_end_clamping(today: date, text: str, expected: date) -> None:
    assert parse_date(text, today=today) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-05", d(2026, 12, 5)),
        ("2026-12-5", d(2026, 12, 5)),
        ("2027-1-9", d(2027, 1, 9)),
        ("2028-02-29", d(2028, 2, 29)),
        ("1999-12-31", d(1999, 12, 31)),
        # A day and month: the nearest such date, so past ones stay in this year.
        ("5 dec", d(2026, 12, 5)),
        ("dec 5", d(2026, 12, 5)),
        ("5 december", d(2026, 12, 5)),
        ("December 5", d(2026, 12, 5)),
        ("5th dec", d(2026, 12, 5)),
        ("dec 5th", d(2026, 12, 5)),
        ("1st jan", d(2027, 1, 1)),
        ("jan 2nd", d(2027, 1, 2)),
        ("3rd jan", d(2027, 1, 3)),
        ("5 dec.", d(2026, 12, 5)),
        ("dec. 5", d(2026, 12, 5)),
        ("sept 3", d(2026, 9, 3)),
        ("3 sep", d(2026, 9, 3)),
        ("5 nov", d(2026, 11, 5)),
        ("5 jan", d(2027, 1, 5)),
        ("5 dec 2027", d(2027, 12, 5)),
        ("dec 5 2027", d(2027, 12, 5)),
        ("dec 5, 2027", d(2027, 12, 5)),
        ("dec 5th, 2027", d(2027, 12, 5)),
        ("5 dec 27", d(2027, 12, 5)),
        ("5 Dec. 2025", d(2025, 12, 5)),
        ("29 feb 2028", d(2028, 2, 29)),
        ("  5   DEC  ", d(2026, 12, 5)),
    ],
)
def test_calendar_dates(text: str, expected: date) -> None:
    assert parse_date(text, today=MON) == expected


@pytest.mark.parametrize(
    ("text", "day_first", "month_first"),
    [
        ("5/12", d(2026, 12, 5), d(2027, 5, 12)),
        ("5/12/2026", d(2026, 12, 5), d(2026, 5, 12)),
        ("5/12/26", d(2026, 12, 5), d(2026, 5, 12)),
        ("05/12/2026", d(2026, 12, 5), d(2026, 5, 12)),
        ("5.12", d(2026, 12, 5), d(2027, 5, 12)),
        ("5.12.2026", d(2026, 12, 5), d(2026, 5, 12)),
        ("5-12", d(2026, 12, 5), d(2027, 5, 12)),
        ("5-12-26", d(2026, 12, 5), d(2026, 5, 12)),
        ("12/5", d(2027, 5, 12), d(2026, 12, 5)),
        ("1/1", d(2027, 1, 1), d(2027, 1, 1)),
    ],
)
def test_numeric_day_first_and_month_first(text: str, day_first: date, month_first: date) -> None:
    assert parse_date(text, today=MON) == day_first
    assert parse_date(text, today=MON, day_first=True) == day_first
    assert parse_date(text, today=MON, day_first=False) == month_first


def test_iso_ignores_day_first() -> None:
    assert parse_date("2026-12-05", today=MON, day_first=False) == d(2026, 12, 5)


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        # Just after new year, the end of December is last year's (overdue), not next year's.
        (d(2027, 1, 2), "dec 31", d(2026, 12, 31)),
        (d(2027, 1, 2), "31/12", d(2026, 12, 31)),
        (d(2027, 1, 2), "jan 1", d(2027, 1, 1)),
        (d(2027, 1, 2), "5 jul", d(2026, 7, 5)),  # 181 days back beats 184 ahead
        # Just before new year, early January is next year's.
        (d(2026, 12, 30), "jan 2", d(2027, 1, 2)),
        (d(2026, 12, 30), "2/1", d(2027, 1, 2)),
        (d(2026, 12, 30), "dec 1", d(2026, 12, 1)),
        (d(2026, 12, 30), "30 dec", d(2026, 12, 30)),
        # 183 days each way (the year ahead holds 29 Feb 2028): a tie goes to the future.
        (d(2027, 8, 31), "1 mar", d(2028, 3, 1)),
        (d(2027, 8, 30), "1 mar", d(2027, 3, 1)),
        # 29 Feb without a year finds the nearest leap day.
        (MON, "29 feb", d(2028, 2, 29)),
        (d(2028, 1, 10), "29 feb", d(2028, 2, 29)),
        (d(2029, 1, 10), "29 feb", d(2028, 2, 29)),
    ],
)
def test_nearest_date_without_year(today: date, text: str, expected: date) -> None:
    assert parse_date(text, today=today) == expected
