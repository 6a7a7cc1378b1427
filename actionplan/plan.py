"""The operations on a plan: the only code that writes, each one transaction with its history."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from actionplan import clock
from actionplan.models import (
    Client,
    HistoryEvent,
    Item,
    Operation,
    Person,
    Side,
    Status,
    Visibility,
    WaitingOn,
    value_type,
)
from actionplan.text import NAME_MAX, REASON_MAX, TITLE_MAX, TextError, clean_block, clean_line


class PlanError(Exception):
    """An operation was refused; the message is one line, fit to show a user."""


class NotFound(PlanError):
    """The item, client or person named does not exist."""


class Invalid(PlanError):
    """A value cannot be accepted; nothing was saved."""


class Conflict(PlanError):
    """Someone else changed the item first; nothing was saved."""


# Fields an edit may change. owner and client are given by name and stored as ids.
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
)
# Undo restores these without checking them: they shift as neighbours move.
_LOOSE = {"position", "done_at"}


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
    done_at: datetime | None = None
    """When a done item was finished (imports and the demo); None means now."""


def new_item(**values: Any) -> NewItem:
    """Validate and clean the fields of an item to add.

    Raises:
        Invalid: naming the first field that cannot be accepted.
    """
    unknown = set(values) - set(NewItem.__dataclass_fields__)
    if unknown:
        raise Invalid(f"unknown field {sorted(unknown)[0]!r}")
    try:
        client = clean_line(values.get("client"), field="client", max_len=NAME_MAX, required=True)
        cleaned = {k: _clean(k, v) for k, v in values.items() if k != "client"}
        cleaned["title"] = _clean("title", values.get("title"))
    except TextError as exc:
        raise Invalid(str(exc)) from None
    item = NewItem(client=client, **cleaned)
    return _consistent(item)


def _consistent(item: NewItem) -> NewItem:
    if item.waiting_on is not None and item.status != Status.WAITING:
        raise Invalid("waiting-on is only for waiting items (set the status to waiting)")
    # Checked on the result, so a change is judged together with what the item already holds.
    if item.escalated and not item.escalation_reason:
        raise Invalid("an escalation needs a reason")
    if item.escalation_reason and not item.escalated:
        raise Invalid("a reason is only for an escalated item (escalate it with the reason)")
    if item.waiting_on is not None and item.status != Status.WAITING:
        raise Invalid("waiting-on is only for waiting items")
    if not item.escalated and item.escalation_reason:
        item = replace(item, escalation_reason="")
    return item


def _clean(name: str, value: Any) -> Any:
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
    if name in ("due", "committed"):
        if (value is not None and not isinstance(value, date)) or isinstance(value, datetime):
            raise Invalid(f"{name} must be a date")
        return value
    if name in ("must", "escalated"):
        if not isinstance(value, bool):
            raise Invalid(f"{name} must be true or false")
        return value
    enums: dict[str, type[StrEnum]] = {
        "status": Status,
        "waiting_on": WaitingOn,
        "visibility": Visibility,
    }
    if name in enums:
        return _enum_value(enums[name], value, name, optional=name == "waiting_on")
    raise Invalid(f"unknown field {name!r}")


def _enum_value(enum: type[StrEnum], value: Any, name: str, *, optional: bool) -> Any:
    if value is None or value == "":
        if optional:
            return None
        raise Invalid(f"{name} is needed: one of {', '.join(m.value for m in enum)}")
    try:
        return enum(str(value).strip().lower())
    except ValueError:
        choices = ", ".join(m.value for m in enum)
        raise Invalid(f"{name} {str(value)[:40]!r} is not one of {choices}") from None


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
    if text is None:
        return None
    python_type = value_type(Item.__table__.c[column])  # type: ignore[attr-defined]
    if python_type is bool:
        return text == "true"
    if python_type is datetime:
        return datetime.fromisoformat(text)
    if python_type is date:
        return date.fromisoformat(text)
    return python_type(text)


# --- the transaction and its recorder ---------------------------------------------------------


@dataclass
class _Recorder:
    """Applies field changes to items and writes a history event for each."""

    session: Session
    op: Operation
    reason: str | None = None
    touched: dict[int, Item] = field(default_factory=dict)

    def set(self, item: Item, name: str, value: Any) -> bool:
        old = getattr(item, name)
        if old == value:
            return False
        setattr(item, name, value)
        assert item.id is not None and self.op.id is not None
        self.touched[item.id] = item
        self.session.add(
            HistoryEvent(
                op_id=self.op.id,
                item_id=item.id,
                at=self.op.at,
                author=self.op.author,
                field=name,
                old=dump_value(old),
                new=dump_value(value),
                reason=self.reason,
            )
        )
        return True


def _begin_write(session: Session) -> None:
    if session.in_transaction():
        session.commit()  # end a read-only transaction, so ours can take the write lock first
    session.connection(execution_options={"actionplan_write": True})


@contextmanager
def _operation(
    session: Session, *, author: str, kind: str, reason: str | None = None
) -> Iterator[_Recorder]:
    """One operation: one transaction, one Operation row, every change recorded."""
    _begin_write(session)
    try:
        now = clock.now()
        op = Operation(at=now, author=_author(author), kind=kind, summary=kind)
        session.add(op)
        session.flush()
        rec = _Recorder(session, op, reason=_reason(reason))
        yield rec
        for item in rec.touched.values():
            item.version += 1
            item.updated_at = now
        session.commit()
    except BaseException:
        session.rollback()
        raise


def _author(author: str) -> str:
    return clean_line(author, field="author", max_len=NAME_MAX) or "unknown"


def _reason(reason: str | None) -> str | None:
    try:
        return clean_line(reason, field="reason", max_len=REASON_MAX) or None
    except TextError as exc:
        raise Invalid(str(exc)) from None


def _lock(session: Session, item_id: int, expected_version: int | None = None) -> Item:
    # FOR UPDATE holds the row on PostgreSQL until commit; SQLite already holds the write lock.
    item = session.get(Item, item_id, with_for_update=True, populate_existing=True)
    if item is None or (item.deleted_at is not None and expected_version is not None):
        raise NotFound(f"no item #{item_id}")
    if expected_version is not None and item.version != expected_version:
        raise Conflict(f"item #{item_id} was changed by {_last_author(session, item_id)} meanwhile")
    return item


def _last_author(session: Session, item_id: int) -> str:
    stmt = (
        select(HistoryEvent.author)
        .where(HistoryEvent.item_id == item_id)
        .order_by(col(HistoryEvent.id).desc())
        .limit(1)
    )
    return session.exec(stmt).first() or "someone"


# --- clients and people -------------------------------------------------------------------------


def find_client(*, session: Session, name: str) -> Client | None:
    """The client with this name, ignoring case."""
    stmt = select(Client).where(func.lower(Client.name) == name.strip().lower())
    return session.exec(stmt).first()


def find_person(*, session: Session, name: str) -> Person | None:
    """The person with this name, ignoring case."""
    stmt = select(Person).where(func.lower(Person.name) == name.strip().lower())
    return session.exec(stmt).first()


def _client_ids(session: Session, names: Iterable[str], now: datetime) -> dict[str, int]:
    return _ids_creating(session, Client, names, now, {})


def _person_ids(session: Session, names: Iterable[str], now: datetime) -> dict[str, int]:
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


def save_person(
    *, session: Session, name: str, team: str | None = None, side: Side | str | None = None
) -> Person:
    """Create a person, or update the team and side of an existing one (None leaves as is).

    Raises:
        Invalid: for an empty or over-long name or team, or an unknown side.
    """
    try:
        clean_name = clean_line(name, field="name", max_len=NAME_MAX, required=True)
        clean_team = None if team is None else clean_line(team, field="team", max_len=NAME_MAX)
    except TextError as exc:
        raise Invalid(str(exc)) from None
    side_value = None if side is None else _enum_value(Side, side, "side", optional=False)
    _begin_write(session)
    try:
        person = find_person(session=session, name=clean_name)
        if person is None:
            person = Person(name=clean_name, side=Side.US, created_at=clock.now())
        if team is not None:
            person.team = clean_team or None
        if side_value is not None:
            person.side = side_value
        session.add(person)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return person


# --- adding -------------------------------------------------------------------------------------


def add_item(*, session: Session, author: str, **values: Any) -> Item:
    """Add one item (fields as in :class:`NewItem`); unknown clients and owners are created.

    Raises:
        Invalid: when a field cannot be accepted; nothing is saved.
    """
    new = new_item(**values)
    (item_id,) = add_items(session=session, author=author, items=[new], summary=None)
    item = session.get(Item, item_id)
    assert item is not None
    return item


def add_items(
    *, session: Session, author: str, items: Sequence[NewItem], summary: str | None
) -> list[int]:
    """Add validated items in one transaction (an import is one operation, undone at once).

    Returns:
        The new items' ids, in the order given.
    """
    with _operation(session, author=author, kind="add" if len(items) == 1 else "import") as rec:
        now = rec.op.at
        clients = _client_ids(session, dict.fromkeys(i.client for i in items), now)
        people = _person_ids(session, dict.fromkeys(i.owner for i in items if i.owner), now)
        rows = []
        next_pos = _next_positions(session, set(clients.values()))
        for new in items:
            client_id = clients[new.client.lower()]
            key = (client_id, new.status)
            position = next_pos.get(key, 0)
            next_pos[key] = position + 1
            rows.append(_item_row(new, client_id, people, position, now))
        ids = _insert_items(session, rows)
        author_name = rec.op.author
        session.execute(
            sa.insert(HistoryEvent),
            [
                {
                    "op_id": rec.op.id,
                    "item_id": item_id,
                    "at": now,
                    "author": author_name,
                    "field": "created",
                    "old": None,
                    "new": row["title"],
                    "reason": rec.reason,
                }
                for item_id, row in zip(ids, rows, strict=True)
            ],
        )
        rec.op.summary = (
            summary or f"added #{ids[0]} {rows[0]['title'][:60]}"
            if len(ids) == 1
            else summary or f"imported {len(ids)} items"
        )
    return ids


def _item_row(
    new: NewItem, client_id: int, people: dict[str, int], position: int, now: datetime
) -> dict[str, Any]:
    return {
        "client_id": client_id,
        "title": new.title,
        "client_note": new.client_note,
        "internal_note": new.internal_note,
        "status": new.status,
        "waiting_on": new.waiting_on,
        "owner_id": people[new.owner.lower()] if new.owner else None,
        "due": new.due,
        "committed": new.committed,
        "must": new.must,
        "escalated": new.escalated,
        "escalation_reason": new.escalation_reason,
        "visibility": new.visibility,
        "position": position,
        "created_at": now,
        "updated_at": now,
        "done_at": (new.done_at or now) if new.status == Status.DONE else None,
        "deleted_at": None,
        "version": 1,
    }


def _insert_items(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    stmt = sa.insert(Item).returning(col(Item.id), sort_by_parameter_order=True)
    ids: list[int] = []
    # Chunks keep SQLAlchemy's ordered RETURNING linear; one huge call grows quadratically.
    for start in range(0, len(rows), 500):
        ids.extend(session.scalars(stmt, rows[start : start + 500]))
    return ids


def _next_positions(session: Session, client_ids: set[int]) -> dict[tuple[int, Status], int]:
    if not client_ids:
        return {}
    stmt = (
        select(Item.client_id, Item.status, func.max(Item.position))
        .where(col(Item.client_id).in_(client_ids))
        .group_by(col(Item.client_id), col(Item.status))
    )
    return {(c, Status(s)): (p or 0) + 1 for c, s, p in session.exec(stmt).all()}


def _next_position(session: Session, client_id: int, status: Status) -> int:
    return _next_positions(session, {client_id}).get((client_id, status), 0)


# --- editing ------------------------------------------------------------------------------------


def edit_item(
    *,
    session: Session,
    item_id: int,
    author: str,
    expected_version: int | None = None,
    reason: str | None = None,
    **changes: Any,
) -> Item:
    """Change any editable fields of an item (see ``EDITABLE``) in one transaction.

    A new status puts the card at the end of its new column and sets or clears the done time;
    waiting-on given alone moves the item to waiting.

    Args:
        expected_version: the version the user saw; a different one means someone else
            changed the item, and nothing is saved.
        reason: why, kept in the history (e.g. why a date moved).

    Raises:
        NotFound, Invalid, Conflict: nothing is saved.
    """
    cleaned = _clean_changes(changes)
    with _operation(session, author=author, kind="edit", reason=reason) as rec:
        item = _lock(session, item_id, expected_version)
        if item.deleted_at is not None:
            raise NotFound(f"item #{item_id} is deleted (restore it first)")
        _apply(session, rec, item, cleaned)
        rec.op.summary = _describe_edit(item, cleaned)
    return item


def _clean_changes(changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise Invalid(f"cannot change {sorted(unknown)[0]!r}")
    if not changes:
        raise Invalid("nothing to change")
    try:
        cleaned = {k: _clean(k, v) for k, v in changes.items()}
    except TextError as exc:
        raise Invalid(str(exc)) from None
    if "waiting_on" in cleaned and cleaned["waiting_on"] is not None:
        status = cleaned.setdefault("status", Status.WAITING)
        if status != Status.WAITING:
            raise Invalid("waiting-on is only for waiting items")
    if cleaned.get("escalated") is True and not cleaned.get("escalation_reason"):
        raise Invalid("an escalation needs a reason")
    if cleaned.get("escalated") is False:
        cleaned["escalation_reason"] = ""
    return cleaned


def _apply(session: Session, rec: _Recorder, item: Item, changes: dict[str, Any]) -> None:
    if "client" in changes:
        client_id = _client_ids(session, [changes["client"]], rec.op.at)[changes["client"].lower()]
        if rec.set(item, "client_id", client_id):
            rec.set(item, "position", _next_position(session, client_id, item.status))
    if "owner" in changes:
        owner = changes["owner"]
        owner_id = _person_ids(session, [owner], rec.op.at)[owner.lower()] if owner else None
        rec.set(item, "owner_id", owner_id)
    if "status" in changes and changes["status"] != item.status:
        status = changes["status"]
        rec.set(item, "position", _next_position(session, item.client_id, status))
        rec.set(item, "status", status)
        rec.set(item, "done_at", rec.op.at if status == Status.DONE else None)
        if status != Status.WAITING:
            rec.set(item, "waiting_on", None)
    for name in (
        "title",
        "client_note",
        "internal_note",
        "waiting_on",
        "due",
        "committed",
        "must",
        "escalated",
        "escalation_reason",
        "visibility",
    ):
        if name in changes:
            rec.set(item, name, changes[name])
    # Checked on the result, so a change is judged together with what the item already holds.
    if item.escalated and not item.escalation_reason:
        raise Invalid("an escalation needs a reason")
    if item.escalation_reason and not item.escalated:
        raise Invalid("a reason is only for an escalated item (escalate it with the reason)")
    if item.waiting_on is not None and item.status != Status.WAITING:
        raise Invalid("waiting-on is only for waiting items")


def _describe_edit(item: Item, changes: dict[str, Any]) -> str:
    names = ", ".join(sorted(changes))
    return f"changed {names} of #{item.id} {item.title[:50]}"


def move_item(
    *,
    session: Session,
    item_id: int,
    status: Status | str,
    author: str,
    expected_version: int | None = None,
) -> Item:
    """Move an item to another status column (at its end)."""
    return edit_item(
        session=session,
        item_id=item_id,
        author=author,
        status=status,
        expected_version=expected_version,
    )


def set_owner(*, session: Session, item_id: int, owner: str | None, author: str) -> Item:
    """Give an item to a person (created if new), or to nobody with None."""
    return edit_item(session=session, item_id=item_id, author=author, owner=owner or None)


def set_due(
    *, session: Session, item_id: int, due: date | None, author: str, reason: str | None = None
) -> Item:
    """Set or clear today's forecast date."""
    return edit_item(session=session, item_id=item_id, author=author, due=due, reason=reason)


