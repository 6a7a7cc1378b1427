"""Writing the CSV export (write_csv): the contract's columns, one row per item, and formulas
neutralised in every text cell so a spreadsheet never runs them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actionplan.interchange.csv_io import (
    COLUMNS,
    EXTRA_COLUMNS,
    neutralise,
    unneutralise,
    write_csv,
)
from actionplan.plan import new_item
from tests.support.interchange import add_items, csv_cells, export_csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def test_write_csv_header_is_the_contract_columns_then_the_extras():
    assert write_csv([]) == (
        "client,title,status,owner,due,committed,must,client_note,internal_note,escalated,"
        "visibility,waiting_on,escalation_reason,repeat,repeat_from,health_form,"
        "blocked_by\n"
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
        "health_form": "",
        "blocked_by": "",
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
    formulas = {
        "client": "=Evil Corp",
        "title": '=HYPERLINK("http://x")',
        "owner": "@admin",
        "client_note": "+cmd|' /C calc'!A0",
        "internal_note": "-2+3",
        "escalation_reason": "=1+1",
    }
    add_items(sqlite_db, [new_item(escalated=True, **formulas)])
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
