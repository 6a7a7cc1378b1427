"""The calls view (C on the board) and the client switcher's next call and last sent (issue 14)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from textual.widgets import OptionList, Static

from actionplan import calls, plan
from actionplan.db import Database, DatabaseError
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.screens.calls import CallsScreen
from actionplan.tui.screens.client_switcher import ClientSwitcher
from actionplan.tui.screens.summary_preview import SummaryPreview
from actionplan.tui.widgets.calls_list import CallsList
from tests.support import AUTHOR, TODAY, FixedClock, add
from tests.support.pilot import (
    board,
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
from tests.support.plans import save_summary


def set_call(db: Database, client: str, days: int, **settings: Any) -> None:
    with db.session() as s:
        plan.set_summary_settings(
            session=s,
            client=client,
            settings=plan.SummarySettings(next_call=TODAY + timedelta(days=days), **settings),
            author=AUTHOR,
        )


@pytest.fixture
def week(db: Database, fixed_clock: FixedClock) -> Database:
    """Globex's call on Wed 25 Nov; Acme's on Fri 27 Nov (health set by hand, a summary sent
    today); Hooli's a week later; Initech has none."""
    for client in ("Acme", "Globex", "Hooli", "Initech"):
        add(db, "Patch servers", client)
    set_call(db, "Globex", 2)
    set_call(db, "Acme", 4, health="amber", health_reason="Parts are late")
    set_call(db, "Hooli", 11)
    save_summary(db, "Acme")
    return db


async def open_calls(pilot: Any, app: ActionPlanApp) -> CallsScreen:
    screen = await press_and_settle(pilot, app, "C")
    assert isinstance(screen, CallsScreen)
    return screen


def listed(screen: CallsScreen) -> list[str]:
    return [row.client for row in screen.query_one(CallsList).rows]


async def test_c_opens_the_calls_and_enter_opens_that_clients_board(week: Database) -> None:
    async with running(week, client="Initech", size=(100, 30)) as (app, pilot):
        screen = await open_calls(pilot, app)
        assert listed(screen) == ["Globex", "Acme"]
        title = words(screen.query_one("#calls-title", Static))
        assert title == "Calls in the next 7 days (to Mon 30 Nov) 2 clients"
        await pilot.press("j")
        detail = words(screen.query_one("#calls-detail", Static))
        assert "amber set by hand (computed: green): Parts are late" in detail
        assert "last sent Mon 23 Nov md" in detail
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, BoardScreen)
        assert board(app).client == "Acme"


async def test_escape_goes_back_to_the_same_board(week: Database) -> None:
    async with running(week, client="Initech", size=(100, 30)) as (app, pilot):
        await open_calls(pilot, app)
        await press_and_settle(pilot, app, "escape")
        assert isinstance(app.screen, BoardScreen) and board(app).client == "Initech"
        await open_calls(pilot, app)
        await press_and_settle(pilot, app, "q")
        assert isinstance(app.screen, BoardScreen)


async def test_the_window_widens_and_narrows_a_week_at_a_time(week: Database) -> None:
    async with running(week, size=(100, 30)) as (app, pilot):
        screen = await open_calls(pilot, app)
        await press_and_settle(pilot, app, "right_square_bracket")
        assert screen.days == 14 and listed(screen) == ["Globex", "Acme", "Hooli"]
        await press_and_settle(pilot, app, "left_square_bracket", "left_square_bracket")
        assert screen.days == 0 and listed(screen) == []
        empty = words(screen.query_one("#calls-empty", Static))
        assert empty.startswith("No calls today.")
        assert "actionplan clients set CLIENT --next-call fri" in empty


async def test_an_empty_week_says_how_to_set_a_call(db: Database) -> None:
    add(db, "Patch servers")
    async with running(db, size=(80, 24)) as (app, pilot):
        screen = await open_calls(pilot, app)
        empty = screen.query_one("#calls-empty", Static)
        assert empty.display
        assert "No calls in the next 7 days." in words(empty)
        assert "e edits the next call" in words(empty)
        assert not screen.check_action("open", ())


async def test_s_opens_the_clients_summary_and_back_comes_to_the_calls(week: Database) -> None:
    async with running(week, size=(100, 30)) as (app, pilot):
        await open_calls(pilot, app)
        await pilot.press("s")
        preview = app.screen
        assert isinstance(preview, SummaryPreview)
        await until(pilot, lambda: preview.summary is not None)
        assert preview.summary is not None and preview.summary.client == "Globex"
        await press_and_settle(pilot, app, "escape")
        assert isinstance(app.screen, CallsScreen)


async def test_help_lists_every_key_of_the_calls(week: Database) -> None:
    async with running(week, size=(80, 24)) as (app, pilot):
        await open_calls(pilot, app)
        help_screen = await press_help(pilot, app)
        keys = {row.what: (row.shown_keys, row.binding.id) for row in help_screen.rows}
        assert keys["Open the client's board"] == ("Enter", "calls.open")
        assert keys["A week more ahead"] == ("]", "calls.wider")
        assert keys["A week less ahead"] == ("[", "calls.narrower")
        assert keys["Back to the board"] == ("Esc / q", "calls.close")
        assert keys["This list of keys"] == ("?", "calls.help")
        assert keys["Next client"] == ("Down / j", "calls.down")
        assert keys["Read the view again (after a failed read)"] == ("Ctrl+R", "view.retry")
        assert any(what.startswith("The client's summary") for what in keys)


async def test_at_80_columns_every_column_fits(week: Database) -> None:
    async with running(week, size=(80, 24)) as (app, pilot):
        screen = await open_calls(pilot, app)
        listing = screen.query_one(CallsList)
        width = listing.scrollable_content_region.width
        header = listing.render_header(0, width).text
        for column in ("Call", "Client", "Health", "Not told", "Asks", "Last sent"):
            assert column in header
        acme = listing.render_option(1, width, False)[0].text
        assert "Fri 27 Nov" in acme and "Acme" in acme and "Mon 23 Nov md" in acme


async def test_a_failed_read_says_why(week: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from actionplan.tui.screens import calls as calls_screen

    why = "the database cannot be reached"
    async with running(week, size=(100, 30)) as (app, pilot):
        monkeypatch.setattr(calls_screen, "calls_ahead", raising(DatabaseError(why)))
        screen = await open_calls(pilot, app)
        await failure_said(pilot, screen, "the calls", why)
        await read_again(pilot, screen, monkeypatch, calls_screen, "calls_ahead", calls.calls_ahead)
        assert listed(screen) == ["Globex", "Acme"]


async def test_the_switcher_shows_each_clients_next_call_and_last_sent(week: Database) -> None:
    async with running(week, client="Acme", size=(120, 30)) as (app, pilot):
        await press_and_settle(pilot, app, "c")
        switcher = app.screen
        assert isinstance(switcher, ClientSwitcher)
        await until(pilot, lambda: switcher.dates is not None)
        listing = switcher.query_one("#client-list", OptionList)
        options = [listing.get_option_at_index(n) for n in range(listing.option_count)]
        lines = {str(o.id): str(o.prompt).rstrip() for o in options}
        assert lines["Acme"].endswith("1 open  call Fri 27 Nov · sent Mon 23 Nov")
        assert lines["Globex"].endswith("1 open  call Wed 25 Nov")
        assert lines["Initech"].endswith("1 open")
        assert listing.highlighted == 1  # still on Acme, the board's client