def set_committed(*, session: Session, item_id: int, committed: date | None, author: str) -> Item:
    """Set or clear the date the client was told."""
    return edit_item(session=session, item_id=item_id, author=author, committed=committed)


def escalate(*, session: Session, item_id: int, reason: str, author: str) -> Item:
    """Flag an item for management, with the reason."""
    return edit_item(
        session=session, item_id=item_id, author=author, escalated=True, escalation_reason=reason
    )


def deescalate(*, session: Session, item_id: int, author: str) -> Item:
    """Clear an item's escalation and its reason."""
    return edit_item(session=session, item_id=item_id, author=author, escalated=False)


def reorder_item(*, session: Session, item_id: int, offset: int, author: str) -> Item:
    """Move an item up (negative offset) or down within its column.

    Positions in the column are renumbered where needed, so ties never block a move.

    Raises:
        NotFound: for a missing or deleted item.
    """
    with _operation(session, author=author, kind="reorder") as rec:
        item = _lock(session, item_id)
        if item.deleted_at is not None:
            raise NotFound(f"item #{item_id} is deleted")
        column = list(
            session.exec(
                select(Item)
                .where(Item.client_id == item.client_id, Item.status == item.status)
                .where(col(Item.deleted_at).is_(None))
                .order_by(col(Item.position), col(Item.id))
            ).all()
        )
        index = next(i for i, row in enumerate(column) if row.id == item_id)
        target = max(0, min(len(column) - 1, index + offset))
        column.insert(target, column.pop(index))
        base = min(row.position for row in column)
        for pos, row in enumerate(column, start=base):
            rec.set(row, "position", pos)
        rec.op.summary = f"moved #{item_id} {'up' if offset < 0 else 'down'}"
    return item


