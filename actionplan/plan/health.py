"""Health checks in the plan: keep a new one or an edit (one operation each, which undo reverts),
read a client's checks. Every value is checked before anything is written."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from actionplan.health.form import Form
from actionplan.health.values import Value, check_values
from actionplan.models import Client, HealthCheck, Status
from actionplan.plan.errors import Invalid, NotFound
from actionplan.plan.items import clean_changes, edit_in
from actionplan.plan.journal import Recorder, lock, operation
from actionplan.plan.named import client_named
from actionplan.text import quote


@dataclass(frozen=True, slots=True)
class SavedCheck:
    """A check as read back: its row's facts and its values."""

    id: int
    client: str
    form: str
    form_title: str
    checked_on: date
    values: dict[str, Value]
    author: str


@dataclass(frozen=True, slots=True)
class Entry:
    """A check as the technician filled it: for a new check, the client and date; for an edit,
    the check's id (and a new date only when it moves)."""

    form: Form
    values: dict[str, Any]
    client: str | None = None
    checked_on: date | None = None
    check_id: int | None = None
    """None: a new check. Otherwise the check whose values (and date, when given) it replaces."""
    item_id: int | None = None
    """The recurring item (naming this form) the new check completes, in the same operation."""


def keep_check(
    *, session: Session, entry: Entry, author: str, today: date | None = None
) -> HealthCheck:
    """Keep a new check (``kind="health-check"``) or replace one's values (``"health-edit"``),
    each as ONE operation that undo reverts.

    Raises:
        NotFound: an unknown client (with the nearest names), or no such check.
        BadValue: a value the form refuses; nothing is written.
        Invalid: a new check without its client or date, or dated after ``today``; an
            ``item_id`` that is not an open item of that client naming this form (nothing is
            written).
    """
    checked = json.dumps(check_values(entry.form, entry.values, today=today), ensure_ascii=False)
    if entry.check_id is not None:
        if entry.item_id is not None:
            raise Invalid("an edit of a check completes no item (only a new check does)")
        return _replace(session, entry, checked, author, today)
    if entry.client is None or entry.checked_on is None:
        raise Invalid("a new health check needs its client and its date")
    _not_ahead(entry.checked_on, today)
    client_named(session, entry.client)  # an unknown client is refused before the write begins
    with operation(session, author=author, kind="health-check") as rec:
        found = client_named(session, entry.client)
        assert found.id is not None
        row = HealthCheck(
            client_id=found.id,
            form=entry.form.key,
            form_title=entry.form.title,
            checked_on=entry.checked_on,
            values_json=checked,
            created_at=rec.op.at,
            author=rec.op.author,
        )
        session.add(row)
        session.flush()
        rec.created(row)
        saved = f"saved {entry.form.title} for {quote(found.name)} ({entry.checked_on.isoformat()})"
        if entry.item_id is not None:
            saved += "; " + _complete(session, rec, entry, found)
        rec.op.summary = saved[:300]
    return row


def _complete(session: Session, rec: Recorder, entry: Entry, client: Client) -> str:
    """Inside the check's operation: mark done the item it completes (open, of the client,
    naming the form), adding its next occurrence; what was done, for the summary."""
    assert entry.item_id is not None
    item = lock(session, entry.item_id)
    if item.deleted_at is not None:
        raise Invalid(f"item #{entry.item_id} is deleted: a check completes an open item")
    if not Status(item.status).is_open:
        status = Status(item.status).value
        raise Invalid(f"item #{entry.item_id} is {status} already: a check completes an open item")
    if item.client_id != client.id:
        raise Invalid(f"item #{entry.item_id} is not an item of {quote(client.name)}")
    if item.health_form != entry.form.key:
        named = f"names {quote(item.health_form)}" if item.health_form else "names no form"
        raise Invalid(f"item #{entry.item_id} {named}, not {quote(entry.form.key)}")
    _, done = edit_in(session, rec, entry.item_id, clean_changes({"status": Status.DONE}))
    return done


def _not_ahead(day: date, today: date | None) -> None:
    """A check records what was found: it cannot be dated after today (it would become the
    latest, the one every document and batch sends)."""
    if today is not None and day > today:
        raise Invalid(f"date: {day.isoformat()} is after today; a check is dated when it was made")


def _replace(
    session: Session, entry: Entry, checked: str, author: str, today: date | None
) -> HealthCheck:
    with operation(session, author=author, kind="health-edit") as rec:
        row = session.get(HealthCheck, entry.check_id, with_for_update=True, populate_existing=True)
        if row is None:
            raise NotFound(f"no health check #{entry.check_id}")
        rec.change(row, "values_json", checked)
        if entry.checked_on is not None:
            _not_ahead(entry.checked_on, today)
            rec.change(row, "checked_on", entry.checked_on)
        rec.op.summary = f"edited health check #{entry.check_id}"
    return row


def checks_of(*, session: Session, client: Client, form: str | None = None) -> list[SavedCheck]:
    """A client's checks (of one form, when given), oldest first."""
    stmt = select(HealthCheck).where(HealthCheck.client_id == client.id)
    if form is not None:
        stmt = stmt.where(HealthCheck.form == form)
    rows = session.exec(stmt.order_by(col(HealthCheck.checked_on), col(HealthCheck.id))).all()
    return [_saved(row, client.name) for row in rows]


def _saved(row: HealthCheck, client: str) -> SavedCheck:
    assert row.id is not None
    values = json.loads(row.values_json)
    return SavedCheck(row.id, client, row.form, row.form_title, row.checked_on, values, row.author)


def pick_check(
    checks: list[SavedCheck], check_id: int | None, client: str
) -> tuple[SavedCheck, SavedCheck | None]:
    """The check asked for (the latest when ``check_id`` is None) and the one of the same form
    before it, for the trends.

    Raises:
        NotFound: the client has no checks, or none with that id.
    """
    if not checks:
        raise NotFound(f"no health checks of {quote(client)} yet (actionplan health fill)")
    if check_id is None:
        chosen = checks[-1]
    else:
        found = [c for c in checks if c.id == check_id]
        if not found:
            ids = ", ".join(str(c.id) for c in checks[-10:])
            raise NotFound(f"{quote(client)} has no health check #{check_id} (there are: {ids})")
        chosen = found[0]
    same = [c for c in checks if c.form == chosen.form]
    at = same.index(chosen)
    return chosen, same[at - 1] if at > 0 else None
