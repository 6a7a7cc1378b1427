"""The People and clients screen: P opens it (and the palette), its groups, the archived toggle,
a person's items, a failed read, its help, live refresh, and a board on an archived client."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Static

from actionplan import plan
from actionplan.db import Database, DatabaseError, open_database
from actionplan.queries import ClientCounts, PersonRow, people_rows
from actionplan.tui.commands import ViewCommands
from actionplan.tui.screens import people as people_view
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.screens.help import HelpScreen
from actionplan.tui.screens.people import PeopleScreen
from actionplan.tui.screens.people_dialogs import PersonItems
from actionplan.tui.widgets.people_list import ClientList, Heading, PeopleList
from tests.support import AUTHOR, TODAY, add
from tests.support.pilot import (
    agenda_items,
    card_in_front,
    failure_said,
    press_and_settle,
    press_help,
    raising,
    read_again,
    running,
    settle,
    until,
    words,
)


@pytest.fixture
def contacts(db: Database) -> Database:
    """Acme and Globex; Ann Lee (Infrastructure) and Ben Okafor (Service Desk) of ours, Dana
    Reyes at Acme, Luis Ortega of CloudVault, and Pri, a client contact of no client."""
    with db.session() as s:
        plan.save_person(session=s, name="Ann Lee", team="Infrastructure", side="us")
        plan.save_person(session=s, name="Ben Okafor", team="Service Desk", side="us")
    add(db, "Renew firewall", client="Acme", owner="Ann Lee", due=TODAY)
    add(db, "Patch servers", client="Acme", owner="Ben Okafor")
    add(db, "Test backups", client="Globex", owner="Ann Lee")
    with db.session() as s:
        plan.save_person(session=s, name="Dana Reyes", client="Acme", role="IT lead")
        plan.save_person(session=s, name="Luis Ortega", company="CloudVault")
        plan.save_person(session=s, name="Pri", side="client")
    add(db, "Sign off the plan", client="Acme", owner="Dana Reyes")
    return db


def people_shown(screen: PeopleScreen) -> list[str]:
    """The people list as lines: a heading's words, or "  name (N open)"."""
    out = []
    for line in screen.query_one(PeopleList).lines:
        if isinstance(line, Heading):
            out.append(line.text)
        else:
            assert isinstance(line, PersonRow)
            marks = " archived" if line.archived else ""
            out.append(f"  {line.name} ({line.open}){marks}")
    return out


def clients_shown(screen: PeopleScreen) -> list[str]:
    lines = screen.query_one(ClientList).lines
    return [
        f"{c.name}{' archived' if c.archived else ''}" for c in lines if isinstance(c, ClientCounts)
    ]


def title_of(screen: PeopleScreen) -> str:
    return words(screen.query_one("#people-title", Static))


async def open_people(pilot: Any, app: Any) -> PeopleScreen:
    screen = await press_and_settle(pilot, app, "P")
    assert isinstance(screen, PeopleScreen)
    await until(pilot, lambda: screen.data is not None)
    return screen


async def help_opened(pilot: Any, app: Any) -> tuple[HelpScreen, dict[str | None, str]]:
    """Press ? on the screen in front: the help it opens, and its keys shown by binding id."""
    help_screen = await press_help(pilot, app)
    return help_screen, {row.binding.id: row.shown_keys for row in help_screen.rows}


async def test_p_opens_the_people_grouped_and_enter_lists_a_persons_items(
    contacts: Database,
) -> None:
    async with running(contacts, (120, 40), client="Acme") as (app, pilot):
        screen = await open_people(pilot, app)
        assert clients_shown(screen) == ["Acme", "Globex"]
        acme = screen.query_one(ClientList).current
        assert isinstance(acme, ClientCounts) and (acme.open, acme.overdue) == (3, 0)
        assert people_shown(screen) == [
            "Client contacts not attached to a client",
            "  Pri (0)",
            "Our people · Infrastructure",
            "  Ann Lee (2)",
            "Our people · Service Desk",
            "  Ben Okafor (1)",
            "Contacts at Acme",
            "  Dana Reyes (1)",
            "Vendors · CloudVault",
            "  Luis Ortega (0)",
        ]
        title = title_of(screen)
        assert "2 clients · 5 people" in title
        await pilot.press("tab", "down")  # to the people; past Pri to Ann Lee
        assert isinstance(screen.in_front, PersonRow) and screen.in_front.name == "Ann Lee"
        listing = await press_and_settle(pilot, app, "enter")
        assert isinstance(listing, PersonItems)
        rows = agenda_items(listing)
        assert [(r["title"], r["client"]) for r in rows] == [
            ("Renew firewall", "Acme"),
            ("Test backups", "Globex"),
        ]
        await pilot.press("down")
        await press_and_settle(pilot, app, "enter")
        card_in_front(app, "Globex", title="Test backups")


async def test_enter_on_a_client_opens_its_board_and_the_palette_opens_people(
    contacts: Database,
) -> None:
    async with running(contacts, (120, 40), client="Acme") as (app, pilot):
        await settle(pilot, app)
        offered = [name for name, _, _ in ViewCommands(app.screen)._commands()]
        assert "People and clients: rename, merge, archive, contact details" in offered
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"people and")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        await pilot.press("down")  # Globex
        board = await press_and_settle(pilot, app, "enter")
        assert isinstance(board, BoardScreen) and board.client == "Globex"


