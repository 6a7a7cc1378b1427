"""The owner field (issue 13): in the editor, in o on the board and in o in triage, the people
who match are listed as you type, Tab completes, and a name that is nobody's is asked about
before it is added; the client switcher puts the same name and prefixes before looser matches."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlmodel import select

from actionplan.db import Database
from actionplan.models import Client, Person, Side
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.keys import screen_keys
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.screens.client_switcher import ClientSwitcher
from actionplan.tui.screens.help import HelpScreen
from actionplan.tui.screens.item_form import ItemForm
from actionplan.tui.screens.new_person import NewPersonDialog
from actionplan.tui.screens.prompts import OwnerPrompt
from actionplan.tui.screens.triage import TriageScreen
from actionplan.tui.widgets.owner_input import OwnerInput
from tests.support import add, item, person, seed
from tests.support.pilot import press_and_settle, running, settle, words


@pytest.fixture
def team(db: Database) -> Database:
    """Acme's board with #1 Renew firewall licence (no owner, overdue: in triage's queue);
    Priya Shah and Tom Becker are ours but own nothing on Acme's board (only on Globex's)."""
    add(db, "Renew firewall licence", due=date(2026, 11, 13))
    person(db, "Priya Shah", team="Support")
    person(db, "Tom Becker", team="Network")
    add(db, "Patch servers", "Globex", owner="Priya Shah")
    add(db, "Move DNS", "Globex", owner="Tom Becker")
    return db


def people(db: Database) -> dict[str, Person]:
    with db.session() as s:
        return {p.name: p for p in s.exec(select(Person)).all()}


def owner_of(db: Database, item_id: int) -> str | None:
    found = item(db, item_id)
    return None if found.owner_id is None else people_by_id(db)[found.owner_id]


def people_by_id(db: Database) -> dict[int, str]:
    return {p.id: name for name, p in people(db).items() if p.id is not None}


def field(app: ActionPlanApp) -> OwnerInput:
    return app.screen.query_one(OwnerInput)


async def typed(pilot: Any, app: ActionPlanApp, text: str) -> OwnerInput:
    """Type ``text`` into the owner field in front (once everyone has been read)."""
    await settle(pilot, app)
    await pilot.press(*text)
    await pilot.pause()
    return field(app)


async def test_tab_completes_in_o_on_the_board(team: Database) -> None:
    async with running(team, client="Acme", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "o")
        owner = await typed(pilot, app, "pri")
        assert owner.has_class("-open")  # the matches are listed under the field
        assert [p.name for p in owner.matches] == ["Priya Shah"]
        await pilot.press("tab")
        assert owner.value == "Priya Shah"
        assert "→ Priya Shah" in words(*app.screen.query(".dialog-feedback"))
        await press_and_settle(pilot, app, "enter")
        assert isinstance(app.screen, BoardScreen)
    assert owner_of(team, 1) == "Priya Shah"
    assert set(people(team)) == {"Priya Shah", "Tom Becker"}  # no "pri"


async def test_tab_completes_in_the_editor(team: Database) -> None:
    async with running(team, client="Acme", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "e")
        assert isinstance(app.screen, ItemForm)
        field(app).value = ""
        field(app).focus()
        owner = await typed(pilot, app, "tom")
        await pilot.press("tab")
        assert owner.value == "Tom Becker"
        await pilot.press("tab")  # nothing left to complete: Tab moves on, as elsewhere
        assert app.screen.focused is not None and app.screen.focused.id == "due"
        await press_and_settle(pilot, app, "ctrl+s")
        assert isinstance(app.screen, BoardScreen)
    assert owner_of(team, 1) == "Tom Becker"
    assert set(people(team)) == {"Priya Shah", "Tom Becker"}


async def test_tab_completes_in_o_in_triage(team: Database) -> None:
    async with running(team, client="Acme", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "t")
        assert isinstance(app.screen, TriageScreen)
        await press_and_settle(pilot, app, "o")
        assert isinstance(app.screen, OwnerPrompt)
        owner = await typed(pilot, app, "sha")  # a word of the name
        await pilot.press("tab")
        assert owner.value == "Priya Shah"
        await press_and_settle(pilot, app, "enter")
        assert isinstance(app.screen, TriageScreen)
    assert owner_of(team, 1) == "Priya Shah"
    assert set(people(team)) == {"Priya Shah", "Tom Becker"}


async def test_up_down_pick_from_the_list_and_right_completes(team: Database) -> None:
    person(team, "Priya Nair", team="Sales")
    async with running(team, client="Acme", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "o")
        owner = await typed(pilot, app, "pri")
        assert [p.name for p in owner.matches] == ["Priya Nair", "Priya Shah"]
        await pilot.press("down")
        assert owner.highlighted == "Priya Shah"
        await pilot.press("right")  # at the end of the text: completes to the highlighted name
        assert owner.value == "Priya Shah"
        owner.value = ""
        await pilot.pause()
        await pilot.press("down")  # on an empty field: everyone, to pick from
        assert [p.name for p in owner.matches] == ["Priya Nair", "Priya Shah", "Tom Becker"]
        await pilot.press("down", "down")
        assert "→ Tom Becker" in words(*app.screen.query(".dialog-feedback"))
        await press_and_settle(pilot, app, "enter")  # Enter takes the name picked
    assert owner_of(team, 1) == "Tom Becker"


async def test_enter_on_a_name_that_is_nobodys_asks_and_esc_adds_no_one(team: Database) -> None:
    async with running(team, client="Acme", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "o")
        await typed(pilot, app, "Pri")
        await press_and_settle(pilot, app, "enter")
        dialog = app.screen
        assert isinstance(dialog, NewPersonDialog)
        said = words(*dialog.query("Label, Static"))
        assert "New person 'Pri'?" in said
        assert "did you mean 'Priya Shah'?" in said
        await press_and_settle(pilot, app, "escape")  # back to the field, the text kept
        assert isinstance(app.screen, OwnerPrompt)
        assert field(app).value == "Pri"
        assert app.screen.focused is not None and app.screen.focused.parent is field(app)
        await press_and_settle(pilot, app, "escape")
        assert isinstance(app.screen, BoardScreen)
    assert set(people(team)) == {"Priya Shah", "Tom Becker"}
    assert item(team, 1).owner_id is None


async def test_confirming_adds_one_person_with_their_side_and_team(team: Database) -> None:
    async with running(team, client="Acme", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "o")
        await typed(pilot, app, "Zoe Park")
        await press_and_settle(pilot, app, "enter")
        assert isinstance(app.screen, NewPersonDialog)
        assert "did you mean" not in words(*app.screen.query("Label, Static"))
        await pilot.press(*"Supp")
        await pilot.press("right")  # completes to the team there is
        await press_and_settle(pilot, app, "enter")
        assert isinstance(app.screen, BoardScreen)
    everyone = people(team)
    assert set(everyone) == {"Priya Shah", "Tom Becker", "Zoe Park"}
    zoe = everyone["Zoe Park"]
    assert (zoe.side, zoe.team, zoe.client_id) == (Side.US, "Support", None)
    assert owner_of(team, 1) == "Zoe Park"


async def test_a_new_client_contact_belongs_to_the_items_client(team: Database) -> None:
    async with running(team, client="Acme", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "e")
        field(app).value = ""
        field(app).focus()
        await typed(pilot, app, "Dana Cole")
        await press_and_settle(pilot, app, "ctrl+s")  # saving asks about the new name first
        assert isinstance(app.screen, NewPersonDialog)
        await pilot.press("down")  # a client's contact: of Acme, the item's client
        await press_and_settle(pilot, app, "enter")
        assert isinstance(app.screen, BoardScreen)
    with team.session() as s:
        acme = s.exec(select(Client).where(Client.name == "Acme")).one()
    dana = people(team)["Dana Cole"]
    assert (dana.side, dana.client_id) == (Side.CLIENT, acme.id)
    assert owner_of(team, 1) == "Dana Cole"
    assert len(people(team)) == 3


async def test_the_switcher_puts_the_same_name_and_prefixes_first(db: Database) -> None:
    seed(db, "Kickoff", client="Cascade Medical")
    seed(db, "Kickoff", client="Acme Holdings")
    seed(db, "Kickoff", client="Acme")
    async with running(db, client="Cascade Medical", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "c")
        switcher = app.screen
        assert isinstance(switcher, ClientSwitcher)

        def listed() -> list[str | None]:
            listing = switcher.query_one("#client-list")
            return [o.id for o in listing.options]  # type: ignore[attr-defined]

        await pilot.press("a", "c")
        assert listed()[:2] == ["Acme", "Acme Holdings"]
        await pilot.press("m", "e")
        assert listed()[0] == "Acme"
        await press_and_settle(pilot, app, "enter")
        assert isinstance(app.screen, BoardScreen) and app.screen.client == "Acme"


async def test_the_owner_fields_keys_have_ids_and_help_says_tab_completes(team: Database) -> None:
    async with running(team, client="Acme", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        board_keys = {row.binding.id: row.what for row in app.screen.rows}
        assert board_keys["board.owner"] == "Set the owner (Tab completes)"
        await press_and_settle(pilot, app, "escape", "o")
        keys = {row.binding.id: row.shown_keys for row in screen_keys(app.screen)}
        assert {k: keys.get(k) for k in OWNER_KEYS} == OWNER_KEYS
        assert "Tab completes" in words(*app.screen.query(".dialog-keys"))
        await typed(pilot, app, "Pri")
        await press_and_settle(pilot, app, "enter")
        keys = {row.binding.id: row.shown_keys for row in screen_keys(app.screen)}
        assert {k: keys.get(k) for k in NEW_PERSON_KEYS} == NEW_PERSON_KEYS


OWNER_KEYS = {
    "owner.complete": "Tab",
    "owner.right": "Right",
    "owner.next": "Down",
    "owner.previous": "Up",
    "owner.accept": "Enter",
    "prompt.cancel": "Esc",
}
NEW_PERSON_KEYS = {
    "newperson.back": "Esc",
    "newperson.side_next": "Down",
    "newperson.side_previous": "Up",
}
