"""Cleaning of user text on the way in: no control characters, no terminal escapes, sane lengths."""

from __future__ import annotations

import re
import unicodedata

TITLE_MAX = 200
NAME_MAX = 100
NOTE_MAX = 10_000
REASON_MAX = 500
# How much of what the user typed an error message repeats.
QUOTE_MAX = 80

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/PM/APC/SOS strings, and two-byte escapes.
# Their 8-bit C1 forms too, so nothing can move the cursor, retitle the window or set a hyperlink.
_ESCAPES = re.compile(
    r"""
      (?:\x1b\[|\x9b) [0-?]* [ -/]* [@-~]?           # CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]) .*? (?:\x07|\x1b\\|\x9c|$)  # OSC, DCS, SOS, PM, APC
    | \x1b [ -/]* [0-~]?                              # other ESC sequences
    """,
    re.VERBOSE | re.DOTALL,
)
# Bidirectional overrides can make text read differently from what it is ("trojan source").
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


class TextError(ValueError):
    """User text that cannot be accepted (empty where required, or too long)."""


def one_line(text: str) -> str:
    """Text from the database as one safe line; the common, clean case costs one check.

    Text from a shared database may not have passed our input cleaning.
    """
    return text if text.isprintable() else strip_controls(text, keep_newlines=False)


def one_block(text: str) -> str:
    """Text for the terminal as lines: escapes and control characters gone, line breaks kept.

    The multi-line twin of :func:`one_line`, for tables and stored Markdown.
    """
    if all(line.isprintable() for line in text.split("\n")):
        return text
    return strip_controls(text, keep_newlines=True)


def json_for_terminal(document: str) -> str:
    """JSON text with every character a terminal could act on written as a ``\\u`` escape.

    ``json.dumps(..., ensure_ascii=False)`` escapes C0 controls but leaves DEL, C1 controls
    and bidi overrides raw; escaped, they still read back as the same data.
    """
    if all(line.isprintable() for line in document.split("\n")):
        return document
    return "".join(ch if ch == "\n" or ch.isprintable() else _u_escape(ch) for ch in document)


def _u_escape(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def quote(value: object, limit: int = QUOTE_MAX) -> str:
    """What the user typed, for an error message: quoted, escaped, at most ``limit`` characters.

    >>> quote("x" * 100, limit=3)
    "'xxx'…"
    """
    text = str(value)
    return repr(text) if len(text) <= limit else f"{text[:limit]!r}…"


def plural(count: int, word: str) -> str:
    """A count and its noun: "1 item", "3 items", "1,200 items"."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def strip_controls(text: str, *, keep_newlines: bool) -> str:
    """Remove terminal escape sequences, bidi overrides and control characters.

    Args:
        text: Any text from a user, a file or the database.
        keep_newlines: Keep line breaks and tabs (notes); otherwise they become spaces.

    Returns:
        The text, safe to show in a terminal.
    """
    text = _ESCAPES.sub("", text).translate(_BIDI)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in text:
        if ch in "\n\t":
            out.append(ch if keep_newlines else " ")
        elif unicodedata.category(ch) == "Cc":
            continue
        else:
            out.append(ch)
    return "".join(out)


def clean_line(value: str | None, *, field: str, max_len: int, required: bool = False) -> str:
    """Clean one-line text (title, name, reason): controls removed, spaces collapsed.

    Raises:
        TextError: when required and empty, or longer than ``max_len``.
    """
    text = " ".join(strip_controls(value or "", keep_newlines=False).split())
    if required and not text:
        raise TextError(f"{field} is empty")
    if len(text) > max_len:
        raise TextError(f"{field} is too long ({len(text)} characters; at most {max_len})")
    return text


def clean_block(value: str | None, *, field: str, max_len: int = NOTE_MAX) -> str:
    """Clean multi-line text (notes): controls removed, line breaks kept, ends trimmed.

    Raises:
        TextError: when longer than ``max_len``.
    """
    text = strip_controls(value or "", keep_newlines=True)
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    if len(text) > max_len:
        raise TextError(f"{field} is too long ({len(text)} characters; at most {max_len})")
    return text
