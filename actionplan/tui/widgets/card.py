"""A card drawn as Rich text: title, owner, due, and the marks that need attention."""

from __future__ import annotations

import textwrap
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text

from actionplan.dates import relative
from actionplan.plan.recurrence import short_repeat
from actionplan.text import strip_controls

if TYPE_CHECKING:
    from actionplan.rows import ItemRow

# Styles are named here once; the board's colours come from these and app.tcss.
OVERDUE = "bold red"
DUE_SOON = "bold yellow"
DUE_WEEK = "yellow"
NO_OWNER = "italic dark_orange"
MARK_ESCALATED = "bold white on red"
MARK_SLIPPED = "bold magenta"
MARK_WAITING = "cyan"
MARK_NICE = "dim"
MARK_INTERNAL = "bold black on yellow"
MARK_UNTOLD = "magenta"
MARK_REPEAT = "bright_blue"
MARK_BLOCKED = "dark_orange"


def due_style(due: date | None, today: date, *, is_open: bool) -> str:
    """Red when late, bold yellow within two days, yellow within a week."""
    if due is None or not is_open:
        return "dim"
    days = (due - today).days
    if days < 0:
        return OVERDUE
    if days <= 2:
        return DUE_SOON
    if days <= 7:
        return DUE_WEEK
    return ""


def _value(v: Any) -> str:
    return str(getattr(v, "value", v))


def card_lines(row: ItemRow, *, today: date, width: int, show_client: bool = False) -> list[Text]:
    """One item as the lines of a card, each at most ``width`` wide.

    Always the same number of lines (client, when shown; two of title; when and who; marks),
    so every card on the board has one height.

    Args:
        row: an item as ``queries.list_items`` gives it; an "untold" key, when the read marked
            it (``summary.source.mark_untold``), adds the "not told" mark; a "blocked_by" key
            (the board's read), the ids of the open items it waits for, adds "after #12".
        today: what "late" and "in 3d" count from.
        width: the columns each line may use.
        show_client: on the all-clients board, the client's name leads the card.
    """
    width = max(8, width)
    is_open = _value(row["status"]) not in ("done", "dropped")
    lines: list[Text] = []
    if show_client:
        client = strip_controls(row["client"], keep_newlines=False)
        lines.append(Text(_clip(client, width), style="italic cyan"))
    # User text goes in as plain Text: "[bold]" or "<b>" in a title stays literal.
    title = strip_controls(row["title"], keep_newlines=False)
    lead = "    " if row["escalated"] else ""
    wrapped = textwrap.wrap(lead + title, width) or [""]
    if len(wrapped) > 2:
        rest = " ".join(wrapped[1:])
        wrapped = [wrapped[0], _clip(rest, width)]
    first = Text(wrapped[0][len(lead) :], style="bold")
    if row["escalated"]:
        first = Text.assemble((" ! ", MARK_ESCALATED), " ", first)
    lines.append(first)
    lines.append(Text(wrapped[1] if len(wrapped) > 1 else "", style="bold"))
    meta = _meta(row, today, width, is_open)
    meta.truncate(width, overflow="ellipsis")
    lines.append(meta)
    marks = Text()
    for n, (label, style) in enumerate(_marks(row, is_open)):
        if n:
            marks.append(" ")
        marks.append(label, style=style)
    marks.truncate(width, overflow="ellipsis")
    lines.append(marks)
    return lines


def _meta(row: ItemRow, today: date, width: int, is_open: bool) -> Text:
    """When (due, or when it was done) then who, cut to the width."""
    meta = Text()
    when = ""
    done_at = row["done_at"]
    if not is_open and done_at is not None:
        when = _done_phrase(done_at.date(), today)
        meta.append(when, style="dim")
    elif row["due"] is not None:
        when = relative(row["due"], today=today)
        meta.append(when, style=due_style(row["due"], today, is_open=is_open))
    owner = row["owner"]
    room = width - len(when) - (3 if when else 0)
    if not is_open and room < 8:
        return meta  # a finished card needs its date more than its owner
    if when:
        meta.append(" · ", style="dim")
    if owner:
        meta.append(_short_name(strip_controls(owner, keep_newlines=False), room))
    else:
        meta.append(_clip("no owner", max(3, room)), style=NO_OWNER)
    return meta


def _done_phrase(done: date, today: date) -> str:
    days = (today - done).days
    if days <= 0:
        return "done today"
    if days == 1:
        return "done yesterday"
    return f"done {days}d ago" if days < 14 else f"done {days // 7}w ago"


def _short_name(name: str, room: int) -> str:
    """The full name if it fits, else "First L.", else cut."""
    if len(name) <= room:
        return name
    parts = name.split()
    if len(parts) > 1:
        short = f"{parts[0]} {parts[-1][0]}."
        if len(short) <= room:
            return short
    return _clip(name, max(3, room))


def _marks(row: ItemRow, is_open: bool) -> list[tuple[str, str]]:
    marks: list[tuple[str, str]] = []
    if is_open and row["due"] and row["committed"] and row["due"] > row["committed"]:
        marks.append((f"slipped +{(row['due'] - row['committed']).days}d", MARK_SLIPPED))
    if is_open and row.get("untold"):
        marks.append(("not told", MARK_UNTOLD))
    if _value(row["status"]) == "waiting":
        on = _value(row["waiting_on"]) if row["waiting_on"] else "whom?"
        marks.append((f"on {on}", MARK_WAITING))
    blocked_by = cast("list[int] | None", row.get("blocked_by"))
    if is_open and blocked_by:
        marks.append(("after " + ",".join(f"#{b}" for b in blocked_by), MARK_BLOCKED))
    if not row["must"]:
        marks.append(("nice", MARK_NICE))
    if _value(row["visibility"]) == "internal":
        marks.append(("internal", MARK_INTERNAL))
    if is_open and row["repeat_every"]:
        marks.append((f"↻{short_repeat(row['repeat_every'], row['repeat_unit'])}", MARK_REPEAT))
    return marks


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(1, limit - 1)] + "…"
