"""Health checks in the plan: save one (one operation, which undo removes), edit one, read
a client's checks. Every value is checked before anything is written."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from actionplan.health.form import Form
from actionplan.health.values import Value, check_values
from actionplan.models import Client, HealthCheck
from actionplan.plan.errors import NotFound
from actionplan.plan.journal import operation
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


def save_check(
    *,
    session: Session,
    client: str,
    form: Form,
    checked_on: date,
    values: dict[str, Any],
    author: str,
    today: date | None = None,
) -> HealthCheck:
    """Keep a check of ``client`` with ``form`` as ONE operation (``kind="health-check"``).

    Raises:
        NotFound: an unknown client (with the nearest names).
        BadValue: a value the form refuses; nothing is written.
    """
    checked = check_values(form, values, today=today)
    client_named(session, client)  # an unknown client is refused before the write begins
    with operation(session, author=author, kind="health-check") as rec:
        found = client_named(session, client)
        assert found.id is not None
        row = HealthCheck(
            client_id=found.id,
            form=form.key,
            form_title=form.title,
            checked_on=checked_on,
            values_json=json.dumps(checked, ensure_ascii=False),
            created_at=rec.op.at,
            author=rec.op.author,
        )
        session.add(row)
        session.flush()
        rec.created(row)
        rec.op.summary = f"saved {form.title} for {quote(found.name)} ({checked_on.isoformat()})"[
            :300
        ]
    return row


def edit_check(
    *,
    session: Session,
    check_id: int,
    form: Form,
    values: dict[str, Any],
    author: str,
    checked_on: date | None = None,
    today: date | None = None,
) -> HealthCheck:
    """Replace a check's values (and its date when given) in one operation undo reverts.

    Raises:
        NotFound: no such check.
        BadValue: a value the form refuses; nothing is written.
    """
    checked = check_values(form, values, today=today)
    with operation(session, author=author, kind="health-edit") as rec:
        row = session.get(HealthCheck, check_id, with_for_update=True, populate_existing=True)
        if row is None:
            raise NotFound(f"no health check #{check_id}")
        rec.change(row, "values_json", json.dumps(checked, ensure_ascii=False))
        if checked_on is not None:
            rec.change(row, "checked_on", checked_on)
        rec.op.summary = f"edited health check #{check_id}"
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
