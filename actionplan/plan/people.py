"""The ids of clients and people by name (missing ones created); the rule that binds contacts
to clients (an item of client A cannot be owned by a contact of client B); and people kept
clean: rename, merge, archive and unarchive, each one undoable operation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from actionplan.models import Client, Item, Person, Side
from actionplan.plan.errors import Invalid
from actionplan.plan.journal import Recorder, operation
from actionplan.plan.named import person_named
from actionplan.plan.upkeep import archive, rename, unarchive
from actionplan.text import plural, quote


def client_ids(session: Session, names: Iterable[str], now: datetime) -> dict[str, int]:
    return _ids_creating(session, Client, names, now, {})


def person_ids(session: Session, names: Iterable[str], now: datetime) -> dict[str, int]:
    return _ids_creating(session, Person, names, now, {"side": Side.US})


def _ids_creating(
    session: Session,
    table: type[Client] | type[Person],
    names: Iterable[str],
    now: datetime,
    defaults: dict[str, Any],
) -> dict[str, int]:
    """Map lower-cased names to ids, creating the missing rows (unknown names are created)."""
    wanted: dict[str, str] = {}
    for name in names:
        wanted.setdefault(name.lower(), name)  # the first spelling wins
    ids: dict[str, int] = {}
    if wanted:
        rows = session.exec(select(table.id, table.name)).all()
        ids = {name.lower(): id_ for id_, name in rows if id_ and name.lower() in wanted}
    for key, name in wanted.items():
        if key not in ids:
            row = table(name=name, created_at=now, **defaults)
            session.add(row)
            session.flush()
            assert row.id is not None
            ids[key] = row.id
    return ids


# --- contacts belong to their client ------------------------------------------------------------


def check_owners(session: Session, pairs: Iterable[tuple[int, int | None]]) -> None:
    """Refuse an item of one client owned by another client's contact.

    Args:
        pairs: (client id, owner id) of each item being added or changed.

    Raises:
        Invalid: naming the first contact and the two clients.
    """
    wanted = {(c, o) for c, o in pairs if o is not None}
    if not wanted:
        return
    # Contacts attached to a client are few: read them all rather than a long IN list.
    stmt = select(Person.id, Person.name, Person.client_id).where(
        col(Person.client_id).is_not(None)
    )
    attached = {pid: (name, cid) for pid, name, cid in session.exec(stmt).all()}
    for client_id, owner_id in sorted(wanted, key=lambda p: (p[0], p[1] or 0)):
        if owner_id in attached and attached[owner_id][1] != client_id:
            name, theirs = attached[owner_id]
            raise Invalid(_not_theirs(session, name, theirs, client_id))


def check_contact_items(session: Session, person: Person, client_id: int) -> None:
    """Refuse making a person a client's contact while they own another client's items.

    Deleted items count (as they do when a client is deleted, and in the 0004 migration):
    they can be restored, and a restored item must not break the rule.

    Raises:
        Invalid: naming one such item, a live one first.
    """
    stmt = (
        select(Item.id, Item.client_id, Item.deleted_at)
        .where(Item.owner_id == person.id, Item.client_id != client_id)
        .order_by(col(Item.deleted_at).is_not(None), col(Item.id))
        .limit(1)
    )
    found = session.exec(stmt).first()
    if found is not None:
        item_id, other, deleted_at = found
        how = (
            " (deleted: restore it and give it another owner first)"
            if deleted_at is not None
            else " (give that item another owner first)"
        )
        raise Invalid(
            f"{quote(person.name)} owns #{item_id} of {quote(_client_name(session, other))}: "
            f"a contact of {quote(_client_name(session, client_id))} cannot{how}"
        )


def check_not_archived(session: Session, client_ids: Iterable[int]) -> None:
    """Refuse adding or moving items into an archived client (its contract ended).

    Raises:
        Invalid: naming the first such client.
    """
    stmt = (
        select(Client.name)
        .where(col(Client.id).in_(set(client_ids)), col(Client.archived_at).is_not(None))
        .order_by(col(Client.name))
        .limit(1)
    )
    name = session.exec(stmt).first()
    if name is not None:
        raise Invalid(f"client {quote(name)} is archived; unarchive it first")


def _not_theirs(session: Session, name: str, theirs: int | None, client_id: int) -> str:
    return (
        f"{quote(name)} is a contact of {quote(_client_name(session, theirs))}; "
        f"they cannot own an item of {quote(_client_name(session, client_id))}"
    )


def _client_name(session: Session, client_id: int | None) -> str:
    name = session.exec(select(Client.name).where(Client.id == client_id)).first()
    return name or f"#{client_id}"


# --- people kept clean -------------------------------------------------------------------------


@dataclass(frozen=True)
class Merged:
    """What a merge moved from one client or person into another."""

    source: str
    target: str
    items: int
    snapshots: int = 0
    contacts: int = 0
    client: str | None = None
    """A person merge: the client the one kept is now a contact of, taken from the other."""


def rename_person(*, session: Session, name: str, new: str, author: str) -> Person:
    """Give a person a new name. History keeps the name they had when each change was made.

    Raises:
        NotFound, Invalid: as ``upkeep.rename`` says.
    """
    return rename(session, Person, name=name, new=new, author=author)


# Details the merged person brings where the one kept has none.
_FILLED = ("team", "company", "role", "email", "phone", "note")


def merge_people(*, session: Session, name: str, into: str, author: str) -> Merged:
    """Give every item of person ``name`` to ``into``, then delete ``name`` (two spellings of
    one person). ``into`` keeps their details and takes the other's where theirs are empty,
    their client too: a client's contact merged into an unattached client-side person makes
    them that client's contact. One operation: one undo reverts it.

    Raises:
        NotFound: for an unknown person.
        Invalid: when both are the same person, both are contacts of different clients, or
            the one kept would be one client's contact owning another client's items
            (deleted ones too: they can be restored).
    """
    with operation(session, author=author, kind="person-merge") as rec:
        source, target = person_named(session, name), person_named(session, into)
        if source.id == target.id:
            raise Invalid(f"cannot merge {quote(source.name)} into themselves")
        was_attached = target.client_id
        client_id = _merged_client(session, rec, source, target)
        stmt = select(Item).where(Item.owner_id == source.id).order_by(col(Item.id))
        items = list(session.exec(stmt.execution_options(populate_existing=True)).all())
        if client_id is not None:
            check_owners(session, [(i.client_id, target.id) for i in items if not i.deleted_at])
            check_contact_items(session, source, client_id)  # their deleted items
            check_contact_items(session, target, client_id)  # when now attached
        for item in items:
            rec.set(item, "owner_id", target.id)
        for key in _FILLED:
            if not getattr(target, key) and getattr(source, key):
                rec.change(target, key, getattr(source, key))
        if source.status_recipient:
            rec.change(target, "status_recipient", True)
        rec.delete(source)
        attached = _client_name(session, client_id) if client_id != was_attached else None
        now_theirs = f"; now a contact of {quote(attached)}" if attached else ""
        rec.op.summary = (
            f"merged {quote(source.name)} into {quote(target.name)}: "
            f"{plural(len(items), 'item')}{now_theirs}"
        )[:300]
    return Merged(source.name, target.name, len(items), client=attached)


def _merged_client(session: Session, rec: Recorder, source: Person, target: Person) -> int | None:
    """The client the person kept belongs to after the merge: theirs, else the merged one's
    (when they are on the client side and belong to no client yet).

    Raises:
        Invalid: when they are contacts of two different clients.
    """
    if source.client_id is None or source.client_id == target.client_id:
        return target.client_id
    if target.client_id is not None:
        raise Invalid(
            f"cannot merge {quote(source.name)} into {quote(target.name)}: they are contacts "
            f"of {quote(_client_name(session, source.client_id))} and "
            f"{quote(_client_name(session, target.client_id))}"
        )
    if target.side == Side.CLIENT:
        rec.change(target, "client_id", source.client_id)
    return target.client_id


def archive_person(*, session: Session, name: str, author: str, force: bool = False) -> Person:
    """Archive a person: no longer offered as an owner; items they own stay theirs.

    Args:
        force: archive them even though they own open items.

    Raises:
        NotFound: for an unknown person.
        Invalid: when archived already, or owning open items and ``force`` is not given.
    """
    return archive(session, Person, name=name, author=author, force=force)


def unarchive_person(*, session: Session, name: str, author: str) -> Person:
    """Offer an archived person as an owner again.

    Raises:
        NotFound: for an unknown person; Invalid when they are not archived.
    """
    return unarchive(session, Person, name=name, author=author)
