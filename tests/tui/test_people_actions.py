"""The People and clients screen's actions: rename, merge (what will move shown first), archive
(asking first with open items), contact details, delete an empty client; each one undo, and
each refusal one line with nothing written."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select
from textual.widgets import Checkbox, Input, OptionList, Select, Static

from actionplan import plan
from actionplan.db import Database
from actionplan.models import Client, Item, Person, Side
from actionplan.queries import PersonRow
from actionplan.tui.screens.contact_form import ContactForm
from actionplan.tui.screens.people import PeopleScreen
from actionplan.tui.screens.people_dialogs import Confirm, MergeConfirm, MergePicker
from actionplan.tui.widgets.people_list import ClientList, PeopleList
from tests.support import START, TODAY, add
from tests.support.interchange import add_snapshot
from tests.support.pilot import press_and_settle, running, settle, until, words


@pytest.fixture
def contacts(db: Database) -> Database:
    """Acme (3 open items, Dana Reyes its contact) and Acme Ltd (one item, one snapshot, one
    contact: a second spelling); Ann Lee of ours and Ann L, a typo of her with one item."""
    with db.session() as s:
        plan.save_person(session=s, name="Ann Lee", team="Infrastructure", side="us")
    add(db, "Renew firewall", client="Acme", owner="Ann Lee", due=TODAY)
    add(db, "Patch servers", client="Acme")
    add(db, "Test backups", client="Acme Ltd", owner="Ann L")
    add_snapshot(db, "Acme Ltd", "# Acme Ltd\n")
    with db.session() as s:
        plan.save_person(session=s, name="Dana Reyes", client="Acme", role="IT lead")
        plan.save_person(session=s, name="Omar Haddad", client="Acme Ltd")
    add(db, "Sign off the plan", client="Acme", owner="Dana Reyes")
    return db


def result(screen: PeopleScreen) -> str:
    """The screen's one line under the lists."""
    return words(screen.query_one("#people-result", Static))


def names(db: Database, table: type[Client] | type[Person]) -> list[str]:
    with db.session() as s:
        return sorted(s.exec(select(table.name)).all())


def person(db: Database, name: str) -> Person:
    with db.session() as s:
        found = plan.find_person(session=s, name=name)
        assert found is not None
        return found


async def open_people(pilot: Any, app: Any) -> PeopleScreen:
    screen = await press_and_settle(pilot, app, "P")
    assert isinstance(screen, PeopleScreen)
    await until(pilot, lambda: screen.data is not None)
    return screen


async def to_person(pilot: Any, screen: PeopleScreen, name: str) -> None:
    """Focus the people list with the cursor on ``name``."""
    listing = screen.query_one(PeopleList)
    listing.focus()
    await pilot.pause()
    index = next(
        n
        for n, line in enumerate(listing.lines)
        if isinstance(line, PersonRow) and line.name == name
    )
    listing.highlighted = index
    await pilot.pause()


async def test_rename_a_client_then_undo_and_a_taken_name_is_refused(contacts: Database) -> None:
    async with running(contacts, (100, 30), client="Acme") as (app, pilot):
        screen = await open_people(pilot, app)
        await pilot.press("r")
        await pilot.pause()
        field = app.screen.query_one("#answer", Input)
        assert field.value == "Acme"  # prefilled; typing replaces it
        await pilot.press(*"Acme Corporation", "enter")
        await settle(pilot, app)
        assert names(contacts, Client) == ["Acme Corporation", "Acme Ltd"]
        assert result(screen) == "Renamed client 'Acme' to 'Acme Corporation' · u undoes it"
        current = screen.query_one(ClientList).current
        assert current is not None and current.name == "Acme Corporation"  # the cursor stayed
        await press_and_settle(pilot, app, "u")
        assert names(contacts, Client) == ["Acme", "Acme Ltd"]
        assert result(screen) == "Undid: renamed client 'Acme' to 'Acme Corporation'"
        await pilot.press("r")
        await pilot.press(*"acme ltd", "enter")
        await settle(pilot, app)
        assert names(contacts, Client) == ["Acme", "Acme Ltd"]  # nothing written
        assert result(screen) == (
            "Not saved: there is already a client named 'Acme Ltd' (merge the two instead)"
        )
        assert screen.query_one("#people-result").has_class("-error")
        # Back on the board, which follows its client's new name.
        await pilot.press("r", *"Acme Group", "enter")
        await settle(pilot, app)
        board = await press_and_settle(pilot, app, "escape")
        assert getattr(board, "client", None) == "Acme Group"


