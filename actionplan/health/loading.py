"""Reading a form file: TOML checked field by field, any error one line with file and line.

A form file::

    title = "Monthly IT health check"
    key = "monthly-it-health-check"      # optional: the file's name otherwise
    description = "..."                  # optional

    [[sections]]
    title = "Availability"

    [[sections.fields]]
    key = "uptime_percent"               # lower case letters, digits and _; unique in the form
    label = "Uptime this period"
    type = "percent"                     # text, number, percent, yesno, date, choice, list
    required = false                     # default false: a blank prints as N/A
    amber_below = 99.5                   # thresholds (number, percent): amber_/red_ below/above
    red_below = 98
    # number only: unit = "GB", min = 0, max = 100; choice only: choices = ["a", "b"]
    # internal = true: for us, never printed in a document
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from actionplan.health.form import (
    KINDS,
    NUMERIC,
    RECOMMENDATIONS,
    Field,
    Form,
    FormError,
    Section,
)
from actionplan.resources import read_text

MAX_FILE_BYTES = 256 * 1024
MAX_FIELDS = 200
_KEY_RE = re.compile(r"[a-z][a-z0-9_]{0,39}", re.ASCII)
_FORM_KEY_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,59}", re.ASCII)
_TOML_LINE = re.compile(r"at line (\d+)")
_THRESHOLDS = ("amber_below", "red_below", "amber_above", "red_above")
_TOP = {"title": str, "key": str, "description": str, "sections": list}
_SECTION = {"title": str, "fields": list}
_FIELD: dict[str, type | tuple[type, ...]] = {
    "key": str,
    "label": str,
    "type": str,
    "required": bool,
    "internal": bool,
    "unit": str,
    "min": (int, float),
    "max": (int, float),
    "choices": list,
    "help": str,
    **dict.fromkeys(_THRESHOLDS, (int, float)),
}


def load_form(path: Path, *, own: bool = False) -> Form:
    """Read and check a form file.

    Raises:
        FormError: one line naming the file, the line and (when there is one) the field.
    """
    text = read_text(path, limit=MAX_FILE_BYTES, what="a form", label=path.name, error=FormError)
    return parse_form(text, path=path, own=own)


def parse_form(text: str, *, path: Path, own: bool = False) -> Form:
    """Check a form's TOML text (see the module docstring).

    Raises:
        FormError: one line naming the file, the line and the field.
    """
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        line = found[1] if found else str(text.count("\n") + 1)
        reason = _TOML_LINE.sub("", str(exc)).replace("(, column", "(column").strip()
        raise FormError(f"{path.name}:{line}: not valid TOML: {reason}") from None
    return _Reader(text, path).form(raw, own)


class _Reader:
    """Checks one file's parsed TOML, finding in its text the line each error is about."""

    def __init__(self, text: str, path: Path) -> None:
        self.lines = text.splitlines()
        self.path = path

    def fail(self, message: str, *, field: str | None = None, near: str | None = None) -> None:
        line = self.line_of(field, near)
        where = f"field {field!r}: " if field else ""
        raise FormError(f"{self.path.name}:{line}: {where}{message}")

    def line_of(self, field: str | None, near: str | None) -> int:
        """The line of ``key = "field"`` (then of the setting ``near`` after it), else 1."""
        start = 0
        if field is not None:
            pattern = re.compile(rf"""^\s*key\s*=\s*["']{re.escape(field)}["']""")
            start = next((i for i, ln in enumerate(self.lines) if pattern.match(ln)), -1)
            if start < 0:
                return 1
        if near is not None:
            setting = re.compile(rf"^\s*{re.escape(near)}\s*=")
            for i in range(start, len(self.lines)):
                if field is not None and i > start and self.lines[i].lstrip().startswith("["):
                    break
                if setting.match(self.lines[i]):
                    return i + 1
        return start + 1

    def keys(self, table: dict[str, Any], allowed: dict[str, Any], field: str | None) -> None:
        for name, value in table.items():
            kind = allowed.get(name)
            if kind is None:
                known = ", ".join(allowed)
                self.fail(f"unknown setting {name!r} (known: {known})", field=field, near=name)
            elif not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
                wanted = {str: "text in quotes", bool: "true or false", list: "a list"}
                self.fail(f"{name} must be {wanted.get(kind, 'a number')}", field=field, near=name)

    def form(self, raw: dict[str, Any], own: bool) -> Form:
        self.keys(raw, _TOP, None)
        title = " ".join(raw.get("title", "").split())
        if not title:
            self.fail('no title (title = "...")')
        key = raw.get("key", self.path.stem).strip().lower()
        if not _FORM_KEY_RE.fullmatch(key):
            self.fail(f"key {key[:40]!r} is not lower case letters, digits, - and _", near="key")
        sections, seen = [], set[str]()
        for number, section in enumerate(raw.get("sections", []), start=1):
            if not isinstance(section, dict):
                self.fail(f"section {number} must be a table ([[sections]])", near="sections")
            self.keys(section, _SECTION, None)
            fields = tuple(self.field(f, seen) for f in section.get("fields", []))
            heading = " ".join(section.get("title", "").split())
            if not heading:
                self.fail(f'section {number} has no title (title = "...")', near="[[sections]]")
            sections.append(Section(heading, fields))
        if not seen:
            self.fail("no fields (add [[sections]] with [[sections.fields]])")
        if len(seen) > MAX_FIELDS:
            self.fail(f"{len(seen)} fields; a form holds at most {MAX_FIELDS}")
        description = " ".join(raw.get("description", "").split())
        return Form(key, title, description, tuple(sections), self.path, own)

    def field(self, raw: Any, seen: set[str]) -> Field:
        if not isinstance(raw, dict):
            self.fail("a field must be a table ([[sections.fields]])", near="fields")
        key = raw.get("key")
        if not isinstance(key, str) or not key.strip():
            self.fail('a field has no key (key = "...")', near="[[sections.fields]]")
        if not _KEY_RE.fullmatch(key):
            self.fail("key is not lower case letters, digits and _ (at most 40)", field=key)
        if key in seen:
            self.fail("the form has this key twice", field=key)
        seen.add(key)
        self.keys(raw, _FIELD, key)
        kind = raw.get("type", "")
        if kind not in KINDS:
            self.fail(f"type {kind!r} is not one of {', '.join(KINDS)}", field=key, near="type")
        label = " ".join(raw.get("label", "").split())
        if not label:
            self.fail('no label (label = "...")', field=key)
        self.limits(raw, key, kind)
        return Field(
            key=key,
            label=label,
            kind=kind,
            required=raw.get("required", False),
            internal=raw.get("internal", False),
            unit=raw.get("unit", "").strip(),
            low=raw.get("min"),
            high=raw.get("max"),
            choices=tuple(raw.get("choices", ())),
            help=" ".join(raw.get("help", "").split()),
            **{name: raw.get(name) for name in _THRESHOLDS},
        )

    def limits(self, raw: dict[str, Any], key: str, kind: str) -> None:
        only: dict[str, tuple[str, ...]] = {
            "unit": ("number",),
            "min": ("number",),
            "max": ("number",),
            "choices": ("choice",),
        }
        only.update(dict.fromkeys(_THRESHOLDS, NUMERIC))
        for name, kinds in only.items():
            if name in raw and kind not in kinds:
                self.fail(f"{name} is for {' and '.join(kinds)} fields", field=key, near=name)
        low, high = raw.get("min"), raw.get("max")
        if low is not None and high is not None and low > high:
            self.fail(f"min {low} is above max {high}", field=key, near="min")
        if kind == "choice":
            choices = raw.get("choices", [])
            if not choices or not all(isinstance(c, str) and c.strip() for c in choices):
                self.fail("choices must be a list of words in quotes", field=key, near="choices")
            if len({c.strip().lower() for c in choices}) != len(choices):
                self.fail("choices has one twice", field=key, near="choices")
        if raw.get("internal") and raw.get("required"):
            self.fail("an internal field cannot be required", field=key, near="internal")
        if key == RECOMMENDATIONS and (kind != "list" or raw.get("internal")):
            # Its entries become client-visible plan items with one key.
            self.fail(
                "recommendations become plan items the client sees: a list, not internal",
                field=key,
                near="internal" if raw.get("internal") else "type",
            )
        self.thresholds(raw, key)

    def thresholds(self, raw: dict[str, Any], key: str) -> None:
        """Red lies beyond amber: below it for the _below pair, above it for the _above."""
        for low, high in (("red_below", "amber_below"), ("amber_above", "red_above")):
            if raw.get(low) is not None and raw.get(high) is not None and raw[low] > raw[high]:
                self.fail(f"{low} {raw[low]} is above {high} {raw[high]}", field=key, near=low)
