"""Checklist templates: listing, users' own files, strict checks, applying as one undoable step."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import col, select

from actionplan import plan
from actionplan.db import Database
from actionplan.models import Operation, Person, RepeatFrom, RepeatUnit, Visibility
from actionplan.templates import (
    TemplateError,
    apply_template,
    find_template,
    list_templates,
    load_template,
    parse_offset,
)
from tests.support import AUTHOR, TODAY, add, fixture_text, items, own_template

# --- listing -----------------------------------------------------------------------------------


def test_the_shipped_templates_are_listed_with_their_item_counts() -> None:
    listed = {e.path.stem: e for e in list_templates()}
    assert set(listed) == {"new-client-onboarding", "monthly-health-check"}
    onboarding, health = listed["new-client-onboarding"], listed["monthly-health-check"]
    assert onboarding.error is None and health.error is None
    assert onboarding.loaded is not None and health.loaded is not None
    assert onboarding.name == "New client onboarding" and not onboarding.own
    assert len(onboarding.loaded.items) == 11
    assert onboarding.loaded.description
    # The health check is one monthly recurring report plus its one-off checks.
    repeating = [i for i in health.loaded.items if "repeat_every" in i.values]
    assert [(i.values["repeat_every"], i.values["repeat_unit"]) for i in repeating] == [
        (1, RepeatUnit.MONTH)
    ]
    assert len(health.loaded.items) > 1


def test_a_users_file_wins_over_the_shipped_one_of_the_same_name() -> None:
    own_template(
        'name = "Our health check"\n[[items]]\ntitle = "Look at it"\ndue = "+2d"\n',
        stem="monthly-health-check",
    )
    own_template('name = "Offboarding"\n[[items]]\ntitle = "Revoke access"\n', stem="offboarding")
    listed = {e.path.stem: e for e in list_templates()}
    assert set(listed) == {"new-client-onboarding", "monthly-health-check", "offboarding"}
    assert listed["monthly-health-check"].own and listed["monthly-health-check"].loaded
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
    template = load_template(own_template(fixture_text("quarter-start.toml")))
    with db.session() as s:
        ids = apply_template(
            session=s, template=template, client="Acme", start=date(2028, 1, 31), author=AUTHOR
        )
    added = items(db, deleted=False)
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
    add(db, "Already there")
    template = find_template("new-client-onboarding")
    with db.session() as s:
        apply_template(session=s, template=template, client="acme", start=TODAY, author=AUTHOR)
    assert len(items(db, deleted=False)) == 12
    with db.session() as s:
        op = s.exec(select(Operation).order_by(col(Operation.id).desc())).first()
        assert op is not None
        assert op.summary == "applied checklist New client onboarding (11 items)"
    with db.session() as s:
        undone = plan.undo(session=s, author=AUTHOR)
        assert undone is not None and undone.summary.startswith("applied checklist")
    assert [i.title for i in items(db, deleted=False)] == ["Already there"]


def test_a_bad_client_name_adds_nothing(sqlite_db: Database) -> None:
    template = find_template("monthly-health-check")
    with sqlite_db.session() as s, pytest.raises(plan.Invalid, match="client is empty"):
        apply_template(session=s, template=template, client="  ", start=TODAY, author=AUTHOR)
    assert items(sqlite_db, deleted=False) == []
