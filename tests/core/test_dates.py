"""Tests for the due-date parser: every phrase family, edge cases and properties."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actionplan.dates import (
    MAX_LENGTH,
    DateError,
    describe,
    parse_date,
    parse_optional_date,
    relative,
)

MON = date(2026, 11, 23)  # Monday
FRI = date(2026, 11, 27)
SAT = date(2026, 11, 28)
SUN = date(2026, 11, 29)

MONTH_ABBR = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAY_NAMES = {
    "mon": 0, "monday": 0,
    "tue": 1, "tues": 1, "tuesday": 1,
    "wed": 2, "weds": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5,
    "sun": 6, "sunday": 6,
}  # fmt: skip

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


def d(year: int, month: int, day: int) -> date:
    return date(year, month, day)


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


@pytest.mark.parametrize(
    "text",
    [
        "next",
        "fri fri",
        "in 3 hours",
        "in an hour",
        "+3x",
        "soon",
        "2026-13-01",
        "+99999999d",
        "-99999999d",
        "+99999999999999999999999999y",
        "31 feb",
        "2026-02-30",
        "32/1",
        "1/13",
        "0 dec",
        "29 feb 2027",
        "29 feb 2100",
        "31/4/2026",
        "next fortnight",
        "in -3 days",
        "3d",
        "dec",
        "5 foo",
        "smarch 5",
        "5 dec2027",
        "dec 527",
        "5/12/202",
        "5/12-2026",
        "0000-01-01",
        "١/١",  # Arabic-Indic digits: int() would read them, the parser must not
    ],
)
def test_errors_quote_the_input(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, today=MON)
    message = str(caught.value)
    assert repr(text) in message
    assert "\n" not in message
    assert "try today" in message


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_text_asks_for_a_date(text: str) -> None:
    with pytest.raises(DateError, match=r"^a date is needed: try "):
        parse_date(text, today=MON)


def test_overlong_text_fails_fast() -> None:
    with pytest.raises(DateError, match="too long"):
        parse_date("5" * (MAX_LENGTH + 1), today=MON)
    with pytest.raises(DateError, match="too long"):
        parse_date("x" * 1_000_000, today=MON)


def test_error_is_a_value_error() -> None:
    assert issubclass(DateError, ValueError)


def test_offsets_at_the_edge_of_the_calendar() -> None:
    with pytest.raises(DateError, match="out of range"):
        parse_date("+1d", today=date.max)
    with pytest.raises(DateError, match="out of range"):
        parse_date("-1m", today=date.min)
    # Dates the program could not step on from are refused (dates.EARLIEST to dates.LATEST).
    with pytest.raises(DateError, match="dates after 9000 are not supported"):
        parse_date("dec 31", today=date.max)
    with pytest.raises(DateError, match="dates before 1000 are not supported"):
        parse_date("jan 1", today=date.min)
    assert parse_date("9000-12-31", today=MON) == d(9000, 12, 31)
    assert parse_date("1000-01-01", today=MON) == d(1000, 1, 1)
    with pytest.raises(DateError, match="dates after 9000 are not supported"):
        parse_date("+1d", today=d(9000, 12, 31))


@pytest.mark.parametrize("text", [None, "", "  ", "none", "NONE", " None ", "-", " - "])
def test_optional_date_blank_means_none(text: str | None) -> None:
    assert parse_optional_date(text, today=MON) is None


def test_optional_date_parses_everything_else() -> None:
    assert parse_optional_date("fri", today=MON) == FRI
    assert parse_optional_date("5/12", today=MON, day_first=False) == d(2027, 5, 12)
    with pytest.raises(DateError, match="'soon'"):
        parse_optional_date("soon", today=MON)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (d(2026, 12, 5), "Sat 5 Dec 2026"),
        (d(2026, 12, 4), "Fri 4 Dec 2026"),
        (MON, "Mon 23 Nov 2026"),
        (d(2027, 1, 1), "Fri 1 Jan 2027"),
        (d(2028, 2, 29), "Tue 29 Feb 2028"),
    ],
)
def test_describe(value: date, expected: str) -> None:
    assert describe(value) == expected


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, "today"),
        (1, "tomorrow"),
        (-1, "yesterday"),
        (2, "in 2d"),
        (3, "in 3d"),
        (-2, "2d late"),
        (13, "in 13d"),
        (-13, "13d late"),
        (14, "in 2w"),
        (20, "in 2w"),
        (21, "in 3w"),
        (-28, "4w late"),
        (90, "in 12w"),
        (-90, "12w late"),
        (91, "in 3mo"),
        (120, "in 4mo"),
        (-150, "5mo late"),
        (-179, "5mo late"),
        (400, "in 13mo"),
    ],
)
def test_relative(days: int, expected: str) -> None:
    assert relative(MON + timedelta(days=days), today=MON) == expected


# --- properties -------------------------------------------------------------------------


@given(value=dates, today=dates)
def test_iso_round_trip(value: date, today: date) -> None:
    assert parse_date(value.isoformat(), today=today) == value
    assert parse_date(f"{value.year}-{value.month}-{value.day}", today=today) == value


@given(value=dates, today=dates, upper=st.booleans())
def test_day_month_year_round_trip(value: date, today: date, upper: bool) -> None:
    month = MONTH_ABBR[value.month - 1]
    text = f"{value.day} {month.upper() if upper else month} {value.year}"
    assert parse_date(text, today=today) == value
    # describe() minus its weekday is itself a readable date.
    assert parse_date(describe(value).split(" ", 1)[1], today=today) == value


@given(n=st.integers(min_value=0, max_value=3650), today=dates)
def test_day_offsets(n: int, today: date) -> None:
    expected = today + timedelta(days=n)
    assert parse_date(f"+{n}d", today=today) == expected
    assert parse_date(f"in {n} days", today=today) == expected
    assert parse_date(f"-{n}d", today=today) == today - timedelta(days=n)


# Fragments of real phrases, so generated junk reaches the deeper branches too.
fragments = st.sampled_from(
    ["next", "in", "a", "an", "+", "-", "/", ".", ",", " ", "fri", "dec", "sept", "th", "d",
     "w", "m", "y", "days", "eom", "2026", "12", "5", "0", "31", "99999999", "feb", "29"]
)  # fmt: skip


@given(text=st.text() | st.lists(fragments, max_size=8).map("".join), today=dates)
def test_only_date_error_escapes(text: str, today: date) -> None:
    for day_first in (True, False):
        try:
            result = parse_date(text, today=today, day_first=day_first)
        except DateError as error:
            assert "\n" not in str(error)
        else:
            assert isinstance(result, date)


@given(name=st.sampled_from(sorted(WEEKDAY_NAMES)), today=dates)
def test_weekday_is_one_to_seven_days_ahead(name: str, today: date) -> None:
    result = parse_date(name, today=today)
    assert 1 <= (result - today).days <= 7
    assert result.weekday() == WEEKDAY_NAMES[name]
    later = parse_date(f"next {name}", today=today)
    assert later.weekday() == WEEKDAY_NAMES[name]
    # "next X" lands in the Monday-to-Sunday week after this one.
    assert later - timedelta(days=later.weekday()) == (
        today - timedelta(days=today.weekday()) + timedelta(weeks=1)
    )


@given(value=dates, today=dates)
def test_relative_says_late_only_for_the_past(value: date, today: date) -> None:
    text = relative(value, today=today)
    assert text
    # "yesterday" is the one past date said without "late".
    assert (text.endswith(" late") or text == "yesterday") == (value < today)
    assert text.startswith("in ") == (value > today + timedelta(days=1))
