"""The demo plan: data/demo.toml loaded with its dates counted from today."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlmodel import Session

from actionplan import clock
from actionplan.models import Status, Visibility
from actionplan.plan import NewItem, add_items, new_item, save_person
from actionplan.plan.recurrence import parse_repeat
from actionplan.resources import data_dir


def load_demo(*, session: Session, today: date, author: str = "demo") -> int:
    """Fill an empty database with the demo plan; returns how many items were added."""
    data = tomllib.loads((data_dir() / "demo.toml").read_text(encoding="utf-8"))
    for person in data.get("people", []):
        save_person(
            session=session,
            name=person["name"],
            author=author,
            team=person.get("team"),
            side=person.get("side", "us"),
        )
    items = [
        _item(client["name"], raw, today)
        for client in data.get("clients", [])
        for raw in client.get("items", [])
    ]
    add_items(session=session, author=author, items=items, summary="loaded the demo plan")
    _settle_contacts(session, data, author)
    _health_checks(session, data, today, author)
    return len(items)


def _health_checks(session: Session, data: dict[str, Any], today: date, author: str) -> None:
    """The demo's filled health checks; a date value is given in days from today."""
    from actionplan.health.catalogue import find_form
    from actionplan.plan.health import Entry, keep_check

    for raw in data.get("health_checks", []):
        form = find_form(raw.get("form", "monthly-it-health-check"))
        kinds = {f.key: f.kind for f in form.fields}
        values = {
            key: (today + timedelta(days=v)).isoformat() if kinds.get(key) == "date" else v
            for key, v in raw["values"].items()
        }
        day = today - timedelta(days=raw["days_ago"])
        entry = Entry(form, values, client=raw["client"], checked_on=day)
        keep_check(session=session, entry=entry, author=author, today=today)


def _settle_contacts(session: Session, data: dict[str, Any], author: str) -> None:
    """Each client's contact belongs to the client whose items they own, their team being
    their role; a vendor's team is their company (as the 0004 migration settles old plans)."""
    clients_of: dict[str, set[str]] = {}
    for client in data.get("clients", []):
        for raw in client.get("items", []):
            if raw.get("owner"):
                clients_of.setdefault(raw["owner"].lower(), set()).add(client["name"])
    for person in data.get("people", []):
        owned = clients_of.get(person["name"].lower(), set())
        if person.get("side") == "client" and len(owned) == 1:
            save_person(
                session=session,
                name=person["name"],
                author=author,
                client=owned.pop(),
                role=person.get("team"),
            )
        elif person.get("side") == "vendor" and person.get("team"):
            save_person(session=session, name=person["name"], author=author, company=person["team"])


def _item(client: str, raw: dict[str, Any], today: date) -> NewItem:
    def day(key: str) -> date | None:
        return today + timedelta(days=raw[key]) if key in raw else None

    done_at = None
    if "done_days_ago" in raw:
        moment = datetime.combine(today - timedelta(days=raw["done_days_ago"]), time(15, 0))
        done_at = moment.replace(tzinfo=clock.now().tzinfo)
    repeat = parse_repeat(raw.get("repeat"))
    return new_item(
        client=client,
        title=raw["title"],
        owner=raw.get("owner"),
        status=raw.get("status", Status.PLANNED),
        waiting_on=raw.get("waiting_on"),
        due=day("due"),
        committed=day("committed"),
        must=raw.get("must", True),
        client_note=raw.get("client_note", ""),
        internal_note=raw.get("internal_note", ""),
        escalated="escalated" in raw,
        escalation_reason=raw.get("escalated", ""),
        visibility=Visibility.INTERNAL if raw.get("internal_only") else Visibility.CLIENT,
        done_at=done_at,
        repeat_every=repeat.every if repeat else None,
        repeat_unit=repeat.unit if repeat else None,
        repeat_from=raw.get("repeat_from") if repeat else None,
        health_form=raw.get("health_form"),
    )
