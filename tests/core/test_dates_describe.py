"""Dates shown to a user: ``describe`` ("Sat 5 Dec 2026") and ``relative`` ("in 2w", "3d late")."""

from datetime import date, timedelta

import pytest

from actionplan.dates import describe, relative
from tests.support.days import MON, d


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
