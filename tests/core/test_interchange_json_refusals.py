"""What a JSON restore refuses, before anything is written: a database that is not empty, and a
bad file, with one line naming the table, row and column."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from actionplan import plan
from actionplan.db import Database
from actionplan.interchange.json_io import read_json
from actionplan.plan import Invalid
from tests.support import AUTHOR, TABLES
from tests.support.interchange import counts, export, restore, two_client_plan


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
    "bad vendor setting": (
        _set("client", 0, "vendor_names", "hidden"),
        "client[0].vendor_names: 'hidden' is not one of company, generic",
    ),
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
