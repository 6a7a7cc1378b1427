"""What a health-check form is: sections of typed fields, some with ranges and thresholds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from actionplan.plan.errors import Invalid

KINDS = ("text", "number", "percent", "yesno", "date", "choice", "list")
NUMERIC = ("number", "percent")
YESNO = ("yes", "no", "n/a")


class FormError(Invalid):
    """A form file that cannot be used: one line, ``file:line: field 'key': what is wrong``."""


RECOMMENDATIONS = "recommendations"
"""The key of the list field a form keeps its recommendations in: each can become a plan item
the client sees, so the field is never internal (the loader refuses it)."""


@dataclass(frozen=True, slots=True)
class Field:
    """One thing a check records: its key (in files and JSON), label, type and limits."""

    key: str
    label: str
    kind: str
    required: bool = False
    internal: bool = False
    unit: str = ""
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    amber_below: float | None = None
    red_below: float | None = None
    amber_above: float | None = None
    red_above: float | None = None
    help: str = ""

    @property
    def numeric(self) -> bool:
        """Whether the field holds a number (a number or a percentage)."""
        return self.kind in NUMERIC

    @property
    def bounds(self) -> tuple[float | None, float | None]:
        """The allowed range: a percentage is always 0 to 100."""
        return (0, 100) if self.kind == "percent" else (self.low, self.high)

    def colour(self, value: object) -> str | None:
        """ "red" or "amber" when a number crosses a threshold, else None."""
        if not self.numeric or not isinstance(value, int | float):
            return None
        if _below(value, self.red_below) or _above(value, self.red_above):
            return "red"
        if _below(value, self.amber_below) or _above(value, self.amber_above):
            return "amber"
        return None

    def allowed(self) -> str:
        """What the field takes, in a few words (for errors and the blank skeleton)."""
        if self.kind == "choice":
            return "one of " + ", ".join(self.choices)
        if self.kind == "yesno":
            return "yes, no or n/a"
        if self.kind == "date":
            return "a date, e.g. 2026-11-20"
        if self.kind == "list":
            return 'a list of entries, e.g. ["first", "second"]'
        if self.numeric:
            low, high = self.bounds
            if low is not None and high is not None:
                return f"a number {_num(low)}–{_num(high)}"
            if low is not None:
                return f"a number, at least {_num(low)}"
            if high is not None:
                return f"a number, at most {_num(high)}"
            return "a number"
        return "text (one line)"


@dataclass(frozen=True, slots=True)
class Section:
    """A heading of the form and the fields under it."""

    title: str
    fields: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class Form:
    """A checked form, ready to fill."""

    key: str
    title: str
    description: str
    sections: tuple[Section, ...]
    path: Path
    own: bool = False

    @property
    def fields(self) -> tuple[Field, ...]:
        """Every field, in the form's order."""
        return tuple(f for s in self.sections for f in s.fields)

    def field(self, key: str) -> Field | None:
        """The field with this key, if the form has one."""
        return next((f for f in self.fields if f.key == key), None)


def _below(value: float, limit: float | None) -> bool:
    return limit is not None and value < limit


def _above(value: float, limit: float | None) -> bool:
    return limit is not None and value > limit


def _num(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    # At most six decimals: 99.30000000000001 (a sum's rounding error) reads 99.3.
    return f"{value:.6f}".rstrip("0").rstrip(".")


def number_text(value: float) -> str:
    """A number as people write it: 98 rather than 98.0, 99.3 rather than 99.30000000000001."""
    return _num(value)
