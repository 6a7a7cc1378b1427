"""A --db that is no usable database (a bad URL, a text file, a folder, a path that cannot be
created, a corrupt file, a server out of reach): one line, the password never shown."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support import Cli


@pytest.mark.parametrize(
    "url",
    [
        "nosuch://host/db",
        "postgresql+psycopg://u:pw@localhost:notaport/x",
        "://",
    ],
)
def test_an_unusable_database_url_is_one_line(bare: Cli, url: str) -> None:
    bare("--db", url, "list").one_line_error()


def test_a_text_file_as_database_is_refused(bare: Cli, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my shopping list\n", encoding="utf-8")
    bare("--db", str(notes), "add", "x", "--client", "A").one_line_error(
        "not an actionplan database"
    )
    assert notes.read_text(encoding="utf-8") == "my shopping list\n"


def test_a_folder_as_database_is_refused(bare: Cli, tmp_path: Path) -> None:
    bare("--db", str(tmp_path), "list").one_line_error("folder")


def test_a_database_that_cannot_be_created_is_one_line(bare: Cli, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # Root ignores folder permissions; a path under a regular file cannot be created by anyone.
        blocker = tmp_path / "a-file"
        blocker.write_text("", encoding="utf-8")
        path = blocker / "plan.db"
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        path = folder / "plan.db"
    line = bare("--db", str(path), "add", "x", "--client", "A").one_line_error(str(path))
    assert line.startswith("actionplan: cannot")
    assert not path.exists()


def test_a_corrupt_sqlite_file_is_one_line(bare: Cli, tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    bare("--db", str(path), "list").one_line_error()


def test_an_unreachable_server_message_hides_the_password(bare: Cli) -> None:
    result = bare("--db", "postgresql+psycopg://u:SECRETPW@127.0.0.1:1/x", "list")
    result.one_line_error()
    assert "SECRETPW" not in result.err + result.out