def delete_item(*, session: Session, item_id: int, author: str) -> Item:
    """Delete an item (it can be restored, or the delete undone).

    Raises:
        NotFound: when there is no such item, or it is already deleted.
    """
    with _operation(session, author=author, kind="delete") as rec:
        item = _lock(session, item_id)
        if item.deleted_at is not None:
            raise NotFound(f"item #{item_id} is already deleted")
        rec.set(item, "deleted_at", rec.op.at)
        rec.op.summary = f"deleted #{item_id} {item.title[:60]}"
    return item


def restore_item(*, session: Session, item_id: int, author: str) -> Item:
    """Bring back a deleted item.

    Raises:
        NotFound: when there is no such item; Invalid when it is not deleted.
    """
    with _operation(session, author=author, kind="restore") as rec:
        item = _lock(session, item_id)
        if item.deleted_at is None:
            raise Invalid(f"item #{item_id} is not deleted")
        rec.set(item, "deleted_at", None)
        rec.op.summary = f"restored #{item_id} {item.title[:60]}"
    return item


# --- undo ---------------------------------------------------------------------------------------


def undo(*, session: Session, author: str) -> Operation | None:
    """Revert this author's last operation not yet undone; call again to go further back.

    Undo survives restarts: it reads the history, not memory.

    Returns:
        The operation that was undone, or None when there is nothing left to undo.

    Raises:
        Conflict: when someone else changed the item since; nothing is reverted.
    """
    with _operation(session, author=author, kind="undo") as rec:
        target = session.exec(
            select(Operation)
            .where(Operation.author == rec.op.author, col(Operation.undone_by_id).is_(None))
            .where(Operation.kind != "undo", Operation.id != rec.op.id)
            .order_by(col(Operation.id).desc())
            .limit(1)
        ).first()
        if target is None:
            session.rollback()
            return None
        events = session.exec(
            select(HistoryEvent)
            .where(HistoryEvent.op_id == target.id)
            .order_by(col(HistoryEvent.id).desc())
        ).all()
        rec.reason = f"undo of: {target.summary}"[:REASON_MAX]
        for event in events:
            _revert(session, rec, event)
        target.undone_by_id = rec.op.id
        rec.op.undoes_id = target.id
        rec.op.summary = f"undid: {target.summary}"[:300]
        session.add(target)
    return target


