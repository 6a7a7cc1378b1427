"""The real ``python -m actionplan`` in a process of its own (slow): exit codes, no traceback, and
no heavy module imported for --help or list."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import run_actionplan

HEAVY = ("textual", "sqlalchemy", "sqlmodel", "alembic")


def imported_top_modules(importtime_stderr: str) -> set[str]:
    """Top-level packages named in ``python -X importtime`` output."""
    names = set()
    for line in importtime_stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


@pytest.mark.slow
def test_help_in_a_process_exits_0_without_heavy_imports() -> None:
    result = run_actionplan("--help", python_args=("-X", "importtime"))
    assert result.returncode == 0
    assert "usage: actionplan" in result.stdout
    loaded = imported_top_modules(result.stderr)
    assert "actionplan" in loaded
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


@pytest.mark.slow
def test_main_help_loads_no_heavy_module() -> None:
    code = (
        "import sys\n"
        "from actionplan.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        f"heavy = {set(HEAVY)!r}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.slow
def test_list_in_a_process_does_not_load_textual(tmp_path: Path) -> None:
    result = run_actionplan(
        "--db", str(tmp_path / "p.db"), "list", python_args=("-X", "importtime")
    )
    assert result.returncode == 0, result.stderr
    assert "no items match" in result.stdout
    assert "textual" not in imported_top_modules(result.stderr)


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["add", "Renew", "--client", "Acme", "--due", "soon"],
        ["--db", "postgresql+psycopg://u:pw@localhost:notaport/x", "list"],
    ],
)
def test_a_user_mistake_in_a_process_is_exit_1_without_traceback(args: list[str]) -> None:
    result = run_actionplan(*args)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("actionplan: ")


@pytest.mark.slow
def test_a_usage_error_in_a_process_is_exit_2() -> None:
    result = run_actionplan("add", "Renew")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--client" in result.stderr
