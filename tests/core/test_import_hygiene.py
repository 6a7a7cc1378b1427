"""The core and the command line never import Textual; `actionplan --help` loads no database stack.

Imports run in a fresh interpreter, so what another test imported cannot hide a leak. (The
same layers are checked statically by ``lint-imports``: see pyproject.toml.)
"""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.support import ROOT

PACKAGE = ROOT / "actionplan"


def core_modules() -> list[str]:
    """Every module of the package outside ``actionplan.tui``, found on disk (no list to keep)."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if "tui" in parts or "migrations" in parts or parts[-1] == "__main__":
            continue  # (migrations are loaded by Alembic, by path; __main__ runs the app)
        out.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return out


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


def test_nothing_outside_the_tui_package_imports_textual() -> None:
    """Every core module imported in turn, in one fresh interpreter: Textual (or the tui
    package) never loads; the first module that would load it is named."""
    modules = core_modules()
    assert len(modules) > 60 and "actionplan.summary.outgoing" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    bad = [m for m in sys.modules if m == 'textual' or m.startswith('actionplan.tui')]\n"
        "    if bad:\n"
        "        print(name, 'loads', sorted(bad)[:3])\n"
        "        sys.exit(1)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_cli_entry_point_loads_no_database_stack() -> None:
    heavy = {"textual", "sqlalchemy", "sqlmodel", "alembic"}
    assert loaded_after_import("actionplan.cli", heavy) == []
