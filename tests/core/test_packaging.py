"""A built wheel carries the demo data and the migrations, and works outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support import ROOT


def pip(*args: str) -> None:
    """Run pip offline, in this interpreter; it must succeed."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built offline from this checkout (hatchling comes from the venv)."""
    out = tmp_path_factory.mktemp("wheel")
    pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(out), str(ROOT))
    [built] = out.glob("actionplan-*.whl")
    return built


@pytest.mark.slow
def test_wheel_carries_demo_data_and_migrations_but_no_database(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "actionplan/data/demo.toml",
        "actionplan/data/templates/new-client-onboarding.toml",
        "actionplan/data/templates/monthly-health-check.toml",
        "actionplan/migrations/env.py",
        "actionplan/migrations/script.py.mako",
    ):
        assert needed in names, needed
    assert any(
        n.startswith("actionplan/migrations/versions/0001_") and n.endswith(".py") for n in names
    )
    assert not [n for n in names if n.endswith((".db", ".db-wal", ".db-shm", ".sqlite"))]
    assert not [n for n in names if "__pycache__" in n or n.startswith("tests/")]


@pytest.mark.slow
def test_installed_wheel_loads_the_demo_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    pip("install", "--no-deps", "--no-index", "--target", str(target), str(wheel))
    code = (
        "import sys\n"
        "from datetime import date\n"
        "import actionplan\n"
        "from actionplan.db import open_database\n"
        "from actionplan.demo import load_demo\n"
        "from actionplan.resources import data_dir\n"
        f"db = open_database({str(tmp_path / 'demo.db')!r})\n"
        "with db.session() as session:\n"
        "    n = load_demo(session=session, today=date(2026, 11, 23))\n"
        "db.dispose()\n"
        "print(actionplan.__file__)\n"
        "print(data_dir())\n"
        "print(n)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    module_file, data, count = run.stdout.strip().splitlines()[-3:]
    assert module_file.startswith(str(target)), module_file
    assert data.startswith(str(target)), data
    assert int(count) > 0
