"""Tests for CSV import/export and the JSON export/restore: what a user moving a plan relies on.

CSV: every bad row is reported with its physical line, nothing half-imported, formulas
neutralised, and export → import → export gives the same text. JSON: export → restore → export
is byte-identical across SQLite and PostgreSQL, and a bad file is refused with one line naming
the table, row and column, before anything is written.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan import plan
from actionplan.dates import EARLIEST, LATEST
from actionplan.db import Database, open_database
from actionplan.demo import load_demo
from actionplan.interchange.csv_io import (
    COLUMNS,
    EXTRA_COLUMNS,
    neutralise,
    read_csv,
    unneutralise,
    write_csv,
)
from actionplan.interchange.json_io import export_json, read_json, restore_json
from actionplan.models import Snapshot, Status, Visibility, WaitingOn
from actionplan.plan import Invalid, NewItem, new_item
from actionplan.queries import ItemFilter, list_items
from actionplan.text import strip_controls
from tests.support import AUTHOR, TABLES, TODAY, fresh_sqlite

HEADER = ",".join(COLUMNS)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# --- helpers -------------------------------------------------------------------------------------


def parse(text: str):
    return read_csv(text, today=TODAY)


def rows(*lines: str, header: str = HEADER) -> str:
    """A CSV file: the header, then the given lines."""
    return "\n".join([header, *lines]) + "\n"


def one_item(line: str, header: str = HEADER) -> NewItem:
    parsed = parse(rows(line, header=header))
    assert parsed.errors == []
    assert len(parsed.items) == 1
    return parsed.items[0]


def one_error(line: str, header: str = HEADER) -> str:
    parsed = parse(rows(line, header=header))
    assert parsed.items == []
    assert len(parsed.errors) == 1, parsed.errors
    return parsed.errors[0]


def add_items(db: Database, items: list[NewItem]) -> list[int]:
    with db.session() as session:
        return plan.add_items(session=session, author=AUTHOR, items=items, summary=None)


def export_csv(db: Database, client: str | None = None) -> str:
    with db.session() as session:
        return write_csv(list_items(session=session, where=ItemFilter(client=client)))


def export(db: Database, client: str | None = None) -> str:
    with db.session() as session:
        return export_json(session=session, client=client)


def restore(db: Database, text: str) -> dict[str, int]:
    with db.session() as session:
        return restore_json(session=session, text=text)


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t: conn.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in TABLES}


def max_id(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT MAX(id) FROM {table}")).scalar_one()


def csv_cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def get_db(request: pytest.FixtureRequest, kind: str, new_sqlite: Callable[[], Database]):
    return request.getfixturevalue("pg_db") if kind == "postgresql" else new_sqlite()


def add_snapshot(db: Database, client: str, markdown: str) -> None:
    with db.session() as session:
        found = plan.find_client(session=session, name=client)
        assert found is not None and found.id is not None
        session.add(
            Snapshot(
                client_id=found.id,
                created_at=datetime(2026, 11, 20, 9, 30, 15, 123456, tzinfo=UTC),
                author=AUTHOR,
                model_json=json.dumps({"client": client, "items": []}),
                markdown=markdown,
            )
        )
        session.commit()


def busy_plan(db: Database) -> None:
    """The demo plan, then edits, deletes, a restore and undos (so undo links exist)."""
    with db.session() as s:
        load_demo(session=s, today=TODAY)
        ids = [r["id"] for r in list_items(session=s)]
        plan.edit_item(session=s, item_id=ids[0], author=AUTHOR, status="doing", reason="go")
        plan.edit_item(
            session=s,
            item_id=ids[1],
            author=AUTHOR,
            due=TODAY + timedelta(days=3),
            owner="Somebody New",
            internal_note="line one\nline two",
        )
        plan.delete_item(session=s, item_id=ids[2], author=AUTHOR)
        plan.escalate(session=s, item_id=ids[3], reason="client chased twice", author=AUTHOR)
        plan.reorder_item(session=s, item_id=ids[5], offset=-1, author=AUTHOR)
        plan.add_item(session=s, author=AUTHOR, client="Brand New Client", title="Café ☕ 🚀")
        plan.undo(session=s, author=AUTHOR)  # the add
        plan.undo(session=s, author=AUTHOR)  # the reorder
        plan.delete_item(session=s, item_id=ids[4], author=AUTHOR)
        plan.restore_item(session=s, item_id=ids[4], author=AUTHOR)
        plan.edit_item(session=s, item_id=ids[6], author=AUTHOR, status="done")
        plan.undo(session=s, author=AUTHOR)  # the done
        plan.edit_item(session=s, item_id=ids[7], author=AUTHOR, client="Moved Client")
    add_snapshot(db, "Northwind Logistics", "# Northwind\n\n- one\n")


# --- read_csv: valid files -----------------------------------------------------------------------


def test_read_csv_parses_a_valid_file_with_relative_dates_counted_from_today():
    text = rows(
        'Acme,Renew certificates,doing,Ana Nobody,fri,2026-12-05,no,"Tell them, soon",'
        '"line 1\nline 2",yes',
        "Globex,Patch servers,,,,,,,,",
    )
    parsed = read_csv(text, today=TODAY)
    assert parsed.errors == []
    first, second = parsed.items
    assert first == NewItem(
        client="Acme",
        title="Renew certificates",
        status=Status.DOING,
        owner="Ana Nobody",
        due=date(2026, 11, 27),  # the Friday after Monday 23 Nov
        committed=date(2026, 12, 5),
        must=False,
        client_note="Tell them, soon",
        internal_note="line 1\nline 2",
        escalated=True,
        escalation_reason=first.escalation_reason,
    )
    assert first.escalation_reason  # an escalation always has a reason, even from a CSV
    assert second == NewItem(client="Globex", title="Patch servers")  # defaults: planned, must


def test_read_csv_relative_dates_count_from_the_given_today():
    other_today = date(2026, 12, 2)  # a Wednesday
    parsed = read_csv(rows("Acme,T,,,fri,+1w,,,,"), today=other_today)
    assert parsed.items[0].due == date(2026, 12, 4)
    assert parsed.items[0].committed == date(2026, 12, 9)


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("yes", True),
        ("YES", True),
        ("Yes", True),
        ("true", True),
        ("TRUE", True),
        ("1", True),
        (" yes ", True),
        ("no", False),
        ("NO", False),
        ("false", False),
        ("False", False),
        ("0", False),
    ],
)
def test_read_csv_must_and_escalated_accept_yes_no_true_false_1_0_in_any_case(cell, value):
    item = one_item(f"Acme,T,,,,,{cell},,,{cell}")
    assert item.must is value
    assert item.escalated is value


@pytest.mark.parametrize("column", ["must", "escalated"])
def test_read_csv_refuses_a_flag_that_is_not_yes_or_no(column):
    header = f"client,title,{column}"
    assert one_error("Acme,T,maybe", header=header).startswith(f"line 2: {column} 'maybe'")


def test_read_csv_accepts_columns_in_any_order_and_any_case_and_only_client_and_title():
    item = one_item("Sorted ,Acme", header="Title, CLIENT")
    assert (item.client, item.title) == ("Acme", "Sorted")


def test_read_csv_reads_the_extra_columns_of_its_own_export():
    header = "client,title,status,escalated,escalation_reason,visibility,waiting_on"
    item = one_item("Acme,T,waiting,yes,Vendor is late,internal,vendor", header=header)
    assert item.status == Status.WAITING
    assert item.waiting_on == WaitingOn.VENDOR
    assert item.visibility == Visibility.INTERNAL
    assert item.escalation_reason == "Vendor is late"


def test_read_csv_unknown_owners_and_clients_are_created_on_import(db):
    parsed = parse(rows("Never Seen Ltd,First,,Nobody Yet,,,,,,", "never seen ltd,Second,,,,,,,,"))
    assert parsed.errors == []
    add_items(db, parsed.items)
    with db.session() as session:
        listed = list_items(session=session)
        assert plan.find_person(session=session, name="nobody yet") is not None
    assert [(r["title"], r["owner"]) for r in listed] == [("First", "Nobody Yet"), ("Second", None)]
    assert {r["client"].lower() for r in listed} == {"never seen ltd"}  # one client, any case
    assert counts(db)["client"] == 1


# --- read_csv: refusals --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n", "   \n"])
def test_read_csv_refuses_an_empty_file(text):
    parsed = parse(text)
    assert parsed.items == []
    assert len(parsed.errors) == 1
    assert parsed.errors[0].startswith("line 1: ")


def test_read_csv_header_only_file_gives_nothing_to_import():
    # The caller (actionplan import) refuses "no rows to import"; read_csv must not invent any.
    for text in (HEADER, HEADER + "\n", HEADER + "\n\n,,,,,,,,,\n"):
        parsed = parse(text)
        assert parsed.items == []
        assert parsed.errors == []


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("client,title,colour", "line 1: unknown column 'colour'"),
        ("client,title,Client", "line 1: a column appears twice"),
        ("client,status,due", "line 1: missing column 'title'"),
        ("title,status,due", "line 1: missing column 'client'"),
        ("client,title,", "line 1: unknown column ''"),
    ],
)
def test_read_csv_bad_header_is_reported_on_line_1(header, message):
    parsed = parse(rows("Acme,T,x", header=header))
    assert parsed.items == []
    assert len(parsed.errors) == 1
    assert parsed.errors[0].startswith(message)


def test_read_csv_reports_every_bad_row_with_its_physical_line_number():
    text = rows(
        "Acme,Good one,,,,,,,,",  # 2
        "Acme,,planned,,,,,,,",  # 3: empty title
        'Acme,Multi-line note,doing,,,,,"one',  # 4
        "two",  # 5
        'three",,',  # 6
        "Acme,Bad status,finished,,,,,,,",  # 7
        ",,,,,,,,,",  # 8: empty row, skipped
        "",  # 9: blank line, skipped
        "Acme,Bad date,,,someday,,,,,",  # 10
        "Acme,too,few,cells",  # 11
        'Acme,"Title over',  # 12
        'two lines",bogus,,,,,,,',  # 13: bad status, reported where the row starts
        "Acme,Last good,,,,,,,,",  # 14
    )
    parsed = parse(text)
    assert [e.split(":")[0] for e in parsed.errors] == [
        "line 3",
        "line 7",
        "line 10",
        "line 11",
        "line 12",
    ]
    assert [i.title for i in parsed.items] == ["Good one", "Multi-line note", "Last good"]
    assert parsed.items[1].client_note == "one\ntwo\nthree"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Acme,,,,,,,,,", "title is empty"),
        ("Acme,   ,,,,,,,,", "title is empty"),
        (",T,,,,,,,,", "client is empty"),
        ("Acme,T,finished,,,,,,,", "status 'finished' is not one of"),
        ("Acme,T,,,,,,,,,", "11 cells, but the header has 10"),
        ("Acme,T,,,", "5 cells, but the header has 10"),
        (f"Acme,{'x' * 201},,,,,,,,", "title is too long (201 characters; at most 200)"),
        ("Acme,T,,,someday,,,,,", "due: can't read date 'someday'"),
        ("Acme,T,,,2026-02-30,,,,,", "due: no such date '2026-02-30'"),
        ("Acme,T,,,,31/31/2026,,,,", "committed: no such date '31/31/2026'"),
    ],
)
def test_read_csv_bad_row_is_reported_as_line_n_reason(line, reason):
    error = one_error(line)
    assert error.startswith("line 2: ")
    assert reason in error
    assert "\n" not in error


def test_read_csv_title_of_exactly_200_characters_is_accepted():
    assert one_item(f"Acme,{'x' * 200},,,,,,,,").title == "x" * 200


def test_read_csv_removes_control_characters_and_escape_sequences_from_text():
    title = "Fix \x1b[31mred\x1b[0m printer\x07 \u202eevil\x00 now"
    note = "see \x1b]8;;https://evil.example\x07link\x1b]8;;\x07\nnext\x1bc line"
    item = one_item(f'Acme,"{title}",,,,,,"{note}",,')
    assert item.title == "Fix red printer evil now"
    assert item.client_note == "see link\nnext line"


def test_read_csv_all_rows_are_checked_not_only_the_first_bad_one():
    text = rows(*[f"Acme,,,,,,,,,{n}" for n in range(60)])  # every row is bad
    parsed = parse(text)
    assert len(parsed.errors) == 60
    assert parsed.errors[-1].startswith("line 61: ")


# --- all or nothing through the database ---------------------------------------------------------


def test_csv_import_is_one_operation_and_one_undo_removes_it_all(db):
    parsed = parse(rows(*[f"Client {n % 3},Item {n},,Owner {n % 2},,,,,,no" for n in range(12)]))
    assert parsed.errors == []
    before = counts(db)
    add_items(db, parsed.items)
    after = counts(db)
    assert after["item"] == 12
    assert after["operation"] - before["operation"] == 1
    with db.session() as session:
        assert len(list_items(session=session)) == 12
        undone = plan.undo(session=session, author=AUTHOR)
        assert undone is not None and undone.kind == "import"
        assert list_items(session=session) == []


def test_csv_import_with_a_bad_row_gives_errors_so_the_caller_imports_nothing(db):
    parsed = parse(rows("Acme,Fine,,,,,,,,", "Acme,Broken,,,never,,,,,", "Acme,Fine too,,,,,,,,"))
    assert len(parsed.errors) == 1
    assert parsed.errors[0].startswith("line 3: due: can't read date 'never'")
    assert counts(db)["item"] == 0


# --- write_csv -----------------------------------------------------------------------------------


def test_write_csv_header_is_the_contract_columns_then_the_extras():
    assert write_csv([]) == (
        "client,title,status,owner,due,committed,must,client_note,internal_note,escalated,"
        "visibility,waiting_on,escalation_reason,repeat,repeat_from\n"
    )
    assert write_csv([]).strip().split(",") == COLUMNS + EXTRA_COLUMNS


def test_write_csv_writes_one_row_per_item_in_the_contract_format(sqlite_db):
    add_items(
        sqlite_db,
        [
            new_item(
                client="Acme",
                title="Wait for vendor",
                status="waiting",
                waiting_on="vendor",
                owner="Ana",
                due=date(2026, 12, 1),
                committed=date(2026, 11, 30),
                must=False,
                client_note="a, b",
                internal_note='say "no"\nnot yet',
                escalated=True,
                escalation_reason="late",
                visibility="internal",
            )
        ],
    )
    header, row = csv_cells(export_csv(sqlite_db))
    assert dict(zip(header, row, strict=True)) == {
        "client": "Acme",
        "title": "Wait for vendor",
        "status": "waiting",
        "owner": "Ana",
        "due": "2026-12-01",
        "committed": "2026-11-30",
        "must": "no",
        "client_note": "a, b",
        "internal_note": 'say "no"\nnot yet',
        "escalated": "yes",
        "visibility": "internal",
        "waiting_on": "vendor",
        "escalation_reason": "late",
        "repeat": "",
        "repeat_from": "",
    }


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20 7946", "'+44 20 7946"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("''-x", "'''-x"),
        ("a=b", "a=b"),
        ("'plain", "'plain"),
        ("", ""),
    ],
)
def test_neutralise_prefixes_formula_cells_with_a_quote(cell, written):
    assert neutralise(cell) == written
    assert unneutralise(written) == cell


def test_write_csv_neutralises_formulas_in_every_text_cell(sqlite_db):
    add_items(
        sqlite_db,
        [
            new_item(
                client="=Evil Corp",
                title='=HYPERLINK("http://x")',
                owner="@admin",
                client_note="+cmd|' /C calc'!A0",
                internal_note="-2+3",
                escalated=True,
                escalation_reason="=1+1",
            )
        ],
    )
    header, row = csv_cells(export_csv(sqlite_db))
    for cell in row:
        assert not cell.startswith(FORMULA_STARTS), cell
    cells = dict(zip(header, row, strict=True))
    assert cells["client"] == "'=Evil Corp"
    assert cells["title"] == '\'=HYPERLINK("http://x")'
    assert cells["owner"] == "'@admin"
    assert cells["client_note"] == "'+cmd|' /C calc'!A0"
    assert cells["internal_note"] == "'-2+3"
    assert cells["escalation_reason"] == "'=1+1"


@given(st.text())
def test_neutralise_and_unneutralise_are_inverses(text):
    written = neutralise(text)
    assert unneutralise(written) == text
    assert not written.startswith(FORMULA_STARTS)


@pytest.mark.parametrize("title", ["'=x", "''+x", "'@x", "=x", "'plain", "it's -1"])
def test_quote_prefixed_text_survives_a_csv_round_trip(sqlite_db, new_sqlite, title):
    add_items(sqlite_db, [new_item(client="Acme", title=title, client_note=title)])
    parsed = parse(export_csv(sqlite_db))
    assert parsed.errors == []
    assert (parsed.items[0].title, parsed.items[0].client_note) == (title, title)
    second = new_sqlite()
    add_items(second, parsed.items)
    assert export_csv(second) == export_csv(sqlite_db)


# --- CSV round trip through the database ---------------------------------------------------------

_CHARS = st.characters(exclude_categories=("Cc", "Cs"))
_NOTE_CHARS = st.characters(exclude_categories=("Cc", "Cs"), include_characters="\n")


def _shown(text: str) -> bool:
    return bool(strip_controls(text, keep_newlines=False).strip())


def line_text(max_size: int) -> st.SearchStrategy[str]:
    return st.text(_CHARS, min_size=1, max_size=max_size).filter(_shown)


names = st.one_of(st.sampled_from(["Acme", "Globex", "acme", "Łódź Sp. z o.o."]), line_text(30))
notes = st.one_of(st.just(""), st.text(_NOTE_CHARS, max_size=60))
# The dates the program takes in (an import refuses dates after 9000, see dates.LATEST).
dates = st.one_of(st.none(), st.dates(EARLIEST, LATEST))


@st.composite
def new_items(draw: st.DrawFn) -> NewItem:
    status = draw(st.sampled_from(Status))
    escalated = draw(st.booleans())
    return new_item(
        client=draw(names),
        title=draw(line_text(60)),
        status=status,
        waiting_on=draw(st.none() | st.sampled_from(WaitingOn))
        if status == Status.WAITING
        else None,
        owner=draw(st.none() | names),
        due=draw(dates),
        committed=draw(dates),
        must=draw(st.booleans()),
        client_note=draw(notes),
        internal_note=draw(notes),
        escalated=escalated,
        escalation_reason=draw(line_text(40)) if escalated else "",
        visibility=draw(st.sampled_from(Visibility)),
    )


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


# --- JSON: export → restore → export -------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "target"),
    [("sqlite", "sqlite"), ("sqlite", "postgresql"), ("postgresql", "sqlite")],
)
def test_json_export_restore_export_is_byte_identical(request, new_sqlite, source, target):
    src = get_db(request, source, new_sqlite)
    dst = get_db(request, target, new_sqlite)
    busy_plan(src)
    text = export(src)
    data = json.loads(text)
    assert any(op["undone_by_id"] for op in data["operation"])
    assert any(op["undoes_id"] for op in data["operation"])
    assert any(item["deleted_at"] for item in data["item"])
    assert data["snapshot"]

    restored = restore(dst, text)
    assert restored == {t: len(data[t]) for t in TABLES}
    assert counts(dst) == counts(src)
    assert export(dst) == text


def test_json_restore_into_postgresql_moves_the_id_sequences_on(pg_db, sqlite_db):
    busy_plan(sqlite_db)
    restore(pg_db, export(sqlite_db))
    grown = [t for t in TABLES if t != "reviewed"]  # what the steps below add to
    before = {t: max_id(pg_db, t) for t in grown}
    with pg_db.session() as session:
        item = plan.add_item(
            session=session, author=AUTHOR, client="After Restore", owner="New Owner", title="T"
        )
        plan.edit_item(session=session, item_id=item.id, author=AUTHOR, status="doing")
    add_snapshot(pg_db, "After Restore", "# after\n")
    assert item.id == before["item"] + 1
    after = {t: max_id(pg_db, t) for t in grown}
    assert all(after[t] > before[t] for t in grown), (before, after)


# --- JSON: one client's export -------------------------------------------------------------------


def two_client_plan(db: Database) -> None:
    items = [
        new_item(client=c, title=f"{c} {n}", owner=o)
        for n, (c, o) in enumerate(
            [("Acme", "Ana"), ("Other", "Bob"), ("Acme", None), ("Other", "Ana"), ("Acme", "Cy")]
        )
    ]
    ids = add_items(db, items)  # one import operation touching both clients
    acme = [i for i, it in zip(ids, items, strict=True) if it.client == "Acme"]
    other = [i for i, it in zip(ids, items, strict=True) if it.client == "Other"]
    with db.session() as s:
        plan.edit_item(session=s, item_id=acme[0], author=AUTHOR, status="doing")
        plan.edit_item(session=s, item_id=other[0], author=AUTHOR, status="done")
        plan.undo(session=s, author=AUTHOR)  # undoes Other's edit
        plan.delete_item(session=s, item_id=acme[1], author=AUTHOR)
        plan.undo(session=s, author=AUTHOR)  # undoes Acme's delete
        plan.edit_item(session=s, item_id=other[1], author="Someone", due=TODAY)
    add_snapshot(db, "Acme", "# Acme\n")
    add_snapshot(db, "Other", "# Other\n")


def test_json_client_export_holds_only_that_clients_part(db, new_sqlite):
    two_client_plan(db)
    text = export(db, client="acme")
    data = json.loads(text)
    [acme] = data["client"]
    assert acme["name"] == "Acme"
    items = {i["id"] for i in data["item"]}
    assert len(items) == 3
    assert all(i["client_id"] == acme["id"] for i in data["item"])
    assert data["history"] and all(h["item_id"] in items for h in data["history"])
    assert [s["markdown"] for s in data["snapshot"]] == ["# Acme\n"]
    assert sorted(p["name"] for p in data["person"]) == ["Ana", "Cy"]
    ops = {o["id"] for o in data["operation"]}
    assert ops == {h["op_id"] for h in data["history"]}
    for op in data["operation"]:
        assert op["undoes_id"] in ops | {None}
        assert op["undone_by_id"] in ops | {None}
    assert "Other" not in text

    target = new_sqlite()
    restore(target, text)
    assert export(target) == text


def test_json_client_export_of_an_unknown_client_is_refused(db):
    two_client_plan(db)
    with pytest.raises(Invalid, match="no client named 'Initech'"):
        export(db, client="Initech")


# --- JSON: refusals ------------------------------------------------------------------------------


def test_json_restore_into_a_database_that_is_not_empty_is_refused(db, new_sqlite):
    source = new_sqlite()
    two_client_plan(source)
    text = export(source)
    with db.session() as session:
        plan.add_item(session=session, author=AUTHOR, client="Mine", title="Already here")
    before, before_export = counts(db), export(db)
    with pytest.raises(Invalid, match="not empty"):
        restore(db, text)
    assert counts(db) == before
    assert export(db) == before_export


def test_json_restore_into_a_database_with_only_a_client_is_refused(sqlite_db, new_sqlite):
    source = new_sqlite()
    two_client_plan(source)
    with sqlite_db.session() as session:
        plan.save_person(session=session, name="Just a person")
    with pytest.raises(Invalid, match="not empty"):
        restore(sqlite_db, export(source))
    assert counts(sqlite_db)["person"] == 1


def _set(table: str, row: int, column: str, value: Any) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        data[table][row][column] = value

    return change


def _drop(table: str, row: int, column: str) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        del data[table][row][column]

    return change


def _duplicate(table: str) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        data[table].append(copy.deepcopy(data[table][0]))

    return change


def _top(key: str, value: Any) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        data[key] = value

    return change


BAD_EXPORTS = {
    "wrong format": (_top("format", "trello"), "not an actionplan JSON export"),
    "no format": (lambda d: d.pop("format"), "not an actionplan JSON export"),
    "wrong version": (_top("version", 2), "export version 2 is not supported"),
    "table not a list": (_top("item", {}), "item: expected a list of rows"),
    "null where required": (_set("item", 0, "title", None), "item[0].title: is required"),
    "missing column": (_drop("item", 1, "title"), "item[1]: missing 'title'"),
    "unknown column": (_set("person", 0, "colour", "red"), "person[0]: unknown 'colour'"),
    "text where int": (_set("item", 0, "position", "3"), "item[0].position: expected a whole"),
    "bool where int": (_set("item", 0, "version", True), "item[0].version: expected a whole"),
    "int where bool": (_set("item", 0, "must", 1), "item[0].must: expected true or false"),
    "int where text": (_set("client", 0, "name", 7), "client[0].name: expected text"),
    "bad date": (_set("item", 2, "due", "2026-02-30"), "item[2].due: "),
    "date in words": (_set("item", 0, "committed", "next fri"), "item[0].committed: "),
    "bad time": (_set("operation", 0, "at", "yesterday"), "operation[0].at: "),
    "row not an object": (
        lambda d: d["item"].__setitem__(0, [1, 2]),
        "item[0]: expected an object",
    ),
    "bad enum": (_set("item", 0, "status", "finished"), "item[0].status: "),
    "fk to no client": (
        _set("item", 0, "client_id", 999),
        "item[0].client_id: no client with id 999",
    ),
    "fk to no owner": (_set("item", 1, "owner_id", 999), "item[1].owner_id: no person with id 999"),
    "fk to no item": (
        _set("history", 3, "item_id", 999),
        "history[3].item_id: no item with id 999",
    ),
    "fk to no op": (_set("operation", 0, "undone_by_id", 999), "operation[0].undone_by_id: no op"),
    "duplicate id": (_duplicate("item"), ".id: 1 appears twice"),
    "duplicate client id": (_duplicate("client"), "].id: 1 appears twice"),
}


@pytest.fixture
def good_export(new_sqlite) -> str:
    source = new_sqlite()
    two_client_plan(source)
    return export(source)


def _refused(target: Database, text: str, message: str) -> None:
    with pytest.raises(Invalid) as caught:
        restore(target, text)
    reason = str(caught.value)
    assert message in reason
    assert "\n" not in reason
    assert counts(target) == dict.fromkeys(TABLES, 0)


@pytest.mark.parametrize("case", BAD_EXPORTS)
def test_json_restore_refuses_a_bad_export_naming_table_row_and_column(
    good_export, new_sqlite, case
):
    change, message = BAD_EXPORTS[case]
    data = json.loads(good_export)
    change(data)
    with pytest.raises(Invalid):
        read_json(json.dumps(data))
    _refused(new_sqlite(), json.dumps(data), message)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not valid JSON"),
        ("{not json", "not valid JSON (line 1"),
        ('{"format": "actionplan-export",\n"version": 1,\n"item": [', "not valid JSON (line 3"),
        ("[]", "not an actionplan JSON export"),
        ('"actionplan-export"', "not an actionplan JSON export"),
        ("client,title\nAcme,T\n", "not valid JSON"),
    ],
)
def test_json_restore_refuses_what_is_not_an_export(new_sqlite, text, message):
    _refused(new_sqlite(), text, message)


def test_json_restore_refuses_an_export_missing_a_table(good_export, new_sqlite):
    # A hand-cut or truncated-and-repaired file without its history is not a complete export.
    data = json.loads(good_export)
    del data["history"]
    _refused(new_sqlite(), json.dumps(data), "history")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set("item", 0, "title", "x" * 5000), "item[0].title"),
        (_set("item", 0, "title", ""), "item[0].title"),
        (_set("client", 1, "name", "Acme"), "client[1].name"),
    ],
    ids=["title too long", "title empty", "duplicate client name"],
)
def test_json_restore_refuses_values_the_app_itself_never_accepts(
    good_export, new_sqlite, change, message
):
    data = json.loads(good_export)
    change(data)
    _refused(new_sqlite(), json.dumps(data), message)


# --- JSON: property -------------------------------------------------------------------------------

edits = st.lists(
    st.tuples(
        st.integers(0, 7),
        st.sampled_from(["status", "due", "owner", "title", "escalate", "delete", "undo"]),
        st.one_of(st.sampled_from(Status), st.dates(), names, line_text(40)),
    ),
    max_size=6,
)


def apply_edit(session: Any, ids: list[int], edit: tuple[int, str, Any]) -> None:
    index, kind, value = edit
    item_id = ids[index % len(ids)]
    try:
        if kind == "undo":
            plan.undo(session=session, author=AUTHOR)
        elif kind == "delete":
            plan.delete_item(session=session, item_id=item_id, author=AUTHOR)
        elif kind == "escalate":
            plan.escalate(session=session, item_id=item_id, reason=str(value), author=AUTHOR)
        elif kind == "status":
            status = value if isinstance(value, Status) else Status.DOING
            plan.edit_item(session=session, item_id=item_id, author=AUTHOR, status=status)
        elif kind == "due":
            due = value if isinstance(value, date) else None
            plan.edit_item(session=session, item_id=item_id, author=AUTHOR, due=due)
        else:
            plan.edit_item(session=session, item_id=item_id, author=AUTHOR, **{kind: str(value)})
    except plan.PlanError:
        pass  # e.g. editing a deleted item: refused, nothing saved


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(items=st.lists(new_items(), min_size=1, max_size=6), changes=edits)
def test_json_round_trip_of_random_plans_is_byte_identical(sqlite_template, items, changes):
    with fresh_sqlite(sqlite_template) as first, fresh_sqlite(sqlite_template) as second:
        ids = add_items(first, items)
        with first.session() as session:
            for change in changes:
                apply_edit(session, ids, change)
        text = export(first)
        restore(second, text)
        assert export(second) == text
        assert counts(second) == counts(first)


# --- the two ways of writing export rows agree ---------------------------------------------------

_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=_text, note=_text, reason=_text)
def test_sqlite_json_rows_equal_the_python_writer_for_any_text(
    sqlite_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
    title: str,
    note: str,
    reason: str,
) -> None:
    """SQLite writes whole-plan exports itself; PostgreSQL goes through Python. Same bytes."""

    from actionplan.interchange import json_io
    from actionplan.models import Item

    path = tmp_path_factory.mktemp("paths") / "plan.db"
    shutil.copy(sqlite_template, path)
    db = open_database(str(path))
    try:
        with db.engine.begin() as conn:  # raw, so even text our cleaning would refuse is tried
            conn.exec_driver_sql(
                "INSERT INTO client (id, name, created_at) VALUES (1, 'Acme', "
                "'2026-11-23 09:19:57.000001')"
            )
            conn.execute(
                sa.insert(Item.__table__),  # type: ignore[attr-defined]
                [
                    {
                        "client_id": 1,
                        "title": title or "x",
                        "client_note": note,
                        "internal_note": reason,
                        "status": "waiting",
                        "waiting_on": "client",
                        "must": False,
                        "escalated": True,
                        "escalation_reason": reason[:500],
                        "visibility": "internal",
                        "position": 0,
                        "version": 3,
                        "created_at": datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
                        "updated_at": datetime(2026, 11, 23, 9, 0, 0, 5, tzinfo=UTC),
                        "due": date(2026, 12, 5),
                    }
                ],
            )
        table = Item.__table__  # type: ignore[attr-defined]
        with db.session() as s:
            stmt = sa.select(table).order_by(table.c.id)
            native = list(s.scalars(stmt.with_only_columns(json_io._sqlite_json(table))))
            python = [json_io._row_formatter(table)(r) for r in json_io._raw_rows(s, stmt, table)]
        assert native == python
        assert json.loads(native[0])["title"] == (title or "x")
    finally:
        db.dispose()


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
    assert text.splitlines()[1].endswith(",3w,done")
    [item] = read_csv(text, today=date(2026, 11, 23)).items
    assert (item.repeat_every, item.repeat_unit, item.repeat_from) == (
        3,
        RepeatUnit.WEEK,
        RepeatFrom.DONE,
    )
    bad = read_csv(text.replace(",3w,", ",every blue moon,"), today=date(2026, 11, 23))
    assert bad.errors and bad.errors[0].startswith("line 2: cannot read the repeat")
