"""The agenda screen: its entries, the filter, the cursor, Enter to the item's board, a failed
read."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from actionplan import plan
from actionplan.agenda import agenda, agenda_matcher, buckets
from actionplan.db import Database, DatabaseError
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens.agenda import AgendaScreen
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.view import FailureLine
from actionplan.tui.widgets.agenda_list import LATER_SHOWN, AgendaList, build_entries
from tests.support import AUTHOR, TODAY, add
from tests.support.pilot import (
    agenda_items,
    card_in_front,
    failure_said,
    press_and_settle,
    raising,
    running,
    settle,
)
from tests.support.plans import agenda_row


def test_later_is_capped_with_a_line_that_shows_the_rest() -> None:
    later = date(2027, 3, 1)
    rows = [agenda_row(f"later {n}", id=n, due=later) for n in range(LATER_SHOWN + 7)]
    found = buckets(rows, TODAY)
    entries = build_entries(found, None)
    items = [e for e in entries if e[0] == "item"]
    assert len(items) == LATER_SHOWN
    assert ("more", ("later", 7)) in entries
    headings = [payload[0].label for kind, payload in entries if kind == "heading"]
    assert headings == ["Overdue", "Today", "This week", "Next week", "Later", "No date"]
    every = build_entries(found, None, expanded=True)
    assert len([e for e in every if e[0] == "item"]) == LATER_SHOWN + 7
    # A filter shows only the headings with something under them.
    match = agenda_matcher("later 3", TODAY)
    filtered = build_entries(found, match)
    assert [k for k, _ in filtered if k == "heading"] == ["heading"]
    assert build_entries(found, agenda_matcher("nothing like it", TODAY))[0][0] == "note"


async def open_agenda(pilot: Any, app: ActionPlanApp) -> AgendaScreen:
    screen = await press_and_settle(pilot, app, "a")
    assert isinstance(screen, AgendaScreen)
    return screen


def lines_of(screen: AgendaScreen) -> list[tuple[str, Any]]:
    return screen.query_one(AgendaList).entries


@pytest.fixture
def two_clients(db: Database) -> dict[str, int]:
    ids = {
        "firewall": add(db, "Renew firewall", due=date(2026, 11, 20), owner="Ann Lee"),
        "backups": add(db, "Test backups", due=TODAY),
        "globex": add(db, "Patch Globex servers", client="Globex", due=date(2026, 11, 25)),
        "dns": add(db, "Move DNS", client="Globex", owner="Ann Lee"),
    }
    return ids


async def test_filter_then_enter_opens_the_item_on_its_clients_board(
    db: Database, two_clients: dict[str, int]
) -> None:
    async with running(db, size=(100, 30)) as (app, pilot):
        agenda_screen = await open_agenda(pilot, app)
        items = [p["title"] for p in agenda_items(agenda_screen)]
        assert items == ["Renew firewall", "Test backups", "Patch Globex servers", "Move DNS"]
        await pilot.press("slash", *"owner:ann client:glob")
        await pilot.pause()
        items = [p["title"] for p in agenda_items(agenda_screen)]
        assert items == ["Move DNS"]
        await pilot.press("enter")  # from the filter box to the list
        await pilot.press("enter")  # open the item
        await settle(pilot, app)
        card_in_front(app, "Globex", id=two_clients["dns"])


async def test_escape_clears_the_filter_then_goes_back(
    db: Database, two_clients: dict[str, int]
) -> None:
    async with running(db, size=(80, 24)) as (app, pilot):
        agenda_screen = await open_agenda(pilot, app)
        await pilot.press("slash", *"backups")
        await pilot.pause()
        assert [p["title"] for p in agenda_items(agenda_screen)] == ["Test backups"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(agenda_items(agenda_screen)) == 4
        assert app.screen is agenda_screen
        assert isinstance(await press_and_settle(pilot, app, "escape"), BoardScreen)


async def test_cursor_moves_over_items_and_jumps_between_headings(
    db: Database, two_clients: dict[str, int]
) -> None:
    async with running(db, size=(80, 24)) as (app, pilot):
        agenda_screen = await open_agenda(pilot, app)
        listing = agenda_screen.query_one(AgendaList)

        def current() -> str:
            item = listing.current_item
            assert item is not None
            return str(item["title"])

        assert current() == "Renew firewall"
        await pilot.press("j")
        assert current() == "Test backups"  # over the gap and the "Today" heading
        await pilot.press("right_square_bracket")
        assert current() == "Patch Globex servers"
        await pilot.press("right_square_bracket")
        assert current() == "Move DNS"  # next week and later are empty
        await pilot.press("left_square_bracket")
        assert current() == "Patch Globex servers"
        await pilot.press("G")
        assert current() == "Move DNS"
        await pilot.press("g")
        assert current() == "Renew firewall"


async def test_enter_on_the_more_line_shows_every_later_item(db: Database) -> None:
    far = date(2027, 3, 1)
    with db.session() as s:
        plan.add_items(
            session=s,
            author=AUTHOR,
            items=[
                plan.new_item(client="Acme", title=f"later {n}", due=far)
                for n in range(LATER_SHOWN + 3)
            ],
            summary="many",
        )
    async with running(db, size=(80, 24)) as (app, pilot):
        agenda_screen = await open_agenda(pilot, app)
        await pilot.press("G")
        listing = agenda_screen.query_one(AgendaList)
        assert listing.current == ("more", ("later", 3))
        await pilot.press("enter")
        await pilot.pause()
        assert len(agenda_items(agenda_screen)) == LATER_SHOWN + 3
        assert app.screen is agenda_screen
        shown = listing.current_item
        assert shown is not None and shown["title"] == f"later {LATER_SHOWN}"


async def test_a_failed_read_says_why_and_ctrl_r_reads_again(
    db: Database, two_clients: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = raising(DatabaseError("the server is gone"))
    monkeypatch.setattr("actionplan.tui.screens.agenda.agenda", gone)
    async with running(db, size=(100, 30)) as (app, pilot):
        agenda_screen = await open_agenda(pilot, app)
        await failure_said(pilot, agenda_screen, "the agenda", "the server is gone")
        assert lines_of(agenda_screen) == []
        monkeypatch.setattr("actionplan.tui.screens.agenda.agenda", agenda)  # it is back
        await press_and_settle(pilot, app, "ctrl+r")
        items = [p["title"] for p in agenda_items(agenda_screen)]
        assert items == ["Renew firewall", "Test backups", "Patch Globex servers", "Move DNS"]
        assert "Mon 23 Nov" in str(agenda_screen.query_one("#agenda-title").render())
        assert not agenda_screen.query(FailureLine)
        assert app.screen is agenda_screen
