"""Who changed what: an item's history, or a client's changes since the last call, as rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlmodel import Session, col, select

from actionplan.history import SIDE_EFFECTS, describe_event
from actionplan.known import no_client
from actionplan.models import HistoryEvent, Item, Snapshot
from actionplan.plan import NotFound, find_client
from actionplan.queries import person_names

DEFAULT_DAYS = 14
"""How far back "since the last call" looks when no snapshot has been saved yet."""


@dataclass(frozen=True)
class Change:
    """One change of one item, in words: when, who, which item, what, and why."""

    op_id: int
    """The operation that made it: the changes one operation made go together."""
    at: datetime
    author: str
    item_id: int
    title: str
    text: str
    reason: str | None


@dataclass(frozen=True)
class Since:
    """Where "since the last call" starts: the last snapshot's time, or ``DEFAULT_DAYS`` ago."""

    at: datetime
    snapshot_author: str | None
    """Who saved the last snapshot; None when there is none and the default window applies."""

    @property
    def from_snapshot(self) -> bool:
        """True when ``at`` is the time the last snapshot was saved."""
        return self.snapshot_author is not None


def last_call(*, session: Session, client: str, today: date) -> Since:
    """The time of the client's last saved snapshot, else local midnight ``DEFAULT_DAYS`` ago.

    Raises:
        NotFound: when there is no such client.
    """
    client_row = find_client(session=session, name=client)
    if client_row is None:
        raise NotFound(no_client(session=session, name=client))
    newest = session.exec(  # only the time and who: not every snapshot's model and Markdown
        select(Snapshot.created_at, Snapshot.author)
        .where(Snapshot.client_id == client_row.id)
        .order_by(col(Snapshot.created_at).desc(), col(Snapshot.id).desc())
        .limit(1)
    ).first()
    if newest is not None:
        return Since(newest[0], newest[1])
    # Local midnight: "the last 14 days" as the user counts them.
    start = datetime.combine(today - timedelta(days=DEFAULT_DAYS), time(0)).astimezone()
    return Since(start, None)


def changes_since(*, session: Session, client: str, since: datetime) -> list[Change]:
    """The changes made to a client's items after ``since``, newest operation first.

    Reordering within a column is left out: it says nothing about the plan. Deleted and
    internal-only items are included: this is for us, never for the client.

    Args:
        since: a timezone-aware moment; changes at it exactly are not included.

    Raises:
        NotFound: when there is no such client.
    """
    found = find_client(session=session, name=client)
    if found is None:
        raise NotFound(no_client(session=session, name=client))
    stmt = (
        select(HistoryEvent, Item.title)
        .join(Item, col(Item.id) == col(HistoryEvent.item_id))
        .where(Item.client_id == found.id, col(HistoryEvent.at) > since)
        # Newest operation first; within one, its changes in the order they were made.
        .order_by(
            col(HistoryEvent.at).desc(),
            col(HistoryEvent.op_id).desc(),
            col(HistoryEvent.item_id),
            col(HistoryEvent.id),
        )
    )
    rows = list(session.exec(stmt).all())
    titles = {event.item_id: title for event, title in rows}
    events = [event for event, _ in rows]
    return readable(events, person_names(session=session), titles, order_moves=False)


def readable(
    events: Iterable[HistoryEvent],
    people: dict[int, str],
    titles: dict[int, str],
    *,
    order_moves: bool = True,
) -> list[Change]:
    """History events as changes in words, in the order given.

    A side effect (the position or done time a status change sets) is left out when its
    operation changed something else of the same item.

    Args:
        people: person id to name, for owner changes.
        titles: item id to title.
        order_moves: keep moves up or down within a column (an item's own history wants
            them; a client's list of changes does not).
    """
    events = list(events)
    fields: dict[tuple[int, int], set[str]] = {}
    for event in events:
        fields.setdefault((event.op_id, event.item_id), set()).add(event.field)
    changes = []
    for event in events:
        if event.field in SIDE_EFFECTS:  # listed only when nothing else changed with them
            alone = fields[(event.op_id, event.item_id)] <= set(SIDE_EFFECTS)
            if not alone or (event.field == "position" and not order_moves):
                continue
        changes.append(
            Change(
                op_id=event.op_id,
                at=event.at,
                author=event.author,
                item_id=event.item_id,
                title=titles.get(event.item_id, f"#{event.item_id}"),
                text=_describe(event, people),
                reason=event.reason,
            )
        )
    return changes


def _describe(event: HistoryEvent, people: dict[int, str]) -> str:
    if event.field == "position":
        # Positions are numbers only the board uses; which way the card went is what it means.
        try:
            up = int(event.new or 0) < int(event.old or 0)
        except ValueError:
            return describe_event(event, people)
        return f"moved {'up' if up else 'down'} in its column"
    return describe_event(event, people)


def when(moment: datetime, *, this_year: int) -> str:
    """A moment in local time, short: "Mon 23 Nov 14:05", with the year when it is not this one.

    Both forms are at most 17 characters.
    """
    local = moment.astimezone()
    if local.year == this_year:
        return f"{local:%a} {local.day} {local:%b %H:%M}"
    return f"{local.day} {local:%b %Y %H:%M}"
