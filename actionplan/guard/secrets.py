"""Secrets pasted into a note: a password, PIN, key or token with its value, an account and
password pair, or a value shaped like an API key, a token or a BitLocker recovery key."""

from __future__ import annotations

import re
from collections.abc import Iterator

from actionplan.guard.dispatch import branches
from actionplan.guard.rules import Context, Hits, Span
from actionplan.guard.words import KEY_STARTS, NOT_A_VALUE

_SECRET_WORD = (
    r"(?:pass(?:word|wd|code|phrase|\s+phrase)?|pwd|pw|pin(?:\s+code)?|api[\s_-]*key|"
    r"access[\s_-]*key|secret(?:[\s_-]*key)?|client[\s_-]*secret|token|bearer|"
    r"recovery[\s_-]*key|bitlocker(?:[\s_-]*(?:recovery[\s_-]*)?key)?|wi-?fi[\s_-]*key|"
    r"psk|pre-?shared[\s_-]*key|licen[cs]e[\s_-]*key|product[\s_-]*key|creds|credentials|"
    r"login|log-?in\s+details|admin\s+login|otp|mfa\s+code|2fa\s+code|seed|private\s+key|"
    r"door\s+code|alarm\s+code|safe\s+code|combination|(?:bypass|backup|verification|"
    r"one-?time|access|auth|entry|keypad|gate|lock)\s+codes?|secret\s+key)"
)
_SECRET_TAIL = (
    r"(?:\s+(?:for|to|on|of|in)\s+(?:[\w.@'-]+\s+){0,3}[\w.@'-]+)?"
    r"(?:\s*(?:is|was|will\s+be|=|:|->|now|set\s+to|changed\s+to|reset\s+to|-)\s*"
    r"[\"'`]?(?P<value>[^\s\"'`]{4,})|\s+(?P<bare>(?=\S*\d)[^\s\"'`]{4,})"
    # "reset the password to Hunter2!Secret", "the PIN to 4821": a value with a digit after "to"
    r"|\s+to\s+[\"'`]?(?P<to>(?=\S*\d)[^\s\"'`]{4,}))"
)
_SECRET = re.compile(r"(?<![\w])" + _SECRET_WORD + _SECRET_TAIL, re.IGNORECASE)
_CRED_PAIR = re.compile(
    r"(?<![\w])(?:user(?:name)?|login|u)\s*[:=]\s*\S+\s*(?:/|,|;|\s)\s*(?:pass(?:word)?|pw|p)"
    r"\s*[:=]\s*\S{3,}",
    re.IGNORECASE,
)
# "svc_sql / Passw0rd123": an account and a password-like word (letters and digits).
_SLASH_PAIR = re.compile(
    r"(?<![\w/])[\w.@\\-]{3,}\s+/\s+(?=\S*\d)(?=\S*[A-Za-z])(?=\S*(?:[A-Z]|[^\w\s]))\S{6,}"
)
_KEY_SHAPES = re.compile(
    r"(?<![\w])(?:sk|pk|rk)[-_](?:live|test|prod)?[-_]?[A-Za-z0-9]{12,}"
    r"|(?<![\w])gh[pousr]_[A-Za-z0-9]{20,}|(?<![\w])glpat-[\w-]{16,}"
    r"|(?<![\w])AKIA[0-9A-Z]{16}(?!\w)|(?<![\w])xox[abprs]-[\w-]{10,}"
    r"|(?<![\w])eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]+"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----"
    r"|(?<![\w])\d{6}-\d{6}-\d{6}-\d{6}-\d{6}-\d{6}-\d{6}-\d{6}(?!\w)"  # BitLocker
)
_BITLOCKER_HINT = re.compile(r"\d{6}-\d{6}")


def worded_patterns() -> list[tuple[str, str]]:
    """One pattern per secret word (so "pro…" in "project" tries only "product key"), and the
    account-and-password pair: found in the guard's pass over words."""
    words = [
        ("secret", r"(?<![\w])(?:" + word + r")" + _SECRET_TAIL)
        for word in branches(_SECRET_WORD[3:-1])
    ]
    return [*words, ("pair", _CRED_PAIR.pattern)]


def secrets(text: str, ctx: Context, hits: Hits) -> Iterator[Span]:
    """A password, PIN, key or token followed by its value, or a value with a key's shape."""
    for start, _end in hits.get("secret", ()):
        m = _SECRET.match(text, start)
        if m is None:
            continue
        value = (m.group("value") or m.group("bare") or m.group("to") or "").rstrip(".,;:!?)")
        if value.casefold() in NOT_A_VALUE or len(value) < 4:
            continue
        if value.isalpha() and value.islower() and len(value) < 12:
            continue  # an ordinary word ("password is expiring"), not a value
        yield "secret", m.start(), m.end()
    for start, end in hits.get("pair", ()):
        yield "secret", start, end
    if " / " in text:
        for m in _SLASH_PAIR.finditer(text):
            yield "secret", m.start(), m.end()
    if any(shape in text for shape in KEY_STARTS) or _BITLOCKER_HINT.search(text):
        for m in _KEY_SHAPES.finditer(text):
            yield "secret", m.start(), m.end()
