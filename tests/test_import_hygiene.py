"""The core and the command line never import Textual; `actionplan --help` loads no database stack.

Each import runs in a fresh interpreter, so what another test imported cannot hide a leak.
"""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

CORE_MODULES = [
    "actionplan.models",
    "actionplan.db",
    "actionplan.changes",
    "actionplan.plan",
    "actionplan.dates",
    "actionplan.queries",
    "actionplan.text",
    "actionplan.clock",
    "actionplan.config",
    "actionplan.history",
    "actionplan.changes_since",
    "actionplan.demo",
    "actionplan.resources",
    "actionplan.interchange.csv_io",
    "actionplan.interchange.json_io",
    "actionplan.interchange.ics",
    "actionplan.templates",
    "actionplan.summary.compare",
    "actionplan.agenda",
    "actionplan.workload",
    "actionplan.triage",
    "actionplan.plan.recurrence",
    "actionplan.recurring",
    "actionplan.cli",
    "actionplan.cli.items",
    "actionplan.cli.transfer",
    "actionplan.cli.views",
    "actionplan.cli.templates",
    "actionplan.cli.triage",
    "actionplan.cli.recurring",
]


def loaded_after_import(module: str, prefixes: set[str]) -> list[str]:
    """Modules under the given top-level packages that importing ``module`` loads."""
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        f"wanted = {sorted(prefixes)!r}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in wanted))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module: str) -> None:
    assert loaded_after_import(module, {"textual"}) == []


def test_cli_entry_point_loads_no_database_stack() -> None:
    heavy = {"textual", "sqlalchemy", "sqlmodel", "alembic"}
    assert loaded_after_import("actionplan.cli", heavy) == []
