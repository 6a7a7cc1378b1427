"""The cross-client agenda: buckets at a fixed date, order, filter, the command, and the screen."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actionplan import plan
from actionplan.agenda import (
    BUCKETS,
    agenda,
    agenda_matcher,
    bucket_of,
    buckets,
    open_items,
    when_label,
)
from actionplan.cli import main
from actionplan.config import Config
from actionplan.dates import week_start
from actionplan.db import Database, DatabaseError
from actionplan.plan import NotFound
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens.agenda import AgendaScreen
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.view import FailureLine
from actionplan.tui.widgets.agenda_list import LATER_SHOWN, AgendaList, build_entries
from tests.pilot import settle

TODAY = date(2026, 11, 23)  # a Monday
AUTHOR = "Tester"


def add(db: Database, title: str, client: str = "Acme", **values: Any) -> int:
    with db.session() as s:
        item_id = plan.add_item(session=s, author=AUTHOR, client=client, title=title, **values).id
    assert item_id is not None
    return item_id


def titles(found: list[Any]) -> dict[str, list[str]]:
    return {b.key: [r["title"] for r in b.rows] for b in found}


# --- buckets -------------------------------------------------------------------------------------


def test_buckets_on_a_monday(db: Database) -> None:
    days = {
        "late sunday": date(2026, 11, 22),
        "today": TODAY,
        "tuesday": date(2026, 11, 24),
        "this sunday": date(2026, 11, 29),
        "next monday": date(2026, 11, 30),
        "next sunday": date(2026, 12, 6),
        "monday after": date(2026, 12, 7),
    }
    for title, due in days.items():
        add(db, title, due=due)
    add(db, "undated")
    with db.session() as s:
        found = agenda(session=s, today=TODAY)
    assert [b.key for b in found] == list(BUCKETS)
    assert titles(found) == {
        "overdue": ["late sunday"],
        "today": ["today"],
        "this_week": ["tuesday", "this sunday"],
        "next_week": ["next monday", "next sunday"],
        "later": ["monday after"],
        "no_date": ["undated"],
    }


def test_on_a_sunday_this_week_is_only_today() -> None:
    sunday = date(2026, 11, 29)
    assert bucket_of(sunday, sunday) == "today"
    assert bucket_of(date(2026, 11, 30), sunday) == "next_week"
    assert bucket_of(date(2026, 12, 6), sunday) == "next_week"
    assert bucket_of(date(2026, 12, 7), sunday) == "later"
    assert bucket_of(date(2026, 11, 28), sunday) == "overdue"


def test_weeks_run_across_the_year_end() -> None:
    thursday = date(2026, 12, 31)
    assert bucket_of(date(2027, 1, 3), thursday) == "this_week"  # Sunday
    assert bucket_of(date(2027, 1, 4), thursday) == "next_week"
    assert bucket_of(date(2027, 1, 10), thursday) == "next_week"
    assert bucket_of(date(2027, 1, 11), thursday) == "later"
    assert week_start(date(2027, 1, 1)) == date(2026, 12, 28)


@given(
    today=st.dates(date(2000, 1, 3), date(2099, 12, 1)),
    offset=st.integers(-400, 400),
)
def test_a_bucket_is_the_monday_start_week_the_date_falls_in(today: date, offset: int) -> None:
    due = today + timedelta(days=offset)
    weeks_apart = (week_start(due) - week_start(today)).days // 7
    expected = (
        "overdue"
        if due < today
        else "today"
        if due == today
        else {0: "this_week", 1: "next_week"}.get(weeks_apart, "later")
    )
    assert bucket_of(due, today) == expected
    assert bucket_of(None, today) == "no_date"
    assert buckets([{"due": due}], today)[BUCKETS.index(expected)].rows == [{"due": due}]


def test_a_bucket_is_sorted_by_date_then_must_first_then_client(db: Database) -> None:
    tuesday = date(2026, 11, 24)
    add(db, "nice at Acme", due=tuesday, must=False)
    add(db, "must at Zeta", client="Zeta", due=tuesday)
    add(db, "must at Beta", client="Beta", due=tuesday)
    add(db, "wednesday", due=tuesday + timedelta(days=1))
    add(db, "monday at Acme", due=TODAY - timedelta(days=7))
    add(db, "nice undated", must=False)
    add(db, "undated at Beta", client="Beta")
    with db.session() as s:
        found = titles(agenda(session=s, today=TODAY))
    assert found["this_week"] == ["must at Beta", "must at Zeta", "nice at Acme", "wednesday"]
    assert found["no_date"] == ["undated at Beta", "nice undated"]


def test_only_open_items_that_are_not_deleted(db: Database) -> None:
    add(db, "planned", due=TODAY)
    add(db, "doing", due=TODAY, status="doing")
    add(db, "waiting", due=TODAY, status="waiting", waiting_on="client")
    add(db, "done", due=TODAY, status="done")
    add(db, "dropped", due=TODAY, status="dropped")
    gone = add(db, "deleted", due=TODAY)
    with db.session() as s:
        plan.delete_item(session=s, item_id=gone, author=AUTHOR)
        found = agenda(session=s, today=TODAY)
    assert titles(found)["today"] == ["planned", "doing", "waiting"]
    waiting = found[1].rows[2]
    assert (waiting["status"], waiting["waiting_on"]) == ("waiting", "client")


def test_one_client_and_an_unknown_client(db: Database) -> None:
    add(db, "at Acme", due=TODAY)
    add(db, "at Beta", client="Beta", due=TODAY)
    with db.session() as s:
        assert titles(agenda(session=s, today=TODAY, client="beta"))["today"] == ["at Beta"]
        with pytest.raises(NotFound, match="no client named 'Nobody'"):
            agenda(session=s, today=TODAY, client="Nobody")


def test_items_of_one_owner_or_of_nobody(db: Database) -> None:
    add(db, "Ann's", owner="Ann Lee", due=TODAY)
    add(db, "nobody's", due=TODAY)
    with db.session() as s:
        ann = next(r["owner_id"] for r in open_items(session=s) if r["owner"] == "Ann Lee")
        assert [r["title"] for r in open_items(session=s, owner_id=ann)] == ["Ann's"]
        assert [r["title"] for r in open_items(session=s, owner_id=None)] == ["nobody's"]


# --- how it reads -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "label"),
    [
        (date(2026, 11, 20), "3d late"),
        (date(2026, 10, 26), "4w late"),
        (TODAY, "today"),
        (date(2026, 11, 26), "Thu"),
        (date(2026, 12, 4), "Fri 4 Dec"),
        (date(2026, 12, 14), "14 Dec"),
        (date(2027, 1, 5), "5 Jan '27"),
        (None, "no date"),
    ],
)
def test_when_an_item_is_due_reads_short(due: date | None, label: str) -> None:
    assert when_label(due, TODAY) == label


def row(title: str, **values: Any) -> dict[str, Any]:
    base = {
        "id": 1,
        "client": "Acme",
        "title": title,
        "status": "planned",
        "waiting_on": None,
        "due": TODAY,
        "must": True,
        "escalated": False,
        "owner": None,
    }
    return base | values


def test_the_filter_speaks_the_board_language_plus_client() -> None:
    rows = [
        row("Renew firewall", client="Acme Bank", owner="Ann Lee", due=date(2026, 11, 20)),
        row("Patch servers", client="Globex", owner="Ben Okafor"),
        row("Nice thing", client="Acme Foods", must=False),
    ]

    def kept(text: str) -> list[str]:
        match = agenda_matcher(text, TODAY)
        assert match is not None
        return [r["title"] for r in rows if match(r)]

    assert agenda_matcher("  ", TODAY) is None
    assert kept("client:acme") == ["Renew firewall", "Nice thing"]
    assert kept("client:ACME must") == ["Renew firewall"]
    assert kept("globex") == ["Patch servers"]  # free text finds the client's name too
    assert kept("owner:ann overdue") == ["Renew firewall"]
    assert kept("client:acme client:foods") == ["Nice thing"]
    assert kept("client:nobody") == []


def test_later_is_capped_with_a_line_that_shows_the_rest() -> None:
    later = date(2027, 3, 1)
    rows = [row(f"later {n}", id=n, due=later) for n in range(LATER_SHOWN + 7)]
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


# --- command line -------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", db.url.render_as_string(hide_password=False), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_agenda_command_prints_buckets_with_counts(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    add(
        db,
        "Renew firewall",
        due=date(2026, 11, 20),
        owner="Ann Lee",
        escalated=True,
        escalation_reason="client CEO asked",
    )
    add(db, "Patch [bold]servers[/]", client="Globex", due=date(2026, 11, 26), must=False)
    add(db, "Chase\x1b[31m vendor", status="waiting", waiting_on="vendor")
    code, out, _ = run(capsys, db, "agenda")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Agenda on Mon 23 Nov 2026: 3 open items"
    assert "Overdue (1)" in lines and "Today (0)" in lines and "No date (1)" in lines
    overdue = lines[lines.index("Overdue (1)") + 1].split()
    assert overdue[:2] == ["3d", "late"] and "Ann" in overdue and overdue[-1] == "escalated"
    this_week = lines[lines.index("This week (1)") + 1]
    assert "Thu" in this_week and "Patch [bold]servers[/]" in this_week and "nice" in this_week
    assert "\x1b" not in out and "on vendor" in out
    assert lines[lines.index("Today (0)") + 1] == "  none"


def test_agenda_json_and_one_client(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    first = add(db, "Renew firewall", due=TODAY, owner="Ann Lee")
    add(db, "Patch servers", client="Globex", due=TODAY)
    code, out, _ = run(capsys, db, "agenda", "--client", "acme", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["today"] == "2026-11-23"
    assert [b["key"] for b in data["buckets"]] == list(BUCKETS)
    today = data["buckets"][1]
    assert today["count"] == 1
    assert today["items"] == [
        {
            "id": first,
            "client": "Acme",
            "title": "Renew firewall",
            "owner": "Ann Lee",
            "due": "2026-11-23",
            "status": "planned",
            "waiting_on": None,
            "must": True,
            "escalated": False,
        }
    ]


def test_agenda_of_an_unknown_client_is_one_line_error(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, db, "agenda", "--client", "Nobody")
    assert (code, out) == (1, "")
    assert err == "actionplan: no client named 'Nobody'\n"


# --- the screen ---------------------------------------------------------------------------------


def make_app(db: Database) -> ActionPlanApp:
    return ActionPlanApp(db, Config(name=AUTHOR), today=lambda: TODAY)


async def open_agenda(pilot: Any, app: ActionPlanApp) -> AgendaScreen:
    await settle(pilot, app)
    await pilot.press("a")
    await settle(pilot, app)
    screen = app.screen
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
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        agenda_screen = await open_agenda(pilot, app)
        items = [p["title"] for k, p in lines_of(agenda_screen) if k == "item"]
        assert items == ["Renew firewall", "Test backups", "Patch Globex servers", "Move DNS"]
        await pilot.press("slash", *"owner:ann client:glob")
        await pilot.pause()
        items = [p["title"] for k, p in lines_of(agenda_screen) if k == "item"]
        assert items == ["Move DNS"]
        await pilot.press("enter")  # from the filter box to the list
        await pilot.press("enter")  # open the item
        await settle(pilot, app)
        board = app.screen
        assert isinstance(board, BoardScreen)
        assert board.client == "Globex"
        assert board.card is not None and board.card["id"] == two_clients["dns"]


async def test_escape_clears_the_filter_then_goes_back(
    db: Database, two_clients: dict[str, int]
) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        agenda_screen = await open_agenda(pilot, app)
        await pilot.press("slash", *"backups")
        await pilot.pause()
        assert [p["title"] for k, p in lines_of(agenda_screen) if k == "item"] == ["Test backups"]
        await pilot.press("escape")
        await pilot.pause()
        assert len([k for k, _ in lines_of(agenda_screen) if k == "item"]) == 4
        assert app.screen is agenda_screen
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, BoardScreen)


async def test_cursor_moves_over_items_and_jumps_between_headings(
    db: Database, two_clients: dict[str, int]
) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
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
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        agenda_screen = await open_agenda(pilot, app)
        await pilot.press("G")
        listing = agenda_screen.query_one(AgendaList)
        assert listing.current == ("more", ("later", 3))
        await pilot.press("enter")
        await pilot.pause()
        assert len([k for k, _ in lines_of(agenda_screen) if k == "item"]) == LATER_SHOWN + 3
        assert app.screen is agenda_screen
        shown = listing.current_item
        assert shown is not None and shown["title"] == f"later {LATER_SHOWN}"


async def test_a_failed_read_says_why_and_ctrl_r_reads_again(
    db: Database, two_clients: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable(**_: Any) -> Any:
        raise DatabaseError("the server is gone")

    monkeypatch.setattr("actionplan.tui.screens.agenda.agenda", unreachable)
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        agenda_screen = await open_agenda(pilot, app)
        failure = str(agenda_screen.query_one(FailureLine).render())
        assert "Could not read the agenda (Ctrl+R to try again): the server is gone" in failure
        assert "Ctrl+R to try again" in failure
        assert lines_of(agenda_screen) == []
        monkeypatch.setattr("actionplan.tui.screens.agenda.agenda", agenda)  # it is back
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        items = [p["title"] for k, p in lines_of(agenda_screen) if k == "item"]
        assert items == ["Renew firewall", "Test backups", "Patch Globex servers", "Move DNS"]
        assert "Mon 23 Nov" in str(agenda_screen.query_one("#agenda-title").render())
        assert not agenda_screen.query(FailureLine)
        assert app.screen is agenda_screen
