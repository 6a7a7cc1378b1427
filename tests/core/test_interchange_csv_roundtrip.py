"""CSV export → import → export through the database gives the same text: random plans, the demo
plan from PostgreSQL to SQLite, quote-prefixed text and a recurring item's repeat."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan import plan
from actionplan.demo import load_demo
from actionplan.interchange.csv_io import read_csv, write_csv
from actionplan.plan import new_item
from actionplan.queries import list_items
from tests.support import TODAY, fresh_sqlite
from tests.support.interchange import add_items, csv_cells, export_csv, new_items, parse


@pytest.mark.parametrize("title", ["'=x", "''+x", "'@x", "=x", "'plain", "it's -1"])
def test_quote_prefixed_text_survives_a_csv_round_trip(sqlite_db, new_sqlite, title):
    add_items(sqlite_db, [new_item(client="Acme", title=title, client_note=title)])
    parsed = parse(export_csv(sqlite_db))
    assert parsed.errors == []
    assert (parsed.items[0].title, parsed.items[0].client_note) == (title, title)
    second = new_sqlite()
    add_items(second, parsed.items)
    assert export_csv(second) == export_csv(sqlite_db)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(items=st.lists(new_items(), min_size=1, max_size=8))
def test_csv_export_import_export_through_the_database_is_identical(sqlite_template, items):
    with fresh_sqlite(sqlite_template) as first, fresh_sqlite(sqlite_template) as second:
        add_items(first, items)
        text = export_csv(first)
        parsed = parse(text)
        assert parsed.errors == []
        assert len(parsed.items) == len(items)
        add_items(second, parsed.items)
        assert export_csv(second) == text


def test_csv_round_trip_of_the_demo_plan_from_postgresql_to_sqlite(pg_db, sqlite_db):
    with pg_db.session() as session:
        load_demo(session=session, today=TODAY)
    text = export_csv(pg_db)
    parsed = parse(text)
    assert parsed.errors == []
    assert len(parsed.items) == len(csv_cells(text)) - 1 > 100
    add_items(sqlite_db, parsed.items)
    assert export_csv(sqlite_db) == text


def test_a_recurring_item_keeps_its_repeat_through_csv(sqlite_db) -> None:
    from actionplan.models import RepeatFrom, RepeatUnit

    with sqlite_db.session() as s:
        plan.add_item(
            session=s,
            author="T",
            client="Acme",
            title="Health check",
            due=date(2026, 12, 1),
            repeat_every=3,
            repeat_unit=RepeatUnit.WEEK,
            repeat_from=RepeatFrom.DONE,
        )
        text = write_csv(list_items(session=s))
    assert text.splitlines()[1].endswith(",3w,done,,")  # no health-check form, no blockers
    [item] = read_csv(text, today=date(2026, 11, 23)).items
    assert (item.repeat_every, item.repeat_unit, item.repeat_from) == (
        3,
        RepeatUnit.WEEK,
        RepeatFrom.DONE,
    )
    bad = read_csv(text.replace(",3w,", ",every blue moon,"), today=date(2026, 11, 23))
    assert bad.errors and bad.errors[0].startswith("line 2: cannot read the repeat")
