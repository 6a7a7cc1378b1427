"""A person's details: side, team, client or company, role, e-mail, phone, internal note, and
whether they receive the status summary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, func, select

from actionplan.models import Person, Side
from actionplan.plan.errors import Invalid
from actionplan.plan.journal import Recorder, operation
from actionplan.plan.named import client_named
from actionplan.plan.people import check_contact_items
from actionplan.plan.values import enum_value
from actionplan.text import NAME_MAX, TextError, clean_block, clean_line, quote

# One @, something before it, a dotted domain after it, no spaces: what a mail client accepts
# as an address typed by hand (not the whole of RFC 5322, whose odd corners nobody types).
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
EMAIL_MAX = 254
PHONE_MAX = 50


@dataclass(frozen=True)
class Details:
    """Cleaned details to save; None leaves a field as it is, "" clears a text field."""

    team: str | None = None
    client: str | None = None
    company: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    note: str | None = None
    status_recipient: bool | None = None


def clean_details(**values: Any) -> Details:
    """Check and clean the details given (None for those not given).

    Raises:
        Invalid: naming the first one that cannot be accepted.
    """
    try:
        out: dict[str, Any] = {}
        for key in ("team", "client", "company", "role"):
            out[key] = _line(values.get(key), key, NAME_MAX)
        out["email"] = _line(values.get("email"), "e-mail", EMAIL_MAX)
        out["phone"] = _line(values.get("phone"), "phone", PHONE_MAX)
        note = values.get("note")
        out["note"] = None if note is None else clean_block(note, field="note")
    except TextError as exc:
        raise Invalid(str(exc)) from None
    if out["email"] and not _EMAIL.fullmatch(out["email"]):
        raise Invalid(f"e-mail {quote(out['email'], 60)} is not an address (name@example.com)")
    if out["phone"] and not any(ch.isdigit() for ch in out["phone"]):
        raise Invalid(f"phone {quote(out['phone'], 40)} has no digits")
    recipient = values.get("status_recipient")
    if recipient is not None and not isinstance(recipient, bool):
        raise Invalid("status_recipient must be true or false")
    return Details(**out, status_recipient=recipient)


def _line(value: Any, field: str, max_len: int) -> str | None:
    if value is None:
        return None
    return clean_line(str(value), field=field, max_len=max_len)


def save_person(
    *,
    session: Session,
    name: str,
    author: str = "unknown",
    team: str | None = None,
    side: Side | str | None = None,
    **details: Any,
) -> Person:
    """Create a person, or change the details given of an existing one: one operation, which
    ``undo`` reverts (a person created is removed again, unless they own items by then).

    None leaves a detail as it is and "" clears it. A client (an existing one, by name) makes
    them that client's contact, and a company a vendor's contact, unless ``side`` says
    otherwise (then it is refused). A person who leaves the client side leaves their client.
    Saving details they already have writes nothing, and leaves nothing to undo.

    Args:
        author: who made the change, whose ``undo`` reverts it (callers that know no one,
            such as scripts, are recorded as "unknown").
        details: client, company, role, email, phone, note, status_recipient.

    Raises:
        Invalid: for an empty or over-long name or detail, an unknown side, an e-mail that is
            not an address, a client for a person not on the client side (or a company for
            one not a vendor's), or a client whose contact would own another client's items
            (deleted ones too: they can be restored).
        NotFound: for an unknown client.
    """
    unknown = set(details) - set(Details.__dataclass_fields__)
    if unknown:
        raise Invalid(f"unknown detail {quote(sorted(unknown)[0])}")
    try:
        clean_name = clean_line(name, field="name", max_len=NAME_MAX, required=True)
    except TextError as exc:
        raise Invalid(str(exc)) from None
    given = clean_details(team=team, **details)
    side_value = None if side is None else enum_value(Side, side, "side", optional=False)
    with operation(session, author=author, kind="person-edit") as rec:
        stmt = select(Person).where(func.lower(Person.name) == clean_name.lower())
        person = session.exec(
            stmt.with_for_update().execution_options(populate_existing=True)
        ).first()
        if person is None:
            person = Person(name=clean_name, side=Side.US, created_at=rec.op.at)
            _apply(session, person, given, side_value, _Setter())
            session.add(person)
            session.flush()
            rec.created(person)
            rec.op.kind, rec.op.summary = "person-add", f"added person {quote(person.name)}"
            return person
        changed = _apply(session, person, given, side_value, _Setter(rec))
        if not changed:
            session.rollback()  # nothing to save: no operation left for undo to find
            return person
        words = ", ".join(_WORDS.get(key, key) for key in changed)
        rec.op.summary = f"changed {words} of {quote(person.name)}"[:300]
    return person


_WORDS = {"client_id": "client", "email": "e-mail", "status_recipient": "status recipient"}


class _Setter:
    """Sets a person's fields: through the recorder (each change kept for undo), or directly
    on a person being created (whose creation is what undo reverts); names what changed."""

    def __init__(self, rec: Recorder | None = None) -> None:
        self.rec = rec
        self.changed: list[str] = []

    def __call__(self, person: Person, key: str, value: Any) -> None:
        if self.rec is None:
            setattr(person, key, value)
        elif self.rec.change(person, key, value):
            self.changed.append(key)


def _apply(
    session: Session, person: Person, given: Details, side: Side | None, put: _Setter
) -> list[str]:
    if side is None and given.client:
        side = Side.CLIENT
    elif side is None and given.company:
        side = Side.VENDOR
    final = side or person.side
    if given.client and final != Side.CLIENT:
        raise Invalid(f"only a client's contact belongs to a client, not a {final.value} person")
    if given.company and final != Side.VENDOR:
        raise Invalid(f"a company is for a vendor's contact, not a {final.value} person")
    before = person.client_id
    put(person, "side", final)
    if final != Side.CLIENT or given.client == "":
        put(person, "client_id", None)
    elif given.client is not None:
        client = client_named(session, given.client)
        assert client.id is not None
        if person.id is not None:
            check_contact_items(session, person, client.id)
        put(person, "client_id", client.id)
    for key in ("team", "company", "role", "email", "phone"):
        value = getattr(given, key)
        if value is not None:
            put(person, key, value or None)
    if given.note is not None:
        put(person, "note", given.note)
    if given.status_recipient is not None:
        put(person, "status_recipient", given.status_recipient)
    elif person.status_recipient and before is not None and person.client_id != before:
        # A contact who moves from one client to another (or to none) stops receiving the
        # summary until they are made a recipient there on purpose.
        put(person, "status_recipient", False)
    return put.changed
