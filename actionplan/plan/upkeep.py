"""What renaming and archiving share between clients and people: the checks, the recorded
change and the operation's summary."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session, func, select

from actionplan.models import Client, Person
from actionplan.plan.errors import Invalid
from actionplan.plan.journal import Recorder
from actionplan.text import NAME_MAX, TextError, clean_line, quote


def new_name(
    session: Session, table: type[Client] | type[Person], row_id: int | None, old: str, name: str
) -> str:
    """A cleaned new name for a client or person, free ignoring case (its own excepted).

    Raises:
        Invalid: for an empty or over-long name, the same name, or another row's name.
    """
    try:
        clean = clean_line(name, field="name", max_len=NAME_MAX, required=True)
    except TextError as exc:
        raise Invalid(str(exc)) from None
    if clean == old:
        raise Invalid(f"{quote(old)} is already called that")
    kind = table.__tablename__
    stmt = select(table.id, table.name).where(func.lower(table.name) == clean.lower())
    for other_id, other_name in session.exec(stmt).all():
        if other_id != row_id:
            raise Invalid(
                f"there is already a {kind} named {quote(other_name)} (merge the two instead)"
            )
    return clean


def _label(row: Client | Person) -> str:
    """How messages and operation summaries name a client or a person."""
    return f"client {quote(row.name)}" if isinstance(row, Client) else quote(row.name)


def rename_row(session: Session, rec: Recorder, row: Client | Person, new: str) -> None:
    """Give a client or person a new name, recorded (see ``new_name`` for what is refused)."""
    before = _label(row)
    rec.change(row, "name", new_name(session, type(row), row.id, row.name, new))
    rec.op.summary = f"renamed {before} to {quote(row.name)}"[:300]


def archive_row(
    rec: Recorder,
    row: Client | Person,
    busy: Callable[[int], str],
    *,
    count: Callable[[], int],
    force: bool,
) -> None:
    """Archive a client or person, recorded.

    Args:
        busy: the refusal for this many open items.
        count: its open items, counted once it is known not to be archived already.
        force: archive it even so.

    Raises:
        Invalid: when archived already, or with open items and ``force`` not given.
    """
    if row.archived_at is not None:
        raise Invalid(f"{_label(row)} is archived already")
    if (open_count := count()) and not force:
        raise Invalid(busy(open_count))
    rec.change(row, "archived_at", rec.op.at)
    rec.op.summary = f"archived {_label(row)}"[:300]


def unarchive_row(rec: Recorder, row: Client | Person) -> None:
    """Bring an archived client or person back, recorded.

    Raises:
        Invalid: when it is not archived.
    """
    if row.archived_at is None:
        raise Invalid(f"{_label(row)} is not archived")
    rec.change(row, "archived_at", None)
    rec.op.summary = f"unarchived {_label(row)}"[:300]
