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
from actionplan.text import plural, quote

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlmodel import Session

    from actionplan.models import Client, Person

Kind = Literal["client", "person"]


@dataclass(frozen=True)
class _TwoNames:
    """A write on one client or person (``kind``, ``name``) that takes a second name."""

    kind: Kind
    name: str
    other: str
    author: str
    undoable: bool = True


class Rename(_TwoNames):
    """Give a client or a person a new name (``other``)."""

    def __call__(self, session: Session) -> str:
        rename: Callable[..., Client | Person] = (
            plan.rename_client if self.kind == "client" else plan.rename_person
        )
        row = rename(session=session, name=self.name, new=self.other, author=self.author)
        if self.kind == "client":
            return f"Renamed client {quote(self.name)} to {quote(row.name)}"
        return f"Renamed {quote(self.name)} to {quote(row.name)} (history keeps the old name)"


class Merge(_TwoNames):
    """Move everything of one client (or person) into another (``other``), then remove the
    first."""

    def __call__(self, session: Session) -> str:
        merge = plan.merge_clients if self.kind == "client" else plan.merge_people
        moved = merge(session=session, name=self.name, into=self.other, author=self.author)
        counts = [(moved.items, "item")]
        if self.kind == "client":
            counts += [(moved.snapshots, "snapshot"), (moved.contacts, "contact")]
        what = ", ".join(plural(count, word) for count, word in counts)
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
