"""A plan made with the first released schema upgrades with every row intact."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date
from pathlib import Path

from actionplan import plan
from actionplan.db import open_database
from actionplan.dbschema import SCHEMA_HEAD
from actionplan.models import Item
from actionplan.queries import ItemFilter, item_history, list_items
from tests.support import FIXTURES

FIXTURE = FIXTURES / "schema-0001.sql"


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("client", "person", "item", "history", "operation", "snapshot")
        }


def test_a_first_schema_plan_upgrades_with_all_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(FIXTURE.read_text(encoding="utf-8"))
    before = _counts(path)
    with sqlite3.connect(path) as conn:
        titles = conn.execute("SELECT id, title FROM item ORDER BY id").fetchall()

    db = open_database(str(path))
    try:
        assert db.upgraded_from == "0001"
        assert db.backup is not None and stat.S_IMODE(db.backup.stat().st_mode) == 0o600
        assert _counts(path) == before
        with db.session() as session:
            rows = list_items(session=session, where=ItemFilter(include_deleted=True))
            assert [(r["id"], r["title"]) for r in sorted(rows, key=lambda r: r["id"])] == [
                (i, t) for i, t in titles
            ]
            assert all(r["repeat_every"] is None and r["snoozed_until"] is None for r in rows)
            moved = [e for e in item_history(session=session, item_id=3) if e.field == "due"]
            assert moved[0].new == "2026-12-20" and moved[0].reason == "vendor late"
            # Undo still reaches the operations recorded before the upgrade.
            undone = plan.undo(session=session, author="Ana")
            assert undone is not None and undone.summary.startswith("deleted #5")
            assert session.get(Item, 5).deleted_at is None
            # And new writes work on the upgraded schema.
            item = plan.edit_item(session=session, item_id=1, author="Ana", due=date(2027, 1, 4))
            assert item.due == date(2027, 1, 4)
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
                SCHEMA_HEAD,
            )
    finally:
        db.dispose()
