"""Reading history events as sentences: "due 28 Nov → 12 Dec", "owner Ana → nobody"."""

from __future__ import annotations

from actionplan.models import HistoryEvent

_LABELS = {
    "owner_id": "owner",
    "client_id": "client",
    "waiting_on": "waiting on",
    "client_note": "client note",
    "internal_note": "internal note",
    "escalation_reason": "escalation reason",
    "done_at": "done at",
}


def describe_event(event: HistoryEvent, people: dict[int, str]) -> str:
    """One change in words; owner ids are shown as names."""
    if event.field == "created":
        return "created"
    if event.field == "deleted_at":
        return "deleted" if event.new else "restored"
    old, new = event.old, event.new
    if event.field == "owner_id":
        old = people.get(int(old), f"#{old}") if old else None
        new = people.get(int(new), f"#{new}") if new else None
    label = _LABELS.get(event.field, event.field)
    return f"{label}: {_short(old)} → {_short(new)}"


def _short(value: str | None) -> str:
    if value is None or value == "":
        return "none"
    value = " ".join(value.split())
    return value if len(value) <= 40 else value[:39] + "…"
