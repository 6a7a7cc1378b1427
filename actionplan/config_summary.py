"""The config's ``[summary]`` (branding of what is sent) and ``[smtp]`` (sending e-mail) tables.

::

    [summary]
    company = "Northwind IT"                       # in every header
    contact = "Sam Ito, Account manager, sam@northwind-it.example, +44 20 7946 0000"
    logo = "~/branding/logo.png"                   # a PNG or SVG file
    footer = "Northwind IT Ltd · Registered in England 01234567"
    paper = "A4"                                   # or "Letter"

    [smtp]
    host = "smtp.office365.com"
    port = 587
    starttls = true
    user = "sam@northwind-it.example"
    sender = "Sam Ito <sam@northwind-it.example>"  # From: (default: user)
    password_env = "ACTIONPLAN_SMTP_PASSWORD"      # the password is read from here, never stored
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAPERS = ("A4", "Letter")
PASSWORD_ENV = "ACTIONPLAN_SMTP_PASSWORD"


@dataclass(frozen=True)
class Branding:
    """How summaries (HTML, PDF, Word, e-mail) present the account team; all optional."""

    company: str = ""
    contact: str = ""
    """Name, role, e-mail and phone, in one line."""
    logo: Path | None = None
    footer: str = ""
    paper: str = "A4"


@dataclass(frozen=True)
class Smtp:
    """Where e-mail drafts can be sent from; ``host`` empty means sending is not set up."""

    host: str = ""
    port: int = 587
    starttls: bool = True
    user: str = ""
    sender: str = ""
    password_env: str = PASSWORD_ENV


class SectionError(ValueError):
    """A table of the config has a value of the wrong kind (the message names it)."""


def read_branding(raw: object) -> Branding:
    """The ``[summary]`` table.

    Raises:
        SectionError: for a value of the wrong type or an unknown paper size.
    """
    table = _table(raw, "summary")
    texts = {k: _text(table, "summary", k) for k in ("company", "contact", "logo", "footer")}
    paper = _text(table, "summary", "paper") or "A4"
    matched = [p for p in PAPERS if p.lower() == paper.lower()]
    if not matched:
        raise SectionError(f"[summary] paper must be A4 or Letter, not {paper!r}")
    logo = texts.pop("logo")
    return Branding(**texts, logo=Path(logo).expanduser() if logo else None, paper=matched[0])


def read_smtp(raw: object) -> Smtp:
    """The ``[smtp]`` table.

    Raises:
        SectionError: for a value of the wrong type, or a port out of range.
    """
    table = _table(raw, "smtp")
    port = table.get("port", 587)
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise SectionError("[smtp] port must be a whole number from 1 to 65535")
    starttls = table.get("starttls", True)
    if not isinstance(starttls, bool):
        raise SectionError("[smtp] starttls must be true or false")
    if "password" in table:
        raise SectionError(
            "[smtp] password is never kept in the config: put it in the environment "
            f"variable named by password_env (default {PASSWORD_ENV})"
        )
    return Smtp(
        host=_text(table, "smtp", "host"),
        port=port,
        starttls=starttls,
        user=_text(table, "smtp", "user"),
        sender=_text(table, "smtp", "sender"),
        password_env=_text(table, "smtp", "password_env") or PASSWORD_ENV,
    )


def _table(raw: object, name: str) -> dict[str, object]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise SectionError(f"[{name}] must be a table")
    return raw


def _text(table: dict[str, object], name: str, key: str) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise SectionError(f"[{name}] {key} must be text")
    return " ".join(value.split())
