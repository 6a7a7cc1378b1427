"""What the date parser refuses, and how: one line quoting the input; the ends of the calendar;
an optional date's blanks."""

from datetime import date

import pytest

from actionplan.dates import MAX_LENGTH, DateError, parse_date, parse_optional_date
from tests.support.days import FRI, MON, d


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
