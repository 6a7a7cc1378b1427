"""The full JSON export and its exact restore: every table, every column, ids kept."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, col

from actionplan.dbschema import SCHEMA_HEAD
from actionplan.models import TABLES, Client, Operation, value_type
from actionplan.plan import Invalid, restore_rows
from actionplan.text import quote, strip_controls

FORMAT = "actionplan-export"
# Text the app never stores empty.
_REQUIRED_TEXT = {"title", "name", "author"}
VERSION = 1
# Added after the first exports: an export without them restores as if they were empty.
_LATER_TABLES = {"reviewed", "record_change", "health_check", "dependency"}
_LATER_COLUMNS = {
    "client": "guard_allow archived_at vendor_names next_call headline intro health health_reason",
    "snapshot": "format recipients",
    "person": "client_id company role email phone note status_recipient archived_at",
    "item": "health_form from_check",
}
"""Columns added after the first exports (space-separated): missing, they take the default."""
INT_MAX = 2**63 - 1
"""The largest integer SQLite stores; PostgreSQL's integer columns stop at 2**31 - 1."""
PG_INT_MAX = 2**31 - 1
_MAX_DIGITS = 20  # more digits than any integer a column can hold: not even converted


def _table(model: type[SQLModel]) -> sa.Table:
    return model.__table__  # type: ignore[attr-defined,no-any-return]


def export_json(*, session: Session, client: str | None = None) -> str:
    """The whole plan (or one client's part of it) as JSON text, one row per line.

    The output depends only on the data, so export → restore → export is byte-identical,
    on SQLite and on PostgreSQL alike.

    Raises:
        Invalid: when ``client`` names no client.
    """
    selected = _selection(session, client)
    # SQLite can write the rows' JSON itself, several times faster than Python; a whole-plan
    # export there takes that path. tests/core/test_interchange_json_properties.py holds both
    # paths to one output.
    native = client is None and session.get_bind().dialect.name == "sqlite"
    parts = [f'{{"format": "{FORMAT}", "version": {VERSION}, "schema": "{SCHEMA_HEAD}"']
    for model in TABLES:
        table = _table(model)
        stmt = sa.select(table).order_by(table.c.id)
        condition = selected.get(table.name)
        if condition is not None:
            stmt = stmt.where(condition)
        if native:
            lines = list(session.scalars(stmt.with_only_columns(_sqlite_json(table))))
        else:
            rows = _raw_rows(session, stmt, table)
            if model is Operation and client is not None:
                rows = _drop_outside_links(rows, table)
            lines = list(map(_row_formatter(table), rows))
        body = ",\n".join(lines)
        parts.append(f',\n"{table.name}": [\n{body}\n]' if lines else f',\n"{table.name}": []')
    parts.append("}\n")
    return "".join(parts)


def _sqlite_json(table: sa.Table) -> sa.ColumnElement[str]:
    """SQLite's json_object() for a row, in exactly the form _row_formatter writes."""
    args: list[Any] = []
    for column in table.columns:
        kind = _kind(column)
        value: Any = sa.type_coerce(column, sa.String)
        if kind is bool:
            value = sa.func.json(sa.case((column, "true"), else_="false"))
        elif kind is datetime:
            # SQLAlchemy stores "2026-11-23 09:19:57.726849" (UTC) in SQLite.
            value = sa.func.replace(value, " ", "T").concat("+00:00")
        args += [sa.literal(column.name), value]
    return sa.type_coerce(sa.func.json_object(*args), sa.String)


def _raw_rows(session: Session, stmt: sa.Select[Any], table: sa.Table) -> list[list[Any]]:
    """Rows as the database driver gives them: no Python objects built only to be printed."""
    raw = [sa.type_coerce(c, sa.String) if _kind(c) is not str else c for c in table.columns]
    return [list(row) for row in session.execute(stmt.with_only_columns(*raw))]


def _kind(column: sa.Column[Any]) -> type:
    kind = value_type(column)
    return str if issubclass(kind, Enum) else kind


def _row_formatter(table: sa.Table) -> Callable[[Sequence[Any]], str]:
    """Write a row as a JSON object, its columns in table order, one writer per column type."""
    from json.encoder import encode_basestring  # the C version where there is one

    writers: dict[type, Callable[[Any], str]] = {
        str: encode_basestring,
        int: str,
        bool: lambda v: "true" if v else "false",  # SQLite gives 1 and 0
        datetime: lambda v: f'"{_moment(v)}"',
        date: lambda v: f'"{v if isinstance(v, str) else v.isoformat()}"',
    }
    cells = [(f"{encode_basestring(c.name)}:", writers[_kind(c)]) for c in table.columns]

    def write(row: Sequence[Any]) -> str:
        return (
            "{"
            + ",".join(
                [
                    name + ("null" if value is None else write_value(value))
                    for (name, write_value), value in zip(cells, row, strict=True)
                ]
            )
            + "}"
        )

    return write


