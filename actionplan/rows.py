"""The typed rows that reads hand to screens and the command line.

Rows stay plain dicts at run time (cheap to build for 50,000 items); these ``TypedDict``s let
mypy check every ``row["..."]`` read against what the read really returns.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NotRequired, TypedDict

from actionplan.models import (
    RepeatFrom,
    RepeatUnit,
    Side,
    Status,
    VendorNames,
    Visibility,
    WaitingOn,
)


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
    health_form: str | None
    from_check: int | None
    client: str
    """The client's name."""
    owner: str | None
    """The owner's name, or None when nobody owns the item."""
    owner_team: str | None
    owner_side: Side | None
    owner_client_id: int | None
    """The client whose contact the owner is (client-side owners only; None when unattached)."""
    owner_company: str | None
    """A vendor owner's company."""
    vendor_names: VendorNames
    """The item's client's setting: whether its summaries name vendors' companies."""


class TriageRow(ItemRow):
    """An item as triage reads it (``triage.item_rows``): an ``ItemRow``, its slip and its wait."""

    untold: bool
    """The due date moved past the committed one and no saved snapshot has told the client
    yet (set by ``summary.source.mark_untold``, which the board's read calls too)."""
    waiting_since: datetime | None
    """When a waiting item last became waiting (else when it was added); None unless
    waiting."""


class Slip(TypedDict):
    """What ``summary.source.mark_untold`` reads and sets; a ``TriageRow`` is one too."""

    id: int
    client_id: int
    due: date | None
    committed: date | None
    untold: bool


class AgendaRow(TypedDict):
    """One open item as ``agenda.open_items`` reads it for the agenda and the workload lists.

    Status and waiting-on are plain text here (converting 50,000 values to enums costs more
    than the rest of the read).
    """

    id: int
    client: str
    title: str
    status: str
    waiting_on: str | None
    due: date | None
    must: bool
    escalated: bool
    owner: str | None
    owner_id: int | None


class RecurringRow(TypedDict):
    """One open recurring item as ``recurring.recurring_items`` reads it for the grid."""

    id: int
    title: str
    due: date | None
    repeat_every: int
    repeat_unit: RepeatUnit
    repeat_from: RepeatFrom | None
    follows_id: int | None
    health_form: NotRequired[str | None]
    """The health-check form it names (always read; rows built by hand may leave it out)."""
    client: str
    owner: str | None
    day: NotRequired[int | None]
    """A monthly series' day of the month, when the due date may be clamped (30 Apr for a
    series on the 31st); absent otherwise."""
