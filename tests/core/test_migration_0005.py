"""A plan made by the release before clients had a vendor setting (schema 0004) upgrades with
every row kept and every client showing vendors by company, as its summaries did; the
setting then works, and the step down takes the column away again. On SQLite and on
PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy.engine import URL

from actionplan import dbschema, plan
from actionplan.db import make_engine, open_database
from actionplan.models import VendorNames
from actionplan.queries import clients_with_counts
from actionplan.summary.source import summary_for
from tests.support.migrations import at_revision, move_sequences_on

AT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
CLIENTS = [(1, "Acme", None), (2, "Globex", AT)]  # id, name, archived


def fill_release_0004(url: URL) -> None:
    """An empty database brought to schema 0004 by Alembic, then rows as that release wrote
    them: two clients (one archived), a vendor's contact and an item they own."""
    with at_revision(url, "0004") as (conn, t):
        assert "vendor_names" not in t["client"].c
        conn.execute(
            t["client"].insert(),
            [
                {"id": i, "name": n, "created_at": AT, "guard_allow": "", "archived_at": a}
                for i, n, a in CLIENTS
            ],
        )
        conn.execute(
            t["person"].insert(),
            [
                {
                    "id": 1,
                    "name": "Tom Becker",
                    "side": "vendor",
                    "company": "Sentinel Ltd",
                    "created_at": AT,
                    "note": "slow to quote",
                    "status_recipient": False,
                }
            ],
        )
        conn.execute(
            t["item"].insert(),
            [
                {
                    "id": 1,
                    "client_id": 1,
                    "title": "Quote for licence renewal",
                    "client_note": "",
                    "internal_note": "",
                    "status": "planned",
                    "owner_id": 1,
                    "must": True,
                    "escalated": False,
                    "escalation_reason": "",
                    "visibility": "client",
                    "position": 0,
                    "created_at": AT,
                    "updated_at": AT,
                    "version": 1,
                }
            ],
        )
        move_sequences_on(conn, ("client", "person", "item"))  # ids given by hand


def test_a_release_0004_plan_upgrades_with_every_client_naming_vendors_by_company(
    old_url: URL,
) -> None:
    fill_release_0004(old_url)
    db = open_database(old_url)
    try:
        assert db.upgraded_from == "0004"
        with db.session() as s:
            clients = clients_with_counts(session=s, today=date(2026, 12, 1), archived=True)
            assert [(c.name, c.archived, c.vendor_names) for c in clients] == [
                ("Acme", False, VendorNames.COMPANY),
                ("Globex", True, VendorNames.COMPANY),
            ]
            before = summary_for(session=s, client="Acme", today=date(2026, 12, 1), prepared_by="")
            assert [ln.owner for ln in before.plan] == ["Sentinel Ltd"]
            plan.set_vendor_names(session=s, client="Acme", value="generic", author="Ana")
            after = summary_for(session=s, client="Acme", today=date(2026, 12, 1), prepared_by="")
            assert [ln.owner for ln in after.plan] == ["our supplier"]
    finally:
        db.dispose()

    from alembic import command

    engine = make_engine(old_url)
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":  # batch mode drops the table clients point at
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
            with conn.begin():
                command.downgrade(dbschema._alembic_config(conn), "0004")
        with engine.connect() as conn:
            assert "vendor_names" not in {c["name"] for c in sa.inspect(conn).get_columns("client")}
            assert conn.execute(sa.text("SELECT count(*) FROM client")).scalar_one() == 2
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == (
                "0004"
            )
    finally:
        engine.dispose()
