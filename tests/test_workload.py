"""Owner workload: counts per owner per week at a fixed date, the limit, the command, the screen."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from actionplan import plan
from actionplan.cli import main
from actionplan.config import Config, ConfigError, load_config
from actionplan.db import Database, DatabaseError
from actionplan.plan import Invalid
from actionplan.tui.app import ActionPlanApp
from actionplan.tui.screens import workload as workload_view
from actionplan.tui.screens.board import BoardScreen
from actionplan.tui.screens.workload import OwnerItems, WorkloadScreen, bar
from actionplan.tui.view import FailureLine
from actionplan.tui.widgets.agenda_list import AgendaList
from actionplan.workload import NO_OWNER, Workload, workload
from tests.pilot import settle, until

TODAY = date(2026, 11, 23)  # a Monday
AUTHOR = "Tester"


def add(db: Database, title: str, client: str = "Acme", **values: Any) -> int:
    with db.session() as s:
        item_id = plan.add_item(session=s, author=AUTHOR, client=client, title=title, **values).id
    assert item_id is not None
    return item_id


def person(db: Database, name: str, team: str | None, side: str) -> None:
    with db.session() as s:
        plan.save_person(session=s, name=name, team=team, side=side)


def load(db: Database, today: date = TODAY, **kwargs: Any) -> Workload:
    with db.session() as s:
        return workload(session=s, today=today, **kwargs)


def by_name(found: Workload) -> dict[str, Any]:
    return {o.name: o for o in found.owners}


# --- counting ------------------------------------------------------------------------------------


def test_items_per_owner_per_week_with_overdue_in_this_week(db: Database) -> None:
    person(db, "Ann Lee", "Infrastructure", "us")
    for due in (date(2026, 11, 20), TODAY, date(2026, 11, 29), date(2026, 11, 30)):
        add(db, f"due {due}", owner="Ann Lee", due=due)
    add(db, "in week six", owner="Ann Lee", due=date(2026, 12, 28))
    add(db, "after six weeks", owner="Ann Lee", due=date(2027, 1, 4))
    add(db, "undated", owner="Ann Lee")
    add(db, "done", owner="Ann Lee", due=TODAY, status="done")
    add(db, "dropped", owner="Ann Lee", due=TODAY, status="dropped")
    found = load(db)
    assert found.starts == tuple(date(2026, 11, 23) + timedelta(weeks=n) for n in range(6))
    [ann] = found.owners
    assert (ann.name, ann.team, ann.side_label) == ("Ann Lee", "Infrastructure", "us")
    assert ann.weeks == (3, 1, 0, 0, 0, 1)
    assert (ann.overdue, ann.later, ann.no_date, ann.total) == (1, 1, 1, 7)
    assert found.overdue == 1


def test_owners_without_open_items_are_left_out_and_nobody_comes_last(db: Database) -> None:
    person(db, "Vera Vendor", "Firewall Co", "vendor")
    person(db, "Carl Client", "Acme IT", "client")
    add(db, "all done", owner="Idle Ian", due=TODAY, status="done")
    add(db, "vendor's", owner="Vera Vendor", due=TODAY)
    add(db, "client's", owner="Carl Client", due=TODAY)
    add(db, "nobody's", due=TODAY)
    add(db, "ours, busy", owner="Busy Bea", due=TODAY)
    add(db, "ours, busy 2", owner="Busy Bea", due=TODAY)
    add(db, "ours, calm", owner="Calm Cal", due=TODAY)
    gone = add(db, "deleted", owner="Gone Gus", due=TODAY)
    with db.session() as s:
        plan.delete_item(session=s, item_id=gone, author=AUTHOR)
    found = load(db)
    names = [o.name for o in found.owners]
    # Ours first (busiest first), then the client's people, then vendors; nobody last.
    assert names == ["Busy Bea", "Calm Cal", "Carl Client", "Vera Vendor", NO_OWNER]
    sides = [o.side_label for o in found.owners]
    assert sides == ["us", "us", "client", "vendor", ""]
    assert found.week_totals() == [6, 0, 0, 0, 0, 0]


def test_weeks_start_on_monday_even_on_a_sunday(db: Database) -> None:
    sunday = date(2026, 11, 29)
    add(db, "sunday", owner="Ann", due=sunday)
    add(db, "monday", owner="Ann", due=date(2026, 11, 30))
    add(db, "saturday", owner="Ann", due=date(2026, 11, 28))
    found = load(db, today=sunday)
    assert found.starts[0] == date(2026, 11, 23)
    [ann] = found.owners
    assert ann.weeks[:2] == (2, 1)
    assert ann.overdue == 1


def test_weeks_run_across_the_year_end(db: Database) -> None:
    add(db, "new year's eve", owner="Ann", due=date(2026, 12, 31))
    add(db, "first monday", owner="Ann", due=date(2027, 1, 4))
    add(db, "week three", owner="Ann", due=date(2027, 1, 17))
    found = load(db, today=date(2026, 12, 31), weeks=3)
    assert found.starts == (date(2026, 12, 28), date(2027, 1, 4), date(2027, 1, 11))
    assert found.owners[0].weeks == (1, 1, 1)


def test_the_limit_marks_weeks_with_more_items(db: Database) -> None:
    found = load(db)
    assert found.limit == 5
    assert not found.over(5) and found.over(6)
    assert load(db, limit=0).over(1)


@pytest.mark.parametrize("weeks", [0, 53])
def test_weeks_out_of_range_are_refused(db: Database, weeks: int) -> None:
    with pytest.raises(Invalid, match="weeks must be from 1 to 52"):
        load(db, weeks=weeks)


def test_bars_scale_to_the_busiest_week() -> None:
    assert bar(0, 10, 8) == ""
    assert bar(10, 10, 8) == "█" * 8
    assert bar(5, 10, 8) == "█" * 4
    assert bar(1, 100, 8) == "▏"  # never invisible when there is something


# --- the config value ----------------------------------------------------------------------------


def test_workload_limit_is_read_from_the_config(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("workload_limit = 8\n")
    assert load_config(path).workload_limit == 8
    assert Config().workload_limit == 5


@pytest.mark.parametrize("value", ["'five'", "true", "-1", "2.5", "100000"])
def test_a_bad_workload_limit_is_a_clear_error(tmp_path: Path, value: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"workload_limit = {value}\n")
    with pytest.raises(ConfigError, match="workload_limit must be a whole number"):
        load_config(path)


# --- command line -------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", db.url.render_as_string(hide_password=False), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_workload_command_prints_a_table(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    person(db, "Ann Lee", "Infrastructure", "us")
    for n in range(6):
        add(db, f"busy {n}", owner="Ann Lee", due=TODAY + timedelta(days=n % 3))
    add(db, "late", owner="Ann Lee", due=date(2026, 11, 2))
    add(db, "nobody's", due=date(2026, 12, 1))
    code, out, _ = run(capsys, db, "workload")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Workload from the week of Mon 23 Nov 2026")
    assert "(* more than 5)" in lines[0]
    assert lines[1].split()[:5] == ["owner", "team", "side", "23", "Nov"]
    assert lines[1].split()[-4:] == ["later", "no", "date", "total"]
    ann = lines[2].split()
    assert ann[:5] == ["Ann", "Lee", "Infrastructure", "us", "7*"]
    assert ann[-1] == "7"
    assert lines[3].split()[:4] == ["(no", "owner)", "0", "1"]
    assert lines[4].split()[:3] == ["total", "7", "1"]
    assert lines[-1] == "The week of 23 Nov includes 1 overdue item."
    code, out, _ = run(capsys, db, "workload", "--limit", "7", "--weeks", "2")
    assert code == 0
    assert "7*" not in out and "(* more than 7)" in out
    assert out.splitlines()[1].split()[3:7] == ["23", "Nov", "30", "Nov"]


def test_workload_command_uses_the_configured_limit(
    db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: Any
) -> None:
    from actionplan.cli import context

    config = tmp_path / "config.toml"
    config.write_text("workload_limit = 1\n")
    monkeypatch.setenv("ACTIONPLAN_CONFIG", str(config))
    context.config.cache_clear()
    add(db, "one", owner="Ann", due=TODAY)
    add(db, "two", owner="Ann", due=TODAY)
    code, out, _ = run(capsys, db, "workload")
    assert code == 0
    assert "(* more than 1)" in out and "2*" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--weeks", "0"], "argument --weeks: '0' is not a count (a whole number 1 to 52"),
        (["--limit", "-1"], "argument --limit: '-1' is not a count (a whole number 0 to 10000"),
    ],
)
def test_workload_command_refuses_bad_numbers(
    db: Database, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    """A count out of range is a usage error (exit 2) from the argument layer."""
    with pytest.raises(SystemExit) as exc:
        run(capsys, db, "workload", *args)
    out, err = capsys.readouterr()
    assert (exc.value.code, out) == (2, "")
    assert err.splitlines()[-1].startswith(f"actionplan workload: error: {message}")


def test_workload_of_an_empty_plan(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, db, "workload")
    assert code == 0
    assert out.splitlines()[-1] == "no open items"


# --- the screen ---------------------------------------------------------------------------------


def make_app(db: Database) -> ActionPlanApp:
    return ActionPlanApp(db, Config(name=AUTHOR, workload_limit=1), today=lambda: TODAY)


@pytest.fixture
def team(db: Database) -> dict[str, int]:
    person(db, "Ann Lee", "Infrastructure", "us")
    return {
        "ann_late": add(
            db, "Renew firewall", client="Globex", owner="Ann Lee", due=date(2026, 11, 20)
        ),
        "ann_today": add(db, "Test backups", owner="Ann Lee", due=TODAY),
        "ben": add(db, "Patch servers", owner="Ben Okafor", due=TODAY),
        "nobody": add(db, "Move DNS", due=date(2026, 12, 2)),
    }


def table_of(screen: WorkloadScreen) -> DataTable[Any]:
    return screen.query_one("#workload-table", DataTable)


async def open_workload(pilot: Any, app: ActionPlanApp, size: tuple[int, int]) -> WorkloadScreen:
    await settle(pilot, app)
    await pilot.press("w")
    await settle(pilot, app)
    screen = app.screen
    assert isinstance(screen, WorkloadScreen)
    return screen


async def test_enter_on_an_owner_lists_their_items_and_enter_opens_one(
    db: Database, team: dict[str, int]
) -> None:
    app = make_app(db)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_workload(pilot, app, (160, 45))
        table = table_of(screen)
        assert [o.name if o else "Everyone" for o in screen.owners] == [
            "Ann Lee",
            "Ben Okafor",
            NO_OWNER,
            "Everyone",
        ]
        first_week = table.get_row_at(0)[3]
        assert first_week.plain.endswith(" 2") and "red" in str(first_week.spans[0].style)
        await pilot.press("enter")
        await settle(pilot, app)
        listing = app.screen
        assert isinstance(listing, OwnerItems)
        rows = [p for k, p in listing.query_one(AgendaList).entries if k == "item"]
        assert [(r["title"], r["client"]) for r in rows] == [
            ("Renew firewall", "Globex"),
            ("Test backups", "Acme"),
        ]
        await pilot.press("enter")
        await settle(pilot, app)
        board = app.screen
        assert isinstance(board, BoardScreen)
        assert board.client == "Globex"
        assert board.card is not None and board.card["id"] == team["ann_late"]


async def test_nobody_row_lists_unowned_items_and_escape_goes_back(
    db: Database, team: dict[str, int]
) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_workload(pilot, app, (80, 24))
        await pilot.press("down", "down")
        assert screen.current is not None and screen.current.name == NO_OWNER
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, OwnerItems)
        rows = [p for k, p in app.screen.query_one(AgendaList).entries if k == "item"]
        assert [r["id"] for r in rows] == [team["nobody"]]
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is screen
        await pilot.press("down")  # the totals row lists nothing
        assert screen.current is None
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, BoardScreen)


async def test_at_80_columns_every_week_and_the_total_fit(
    db: Database, team: dict[str, int]
) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_workload(pilot, app, (80, 24))
        table = table_of(screen)
        columns = list(table.columns.values())
        # owner, six weeks, total, later: on screen without scrolling
        shown = sum(c.get_render_width(table) for c in columns[:9])
        assert shown <= 80 - 1
        assert table.get_row_at(0)[1].plain == "2"  # no bar, just the count


def failure_of(screen: Any) -> str:
    """The failure line's text, or "" when the view has none."""
    lines = screen.query(FailureLine)
    return str(lines.first().content) if lines else ""


