"""What the People and clients screen does to the client or person in front: rename, merge,
archive or unarchive, edit contact details, delete an empty client, undo. Each asks what it
needs in a dialog, then queues one write (``contact_writes.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text

from actionplan.models import Side
from actionplan.queries import ClientCounts, PersonRow
from actionplan.text import quote
from actionplan.tui.contact_writes import (
    Archive,
    ContactWrite,
    DeleteClient,
    Kind,
    Merge,
    Rename,
    SaveDetails,
    Undo,
)
from actionplan.tui.view import PlanView
from actionplan.tui.widgets.agenda_list import Jump


@dataclass(frozen=True)
class Contacts:
    """What the screen reads: every client with its counts, and everyone with their details
    and open items (the archived too; the screen hides them until asked)."""

    clients: list[ClientCounts]
    people: list[PersonRow]


class PeopleActions(PlanView[Jump | None, Contacts]):
    """The keys that change a client or a person; the screen says which one is in front
    (``in_front``), what it read (``data``), and how a write is queued and its result said
    (``send``, ``say``)."""

    data: Contacts | None

    @property
    def in_front(self) -> ClientCounts | PersonRow | None:
        """The client or person the keys act on."""
        raise NotImplementedError

    def send(self, job: ContactWrite) -> None:
        """Queue one write."""
        raise NotImplementedError

    def say(self, text: Text, *, error: bool = False) -> None:
        """Say in the screen's one line what happened."""
        raise NotImplementedError

    def action_rename(self) -> None:
        from actionplan.tui.screens.people_dialogs import RenamePrompt

        line = self.in_front
        if line is None:
            return
        kind, name = _kind(line), line.name

        def renamed(new: str | None) -> None:
            if new is None:
                return
            if new == name:
                self.say(Text(" No change"))
                return
            self.send(Rename(kind, name, new, self.plan_app.author))

        self.app.push_screen(RenamePrompt(kind, name), renamed)

    def action_merge(self) -> None:
        from actionplan.tui.screens.people_dialogs import MergeConfirm, MergePicker

        line, data = self.in_front, self.data
        if line is None or data is None:
            return
        kind, name = _kind(line), line.name

        def confirmed(target: str, yes: bool | None) -> None:
            if yes:
                self.send(Merge(kind, name, target, self.plan_app.author))

        def picked(target: str | None) -> None:
            if target is not None:
                self.app.push_screen(
                    MergeConfirm(kind, name, target), lambda yes: confirmed(target, yes)
                )

        self.app.push_screen(MergePicker(kind, name, _candidates(kind, data)), picked)

    def action_archive(self) -> None:
        from actionplan.tui.screens.people_dialogs import Confirm

        line = self.in_front
        if line is None:
            return
        kind, author = _kind(line), self.plan_app.author
        if line.archived:
            self.send(Archive(kind, line.name, author, back=True))
            return
        if not line.open:
            self.send(Archive(kind, line.name, author))
            return
        count = f"{line.open:,} open item{'s' if line.open != 1 else ''}"
        if kind == "client":
            detail = (
                "They stay on its board, which says it is archived; the client leaves the "
                "switcher, All clients, agenda, workload, triage and recurring."
            )
        else:
            detail = (
                "They stay theirs, marked in this list, until given to someone else; "
                f"{line.name} is no longer offered as an owner."
            )

        def answered(yes: bool | None) -> None:
            if yes:
                self.send(Archive(kind, line.name, author, force=True))

        question = f"{quote(line.name)} has {count}; archive anyway?"
        keys = "y archives · n or Esc cancels · u undoes it afterwards"
        self.app.push_screen(Confirm(question, detail, keys), answered)

    def action_edit(self) -> None:
        from actionplan.tui.screens.contact_form import ContactForm

        line, data = self.in_front, self.data
        if not isinstance(line, PersonRow) or data is None:
            return
        teams = {p.team for p in data.people if p.side == Side.US and p.team}
        companies = {p.company for p in data.people if p.company}

        def edited(values: dict[str, Any] | None) -> None:
            if values is not None:
                self.send(SaveDetails(line.name, self.plan_app.author, values))

        form = ContactForm(
            line,
            clients=[c.name for c in data.clients],
            teams=sorted(teams, key=str.lower),
            companies=sorted(companies, key=str.lower),
        )
        self.app.push_screen(form, edited)

    def action_delete(self) -> None:
        line = self.in_front
        if isinstance(line, ClientCounts):
            self.send(DeleteClient(line.name, self.plan_app.author))

    def action_undo(self) -> None:
        self.send(Undo(self.plan_app.author))


def _kind(line: ClientCounts | PersonRow) -> Kind:
    return "client" if isinstance(line, ClientCounts) else "person"


def _candidates(kind: Kind, data: Contacts) -> list[tuple[str, Text]]:
    """Every client (or person) to merge into, each with a word on what it is."""
    if kind == "client":
        return [
            (c.name, Text(f"{c.open:,} open" + (" · archived" if c.archived else ""), "dim"))
            for c in data.clients
        ]
    found = []
    for p in data.people:
        where = {Side.CLIENT: p.client or "no client", Side.VENDOR: p.company or "vendor"}
        detail = f"{where.get(p.side, p.team or 'us')} · {p.open:,} open"
        found.append((p.name, Text(detail + (" · archived" if p.archived else ""), "dim")))
    return found
