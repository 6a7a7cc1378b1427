"""The leak guard: client-facing text checked for things that sound internal, before it leaves.

It looks for phrases from an editable deny-list, ticket-like ids (ABC-123), web addresses, and
the names of people on our side, in every title, note and owner the client would read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from actionplan.resources import data_dir
from actionplan.summary.model import Line, Summary

TICKET = re.compile(r"\b[A-Z][A-Z0-9]{1,9}-\d{1,7}\b")
# Standards and encodings that look like ticket ids but are ordinary words to a client.
NOT_TICKETS = {
    "UTF",
    "SHA",
    "ISO",
    "IEC",
    "RFC",
    "MD",
    "EN",
    "BS",
    "PCI",
    "NIST",
    "SP",
    "TLS",
    "WPA",
    "AES",
    "RSA",
    "COVID",
    "IPV",
    "CVE",
}
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')]*[^\s<>\"').,;:!?]", re.IGNORECASE)


@dataclass(frozen=True)
class Hit:
    """One thing that sounds internal: where, what matched, and which rule."""

    item: str
    where: str
    found: str
    rule: str

    def __str__(self) -> str:
        return f"{self.item!r} ({self.where}): {self.rule} {self.found!r}"


def load_deny_list(extra: Path | None = None) -> list[str]:
    """The shipped deny-list plus the user's own file, if there is one."""
    phrases: list[str] = []
    for path in (data_dir() / "deny-list.txt", extra):
        if path is None or not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                phrases.append(line)
    return phrases


def user_deny_list() -> Path:
    """Where a user keeps their own phrases (beside the config file)."""
    from actionplan.config import config_path

    return config_path().parent / "deny-list.txt"


def check(summary: Summary, *, phrases: list[str], internal_names: list[str]) -> list[Hit]:
    """Every hit in the text a client would read, in summary order."""
    patterns = [
        (re.compile(rf"(?<!\w){re.escape(p)}(?!\w)", re.IGNORECASE), "phrase") for p in phrases
    ]
    patterns += [
        (re.compile(rf"(?<!\w){re.escape(n)}(?!\w)", re.IGNORECASE), "internal name")
        for n in internal_names
        if len(n.strip()) >= 3
    ]
    hits: list[Hit] = []
    seen: set[tuple[str, str, str]] = set()
    for line, where, text in _texts(summary):
        found = [(m.group(0), rule) for pattern, rule in patterns for m in pattern.finditer(text)]
        found += [
            (m.group(0), "ticket id")
            for m in TICKET.finditer(text)
            if m.group(0).split("-")[0] not in NOT_TICKETS
        ]
        found += [(m.group(0), "web address") for m in URL.finditer(text)]
        for match, rule in found:
            key = (line.title, where, match.lower())
            if key not in seen:
                seen.add(key)
                hits.append(Hit(line.title, where, match, rule))
    return hits


def _texts(summary: Summary) -> list[tuple[Line, str, str]]:
    lines = {
        ln.key: ln
        for ln in [*summary.plan, *summary.done, *summary.new, *(m.line for m in summary.moved)]
    }
    out = []
    for line in lines.values():
        out += [(line, "title", line.title), (line, "owner", line.owner)]
        if line.note:
            out.append((line, "client note", line.note))
    return out