async def test_a_failed_read_says_why_and_ctrl_r_reads_again(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    person(sqlite_db, "Ann Lee", "Infrastructure", "us")
    add(sqlite_db, "Test backups", owner="Ann Lee", due=TODAY)

    def unreachable(**_: Any) -> Any:
        raise DatabaseError("the database cannot be reached")

    monkeypatch.setattr(workload_view, "workload", unreachable)
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_workload(pilot, app, (120, 30))
        await until(pilot, lambda: failure_of(screen))
        assert (
            "Could not read the workload (Ctrl+R to try again): the database cannot be reached"
            in failure_of(screen)
        )
        assert "Ctrl+R" in failure_of(screen) and screen.load is None
        monkeypatch.setattr(workload_view, "workload", workload)
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        assert failure_of(screen) == ""
        assert [o.name if o else "Everyone" for o in screen.owners] == ["Ann Lee", "Everyone"]
        # The owner's items: the same line, and Ctrl+R there too.
        open_items = workload_view.open_items
        monkeypatch.setattr(workload_view, "open_items", unreachable)
        await pilot.press("enter")
        await settle(pilot, app)
        listing = app.screen
        assert isinstance(listing, OwnerItems)
        await until(pilot, lambda: failure_of(listing))
        assert (
            "Could not read the owner's items (Ctrl+R to try again): the database cannot be reached"
            in failure_of(listing)
        )
        monkeypatch.setattr(workload_view, "open_items", open_items)
        await pilot.press("ctrl+r")
        await settle(pilot, app)
        assert failure_of(listing) == ""
        rows = [p for k, p in listing.query_one(AgendaList).entries if k == "item"]
        assert [r["title"] for r in rows] == ["Test backups"]
