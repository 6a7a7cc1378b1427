"""A summary's health: green, amber or red from what the client can see, and the trend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actionplan.summary.model import Line, Summary

LEVELS = ("green", "amber", "red")


@dataclass(frozen=True)
class Health:
    """Green, amber or red, with the one-line reason and the trend since last time."""

    level: str
    reason: str
    trend: str | None = None


def computed_health(lines: list[Line], today: date, previous: Summary | None) -> Health:
    """Green, amber or red from what the client can see on the plan, and why, in their words.

    Only client-visible facts count: must-dos a week or more late make it red; anything
    overdue, or moved past the date we gave, makes it amber. Our own flags (escalation) neither
    colour it nor appear in the reason: the client cannot see them.
    """
    late_must = [ln for ln in lines if ln.must and ln.due and (today - ln.due).days >= 7]
    overdue = [ln for ln in lines if ln.due and ln.due < today]
    slipped = [ln for ln in lines if ln.due and ln.committed and ln.due > ln.committed]
    parts = []
    if late_must:
        parts.append(_count(len(late_must), "must-do item") + " a week or more late")
    elif overdue:
        parts.append(_count(len(overdue), "item") + " overdue")
    if slipped:
        parts.append(_count(len(slipped), "item") + " moved past the date we gave")
    level = "red" if late_must else "amber" if parts else "green"
    return Health(level, "; ".join(parts) or "everything is on track", trend(level, previous))


def trend(level: str, previous: Summary | None) -> str | None:
    if previous is None:
        return None
    before = LEVELS.index(previous.health.level)
    now = LEVELS.index(level)
    if now < before:
        return f"better than last time ({previous.health.level})"
    if now > before:
        return f"worse than last time ({previous.health.level})"
    return "same as last time"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
