"""Safe output files: never half-written, never overwritten, safe names for the app's exports
(through the command line: tests/cli/test_outfile.py)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from actionplan import outfile
from actionplan.outfile import OutputError, safe_stem, unique_path, write_file, write_new
from tests.support import fill_disk_half_way


def test_write_file_refuses_a_protected_name_that_does_not_exist_yet(tmp_path: Path) -> None:
    live = tmp_path / "plan.db-wal"
    with pytest.raises(OutputError, match="live database"):
        write_file(tmp_path / "." / "plan.db-wal", b"x", protect=[live])
    assert not live.exists()


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
    fill_disk_half_way(monkeypatch)
    with pytest.raises(OutputError, match="No space left on device"):
        write_new(tmp_path, "Acme", ".md", b"x" * 10_000)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []
