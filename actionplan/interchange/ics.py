"""An iCalendar (RFC 5545) feed of every dated open item, one all-day event each.

The feed is for the account manager's own calendar, not for the client: internal-only items
appear too (marked ``CLASS:PRIVATE`` and "Internal only" in the description, so nobody
forwards them by mistake), but an internal note never does, for any item. The description
carries the owner, the status and the client note, nothing else.

The output is a pure function of the plan: UIDs come from item ids, DTSTAMP and LAST-MODIFIED
from the item's last change, so exporting the same plan twice gives the same bytes and a
subscribed calendar updates events in place instead of duplicating them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from actionplan.models import Status, Visibility
from actionplan.text import strip_controls

if TYPE_CHECKING:
    from sqlmodel import Session

PRODID = "-//actionplan//actionplan action plan//EN"
LINE_OCTETS = 75  # RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding CRLF
CRLF = "\r\n"
# What strip_controls would change: control characters (Cc), ESC sequences and bidi overrides.
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def export_ics(*, session: Session, client: str | None = None) -> str:
    """The feed of every dated open item (of one client, or of all).

    Args:
        session: An open database session.
        client: Only this client's items (case-insensitive); None for every client.

    Returns:
        The iCalendar text, CRLF line endings, folded at 75 octets.

    Raises:
        NotFound: when there is no such client.
    """
    from actionplan.plan import NotFound, find_client
    from actionplan.queries import OPEN_STATUSES, ItemFilter, list_items

    name = "actionplan"
    if client is not None:
        found = find_client(session=session, name=client)
        if found is None:
            raise NotFound(f"no client named {client.strip()!r}")
        client, name = found.name, f"actionplan: {found.name}"
    where = ItemFilter(client=client, statuses=tuple(OPEN_STATUSES))
    return render_ics(list_items(session=session, where=where), calendar_name=name)


def render_ics(rows: Iterable[dict[str, Any]], *, calendar_name: str = "actionplan") -> str:
    """Listed items (see ``queries.list_items``) as an iCalendar feed.

    Items that are done, dropped, deleted or have no due date are left out, so callers may
    pass any listing.

    Args:
        rows: Items with their ``client`` and ``owner`` names.
        calendar_name: The name a calendar app shows for the feed.

    Returns:
        The iCalendar text.
    """
    events = sorted(
        (row for row in rows if _wanted(row)),
        key=lambda row: (row["due"], row["client"].lower(), row["id"]),
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape_text(calendar_name)}",
    ]
    for row in events:
        lines.extend(_event(row))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def _wanted(row: dict[str, Any]) -> bool:
    return (
        row["due"] is not None
        and row.get("deleted_at") is None
        and Status(row["status"]) not in (Status.DONE, Status.DROPPED)
    )


def _event(row: dict[str, Any]) -> list[str]:
    due: date = row["due"]
    stamp = _utc_stamp(row["updated_at"])
    internal = Visibility(row["visibility"]) == Visibility.INTERNAL
    summary = f"{row['client']}: {row['title']}"
    lines = [
        "BEGIN:VEVENT",
        f"UID:item-{row['id']}@actionplan",
        f"DTSTAMP:{stamp}",
        f"LAST-MODIFIED:{stamp}",
        # The item's version counts its changes, so calendar apps see each edit as newer.
        f"SEQUENCE:{max(int(row.get('version') or 1) - 1, 0)}",
        f"DTSTART;VALUE=DATE:{due:%Y%m%d}",
        f"DTEND;VALUE=DATE:{due + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(describe_item(row))}",
        # All-day reminders should not block the account manager's day as busy.
        "TRANSP:TRANSPARENT",
    ]
    if internal:
        lines.append("CLASS:PRIVATE")
    lines.append("END:VEVENT")
    return lines


def describe_item(row: dict[str, Any]) -> str:
    """An event's description: owner, status and the client note; never the internal note.

    Args:
        row: A listed item.

    Returns:
        Plain text with line breaks.
    """
    status = Status(row["status"]).value
    if row.get("waiting_on"):
        status = f"{status} (on {getattr(row['waiting_on'], 'value', row['waiting_on'])})"
    parts = [f"Owner: {row.get('owner') or 'nobody'}", f"Status: {status}"]
    if Visibility(row["visibility"]) == Visibility.INTERNAL:
        parts.append("Internal only: not for the client")
    note = (row.get("client_note") or "").strip()
    if note:
        parts.extend(["", note])
    return "\n".join(parts)


def escape_text(value: str) -> str:
    r"""A TEXT property value per RFC 5545 3.3.11: \\, \;, \, and \n escaped, controls removed.

    Args:
        value: Any text.

    Returns:
        The escaped value, on one logical line.
    """
    # Cleaning is slow per character, and text from the plan is clean already: check first.
    if _NEEDS_CLEANING.search(value):
        value = strip_controls(value, keep_newlines=True)  # also turns CRLF and CR into LF
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into parts of at most 75 octets, never inside a UTF-8 character.

    Continuation parts start with one space (RFC 5545 3.1), which counts towards the 75.

    Args:
        line: One unfolded content line, without its CRLF.

    Returns:
        The line, with CRLF + space inserted where it was folded.
    """
    if line.isascii():  # one octet per character: plain slices
        if len(line) <= LINE_OCTETS:
            return line
        rest = line[LINE_OCTETS:]
        step = LINE_OCTETS - 1
        tail = [rest[i : i + step] for i in range(0, len(rest), step)]
        return (CRLF + " ").join([line[:LINE_OCTETS], *tail])
    if len(line.encode("utf-8")) <= LINE_OCTETS:
        return line
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = LINE_OCTETS
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size = [], 0
            limit = LINE_OCTETS - 1  # the leading space of a continuation line
        current.append(ch)
        size += width
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def _utc_stamp(moment: datetime) -> str:
    # The database stores UTC; a driver may hand it back without its zone.
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return f"{aware:%Y%m%dT%H%M%SZ}"
