"""Reading a CSV to import (read_csv): what a valid file gives, every bad row reported with its
physical line and a reason, and an import that is all or nothing, undone in one step."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan import plan
from actionplan.interchange.csv_io import COLUMNS, read_csv
from actionplan.models import Status, Visibility, WaitingOn
from actionplan.plan import NewItem
from actionplan.queries import list_items
from tests.support import AUTHOR, TODAY
from tests.support.interchange import add_items, counts, parse

HEADER = ",".join(COLUMNS)


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
    # Each item's own line, where its row starts: what the import's name check reports.
    assert parsed.lines == [2, 4, 14]


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