async def test_merge_shows_what_will_move_then_moves_it_and_undo_puts_it_back(
    contacts: Database,
) -> None:
    async with running(contacts, (100, 30), client="Acme Ltd") as (app, pilot):
        screen = await open_people(pilot, app)
        start = screen.query_one(ClientList).current  # the board's client
        assert start is not None and getattr(start, "name", "") == "Acme Ltd"
        await pilot.press("m")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, MergePicker)
        first = picker.query_one(OptionList).highlighted_option
        assert first is not None and first.id == "Acme"  # the look-alike comes first
        await pilot.press("enter")
        confirm = app.screen
        assert isinstance(confirm, MergeConfirm)
        await until(pilot, lambda: confirm.moving is not None)
        said = words(confirm.query_one("#merge-moving", Static))
        assert said.startswith(
            "1 item, 1 snapshot and 1 contact will move from 'Acme Ltd' into 'Acme'."
        )
        assert names(contacts, Client) == ["Acme", "Acme Ltd"]  # nothing written yet
        await press_and_settle(pilot, app, "y")
        assert app.screen is screen
        assert names(contacts, Client) == ["Acme"]
        assert result(screen) == (
            "Moved 1 item, 1 snapshot, 1 contact from 'Acme Ltd' into 'Acme' · u undoes it"
        )
        assert person(contacts, "Omar Haddad").client_id == person(contacts, "Dana Reyes").client_id
        await press_and_settle(pilot, app, "u")
        assert names(contacts, Client) == ["Acme", "Acme Ltd"]
        # A person: Ann L into Ann Lee, typed to search; n cancels at the question first.
        await to_person(pilot, screen, "Ann L")
        await pilot.press("m", *"ann lee", "enter")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, MergeConfirm)
        await until(pilot, lambda: confirm.moving is not None)
        assert "1 item will move from 'Ann L' into 'Ann Lee'" in words(
            confirm.query_one("#merge-moving", Static)
        )
        await press_and_settle(pilot, app, "n")
        assert "Ann L" in names(contacts, Person)
        await pilot.press("m", *"ann lee", "enter")
        await until(pilot, lambda: getattr(app.screen, "moving", None) is not None)
        await press_and_settle(pilot, app, "y")
        assert "Ann L" not in names(contacts, Person)
        assert result(screen) == "Moved 1 item from 'Ann L' into 'Ann Lee' · u undoes it"
        # The board this was opened from (Acme Ltd's) follows its client into Acme.
        await pilot.press("tab")  # back to the clients
        clients = screen.query_one(ClientList)
        clients.place(("client", next(c.id for c in screen.data.clients if c.name == "Acme Ltd")))
        await pilot.press("m", *"acme", "enter")
        await until(pilot, lambda: getattr(app.screen, "moving", None) is not None)
        await press_and_settle(pilot, app, "y")
        board = await press_and_settle(pilot, app, "escape")
        assert getattr(board, "client", None) == "Acme"


