"""Checking and cleaning the values of an item, and how history stores them as text."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from actionplan.models import (
    Item,
    RepeatFrom,
    RepeatUnit,
    Status,
    Visibility,
    WaitingOn,
    value_type,
)
from actionplan.plan.errors import Invalid, NotFound
from actionplan.text import (
    NAME_MAX,
    REASON_MAX,
    TITLE_MAX,
    TextError,
    clean_block,
    clean_line,
    quote,
)

EDITABLE = (
    "title",
    "client_note",
    "internal_note",
    "status",
    "waiting_on",
    "owner",
    "due",
    "committed",
    "must",
    "escalated",
    "escalation_reason",
    "visibility",
    "client",
    "repeat_every",
    "repeat_unit",
    "repeat_from",
    "snoozed_until",
    "health_form",
)


@dataclass(frozen=True)
class NewItem:
    """A validated item to add (see :func:`new_item`)."""

    client: str
    title: str
    owner: str | None = None
    due: date | None = None
    committed: date | None = None
    status: Status = Status.PLANNED
    waiting_on: WaitingOn | None = None
    must: bool = True
    client_note: str = ""
    internal_note: str = ""
    escalated: bool = False
    escalation_reason: str = ""
    visibility: Visibility = Visibility.CLIENT
    repeat_every: int | None = None
    repeat_unit: RepeatUnit | None = None
    repeat_from: RepeatFrom | None = None
    snoozed_until: date | None = None
    health_form: str | None = None
    """The key of the health-check form completing this item fills (a recurring check)."""
    done_at: datetime | None = None
    """When a done item was finished (imports and the demo); None means now."""


def new_item(**values: Any) -> NewItem:
    """Validate and clean the fields of an item to add.

    Raises:
        Invalid: naming the first field that cannot be accepted.
    """
    unknown = set(values) - set(NewItem.__dataclass_fields__)
    if unknown:
        raise Invalid(f"unknown field {quote(sorted(unknown)[0])}")
    try:
        client = clean_line(values.get("client"), field="client", max_len=NAME_MAX, required=True)
        cleaned = {k: clean_value(k, v) for k, v in values.items() if k != "client"}
        cleaned["title"] = clean_value("title", values.get("title"))
    except TextError as exc:
        raise Invalid(str(exc)) from None
    item = NewItem(client=client, **cleaned)
    return _consistent(item)


def _consistent(item: NewItem) -> NewItem:
    if item.waiting_on is not None and item.status != Status.WAITING:
        raise Invalid("waiting-on is only for waiting items (set the status to waiting)")
    check_links(item)
    if not item.escalated and item.escalation_reason:
        item = replace(item, escalation_reason="")
    check_repeat(item.repeat_every, item.repeat_unit)
    if item.repeat_every is not None and item.repeat_from is None:
        item = replace(item, repeat_from=RepeatFrom.DUE)
    if item.repeat_every is None:
        item = replace(item, repeat_unit=None, repeat_from=None)
    return item


def check_links(item: NewItem | Item) -> None:
    """Fields that only make sense together: an escalation and its reason, waiting and whom on.

    Checked on the result (a new item, or an edited one before it is saved), so a change is
    judged together with what the item already holds.
    """
    if item.escalated and not item.escalation_reason:
        raise Invalid("an escalation needs a reason")
    if item.escalation_reason and not item.escalated:
        raise Invalid("a reason is only for an escalated item (escalate it with the reason)")
    if item.waiting_on is not None and item.status != Status.WAITING:
        raise Invalid("waiting-on is only for waiting items")


REPEAT_MAX = 999


def check_repeat(every: int | None, unit: RepeatUnit | None) -> None:
    """A repeat needs both a count (1 to 999) and a unit, or neither."""
    if (every is None) != (unit is None):
        raise Invalid("a repeat needs both a number and a unit (days, weeks or months)")
    if every is not None and not 1 <= every <= REPEAT_MAX:
        raise Invalid(f"a repeat is every 1 to {REPEAT_MAX} days, weeks or months")


def clean_value(name: str, value: Any) -> Any:
    """Check and clean one field's value; raises TextError or Invalid."""
    if name == "title":
        return clean_line(value, field="title", max_len=TITLE_MAX, required=True)
    if name in ("client_note", "internal_note"):
        return clean_block(value, field=name.replace("_", " "))
    if name == "escalation_reason":
        return clean_line(value, field="escalation reason", max_len=REASON_MAX)
    if name in ("owner", "client"):
        text = clean_line(value, field=name, max_len=NAME_MAX, required=name == "client")
        return text or None
    if name == "done_at":
        if value is not None and not isinstance(value, datetime):
            raise Invalid("done_at must be a time")
        return value
    if name == "repeat_every":
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise Invalid("repeat_every must be a whole number")
        return value
    if name in ("due", "committed", "snoozed_until"):
        if (value is not None and not isinstance(value, date)) or isinstance(value, datetime):
            raise Invalid(f"{name} must be a date")
        return value
    if name == "health_form":
        return form_key(value)
    if name in ("must", "escalated"):
        if not isinstance(value, bool):
            raise Invalid(f"{name} must be true or false")
        return value
    enums: dict[str, type[StrEnum]] = {
        "status": Status,
        "waiting_on": WaitingOn,
        "visibility": Visibility,
        "repeat_unit": RepeatUnit,
        "repeat_from": RepeatFrom,
    }
    if name in enums:
        optional = name in ("waiting_on", "repeat_unit", "repeat_from")
        return enum_value(enums[name], value, name, optional=optional)
    raise Invalid(f"unknown field {quote(name)}")


