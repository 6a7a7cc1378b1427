"""Checklist templates: TOML files of items with relative due dates, applied to a client at once.

Shipped templates live in ``data/templates``; the user's own in ``templates/`` beside the
config file, where a file wins over a shipped one of the same name. A template file::

    name = "New client onboarding"
    description = "From kickoff to handover"

    [[items]]
    title = "Kickoff call"          # required
    due = "+0d"                     # +N days (d), weeks (w) or months (m) after the start
    owner = "Priya Shah"            # optional; someone already there (or --new-person)
    must = true                     # default true; false for a nice-to-have
    status = "planned"              # planned (default), doing or waiting
    client_note = "..."             # may appear in client summaries
    internal_note = "..."           # never leaves the app
    internal = false                # true: the whole item is internal-only
    repeat = "1m"                   # every N days, weeks or months, counted from the due date
    repeat_from = "due"             # or "done": counted from completion

A bad file is refused whole with one line naming the file, the item and the field; nothing
is applied.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from actionplan.models import RepeatUnit, Visibility
from actionplan.plan.errors import Invalid, NotFound
from actionplan.plan.values import NewItem, new_item
from actionplan.resources import FileEntry, FileKind, read_text
from actionplan.text import quote

if TYPE_CHECKING:
    from sqlmodel import Session

MAX_FILE_BYTES = 1024 * 1024
MAX_ITEMS = 500
MAX_OFFSET = 999  # days, weeks or months: nearly three years of weeks, plenty for a checklist
_UNITS = {"d": RepeatUnit.DAY, "w": RepeatUnit.WEEK, "m": RepeatUnit.MONTH}
# re.ASCII: int() would also read fullwidth or Arabic-Indic digits.
_OFFSET_RE = re.compile(r"\+(\d{1,3})([dwm])", re.ASCII)
_REPEAT_RE = re.compile(r"(\d{1,3})([dwm])", re.ASCII)
_OPEN = ("planned", "doing", "waiting")
_ITEM_KEYS: dict[str, type] = {
    "title": str,
    "due": str,
    "owner": str,
    "must": bool,
    "status": str,
    "client_note": str,
    "internal_note": str,
    "internal": bool,
    "repeat": str,
    "repeat_from": str,
}
_TOP_KEYS: dict[str, type] = {"name": str, "description": str, "items": list}


class TemplateError(Invalid):
    """A template file that cannot be used; the message is one line naming file and item."""


@dataclass(frozen=True)
class Offset:
    """How long after the start date an item is due."""

    count: int
    unit: RepeatUnit

    def after(self, start: date) -> date:
        """The due date for a checklist started on ``start`` (months clamp to the month's end).

        Args:
            start: The day the checklist starts.

        Returns:
            The date ``count`` days, weeks or calendar months later.
        """
        if self.unit == RepeatUnit.DAY:
            return start + timedelta(days=self.count)
        if self.unit == RepeatUnit.WEEK:
            return start + timedelta(weeks=self.count)
        year, month = divmod(start.month - 1 + self.count, 12)
        year += start.year
        last = calendar.monthrange(year, month + 1)[1]
        return date(year, month + 1, min(start.day, last))

    def __str__(self) -> str:
        return f"+{self.count}{self.unit.value[0]}"


@dataclass(frozen=True)
class TemplateItem:
    """One checklist line: an item to add, with its due date still relative."""

    title: str
    due: Offset | None
    values: dict[str, Any]
    """The other fields, ready for ``plan.new_item`` (owner, must, notes, repeat...)."""


@dataclass(frozen=True)
class Template:
    """A checked template, ready to apply."""

    name: str
    description: str
    path: Path
    own: bool
    items: tuple[TemplateItem, ...]

    @property
    def stem(self) -> str:
        """The file name without ``.toml``: what the command line matches too."""
        return self.path.stem


TemplateEntry: TypeAlias = FileEntry[Template]
"""A template file as listed: the loaded template, or why it cannot be used; its name, or its
file's stem when the file is broken."""

# --- finding --------------------------------------------------------------------------------

_FILES: FileKind[Template] = FileKind(
    "templates", lambda path, mine: load_template(path, own=mine), TemplateError, lambda t: t.name
)
shipped_dir = _FILES.shipped_dir
"""The folder of the templates that come with actionplan."""
user_dir = _FILES.user_dir
"""The folder of the user's own templates: ``templates/`` beside the config file."""


def list_templates(*, shipped: Path | None = None, own: Path | None = None) -> list[TemplateEntry]:
    """Every template, by name; a user's file hides a shipped one with the same file name.

    Broken files are listed too, with their error, so the user sees why one is missing.

    Args:
        shipped: The shipped folder (default :func:`shipped_dir`).
        own: The user's folder (default :func:`user_dir`).

    Returns:
        One entry per file name.
    """
    entries = _FILES.entries(shipped=shipped, own=own)
    return sorted(entries, key=lambda e: (e.name.lower(), e.path.stem))


def find_template(name: str, entries: Sequence[TemplateEntry] | None = None) -> Template:
    """The template whose file stem or name is ``name`` (case and outer spaces ignored).

    Args:
        name: What the user typed, e.g. ``new-client-onboarding`` or ``New client onboarding``.
        entries: The listing to search (default :func:`list_templates`).

    Raises:
        NotFound: when no template has that name (the message lists the ones there are).
        TemplateError: when the file named is broken.
    """
    wanted = " ".join(name.split()).lower()
    listed = list_templates() if entries is None else list(entries)
    for entry in listed:
        if wanted in (entry.path.stem.lower(), entry.name.lower()):
            if entry.loaded is None:
                raise TemplateError(entry.error or f"{entry.path}: cannot be used")
            return entry.loaded
    known = ", ".join(e.path.stem for e in listed) or "none (see `actionplan template list`)"
    raise NotFound(f"no template named {quote(name.strip())}; there are: {known}")


# --- loading and checking -------------------------------------------------------------------


def load_template(path: Path, *, own: bool = False) -> Template:
    """Read and check a template file; any bad field refuses the whole file.

    Args:
        path: The ``.toml`` file.
        own: Whether it is the user's file (rather than a shipped one).

    Raises:
        TemplateError: one line naming the file, the item and what is wrong.
    """
    text = read_text(
        path, limit=MAX_FILE_BYTES, what="a template", label=str(path), error=TemplateError
    )
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{path}: not valid TOML: {exc}") from None
    return parse_template(raw, path=path, own=own)


def parse_template(raw: dict[str, Any], *, path: Path, own: bool = False) -> Template:
    """Check a template's parsed TOML (see the module docstring for the fields).

    Raises:
        TemplateError: one line naming the file, the item and what is wrong.
    """
    _check_keys(raw, _TOP_KEYS, f"{path}")
    name = " ".join(raw.get("name", "").split()) or path.stem.replace("-", " ").capitalize()
    if len(name) > 100:
        raise TemplateError(f"{path}: name is too long (at most 100 characters)")
    description = " ".join(raw.get("description", "").split())
    items = raw.get("items", [])
    if not items:
        raise TemplateError(f'{path}: no items (add [[items]] tables, each with a title = "...")')
    if len(items) > MAX_ITEMS:
        raise TemplateError(f"{path}: {len(items)} items; a template holds at most {MAX_ITEMS}")
    checked = []
    for number, item in enumerate(items, start=1):
        where = f"{path}: item {number}"
        if not isinstance(item, dict):
            raise TemplateError(f"{where}: must be a table ([[items]])")
        if isinstance(item.get("title"), str) and item["title"].strip():
            where = f"{where} ({' '.join(item['title'].split())[:40]!r})"
        checked.append(_parse_item(item, where))
    return Template(name, description, path, own, tuple(checked))


def _check_keys(table: dict[str, Any], allowed: dict[str, type], where: str) -> None:
    for key, value in table.items():
        kind = allowed.get(key)
        if kind is None:
            known = ", ".join(allowed)
            raise TemplateError(f"{where}: unknown field {key!r} (known: {known})")
        if not isinstance(value, kind):
            wanted = {str: "text in quotes", bool: "true or false", list: "a list"}[kind]
            raise TemplateError(f"{where}: {key} must be {wanted}")


def _parse_item(item: dict[str, Any], where: str) -> TemplateItem:
    _check_keys(item, _ITEM_KEYS, where)
    if not item.get("title", "").strip():
        raise TemplateError(f'{where}: title is missing (title = "...")')
    status = item.get("status", "planned").strip().lower()
    if status not in _OPEN:
        raise TemplateError(f"{where}: status {status!r} is not one of {', '.join(_OPEN)}")
    due = parse_offset(item["due"], where) if "due" in item else None
    values: dict[str, Any] = {
        "owner": item.get("owner"),
        "must": item.get("must", True),
        "status": status,
        "client_note": item.get("client_note", ""),
        "internal_note": item.get("internal_note", ""),
        "visibility": Visibility.INTERNAL if item.get("internal") else Visibility.CLIENT,
    }
    if "repeat" in item:
        if due is None:
            raise TemplateError(f'{where}: a repeating item needs a due offset (due = "+0d")')
        values["repeat_every"], values["repeat_unit"] = _parse_repeat(item["repeat"], where)
        values["repeat_from"] = item.get("repeat_from", "due")
    elif "repeat_from" in item:
        raise TemplateError(f'{where}: repeat_from needs a repeat (repeat = "1m")')
    try:
        # The plan's own checks (lengths, control characters, enums), with a stand-in client.
        new_item(client="template", title=item["title"], **values)
    except Invalid as exc:
        raise TemplateError(f"{where}: {exc}") from None
    return TemplateItem(item["title"], due, values)


def parse_offset(text: str, where: str = "due") -> Offset:
    """A due offset: ``+Nd``, ``+Nw`` or ``+Nm`` (days, weeks, months after the start).

    Raises:
        TemplateError: for anything else, naming ``where``.
    """
    match = _OFFSET_RE.fullmatch(text.strip().lower())
    if match is None:
        raise TemplateError(
            f"{where}: due {text[:20]!r} is not +N days, weeks or months (+0d, +1w, +30d, +2m)"
        )
    return Offset(int(match[1]), _UNITS[match[2]])


def _parse_repeat(text: str, where: str) -> tuple[int, RepeatUnit]:
    match = _REPEAT_RE.fullmatch(text.strip().lower())
    if match is None or int(match[1]) == 0:
        raise TemplateError(
            f"{where}: repeat {text[:20]!r} is not every N days, weeks or months (1m, 3w, 10d)"
        )
    return int(match[1]), _UNITS[match[2]]


# --- applying -------------------------------------------------------------------------------


def plan_items(template: Template, *, client: str, start: date) -> list[NewItem]:
    """The items a template adds to a client when started on ``start``, dates worked out.

    Raises:
        Invalid: when the client name cannot be accepted (nothing is added).
    """
    items = []
    for entry in template.items:
        due = entry.due.after(start) if entry.due else None
        items.append(new_item(client=client, title=entry.title, due=due, **entry.values))
    return items


def apply_template(
    *, session: Session, template: Template, client: str, start: date, author: str
) -> list[int]:
    """Add every item of a template to a client as ONE operation: one undo removes them all.

    An unknown client (or owner) is created, so onboarding a new client starts here.

    Args:
        session: An open database session.
        template: A loaded template (see :func:`find_template`).
        client: The client's name.
        start: The day the relative due dates count from.
        author: Who is recorded in the history.

    Returns:
        The new items' ids, in the template's order.

    Raises:
        Invalid: when the client name cannot be accepted; nothing is added.
    """
    from actionplan.plan import add_items

    items = plan_items(template, client=client, start=start)
    count = f"{len(items)} item{'s' if len(items) != 1 else ''}"
    return add_items(
        session=session,
        author=author,
        items=items,
        summary=f"applied checklist {template.name} ({count})",
    )
