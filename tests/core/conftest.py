"""Fixtures of the core's tests."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from actionplan.db import Database, open_database


@pytest.fixture
def new_sqlite(sqlite_template: Path) -> Iterator[Callable[[], Database]]:
    """Makes as many fresh SQLite databases as a test needs; all closed at the end."""
    with tempfile.TemporaryDirectory() as folder:
        made: list[Database] = []

        def make() -> Database:
            path = Path(folder) / f"plan{len(made)}.db"
            shutil.copy(sqlite_template, path)
            made.append(open_database(str(path)))
            return made[-1]

        yield make
        for db in made:
            db.dispose()
