"""Opening databases: private files, SQLite pragmas, migrations with a backup, safe messages."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa

from actionplan import dbschema, plan
from actionplan.db import DatabaseError, open_database, resolve_url
from actionplan.redact import redact

MIGRATION_FUTURE = '''"""a test-only future schema"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("item") as batch:
        batch.add_column(sa.Column("future_field", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("item") as batch:
        batch.drop_column("future_field")
'''


def test_a_new_database_file_is_private_and_its_folder_created(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "plan.db"
    open_database(str(path)).dispose()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_the_default_database_lives_in_the_user_data_folder(monkeypatch) -> None:
    monkeypatch.delenv("ACTIONPLAN_DB")
    url = resolve_url(None)
    assert url.database is not None
    assert url.database.endswith("/data/actionplan/actionplan.db")  # XDG_DATA_HOME from conftest


def test_db_option_wins_over_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ACTIONPLAN_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).database == str(tmp_path / "env.db")
    assert resolve_url(str(tmp_path / "opt.db")).database == str(tmp_path / "opt.db")
    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"


def test_sqlite_runs_with_foreign_keys_wal_normal_sync_and_busy_timeout(sqlite_db) -> None:
    with sqlite_db.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 1  # NORMAL
        assert pragma("busy_timeout") >= 5000


def test_foreign_keys_are_enforced(db) -> None:
    with pytest.raises(sa.exc.IntegrityError), db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO snapshot (client_id, created_at, author, model_json, markdown) "
            "VALUES (999, '2026-11-23 10:00:00+00:00', 'x', '{}', '')"
        )


def test_schema_head_constant_matches_the_shipped_migrations() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(Path(dbschema.__file__).parent / "migrations"))
    assert script.get_current_head() == dbschema.SCHEMA_HEAD
    assert dbschema.known_revisions()[-1] == dbschema.SCHEMA_HEAD


def test_migrations_build_the_same_schema_as_the_models(db) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


@pytest.fixture
def newer_migrations(tmp_path: Path, monkeypatch) -> Path:
    """The shipped migrations plus a second one, as a future release would ship them."""
    folder = tmp_path / "migrations"
    shutil.copytree(Path(dbschema.__file__).parent / "migrations", folder)
    (folder / "versions" / "0009_test.py").write_text(MIGRATION_FUTURE)
    return folder


def test_a_pending_migration_backs_up_the_file_first_and_keeps_the_data(
    tmp_path: Path, newer_migrations: Path, monkeypatch
) -> None:
    path = tmp_path / "plan.db"
    db = open_database(str(path))
    with db.session() as s:
        plan.add_item(session=s, author="T", client="Acme", title="Keep me", internal_note="n")
    db.dispose()

    monkeypatch.setattr(dbschema, "_MIGRATIONS", newer_migrations)
    monkeypatch.setattr(dbschema, "SCHEMA_HEAD", "0009")
    upgraded = open_database(str(path))
    try:
        assert upgraded.upgraded_from == "0008"
        assert upgraded.backup is not None and upgraded.backup.exists()
        assert stat.S_IMODE(upgraded.backup.stat().st_mode) == 0o600
        with upgraded.engine.connect() as conn:
            row = conn.exec_driver_sql("SELECT title, future_field FROM item").one()
            assert tuple(row) == ("Keep me", None)
    finally:
        upgraded.dispose()
    with sqlite3.connect(upgraded.backup) as old:  # the backup is the database as it was
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0008",)
        assert old.execute("SELECT title FROM item").fetchall() == [("Keep me",)]


def test_without_upgrade_a_pending_migration_is_an_error(tmp_path, newer_migrations, monkeypatch):
    path = tmp_path / "plan.db"
    open_database(str(path)).dispose()
    monkeypatch.setattr(dbschema, "_MIGRATIONS", newer_migrations)
    monkeypatch.setattr(dbschema, "SCHEMA_HEAD", "0009")
    with pytest.raises(DatabaseError, match="db upgrade"):
        open_database(str(path), upgrade=False)


def test_a_database_from_a_newer_actionplan_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.db"
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(DatabaseError, match="newer actionplan"):
        open_database(str(path))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some notes\n", "not an actionplan database"),
        (b"SQLite format 3\x00" + b"\xff" * 200, "damaged or is not a database"),
    ],
)
def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path, content, message) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseError, match=message):
        open_database(str(path))
    assert path.read_bytes() == content  # never touched


def test_another_apps_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    with pytest.raises(DatabaseError, match="not an actionplan database"):
        open_database(str(path))


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(str(tmp_path))


def test_passwords_never_appear_in_messages() -> None:
    url = "postgresql+psycopg://alice:s3cr3t-pw@127.0.0.1:1/plan"
    assert "s3cr3t-pw" not in redact(resolve_url(url))
    with pytest.raises(DatabaseError) as caught:
        open_database(url)
    assert "s3cr3t-pw" not in str(caught.value)
    assert "alice:***@127.0.0.1" in str(caught.value)
    assert "s3cr3t" not in redact("postgresql+psycopg://alice:s3cr3t@@bad:port/x")


def test_backup_copies_a_live_database(sqlite_db, tmp_path: Path) -> None:
    with sqlite_db.session() as s:
        plan.add_item(session=s, author="T", client="Acme", title="Backed up")
    dest = dbschema.backup_sqlite(sqlite_db.engine, tmp_path / "copy.db")
    copy = open_database(str(dest))
    try:
        with copy.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT title FROM item").scalar() == "Backed up"
    finally:
        copy.dispose()
