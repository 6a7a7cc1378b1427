"""What changed between two saved snapshots of a client's summary, from the older to the newer.

Only the snapshots' saved models are read, and those were built from client-safe fields when
they were saved, so a comparison can say nothing internal either.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Protocol, TypeVar

from actionplan.summary.model import LEVELS, Health, Line, Moved, Summary
from actionplan.summary.words import NONE, changes, long_day


class SavedSnapshot(Protocol):
    """What a comparison needs of a stored snapshot (``models.Snapshot`` has it)."""

    id: int | None
    created_at: datetime
    model_json: str


S = TypeVar("S", bound=SavedSnapshot)


@dataclass(frozen=True)
class StatusChange:
    """An item listed in both snapshots whose status reads differently now."""

    line: Line
    was: str


@dataclass(frozen=True)
class Comparison:
    """The changes from an older snapshot to a newer one, section by section."""

    client: str
    older: date
    newer: date
    health_then: Health
    health_now: Health
    done: list[Line] = field(default_factory=list)
    new: list[Line] = field(default_factory=list)
    moved: list[Moved] = field(default_factory=list)
    status: list[StatusChange] = field(default_factory=list)
    gone: list[Line] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        """True when no item changed (health may still read differently)."""
        return not (self.done or self.new or self.moved or self.status or self.gone)


def compare(older: Summary, newer: Summary) -> Comparison:
    """What changed from ``older`` to ``newer``.

    Done: finished in the newer snapshot and not already reported done in the older one. New:
    in the newer plan and nowhere in the older snapshot. Dates moved and status changes: open in
    both. No longer listed: in the older plan but nowhere in the newer snapshot (finished and
    reported before it, taken off the plan, or made internal).

    Args:
        older: the earlier snapshot's model.
        newer: the later snapshot's model.
    """
    open_before = {ln.key: ln for ln in older.plan}
    done_before = {ln.key: ln for ln in older.done}
    listed_after = {ln.key for ln in [*newer.plan, *newer.done]}
    done = [ln for ln in newer.done if ln.key not in done_before]
    new = [ln for ln in newer.plan if ln.key not in open_before and ln.key not in done_before]
    moved = [
        Moved(ln, open_before[ln.key].due)
        for ln in newer.plan
        if ln.key in open_before and open_before[ln.key].due != ln.due
    ]
    before = {**done_before, **open_before}
    status = [
        StatusChange(ln, before[ln.key].status)
        for ln in newer.plan
        if ln.key in before and before[ln.key].status != ln.status
    ]
    gone = [ln for ln in older.plan if ln.key not in listed_after]
    return Comparison(
        client=newer.client,
        older=older.day,
        newer=newer.day,
        health_then=older.health,
        health_now=newer.health,
        done=sorted(done, key=_by_title),
        new=sorted(new, key=_plan_order),
        moved=sorted(moved, key=lambda m: _plan_order(m.line)),
        status=sorted(status, key=lambda s: _plan_order(s.line)),
        gone=sorted(gone, key=_by_title),
    )


def _by_title(line: Line) -> str:
    return line.title.lower()


def _plan_order(line: Line) -> tuple[bool, date, str]:
    return (not line.must, line.due or date.max, line.title.lower())


def health_trend(c: Comparison) -> str:
    """ "better", "worse" or "the same", from the older snapshot's health to the newer's."""
    then, now = LEVELS.index(c.health_then.level), LEVELS.index(c.health_now.level)
    return "better" if now < then else "worse" if now > then else "the same"


def sections(c: Comparison) -> list[tuple[str, list[str]]]:
    """The comparison as (heading, lines); an empty section has no lines (show "None")."""

    def health(h: Health) -> str:
        return f"{h.level.capitalize()}: {h.reason}"

    out = [
        (
            f"Health ({health_trend(c)})",
            [f"then {health(c.health_then)}", f"now {health(c.health_now)}"],
        ),
        *changes(c.done, c.new, c.moved, c.newer),
        ("Status changed", [f"{s.line.title}: was {s.was}, now {s.line.status}" for s in c.status]),
        ("No longer listed", [ln.title for ln in c.gone]),
    ]
    return out


def title(c: Comparison, labels: tuple[str, str] | None = None) -> str:
    """ "Acme: what changed from Mon 23 Nov 2026 to Wed 25 Nov 2026" (or from the labels)."""
    older, newer = labels or (long_day(c.older), long_day(c.newer))
    return f"{c.client}: what changed from {older} to {newer}"


def render_comparison(c: Comparison, labels: tuple[str, str] | None = None) -> str:
    """The comparison as plain text: a title, then each section with its items as bullets.

    Args:
        c: the comparison.
        labels: how to name the older and newer snapshot (default: their days).
    """
    out = [title(c, labels), ""]
    for heading, lines in sections(c):
        out += [heading, *([f"- {line}" for line in lines] or [NONE]), ""]
    return "\n".join(out).rstrip() + "\n"


def read_model(snapshot: SavedSnapshot) -> Summary:
    """A stored snapshot's summary model.

    Raises:
        Invalid: when the stored model cannot be read (written by something else).
    """
    from actionplan.plan.errors import Invalid

    try:
        data: Any = json.loads(snapshot.model_json)
        summary = Summary.from_json(data)
        if summary.health.level not in LEVELS:
            raise ValueError(f"health {summary.health.level!r}")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise Invalid(f"snapshot {snapshot.id} cannot be read ({type(exc).__name__})") from None
    return summary


def pick(found: Sequence[S], snapshot_id: int, client: str) -> S:
    """The snapshot with this id among a client's snapshots.

    Raises:
        NotFound: when the client has no snapshot with that id.
    """
    from actionplan.plan.errors import NotFound

    for snapshot in found:
        if snapshot.id == snapshot_id:
            return snapshot
    raise NotFound(f"{client} has no snapshot {snapshot_id}")


def in_order(a: S, b: S) -> tuple[S, S]:
    """Two snapshots, the one saved first first (ids break a tie)."""
    return (a, b) if (a.created_at, a.id or 0) <= (b.created_at, b.id or 0) else (b, a)


def saved_at(snapshot: SavedSnapshot) -> str:
    """When a snapshot was saved, in UTC as the database keeps it: "2026-11-23 09:00 UTC"."""
    moment = snapshot.created_at
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{moment:%Y-%m-%d %H:%M} UTC"
