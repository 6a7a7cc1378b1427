"""Properties of the JSON export: random plans and edits restore byte-identically, and SQLite's
own writing of export rows equals the Python writer's for any text."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan import plan
from actionplan.db import open_database
from actionplan.models import Client, Item, Person, Status
from tests.support import AUTHOR, fresh_sqlite
from tests.support.interchange import (
    add_items,
    counts,
    export,
    line_text,
    names,
    new_items,
    restore,
)

# --- JSON: property -------------------------------------------------------------------------------

edits = st.lists(
    st.tuples(
        st.integers(0, 7),
        st.sampled_from(
            [
                *("status", "due", "owner", "title", "escalate", "delete", "undo"),
                *("contact", "rename", "merge", "archive", "rename person", "vendor names"),
            ]
        ),
        st.one_of(st.sampled_from(Status), st.dates(), names, line_text(40)),
    ),
    max_size=6,
)


def apply_edit(session: Any, ids: list[int], edit: tuple[int, str, Any]) -> None:
    index, kind, value = edit
    item_id = ids[index % len(ids)]
    try:
        if kind in CONTACT_EDITS:
            contact_edit(
                session, kind, session.get(Item, item_id), value, ids[(index + 1) % len(ids)]
            )
        elif kind == "undo":
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


CONTACT_EDITS = {"contact", "rename", "merge", "archive", "rename person", "vendor names"}


def contact_edit(session: Any, kind: str, item: Item, value: Any, other_id: int) -> None:
    """A change to the item's client or owner: details, rename, merge, archive, settings."""
    client = session.get(Client, item.client_id).name
    owner = session.get(Person, item.owner_id).name if item.owner_id else None
    if kind == "contact" and owner is not None:
        plan.save_person(
            session=session,
            name=owner,
            client=client,
            role=str(value)[:100],
            email="someone@example.com",
            phone="+1 555 0100",
            note=f"about {value}",
            status_recipient=True,
        )
    elif kind == "rename person" and owner is not None:
        plan.rename_person(session=session, name=owner, new=str(value), author=AUTHOR)
    elif kind == "rename":
        plan.rename_client(session=session, name=client, new=str(value), author=AUTHOR)
    elif kind == "merge":
        other = session.get(Client, session.get(Item, other_id).client_id).name
        plan.merge_clients(session=session, name=client, into=other, author=AUTHOR)
    elif kind == "archive":
        plan.archive_client(session=session, name=client, author=AUTHOR, force=True)
    elif kind == "vendor names":
        plan.set_vendor_names(session=session, client=client, value="generic", author=AUTHOR)


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
