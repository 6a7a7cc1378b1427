"""People and clients: every client with its counts and health, and everyone in their group;
rename, merge, archive, edit contact details and delete an empty client, each one undoable
operation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from actionplan.queries import ClientCounts, PersonRow, clients_with_counts, people_rows
from actionplan.text import one_line
from actionplan.tui.contact_writes import ContactWrite, Merge, Undo
from actionplan.tui.keys import help_key, scoped
from actionplan.tui.labels import ALL_CLIENTS
from actionplan.tui.screens.people_actions import Contacts, PeopleActions
from actionplan.tui.view import Heading
from actionplan.tui.widgets.agenda_list import Jump
from actionplan.tui.widgets.keybar import KeyBar
from actionplan.tui.widgets.people_list import (
    ClientList,
    ContactList,
    PeopleList,
    client_shown,
    people_lines,
    person_shown,
)

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.tui.app import WriteDone

HINT = " Tab: clients or people · Enter opens · ? lists every key"


_key = scoped("people")


class PeopleScreen(PeopleActions):
    """Clients above, people below; the keys act on the line in front. Esc goes back.

    Args:
        board_client: the client of the board this was opened from; if it is renamed or
            merged here, the board follows it.
    """

    WHAT = "people and clients"
    HELP_NOTES = (
        "Clients: open, overdue and escalated items, and health (red: something escalated; "
        "amber: something overdue; green: neither). People, in groups: client contacts who "
        "belong to no client come first, to settle (e sets their client, m merges them into "
        "someone); then our people by team, each client's contacts, and vendors by company. "
        "Archived clients and people are hidden until z (an archived person who still owns "
        "open items always shows, marked). A merge says what will move before anything is "
        "written. Every change is one operation: u undoes it, as on the board (your last "
        "change first, wherever you made it)."
    )
    BINDINGS = [
        _key(
            "tab,shift+tab",
            "switch",
            "Clients/people",
            "Switch between the clients and the people",
            shown_as="Tab",
        ),
        _key("enter", "open", "Open", "A client: open its board; a person: their open items"),
        _key("r", "rename", "Rename", "Rename (the name is filled in)"),
        _key("m", "merge", "Merge", "Merge into another (what will move is shown)"),
        _key("a", "archive", "Archive", "Archive, or unarchive (with open items it asks first)"),
        _key("e", "edit", "Edit", "Edit a person's contact details"),
        _key("d", "delete", "Delete", "Delete a client with no items"),
        _key("z", "toggle_archived", "Archived", "Show or hide the archived", id="people.archived"),
        _key("u", "undo", "Undo", "Undo your last change (repeat to go back)"),
        _key("escape,q", "close", "Back"),
        help_key("people"),
    ]

    def __init__(self, board_client: str | None = None) -> None:
        super().__init__()
        self.data: Contacts | None = None
        self.show_archived = False
        self.board_client = board_client
        self._board_id: int | None = None
        """The board's client, by id (found by name in the first read)."""
        self._merged_into: str | None = None
        """The client the board's client was merged into here (while it is gone)."""

    def compose(self) -> ComposeResult:
        yield Heading(Text(" People and clients ", style="bold reverse"), id="people-title")
        yield ClientList(id="people-clients", classes="contact-list")
        yield PeopleList(id="people-people", classes="contact-list")
        yield Static(Text(HINT, style="dim"), id="people-result")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(ClientList).border_title = "Clients"
        self.query_one(PeopleList).border_title = "People"
        self.query_one(ClientList).focus()
        self.reload()

    def read(self, session: Session) -> Contacts:
        today = self.plan_app.today()
        return Contacts(
            clients_with_counts(session=session, today=today, archived=True),
            people_rows(session=session, archived=True),
        )

    def show(self, data: Contacts) -> None:
        """Draw both lists (read again, each cursor stays on its client or person). The first
        time, the cursor starts on the board's client (archived ones shown, if it is one)."""
        first = self.data is None
        self.data = data
        if first and self.board_client is not None:
            wanted = self.board_client.lower()
            self._board_id = next((c.id for c in data.clients if c.name.lower() == wanted), None)
        board = next((c for c in data.clients if c.id == self._board_id), None)
        if first and board is not None and board.archived:
            self.show_archived = True
        self._draw()
        if first and board is not None:
            self.query_one(ClientList).place(("client", board.id))

    def _draw(self) -> None:
        data = self.data
        if data is None:
            return
        archived = self.show_archived
        clients = [c for c in data.clients if client_shown(c, archived)]
        people = [p for p in data.people if person_shown(p, archived)]
        client_list, people_list = self.query_one(ClientList), self.query_one(PeopleList)
        client_list.show(list(clients))
        gone = frozenset(c.name for c in data.clients if c.archived)
        people_list.show(people_lines(data.people, archived=archived, archived_clients=gone))
        client_list.border_title = f"Clients {len(clients)}"
        people_list.border_title = f"People {len(people)}"
        hidden = sum(1 for c in data.clients if c.archived) + sum(
            1 for p in data.people if p.archived
        )
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(" People and clients ", style="bold reverse")
        title.append(f" {len(clients):,} clients · {len(people):,} people", style="bold")
        if hidden and archived:
            title.append(f" · {hidden:,} archived shown (z hides them)", style="dim")
        elif hidden:
            title.append(f" · {hidden:,} archived hidden (z shows them)", style="dim")
        self.query_one("#people-title", Static).update(title)
        self.refresh_bindings()

    # --- the line in front ---------------------------------------------------------------

    @property
    def in_front(self) -> ClientCounts | PersonRow | None:
        """The client or person under the cursor of the list with focus."""
        focused = self.focused
        if not isinstance(focused, ContactList):
            return None
        line = focused.current
        return line if isinstance(line, ClientCounts | PersonRow) else None

    @on(ContactList.Highlighted)
    def _highlighted(self) -> None:
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        line = self.in_front if self.is_mounted else None
        if action in ("open", "rename", "merge", "archive"):
            return line is not None
        if action == "edit":
            return isinstance(line, PersonRow)
        if action == "delete":
            return isinstance(line, ClientCounts)
        return True

    # --- keys ------------------------------------------------------------------------------

    def action_switch(self) -> None:
        clients, people = self.query_one(ClientList), self.query_one(PeopleList)
        (people if clients.has_focus else clients).focus()

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self._draw()
        if self.show_archived:
            self.say(Text(" Archived shown, marked 'archived' (z hides them)"))
        else:
            self.say(Text(" Archived hidden (z shows them)"))

    def action_open(self) -> None:
        line = self.in_front
        if isinstance(line, ClientCounts):
            self.dismiss((line.name, 0))
        elif isinstance(line, PersonRow):
            from actionplan.tui.screens.people_dialogs import PersonItems

            def back(jump: Jump | None) -> None:
                if jump is not None:
                    self.dismiss(jump)

            self.app.push_screen(PersonItems(line), back)

    @on(ContactList.Selected)
    def _selected(self) -> None:
        self.action_open()

    def action_close(self) -> None:
        self.dismiss(self._back())

    # --- writes ----------------------------------------------------------------------------

    def send(self, job: ContactWrite) -> None:
        """Queue one write on the app's writer thread; its result comes back as WriteDone."""
        self.say(Text(" Saving…", style="dim"))
        self.plan_app.write(type(job).__name__.lower(), job, self)

    def on_write_done(self, message: WriteDone) -> None:
        message.stop()
        job = message.job
        if message.error is not None:
            what = "Not undone" if isinstance(job, Undo) else "Not saved"
            self.say(Text(f" {what}: {message.error}"), error=True)
        else:
            text = Text(f" {one_line(str(message.result))}")
            if getattr(job, "undoable", False):
                text.append(" · u undoes it", style="dim")
            self.say(text)
            if isinstance(job, Merge) and job.kind == "client":
                self._merged(job)
        self.reload()

    def _merged(self, job: Merge) -> None:
        """A client merged away: the board that showed it follows it into the other."""
        data = self.data
        gone = next((c for c in data.clients if c.id == self._board_id), None) if data else None
        if gone is not None and gone.name.lower() == job.name.lower():
            self._merged_into = job.other

    def say(self, text: Text, *, error: bool = False) -> None:
        """The one line under the lists: what the last action did, or why it did not."""
        text.no_wrap, text.overflow = True, "ellipsis"
        line = self.query_one("#people-result", Static)
        line.update(text)
        line.set_class(error, "-error")

    def _back(self) -> Jump | None:
        """Where the board goes back to: its own client (under its new name, or the one it
        was merged into), or All clients if it was deleted; None when nothing changed."""
        if self.board_client in (None, ALL_CLIENTS) or self._board_id is None or not self.data:
            return None
        found = next((c for c in self.data.clients if c.id == self._board_id), None)
        if found is None:  # merged into another here (or deleted: then every client)
            return (self._merged_into or ALL_CLIENTS), 0
        return None if found.name == self.board_client else (found.name, 0)
