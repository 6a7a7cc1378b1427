"""Every failure a user can cause, as one line fit to show them (no SQL, no password)."""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from actionplan.config import ConfigError
from actionplan.dates import DateError
from actionplan.dberrors import DatabaseError, describe_error
from actionplan.outfile import OutputError
from actionplan.plan import PlanError
from actionplan.redact import redact_text
from actionplan.text import TextError

USER_ERRORS = (PlanError, DatabaseError, DateError, ConfigError, TextError, OutputError)


def user_message(exc: BaseException) -> str:
    """One line saying what went wrong; unknown errors name their type, never a traceback.

    Whatever the message quotes, a password in it is hidden (actionplan.redact).
    """
    return redact_text(_message(exc))


def _message(exc: BaseException) -> str:
    if isinstance(exc, USER_ERRORS):
        return str(exc)
    if isinstance(exc, SQLAlchemyError):
        return f"database error: {describe_error(exc)}"
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}"
    return f"unexpected {type(exc).__name__}: {exc}"
