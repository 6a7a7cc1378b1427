"""The triage session, driven from the keyboard: every key checked on the database after."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

import pytest
from textual.widgets import Input, Static

from actionplan import plan
from actionplan.db import Database
from actionplan.models import Status, WaitingOn
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.screens.triage import TriageScreen
from actionplan.tui.screens.triage_dialogs import StatusChooser
from actionplan.tui.view import FailureLine
from actionplan.tui.widgets.triage_tally import session_summary
from tests import support
from tests.support import item
from tests.support.pilot import card_in_front, press_and_settle, press_help, running, settle, words

# Writes record TODAY 09:00 UTC, so "no change in 14 days" never depends on the real date.
pytestmark = pytest.mark.usefixtures("fixed_now")


add = partial(support.add, owner="Ann")  # an item is owned unless the test says otherwise


def triage(app: ActionPlanApp) -> TriageScreen:
    screen = app.screen
    assert isinstance(screen, TriageScreen), screen
    return screen


def shown(app: ActionPlanApp, selector: str) -> str:
    """What a Static on the screen says, as plain text."""
    return words(app.screen.query_one(selector, Static))


def current_id(app: ActionPlanApp) -> int:
    entry = triage(app).current
    assert entry is not None
    return entry.id


async def answer(pilot: Any, app: ActionPlanApp, text: str) -> None:
    """Type into the open prompt (replacing what it holds) and press Enter."""
    await pilot.pause()
    app.screen.query_one(Input).value = ""
    await pilot.press(*text, "enter")


async def owner_clash(pilot: Any, app: ActionPlanApp, db: Database, target: int) -> None:
    """In triage, o on ``target``; Olga is set as its owner elsewhere first; we answer Zoe
    (and confirm her as a new person)."""
    await press_and_settle(pilot, app, "t")
    await pilot.press("o")
    with db.session() as s:  # another account manager, while the prompt is open
        plan.edit_item(session=s, item_id=target, author="Other", owner="Olga")
    await answer(pilot, app, "Zoe")
    await press_and_settle(pilot, app, "enter")


@pytest.fixture
def plan_db(db: Database) -> dict[str, int]:
    """Five items needing attention; queue order: firewall, mail, patch, backups, laptops."""
    return {
        "firewall": add(db, "Renew firewall licence", owner=None, due=date(2026, 11, 13)),
        "patch": add(db, "Patch servers", due=date(2026, 11, 20)),
        "backups": add(db, "Test backups", owner=None, due=date(2026, 12, 20)),
        "laptops": add(db, "Order laptops", due=date(2026, 11, 25)),
        "mail": add(db, "Migrate mail", owner="Ben", due=date(2026, 11, 18)),
    }


async def test_a_whole_session_from_the_keyboard(db: Database, plan_db: dict[str, int]) -> None:
    ids = plan_db
    async with running(db, client="Acme", size=(100, 30)) as (app, pilot):
        await press_and_settle(pilot, app, "t")
        assert "Triage Acme 1 / 5" in shown(app, "#triage-title")
        card = shown(app, "#triage-card")
        assert "Renew firewall licence" in card
        assert "10 days overdue · must-do with no owner" in card

        await pilot.press("o")
        await answer(pilot, app, "Zoe")
        await press_and_settle(pilot, app, "enter")  # yes, Zoe is a new person
        assert item(db, ids["firewall"]).owner_id is not None
        assert "Zoe" in shown(app, "#triage-card")
        assert "must-do with no owner" not in shown(app, "#triage-card")

        await pilot.press("d")
        await answer(pilot, app, "2026-12-04")
        await settle(pilot, app)
        assert item(db, ids["firewall"]).due == date(2026, 12, 4)
        card = shown(app, "#triage-card")
        assert "no longer needs attention" in card
        assert "due: 2026-11-13 → 2026-12-04" in card  # the recent history, newest first
        assert current_id(app) == ids["firewall"]  # stays until skipped

        await pilot.press("n")
        await settle(pilot, app)
        assert current_id(app) == ids["mail"]
        assert "2 / 5" in shown(app, "#triage-title")

        await pilot.press("exclamation_mark")
        await answer(pilot, app, "Client CEO asked")
        await settle(pilot, app)
        mail = item(db, ids["mail"])
        assert mail.escalated and mail.escalation_reason == "Client CEO asked"

        await pilot.press("z")
        await answer(pilot, app, "+7d")
        await settle(pilot, app)
        assert item(db, ids["mail"]).snoozed_until == date(2026, 11, 30)
        assert current_id(app) == ids["patch"]  # snoozing moves on
        assert "3 / 5" in shown(app, "#triage-title")

        await pilot.press("p")
        await settle(pilot, app)
        assert current_id(app) == ids["mail"]
        assert "Snoozed until Mon 30 Nov 2026" in shown(app, "#triage-card")
        await pilot.press("space")
        await settle(pilot, app)
        assert current_id(app) == ids["patch"]

        await pilot.press("x")
        await settle(pilot, app)
        assert item(db, ids["patch"]).status == Status.DONE
        assert current_id(app) == ids["backups"]  # done moves on

        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatusChooser)
        await pilot.press("3")
        await settle(pilot, app)
        backups = item(db, ids["backups"])
        assert (backups.status, backups.waiting_on) == (Status.WAITING, WaitingOn.CLIENT)
        assert "waiting on the client" in shown(app, "#triage-card")

        await pilot.press("u")
        await settle(pilot, app)
        backups = item(db, ids["backups"])
        assert (backups.status, backups.waiting_on) == (Status.PLANNED, None)

        await pilot.press("q")
        await settle(pilot, app)
        assert "4 / 5 end of session" in shown(app, "#triage-title")
        assert (
            "4 reviewed (1 not reached): 1 re-dated, 1 escalated, 1 done, 1 snoozed, "
            "1 re-assigned" in shown(app, "#triage-card")
        )
        assert isinstance(await press_and_settle(pilot, app, "q"), BoardScreen)
    assert item(db, ids["laptops"]).version == 1  # never reached, never touched


async def test_undo_goes_back_through_the_session_and_shows_each_item(
    db: Database, plan_db: dict[str, int]
) -> None:
    ids = plan_db
    async with running(db, client="Acme", size=(100, 30)) as (app, pilot):
        await press_and_settle(pilot, app, "t")
        assert not triage(app).check_action("undo", ())  # nothing of this session yet
        await pilot.press("x")
        await press_and_settle(pilot, app, "x")
        assert item(db, ids["mail"]).status == Status.DONE
        assert current_id(app) == ids["patch"]
        await pilot.press("u")
        await settle(pilot, app)
        assert item(db, ids["mail"]).status == Status.PLANNED
        assert current_id(app) == ids["mail"]  # the undo shows what it changed
        await pilot.press("u")
        await settle(pilot, app)
        assert item(db, ids["firewall"]).status == Status.PLANNED
        assert current_id(app) == ids["firewall"]
        assert not triage(app).check_action("undo", ())
        await pilot.press("q")
        await settle(pilot, app)
        assert "3 reviewed (2 not reached): no changes" in shown(app, "#triage-card")


async def test_past_the_last_item_is_the_end_and_back_returns(db: Database) -> None:
    only = add(db, "Only one", owner=None, due=date(2026, 12, 1))
    async with running(db, client="Acme", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "t")
        assert "1 / 1" in shown(app, "#triage-title")
        await pilot.press("n")
        await settle(pilot, app)
        assert triage(app).current is None
        assert "1 reviewed: no changes" in shown(app, "#triage-card")
        await pilot.press("p")
        await settle(pilot, app)
        assert current_id(app) == only
        await pilot.press("escape", "enter")
        await settle(pilot, app)
        assert isinstance(app.screen, BoardScreen)


async def test_enter_opens_the_item_on_its_board(db: Database) -> None:
    add(db, "Fine", due=date(2026, 12, 30))
    beta = add(db, "Beta's late item", client="Beta", due=date(2026, 11, 2))
    async with running(db, client="All clients", size=(120, 30)) as (app, pilot):
        await press_and_settle(pilot, app, "t")
        assert "Triage All clients 1 / 1" in shown(app, "#triage-title")
        assert "Beta" in shown(app, "#triage-card")
        await pilot.press("enter")
        await settle(pilot, app)
        card_in_front(app, "Beta", id=beta)


async def test_leaving_straight_after_a_change_shows_it_on_the_board(db: Database) -> None:
    target = add(db, "Quick one", due=date(2026, 11, 20))
    async with running(db, client="Acme", size=(100, 30)) as (app, pilot):
        await press_and_settle(pilot, app, "t")
        await pilot.press("x", "q")  # past the only item, then back, before the save is done
        await settle(pilot, app)
        board = app.screen
        assert isinstance(board, BoardScreen)
        assert [r["status"] for r in board.rows if r["id"] == target] == [Status.DONE]


async def test_an_empty_queue_says_so(db: Database) -> None:
    add(db, "All good", due=date(2026, 12, 30))
    async with running(db, client="Acme", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "t")
        assert "Nothing needs attention in Acme" in shown(app, "#triage-card")
        for action in ("owner", "done", "next", "previous", "undo"):
            assert not triage(app).check_action(action, ())
        assert isinstance(await press_and_settle(pilot, app, "q"), BoardScreen)


async def test_someone_elses_edit_is_not_overwritten(db: Database) -> None:
    from actionplan.tui.screens.conflict import ConflictDialog

    target = add(db, "Contested", owner=None, due=date(2026, 11, 20))
    async with running(db, client="Acme", size=(100, 30)) as (app, pilot):
        await owner_clash(pilot, app, db, target)
        assert isinstance(app.screen, ConflictDialog)  # both versions, the user chooses
        assert [(f.field, f.mine, f.theirs) for f in app.screen.clash.fields] == [
            ("owner", "Zoe", "Olga")
        ]
        await pilot.press("escape")
        await settle(pilot, app)
        with db.session() as s:
            olga = plan.find_person(session=s, name="Olga")
            assert plan.find_person(session=s, name="Zoe") is None  # not kept: nobody added
        assert olga is not None and item(db, target).owner_id == olga.id
        assert "Olga" in shown(app, "#triage-card")  # the truth, read again
        assert not triage(app).did  # nothing counted, nothing to undo


async def test_keep_mine_in_a_triage_conflict_saves_mine(db: Database) -> None:
    target = add(db, "Contested", owner=None, due=date(2026, 11, 20))
    async with running(db, client="Acme", size=(100, 30)) as (app, pilot):
        await owner_clash(pilot, app, db, target)
        await press_and_settle(pilot, app, "m")
        with db.session() as s:
            zoe = plan.find_person(session=s, name="Zoe")
        assert zoe is not None and item(db, target).owner_id == zoe.id
        assert triage(app).did == [("re-assigned", target)]


async def test_status_chooser_escape_changes_nothing_and_help_lists_the_keys(
    db: Database,
) -> None:
    target = add(db, "Something", due=date(2026, 11, 20))
    async with running(db, client="Acme", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "t")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot, app)
        assert item(db, target).version == 1
        await press_help(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TriageScreen)


async def test_user_text_is_shown_literally(db: Database) -> None:
    add(db, "Fix [bold]VPN[/] now", owner=None, due=date(2026, 11, 20), internal_note="[red]x")
    async with running(db, client="Acme", size=(100, 30)) as (app, pilot):
        await press_and_settle(pilot, app, "t")
        card = shown(app, "#triage-card")
        assert "Fix [bold]VPN[/] now" in card
        assert "[red]x" in card


async def test_a_snooze_date_must_be_after_today(db: Database) -> None:
    target = add(db, "Something", due=date(2026, 11, 20))
    async with running(db, client="Acme", size=(80, 24)) as (app, pilot):
        await press_and_settle(pilot, app, "t")
        await pilot.press("z")
        await answer(pilot, app, "2026-11-01")
        await settle(pilot, app)
        assert item(db, target).snoozed_until is None
        assert current_id(app) == target


async def test_a_failed_read_says_why_and_ctrl_r_tries_again(
    db: Database, plan_db: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    import actionplan.triage as triage_module

    queue, detail = triage_module.triage_queue, triage_module.triage_detail

    def broken(**_: Any) -> Any:
        raise RuntimeError("the server went away")

    monkeypatch.setattr(triage_module, "triage_queue", broken)
    async with running(db, client="Acme", size=(100, 30)) as (app, pilot):
        await press_and_settle(pilot, app, "t")
        assert (
            "Could not read the triage queue (Ctrl+R to try again): "
            "unexpected RuntimeError: the server went away" in (shown(app, "FailureLine"))
        )
        assert "Reading" not in shown(app, "#triage-card")
        monkeypatch.setattr(triage_module, "triage_queue", queue)
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        assert not triage(app).query(FailureLine)
        assert "Triage Acme 1 / 5" in shown(app, "#triage-title")
        assert "Renew firewall licence" in shown(app, "#triage-card")
        monkeypatch.setattr(triage_module, "triage_detail", broken)  # one item: a notification
        await pilot.press("n")
        await settle(pilot, app)
        assert [(n.title, n.message, n.severity) for n in app._notifications][-1] == (
            "Could not read the item",
            "unexpected RuntimeError: the server went away",
            "error",
        )
        monkeypatch.setattr(triage_module, "triage_detail", detail)
        await pilot.press("ctrl+r")  # now reads the item shown, not the queue
        await settle(pilot, app)
        assert "Migrate mail" in shown(app, "#triage-card")


def test_session_summary_wording() -> None:
    did = [("re-dated", 1), ("re-dated", 1), ("re-dated", 2), ("done", 3), ("woken", 4)]
    assert session_summary(17, did) == "17 reviewed: 2 re-dated, 1 done"
    assert session_summary(3, []) == "3 reviewed: no changes"
