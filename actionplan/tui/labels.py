"""The words the screens show for the plan's own names: the all-clients scope, each status and
each field of an item. Each is said here once, so the board, triage, the editor and the
conflict dialog cannot drift apart.

The client summary keeps its own words (``summary/model.py``): they are what a client reads,
and a column renamed on the board must not change them.
"""

from __future__ import annotations

from actionplan.models import Status
from actionplan.plan.values import EDITABLE

ALL_CLIENTS = "All clients"
"""The board's and triage's scope when it is every client (a name no client can take from the
switcher, which lists it first)."""

STATUS_LABELS = {
    Status.PLANNED: "Planned",
    Status.DOING: "In progress",
    Status.WAITING: "Waiting",
    Status.DONE: "Done",
    Status.DROPPED: "Dropped",
}
"""A status as the board's columns name it (capitalised; lower-cased inside a sentence)."""

FIELD_LABELS = {name: name.replace("_", " ").capitalize() for name in EDITABLE} | {
    "committed": "Told the client",
    "must": "Must-do",
}
"""Every field an edit can change (``plan.EDITABLE``), as a person names it."""

_SHORT = {"committed": "Committed", "escalation_reason": "Reason"}


def short_label(field: str) -> str:
    """A field's name where a label column is narrow (the editor's is 12 cells wide)."""
    return _SHORT.get(field, FIELD_LABELS[field])
