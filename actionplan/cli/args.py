"""The one argument layer: numbers as ASCII digits within range, text that is really text.

Every id and count on the command line goes through :func:`item_id` or :func:`count`, so a
mistake is argparse's usage error (exit 2, one line), never a traceback from the database.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import NoReturn

from actionplan.text import one_line, quote

# What SQLite and PostgreSQL (BIGINT) can hold; the ids of every table fit.
ID_MAX = 2**63 - 1
# int() also reads Arabic-Indic or fullwidth digits, "+1", " 1" and "1_000": only 0-9 here.
_DIGITS = re.compile(r"[0-9]{1,30}", re.ASCII)
# How much of a mistyped value a usage error repeats (the line also holds the usage's words).
ECHO_MAX = 40
# A quoted value in an argparse message ('...' or "..." from its %r) longer than that.
_LONG_QUOTED = re.compile(rf"'[^'\n]{{{ECHO_MAX},}}'|\"[^\"\n]{{{ECHO_MAX},}}\"")
MESSAGE_MAX = 170


def whole(text: str, *, low: int, high: int, what: str) -> int:
    """An integer typed in ASCII digits, from ``low`` to ``high``.

    Raises:
        argparse.ArgumentTypeError: otherwise, naming the range (argparse makes it exit 2).
    """
    if _DIGITS.fullmatch(text) is None or not low <= int(text) <= high:
        raise argparse.ArgumentTypeError(
            f"{quote(text, ECHO_MAX)} is not {what} (a whole number {low} to {high}, digits 0-9)"
        )
    return int(text)


def item_id(text: str) -> int:
    """An argparse type: an id (of an item or a snapshot), 1 to 2^63-1."""
    return whole(text, low=1, high=ID_MAX, what="an id")


def item_ids(text: str) -> list[int]:
    """An argparse type: ids separated by commas (``3,5``), each as :func:`item_id`."""
    return [item_id(part.strip()) for part in text.split(",")]


def count(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a count from ``low`` to ``high``."""

    def read(text: str) -> int:
        return whole(text, low=low, high=high, what="a count")

    read.__name__ = f"count {low}-{high}"
    return read


def is_surrogate(ch: str) -> bool:
    """A lone surrogate: how Python hands over bytes of an argument that are not UTF-8."""
    return "\ud800" <= ch <= "\udfff"


def not_utf8(argv: Iterable[str]) -> str | None:
    """The first argument that is not UTF-8 text, shown with U+FFFD for its bad bytes."""
    for arg in argv:
        if any(is_surrogate(ch) for ch in arg):
            return "".join("\ufffd" if is_surrogate(ch) else ch for ch in arg)
    return None


def short_message(message: str) -> str:
    """An argparse message as one safe line: quoted input cut to 80 characters, then capped."""
    message = _LONG_QUOTED.sub(lambda m: f"{m[0][: ECHO_MAX + 1]}{m[0][0]}…", message)
    message = one_line(message)
    return message if len(message) <= MESSAGE_MAX else message[: MESSAGE_MAX - 1] + "…"


class Parser(argparse.ArgumentParser):
    """argparse whose usage errors echo at most a short, terminal-safe piece of the input."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {short_message(message)}\n")

    def parse_all(self, argv: Sequence[str]) -> argparse.Namespace:
        """parse_args, with words nobody asked for quoted short (argparse prints them raw)."""
        args, extras = self.parse_known_args(argv)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(quote(w, ECHO_MAX) for w in extras)}")
        return args
