"""The client and person names there are, to check a name a user typed: found, or the nearest.

A typo must never create a client or a person silently (issue 13). The command line asks
:func:`client_names` or :func:`person_names` whether a name exists, and if not, which existing
names to offer instead; the matching rule itself is :mod:`actionplan.names`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlmodel import Session, select

from actionplan.models import Client, Person
from actionplan.names import looks_like, nearest
from actionplan.text import quote, strip_controls

# How much of a name a message repeats, and how long the message may grow with suggestions
# (a command adds a few words of its own to it, and an error stays one terminal line).
_QUOTED = 40
_MESSAGE_MAX = 130


@dataclass(frozen=True, slots=True)
class Names:
    """The existing names of clients (or of people), the active ones apart from the archived."""

    active: tuple[str, ...]
    archived: tuple[str, ...] = ()
    _by_key: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[str, str] = {}
        for name in (*self.active, *self.archived):
            by_key.setdefault(key_of(name), name)
        object.__setattr__(self, "_by_key", by_key)

    def find(self, name: str) -> str | None:
        """The existing name equal to ``name`` but for case and spacing (as the plan finds a
        name when it adds an item), if there is one."""
        return self._by_key.get(key_of(name))

    def nearest(self, name: str, *, limit: int = 3) -> list[str]:
        """The names nearest to ``name``, best first (see :func:`actionplan.names.nearest`); of
        two equally near, the active one first. An archived name still shows when it is nearer:
        "did you mean" it is how the user learns that the client was archived."""
        return nearest(name, (*self.active, *self.archived), limit=limit)

    def alike(self, name: str) -> list[str]:
        """The names that look like ``name`` (:func:`actionplan.names.looks_like`), best first."""
        return _alike(name, (*self.active, *self.archived))


def key_of(name: str) -> str:
    """A name as the plan compares it: cleaned as it is stored, then lower-cased."""
    if not name.isprintable():  # (rare: the plan's names are clean already)
        name = strip_controls(name, keep_newlines=False)
    return " ".join(name.split()).lower()


def _alike(name: str, candidates: Iterable[str]) -> list[str]:
    """The candidates that look like ``name``, nearest first."""
    alike = [n for n in candidates if looks_like(name, n)]
    return nearest(name, alike, limit=len(alike))


def client_names(*, session: Session) -> Names:
    """Every client's name, active and archived, each by name."""
    return _names(session.exec(select(Client.name, Client.archived_at)).all())


def person_names(*, session: Session) -> Names:
    """Every person's name, active and archived, each by name."""
    return _names(session.exec(select(Person.name, Person.archived_at)).all())


def _names(rows: Iterable[tuple[str, object]]) -> Names:
    ordered = sorted(rows, key=lambda row: row[0].casefold())
    return Names(
        active=tuple(name for name, archived in ordered if archived is None),
        archived=tuple(name for name, archived in ordered if archived is not None),
    )


def no_client(*, session: Session, name: str) -> str:
    """Why ``name`` is refused as a client: ``no client named 'X'; did you mean 'Y'?``."""
    return unknown("client", name, client_names(session=session).nearest(name))


def no_person(*, session: Session, name: str) -> str:
    """Why ``name`` is refused as a person: ``no person named 'X'; did you mean 'Y'?``."""
    return unknown("person", name, person_names(session=session).nearest(name))


def unknown(what: str, name: str, near: list[str]) -> str:
    """``no client named 'X'``, and ``; did you mean 'Y' or 'Z'?`` when some name is near.

    Long names are cut, and the suggestions after the first dropped, to keep it one short line.
    """
    refusal = f"no {what} named {quote(name.strip(), _QUOTED)}"
    offered = [quote(n, _QUOTED) for n in near]
    while offered:
        listed = offered[0] if len(offered) == 1 else f"{', '.join(offered[:-1])} or {offered[-1]}"
        message = f"{refusal}; did you mean {listed}?"
        if len(message) <= _MESSAGE_MAX or len(offered) == 1:
            return message
        offered.pop()
    return refusal


def new_names(named: Iterable[tuple[int, str]], known: Names) -> dict[str, int]:
    """The names not yet known (case and spacing aside), each with the line that first names it.

    Args:
        named: (line, name) pairs, in the order of the file.
        known: the names there are.
    """
    new: dict[str, tuple[str, int]] = {}
    seen: set[str] = set()  # a 50,000-row file names its few clients again and again
    for line, name in named:
        if name in seen:
            continue
        seen.add(name)
        key = key_of(name)
        if key not in new and known.find(name) is None:
            new[key] = (name, line)
    return dict(new.values())


@dataclass(frozen=True, slots=True)
class Stray:
    """A new name that may be a typo: of a known name, or of a new one named on an earlier line."""

    line: int
    name: str
    why: str
    """E.g. ``looks like existing client 'Northwind Traders'``."""

    def __str__(self) -> str:
        return f"line {self.line}: {quote(self.name, _QUOTED)} {self.why}"


def strays(new: dict[str, int], known: Names, what: str) -> list[Stray]:
    """The new names that look like a known one, or like a new one named on an earlier line.

    Args:
        new: new names and the line that first names each (see :func:`new_names`).
        known: the names there are.
        what: "client" or "person", for the message.

    Returns:
        One per suspicious name, in line order; each reads ``line N: 'X' looks like existing
        client 'Y'`` (or ``... looks like new client 'Y' on line M``).
    """
    found: list[Stray] = []
    earlier: list[str] = []
    for name, line in sorted(new.items(), key=lambda pair: pair[1]):
        alike = known.alike(name)
        twins = _alike(name, earlier)
        if alike:
            found.append(
                Stray(line, name, f"looks like existing {what} {quote(alike[0], _QUOTED)}")
            )
        elif twins:
            why = f"looks like new {what} {quote(twins[0], _QUOTED)} on line {new[twins[0]]}"
            found.append(Stray(line, name, why))
        earlier.append(name)
    return found