async def test_archiving_with_open_items_asks_first(contacts: Database) -> None:
    async with running(contacts, (100, 30), client="Acme") as (app, pilot):
        screen = await open_people(pilot, app)
        await pilot.press("a")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, Confirm)
        assert question.question == "'Acme' has 3 open items; archive anyway?"
        await press_and_settle(pilot, app, "n")
        with contacts.session() as s:
            acme = plan.find_client(session=s, name="Acme")
            assert acme is not None and acme.archived_at is None
        await pilot.press("a", "y")
        await settle(pilot, app)
        with contacts.session() as s:
            acme = plan.find_client(session=s, name="Acme")
            assert acme is not None and acme.archived_at is not None
        assert result(screen).startswith("Archived client 'Acme': left out of the switcher")
        assert [getattr(c, "name", "") for c in screen.query_one(ClientList).lines] == ["Acme Ltd"]
        # Shown again with z, marked; a on it unarchives.
        await press_and_settle(pilot, app, "z")
        await pilot.press("up")
        await press_and_settle(pilot, app, "a")
        assert result(screen) == "Unarchived client 'Acme': back in every list · u undoes it"
        # A person with no open items is archived at once.
        await to_person(pilot, screen, "Omar Haddad")
        await press_and_settle(pilot, app, "a")
        assert person(contacts, "Omar Haddad").archived_at is not None
        assert result(screen) == (
            "Archived 'Omar Haddad': no longer offered as an owner · u undoes it"
        )


async def test_contact_details_a_bad_e_mail_is_refused_then_they_save(
    contacts: Database,
) -> None:
    async with running(contacts, (100, 30), client="Acme") as (app, pilot):
        screen = await open_people(pilot, app)
        await to_person(pilot, screen, "Dana Reyes")
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ContactForm)
        assert form.query_one("#where", Input).value == "Acme"
        form.query_one("#email", Input).value = "dana@"
        form.query_one("#phone", Input).value = "+44 20 7946 0000"
        form.query_one("#status_recipient", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # kept open, with what was typed
        feedback = form.query_one(".dialog-feedback", Static)
        assert words(feedback) == "e-mail 'dana@' is not an address (name@example.com)"
        assert feedback.has_class("-error")
        assert person(contacts, "Dana Reyes").email is None  # nothing saved
        form.query_one("#email", Input).value = "dana.reyes@acme.example"
        await press_and_settle(pilot, app, "ctrl+s")
        assert app.screen is screen
        dana = person(contacts, "Dana Reyes")
        assert (dana.email, dana.phone, dana.status_recipient) == (
            "dana.reyes@acme.example",
            "+44 20 7946 0000",
            True,
        )
        assert result(screen) == "Saved the details of 'Dana Reyes' · u undoes it"
        await press_and_settle(pilot, app, "u")
        assert person(contacts, "Dana Reyes").email is None
        # Omar, Acme Ltd's contact, becomes a vendor's contact: his company asked for.
        await to_person(pilot, screen, "Omar Haddad")
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ContactForm)
        form.query_one("#side", Select).value = "vendor"
        await pilot.pause()
        form.query_one("#where", Input).value = "CloudVault"
        await press_and_settle(pilot, app, "ctrl+s")
        omar = person(contacts, "Omar Haddad")
        assert (omar.side, omar.company, omar.client_id) == (Side.VENDOR, "CloudVault", None)
        assert "Vendors · CloudVault" in [
            getattr(x, "text", "") for x in screen.query_one(PeopleList).lines
        ]


async def test_delete_an_empty_client_and_one_with_items_is_refused(contacts: Database) -> None:
    with contacts.session() as s:
        s.add(Client(name="Kestrel", created_at=START))  # a name made by mistake
        s.commit()
    async with running(contacts, (100, 30), client="Acme") as (app, pilot):
        screen = await open_people(pilot, app)
        await press_and_settle(pilot, app, "d")  # Acme: it has items
        assert "Acme" in names(contacts, Client)
        assert result(screen).startswith("Not saved: client 'Acme' has 3 items")
        await pilot.press("down", "down")  # Kestrel
        await press_and_settle(pilot, app, "d")
        assert names(contacts, Client) == ["Acme", "Acme Ltd"]
        assert result(screen) == "Deleted client 'Kestrel' · u undoes it"
        await press_and_settle(pilot, app, "u")
        assert "Kestrel" in names(contacts, Client)
        with contacts.session() as s:
            assert len(s.exec(select(Item)).all()) == 4  # no item was touched
