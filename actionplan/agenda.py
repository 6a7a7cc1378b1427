"""The cross-client agenda: every open item in buckets by when it is due, relative to today."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from actionplan.dates import DAYS, MONTHS, relative, week_start
from actionplan.filters import matcher, parse_filter
from actionplan.known import no_client
from actionplan.models import Client, Item, Person
from actionplan.plan.errors import NotFound
from actionplan.queries import CLOSED_STATUSES
from actionplan.rows import AgendaRow

# Bucket keys in the order the agenda shows them, with their headings.
BUCKETS = ("overdue", "today", "this_week", "next_week", "later", "no_date")
LABELS = {
    "overdue": "Overdue",
    "today": "Today",
    "this_week": "This week",
    "next_week": "Next week",
    "later": "Later",
    "no_date": "No date",
}
ANYONE = -1
"""``open_items(owner_id=ANYONE)``: items of every owner (None means items with no owner)."""


@dataclass(frozen=True)
class Bucket:
    """One heading of the agenda and its items, in agenda order."""

    key: str
    rows: list[AgendaRow]

    @property
    def label(self) -> str:
        """The heading, e.g. "Next week"."""
        return LABELS[self.key]


def bucket_of(due: date | None, today: date) -> str:
    """Which agenda bucket a due date falls in, seen from ``today``."""
    if due is None:
        return "no_date"
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    sunday = week_start(today) + timedelta(days=6)
    if due <= sunday:
        return "this_week"
    return "next_week" if due <= sunday + timedelta(days=7) else "later"


def open_items(
    *, session: Session, client: str | None = None, owner_id: int | None = ANYONE
) -> list[AgendaRow]:
    """Open, non-deleted items in agenda order: by date (undated last), must-dos first, client.

    Only what the agenda shows and filters on is read: with 50,000 items every column and
    every converted value counts.

    Args:
        client: only this client's items (name, any case).
        owner_id: only this person's items; None for items with no owner; ANYONE for all.

    Returns:
        One ``AgendaRow`` per item (status and waiting-on as plain strings). The board's
        ``filters.matcher`` accepts them.

    Raises:
        NotFound: when ``client`` names no client.
    """
    item = Item.__table__  # type: ignore[attr-defined]
    client_t, person = Client.__table__, Person.__table__  # type: ignore[attr-defined]
    # Names come from the two small tables once, not with every one of 50,000 rows.
    clients: dict[int, str] = dict(session.execute(sa.select(client_t.c.id, client_t.c.name)).all())
    people: dict[int, str] = dict(session.execute(sa.select(person.c.id, person.c.name)).all())
    # "Not closed" rather than "in the open statuses": SQLite then reads the table in order
    # instead of hopping through the status index, a sixth faster with most items open.
    # Status and waiting-on come back as plain text: converting 50,000 values to enums costs
    # more than the rest of the read.
    text = sa.String
    stmt = sa.select(
        item.c.id,
        item.c.client_id,
        item.c.owner_id,
        item.c.title,
        sa.type_coerce(item.c.status, text),
        sa.type_coerce(item.c.waiting_on, text),
        item.c.due,
        item.c.must,
        item.c.escalated,
    ).where(item.c.deleted_at.is_(None), item.c.status.not_in(CLOSED_STATUSES))
    # Sorted by the database: a C sort beats Python's key-tuple sort over 50,000 rows.
    stmt = stmt.join(client_t, client_t.c.id == item.c.client_id).order_by(
        item.c.due.is_(None),
        item.c.due,
        item.c.must.desc(),
        client_t.c.name,
        item.c.id,
    )
    if client is not None:
        wanted = client.strip().lower()
        client_id = next((i for i, name in clients.items() if name.lower() == wanted), None)
        if client_id is None:
            raise NotFound(no_client(session=session, name=client))
        stmt = stmt.where(item.c.client_id == client_id)
    else:  # archived clients are left out, unless asked for by name
        stmt = stmt.where(client_t.c.archived_at.is_(None))
    if owner_id is None:
        stmt = stmt.where(item.c.owner_id.is_(None))
    elif owner_id != ANYONE:
        stmt = stmt.where(item.c.owner_id == owner_id)
    rows: list[AgendaRow] = [
        {
            "id": id_,
            "client": clients[client_id],
            "title": title,
            "status": status,
            "waiting_on": waiting_on,
            "due": due,
            "must": must,
            "escalated": escalated,
            "owner": people.get(owner),
            "owner_id": owner,
        }
        for id_, client_id, owner, title, status, waiting_on, due, must, escalated in (
            session.execute(stmt).all()
        )
    ]
    return rows


def buckets(rows: list[AgendaRow], today: date) -> list[Bucket]:
    """Split rows (in agenda order) into the six buckets, in agenda order; empty ones too."""
    split: dict[str, list[AgendaRow]] = {key: [] for key in BUCKETS}
    sunday = week_start(today) + timedelta(days=6)
    next_sunday = sunday + timedelta(days=7)
    overdue, today_, this_week = split["overdue"], split["today"], split["this_week"]
    next_week, later, no_date = split["next_week"], split["later"], split["no_date"]
    # Inlined bucket_of: this loop runs over every open item each time the agenda opens.
    for row in rows:
        due = row["due"]
        if due is None:
            no_date.append(row)
        elif due < today:
            overdue.append(row)
        elif due == today:
            today_.append(row)
        elif due <= sunday:
            this_week.append(row)
        elif due <= next_sunday:
            next_week.append(row)
        else:
            later.append(row)
    return [Bucket(key, split[key]) for key in BUCKETS]


def agenda(*, session: Session, today: date, client: str | None = None) -> list[Bucket]:
    """Every client's open items (or one client's) in the six buckets.

    Raises:
        NotFound: when ``client`` names no client.
    """
    return buckets(open_items(session=session, client=client), today)


def when_label(due: date | None, today: date) -> str:
    """How a due date reads in the agenda: "3d late", "today", "Thu", "Mon 30 Nov", "5 Jan '27".

    Close dates say how far they are; further ones give the date, with the year only when it
    is not this year's.
    """
    if due is None:
        return "no date"
    key = bucket_of(due, today)
    if key == "overdue":
        return relative(due, today=today)
    if key == "today":
        return "today"
    if key == "this_week":
        return DAYS[due.weekday()]
    month = MONTHS[due.month - 1]
    if key == "next_week":
        return f"{DAYS[due.weekday()]} {due.day} {month}"
    return (
        f"{due.day} {month}"
        if due.year == today.year
        else f"{due.day} {month} '{due.year % 100:02}"
    )


def marks(row: AgendaRow) -> list[str]:
    """What stands out about an item: "escalated", "on client" (waiting on whom), "nice"."""
    found = []
    if row["escalated"]:
        found.append("escalated")
    if row["status"] == "waiting":
        found.append(f"on {row['waiting_on'] or 'whom?'}")
    if not row["must"]:
        found.append("nice")
    return found


def agenda_matcher(text: str, today: date) -> Callable[[AgendaRow], bool] | None:
    """A predicate for what the user typed: the board's filter language plus ``client:NAME``.

    Free text searches the title, client and owner; None means the text filters nothing.
    """
    words, clients = [], []
    for word in text.split():
        if word.lower().startswith("client:") and len(word) > 7:
            clients.append(word[7:].lower())
        else:
            words.append(word)
    flt = parse_filter(" ".join(words))
    if not flt.active and not clients:
        return None
    board_match = matcher(flt, today)

    def matches(row: AgendaRow) -> bool:
        if clients and not all(c in row["client"].lower() for c in clients):
            return False
        return board_match(row)

    return matches
