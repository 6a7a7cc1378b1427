"""Properties of the date parser over generated dates and text: round trips, offsets, weekdays,
only DateError ever escaping."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from actionplan.dates import DateError, describe, parse_date, relative

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
