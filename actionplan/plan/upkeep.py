"""What renaming and archiving share between clients and people: the operation, the lookup,
the checks, the recorded change and the operation's summary."""

from __future__ import annotations

from sqlmodel import Session, func, select

from actionplan.models import Client, Person
from actionplan.plan.errors import Invalid
from actionplan.plan.journal import operation
from actionplan.plan.named import Named, open_items, row_named
from actionplan.text import NAME_MAX, TextError, clean_line, plural, quote


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


def _busy(row: Client | Person, count: int) -> str:
    """The refusal to archive a client or person with this many open items."""
    them = "it" if count == 1 else "them"
    if isinstance(row, Client):
        return (
            f"client {quote(row.name)} has {plural(count, 'open item')}: archive it anyway "
            f"with --force, or close or move {them} first"
        )
    return (
        f"{quote(row.name)} owns {plural(count, 'open item')}: archive anyway with --force, "
        f"or give {them} to someone else first"
    )


def rename(session: Session, table: type[Named], *, name: str, new: str, author: str) -> Named:
    """Give a client or person a new name, one operation.

    Raises:
        NotFound: for an unknown client or person.
        Invalid: for an empty or over-long name, its own name, or the name of another client
            (of a client) or person (of a person), ignoring case.
    """
    with operation(session, author=author, kind=f"{table.__tablename__}-rename") as rec:
        row = row_named(session, table, name)
        before = _label(row)
        rec.change(row, "name", new_name(session, table, row.id, row.name, new))
        rec.op.summary = f"renamed {before} to {quote(row.name)}"[:300]
    return row


def archive(
    session: Session,
    table: type[Named],
    *,
    name: str,
    author: str,
    force: bool,
) -> Named:
    """Archive a client or person, one operation.

    Args:
        force: archive it even though it has open items.

    Raises:
        NotFound: for an unknown name.
        Invalid: when archived already, or with open items and ``force`` not given.
    """
    with operation(session, author=author, kind=f"{table.__tablename__}-archive") as rec:
        row = row_named(session, table, name)
        if row.archived_at is not None:
            raise Invalid(f"{_label(row)} is archived already")
        if (open_count := open_items(session, row)) and not force:
            raise Invalid(_busy(row, open_count))
        rec.change(row, "archived_at", rec.op.at)
        rec.op.summary = f"archived {_label(row)}"[:300]
    return row


def unarchive(session: Session, table: type[Named], *, name: str, author: str) -> Named:
    """Bring an archived client or person back, one operation.

    Raises:
        NotFound: for an unknown name; Invalid when it is not archived.
    """
    with operation(session, author=author, kind=f"{table.__tablename__}-unarchive") as rec:
        row = row_named(session, table, name)
        if row.archived_at is None:
            raise Invalid(f"{_label(row)} is not archived")
        rec.change(row, "archived_at", None)
        rec.op.summary = f"unarchived {_label(row)}"[:300]
    return row
