"""Plain, aligned text output for the terminal and for pipes.

Every line the CLI prints goes through :func:`say`, :func:`say_block` or :func:`say_json`:
text from a shared database may not have passed our input cleaning, and must never reach
the terminal as escape sequences.
"""

from __future__ import annotations

import shutil
import sys
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Protocol, TypeVar

from actionplan.text import json_for_terminal, one_block, one_line, strip_controls


def say(line: str, *, err: bool = False) -> None:
    """Print one line: escapes and control characters removed, line breaks made spaces."""
    print(one_line(line), file=sys.stderr if err else sys.stdout)


def say_block(text: str, *, err: bool = False) -> None:
    """Print lines (a table, a grid, stored Markdown): each cleaned, the line breaks kept."""
    print(one_block(text), file=sys.stderr if err else sys.stdout)


def say_json(document: str) -> None:
    """Print a JSON document, its non-printable characters as \\u escapes (same data)."""
    print(json_for_terminal(document))


class Listed(Protocol):
    """A file as a listing shows it: the user's own or shipped, and why it cannot be used."""

    @property
    def own(self) -> bool: ...

    @property
    def error(self) -> str | None: ...


E = TypeVar("E", bound=Listed)


def say_listing(
    entries: Sequence[E],
    headers: Sequence[str],
    row: Callable[[E, str], Sequence[Any]],
    *,
    flex: int,
    what: str,
    own: Path,
) -> None:
    """A listing of shipped files and the user's own: the table of ``row(entry, source)``
    (or "no WHAT"), each broken file's line, then where the user's own go (``own``)."""
    rows = [row(entry, "yours" if entry.own else "shipped") for entry in entries]
    if rows:
        say_block(table(headers, rows, flex=flex))
    else:
        say(f"no {what}")
    for entry in entries:
        if entry.error:
            say(f"broken: {entry.error}")
    say("")
    say(f"your own {what} go in {own} (*.toml; yours win over shipped ones)")


def width(text: str) -> int:
    """Columns the text takes in a terminal (wide East Asian characters count twice)."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def clip(text: str, limit: int) -> str:
    """Cut text to ``limit`` columns, ending with … when cut."""
    if width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, flex: int) -> str:
    """Align rows under headers; on a terminal, column ``flex`` shrinks to fit the width."""
    cells = [[_show(v) for v in row] for row in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    if sys.stdout.isatty():
        room = shutil.get_terminal_size().columns - (sum(widths) - widths[flex]) - 2 * len(widths)
        widths[flex] = max(12, min(widths[flex], room))
        cells = [[clip(c, widths[i]) if i == flex else c for i, c in enumerate(r)] for r in cells]
    lines = ["  ".join(_pad(h, widths[i]) for i, h in enumerate(headers)).rstrip()]
    lines += ["  ".join(_pad(c, widths[i]) for i, c in enumerate(r)).rstrip() for r in cells]
    return "\n".join(lines)


def _pad(text: str, size: int) -> str:
    return text + " " * (size - width(text))


def _show(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(getattr(value, "value", value))
    if text.isprintable():
        return text
    # Text from a shared database may not have passed our input cleaning; never let it
    # reach the terminal as escape sequences.
    return strip_controls(text, keep_newlines=False)