async def test_archived_are_hidden_until_z_and_marked(contacts: Database) -> None:
    with contacts.session() as s:
        plan.archive_client(session=s, name="Globex", author=AUTHOR, force=True)
        plan.archive_person(session=s, name="Luis Ortega", author=AUTHOR)
        plan.archive_person(session=s, name="Ben Okafor", author=AUTHOR, force=True)
    async with running(contacts, (120, 40), client="Acme") as (app, pilot):
        screen = await open_people(pilot, app)
        assert clients_shown(screen) == ["Acme"]
        shown = people_shown(screen)
        assert "  Luis Ortega (0) archived" not in shown
        assert "  Ben Okafor (1) archived" in shown  # still owns an open item: stays in sight
        title = title_of(screen)
        assert "3 archived hidden (z shows them)" in title
        await press_and_settle(pilot, app, "z")
        assert clients_shown(screen) == ["Acme", "Globex archived"]
        assert "  Luis Ortega (0) archived" in people_shown(screen)
        assert "archived shown (z hides them)" in title_of(screen)
        await press_and_settle(pilot, app, "z")
        assert clients_shown(screen) == ["Acme"]


async def test_a_board_opened_on_an_archived_client_says_so(contacts: Database) -> None:
    with contacts.session() as s:
        plan.archive_client(session=s, name="Globex", author=AUTHOR, force=True)
    async with running(contacts, (120, 40), client="Acme") as (app, pilot):
        board = app.screen
        assert isinstance(board, BoardScreen)
        await settle(pilot, app)
        assert "archived" not in words(board.query_one("#board-title", Static))
        await open_people(pilot, app)
        await press_and_settle(pilot, app, "z")
        await pilot.press("down")
        assert await press_and_settle(pilot, app, "enter") is board
        assert board.client == "Globex"
        assert "Globex archived client (unarchive: P, then a)" in words(
            board.query_one("#board-title", Static)
        )
        assert [r["title"] for r in board.rows] == ["Test backups"]
        # P from there starts on Globex, the archived shown; a unarchives it.
        screen = await open_people(pilot, app)
        assert clients_shown(screen) == ["Acme", "Globex archived"]
        current = screen.query_one(ClientList).current
        assert isinstance(current, ClientCounts) and current.name == "Globex"
        await press_and_settle(pilot, app, "a")
        assert await press_and_settle(pilot, app, "escape") is board
        assert "archived" not in words(board.query_one("#board-title", Static))


async def test_a_failed_read_says_why_and_ctrl_r_reads_again(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(sqlite_db, "Patch servers", owner="Ann")
    why = "the database cannot be reached"
    monkeypatch.setattr(people_view, "people_rows", raising(DatabaseError(why)))
    async with running(sqlite_db, (100, 30), client="Acme") as (app, pilot):
        screen = await press_and_settle(pilot, app, "P")
        assert isinstance(screen, PeopleScreen)
        await failure_said(pilot, screen, "people and clients", why)
        assert screen.data is None
        assert "reading" not in title_of(screen)
        await read_again(pilot, screen, monkeypatch, people_view, "people_rows", people_rows)
        assert people_shown(screen) == ["Our people · no team", "  Ann (1)"]


async def test_help_lists_every_key_with_its_id(contacts: Database) -> None:
    async with running(contacts, (80, 24), client="Acme") as (app, pilot):
        await settle(pilot, app)
        _, ids = await help_opened(pilot, app)
        assert ids["board.people"] == "P"
        await press_and_settle(pilot, app, "escape")
        await open_people(pilot, app)
        help_screen, ids = await help_opened(pilot, app)
        assert {
            "people.switch": "Tab / Shift+Tab",
            "people.open": "Enter",
            "people.rename": "r",
            "people.merge": "m",
            "people.archive": "a",
            "people.edit": "e",
            "people.delete": "d",
            "people.archived": "z",
            "people.undo": "u",
            "people.close": "Esc / q",
            "people.help": "?",
            "view.retry": "Ctrl+R",
            "people_clients.down": "Down / j",
        }.items() <= ids.items()
        text = words(*help_screen.query(Static))
        assert "Keys of people and clients" in text
        assert "belong to no client come first, to settle" in text
        assert "u undoes it" in text


async def test_a_change_someone_else_makes_shows_at_once(contacts: Database) -> None:
    other = open_database(contacts.url)
    try:
        async with running(contacts, (120, 40), client="Acme") as (app, pilot):
            screen = await open_people(pilot, app)
            with other.session() as s:
                plan.rename_client(session=s, name="Globex", new="Globex Corp", author="Ben")
                plan.save_person(session=s, name="Pri", client="Globex Corp", author="Ben")
            await until(pilot, lambda: "Globex Corp" in clients_shown(screen))
            await until(pilot, lambda: "Contacts at Globex Corp" in people_shown(screen))
            assert "Client contacts not attached to a client" not in people_shown(screen)
    finally:
        other.dispose()