def _moment(value: Any) -> str:
    """A stored time as ISO 8601 in UTC, always with microseconds (one form on every backend)."""
    if isinstance(value, str):  # SQLite: "2026-11-23 09:19:57.726849", already UTC
        if len(value) == 26 and value[10] == " ":
            return f"{value[:10]}T{value[11:]}+00:00"
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def _selection(session: Session, client: str | None) -> dict[str, Any]:
    if client is None:
        return {}
    row = session.execute(
        sa.select(col(Client.id)).where(sa.func.lower(Client.name) == client.strip().lower())
    ).first()
    if row is None:
        raise Invalid(f"no client named {client!r}")
    cid = row[0]
    tables = {_table(model).name: _table(model) for model in TABLES}
    item, history, op, person = (tables[n] for n in ("item", "history", "operation", "person"))
    items_of_client = sa.select(item.c.id).where(item.c.client_id == cid)
    ops = sa.select(history.c.op_id).where(history.c.item_id.in_(items_of_client))
    return {
        "client": tables["client"].c.id == cid,
        # The owners of its items and its own contacts.
        "person": sa.or_(
            person.c.id.in_(sa.select(item.c.owner_id).where(item.c.client_id == cid)),
            person.c.client_id == cid,
        ),
        "operation": op.c.id.in_(ops),
        "item": item.c.client_id == cid,
        "history": history.c.item_id.in_(items_of_client),
        # A dependency belongs to the client of the item it blocks (both are that client's).
        "dependency": tables["dependency"].c.item_id.in_(items_of_client),
        "record_change": tables["record_change"].c.op_id.in_(ops),
        "snapshot": tables["snapshot"].c.client_id == cid,
        "reviewed": tables["reviewed"].c.client_id == cid,
        "health_check": tables["health_check"].c.client_id == cid,
    }


def _drop_outside_links(rows: list[list[Any]], table: sa.Table) -> list[list[Any]]:
    # One client's export keeps only its operations; an undo link to another client's
    # operation would dangle, so it is dropped.
    names = [c.name for c in table.columns]
    ids = {row[names.index("id")] for row in rows}
    links = [names.index("undoes_id"), names.index("undone_by_id")]
    for row in rows:
        for i in links:
            if row[i] not in ids:
                row[i] = None
    return rows


# --- restore -----------------------------------------------------------------------------------


class _HugeNumber:
    """A JSON integer too long to be converted (Python refuses beyond 4,300 digits)."""

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"a {len(self.digits)}-digit number"


def _parse_int(digits: str) -> int | _HugeNumber:
    return int(digits) if len(digits.lstrip("-")) <= _MAX_DIGITS else _HugeNumber(digits)


