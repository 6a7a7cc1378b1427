"""The board's filter language: free text plus owner:NAME, overdue, week, must, escalated."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actionplan.rows import AgendaRow, ItemRow

KEYWORDS = ("overdue", "week", "must", "escalated")
HELP = "text · owner:NAME · overdue · week · must · escalated"


@dataclass(frozen=True)
class BoardFilter:
    """A parsed filter; every part must match (AND)."""

    words: tuple[str, ...] = ()
    owner: str | None = None
    overdue: bool = False
    week: bool = False
    must: bool = False
    escalated: bool = False

    @property
    def active(self) -> bool:
        """True when the filter hides anything."""
        return bool(
            self.words or self.owner or self.overdue or self.week or self.must or self.escalated
        )

    def describe(self) -> str:
        """The filter as the user would type it."""
        parts = [f"owner:{self.owner}"] if self.owner else []
        parts += [k for k in KEYWORDS if getattr(self, k)]
        parts += list(self.words)
        return " ".join(parts)


def parse_filter(text: str) -> BoardFilter:
    """Read what the user typed in the filter box; unknown words are free text."""
    words: list[str] = []
    flags = dict.fromkeys(KEYWORDS, False)
    owner = None
    for word in text.split():
        low = word.lower()
        if low.startswith("owner:") and len(low) > 6:
            owner = low[6:]
        elif low in flags:
            flags[low] = True
        else:
            words.append(low)
    return BoardFilter(words=tuple(words), owner=owner, **flags)


def matcher(flt: BoardFilter, today: date) -> Callable[[ItemRow | AgendaRow], bool]:
    """A predicate for this filter over listed items (``queries.list_items``) or agenda rows."""
    week_end = today + timedelta(days=6 - today.weekday())

    def matches(row: ItemRow | AgendaRow) -> bool:
        status = str(getattr(row["status"], "value", row["status"]))
        is_open = status not in ("done", "dropped")
        due = row["due"]
        if flt.overdue and not (is_open and due is not None and due < today):
            return False
        if flt.week and not (is_open and due is not None and due <= week_end):
            return False
        if flt.must and not row["must"]:
            return False
        if flt.escalated and not row["escalated"]:
            return False
        if flt.owner and flt.owner not in (row["owner"] or "").lower():
            return False
        if flt.words:
            # The internal note is searchable in the app: it never leaves, but we may find it.
            haystack = " ".join(
                str(row.get(k) or "")
                for k in ("title", "owner", "client", "client_note", "internal_note")
            ).lower()
            return all(w in haystack for w in flt.words)
        return True

    return matches
