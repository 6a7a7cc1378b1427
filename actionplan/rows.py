"""The typed rows that reads hand to screens and the command line.

Rows stay plain dicts at run time (cheap to build for 50,000 items); these ``TypedDict``s let
mypy check every ``row["..."]`` read against what the read really returns.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TypedDict

from actionplan.models import RepeatFrom, RepeatUnit, Side, Status, Visibility, WaitingOn


class ItemRow(TypedDict):
    """One item as ``queries.list_items`` returns it: every item column and its names."""

    id: int
    client_id: int
    title: str
    client_note: str
    internal_note: str
    status: Status
    waiting_on: WaitingOn | None
    owner_id: int | None
    due: date | None
    committed: date | None
    must: bool
    escalated: bool
    escalation_reason: str
    visibility: Visibility
    position: int
    created_at: datetime
    updated_at: datetime
    done_at: datetime | None
    deleted_at: datetime | None
    version: int
    repeat_every: int | None
    repeat_unit: RepeatUnit | None
    repeat_from: RepeatFrom | None
    follows_id: int | None
    snoozed_until: date | None
    client: str
    """The client's name."""
    owner: str | None
    """The owner's name, or None when nobody owns the item."""
    owner_team: str | None
    owner_side: Side | None
