"""The writes the screens queue: each is one plan operation, run on the app's writer thread.

A job is called there with a database session (``ActionPlanApp.write``) and returns what its
operation returns; the screen that queued it hears how it went in a ``WriteDone``. Nothing
here knows a screen: the board, triage and the template picker queue the same jobs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from actionplan import plan
from actionplan.models import Item, Operation
from actionplan.plan.merge import Clash, edit_merging, without

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.rows import ItemRow
    from actionplan.templates import Template


@dataclass
class Edit:
    """Change fields of the item the user saw as ``seen`` (a row as the board reads it).

    Saved over someone else's change to other fields; a change to the same fields is refused
    with a :class:`~actionplan.plan.merge.Clash` that carries both versions.
    """

    seen: ItemRow
    values: dict[str, Any]
    """The fields to change, as ``plan.edit_item`` takes them."""
    author: str
    title: str
    shown: bool = False
    """The screen already shows the change (a card moved at once): only its version is new."""

    def __call__(self, session: Session) -> Item:
        return edit_merging(
            session=session,
            item_id=self.seen["id"],
            seen=self.seen,
            author=self.author,
            **self.values,
        )


def answer(choice: str | None, edit: Edit, clash: Clash) -> Edit | None:
    """What to save for the user's answer in the conflict dialog; None saves nothing.

    "mine" saves the whole edit over theirs; "theirs" saves the rest of it, without the
    clashing fields and the fields linked to them; anything else (cancel) saves nothing.
    """
    if choice == "mine":
        values = edit.values
    elif choice == "theirs":
        values = without(edit.values, {f.field for f in clash.fields})
    else:
        return None
    return Edit(clash.current, values, edit.author, edit.title) if values else None


def add(session: Session, *, author: str, values: dict[str, Any]) -> Item:
    """Add an item with these values."""
    return plan.add_item(session=session, author=author, **values)


def reorder(session: Session, *, item_id: int, offset: int, author: str) -> Item:
    """Move an item up (negative) or down its column."""
    return plan.reorder_item(session=session, item_id=item_id, offset=offset, author=author)


def delete(session: Session, *, item_id: int, author: str) -> Item:
    """Delete an item (undo brings it back)."""
    return plan.delete_item(session=session, item_id=item_id, author=author)


def undo(session: Session, *, author: str) -> Operation | None:
    """Undo ``author``'s last operation; None when there is none."""
    return plan.undo(session=session, author=author)


def apply_template(
    session: Session, *, template: Template, client: str, start: date, author: str
) -> list[int]:
    """Add a checklist's items to a client, their dates counted from ``start``."""
    from actionplan.templates import apply_template

    return apply_template(
        session=session, template=template, client=client, start=start, author=author
    )