def read_json(text: str, *, int_max: int = INT_MAX) -> dict[str, list[dict[str, Any]]]:
    """Parse and check an export; every problem is one line naming the table, row and column.

    Nothing here can fail on odd input with anything but :class:`Invalid`: nesting too deep,
    numbers too long or out of range, text that is not valid Unicode.

    Args:
        text: the export.
        int_max: the largest integer the target database's columns hold.

    Raises:
        Invalid: for anything that is not a complete, well-typed actionplan export.
    """
    try:
        data = json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise Invalid(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise Invalid("not an actionplan JSON export (brackets nested too deeply)") from None
    except ValueError as exc:
        raise Invalid(f"not valid JSON ({quote(exc)})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Invalid('not an actionplan JSON export (no "format": "actionplan-export")')
    version = data.get("version")
    if version != VERSION:
        shown = _show(version) if isinstance(version, str | int | float) else "missing"
        raise Invalid(f"export version {shown} is not supported (expected {VERSION})")
    tables: dict[str, list[dict[str, Any]]] = {}
    for model in TABLES:
        table = _table(model)
        if table.name not in data and table.name not in _LATER_TABLES:
            raise Invalid(f"incomplete export: no {table.name!r} table")
        rows = data.get(table.name, [])
        if not isinstance(rows, list):
            raise Invalid(f"{table.name}: expected a list of rows")
        converters = {c.name: _converter(c, int_max) for c in table.columns}
        tables[table.name] = [_convert(table.name, i, r, converters) for i, r in enumerate(rows)]
    _check_links(tables)
    return tables


def _convert(
    name: str, index: int, row: Any, converters: dict[str, Callable[[Any], Any]]
) -> dict[str, Any]:
    where = f"{name}[{index}]"
    if not isinstance(row, dict):
        raise Invalid(f"{where}: expected an object")
    if name in _LATER_COLUMNS:
        model = next(m for m in TABLES if _table(m).name == name)
        for key in _LATER_COLUMNS[name].split():
            row.setdefault(key, model.model_fields[key].default)
    missing = set(converters) - set(row)
    extra = set(row) - set(converters)
    if missing or extra:
        what = f"missing {sorted(missing)[0]!r}" if missing else f"unknown {quote(min(extra), 40)}"
        raise Invalid(f"{where}: {what}")
    out = {}
    for key, convert in converters.items():
        try:
            out[key] = convert(row[key])
        except (TypeError, ValueError) as exc:
            raise Invalid(f"{where}.{key}: {exc}") from None
    return out


def _converter(column: sa.Column[Any], int_max: int = INT_MAX) -> Callable[[Any], Any]:
    python_type = value_type(column)
    enum_class = python_type if issubclass(python_type, Enum) else None
    # Ids and links start at 1; other counts (position, version, repeat_every) at 0.
    low = 1 if column.primary_key or column.foreign_keys else 0

    def convert(value: Any) -> Any:
        if value is None:
            if column.nullable:
                return None
            raise ValueError("is required")
        if python_type is bool:
            if not isinstance(value, bool):
                raise ValueError("expected true or false")
            return value
        if python_type is int:
            if isinstance(value, _HugeNumber):
                raise ValueError(f"{value!r} is out of range ({low} to {int_max})")
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError("expected a whole number")
            if not low <= value <= int_max:
                raise ValueError(f"{value} is out of range ({low} to {int_max})")
            return value
        if not isinstance(value, str):
            raise ValueError("expected text")
        if not _is_unicode(value):
            raise ValueError("holds a lone surrogate escape (\\ud800-\\udfff): not valid text")
        if python_type is datetime:
            moment = _parse(datetime.fromisoformat, value, "a date and time")
            if not moment.tzinfo:
                return moment.replace(tzinfo=UTC)
            try:  # stored in UTC; a moment with no UTC form (year 9999 at -01:00) is refused
                return moment.astimezone(UTC)
            except OverflowError:
                raise ValueError(f"{quote(value, 40)} is out of range in UTC") from None
        if python_type is date:
            return _parse(date.fromisoformat, value, "a date (YYYY-MM-DD)")
        if enum_class is not None:
            if value not in {e.value for e in enum_class}:
                choices = ", ".join(str(e.value) for e in enum_class)
                raise ValueError(f"{quote(value, 40)} is not one of {choices}")
            return enum_class(value)
        text = strip_controls(value, keep_newlines=True)
        limit = getattr(column.type, "length", None)
        if limit is not None and len(text) > limit:
            raise ValueError(f"too long ({len(text)} characters; at most {limit})")
        if column.name in _REQUIRED_TEXT and not text.strip():
            raise ValueError("is empty")
        return text

    return convert


def _show(value: object) -> str:
    """A value for a message: a number as it is, text quoted and cut short."""
    if isinstance(value, int | float | _HugeNumber):
        return str(value) if len(str(value)) <= 40 else repr(_HugeNumber(str(value)))
    return quote(value, 40)


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse(parse: Callable[[str], Any], value: str, what: str) -> Any:
    try:
        return parse(value)
    except ValueError:
        raise ValueError(f"{quote(value, 40)} is not {what}") from None


def _check_links(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Keys and links hold, so the restore cannot half-fail on a constraint."""
    for model in TABLES:
        table = _table(model)
        rows = tables[table.name]
        for column in [c.name for c in table.columns if c.primary_key or c.unique]:
            seen: set[str] = set()
            for i, row in enumerate(rows):
                key = str(row[column]).lower()
                if key in seen:
                    raise Invalid(f"{table.name}[{i}].{column}: {_show(row[column])} appears twice")
                seen.add(key)
        for fk in table.foreign_keys:
            target = fk.column.table.name
            known = {r["id"] for r in tables[target]}
            column = fk.parent.name
            for i, row in enumerate(rows):
                value = row[column]
                if value is not None and value not in known:
                    raise Invalid(f"{table.name}[{i}].{column}: no {target} with id {value}")


def restore_json(*, session: Session, text: str) -> dict[str, int]:
    """Restore an export into an empty database, exactly.

    Returns:
        How many rows each table received.

    Raises:
        Invalid: for a bad export or a database that is not empty; nothing is written.
    """
    postgres = session.get_bind().dialect.name == "postgresql"
    tables = read_json(text, int_max=PG_INT_MAX if postgres else INT_MAX)
    restore_rows(session=session, tables=tables)
    return {name: len(rows) for name, rows in tables.items()}
