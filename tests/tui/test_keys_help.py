"""One help for every view: ? lists the keys of the view in front (and of its focused widget),
in one spelling, with the ids that remap them; the command palette acts on the view in front;
and the owner's items stay in reach at 80x24."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from actionplan.db import Database
from actionplan.models import Item, Status
from actionplan.tui import screens
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.commands import ViewCommands
from actionplan.tui.keys import key_name
from actionplan.tui.screens.agenda import AgendaScreen
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.screens.help import HelpScreen
from actionplan.tui.screens.snapshots import SnapshotDocument
from actionplan.tui.screens.triage import TriageScreen
from actionplan.tui.screens.workload import OwnerItems
from actionplan.tui.view import KeysHelp
from actionplan.tui.widgets.agenda_list import AgendaList
from tests.support import TODAY, add
from tests.support.pilot import press_and_settle, press_help, running, settle, words


def listed(screen: HelpScreen) -> str:
    """Everything the dialog says, as plain text."""
    return words(*screen.query(Static))


def rows(screen: HelpScreen) -> dict[str, tuple[str, str]]:
    """What each key does -> (its keys as shown, its binding id)."""
    return {row.what: (row.shown_keys, row.binding.id or "") for row in screen.rows}


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("escape", "Esc"),
        ("enter", "Enter"),
        ("ctrl+r", "Ctrl+R"),
        ("shift+left", "Shift+Left"),
        ("question_mark", "?"),
        ("slash", "/"),
        ("left_square_bracket", "["),
        ("exclamation_mark", "!"),
        ("pagedown", "PgDn"),
        ("H", "H"),
        ("j", "j"),
        ("f1", "F1"),
    ],
)
def test_every_key_has_one_spelling(key: str, shown: str) -> None:
    assert key_name(key) == shown


def test_every_view_binds_question_mark_to_the_one_help() -> None:
    for module in pkgutil.iter_modules(screens.__path__):
        importlib.import_module(f"{screens.__name__}.{module.name}")
    views: list[type[KeysHelp]] = []
    found: list[type[KeysHelp]] = [KeysHelp]
    while found:
        view = found.pop()
        found.extend(view.__subclasses__())
        if view is not KeysHelp:
            assert "action_help" not in view.__dict__, f"{view.__name__} has a help of its own"
            views.append(view)
    screens_shown = [view for view in views if not view.__subclasses__()]  # not the bases
    assert len(screens_shown) >= 11 and SnapshotDocument in screens_shown
    assert all(issubclass(view, Screen) for view in screens_shown)
    for view in screens_shown:
        bound = view._merge_bindings().key_to_bindings.get("question_mark", [])
        assert [b.action for b in bound] == ["help"], view.__name__
        assert all(b.id and b.id.endswith(".help") for b in bound), view.__name__


async def open_help(pilot: Any, app: ActionPlanApp, *keys: str) -> HelpScreen:
    await settle(pilot, app)
    if keys:
        await pilot.press(*keys)
        await settle(pilot, app)
    return await press_help(pilot, app)


def assert_one_spelling(screen: HelpScreen) -> None:
    """Keys are shown as typed ("Esc", "Ctrl+R"), never as Textual names them ("escape")."""
    shown = " ".join(row.shown_keys for row in screen.rows)
    for raw in ("escape", "enter", "question_mark", "slash", "ctrl+", "shift+", "⏎", "^"):
        assert raw not in shown, raw


@asynccontextmanager
async def help_of(
    db: Database, view: type[KeysHelp], *keys: str
) -> AsyncIterator[tuple[ActionPlanApp, Any, HelpScreen, dict[str, tuple[str, str]]]]:
    """The app on Acme's board at 80x24; ``keys`` pressed to reach a ``view``, then ?: the app,
    its pilot, the help, and what each key does. Every view's help offers Ctrl+R to read again,
    and shows each key in one spelling."""
    async with running(db, client="Acme", size=(80, 24)) as (app, pilot):
        help_screen = await open_help(pilot, app, *keys)
        assert isinstance(help_screen.view, view)
        shown = rows(help_screen)
        assert shown["Read the view again (after a failed read)"] == ("Ctrl+R", "view.retry")
        assert_one_spelling(help_screen)
        yield app, pilot, help_screen, shown


async def test_help_on_the_board_lists_its_keys_with_their_ids(db: Database) -> None:
    add(db, "Patch servers", owner="Ann", due=TODAY)
    async with help_of(db, BoardScreen) as (app, pilot, help_screen, keys):
        assert keys["Mark done"] == ("x", "board.done")
        assert keys["Move card left"] == ("H / Shift+Left", "board.move_left")
        assert keys["Escalate, or clear an escalation"] == ("!", "board.escalate")
        assert keys["This list of keys"] == ("?", "board.help")
        assert keys["Next card"] == ("Down / j", "board.down")  # the focused column's keys too
        assert keys["Edit card"] == ("Enter", "board.open")
        assert keys["Command palette: this view's actions by name"] == ("Ctrl+P", "")
        text = listed(help_screen)
        assert "Keys of the board" in str(help_screen.query_one(".dialog-title", Label).content)
        assert "x Mark done board.done" in text
        assert "owner:NAME" in text  # the filter's syntax, from the board's notes
        assert '[keys], e.g. "board.help" = "f1,question_mark"' in text
        every = " ".join(f"{keys} {what}" for what, (keys, _) in keys.items())
        for words in ("Move card right", "Undo", "Filter", "Show or hide dropped", "Quit"):
            assert words in every
        assert "D Set due date" in every
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)


async def test_help_on_the_agenda_lists_the_agendas_keys_not_the_boards(db: Database) -> None:
    add(db, "Patch servers", owner="Ann", due=TODAY)
    async with help_of(db, AgendaScreen, "a") as (_, _, help_screen, keys):
        assert keys["Clear the filter, or go back"] == ("Esc", "agenda.back")
        assert keys["Open the item on its client's board"] == ("Enter", "agenda.open")
        assert keys["Previous heading"] == ("[", "agenda.previous")
        assert keys["Filter as you type"] == ("/", "agenda.filter")
        assert keys["Next item"] == ("Down / j", "agenda.down")  # the agenda list's keys
        assert "Mark done" not in keys and "Next card" not in keys
        text = listed(help_screen)
        assert "Filter (/):" in text and "client:NAME" in text
        assert "Esc Clear the filter, or go back agenda.back" in text


async def test_help_in_triage_lists_its_keys_and_how_a_session_goes(db: Database) -> None:
    add(db, "Patch servers", due=TODAY - timedelta(days=3))  # overdue, no owner: in the queue
    async with help_of(db, TriageScreen, "t") as (_, _, help_screen, keys):
        assert keys["Set the owner (Tab completes)"] == ("o", "triage.owner")
        assert keys["Set the due date"] == ("d / D", "triage.due")
        assert keys["Skip: next item"] == ("n / Space", "triage.next")
        assert keys["Back to the board"] == ("q / Esc", "triage.back")
        text = listed(help_screen)
        assert "u undoes this session's changes, newest first." in text
        assert "The queue, worst first" in text


async def test_help_shows_a_remapped_key_as_remapped(db: Database) -> None:
    add(db, "Patch servers", owner="Ann", due=TODAY)
    remaps = {"board.done": "ctrl+d", "agenda.filter": "f", "view.retry": "f5"}
    async with running(db, client="Acme", keys=remaps, size=(80, 24)) as (app, pilot):
        keys = rows(await open_help(pilot, app))
        assert keys["Mark done"] == ("Ctrl+D", "board.done")
        await pilot.press("escape")
        keys = rows(await open_help(pilot, app, "a"))
        assert keys["Filter as you type"] == ("f", "agenda.filter")
        assert keys["Read the view again (after a failed read)"] == ("F5", "view.retry")


async def from_the_palette(pilot: Any, app: ActionPlanApp, command: str) -> None:
    """Ctrl+P, type the start of a command's name, Enter, and settle."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*command)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot, app)