def _revert(session: Session, rec: _Recorder, event: HistoryEvent) -> None:
    item = rec.touched.get(event.item_id) or _lock(session, event.item_id)
    if event.field == "created":
        if item.deleted_at is None:
            rec.set(item, "deleted_at", rec.op.at)
        return
    if event.field not in _LOOSE and dump_value(getattr(item, event.field)) != event.new:
        who = _last_author(session, event.item_id)
        raise Conflict(f"cannot undo: item #{event.item_id} was changed by {who} since")
    rec.set(item, event.field, load_value(event.field, event.old))


# --- restore from an export ---------------------------------------------------------------------


def restore_rows(*, session: Session, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Write exported rows back with their ids, into an empty database, in one transaction.

    Raises:
        Invalid: when the database already holds a plan.
    """
    from actionplan.models import Snapshot

    order = [Client, Person, Operation, Item, HistoryEvent, Snapshot]
    _begin_write(session)
    try:
        for table in order:
            if session.exec(select(func.count()).select_from(table)).one():
                raise Invalid("the database is not empty: restore into a new one (--db NEW_FILE)")
        for table in order:
            rows = tables.get(table.__table__.name, [])  # type: ignore[attr-defined]
            if table is Operation:
                # An operation may point at a later one (undone_by); link them after all exist.
                links = [(r["id"], r.get("undone_by_id")) for r in rows if r.get("undone_by_id")]
                rows = [{**r, "undone_by_id": None} for r in rows]
            if rows:
                session.execute(sa.insert(table), rows)
            if table is Operation:
                for op_id, undone_by in links:
                    session.execute(
                        sa.update(Operation)
                        .where(col(Operation.id) == op_id)
                        .values(undone_by_id=undone_by)
                    )
        _reset_sequences(session, order)
        session.commit()
    except BaseException:
        session.rollback()
        raise


def _reset_sequences(session: Session, tables: list[Any]) -> None:
    # Rows inserted with explicit ids leave PostgreSQL's sequences behind; move them on.
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        name = table.__tablename__
        session.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
            )
        )
