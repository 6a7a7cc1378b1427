"""Each numeric field of a client's checks over time, with a text sparkline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from actionplan.health.form import Form

BARS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class Series:
    """One numeric field's values, oldest first (None where a check left it blank)."""

    key: str
    label: str
    unit: str
    values: tuple[int | float | None, ...]


def series(form: Form, checks: Sequence[Mapping[str, object]]) -> list[Series]:
    """Every numeric, client-facing field of ``form`` over ``checks`` (oldest first)."""
    out = []
    for field in form.fields:
        if not field.numeric or field.internal:
            continue
        values: list[int | float | None] = []
        for check in checks:
            value = check.get(field.key)
            number = isinstance(value, int | float) and not isinstance(value, bool)
            values.append(value if number and isinstance(value, int | float) else None)
        unit = "%" if field.kind == "percent" else field.unit
        out.append(Series(field.key, field.label, unit, tuple(values)))
    return out


def sparkline(values: tuple[int | float | None, ...]) -> str:
    """One bar per value, low to high across the values there are; a blank is a space."""
    known = [v for v in values if v is not None]
    if not known:
        return " " * len(values)
    low, high = min(known), max(known)
    span = high - low
    bars = []
    for v in values:
        if v is None:
            bars.append(" ")
        elif span == 0:
            bars.append(BARS[len(BARS) // 2])
        else:
            bars.append(BARS[round((v - low) / span * (len(BARS) - 1))])
    return "".join(bars)
