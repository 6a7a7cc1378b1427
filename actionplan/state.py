"""Small things remembered between runs on this machine: the client each database showed last."""

from __future__ import annotations

import json
import os
from pathlib import Path


def _state_file() -> Path:
    from platformdirs import user_state_path

    return user_state_path("actionplan") / "state.json"


def _load() -> dict[str, str]:
    try:
        data = json.loads(_state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def last_client(database: str) -> str | None:
    """The client last shown for this database (its display name), if any."""
    return _load().get(database)


def remember_client(database: str, client: str | None) -> None:
    """Note the client shown for this database; failures are ignored (it is only a nicety)."""
    data = _load()
    if client is None:
        data.pop(database, None)
    else:
        data[database] = client
    path = _state_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
