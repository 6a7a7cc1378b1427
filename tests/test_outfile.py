"""Safe output files: never over the live database, never half-written, never overwritten."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest

from actionplan import outfile
from actionplan.cli import main
from actionplan.db import Database, open_database
from actionplan.outfile import OutputError, safe_stem, unique_path, write_file, write_new
from actionplan.queries import list_items

TITLES = {"Renew licence", "Patch servers"}


@dataclass
class Run:
    code: int
    out: str
    err: str

    def one_line_error(self, *fragments: str) -> str:
        assert self.code == 1, (self.code, self.out, self.err)
        lines = self.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("actionplan: "), lines
        for fragment in fragments:
            assert fragment in lines[0], lines[0]
        return lines[0]


@pytest.fixture
def plan(sqlite_db: Database) -> Path:
    """The live SQLite file, holding two items."""
    path = Path(str(sqlite_db.url.database))
    for title, client in (("Renew licence", "Acme"), ("Patch servers", "Acme")):
        assert main(["--db", str(path), "add", title, "--client", client]) == 0
    return path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], plan: Path):
    def call(*args: str) -> Run:
        capsys.readouterr()
        code = main(["--db", str(plan), *args])
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return call


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


def test_write_file_refuses_a_protected_name_that_does_not_exist_yet(tmp_path: Path) -> None:
    live = tmp_path / "plan.db-wal"
    with pytest.raises(OutputError, match="live database"):
        write_file(tmp_path / "." / "plan.db-wal", b"x", protect=[live])
    assert not live.exists()


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


def _fail_after_half(monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write

    def write(fd: int, data) -> int:
        if fd <= 2:
            return real_write(fd, data)
        real_write(fd, bytes(data[: max(1, len(data) // 2)]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", write)


@pytest.mark.parametrize("existing", [None, b"the old export"])
def test_a_full_disk_leaves_no_temp_and_no_partial_target(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bytes | None
) -> None:
    target = tmp_path / "out.json"
    if existing is not None:
        target.write_bytes(existing)
    _fail_after_half(monkeypatch)
    run("export", "-o", str(target)).one_line_error("No space left on device")
    monkeypatch.undo()
    assert (target.read_bytes() if target.exists() else None) == existing
    assert leftovers(tmp_path) == []


def test_an_existing_0644_target_ends_0600(run, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    target.chmod(0o644)
    assert run("export", "-o", str(target)).code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert b"Renew licence" in target.read_bytes()
    assert leftovers(tmp_path) == []


def test_write_file_without_overwrite_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_bytes(b"first")
    with pytest.raises(OutputError, match="already exists"):
        write_file(target, b"second", overwrite=False)
    assert target.read_bytes() == b"first"
    assert write_file(tmp_path / "b.md", b"new", overwrite=False) == tmp_path / "b.md"


def test_write_file_refuses_a_socket(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(OutputError, match="not a regular file"):
            write_file(path, b"x")
    assert stat.S_ISSOCK(path.stat().st_mode)


def test_an_interrupt_while_writing_removes_the_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int, data) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(outfile, "_write_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(tmp_path / "out.md", b"data")
    assert list(tmp_path.iterdir()) == []


# --- names for the app's exports ------------------------------------------------------------- ----


def test_safe_stem_keeps_distinctions_and_drops_path_tricks() -> None:
    assert safe_stem("Acme (UK)") == "Acme (UK)"
    assert safe_stem("Acme [UK]") == "Acme [UK]"
    assert safe_stem("Smith & Sons, Ltd. + Co_-x") == "Smith & Sons, Ltd. + Co_-x"
    assert safe_stem("Łódź Café") == "Łódź Café"
    assert safe_stem("../etc/passwd") == "_etc_passwd"
    assert safe_stem('a\\b:c*d?e"f<g>h|i') == "a_b_c_d_e_f_g_h_i"
    assert safe_stem("tab\there\nnew\u202eline") == "tab_here_new_line"
    assert safe_stem(" .hidden") == "hidden"
    assert safe_stem("") == safe_stem("...") == "client"
    assert len(safe_stem("x" * 300)) == 80


def test_unique_path_never_names_an_existing_file(tmp_path: Path) -> None:
    assert unique_path(tmp_path, "Acme", ".md") == tmp_path / "Acme.md"
    (tmp_path / "Acme.md").touch()
    assert unique_path(tmp_path, "Acme", "md") == tmp_path / "Acme (2).md"
    (tmp_path / "Acme (2).md").touch()
    assert unique_path(tmp_path, "Acme", ".md") == tmp_path / "Acme (3).md"


def test_write_new_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "exports" / "2026-11-23"
    first = write_new(folder, safe_stem("Acme (UK)"), ".md", b"one")
    second = write_new(folder, safe_stem("Acme [UK]"), ".md", b"two")
    third = write_new(folder, safe_stem("Acme (UK)"), ".md", b"three")
    assert [first.name, second.name, third.name] == [
        "Acme (UK).md",
        "Acme [UK].md",
        "Acme (UK) (2).md",
    ]
    assert [p.read_bytes() for p in (first, second, third)] == [b"one", b"two", b"three"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in (first, second, third))


def test_write_new_takes_the_next_name_when_it_loses_a_race(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = outfile.unique_path
    raced: list[Path] = []

    def racing(folder: Path, stem: str, suffix: str) -> Path:
        path = real(folder, stem, suffix)
        if not raced:  # another process creates the name just after we picked it
            path.write_bytes(b"theirs")
            raced.append(path)
        return path

    monkeypatch.setattr(outfile, "unique_path", racing)
    path = write_new(tmp_path, "Acme", ".md", b"ours")
    assert raced[0].read_bytes() == b"theirs"
    assert path.name == "Acme (2).md" and path.read_bytes() == b"ours"


def test_write_new_on_a_full_disk_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_after_half(monkeypatch)
    with pytest.raises(OutputError, match="No space left on device"):
        write_new(tmp_path, "Acme", ".md", b"x" * 10_000)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


# --- backup: complete or absent ------------------------------------------------------------------


def test_a_backup_is_private_and_complete(run, tmp_path: Path) -> None:
    dest = tmp_path / "copy.db"
    dest.write_bytes(b"an older backup")
    dest.chmod(0o644)
    assert run("backup", "-o", str(dest)).code == 0
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert titles_in(dest) == TITLES
    assert leftovers(tmp_path) == []


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
