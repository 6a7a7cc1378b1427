"""Clients kept clean: rename, merge, archive, unarchive and delete, each one undoable operation.

A merge moves everything of one client into another: its items (at the end of the target's
columns, in their order), snapshots, reviewed sentences, contacts and allow-list terms; then
the merged client is deleted, kept whole in the record so that ``undo`` puts it all back. When
either client's summaries do not name vendors, the merged one's do not either.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, func, select

from actionplan.models import Client, Item, Person, Reviewed, Snapshot, VendorNames
from actionplan.plan.errors import Invalid
from actionplan.plan.items import next_positions
from actionplan.plan.journal import operation
from actionplan.plan.named import client_named
from actionplan.plan.people import Merged
from actionplan.plan.upkeep import archive, rename, unarchive
from actionplan.text import plural, quote

_Row = TypeVar("_Row", bound=SQLModel)


def rename_client(*, session: Session, name: str, new: str, author: str) -> Client:
    """Give a client a new name (a rebrand); items, snapshots and contacts stay with it.

    Raises:
        NotFound, Invalid: as ``upkeep.rename`` says.
    """
    return rename(session, Client, name=name, new=new, author=author)


def merge_clients(*, session: Session, name: str, into: str, author: str) -> Merged:
    """Move everything of client ``name`` into client ``into``, then delete ``name``.

    Items go to the end of the target's columns in their order; snapshots, reviewed
    sentences, contacts and allow-list terms move too. One operation: one undo reverts it.

    Raises:
        NotFound: for an unknown client.
        Invalid: when both names are the same client.
    """
    with operation(session, author=author, kind="client-merge") as rec:
        source, target = client_named(session, name), client_named(session, into)
        if source.id == target.id:
            raise Invalid(f"cannot merge client {quote(source.name)} into itself")
        assert target.id is not None
        items = _rows(session, Item, Item.client_id == source.id)
        items.sort(key=lambda i: (i.status, i.position, i.id or 0))
        positions = next_positions(session, {target.id})
        for item in items:
            key = (target.id, item.status)
            rec.set(item, "position", positions.get(key, 0))
            positions[key] = positions.get(key, 0) + 1
            rec.set(item, "client_id", target.id)
        snapshots = _rows(session, Snapshot, Snapshot.client_id == source.id)
        contacts = _rows(session, Person, Person.client_id == source.id)
        for row in [*snapshots, *_rows(session, Reviewed, Reviewed.client_id == source.id)]:
            rec.change(row, "client_id", target.id)
        for person in contacts:
            rec.change(person, "client_id", target.id)
        rec.change(target, "guard_allow", _joined(target.guard_allow, source.guard_allow))
        if source.vendor_names == VendorNames.GENERIC:  # the stricter setting is kept
            rec.change(target, "vendor_names", VendorNames.GENERIC)
        rec.delete(source)
        moved = Merged(source.name, target.name, len(items), len(snapshots), len(contacts))
        rec.op.summary = (
            f"merged client {quote(source.name)} into {quote(target.name)}: "
            f"{plural(moved.items, 'item')}, {plural(moved.snapshots, 'snapshot')}, "
            f"{plural(moved.contacts, 'contact')}"
        )[:300]
    return moved


def _rows(session: Session, table: type[_Row], where: Any) -> list[_Row]:
    """The rows where ``where`` holds, by id, as they are now in the database."""
    ids = table.__table__.c.id  # type: ignore[attr-defined]
    stmt = select(table).where(where).order_by(ids)
    return list(session.exec(stmt.execution_options(populate_existing=True)).all())


def _joined(first: str, second: str) -> str:
    """Two allow-lists as one, each term once (ignoring case), the first list's order first."""
    terms: dict[str, str] = {}
    for line in [*first.splitlines(), *second.splitlines()]:
        if line.strip():
            terms.setdefault(line.strip().lower(), line.strip())
    return "\n".join(terms.values())


def archive_client(*, session: Session, name: str, author: str, force: bool = False) -> Client:
    """Archive a client (contract ended): left out of the switcher, agenda, workload, triage
    and recurring checks; still listed on request, still exportable.

    Args:
        force: archive it even though it has open items.

    Raises:
        NotFound: for an unknown client.
        Invalid: when it is archived already, or has open items and ``force`` is not given.
    """
    return archive(session, Client, name=name, author=author, force=force)


def unarchive_client(*, session: Session, name: str, author: str) -> Client:
    """Bring an archived client back into every list.

    Raises:
        NotFound: for an unknown client; Invalid when it is not archived.
    """
    return unarchive(session, Client, name=name, author=author)


def delete_client(*, session: Session, name: str, author: str) -> Client:
    """Delete a client with no items and no snapshots (a name made by mistake); its contacts
    stay, unattached. Undo brings it back.

    Raises:
        NotFound: for an unknown client.
        Invalid: when it has items (deleted ones too: they can still be restored) or snapshots.
    """
    with operation(session, author=author, kind="client-delete") as rec:
        client = client_named(session, name)
        items = _count(session, Item, Item.client_id == client.id)
        snapshots = _count(session, Snapshot, Snapshot.client_id == client.id)
        if items or snapshots:
            held = [plural(n, w) for n, w in ((items, "item"), (snapshots, "snapshot")) if n]
            raise Invalid(
                f"client {quote(client.name)} has {' and '.join(held)} (deleted items count: "
                "they can be restored); only an empty client can be deleted: merge or archive it"
            )
        for person in _rows(session, Person, Person.client_id == client.id):
            rec.change(person, "client_id", None)
        for review in _rows(session, Reviewed, Reviewed.client_id == client.id):
            rec.delete(review)
        rec.delete(client)
        rec.op.summary = f"deleted client {quote(client.name)}"[:300]
    return client


def _count(session: Session, table: type[SQLModel], where: Any) -> int:
    return int(session.exec(select(func.count()).select_from(table).where(where)).one())
