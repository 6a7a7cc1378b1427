"""The deny-list: phrases the guard always flags, shipped and the user's own, one a line."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from actionplan.resources import data_dir


def load_deny_list(extra: Path | None = None) -> list[str]:
    """The shipped deny-list plus the user's own file, if there is one."""
    return list(_read(data_dir() / "deny-list.txt")) + list(_read(extra) if extra else ())


@cache
def _read_cached(path: Path, mtime: float) -> tuple[str, ...]:
    phrases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            phrases.append(line)
    return tuple(phrases)


def _read(path: Path) -> tuple[str, ...]:
    try:
        return _read_cached(path, path.stat().st_mtime)
    except (OSError, UnicodeDecodeError):  # missing or unreadable: no phrases of its own
        return ()


def user_deny_list() -> Path:
    """Where a user keeps their own phrases (beside the config file)."""
    from actionplan.config import config_path

    return config_path().parent / "deny-list.txt"
