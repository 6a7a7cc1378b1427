"""One-field edits, as the board's keys make them: each is an ``edit_item`` of that field."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from actionplan.models import Item, Status
from actionplan.plan.items import edit_item


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
