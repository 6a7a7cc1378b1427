"""The writes of the People and clients screen: rename, merge, archive, unarchive, delete a
client, save a person's details, undo.

Like the jobs of ``writes.py``, each is one plan operation, run on the app's writer thread
(``ActionPlanApp.write``) with a database session; nothing here knows a screen. Each returns
the line the screen shows when it is done, worked out inside the session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from actionplan import plan
from actionplan.text import quote

if TYPE_CHECKING:
    from sqlmodel import Session

Kind = Literal["client", "person"]


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class Rename:
    """Give a client or a person a new name."""

    kind: Kind
    name: str
    new: str
    author: str
    undoable: bool = True

    def __call__(self, session: Session) -> str:
        if self.kind == "client":
            client = plan.rename_client(
                session=session, name=self.name, new=self.new, author=self.author
            )
            return f"Renamed client {quote(self.name)} to {quote(client.name)}"
        person = plan.rename_person(
            session=session, name=self.name, new=self.new, author=self.author
        )
        return f"Renamed {quote(self.name)} to {quote(person.name)} (history keeps the old name)"


@dataclass(frozen=True)
class Merge:
    """Move everything of one client (or person) into another, then remove the first."""

    kind: Kind
    name: str
    into: str
    author: str
    undoable: bool = True

    def __call__(self, session: Session) -> str:
        if self.kind == "client":
            moved = plan.merge_clients(
                session=session, name=self.name, into=self.into, author=self.author
            )
            what = ", ".join(
                [
                    _plural(moved.items, "item"),
                    _plural(moved.snapshots, "snapshot"),
                    _plural(moved.contacts, "contact"),
                ]
            )
        else:
            moved = plan.merge_people(
                session=session, name=self.name, into=self.into, author=self.author
            )
            what = _plural(moved.items, "item")
        return f"Moved {what} from {quote(moved.source)} into {quote(moved.target)}"


@dataclass(frozen=True)
class Archive:
    """Archive a client or a person (``force``: though they have open items), or bring one
    back (``back``)."""

    kind: Kind
    name: str
    author: str
    force: bool = False
    back: bool = False
    undoable: bool = True

    def __call__(self, session: Session) -> str:
        name, author = self.name, self.author
        if self.kind == "client" and self.back:
            client = plan.unarchive_client(session=session, name=name, author=author)
            return f"Unarchived client {quote(client.name)}: back in every list"
        if self.kind == "client":
            client = plan.archive_client(
                session=session, name=name, author=author, force=self.force
            )
            return (
                f"Archived client {quote(client.name)}: left out of the switcher, agenda, "
                "workload, triage and recurring"
            )
        if self.back:
            person = plan.unarchive_person(session=session, name=name, author=author)
            return f"Unarchived {quote(person.name)}: offered as an owner again"
        person = plan.archive_person(session=session, name=name, author=author, force=self.force)
        return f"Archived {quote(person.name)}: no longer offered as an owner"


@dataclass(frozen=True)
class DeleteClient:
    """Delete a client that has no items and no snapshots (a name made by mistake)."""

    name: str
    author: str
    undoable: bool = True

    def __call__(self, session: Session) -> str:
        client = plan.delete_client(session=session, name=self.name, author=self.author)
        return f"Deleted client {quote(client.name)}"


@dataclass(frozen=True)
class SaveDetails:
    """Save a person's details (``plan.save_person``'s arguments: None leaves one as it is,
    "" clears it)."""

    name: str
    author: str
    details: dict[str, Any] = field(default_factory=dict)
    undoable: bool = True

    def __call__(self, session: Session) -> str:
        person = plan.save_person(
            session=session, name=self.name, author=self.author, **self.details
        )
        return f"Saved the details of {quote(person.name)}"


@dataclass(frozen=True)
class Undo:
    """Undo the author's last operation (as the board's u does)."""

    author: str
    undoable: bool = False

    def __call__(self, session: Session) -> str:
        from actionplan.tui.edits import undone_text

        return undone_text(plan.undo(session=session, author=self.author))


ContactWrite = Rename | Merge | Archive | DeleteClient | SaveDetails | Undo
"""A write the People and clients screen queues."""