async def test_the_palette_acts_on_the_view_in_front(db: Database) -> None:
    add(db, "Patch servers", owner="Ann", due=TODAY)
    async with running(db, client="Acme", size=(80, 24)) as (app, pilot):
        await settle(pilot, app)
        board = app.screen
        assert isinstance(board, BoardScreen)
        await pilot.press("a")
        await settle(pilot, app)
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        offered = [name for name, _, _ in ViewCommands(agenda)._commands()]
        assert "Filter as you type" in offered and "Next heading" in offered
        assert "Mark done" not in offered and "Switch client, or All clients" not in offered
        await from_the_palette(pilot, app, "filter as")
        assert app.screen is agenda
        assert agenda.query_one("#agenda-filter", Input).display  # the agenda's filter opened
        assert not board.query_one("#filter", Input).display  # the board's did not
        assert board.client == "Acme" and not board.filter.active
        await pilot.press("escape", "escape")  # clear the filter, then back to the board
        await settle(pilot, app)
        assert app.screen is board


@pytest.mark.parametrize(
    ("key", "expected"),
    [("a", "Next heading"), ("w", "Next owner"), ("R", "Week after")],
)
async def test_question_mark_lists_the_views_keys_and_escape_closes(
    db: Database, key: str, expected: str
) -> None:
    add(db, "Patch servers", owner="Ann", due=TODAY, repeat_every=1, repeat_unit="week")
    async with running(db, client="Acme", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, key)
        view = app.screen
        assert expected in listed(await press_help(pilot, app))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is view


async def test_an_owners_last_item_can_be_reached_at_80x24(db: Database) -> None:
    for n in range(16):  # more lines than the dialog has rows
        add(db, f"Check {n}", owner="Ann", due=TODAY + timedelta(days=3 * n))
    async with running(db, client="Acme", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "w")
        await pilot.press("enter")
        await settle(pilot, app)
        dialog = app.screen
        assert isinstance(dialog, OwnerItems)
        await pilot.press("end")
        await pilot.pause()
        listing = dialog.query_one(AgendaList)
        hint = dialog.query_one(".dialog-hint", Label)
        box = dialog.query_one(".owner-items")
        assert listing.current_item is not None and listing.current_item["title"] == "Check 15"
        assert listing.region.bottom <= hint.region.y  # the hint covers no line
        assert hint.region.bottom <= box.region.bottom - 1  # inside the border
        top = round(listing.scroll_offset.y)
        assert top <= (listing.highlighted or 0) < top + listing.size.height  # the cursor is seen
        assert isinstance(await press_and_settle(pilot, app, "enter"), BoardScreen)


async def test_the_palette_acts_on_the_board_when_it_is_in_front(db: Database) -> None:
    add(db, "Patch servers", owner="Ann", due=TODAY)
    async with running(db, client="Acme", size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await from_the_palette(pilot, app, "mark done")
        with db.session() as s:
            done = s.get(Item, 1)
        assert done is not None and done.status == Status.DONE
