"""The user's settings file (TOML in the config directory), read on demand."""

from __future__ import annotations

import getpass
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from actionplan.config_summary import Branding, SectionError, Smtp, read_branding, read_smtp

CONFIG_ENV = "ACTIONPLAN_CONFIG"


@dataclass(frozen=True)
class Config:
    """Settings with their defaults; every one may be left out of the file."""

    name: str = ""
    """Who prepares summaries and is recorded as the author of changes."""
    day_first: bool = True
    """How to read 5/12: 5 December (day first) or 12 May."""
    keys: dict[str, str] = field(default_factory=dict)
    """Remapped key bindings, binding id -> keys."""
    workload_limit: int = 5
    """A week with more items than this stands out in an owner's workload."""
    internal_domains: tuple[str, ...] = ()
    """Our own domains: a host or address under them is internal (``[guard]``)."""
    guard_allow: tuple[str, ...] = ()
    """Terms the leak guard lets through for every client (``[guard] allow``)."""
    branding: Branding = field(default_factory=Branding)
    """How sent summaries present the account team (``[summary]``)."""
    smtp: Smtp = field(default_factory=Smtp)
    """Where e-mail drafts can be sent from (``[smtp]``); not set up by default."""

    @property
    def author(self) -> str:
        """The name recorded in history: the configured name, else the login name."""
        if self.name:
            return self.name
        try:
            return getpass.getuser()
        except (OSError, KeyError):
            return "unknown"


class ConfigError(ValueError):
    """The config file exists but cannot be read."""


def config_path() -> Path:
    """Where the config file lives (``ACTIONPLAN_CONFIG`` overrides)."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path("actionplan") / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file gives the defaults.

    Raises:
        ConfigError: when the file is not valid TOML or a setting has the wrong type.
    """
    path = path or config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from None
    name = raw.get("name", "")
    day_first = raw.get("day_first", True)
    keys = raw.get("keys", {})
    if not isinstance(name, str) or not isinstance(day_first, bool) or not isinstance(keys, dict):
        raise ConfigError(f"config {path}: name must be text, day_first true/false, [keys] a table")
    limit = raw.get("workload_limit", 5)
    if isinstance(limit, bool) or not isinstance(limit, int) or not 0 <= limit <= 10_000:
        raise ConfigError(f"config {path}: workload_limit must be a whole number from 0 to 10000")
    guard = raw.get("guard", {})
    domains: list[str] = guard.get("internal_domains", []) if isinstance(guard, dict) else []
    allow: list[str] = guard.get("allow", []) if isinstance(guard, dict) else []
    if not isinstance(guard, dict) or not _texts(domains) or not _texts(allow):
        raise ConfigError(
            f"config {path}: [guard] internal_domains and allow must be lists of text"
        )
    try:
        branding, smtp = read_branding(raw.get("summary")), read_smtp(raw.get("smtp"))
    except SectionError as exc:
        raise ConfigError(f"config {path}: {exc}") from None
    return Config(
        name=name.strip(),
        day_first=day_first,
        keys=_flatten(keys),
        workload_limit=limit,
        internal_domains=tuple(d.strip() for d in domains if d.strip()),
        guard_allow=tuple(a.strip() for a in allow if a.strip()),
        branding=branding,
        smtp=smtp,
    )


def _texts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _flatten(table: dict[str, object], prefix: str = "") -> dict[str, str]:
    """[keys] board.done = "x" (a nested table in TOML) and "board.done" = "x" mean the same."""
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat
