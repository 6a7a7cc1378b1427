"""Checklist templates: listing, users' own files, strict checks, applying as one undoable step."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import col, select

from actionplan import plan
from actionplan.cli import main
from actionplan.config import Config
from actionplan.db import Database
from actionplan.models import Item, Operation, Person, RepeatFrom, RepeatUnit, Visibility
from actionplan.templates import (
    TemplateError,
    apply_template,
    find_template,
    list_templates,
    load_template,
    parse_offset,
    user_dir,
)
from actionplan.tui.app import ActionPlanApp
from tests.pilot import settle

TODAY = date(2026, 11, 23)
AUTHOR = "Tester"

SMALL = """
name = "Quarter start"
description = "Dates that cross month ends"

[[items]]
title = "Same day"
due = "+0d"
owner = "Priya Shah"

[[items]]
title = "Next day"
due = "+1d"
must = false

[[items]]
title = "A week on"
due = "+1w"
status = "doing"
client_note = "Visible to the client"
internal_note = "Between us"

[[items]]
title = "A month on"
due = "+1m"
internal = true

[[items]]
title = "Monthly check"
due = "+3m"
repeat = "1m"

[[items]]
title = "Whenever"
"""


def own_template(text: str, stem: str = "quarter-start") -> Path:
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def items(db: Database) -> list[Item]:
    with db.session() as s:
        return list(
            s.exec(select(Item).where(col(Item.deleted_at).is_(None)).order_by(col(Item.id))).all()
        )


def db_arg(db: Database) -> str:
    if db.url.get_backend_name() == "sqlite":
        return str(db.url.database)
    return db.url.render_as_string(hide_password=False)


def cli(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", db_arg(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


# --- listing -----------------------------------------------------------------------------------


def test_the_shipped_templates_are_listed_with_their_item_counts() -> None:
    listed = {e.path.stem: e for e in list_templates()}
    assert set(listed) == {"new-client-onboarding", "monthly-health-check"}
    onboarding, health = listed["new-client-onboarding"], listed["monthly-health-check"]
    assert onboarding.error is None and health.error is None
    assert onboarding.template is not None and health.template is not None
    assert onboarding.name == "New client onboarding" and not onboarding.own
    assert len(onboarding.template.items) == 11
    assert onboarding.template.description
    # The health check is one monthly recurring report plus its one-off checks.
    repeating = [i for i in health.template.items if "repeat_every" in i.values]
    assert [(i.values["repeat_every"], i.values["repeat_unit"]) for i in repeating] == [
        (1, RepeatUnit.MONTH)
    ]
    assert len(health.template.items) > 1


def test_a_users_file_wins_over_the_shipped_one_of_the_same_name() -> None:
    own_template(
        'name = "Our health check"\n[[items]]\ntitle = "Look at it"\ndue = "+2d"\n',
        stem="monthly-health-check",
    )
    own_template('name = "Offboarding"\n[[items]]\ntitle = "Revoke access"\n', stem="offboarding")
    listed = {e.path.stem: e for e in list_templates()}
    assert set(listed) == {"new-client-onboarding", "monthly-health-check", "offboarding"}
    assert listed["monthly-health-check"].own and listed["monthly-health-check"].template
    assert listed["monthly-health-check"].name == "Our health check"
    assert find_template("MONTHLY-health-check").name == "Our health check"
    assert find_template("  offboarding ").own
    assert find_template("new client ONBOARDING").stem == "new-client-onboarding"


def test_an_unknown_template_names_the_ones_there_are() -> None:
    with pytest.raises(plan.NotFound, match=r"no template named 'onboard'; there are: .*monthly"):
        find_template("onboard")


# --- checking ----------------------------------------------------------------------------------

BAD = [
    ("[[items]]\ntitel = 'Kickoff'\n", ["item 1", "unknown field 'titel'"]),
    ("[[items]]\ndue = '+1d'\n", ["item 1", "title is missing"]),
    ("[[items]]\ntitle = 'A'\n[[items]]\ntitle = 'B'\ndue = '+1x'\n", ["item 2 ('B')", "+1x"]),
    ("[[items]]\ntitle = 'A'\ndue = '-1d'\n", ["item 1 ('A')", "due '-1d' is not +N days"]),
    ("[[items]]\ntitle = 'A'\ndue = 5\n", ["item 1 ('A')", "due must be text"]),
    ("[[items]]\ntitle = 'A'\ndue = '+1d'\nstatus = 'done'\n", ["status 'done' is not one of"]),
    ("[[items]]\ntitle = 'A'\ndue = '+1d'\nrepeat = '0m'\n", ["repeat '0m'"]),
    ("[[items]]\ntitle = 'A'\ndue = '+1d'\nrepeat = 'monthly'\n", ["repeat 'monthly'"]),
    ("[[items]]\ntitle = 'A'\nrepeat = '1m'\n", ["a repeating item needs a due offset"]),
    ("[[items]]\ntitle = 'A'\ndue = '+1d'\nrepeat_from = 'done'\n", ["repeat_from needs"]),
    (
        "[[items]]\ntitle = 'A'\ndue = '+1d'\nrepeat = '1w'\nrepeat_from = 'later'\n",
        ["repeat_from 'later' is not one of due, done"],
    ),
    ("[[items]]\ntitle = 'A'\ninternal = 'yes'\n", ["internal must be true or false"]),
    ("[[items]]\ntitle = 'A'\nmust = 1\n", ["must must be true or false"]),
    (f"[[items]]\ntitle = '{'x' * 201}'\n", ["title is too long"]),
    ("[[items]]\ntitle = 'A'\nowner = 'x'\nclient_note = '" + "n" * 10_001 + "'\n", ["too long"]),
    ("name = 'Empty'\n", ["no items"]),
    ("name = 'Broken\n[[items]]\n", ["not valid TOML"]),
    ("colour = 'blue'\n[[items]]\ntitle = 'A'\n", ["unknown field 'colour'"]),
    ("items = ['a']\n", ["item 1", "must be a table"]),
]


@pytest.mark.parametrize(("text", "fragments"), BAD)
def test_a_bad_template_gives_one_line_naming_the_file_and_the_item(
    text: str, fragments: list[str]
) -> None:
    path = own_template(text, stem="broken")
    with pytest.raises(TemplateError) as raised:
        load_template(path)
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"{path}:")
    for fragment in fragments:
        assert fragment in message, message


def test_a_bad_template_is_listed_with_its_error_and_applies_nothing(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = own_template("[[items]]\ntitle = 'A'\n[[items]]\ntitle = 'B'\ndue = 'soon'\n", "broken")
    [entry] = [e for e in list_templates() if e.path == path]
    assert entry.template is None and entry.error and "item 2 ('B')" in entry.error
    code, _, err = cli(capsys, sqlite_db, "template", "apply", "broken", "--client", "Acme")
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("actionplan: ") and "item 2" in err
    assert items(sqlite_db) == []
    code, out, _ = cli(capsys, sqlite_db, "template", "list")
    assert code == 0 and "broken" in out and "item 2" in out


@given(st.text(max_size=12))
def test_due_offsets_are_read_strictly(text: str) -> None:
    try:
        offset = parse_offset(text)
    except TemplateError as exc:
        assert "is not +N days, weeks or months" in str(exc)
    else:
        typed = text.strip().lower()
        assert re.fullmatch(r"\+[0-9]{1,3}[dwm]", typed)
        assert offset.count == int(typed[1:-1]) and offset.unit.value[0] == typed[-1]


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "offset", "due"),
    [
        (date(2026, 11, 23), "+0d", date(2026, 11, 23)),
        (date(2026, 11, 23), "+30d", date(2026, 12, 23)),
        (date(2026, 12, 28), "+1w", date(2027, 1, 4)),
        (date(2027, 1, 31), "+1m", date(2027, 2, 28)),  # clamped to the month's end
        (date(2028, 1, 31), "+1m", date(2028, 2, 29)),  # a leap year
        (date(2028, 2, 29), "+12m", date(2029, 2, 28)),
        (date(2026, 10, 31), "+2m", date(2026, 12, 31)),
        (date(2026, 11, 30), "+3m", date(2027, 2, 28)),
    ],
)
def test_offsets_count_from_the_start_and_months_clamp(start: date, offset: str, due: date) -> None:
    assert parse_offset(offset).after(start) == due


def test_applying_adds_every_item_with_its_fields_and_dates(db: Database) -> None:
    template = load_template(own_template(SMALL))
    with db.session() as s:
        ids = apply_template(
            session=s, template=template, client="Acme", start=date(2028, 1, 31), author=AUTHOR
        )
    added = items(db)
    assert [i.id for i in added] == ids
    assert [(i.title, i.due) for i in added] == [
        ("Same day", date(2028, 1, 31)),
        ("Next day", date(2028, 2, 1)),
        ("A week on", date(2028, 2, 7)),
        ("A month on", date(2028, 2, 29)),
        ("Monthly check", date(2028, 4, 30)),
        ("Whenever", None),
    ]
    same, nxt, week, month, check, _ = added
    with db.session() as s:
        priya = s.exec(select(Person).where(Person.name == "Priya Shah")).one()
    assert same.owner_id == priya.id
    assert same.must and not nxt.must
    assert week.status == "doing" and week.client_note == "Visible to the client"
    assert week.internal_note == "Between us"
    assert month.visibility == Visibility.INTERNAL and week.visibility == Visibility.CLIENT
    assert (check.repeat_every, check.repeat_unit, check.repeat_from) == (
        1,
        RepeatUnit.MONTH,
        RepeatFrom.DUE,
    )


def test_one_undo_removes_the_whole_checklist(db: Database) -> None:
    with db.session() as s:
        plan.add_item(session=s, author=AUTHOR, client="Acme", title="Already there")
    template = find_template("new-client-onboarding")
    with db.session() as s:
        apply_template(session=s, template=template, client="acme", start=TODAY, author=AUTHOR)
    assert len(items(db)) == 12
    with db.session() as s:
        op = s.exec(select(Operation).order_by(col(Operation.id).desc())).first()
        assert op is not None
        assert op.summary == "applied checklist New client onboarding (11 items)"
    with db.session() as s:
        undone = plan.undo(session=s, author=AUTHOR)
        assert undone is not None and undone.summary.startswith("applied checklist")
    assert [i.title for i in items(db)] == ["Already there"]


def test_a_bad_client_name_adds_nothing(sqlite_db: Database) -> None:
    template = find_template("monthly-health-check")
    with sqlite_db.session() as s, pytest.raises(plan.Invalid, match="client is empty"):
        apply_template(session=s, template=template, client="  ", start=TODAY, author=AUTHOR)
    assert items(sqlite_db) == []


# --- command line ------------------------------------------------------------------------------


def test_template_list_shows_names_files_counts_and_where_own_ones_go(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    own_template(SMALL)
    code, out, _ = cli(capsys, sqlite_db, "template", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["name", "file", "items", "source", "description"]
    assert any("New client onboarding" in ln and " 11 " in ln and "shipped" in ln for ln in lines)
    assert any("Quarter start" in ln and "quarter-start" in ln and "yours" in ln for ln in lines)
    assert str(user_dir()) in out


def test_template_apply_from_the_command_line(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(
        capsys,
        db,
        "template",
        "apply",
        "monthly health check",
        "--client",
        "Acme",
        "--start",
        "1 dec",
    )
    assert code == 0, err
    assert "added 7 items to Acme (a new client) from Monthly health check" in out
    assert "Tue 1 Dec 2026" in out and "actionplan undo" in out
    added = items(db)
    assert len(added) == 7
    report = next(i for i in added if i.repeat_every)
    assert report.due == date(2026, 12, 8)
    assert min(i.due for i in added if i.due) == date(2026, 12, 4)
    code, out, _ = cli(capsys, db, "undo")
    assert code == 0 and items(db) == []


def test_template_apply_dry_run_changes_nothing(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(
        capsys, db, "template", "apply", "new-client-onboarding", "--client", "Acme", "--dry-run"
    )
    assert code == 0, err
    assert "would add 11 items to Acme (a new client)" in out
    assert "Mon 23 Nov 2026" in out and "nothing changed (dry run)" in out
    assert items(db) == []
    with db.session() as s:
        assert plan.find_client(session=s, name="Acme") is None


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["apply", "nope", "--client", "Acme"], "no template named 'nope'"),
        (["apply", "new-client-onboarding", "--client", "Acme", "--start", "soon"], "--start"),
        (["apply", "new-client-onboarding", "--client", ""], "client is empty"),
    ],
)
def test_template_apply_refuses_bad_input_with_one_line(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str], args: list[str], fragment: str
) -> None:
    code, _, err = cli(capsys, sqlite_db, "template", *args)
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("actionplan: ") and fragment in err
    assert items(sqlite_db) == []


def test_template_without_an_action_is_a_usage_error(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--db", db_arg(sqlite_db), "template"])
    assert raised.value.code == 2


# --- the picker in the app ---------------------------------------------------------------------


def make_app(db: Database, **kwargs: Any) -> ActionPlanApp:
    return ActionPlanApp(db, Config(name=AUTHOR), today=lambda: TODAY, **kwargs)


async def open_picker(pilot: Any, app: ActionPlanApp) -> Any:
    from actionplan.tui.screens.template_picker import TemplatePicker

    await settle(pilot, app)
    await pilot.press("T")
    await settle(pilot, app)
    picker = app.screen
    assert isinstance(picker, TemplatePicker)
    assert picker.entries, "the templates were not listed"
    return picker


def feedback(app: ActionPlanApp) -> str:
    return str(app.screen.query_one("#template-feedback").render())


async def test_shift_t_applies_a_template_to_the_boards_client(db: Database) -> None:
    from actionplan.tui.screens.board import BoardScreen

    with db.session() as s:
        plan.add_item(session=s, author=AUTHOR, client="Acme", title="Existing")
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        picker = await open_picker(pilot, app)
        assert [e.name for e in picker.entries] == ["Monthly health check", "New client onboarding"]
        await pilot.press("down")
        await pilot.press("ctrl+a", "ctrl+k", *"+1w")  # replace "today"
        await pilot.pause()
        assert "Mon 30 Nov 2026 · 11 items, the last due Wed 30 Dec 2026" in feedback(app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, BoardScreen)
        said = [n.message for n in app._notifications]
        assert any("Added 11 items from New client onboarding (u to undo)" in m for m in said)
        added = items(db)[1:]
        assert len(added) == 11
        assert min(i.due for i in added if i.due) == date(2026, 11, 30)
        assert all(i.client_id == items(db)[0].client_id for i in added)
        assert len(app.screen.rows) == 12  # the board reloaded
        await pilot.press("u")  # one undo takes the whole checklist away
        await settle(pilot, app)
        assert [i.title for i in items(db)] == ["Existing"]


async def test_a_broken_template_shows_its_error_and_adds_nothing(sqlite_db: Database) -> None:
    own_template("[[items]]\ntitle = 'A'\ndue = 'whenever'\n", stem="aaa-broken")
    with sqlite_db.session() as s:
        plan.add_item(session=s, author=AUTHOR, client="Acme", title="Existing")
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24)) as pilot:
        picker = await open_picker(pilot, app)
        assert picker.entries[0].template is None  # "aaa-broken" sorts first
        assert "due 'whenever' is not +N days" in feedback(app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen is picker
        assert len(items(sqlite_db)) == 1
        await pilot.press("down", "ctrl+a", "ctrl+k", *"someday")
        await pilot.pause()
        assert "can't read date 'someday'" in feedback(app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen is picker and len(items(sqlite_db)) == 1
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is not picker and len(items(sqlite_db)) == 1


async def test_templates_that_cannot_be_read_say_why_and_esc_closes(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import OptionList

    import actionplan.templates
    from actionplan.tui.screens.template_picker import TemplatePicker

    def broken() -> list[Any]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(actionplan.templates, "list_templates", broken)
    with sqlite_db.session() as s:
        plan.add_item(session=s, author=AUTHOR, client="Acme", title="Existing")
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("T")
        await settle(pilot, app)
        picker = app.screen
        assert isinstance(picker, TemplatePicker) and not picker.entries
        assert feedback(app) == "Could not read the templates: Permission denied"
        assert picker.query_one("#templates", OptionList).option_count == 0  # no "reading…"
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen is picker and len(items(sqlite_db)) == 1
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is not picker
