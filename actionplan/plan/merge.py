"""Edits against the item as the user saw it: merged when someone else changed other fields,
refused with both versions when they changed the same ones.

Two people (or two terminals) editing one item is normal in a team. Most of the time they
touch different fields: one re-dates while the other re-assigns. Those edits are merged, and
both are kept. Only a field that both changed is a real conflict; then nothing is saved and
:class:`Clash` carries, for each such field, what the user saw, what they want, and what is
there now, so the user can choose.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlmodel import Session

from actionplan.models import Item, Status
from actionplan.plan.errors import Conflict, NotFound
from actionplan.plan.items import edit_item
from actionplan.plan.journal import last_author
from actionplan.plan.values import dump_value
from actionplan.queries import ItemFilter, list_items
from actionplan.rows import ItemRow


@dataclass(frozen=True)
class FieldClash:
    """One field both sides changed: as the user saw it, as they want it, as it is now."""

    field: str
    seen: Any
    mine: Any
    theirs: Any


class Clash(Conflict):
    """Someone else changed the same fields first; nothing was saved."""

    def __init__(self, item_id: int, fields: list[FieldClash], who: str, current: ItemRow) -> None:
        names = ", ".join(f.field.replace("_", " ") for f in fields)
        super().__init__(f"item #{item_id}: {who} changed {names} meanwhile")
        self.item_id = item_id
        self.fields = fields
        self.who = who
        self.current = current


def current_row(session: Session, item_id: int) -> ItemRow:
    """The item as the board shows it now (with client and owner names).

    Raises:
        NotFound: when it no longer exists or was deleted.
    """
    rows = list_items(session=session, where=ItemFilter(ids=(item_id,)))
    if not rows:
        raise NotFound(f"item #{item_id} was deleted meanwhile")
    return rows[0]


# Fields that only make sense together: a "waiting on" puts the item in waiting, a reason
# goes with an escalation. A clash on one is a clash on the pair.
LINKED = ({"status", "waiting_on"}, {"escalated", "escalation_reason"})


def implied(mine: dict[str, Any]) -> dict[str, Any]:
    """``mine`` with what it implies: waiting-on alone means status waiting (as edit_item
    reads it), a reason alone means escalated."""
    full = dict(mine)
    if full.get("waiting_on") is not None:
        full.setdefault("status", Status.WAITING)
    if full.get("escalation_reason"):
        full.setdefault("escalated", True)
    return full


def without(values: dict[str, Any], fields: set[str]) -> dict[str, Any]:
    """``values`` less these fields and the fields linked to them ("take theirs")."""
    dropped = set(fields)
    for group in LINKED:
        if group & dropped:
            dropped |= group
    return {k: v for k, v in values.items() if k not in dropped}


def clashes(seen: ItemRow, now: ItemRow, mine: dict[str, Any]) -> list[FieldClash]:
    """The fields of ``mine`` that someone else changed since ``seen`` to something else.

    A field they changed to exactly what the user wants is no clash. What ``mine`` implies
    counts too: setting "waiting on" clashes with their move out of waiting.
    """
    found = []
    for name, value in implied(mine).items():
        before, after = _comparable(name, seen.get(name)), _comparable(name, now.get(name))
        if before != after and _comparable(name, value) != after:
            found.append(FieldClash(name, seen.get(name), value, now.get(name)))
    return found


def _comparable(name: str, value: Any) -> str | None:
    text = dump_value(value)
    if name in ("owner", "client") and text:
        return text.strip().lower()  # people and clients are found by name, ignoring case
    return text if text != "" else None


def edit_merging(
    *,
    session: Session,
    item_id: int,
    seen: ItemRow,
    author: str,
    reason: str | None = None,
    **mine: Any,
) -> Item:
    """Apply ``mine`` to the item the user saw as ``seen`` (a row with its ``version``).

    If the item changed since, the edit is applied on top of the other change when none of
    the same fields moved; otherwise nothing is saved.

    Raises:
        Clash: someone else changed one of these fields; it says who and both values.
        NotFound, Invalid: as :func:`edit_item`.
    """
    edit = partial(edit_item, session=session, item_id=item_id, author=author, reason=reason)
    try:
        return edit(expected_version=seen["version"], **mine)
    except Conflict:
        session.rollback()
    now = current_row(session, item_id)
    found = clashes(seen, now, mine)
    if found:
        raise Clash(item_id, found, last_author(session, item_id), now)
    return edit(expected_version=now["version"], **mine)
