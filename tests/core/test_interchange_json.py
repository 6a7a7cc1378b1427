"""The JSON export and restore: export → restore → export is byte-identical across SQLite and
PostgreSQL, ids go on after a restore, and one client's export holds only that client's part."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from actionplan import plan
from actionplan.db import Database
from actionplan.demo import load_demo
from actionplan.plan import Invalid
from actionplan.plan.dependencies import block
from actionplan.queries import list_items
from tests.support import AUTHOR, TABLES, TODAY
from tests.support.interchange import add_snapshot, counts, export, restore, two_client_plan

# A client's contact with every detail there is.
FIONA: dict[str, Any] = {
    "name": "Fiona Marsh",
    "client": "Northwind Logistics",
    "role": "Operations Director",
    "email": "fiona.marsh@northwind.example",
    "phone": "+44 20 7946 0000",
    "note": "prefers a call to e-mail",
    "status_recipient": True,
}


def max_id(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT MAX(id) FROM {table}")).scalar_one()


def get_db(request: pytest.FixtureRequest, kind: str, new_sqlite: Callable[[], Database]):
    return request.getfixturevalue("pg_db") if kind == "postgresql" else new_sqlite()


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
        # Contacts with every detail, and clients and people renamed, merged and archived.
        plan.save_person(session=s, **FIONA)
        plan.save_person(session=s, name="Tom Vendor", company="Sentinel Ltd")
        plan.rename_person(session=s, name="Somebody New", new="Somebody Renamed", author=AUTHOR)
        plan.merge_clients(
            session=s, name="Moved Client", into="Open Doors Foundation", author=AUTHOR
        )
        plan.archive_client(
            session=s, name="Carver Precision Engineering", author=AUTHOR, force=True
        )
        plan.archive_person(session=s, name="Ruth Adeyemi", author=AUTHOR, force=True)
        plan.set_vendor_names(
            session=s, client="Northwind Logistics", value="generic", author=AUTHOR
        )
        _block_two(s)
    add_snapshot(db, "Northwind Logistics", "# Northwind\n\n- one\n")


def _block_two(session: Any) -> None:
    """The last live item of the first client with two blocked by the one before it."""
    rows = list_items(session=session)
    first = [r["id"] for r in rows if r["client_id"] == rows[0]["client_id"]]
    block(session=session, item_id=first[-1], blocked_by=[first[-2]], author=AUTHOR)


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
    changed = {r["field"] for r in data["record_change"]}
    assert changed >= {"name", "deleted", "archived_at", "vendor_names"}
    [fiona] = [p for p in data["person"] if p["name"] == "Fiona Marsh"]
    assert fiona["client_id"] and fiona["email"] and fiona["status_recipient"] is True
    assert any(c["archived_at"] for c in data["client"])
    [northwind] = [c for c in data["client"] if c["name"] == "Northwind Logistics"]
    assert northwind["vendor_names"] == "generic"
    assert {c["vendor_names"] for c in data["client"]} == {"company", "generic"}
    assert any(p["archived_at"] for p in data["person"])

    restored = restore(dst, text)
    assert restored == {t: len(data[t]) for t in TABLES}
    assert counts(dst) == counts(src)
    assert export(dst) == text


def test_json_restore_into_postgresql_moves_the_id_sequences_on(pg_db, sqlite_db):
    busy_plan(sqlite_db)
    restore(pg_db, export(sqlite_db))
    grown = [t for t in TABLES if t not in ("reviewed", "health_check")]  # the steps add to
    before = {t: max_id(pg_db, t) for t in grown}
    with pg_db.session() as session:
        item = plan.add_item(
            session=session, author=AUTHOR, client="After Restore", owner="New Owner", title="T"
        )
        plan.edit_item(session=session, item_id=item.id, author=AUTHOR, status="doing")
        plan.rename_person(session=session, name="New Owner", new="Newer Owner", author=AUTHOR)
        other = plan.add_item(session=session, author=AUTHOR, client="After Restore", title="U")
        block(session=session, item_id=other.id, blocked_by=[item.id], author=AUTHOR)
    add_snapshot(pg_db, "After Restore", "# after\n")
    assert item.id == before["item"] + 1
    assert before["dependency"] is not None
    after = {t: max_id(pg_db, t) for t in grown}
    assert all(after[t] > before[t] for t in grown), (before, after)


# --- JSON: one client's export -------------------------------------------------------------------


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


def test_an_export_made_before_contacts_had_details_restores_with_their_defaults(db, new_sqlite):
    two_client_plan(db)
    with db.session() as s:
        plan.save_person(session=s, name="Ana", email="ana@us.example")
    data = json.loads(export(db))
    # As the release before (schema 0003) wrote it: no record changes, no new columns.
    del data["record_change"]
    for row in data["client"]:
        del row["archived_at"], row["vendor_names"]
    for row in data["person"]:
        for key in ("client_id", "company", "role", "email", "phone", "note"):
            del row[key]
        del row["status_recipient"], row["archived_at"]
    target = new_sqlite()
    restore(target, json.dumps(data))
    again = json.loads(export(target))
    assert again["record_change"] == []
    assert {(p["email"], p["note"], p["status_recipient"]) for p in again["person"]} == {
        (None, "", False)
    }
    assert all(c["archived_at"] is None for c in again["client"])
    assert {c["vendor_names"] for c in again["client"]} == {"company"}  # as summaries were
