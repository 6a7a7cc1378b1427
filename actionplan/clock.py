"""The one place that reads the time, so tests and demos can fix "today"."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

# A fixed "today" for tests, golden files and reproducible demos: ACTIONPLAN_TODAY=2026-11-23.
TODAY_ENV = "ACTIONPLAN_TODAY"


def today() -> date:
    """Today's local date, or the date fixed by ``ACTIONPLAN_TODAY``.

    Raises:
        ValueError: when ``ACTIONPLAN_TODAY`` is set but is not an ISO date.
    """
    fixed = os.environ.get(TODAY_ENV)
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            raise ValueError(f"{TODAY_ENV}={fixed!r} is not a date like 2026-11-23") from None
    return date.today()


def now() -> datetime:
    """The current time, timezone-aware in UTC (the database stores UTC)."""
    return datetime.now(UTC)
