"""CSV import (validated whole, all or nothing) and export (formula cells neutralised)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from actionplan.dates import DateError, parse_optional_date
from actionplan.models import Status, Visibility
from actionplan.plan import Invalid, NewItem, new_item
from actionplan.plan.recurrence import parse_repeat, short_repeat
from actionplan.rows import ItemRow
from actionplan.text import quote

# The contract's columns, in order (PRODUCT.md); the extras carry what the contract leaves out,
# so an internal-only item never comes back client-visible after a round trip.
COLUMNS = "client title status owner due committed must client_note internal_note escalated".split()  # noqa: SIM905
EXTRA_COLUMNS = [
    "visibility",
    "waiting_on",
    "escalation_reason",
    "repeat",
    "repeat_from",
    "health_form",
    # The ids of the items this one is blocked by, space-separated: for reading only. The
    # file holds no ids of its own, so import accepts the column and ignores it.
    "blocked_by",
]
_TRUE = {"yes", "true", "1", "y"}
_FALSE = {"no", "false", "0", "n", ""}
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix a formula-looking cell with ' so a spreadsheet shows it as text.

    Cells that already start with quotes before a formula character get one more, so
    :func:`unneutralise` gives back exactly the original.
    """
    if cell.lstrip("'").startswith(_FORMULA_START):
        return "'" + cell
    return cell


def unneutralise(cell: str) -> str:
    """Undo :func:`neutralise`."""
    if cell.startswith("'") and cell.lstrip("'").startswith(_FORMULA_START):
        return cell[1:]
    return cell


def csv_record(row: ItemRow) -> dict[str, Any]:
    """The contract's fields of one listed item (see queries.list_items), typed for JSON."""
    return {
        "client": row["client"],
        "title": row["title"],
        "status": _value(row["status"]),
        "owner": row["owner"],
        "due": row["due"].isoformat() if row["due"] else None,
        "committed": row["committed"].isoformat() if row["committed"] else None,
        "must": bool(row["must"]),
        "client_note": row["client_note"],
        "internal_note": row["internal_note"],
        "escalated": bool(row["escalated"]),
    }


def _value(enum_or_str: Any) -> Any:
    return getattr(enum_or_str, "value", enum_or_str)


def write_csv(rows: list[ItemRow], blockers: Mapping[int, Sequence[int]] | None = None) -> str:
    """Listed items as CSV text: the contract's columns, then the extras.

    Args:
        blockers: the ids each item is blocked by (see ``plan.dependencies.blockers_of``).
    """
    blockers = blockers or {}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS + EXTRA_COLUMNS)
    for row in rows:
        rec = csv_record(row)
        cells = [
            *(rec[c] for c in COLUMNS),
            _value(row["visibility"]),
            _value(row["waiting_on"]) or "",
            row["escalation_reason"],
            short_repeat(row["repeat_every"], row["repeat_unit"]),
            _value(row["repeat_from"]) or "",
            row["health_form"] or "",
            " ".join(str(b) for b in blockers.get(row["id"], ())),
        ]
        writer.writerow([neutralise(_cell(c)) for c in cells])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@dataclass
class CsvImport:
    """What a CSV file holds: the items to add, or the reasons it cannot be imported."""

    items: list[NewItem] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    """The line each item starts on, for a report about it (``line N: ...``)."""


def read_csv(text: str, *, today: date, day_first: bool = True) -> CsvImport:
    """Validate every row of a CSV file; errors read ``line N: reason``.

    Args:
        text: the file's text (already decoded).
        today: what relative dates such as ``fri`` count from.
        day_first: how to read 5/12.
    """
    result = CsvImport()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        result.errors.append("line 1: the file is empty (expected a header row)")
        return result
    except csv.Error as exc:
        result.errors.append(f"line 1: {exc}")
        return result
    problem = _check_header(header)
    if problem:
        result.errors.append(f"line 1: {problem}")
        return result
    line = reader.line_num
    while True:
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.errors.append(f"line {start}: {exc}")
            break
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            result.errors.append(
                f"line {start}: {len(cells)} cells, but the header has {len(header)}"
            )
            continue
        try:
            result.items.append(_item(dict(zip(header, cells, strict=True)), today, day_first))
            result.lines.append(start)
        except (Invalid, DateError) as exc:
            result.errors.append(f"line {start}: {exc}")
    return result


def _check_header(header: list[str]) -> str | None:
    known = set(COLUMNS) | set(EXTRA_COLUMNS)
    unknown = [h for h in header if h not in known]
    if unknown:
        columns = ", ".join(COLUMNS + EXTRA_COLUMNS)
        return f"unknown column {quote(unknown[0], 40)} (columns: {columns})"
    if len(set(header)) != len(header):
        return "a column appears twice"
    missing = [c for c in ("client", "title") if c not in header]
    if missing:
        return f"missing column {quote(missing[0])}"
    return None


def _item(cells: dict[str, str], today: date, day_first: bool) -> NewItem:
    raw = {k: unneutralise(v) for k, v in cells.items()}
    escalated = _flag(raw.get("escalated", ""), "escalated")
    reason = raw.get("escalation_reason", "").strip()
    if escalated and not reason:
        reason = "escalated (imported)"
    status = raw.get("status", "").strip() or Status.PLANNED
    repeat = parse_repeat(raw.get("repeat"))
    return new_item(
        client=raw["client"],
        title=raw["title"],
        status=status,
        owner=raw.get("owner") or None,
        due=_date(raw.get("due"), "due", today, day_first),
        committed=_date(raw.get("committed"), "committed", today, day_first),
        must=_flag(raw.get("must", "yes") or "yes", "must"),
        client_note=raw.get("client_note", ""),
        internal_note=raw.get("internal_note", ""),
        escalated=escalated,
        escalation_reason=reason if escalated else "",
        visibility=raw.get("visibility", "").strip() or Visibility.CLIENT,
        waiting_on=raw.get("waiting_on", "").strip() or None,
        repeat_every=repeat.every if repeat else None,
        repeat_unit=repeat.unit if repeat else None,
        repeat_from=(raw.get("repeat_from", "").strip() or None) if repeat else None,
        health_form=raw.get("health_form") or None,
    )


def _flag(value: str, name: str) -> bool:
    text = value.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise Invalid(f"{name} {value[:20]!r} is not yes/no/true/false/1/0")


def _date(value: str | None, name: str, today: date, day_first: bool) -> date | None:
    try:
        return parse_optional_date(value, today=today, day_first=day_first)
    except DateError as exc:
        raise Invalid(f"{name}: {exc}") from None
