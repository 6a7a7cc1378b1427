"""A check's values: each checked against its field (from TOML or typed text), as one line
naming the field and what it takes when it is wrong.

A value is kept as JSON holds it: text and choices as text, numbers as numbers, yes/no/n/a
as those words, dates as ISO text (2026-11-20), lists as lists of text; a blank is None
(an empty list for a list).
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from actionplan.health.form import YESNO, Field, Form, number_text
from actionplan.plan.errors import Invalid
from actionplan.text import NOTE_MAX, TITLE_MAX, TextError, clean_line, quote

Value = str | int | float | list[str] | None
MAX_ENTRIES = 100
_NUMBER_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)", re.ASCII)
_YES = {"yes": "yes", "y": "yes", "true": "yes", "no": "no", "n": "no", "false": "no"}
_NA = {"n/a", "na", "not applicable", "-"}


class BadValue(Invalid):
    """A value a field cannot take; the message is one line naming the field."""


def check_value(field: Field, raw: Any, *, today: date | None = None) -> Value:
    """The value ``raw`` as ``field`` keeps it.

    Args:
        field: The form's field.
        raw: From TOML (text, number, true/false, a date, a list) or typed text.
        today: What relative dates ("yesterday", "fri") count from (default: only full dates).

    Raises:
        BadValue: one line, e.g. ``uptime_percent: 100.5 is out of range 0–100``.
    """
    if field.kind == "list":
        value: Value = _entries(field, raw)
        blank = not value
    else:
        if isinstance(raw, str):
            raw = raw.strip()
        blank = raw is None or raw == ""
        value = None if blank else _one(field, raw, today)
        if value == "":
            value, blank = None, True  # only spaces or control characters
    if blank and field.required:
        raise BadValue(f"{field.key}: required ({field.allowed()})")
    return value


def check_values(form: Form, raw: dict[str, Any], *, today: date | None = None) -> dict[str, Value]:
    """Every field's value, in the form's order; a key the form lacks is refused.

    Raises:
        BadValue: the first bad value, one line (nothing is kept of the others).
    """
    from actionplan.names import nearest

    keys = [f.key for f in form.fields]
    for key in raw:
        if key not in keys:
            near = nearest(str(key), keys, limit=1)
            hint = f"; did you mean {quote(near[0])}?" if near else ""
            raise BadValue(f"{quote(str(key), 40)}: not a field of {form.key}{hint}")
    return {f.key: check_value(f, raw.get(f.key), today=today) for f in form.fields}


def _one(field: Field, raw: Any, today: date | None) -> Value:
    kind = field.kind
    if kind in ("number", "percent"):
        return _number(field, raw)
    if kind == "yesno":
        return _yesno(field, raw)
    if kind == "date":
        return _date(field, raw, today)
    if not isinstance(raw, str):
        raise BadValue(f"{field.key}: {_shown(raw)} is not {field.allowed()}")
    if kind == "choice":
        for choice in field.choices:
            if raw.lower() == choice.lower():
                return choice
        raise BadValue(f"{field.key}: {quote(raw, 40)} is not {field.allowed()}")
    return _line(field, raw, NOTE_MAX if field.internal else TITLE_MAX * 5)


def _number(field: Field, raw: Any) -> int | float:
    value: int | float
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise BadValue(f"{field.key}: {_shown(raw)} is not {field.allowed()}")
    if isinstance(raw, str):
        text = raw.removesuffix("%").strip() if field.kind == "percent" else raw
        text = text.replace(",", "")
        if not _NUMBER_RE.fullmatch(text):
            raise BadValue(f"{field.key}: {quote(raw, 40)} is not {field.allowed()}")
        value = float(text) if "." in text else int(text)
    else:
        value = raw
    if isinstance(value, float):
        if not math.isfinite(value):
            raise BadValue(f"{field.key}: {_shown(raw)} is not {field.allowed()}")
        if value.is_integer() and abs(value) < 2**53:
            value = int(value)
    if abs(value) > 1e15:
        raise BadValue(f"{field.key}: {_shown(raw)} is too large")
    low, high = field.bounds
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            limits = f"out of range {number_text(low)}–{number_text(high)}"
        elif low is not None:
            limits = f"below the least, {number_text(low)}"
        else:
            limits = f"above the most, {number_text(high or 0)}"
        raise BadValue(f"{field.key}: {number_text(value)} is {limits}")
    return value


def _yesno(field: Field, raw: Any) -> str:
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    if isinstance(raw, str):
        word = raw.lower()
        if word in _YES:
            return _YES[word]
        if word in _NA:
            return "n/a"
    raise BadValue(f"{field.key}: {_shown(raw)} is not {' / '.join(YESNO)}")


def _date(field: Field, raw: Any, today: date | None) -> str:
    if isinstance(raw, datetime):
        raw = raw.date()
    from actionplan.dates import DateError, check_range, parse_date

    if not isinstance(raw, date | str):
        raise BadValue(f"{field.key}: {_shown(raw)} is not {field.allowed()}")
    try:
        if isinstance(raw, date):
            return check_range(raw).isoformat()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw, re.ASCII):
            return check_range(date.fromisoformat(raw)).isoformat()
        if today is None:
            raise DateError(f"{quote(raw, 40)} is not a date like 2026-11-20")
        return check_range(parse_date(raw, today=today)).isoformat()
    except DateError as exc:
        raise BadValue(f"{field.key}: {exc}") from None
    except ValueError:  # an ISO date that is no day (2026-02-30)
        raise BadValue(f"{field.key}: no such date {quote(raw, 40)}") from None


def _entries(field: Field, raw: Any) -> list[str]:
    if raw is None or raw == "":
        return []
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(e, str) for e in raw):
        raise BadValue(f"{field.key}: not {field.allowed()}")
    entries = [_line(field, e, TITLE_MAX * 5) for e in raw]
    entries = [e for e in entries if e]
    if len(entries) > MAX_ENTRIES:
        raise BadValue(f"{field.key}: {len(entries)} entries; at most {MAX_ENTRIES}")
    return entries


def _line(field: Field, raw: str, max_len: int) -> str:
    try:
        return clean_line(raw, field=field.key, max_len=max_len)
    except TextError as exc:
        raise BadValue(str(exc)) from None


def _shown(raw: Any) -> str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, str):
        return quote(raw, 40)
    return quote(str(raw), 40)
