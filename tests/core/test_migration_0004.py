"""A plan made by the release before contacts belonged to clients (schema 0003) upgrades with
every row kept: each client-side person who owns items of exactly one client is attached to it,
the others are left for the user to settle, and vendors' and contacts' teams become their
company and role. On SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL

from actionplan import dbschema, plan
from actionplan.db import make_engine, open_database
from actionplan.plan import Invalid
from actionplan.queries import people_rows
from tests.support.migrations import at_revision, move_sequences_on

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
OLD_TABLES = ("client", "person", "operation", "item", "history", "snapshot", "reviewed")

PEOPLE = [  # id, name, team, side
    (1, "Maria Lopez", "Practice Manager", "client"),  # owns Acme's items only: attached
    (2, "Olga Petrova", None, "client"),  # owns Acme's and (a deleted) Globex's: unattached
    (3, "Zed Idle", None, "client"),  # owns nothing: unattached
    (4, "Tom Becker", "Sentinel Ltd", "vendor"),
    (5, "Priya Shah", "Network team", "us"),
]
ITEMS = [  # id, client, owner, deleted
    (1, 1, 1, False),
    (2, 1, 2, False),
    (3, 2, 2, True),
    (4, 2, 4, False),
    (5, 1, 5, False),
]


def fill_release_0003(url: URL) -> None:
    """An empty database brought to schema 0003 by Alembic, then rows as that release wrote them."""
    with at_revision(url, "0003") as (conn, t):
        assert "archived_at" not in t["client"].c and "client_id" not in t["person"].c
        conn.execute(
            t["client"].insert(),
            [
                {"id": 1, "name": "Acme", "created_at": AT, "guard_allow": "ACME-"},
                {"id": 2, "name": "Globex", "created_at": AT, "guard_allow": ""},
            ],
        )
        conn.execute(
            t["person"].insert(),
            [
                {"id": i, "name": n, "team": team, "side": side, "created_at": AT}
                for i, n, team, side in PEOPLE
            ],
        )
        conn.execute(
            t["operation"].insert(),
            [
                {
                    "id": 1,
                    "at": AT,
                    "author": "Ana",
                    "kind": "import",
                    "summary": "imported 5",
                }
            ],
        )
        conn.execute(t["item"].insert(), [_item(*row) for row in ITEMS])
        conn.execute(
            t["history"].insert(),
            [
                {"op_id": 1, "item_id": i, "at": AT, "author": "Ana", "field": "created"}
                | {"new": f"Item {i}"}
                for i, *_ in ITEMS
            ],
        )
        conn.execute(
            t["snapshot"].insert(),
            [{"client_id": 1, "created_at": AT, "author": "Ana"} | _snapshot_text()],
        )
        move_sequences_on(conn, OLD_TABLES)  # ids given by hand, as that release's would be


def _item(item_id: int, client: int, owner: int, deleted: bool) -> dict[str, object]:
    return {
        "id": item_id,
        "client_id": client,
        "title": f"Item {item_id}",
        "client_note": "",
        "internal_note": "",
        "status": "planned",
        "owner_id": owner,
        "must": True,
        "escalated": False,
        "escalation_reason": "",
        "visibility": "client",
        "position": item_id,
        "created_at": AT,
        "updated_at": AT,
        "deleted_at": AT if deleted else None,
        "version": 1,
    }


def _snapshot_text() -> dict[str, str]:
    return {"model_json": '{"client": "Acme"}', "markdown": "# Acme\n"}


def _counts(url: URL) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {
                t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in OLD_TABLES
            }
    finally:
        engine.dispose()


def test_a_release_0003_plan_upgrades_keeping_every_row_and_settling_contacts(
    old_url: URL,
) -> None:
    fill_release_0003(old_url)
    before = _counts(old_url)

    db = open_database(old_url)
    try:
        assert db.upgraded_from == "0003"
        assert (db.backup is not None) == db.is_sqlite  # a SQLite file is copied first
        assert _counts(old_url) == before
        with db.session() as s:
            everyone = {p.name: p for p in people_rows(session=s, archived=True)}
            assert {n: (p.client, p.company, p.role, p.team) for n, p in everyone.items()} == {
                "Maria Lopez": ("Acme", None, "Practice Manager", "Practice Manager"),
                "Olga Petrova": (None, None, None, None),
                "Zed Idle": (None, None, None, None),
                "Tom Becker": (None, "Sentinel Ltd", None, "Sentinel Ltd"),
                "Priya Shah": (None, None, None, "Network team"),
            }
            assert all(not p.archived and not p.status_recipient for p in everyone.values())
            assert all(p.note == "" and p.email is None for p in everyone.values())
            assert [p.name for p in people_rows(session=s, unattached=True)] == [
                "Olga Petrova",
                "Zed Idle",
            ]
            acme = plan.find_client(session=s, name="Acme")
            assert acme is not None and acme.archived_at is None and acme.guard_allow == "ACME-"

            # The rule holds from now on, and the old operations can still be undone.
            with pytest.raises(Invalid, match="'Maria Lopez' is a contact of 'Acme'"):
                plan.add_item(
                    session=s, author="Ana", client="Globex", title="x", owner="Maria Lopez"
                )
            undone = plan.undo(session=s, author="Ana")
            assert undone is not None and undone.summary == "imported 5"
            plan.rename_client(session=s, name="Acme", new="Acme Group", author="Ana")
        with db.engine.connect() as conn:
            revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
        assert revision == dbschema.SCHEMA_HEAD
    finally:
        db.dispose()