def form_key(value: Any) -> str | None:
    """The key of the health-check form ``value`` names (key, file name or title); None for
    none (empty, ``none`` or ``-``).

    Raises:
        Invalid: no such form (with the nearest keys), or its file cannot be used.
    """
    from actionplan.health.catalogue import find_form
    from actionplan.health.form import FormError

    if value is None:
        return None
    if not isinstance(value, str):
        raise Invalid("health_form must be a form's key")
    if value.strip().lower() in ("", "none", "-"):
        return None
    try:
        return find_form(value).key
    except (NotFound, FormError) as exc:
        raise Invalid(str(exc)) from None


def enum_value(enum: type[StrEnum], value: Any, name: str, *, optional: bool) -> Any:
    if value is None or value == "":
        if optional:
            return None
        raise Invalid(f"{name} is needed: one of {', '.join(m.value for m in enum)}")
    try:
        return enum(str(value).strip().lower())
    except ValueError:
        choices = ", ".join(m.value for m in enum)
        raise Invalid(f"{name} {quote(value, 40)} is not one of {choices}") from None


# --- serialising values for history ---------------------------------------------------------


def dump_value(value: Any) -> str | None:
    """A field value as history stores it: text, or None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def load_value(column: str, text: str | None) -> Any:
    """The inverse of :func:`dump_value` for a column of the item table."""
    return load_column(Item.__table__.c[column], text)  # type: ignore[attr-defined]


def dump_row(row: SQLModel) -> str:
    """A whole row as history keeps it: a JSON object of its columns, each as dump_value."""
    table: sa.Table = row.__table__  # type: ignore[attr-defined]
    values = {c.name: dump_value(getattr(row, c.name)) for c in table.columns}
    return json.dumps(values, ensure_ascii=False)


def load_row(model: type[SQLModel], text: str) -> dict[str, Any]:
    """The inverse of :func:`dump_row`: the row's columns as values, for ``model(**values)``."""
    table: sa.Table = model.__table__  # type: ignore[attr-defined]
    values = json.loads(text)
    return {c.name: load_column(c, values[c.name]) for c in table.columns if c.name in values}


def load_column(column: sa.Column[Any], text: str | None) -> Any:
    """The inverse of :func:`dump_value` for a column of any table."""
    if text is None:
        return None
    python_type = value_type(column)
    if python_type is bool:
        return text == "true"
    if python_type is datetime:
        return datetime.fromisoformat(text)
    if python_type is date:
        return date.fromisoformat(text)
    return python_type(text)
