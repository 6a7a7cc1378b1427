"""An iCalendar (RFC 5545) feed of dated open items, one all-day event each.

Two feeds, from the same rows:

- **The client feed** (the default) may be handed to a client or subscribed to on a shared
  calendar. It says only what a client summary may say: no internal-only, done, dropped or
  deleted item, no internal note, no escalation, and owners as the client sees them (our people
  by team, vendors by company, the client's own contacts by name). ``client_feed_rows`` returns
  exactly what it contains, text by text, so a check can read it before it leaves.
- **The internal feed** (``internal=True``) is for the account manager's own calendar. Its name
  says "(internal)". Internal-only items appear too (marked ``CLASS:PRIVATE`` and "Internal
  only" in the description, so nobody forwards them by mistake), with owners' full names; an
  internal note still never does.

The output is a pure function of the plan: UIDs come from item ids, DTSTAMP and LAST-MODIFIED
from the item's last change, so exporting the same plan twice gives the same bytes and a
subscribed calendar updates events in place instead of duplicating them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from actionplan.models import Status, Visibility
from actionplan.summary.model import client_visible, to_line
from actionplan.text import strip_controls

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.rows import ItemRow

PRODID = "-//actionplan//actionplan action plan//EN"
LINE_OCTETS = 75  # RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding CRLF
CRLF = "\r\n"
INTERNAL_SUFFIX = " (internal)"
# What strip_controls would change: control characters (Cc), ESC sequences and bidi overrides.
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class FeedEvent:
    """One all-day event as the feed says it: ``summary`` and ``description`` are the only
    free text, unescaped."""

    item_id: int
    due: date
    changed: datetime
    version: int
    summary: str
    description: str
    private: bool = False


def export_ics(*, session: Session, client: str | None = None, internal: bool = False) -> str:
    """The feed of dated open items (of one client, or of all).

    Args:
        session: An open database session.
        client: Only this client's items (case-insensitive); None for every client.
        internal: The full internal feed (named "... (internal)") instead of the client feed.

    Returns:
        The iCalendar text, CRLF line endings, folded at 75 octets.

    Raises:
        NotFound: when there is no such client.
    """
    from actionplan.known import no_client
    from actionplan.plan import NotFound, find_client
    from actionplan.queries import OPEN_STATUSES, ItemFilter, list_items

    name = "actionplan"
    if client is not None:
        found = find_client(session=session, name=client)
        if found is None:
            raise NotFound(no_client(session=session, name=client))
        client, name = found.name, f"actionplan: {found.name}"
    where = ItemFilter(client=client, statuses=tuple(OPEN_STATUSES))
    return render_ics(
        list_items(session=session, where=where), calendar_name=name, internal=internal
    )


def render_ics(
    rows: Iterable[ItemRow], *, calendar_name: str = "actionplan", internal: bool = False
) -> str:
    """Listed items (see ``queries.list_items``) as an iCalendar feed.

    Items that are done, dropped, deleted or have no due date are left out, so callers may
    pass any listing.

    Args:
        rows: Items with their ``client`` and ``owner`` columns.
        calendar_name: The name a calendar app shows for the feed ("(internal)" is added to it
            for the internal feed).
        internal: The internal feed (``internal_feed_rows``), not the client feed
            (``client_feed_rows``).

    Returns:
        The iCalendar text.
    """
    if internal:
        return render_events(internal_feed_rows(rows), calendar_name + INTERNAL_SUFFIX)
    return render_events(client_feed_rows(rows), calendar_name)


def client_feed_rows(rows: Iterable[ItemRow]) -> list[FeedEvent]:
    """Everything the client feed contains, in order: the events of client-visible dated open
    items, their text built only from what a client summary shows.

    The title and client note are cleaned as the summary cleans them (``summary.model.to_line``),
    the owner is ``owner_label`` (a team or company for our people and vendors), and the status
    reads as the client reads it. Internal notes, escalations and internal-only items never
    get in.
    """
    out = []
    for row in _dated_open(rows):
        if not client_visible(row):
            continue
        line = to_line(row)
        parts = [f"Owner: {line.owner}", f"Status: {line.status}"]
        if line.note:
            parts.extend(["", line.note])
        out.append(
            _feed_event(row, summary=f"{_one_line(row['client'])}: {line.title}", parts=parts)
        )
    return out


def internal_feed_rows(rows: Iterable[ItemRow]) -> list[FeedEvent]:
    """The events of the internal feed: every dated open item, internal-only ones marked
    private, owners by full name; still never an internal note."""
    return [
        _feed_event(
            row,
            summary=f"{row['client']}: {row['title']}",
            parts=[describe_item(row)],
            private=Visibility(row["visibility"]) == Visibility.INTERNAL,
        )
        for row in _dated_open(rows)
    ]


def render_events(events: Iterable[FeedEvent], calendar_name: str) -> str:
    """Feed events as iCalendar text, in the order given, under this calendar name."""
    name = escape_text(calendar_name)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"NAME:{name}",  # RFC 7986
        f"X-WR-CALNAME:{name}",  # what most calendar apps still read
    ]
    for event in events:
        lines.extend(_event(event))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def _dated_open(rows: Iterable[ItemRow]) -> list[ItemRow]:
    return sorted(
        (row for row in rows if _wanted(row)),
        key=lambda row: (row["due"], row["client"].lower(), row["id"]),
    )


def _wanted(row: ItemRow) -> bool:
    return (
        row["due"] is not None
        and row["deleted_at"] is None
        and Status(row["status"]) not in (Status.DONE, Status.DROPPED)
    )


def _feed_event(
    row: ItemRow, *, summary: str, parts: list[str], private: bool = False
) -> FeedEvent:
    due = row["due"]
    assert due is not None  # (only dated items, see _dated_open, get here)
    return FeedEvent(
        item_id=int(row["id"]),
        due=due,
        changed=row["updated_at"],
        version=int(row["version"] or 1),
        summary=summary,
        description="\n".join(parts),
        private=private,
    )


def _event(event: FeedEvent) -> list[str]:
    stamp = _utc_stamp(event.changed)
    # The day after; the calendar's very last day has none, and an all-day DTSTART without
    # a DTEND lasts one day anyway (RFC 5545, 3.6.1).
    end = (
        [f"DTEND;VALUE=DATE:{event.due + timedelta(days=1):%Y%m%d}"] if event.due < date.max else []
    )
    lines = [
        "BEGIN:VEVENT",
        f"UID:item-{event.item_id}@actionplan",
        f"DTSTAMP:{stamp}",
        f"LAST-MODIFIED:{stamp}",
        # The item's version counts its changes, so calendar apps see each edit as newer.
        f"SEQUENCE:{max(event.version - 1, 0)}",
        f"DTSTART;VALUE=DATE:{event.due:%Y%m%d}",
        *end,
        f"SUMMARY:{escape_text(event.summary)}",
        f"DESCRIPTION:{escape_text(event.description)}",
        # All-day reminders should not block the account manager's day as busy.
        "TRANSP:TRANSPARENT",
    ]
    if event.private:
        lines.append("CLASS:PRIVATE")
    lines.append("END:VEVENT")
    return lines


def describe_item(row: ItemRow) -> str:
    """An internal event's description: owner, status and the client note; never the internal
    note.

    Args:
        row: A listed item.

    Returns:
        Plain text with line breaks.
    """
    status = Status(row["status"]).value
    if row["waiting_on"]:
        status = f"{status} (on {getattr(row['waiting_on'], 'value', row['waiting_on'])})"
    parts = [f"Owner: {row['owner'] or 'nobody'}", f"Status: {status}"]
    if Visibility(row["visibility"]) == Visibility.INTERNAL:
        parts.append("Internal only: not for the client")
    note = (row["client_note"] or "").strip()
    if note:
        parts.extend(["", note])
    return "\n".join(parts)


def _one_line(text: str) -> str:
    """As the summary shows a name: controls removed, whitespace runs made one space."""
    return " ".join(strip_controls(text, keep_newlines=False).split())


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
