"""Reading history events as sentences: "due 28 Nov → 12 Dec", "owner Ana → nobody"."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping

from actionplan.models import HistoryEvent


class PersonNames(dict[int, str]):
    """Person id to name now, knowing the names they had before a rename (or a merge), so a
    change is shown with the name the owner had when it was made (``queries.person_names``)."""

    def __init__(self, now: Mapping[int, str], earlier: Mapping[int, list[tuple[int, str]]]):
        super().__init__(now)
        # Per person, each rename or deletion as (operation id, the name it ended), in order.
        self.earlier = earlier

    def at(self, person_id: int, op_id: int) -> str | None:
        """The name the person had when operation ``op_id`` began (a merge deletes the person
        it merges, in the same operation that gives their items away)."""
        changes = self.earlier.get(person_id, [])
        later = bisect_left(changes, op_id, key=lambda c: c[0])
        return changes[later][1] if later < len(changes) else self.get(person_id)


# Fields a change of another field moves too (a card put at the end of its new column, the
# time it was done): lists of changes leave them out, or show them only when they are all
# that changed.
SIDE_EFFECTS = ("position", "done_at")

_LABELS = {
    "owner_id": "owner",
    "client_id": "client",
    "waiting_on": "waiting on",
    "client_note": "client note",
    "internal_note": "internal note",
    "escalation_reason": "escalation reason",
    "done_at": "done at",
    "blocked_by": "blocked by",
}


def describe_event(event: HistoryEvent, people: Mapping[int, str]) -> str:
    """One change in words; owner ids are shown as names (as they were then, when ``people``
    is a :class:`PersonNames`)."""
    if event.field == "created":
        return "created"
    if event.field == "deleted_at":
        return "deleted" if event.new else "restored"
    if event.field == "reviewed":
        return f"reviewed as fine for the client: {_cut(_flat(event.new), 0)}"
    old, new = event.old, event.new
    if event.field == "owner_id":
        old = _person(people, old, event.op_id) if old else None
        new = _person(people, new, event.op_id) if new else None
    label = _LABELS.get(event.field, event.field)
    before, after = _shorten(_flat(old), _flat(new))
    return f"{label}: {before} → {after}"


def _person(people: Mapping[int, str], person_id: str, op_id: int) -> str:
    found = people.at(int(person_id), op_id) if isinstance(people, PersonNames) else None
    return found or people.get(int(person_id)) or f"#{person_id}"


SHORT = 40


def _flat(value: str | None) -> str:
    return " ".join(value.split()) if value else "none"


def _shorten(old: str, new: str) -> tuple[str, str]:
    """Both values cut to SHORT characters, from where they start to differ when they share a
    long beginning (else a title edited at its end reads the same on both sides)."""
    if len(old) <= SHORT and len(new) <= SHORT:
        return old, new
    same = 0
    for a, b in zip(old, new, strict=False):
        if a != b:
            break
        same += 1
    # Start a few words before the first difference, at a word.
    start = old.rfind(" ", 0, same - 12) + 1 if same > SHORT // 2 else 0
    return _cut(old, start), _cut(new, start)


def _cut(text: str, start: int) -> str:
    text = "…" + text[start:] if start > 0 else text
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"
