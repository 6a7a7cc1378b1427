"""The board, driven from the keyboard with a Pilot; every key is checked on the database after."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from actionplan import plan
from actionplan.db import Database
from actionplan.models import Item, Person, Status
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.screens.new_person import NewPersonDialog
from tests.support import AUTHOR, item, seed
from tests.support.pilot import board, column, ids, press_and_settle, prompt, running, settle


async def test_board_opens_on_a_client_with_columns_and_counts(acme: Database) -> None:
    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        assert board(app).client == "Acme"
        assert ids(app, Status.PLANNED) == [1, 2, 3]
        assert str(column(app, Status.PLANNED).border_title) == "Planned 3"
        assert not column(app, Status.DROPPED).display


async def test_moving_a_card_right_and_left_saves_at_once(acme: Database) -> None:
    async with running(acme, size=(120, 40)) as (app, pilot):
        await press_and_settle(pilot, app, "L")
        assert item(acme, 1).status == Status.DOING
        assert ids(app, Status.DOING) == [1]
        assert app.focused is column(app, Status.DOING)  # the card stays in hand
        await pilot.press("shift+right")
        await settle(pilot, app)
        assert item(acme, 1).status == Status.WAITING
        await pilot.press("H", "H")
        await settle(pilot, app)
        assert item(acme, 1).status == Status.PLANNED


async def test_arrows_and_hjkl_move_the_cursor(acme: Database) -> None:
    seed(acme, "Doing thing", status="doing")
    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("j", "down")
        assert board(app).card["id"] == 3
        await pilot.press("k")
        assert board(app).card["id"] == 2
        await pilot.press("l")
        assert board(app).card["id"] == 4
        await pilot.press("left")
        assert app.focused is column(app, Status.PLANNED)


async def test_reorder_with_shift_j_and_k(acme: Database) -> None:
    async with running(acme, size=(120, 40)) as (app, pilot):
        await press_and_settle(pilot, app, "J")
        assert ids(app, Status.PLANNED) == [2, 1, 3]
        await pilot.press("J")
        await settle(pilot, app)
        assert ids(app, Status.PLANNED) == [2, 3, 1]
        await pilot.press("K")
        await settle(pilot, app)
        with acme.session() as s:
            rows = s.exec(select(Item).order_by(Item.position)).all()  # type: ignore[arg-type]
        assert [r.id for r in rows] == [2, 1, 3]


async def test_x_marks_done_and_u_undoes(acme: Database) -> None:
    async with running(acme, size=(120, 40)) as (app, pilot):
        await press_and_settle(pilot, app, "x")
        done = item(acme, 1)
        assert done.status == Status.DONE and done.done_at is not None
        await pilot.press("u")
        await settle(pilot, app)
        assert item(acme, 1).status == Status.PLANNED
        assert ids(app, Status.PLANNED) == [1, 2, 3]


async def test_d_deletes_and_u_brings_it_back(acme: Database) -> None:
    async with running(acme, size=(120, 40)) as (app, pilot):
        await press_and_settle(pilot, app, "j", "d")
        assert item(acme, 2).deleted_at is not None
        assert ids(app, Status.PLANNED) == [1, 3]
        await pilot.press("u")
        await settle(pilot, app)
        assert item(acme, 2).deleted_at is None
        assert ids(app, Status.PLANNED) == [1, 2, 3]


async def test_o_sets_the_owner_creating_a_new_person(acme: Database) -> None:
    async with running(acme, size=(120, 40)) as (app, pilot):
        await prompt(pilot, app, "o", "Ana Silva")
        assert isinstance(app.screen, NewPersonDialog)  # asked first (issue 13)
        await press_and_settle(pilot, app, "enter")
        with acme.session() as s:
            ana = s.exec(select(Person).where(Person.name == "Ana Silva")).one()
        assert item(acme, 1).owner_id == ana.id


async def test_shift_d_sets_the_due_date_from_a_phrase(acme: Database) -> None:
    async with running(acme, size=(120, 40)) as (app, pilot):
        await prompt(pilot, app, "D", "next fri")
        assert item(acme, 1).due == date(2026, 12, 4)


async def test_a_bad_due_date_is_refused_in_place_and_nothing_saved(acme: Database) -> None:
    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("D", *"soonish", "enter")
        await pilot.pause()
        assert "can't read date 'soonish'" in str(app.screen.query_one(".dialog-feedback").render())
        await pilot.press("escape")
        await settle(pilot, app)
        assert item(acme, 1).due is None
        assert isinstance(app.screen, BoardScreen)


async def test_the_same_owner_or_due_date_again_saves_nothing(acme: Database) -> None:
    from actionplan.models import Operation

    with acme.session() as s:
        before = len(s.exec(select(Operation)).all())
    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("o", "enter", "D", "enter")  # no owner, no date: as they were
        await settle(pilot, app)
        assert [n.message for n in app._notifications].count("No change") == 2
    with acme.session() as s:
        assert len(s.exec(select(Operation)).all()) == before  # nothing for u to undo


async def test_escalate_asks_for_a_reason_and_pressing_again_clears_it(acme: Database) -> None:
    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("exclamation_mark", "enter")  # empty reason: refused
        assert not isinstance(app.screen, BoardScreen)
        await pilot.press(*"CEO asked", "enter")
        await settle(pilot, app)
        got = item(acme, 1)
        assert got.escalated and got.escalation_reason == "CEO asked"
        await pilot.press("exclamation_mark")
        await settle(pilot, app)
        assert not item(acme, 1).escalated


async def test_n_adds_an_item_through_the_editor(acme: Database) -> None:
    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("n")
        await pilot.press(*"Renew SSL certificate")
        app.screen.query_one("#owner").value = "Priya Shah"  # type: ignore[attr-defined]
        app.screen.query_one("#due").value = "eom"  # type: ignore[attr-defined]
        app.screen.query_one("#internal_note").text = "their cert expired twice"  # type: ignore[attr-defined]
        await press_and_settle(pilot, app, "ctrl+s")
        await press_and_settle(pilot, app, "enter")  # yes, Priya Shah is a new person
        new = item(acme, 4)
        assert (new.title, new.due, new.internal_note) == (
            "Renew SSL certificate",
            date(2026, 11, 30),
            "their cert expired twice",
        )
        assert ids(app, Status.PLANNED)[-1] == 4


async def test_the_editor_refuses_an_empty_title_and_escape_changes_nothing(acme: Database):
    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("e")
        title = app.screen.query_one("#title")
        title.value = ""  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "title is empty" in str(app.screen.query_one("#title-note").render())
        await pilot.press("escape")
        await settle(pilot, app)
        assert item(acme, 1).title == "Renew firewall licence"
        assert isinstance(app.screen, BoardScreen)


async def test_enter_opens_the_editor_and_saves_changes(acme: Database) -> None:
    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("enter")
        app.screen.query_one("#title").value = "Renew firewall support"  # type: ignore[attr-defined]
        app.screen.query_one("#committed").value = "5 dec"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        got = item(acme, 1)
        assert got.title == "Renew firewall support" and got.committed == date(2026, 12, 5)


async def test_filter_as_you_type_and_escape_clears(acme: Database) -> None:
    seed(acme, "Overdue thing", due=date(2026, 11, 1))
    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("slash", *"patch")
        assert ids(app, Status.PLANNED) == [2]
        await pilot.press("enter")
        assert "filter: patch" in str(board(app).query_one("#board-title").render())
        await pilot.press("slash", "ctrl+u", *"overdue", "enter")
        assert ids(app, Status.PLANNED) == [4]
        await pilot.press("escape")
        assert ids(app, Status.PLANNED) == [1, 2, 3, 4]


async def test_c_switches_client_and_all_clients_shows_every_card(acme: Database) -> None:
    seed(acme, "Globex item", client="Globex")
    async with running(acme, client="Acme", size=(120, 40)) as (app, pilot):
        await press_and_settle(pilot, app, "c", *"glob", "enter")
        assert board(app).client == "Globex" and ids(app, Status.PLANNED) == [4]
        await pilot.press("c", *"all", "enter")
        await settle(pilot, app)
        assert board(app).client == "All clients"
        assert sorted(ids(app, Status.PLANNED)) == [1, 2, 3, 4]


async def test_remapped_keys_work_on_the_board(acme: Database) -> None:
    async with running(acme, keys={"board.done": "ctrl+d"}, size=(120, 40)) as (app, pilot):
        await press_and_settle(pilot, app, "ctrl+d")
        assert item(acme, 1).status == Status.DONE


async def test_z_shows_dropped_and_f_folds_done(acme: Database) -> None:
    seed(acme, "Old idea", status="dropped")
    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("z")
        assert column(app, Status.DROPPED).display and ids(app, Status.DROPPED) == [4]
        await pilot.press("f")
        assert column(app, Status.DONE).collapsed


async def test_a_markup_looking_title_is_shown_literally(db: Database) -> None:
    seed(db, "[bold]x[/] <b>y</b> [red]z")
    async with running(db, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        shown = " ".join(column(app, Status.PLANNED).card_text(0).split())
        assert "[bold]x[/] <b>y</b> [red]z" in shown


async def test_an_empty_database_shows_the_first_run_screen(db: Database) -> None:
    async with running(db, size=(80, 24)) as (app, pilot):
        await settle(pilot, app)
        welcome = board(app).query_one("#first-run")
        assert welcome.display and "Welcome to actionplan" in str(welcome.render())


async def test_a_move_someone_else_beat_is_shown_and_cancel_keeps_theirs(acme: Database) -> None:
    from actionplan.tui.screens.conflict import ConflictDialog

    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        with acme.session() as s:  # someone else moves it first
            plan.move_item(session=s, item_id=1, status=Status.WAITING, author="Other")
        await pilot.press("L")
        await settle(pilot, app)
        dialog = app.screen
        assert isinstance(dialog, ConflictDialog)
        assert dialog.clash.who == "Other"
        assert [(f.field, f.mine, f.theirs) for f in dialog.clash.fields] == [
            ("status", Status.DOING, Status.WAITING)
        ]
        await pilot.press("escape")
        await settle(pilot, app)
        assert item(acme, 1).status == Status.WAITING
        assert ids(app, Status.WAITING) == [1]
        assert any("Nothing of yours" in n.message for n in app._notifications)


async def test_keep_mine_in_a_conflict_saves_mine_over_theirs(acme: Database) -> None:
    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        with acme.session() as s:
            plan.move_item(session=s, item_id=1, status=Status.WAITING, author="Other")
        await pilot.press("L")
        await press_and_settle(pilot, app, "m")
        assert item(acme, 1).status == Status.DOING
        assert ids(app, Status.DOING)[-1] == 1


async def test_an_edit_of_another_field_meanwhile_is_merged_without_asking(
    acme: Database,
) -> None:
    async with running(acme, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        with acme.session() as s:  # someone else re-assigns it while we look at it
            plan.set_owner(session=s, item_id=1, owner="Raj", author="Other")
        await pilot.press("L")
        await settle(pilot, app)
        assert app.screen is board(app)
        found = item(acme, 1)
        assert found.status == Status.DOING and found.owner_id is not None  # both kept


async def test_card_keys_are_hidden_from_the_footer_when_no_card(db: Database) -> None:
    seed(db, "Only item", status="doing")
    async with running(db, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        screen = board(app)
        column(app, Status.PLANNED).focus()
        await pilot.pause()
        assert screen.check_action("delete", ()) is False
        assert screen.check_action("new", ()) is True
        column(app, Status.DOING).focus()
        await pilot.pause()
        assert screen.check_action("delete", ()) is True
        assert screen.check_action("move", (-1,)) is True


async def test_a_card_marked_done_goes_to_the_top_of_done(acme: Database) -> None:
    with acme.session() as s:
        plan.move_item(session=s, item_id=3, status=Status.DONE, author=AUTHOR)
    async with running(acme, size=(80, 24)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("x")  # the first planned card
        assert ids(app, Status.DONE)[0] == 1  # on top at once, where the reload puts it too
        await settle(pilot, app)
        assert ids(app, Status.DONE)[0] == 1
        assert column(app, Status.DONE).current["id"] == 1
