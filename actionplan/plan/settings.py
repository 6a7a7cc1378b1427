"""A client's settings that shape its summaries: whether they name vendors' companies."""

from __future__ import annotations

from sqlmodel import Session

from actionplan.models import Client, VendorNames
from actionplan.plan.journal import operation
from actionplan.plan.named import client_named
from actionplan.plan.values import enum_value
from actionplan.text import quote


def set_vendor_names(
    *, session: Session, client: str, value: VendorNames | str, author: str
) -> Client:
    """Say how a client's summaries show items owned by a vendor's contact: by their company
    ("company") or always as "our supplier" ("generic"). One operation, which undo reverts;
    nothing is written when the client has that setting already.

    Raises:
        NotFound: for an unknown client (with the nearest names).
        Invalid: for a value that is neither "company" nor "generic".
    """
    choice: VendorNames = enum_value(VendorNames, value, "vendor names", optional=False)
    found = client_named(session, client)
    if found.vendor_names == choice:
        return found
    with operation(session, author=author, kind="client-set") as rec:
        found = client_named(session, client)
        rec.change(found, "vendor_names", choice)
        rec.op.summary = f"set client {quote(found.name)} to show vendors: {choice.value}"[:300]
    return found
