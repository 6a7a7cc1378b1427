"""A form as a TOML file to fill (``health blank``); a filled one read back (``health fill``)."""

from __future__ import annotations

import math
import tomllib
from typing import Any

from actionplan.health.form import Field, Form
from actionplan.health.values import BadValue, Value

INTERNAL_MARK = "# for us: never printed"


def blank(form: Form, values: dict[str, Value] | None = None) -> str:
    """Every key of the form, each under a comment with its label, type and range or choices.

    Args:
        form: The form.
        values: Values to write in (a check to edit); blanks ("" or []) otherwise.
    """
    values = values or {}
    lines = [
        f"# {form.title} ({form.key})",
        f"# fill in, then: actionplan health fill CLIENT --form {form.key} --from FILE",
        '# a blank ("" or []) prints as N/A',
    ]
    for section in form.sections:
        lines += ["", f"# --- {section.title} ---"]
        for field in section.fields:
            lines.append(_comment(field))
            if field.internal:
                lines.append(INTERNAL_MARK)
            lines.append(f"{field.key} = {toml_value(field, values.get(field.key))}")
    return "\n".join(lines) + "\n"


def _comment(field: Field) -> str:
    kind = field.kind + (f" in {field.unit}" if field.unit else "")
    need = "required" if field.required else "optional"
    marks = [f"{name} {t:g}" for name, t in _thresholds(field) if t is not None]
    extra = f"; {', '.join(marks)}" if marks else ""
    helped = f" ({field.help})" if field.help else ""
    return f"# {field.label}{helped}: {kind}, {need}: {field.allowed()}{extra}"


def _thresholds(field: Field) -> list[tuple[str, float | None]]:
    return [
        ("amber below", field.amber_below),
        ("red below", field.red_below),
        ("amber above", field.amber_above),
        ("red above", field.red_above),
    ]


def toml_value(field: Field, value: Value) -> str:
    """A value as TOML writes it (a blank as ``""`` or ``[]``)."""
    if field.kind == "list":
        return "[" + ", ".join(toml_string(e) for e in (value or [])) + "]"  # type: ignore[union-attr]
    if value is None:
        return '""'
    if isinstance(value, bool):
        raise TypeError("a check holds no true/false")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else '""'
    return toml_string(str(value))


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def read_filled(text: str, *, name: str = "values") -> dict[str, Any]:
    """The key = value pairs of a filled skeleton.

    Raises:
        BadValue: not TOML, or a section where only values belong.
    """
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadValue(f"{name}: not valid TOML: {exc}") from None
    for key, value in raw.items():
        if isinstance(value, dict):
            raise BadValue(f"{name}: [{key}] is a table; a check file holds key = value lines")
    return raw
