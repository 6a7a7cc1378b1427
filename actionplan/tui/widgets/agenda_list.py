"""The agenda's list: a line list of bucket headings and item lines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip

from actionplan.agenda import Bucket, bucket_of, when_label
from actionplan.rows import AgendaRow
from actionplan.text import one_line
from actionplan.tui.widgets.card import (
    DUE_SOON,
    DUE_WEEK,
    MARK_ESCALATED,
    MARK_NICE,
    MARK_WAITING,
    NO_OWNER,
    OVERDUE,
)
from actionplan.tui.widgets.line_list import LineList, noun_bindings

Jump = tuple[str, int]
Entry = tuple[str, Any]
"""One line of the list: ("heading", (bucket, shown, filtered)), ("item", row),
("more", (key, hidden)), ("note", text) or ("gap", None)."""

LATER_SHOWN = 50  # "later" can hold most of the plan; the rest is one Enter (or a filter) away
FILTER_DELAY = 0.15  # with many items, filter once typing pauses rather than on every key
BIG = 5_000
HEADING_STYLES = {
    "overdue": OVERDUE,
    "today": DUE_SOON,
    "this_week": "bold " + DUE_WEEK,
    "next_week": "bold",
    "later": "bold",
    "no_date": "bold",
}
WHEN_STYLES = {"overdue": OVERDUE, "today": DUE_SOON, "this_week": DUE_WEEK}


def build_entries(
    found: list[Bucket],
    match: Callable[[AgendaRow], bool] | None,
    *,
    expanded: bool = False,
) -> list[Entry]:
    """The list's lines: each bucket's heading, then its items that match.

    Args:
        match: keeps an item when true; None keeps every item.
        expanded: show every "later" item instead of the first LATER_SHOWN.
    """
    entries: list[Entry] = []
    for bucket in found:
        rows = bucket.rows if match is None else [r for r in bucket.rows if match(r)]
        if match is not None and not rows:
            continue  # filtered: only the headings with something under them
        if entries:
            entries.append(("gap", None))
        entries.append(("heading", (bucket, len(rows), match is not None)))
        hidden = 0
        if bucket.key == "later" and not expanded and len(rows) > LATER_SHOWN:
            hidden = len(rows) - LATER_SHOWN
            rows = rows[:LATER_SHOWN]
        entries.extend(("item", row) for row in rows)
        if hidden:
            entries.append(("more", (bucket.key, hidden)))
    if not entries:
        entries.append(("note", "Nothing matches the filter (Esc clears it)"))
    return entries


def item_line(row: AgendaRow, *, today: date, width: int, show_owner: bool = True) -> Text:
    """One item as one line: when, client, title, owner (unless left out), marks.

    Titles give way first: the date is never cut.
    """
    wide = width >= 110
    client_w = min(28, width // 6) if wide else 14
    owner_w = (18 if wide else 13) if show_owner else 0
    marks_w = 14 if wide else 9
    when_w = 10
    key = bucket_of(row["due"], today)
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(_fit(when_label(row["due"], today), when_w), style=WHEN_STYLES.get(key, ""))
    line.append(" ")
    line.append(_fit(one_line(row["client"]), client_w), style="cyan")
    line.append(" ")
    title_w = max(8, width - when_w - client_w - owner_w - marks_w - 3 - (1 if show_owner else 0))
    title = one_line(row["title"])
    if row["escalated"]:
        line.append(" ! ", style=MARK_ESCALATED)
        line.append(" ")
        title_w -= 4
    line.append(_fit(title, title_w))
    if show_owner:
        line.append(" ")
        owner = row["owner"]
        if owner:
            line.append(_fit(one_line(owner), owner_w))
        else:
            line.append(_fit("no owner", owner_w), style=NO_OWNER)
    if row["status"] == "waiting":
        line.append(f" on {row['waiting_on'] or 'whom?'}", style=MARK_WAITING)
    if not row["must"]:
        line.append(" nice", style=MARK_NICE)
    line.truncate(width, overflow="ellipsis", pad=True)
    return line


def _fit(text: str, size: int) -> str:
    """Exactly ``size`` columns: cut with … or padded."""
    if len(text) > size:
        return text[: max(0, size - 1)] + "…"
    return text.ljust(size)


class AgendaList(LineList[Entry]):
    """Bucket headings and item lines; only the lines on screen are drawn, so 50,000 cost
    no more than 50. The cursor moves over items (and "more" lines) only."""

    COMPONENT_CLASSES = {"agenda--cursor", "agenda--cursor-blurred"}
    CURSOR_CLASS, BLURRED_CLASS = "agenda--cursor", "agenda--cursor-blurred"
    BINDINGS = noun_bindings("agenda", "item")

    class Highlighted(LineList.Highlighted):
        """The cursor moved to another line."""

    class Selected(LineList.Selected):
        """A double click on a line (Enter is the screen's key)."""

    def __init__(self, *, show_owner: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = []
        self.today = date.today()
        self.show_owner = show_owner

    def show(self, entries: list[Entry], *, today: date, keep: int | None = None) -> None:
        """Show these lines, with the cursor on item ``keep`` if it is there, else the first."""
        self.entries, self.today = entries, today
        self._drawn.clear()
        self.size_lines()
        index = next(
            (n for n, (kind, row) in enumerate(entries) if kind == "item" and row["id"] == keep),
            None,
        )
        self.place_cursor(index)

    @property
    def current_item(self) -> AgendaRow | None:
        """The item under the cursor, if the cursor is on an item."""
        entry = self.current
        return entry[1] if entry is not None and entry[0] == "item" else None

    def jump_bucket(self, step: int) -> None:
        """Put the cursor on the first line of the next (or previous) bucket that has one."""
        start = self.highlighted if self.highlighted is not None else -1
        headings = [n for n, (kind, _) in enumerate(self.entries) if kind == "heading"]
        if step > 0:
            candidates = [h for h in headings if h > start]
        else:
            current = max((h for h in headings if h < start), default=-1)
            candidates = [h for h in reversed(headings) if h < current]
        for heading in candidates:
            found = self._rest_from(heading + 1, 1)
            if found is not None and not any(heading < h < found for h in headings):
                self.highlighted = found
                return

    # --- its lines: headings, items, "more", a note ----------------------------------------

    @property
    def option_count(self) -> int:
        return len(self.entries)

    def rests_on(self, index: int) -> bool:
        return self.entries[index][0] in ("item", "more")

    def line_value(self, index: int) -> Entry:
        return self.entries[index]

    @property
    def page_size(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)  # the last line stays in view

    def line_region(self, index: int) -> Region:
        # Keep the heading of the first item in view too.
        top = max(0, index - 2) if index <= 3 else index
        return Region(0, top, 1, index - top + 1)

    def render_option(self, index: int, width: int, cursor: bool) -> list[Strip]:
        kind, payload = self.entries[index]
        if kind == "heading":
            text = _heading(*payload)
        elif kind == "item":
            text = Text(" ") + item_line(
                payload, today=self.today, width=width - 2, show_owner=self.show_owner
            )
        elif kind == "more":
            text = Text(
                f"   … {payload[1]:,} more later: Enter shows them all, / filters",
                style="dim italic",
            )
        elif kind == "note":
            text = Text(f" {payload}", style="dim italic")
        else:
            text = Text("")
        return [self.text_strip(text, width, self.line_style(cursor))]


def _heading(bucket: Bucket, shown: int, filtered: bool) -> Text:
    total = len(bucket.rows)
    count = f"{shown:,} of {total:,}" if filtered else f"{total:,}"
    style = HEADING_STYLES[bucket.key] if shown else "dim"
    return Text.assemble((f"{bucket.label} ({count})", Style.parse(style)))
