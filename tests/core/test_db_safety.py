"""The database layer under attack: upgrades and locks, passwords in URLs, files that are not
private or not files at all, and JSON restores built to crash the parser (the command line's
side: tests/cli/test_db_safety.py).

Each class here failed before its fix: 3 to 9 of ten first starts failed, a password in the
query string was printed, a FIFO hung, a 0666 file of another user received the plan, and the
JSON reader raised RecursionError, ValueError or a database error.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from actionplan import db as dbmod
from actionplan import dbschema, plan
from actionplan.db import Database, DatabaseError, open_database, resolve_url
from actionplan.interchange.json_io import export_json, read_json, restore_json
from actionplan.plan import Invalid
from actionplan.redact import redact, redact_text, scrub
from tests.support import TABLES, count

SECRET = "S3cret-PW"
NOBODY = 65534
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="making a file of another user needs root")


# --- 1. Upgrades and locks: one at a time, and saying how long they waited ------------------------


def test_an_upgrade_waits_for_the_one_in_progress_then_finds_it_done(db: Database) -> None:
    """Under the lock, the second process re-reads the revision and upgrades nothing."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0002'")
    assert dbschema.current_revision(db.engine) == "0002"
    # Another process brings it to the head while this one waits for the lock.
    with db.engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{dbschema.SCHEMA_HEAD}'")
    assert dbschema._upgrade(db.engine, db.url) == (None, None)


def test_a_busy_database_says_how_long_it_really_waited(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dbmod, "LOCK_TIMEOUT", 1)
    engine = dbmod.make_engine(sqlite_db.url)  # pragmas read the patched timeout
    holder = sqlite3.connect(str(sqlite_db.url.database), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        start = time.monotonic()
        with (
            pytest.raises(sa.exc.OperationalError) as caught,
            engine.connect() as conn,
            conn.execution_options(actionplan_write=True).begin(),
        ):
            pass
        waited = time.monotonic() - start
    finally:
        holder.rollback()
        holder.close()
        engine.dispose()
    message = dbmod.describe_error(caught.value)
    assert "30 s" not in message
    assert f"gave up after {round(waited)} s" in message, message


def test_a_busy_postgresql_write_says_how_long_it_waited(
    pg_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dbmod, "LOCK_TIMEOUT", 1)
    with pg_db.engine.connect() as holder:
        holder.execution_options(actionplan_write=True).begin()  # holds the write lock
        with (
            pytest.raises(sa.exc.OperationalError) as caught,
            pg_db.engine.connect() as conn,
            conn.execution_options(actionplan_write=True).begin(),
        ):
            pass
        holder.rollback()
    message = dbmod.describe_error(caught.value)
    assert "gave up after 1 s" in message, message


# --- 2. One redactor for every message ---------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        (f"postgresql+psycopg://ap@127.0.0.1:1/db?password={SECRET}", "password=***"),
        (f"postgresql+psycopg://ap:{SECRET}@127.0.0.1:1/db", "ap:***@127.0.0.1"),
        (f"postgresql+psycopg://:{SECRET}@h/db", "://:***@h"),
        (f"postgresql+psycopg://ap@h/db?sslmode=require&sslpassword={SECRET}", "sslmode=require"),
        (f"postgresql+psycopg://ap@h/db?pass%77ord={SECRET}", "ap@h/db"),
        (f"postgresql+psycopg://ap@h/db?password={SECRET}&password=other1", "ap@h/db"),
        (f"postgresql+psycopg://ap@h/db?PASSWORD={SECRET}", "ap@h/db"),
        (f"postgresql+psycopg://ap@h/db?api_token={SECRET}", "ap@h/db"),
        (f"postgresql+psycopg://ap:{SECRET}@@bad:port/x", "ap:***@"),
        (f"postgresql+psycopg://ap@bad:port/x?password={SECRET}", "password=***"),
    ],
)
def test_the_redactor_hides_passwords_in_the_user_part_and_the_query(url: str, kept: str) -> None:
    shown = redact(url)
    assert SECRET not in shown and "other1" not in shown
    assert kept in shown


def test_the_redactor_hides_secrets_in_any_message() -> None:
    text = f"invalid dsn: host=h password={SECRET} user=ap; see postgresql://u:{SECRET}@h/db"
    assert SECRET not in redact_text(text)
    assert "host=h" in redact_text(text) and "user=ap" in redact_text(text)
    url = resolve_url(f"postgresql+psycopg://ap@h/db?password={SECRET}")
    assert scrub(f"driver said: ...{SECRET}...", url) == "driver said: ...***..."


def test_every_error_message_goes_through_the_redactor() -> None:
    from actionplan.errors import user_message

    raw = RuntimeError(f"bad dsn 'host=h password={SECRET}' from postgresql://u:{SECRET}@h/db")
    assert SECRET not in user_message(raw)
    assert SECRET not in user_message(sa.exc.OperationalError("x", {}, raw))


# --- 3. The database file is private -----------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def sticky_folder(tmp_path: Path) -> Path:
    """A world-writable folder with the sticky bit, like /tmp."""
    folder = tmp_path / "shared-tmp"
    folder.mkdir()
    folder.chmod(0o1777)
    return folder


