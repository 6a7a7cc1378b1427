"""Who can own items, as the owner field lists them: everyone with their side and team or
client, read once when the field opens, and the clients a new contact can belong to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from actionplan.known import key_of

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass(frozen=True, slots=True)
class Someone:
    """A person who can own items, as the list shows them."""

    name: str
    side: str = ""
    team: str | None = None
    """Our team (one of us)."""
    client: str | None = None
    """The client whose contact they are (a client's contact)."""
    company: str | None = None
    """A vendor contact's company."""
    archived: bool = False

    @property
    def where(self) -> str:
        """Their team (one of us), or whose contact they are."""
        if self.side == "client":
            return f"contact at {self.client}" if self.client else "client's contact"
        if self.side == "vendor":
            return f"vendor · {self.company}" if self.company else "vendor"
        return self.team or ""

    def may_own(self, client: str | None) -> bool:
        """Offered as the owner of an item of ``client``: not archived, and not the contact
        of another client."""
        if self.archived:
            return False
        if self.side != "client" or self.client is None or client is None:
            return True
        return key_of(self.client) == key_of(client)


@dataclass(frozen=True, slots=True)
class Directory:
    """Everyone (the archived too, so that their names are known), and the clients."""

    people: list[Someone]
    clients: list[str]

    @property
    def teams(self) -> list[str]:
        """Our teams, for a new person of ours."""
        return sorted({p.team for p in self.people if p.side == "us" and p.team}, key=str.lower)

    @property
    def companies(self) -> list[str]:
        """The vendors' companies, for a new vendor contact."""
        return sorted({p.company for p in self.people if p.company}, key=str.lower)


def read_directory(session: Session, today: date) -> Directory:
    """Everyone (ours first), and the clients (runs in a worker thread)."""
    from actionplan.queries import clients_with_counts, people

    clients = clients_with_counts(session=session, today=today)
    names = {c.id: c.name for c in clients}
    found = [
        Someone(
            p.name,
            p.side.value,
            p.team,
            names.get(p.client_id) if p.client_id is not None else None,
            p.company,
            p.archived_at is not None,
        )
        for p in people(session=session)
    ]
    return Directory(found, [c.name for c in clients])
