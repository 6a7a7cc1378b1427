"""The week the date parser's tests count from: Monday 23 November 2026 (TODAY) and its days."""

from datetime import date

MON = date(2026, 11, 23)  # Monday
FRI = date(2026, 11, 27)
SAT = date(2026, 11, 28)
SUN = date(2026, 11, 29)


def d(year: int, month: int, day: int) -> date:
    return date(year, month, day)
