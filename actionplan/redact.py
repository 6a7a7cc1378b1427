"""The one place that hides passwords: in a database URL and in any message that may quote one."""

from __future__ import annotations

import re
from urllib.parse import unquote

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

HIDDEN = "***"
# A query key that carries a secret: password=, sslpassword=, passwd=, pwd=, token=, api_key= …
_SECRET_KEY = re.compile(r"pass|pwd|secret|token|key|auth|cred", re.IGNORECASE)
# "scheme://user:PASSWORD@host": the password is everything between the first ':' of the user
# part and the last '@' before the host (a password may itself hold '@' or ':').
_USERINFO = re.compile(r"(?P<head>[A-Za-z][\w+.-]*://[^/?#@:\s]*:)(?P<secret>[^\s/?#]*)@")
# key=value in a query string (?a=1&password=x) or a libpq connection string (password=x).
_KEY_VALUE = re.compile(r"(?P<key>[^\s?&;=#'\"]+)=(?P<value>'(?:[^'\\]|\\.)*'|[^\s&;#]*)")


def redact(url: URL | str) -> str:
    """A URL for messages: every password shown as ***; a SQLite URL shown as its path."""
    if isinstance(url, str):
        try:
            url = make_url(url)
        except (ArgumentError, ValueError):
            return redact_text(str(url))
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return redact_text(url.render_as_string(hide_password=True))


def redact_text(text: str) -> str:
    """``text`` with the password of every URL in it, and every secret key=value, hidden."""
    text = _USERINFO.sub(lambda m: f"{m['head']}{HIDDEN}@" if m["secret"] else m[0], text)
    return _KEY_VALUE.sub(_hide_value, text)


def _hide_value(match: re.Match[str]) -> str:
    key = unquote(match["key"])
    if not _SECRET_KEY.search(key) or not match["value"]:
        return match[0]
    return f"{match['key']}={HIDDEN}"


def secrets_of(url: URL) -> list[str]:
    """The secret strings a URL holds (its password, secret query values), to scrub from text."""
    found = [str(url.password)] if url.password else []
    for key, value in url.query.items():
        if _SECRET_KEY.search(key):
            found += [value] if isinstance(value, str) else list(value)
    return [s for s in found if s]


def scrub(text: str, url: URL | None = None) -> str:
    """A message fit to show: URL passwords and secret values hidden, and ``url``'s own secrets
    removed wherever they appear (a driver may quote part of a connection string)."""
    text = redact_text(text)
    if url is not None:
        for secret in sorted(secrets_of(url), key=len, reverse=True):
            if len(secret) >= 4:
                text = text.replace(secret, HIDDEN)
    return text
