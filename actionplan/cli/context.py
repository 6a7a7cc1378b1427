"""What every command needs: the database, the settings and today's date."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import TypeVar

from actionplan import clock
from actionplan.config import Config, load_config
from actionplan.db import Database, open_database

T = TypeVar("T")


@cache
def config() -> Config:
    """The user's settings, read once."""
    return load_config()


def today() -> date:
    """Today (or ACTIONPLAN_TODAY)."""
    return clock.today()


def open_db(args: argparse.Namespace, *, upgrade: bool = True) -> Database:
    """Open the database named by --db, ACTIONPLAN_DB or the default."""
    return open_database(args.db, upgrade=upgrade)


def read_db(args: argparse.Namespace, read: Callable[..., T]) -> T:
    """Open the database and read from it in one session: ``read(session=...)``'s answer."""
    with open_db(args).session() as session:
        return read(session=session)


def parse_when(text: str | None, *, field: str) -> date | None:
    """A date option: None when not given, else parsed (``none`` or ``''`` clears it)."""
    from actionplan.dates import DateError, parse_optional_date

    day = today()  # outside the try: a bad ACTIONPLAN_TODAY is not this option's fault
    try:
        return parse_optional_date(text, today=day, day_first=config().day_first)
    except DateError as exc:
        raise DateError(f"--{field}: {exc}") from None