@as_root
def test_an_empty_0666_file_of_another_user_never_receives_the_plan(tmp_path: Path) -> None:
    path = sticky_folder(tmp_path) / "t.db"
    path.touch()
    os.chown(path, NOBODY, NOBODY)
    path.chmod(0o666)
    with pytest.raises(DatabaseError, match="belongs to another user"):
        open_database(str(path))
    assert path.stat().st_size == 0


def test_a_sticky_world_writable_folder_like_tmp_is_fine(tmp_path: Path) -> None:
    path = sticky_folder(tmp_path) / "t.db"
    open_database(str(path)).dispose()
    assert mode(path) == 0o600


def test_a_folder_others_can_write_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o777)
    with pytest.raises(DatabaseError, match="other users can write that folder"):
        open_database(str(folder / "deeper" / "t.db"))
    assert not (folder / "deeper").exists()


@as_root
def test_a_folder_of_another_user_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir(mode=0o755)
    os.chown(folder, NOBODY, NOBODY)
    with pytest.raises(DatabaseError, match="belongs to another user"):
        open_database(str(folder / "t.db"))


def test_a_database_others_can_write_is_refused(sqlite_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    shutil.copy(sqlite_template, path)
    path.chmod(0o646)
    with pytest.raises(DatabaseError, match="other users can write it") as caught:
        open_database(str(path))
    assert "chmod 600" in str(caught.value)


@as_root
def test_a_companion_file_of_another_user_is_refused(tmp_path: Path) -> None:
    path = sticky_folder(tmp_path) / "t.db"
    wal = path.with_name("t.db-wal")
    wal.write_bytes(b"")
    os.chown(wal, NOBODY, NOBODY)
    with pytest.raises(DatabaseError, match="belongs to another user"):
        open_database(str(path))


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_a_device_as_the_database_is_refused(device: str) -> None:
    with pytest.raises(DatabaseError, match="a device, not a regular file"):
        open_database(device)


def test_a_socket_as_the_database_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s.db"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(DatabaseError, match="a socket"):
            open_database(str(path))


# --- 4. JSON import: guarded before anything is written ----------------------------------------


def make_export(db: Database) -> str:
    """An export of a one-item plan; the database is left empty."""
    with db.session() as session:
        plan.add_item(session=session, author="T", client="Acme", title="Kept")
        text = export_json(session=session)
    with db.engine.begin() as conn:
        for table in TABLES:
            conn.exec_driver_sql(f"DELETE FROM {table}")
    return text


@pytest.fixture
def export(db: Database) -> str:
    return make_export(db)


def swap(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


BAD_EXPORTS = {
    "deep": (lambda t: "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "deep inside": (lambda t: t[:-2] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested"),
    "5000 digits": (lambda t: swap(t, '"position":0', '"position":' + "9" * 5000), "item[0].pos"),
    "id 2^63": (lambda t: swap(t, '{"id":1,', '{"id":9223372036854775808,'), "client[0].id"),
    "id 0": (lambda t: swap(t, '{"id":1,', '{"id":0,'), "client[0].id: 0 is out of range"),
    "id -1": (lambda t: swap(t, '{"id":1,', '{"id":-1,'), "client[0].id: -1 is out of range"),
    "link 2^63": (
        lambda t: swap(t, '"client_id":1', '"client_id":2' + "0" * 19),
        "client_id: 2000",
    ),
    "surrogate": (lambda t: swap(t, '"Kept"', '"\\ud800"'), "item[0].title: holds a lone"),
    "surrogate key": (lambda t: swap(t, '"title"', '"\\udfff"'), "item[0]"),
    "version": (lambda t: swap(t, '"version": 1', '"version": ' + "1" * 5000), "version"),
}


@pytest.mark.parametrize("case", sorted(BAD_EXPORTS))
def test_a_hostile_json_restore_is_one_line_and_writes_nothing(
    case: str, export: str, db: Database
) -> None:
    make, message = BAD_EXPORTS[case]
    text = make(export)
    with pytest.raises(Invalid) as caught:
        read_json(text)
    assert message in str(caught.value)
    assert len(str(caught.value)) < 200 and "\n" not in str(caught.value)
    with db.session() as session, pytest.raises(Invalid):
        restore_json(session=session, text=text)
    assert count(db) == 0
    with db.session() as session:
        restore_json(session=session, text=export)  # the good export still restores
    assert count(db) == 1


def test_numbers_past_what_postgresql_holds_are_refused_before_writing(pg_db: Database) -> None:
    text = swap(make_export(pg_db), '"position":0', '"position":2147483648')
    read_json(text)  # fine for SQLite
    with pg_db.session() as session, pytest.raises(Invalid, match=r"item\[0\].position: 2147"):
        restore_json(session=session, text=text)
    assert count(pg_db) == 0


def test_a_date_with_no_utc_form_is_refused(sqlite_db: Database) -> None:
    export = make_export(sqlite_db)
    moment = json.loads(export)["item"][0]["created_at"]
    text = swap(export, moment, "9999-12-31T23:59:59.000000-01:00")
    with pytest.raises(Invalid, match=r"\[0\]\.created_at: '9999-12-31T23.*out of range"):
        read_json(text)
