"""How summaries write dates, owners and statuses: one wording for every format."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from actionplan.dates import describe
from actionplan.summary.model import Line, Moved


def long_day(day: date | None) -> str:
    """ "Mon 23 Nov 2026", or "no date yet"."""
    return describe(day) if day else "no date yet"


def short_day(day: date | None, year: int | None = None) -> str:
    """ "28 Nov", with the year when it is not ``year`` (no year given: always without)."""
    if day is None:
        return "no date"
    text = f"{day.day} {describe(day).split()[2]}"
    return text if year is None or day.year == year else f"{text} {day.year}"


def when(line: Line, today: date) -> str:
    """The date of an item: short, with the year if not this year's, "(late)" once past, and
    the date the client was told while they have not been told the new one ("22 Dec,
    promised 11 Dec")."""
    if line.due is None:
        return "date to be set"
    text = short_day(line.due, today.year)
    if line.is_open and line.due < today:
        text += " (late)"
    if line.promised is not None:
        text += f", promised {short_day(line.promised, today.year)}"
    return text


def after(line: Line) -> str:
    """What an item waits for: "after: Order laptops", or "" when nothing (see ``Line.after``)."""
    return f"after: {', '.join(line.after)}" if line.after else ""


def when_after(line: Line, today: date) -> str:
    """:func:`when`, then what the item waits for: "28 Nov, after: Order laptops"."""
    text = when(line, today)
    return f"{text}, {after(line)}" if line.after else text


def moved_phrase(was: date | None, now: date | None, today: date) -> str:
    """ "was 28 Nov, now 12 Dec" (years shown when they differ from today's or each other)."""
    year = today.year if (was is None or now is None or was.year == now.year) else -1
    return f"was {short_day(was, year)}, now {short_day(now, year)}"


def changes(
    done: Sequence[Line], new: Sequence[Line], moved: Sequence[Moved], today: date
) -> list[tuple[str, list[str]]]:
    """Done, new and dates moved as (heading, lines), worded alike in every format; a section
    with nothing in it has no lines."""
    return [
        ("Done", [ln.title for ln in done]),
        ("New", [f"{ln.title} ({when(ln, today)})" for ln in new]),
        (
            "Dates moved",
            [f"{m.line.title}: {moved_phrase(m.was, m.line.due, today)}" for m in moved],
        ),
    ]


def paragraphs(text: str) -> list[str]:
    """An intro's paragraphs: split at blank lines, each one's lines joined."""
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


NONE = "None"
