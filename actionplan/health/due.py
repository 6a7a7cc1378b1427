"""The health checks coming due: open items that name a form, due within some days (or late)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from actionplan import clock
from actionplan.models import Client, HealthCheck, Item, Status
from actionplan.queries import CLOSED_STATUSES, item_select


@dataclass(frozen=True, slots=True)
class DueCheck:
    """An open item whose completion fills a health-check form, and when it is due."""

    item_id: int
    client: str
    form: str
    """The form's key."""
    form_title: str
    """The form's title ("" when its file is no longer there)."""
    due: date
    title: str
    """The item's title."""
    owner: str | None
    last_checked: date | None = None
    """The day of the client's latest check of this form (None: never checked)."""


def due_checks(
    *, session: Session, today: date, days: int = 7, clients: Sequence[str] = ()
) -> list[DueCheck]:
    """Open items (not done or dropped, not deleted, of a client not archived) that name a form
    and are due by ``today + days``, overdue ones included; by due date, then client.

    Args:
        clients: only these clients (names, any case); all when empty.
    """
    item = Item.__table__  # type: ignore[attr-defined]
    client = Client.__table__  # type: ignore[attr-defined]
    stmt = item_select().where(
        item.c.health_form.is_not(None),
        item.c.due <= today + timedelta(days=days),
        item.c.deleted_at.is_(None),
        item.c.status.not_in(CLOSED_STATUSES),
        client.c.archived_at.is_(None),
    )
    if clients:
        stmt = stmt.where(sa.func.lower(client.c.name).in_([c.strip().lower() for c in clients]))
    rows = session.execute(stmt).mappings().all()
    titles = _form_titles({row["health_form"] for row in rows})
    last = _last_checked(session, {row["client_id"] for row in rows})
    found = [
        DueCheck(
            row["id"],
            row["client"],
            row["health_form"],
            titles.get(row["health_form"], ""),
            row["due"],
            row["title"],
            row["owner"],
            last.get((row["client_id"], row["health_form"])),
        )
        for row in rows
    ]
    return sorted(found, key=lambda d: (d.due, d.client.lower(), d.item_id))


def clients_due(*, session: Session, start: date, end: date) -> list[str]:
    """The clients (not archived) with an item naming a form due from ``start`` to ``end``,
    open or done (a check filled this week completes its item), or due before ``start`` and
    still open or done since (a late check is this week's too); by name. Dropped and deleted
    items count for nothing."""
    item = Item.__table__  # type: ignore[attr-defined]
    client = Client.__table__  # type: ignore[attr-defined]
    stmt = (
        sa.select(client.c.name)
        .distinct()
        .join(item, item.c.client_id == client.c.id)
        .where(
            item.c.health_form.is_not(None),
            sa.or_(
                sa.and_(item.c.due.between(start, end), item.c.status != Status.DROPPED),
                sa.and_(item.c.due < start, item.c.status.not_in(CLOSED_STATUSES)),
                sa.and_(item.c.due < start, item.c.done_at >= _midnight(start)),
            ),
            item.c.deleted_at.is_(None),
            client.c.archived_at.is_(None),
        )
    )
    return sorted(session.scalars(stmt), key=str.lower)


def _last_checked(session: Session, client_ids: set[int]) -> dict[tuple[int, str], date]:
    """Each (client id, form key)'s latest check day, for these clients, in one query."""
    if not client_ids:
        return {}
    check = HealthCheck.__table__  # type: ignore[attr-defined]
    stmt = (
        sa.select(check.c.client_id, check.c.form, sa.func.max(check.c.checked_on))
        .where(check.c.client_id.in_(client_ids))
        .group_by(check.c.client_id, check.c.form)
    )
    return {(client, form): day for client, form, day in session.execute(stmt)}


def _midnight(day: date) -> datetime:
    """The start of ``day`` in the clock's time zone (as ``done_at`` is kept)."""
    return datetime.combine(day, time.min).replace(tzinfo=clock.now().tzinfo)


def _form_titles(keys: set[str]) -> dict[str, str]:
    """Each form key's title, for the forms whose files are there and usable."""
    if not keys:
        return {}
    from actionplan.health.catalogue import list_forms

    return {e.name: e.loaded.title for e in list_forms() if e.loaded is not None and e.name in keys}
