"""Database failures in one line fit to show a user: no SQL, no parameters, no password."""

from __future__ import annotations

import re

from actionplan.redact import redact_text

WAITED = "actionplan_waited"
"""The attribute a failed statement's error carries: the seconds it ran (set by ``db``)."""


class DatabaseError(Exception):
    """The database cannot be opened or used; the message is one line and has no password."""


def describe_error(exc: BaseException) -> str:
    """One line saying what went wrong with the database, without SQL or parameters."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if "readonly" in text or "read-only" in text:
        return "the database is read-only (check the file and folder permissions)"
    if "file is not a database" in text or "malformed" in text:
        return "the file is damaged or is not a database"
    if "database is locked" in text or "lock timeout" in text:
        waited = getattr(exc, WAITED, None)
        if waited is None or waited < 0.5:
            return "the database was busy with another change; try again"
        return f"the database stayed busy with another change; gave up after {waited:.0f} s"
    problem = connection_problem(exc)
    if problem is not None:
        return f"cannot connect to the database server: {redact_text(problem)}"
    return redact_text(text)


# libpq: 'connection to server at "HOST", port N failed: WHY' (or 'on socket "PATH"').
_SERVER_FAILED = re.compile(r"connection to server (?:at|on) .*? failed: (?:FATAL:\s*)?(.+)")
_HINTS = {"connection refused": "is the server running?", "no such file": "is the server running?"}
_LOST = ("server closed the connection", "terminating connection", "connection is closed")


def connection_problem(exc: BaseException) -> str | None:
    """Why a database server could not be reached (one short line), or None for other errors."""
    orig = getattr(exc, "orig", None) or exc
    text = (str(orig).strip().splitlines() or [""])[0]
    if type(orig).__name__ == "ConnectionTimeout" or "timeout expired" in text:
        return "no answer from the server (timed out)"
    if text.startswith("failed to resolve host"):
        return "no such host (check the host name)"
    if any(part in text for part in _LOST):
        return "the connection to the server was lost"
    match = _SERVER_FAILED.search(text)
    if match is None:
        return None
    why = match.group(1).strip()
    why = why[:1].lower() + why[1:]
    hint = next((h for key, h in _HINTS.items() if why.startswith(key)), None)
    return f"{why} ({hint})" if hint else why
