"""Output files from the command line: never over the live database, never half-written, a
backup complete or absent."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from actionplan.cli import main
from actionplan.db import Database, open_database
from actionplan.queries import list_items
from tests.support import Cli, fill_disk_half_way

TITLES = {"Renew licence", "Patch servers"}


@pytest.fixture
def plan(sqlite_db: Database) -> Path:
    """The live SQLite file, holding two items."""
    path = Path(str(sqlite_db.url.database))
    for title, client in (("Renew licence", "Acme"), ("Patch servers", "Acme")):
        assert main(["--db", str(path), "add", title, "--client", client, "--new-client"]) == 0
    return path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], plan: Path) -> Cli:
    return Cli(capsys, str(plan))


def titles_in(path: Path) -> set[str]:
    db = open_database(str(path))
    try:
        with db.session() as session:
            return {row["title"] for row in list_items(session=session)}
    finally:
        db.dispose()


def leftovers(*folders: Path) -> list[str]:
    return [p.name for folder in folders for p in folder.iterdir() if ".tmp" in p.name]


@contextmanager
def fifo_reader(path: Path) -> Iterator[list[bytes]]:
    """A FIFO at ``path`` read to the end by a thread; the bytes land in the yielded list."""
    os.mkfifo(path)
    got: list[bytes] = []
    thread = threading.Thread(target=lambda: got.append(path.read_bytes()), daemon=True)
    thread.start()
    try:
        yield got
    finally:
        # If nobody wrote, open the write end once so the reader sees the end and stops.
        for _ in range(100):
            thread.join(timeout=0.1)
            if not thread.is_alive():
                break
            with suppress(OSError):  # ENXIO until the reader has the FIFO open
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        assert not thread.is_alive()


COMMANDS = {
    "backup": ("backup",),
    "summary": ("summary", "Acme"),
    "export": ("export", "--format", "csv"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("alias", ["plain", "symlink", "hardlink", "wal", "journal"])
def test_output_onto_the_live_database_is_refused(
    run, plan: Path, tmp_path: Path, command: str, alias: str
) -> None:
    before = plan.read_bytes()
    target = {
        "plain": plan,
        "symlink": tmp_path / "link.db",
        "hardlink": tmp_path / "hard.db",
        "wal": plan.with_name(f"{plan.name}-wal"),
        "journal": plan.with_name(f"{plan.name}-journal"),
    }[alias]
    if alias == "symlink":
        target.symlink_to(plan)
    elif alias == "hardlink":
        os.link(plan, target)
    wal_before = target.read_bytes() if alias == "wal" and target.exists() else None
    run(*COMMANDS[command], "-o", str(target)).one_line_error("live database")
    assert plan.read_bytes() == before
    assert titles_in(plan) == TITLES
    if alias == "wal" and wal_before is not None:
        assert target.read_bytes() == wal_before
    if alias == "journal":
        assert not target.exists()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("command", ["export", "summary"])
def test_a_read_only_target_is_refused_and_unchanged(run, tmp_path: Path, command: str) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"keep me")
    target.chmod(0o444)
    run(*COMMANDS[command], "-o", str(target)).one_line_error("read-only")
    assert target.read_bytes() == b"keep me"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


@pytest.mark.parametrize("command", ["export", "summary"])
def test_a_fifo_is_written_straight(run, tmp_path: Path, command: str) -> None:
    expected = run(*COMMANDS[command]).out.encode("utf-8")
    pipe = tmp_path / "pipe"
    with fifo_reader(pipe) as got:
        result = run(*COMMANDS[command], "-o", str(pipe))
    assert result.code == 0, result.err
    assert got == [expected]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert leftovers(tmp_path) == []


def test_a_sqlite_backup_to_a_fifo_is_refused(run, plan: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    with fifo_reader(pipe) as got:
        run("backup", "-o", str(pipe)).one_line_error("pipe")
    assert got == [b""]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert titles_in(plan) == TITLES


@pytest.mark.parametrize("command", ["export", "summary"])
def test_a_folder_target_is_refused_without_leftovers(run, tmp_path: Path, command: str) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    run(*COMMANDS[command], "-o", str(folder)).one_line_error("is a folder")
    assert leftovers(folder, tmp_path) == []


def test_a_missing_folder_is_named(run, tmp_path: Path) -> None:
    run("export", "-o", str(tmp_path / "nope" / "out.json")).one_line_error("no folder")


@pytest.mark.parametrize("existing", [None, b"the old export"])
def test_a_full_disk_leaves_no_temp_and_no_partial_target(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bytes | None
) -> None:
    target = tmp_path / "out.json"
    if existing is not None:
        target.write_bytes(existing)
    fill_disk_half_way(monkeypatch)
    run("export", "-o", str(target)).one_line_error("No space left on device")
    monkeypatch.undo()
    assert (target.read_bytes() if target.exists() else None) == existing
    assert leftovers(tmp_path) == []


def over_a_0644_file(run: Cli, target: Path, old: bytes, *command: str) -> None:
    """``command -o target`` over an existing 0644 file: done, the file 0600, no temp left."""
    target.write_bytes(old)
    target.chmod(0o644)
    assert run(*command, "-o", str(target)).code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(target.parent) == []


def test_an_existing_0644_target_ends_0600(run, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    over_a_0644_file(run, target, b"old", "export")
    assert b"Renew licence" in target.read_bytes()


# --- backup: complete or absent ------------------------------------------------------------------


def test_a_backup_is_private_and_complete(run, tmp_path: Path) -> None:
    dest = tmp_path / "copy.db"
    over_a_0644_file(run, dest, b"an older backup", "backup")
    assert titles_in(dest) == TITLES


@pytest.mark.parametrize("existing", [None, b"an older backup"])
@pytest.mark.parametrize("failure", ["disk", "interrupt"])
def test_a_backup_failing_midway_leaves_no_partial_file(
    run,
    plan: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    existing: bytes | None,
    failure: str,
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    dest = folder / "copy.db"
    if existing is not None:
        dest.write_bytes(existing)
    real_connect = sqlite3.connect

    def connect(database, *args, **kwargs):
        if str(database).endswith(".tmp"):
            # Half a copy reaches the temp file, then the disk fills (or Ctrl-C arrives).
            Path(database).write_bytes(plan.read_bytes()[:4096])
            if failure == "interrupt":
                raise KeyboardInterrupt
            raise sqlite3.OperationalError("disk I/O error")
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    result = run("backup", "-o", str(dest))
    monkeypatch.undo()
    result.one_line_error("interrupted" if failure == "interrupt" else "disk I/O error")
    assert (dest.read_bytes() if dest.exists() else None) == existing
    assert leftovers(folder, tmp_path) == []
    assert titles_in(plan) == TITLES
