"""The one place that reads the time, so tests and demos can fix "today"."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from actionplan.dates import DateError, check_range
from actionplan.text import quote

# A fixed "today" for tests, golden files and reproducible demos: ACTIONPLAN_TODAY=2026-11-23.
TODAY_ENV = "ACTIONPLAN_TODAY"


def today() -> date:
    """Today's local date, or the date fixed by ``ACTIONPLAN_TODAY``.

    Raises:
        DateError: when ``ACTIONPLAN_TODAY`` is set but is not an ISO date the program can
            work with (see :func:`actionplan.dates.check_range`).
    """
    fixed = os.environ.get(TODAY_ENV)
    if fixed:
        try:
            day = date.fromisoformat(fixed)
        except ValueError:
            raise DateError(
                f"{TODAY_ENV}={quote(fixed, 40)} is not a date like 2026-11-23"
            ) from None
        try:
            return check_range(day)
        except DateError as exc:
            raise DateError(f"{TODAY_ENV}: {exc}") from None
    return date.today()


def now() -> datetime:
    """The current time, timezone-aware in UTC (the database stores UTC)."""
    return datetime.now(UTC)
