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
from actionplan.models import Item, Operation, Side
from actionplan.plan.journal import last_author
from actionplan.plan.merge import Clash, clashes, current_row, edit_merging, without

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.rows import ItemRow
    from actionplan.templates import Template


@dataclass(frozen=True)
class NewPerson:
    """Someone the user confirmed as new ("New person 'Pri'?"), created before the item that
    they own is saved: one of us with a team, a client's contact, or a vendor's contact."""

    name: str
    side: Side
    team: str | None = None
    """Our team, for one of us."""
    client: str | None = None
    """The client whose contact they are, for a client's contact."""
    company: str | None = None
    """Their company, for a vendor's contact."""

    def save(self, session: Session, author: str) -> None:
        """Create the person, unless someone of that name exists by now (then left as is); an
        operation of ``author``'s, which their undo reverts."""
        if plan.find_person(session=session, name=self.name) is not None:
            return
        plan.save_person(
            session=session,
            name=self.name,
            author=author,
            side=self.side,
            team=self.team,
            client=self.client,
            company=self.company,
        )


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
    person: NewPerson | None = None
    """A new owner the user confirmed, created first (unless the edit clashes: then no one is
    added until the user has chosen to keep their edit)."""

    def __call__(self, session: Session) -> Item:
        if self.person is not None:
            self._refuse_a_clash(session)
            self.person.save(session, self.author)
        return edit_merging(
            session=session,
            item_id=self.seen["id"],
            seen=self.seen,
            author=self.author,
            **self.values,
        )

    def _refuse_a_clash(self, session: Session) -> None:
        """Raise the :class:`Clash` that saving would raise, before anything is written."""
        item_id = self.seen["id"]
        now = current_row(session, item_id)
        if now["version"] != self.seen["version"]:
            found = clashes(self.seen, now, self.values)
            if found:
                raise Clash(item_id, found, last_author(session, item_id), now)


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
    if not values:
        return None
    person = edit.person if "owner" in values else None
    return Edit(clash.current, values, edit.author, edit.title, person=person)


def add(
    session: Session, *, author: str, values: dict[str, Any], person: NewPerson | None = None
) -> Item:
    """Add an item with these values (creating ``person``, its new owner, first)."""
    if person is not None:
        person.save(session, author)
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
