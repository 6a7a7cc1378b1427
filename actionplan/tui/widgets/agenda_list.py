"""The agenda's list: bucket headings and item lines, drawing only the lines on screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from actionplan.agenda import Bucket, bucket_of, when_label
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
    match: Callable[[dict[str, Any]], bool] | None,
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


def item_line(row: dict[str, Any], *, today: date, width: int, show_owner: bool = True) -> Text:
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


class AgendaList(ScrollView, can_focus=True):
    """Bucket headings and item lines; only the lines on screen are drawn, so 50,000 cost
    no more than 50. The cursor moves over items (and "more" lines) only."""

    COMPONENT_CLASSES = {"agenda--cursor", "agenda--cursor-blurred"}
    BINDINGS = [
        Binding("down,j", "cursor(1)", "Next item", show=False),
        Binding("up,k", "cursor(-1)", "Previous item", show=False),
        Binding("home,g", "edge(-1)", "First item", show=False),
        Binding("end,G", "edge(1)", "Last item", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]

    cursor: reactive[int | None] = reactive(None, always_update=True)

    @dataclass
    class Chosen(Message):
        """A double click on a line (Enter is the screen's key)."""

        agenda_list: AgendaList

        @property
        def control(self) -> AgendaList:
            return self.agenda_list

    def __init__(self, *, show_owner: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = []
        self.today = date.today()
        self.show_owner = show_owner
        self._cache: dict[tuple[Any, ...], Strip] = {}

    def show(self, entries: list[Entry], *, today: date, keep: int | None = None) -> None:
        """Show these lines, with the cursor on item ``keep`` if it is there, else the first."""
        self.entries, self.today = entries, today
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(entries))
        index = next(
            (n for n, (kind, row) in enumerate(entries) if kind == "item" and row["id"] == keep),
            None,
        )
        self.cursor = index if index is not None else self._step_from(-1, 1)
        if self.cursor is None:
            self.scroll_home(animate=False, immediate=True)
        self.refresh()

    @property
    def current(self) -> Entry | None:
        """The line under the cursor."""
        if self.cursor is None or not 0 <= self.cursor < len(self.entries):
            return None
        return self.entries[self.cursor]

    @property
    def current_item(self) -> dict[str, Any] | None:
        """The item under the cursor, if the cursor is on an item."""
        entry = self.current
        return entry[1] if entry is not None and entry[0] == "item" else None

    # --- cursor ---------------------------------------------------------------------------

    def _step_from(self, start: int, step: int) -> int | None:
        """The next line from ``start`` (exclusive) the cursor may rest on, going ``step``."""
        n = start + step
        while 0 <= n < len(self.entries):
            if self.entries[n][0] in ("item", "more"):
                return n
            n += step
        return None

    def watch_cursor(self, new: int | None) -> None:
        if new is not None:
            # Keep the heading of the first item in view too.
            top = new - 2 if new <= 3 else new
            self.scroll_to_region(
                Region(0, max(0, top), 1, new - max(0, top) + 1), animate=False, immediate=True
            )
        self.refresh()

    def action_cursor(self, step: int) -> None:
        start = self.cursor if self.cursor is not None else -1
        found = self._step_from(start, step)
        if found is not None:
            self.cursor = found

    def action_edge(self, step: int) -> None:
        found = self._step_from(-1 if step < 0 else len(self.entries), -step)
        if found is not None:
            self.cursor = found

    def action_page(self, step: int) -> None:
        if self.cursor is None:
            return
        target = self.cursor + step * max(1, self.scrollable_content_region.height - 1)
        target = max(0, min(len(self.entries) - 1, target))
        found = self._step_from(target - step, step) or self._step_from(target, -step)
        if found is not None:
            self.cursor = found

    def jump_bucket(self, step: int) -> None:
        """Put the cursor on the first line of the next (or previous) bucket that has one."""
        start = self.cursor if self.cursor is not None else -1
        headings = [n for n, (kind, _) in enumerate(self.entries) if kind == "heading"]
        if step > 0:
            candidates = [h for h in headings if h > start]
        else:
            current = max((h for h in headings if h < start), default=-1)
            candidates = [h for h in reversed(headings) if h < current]
        for heading in candidates:
            found = self._step_from(heading, 1)
            if found is not None and not any(heading < h < found for h in headings):
                self.cursor = found
                return

    def on_click(self, event: events.Click) -> None:
        line = event.y + int(self.scroll_offset.y)
        if 0 <= line < len(self.entries) and self.entries[line][0] in ("item", "more"):
            self.cursor = line
            if event.chain == 2:
                self.post_message(self.Chosen(self))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.entries))
        self.refresh()

    # --- drawing --------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + int(self.scroll_offset.y)
        if not 0 <= line < len(self.entries):
            return Strip.blank(width, self.rich_style)
        cursor = line == self.cursor
        key = (line, cursor, cursor and self.has_focus, width)
        strip = self._cache.get(key)
        if strip is None:
            if len(self._cache) > 1000:
                self._cache.clear()
            strip = self._render_entry(self.entries[line], width, cursor)
            self._cache[key] = strip
        return strip

    def _render_entry(self, entry: Entry, width: int, cursor: bool) -> Strip:
        kind, payload = entry
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
        text.truncate(width, overflow="ellipsis", pad=True)
        style = self.rich_style
        if cursor:
            name = "agenda--cursor" if self.has_focus else "agenda--cursor-blurred"
            style = style + self.get_component_rich_style(name)
        segments = Segment.apply_style(text.render(self.app.console, end=""), style=style)
        return Strip(list(segments), width).simplify()


def _heading(bucket: Bucket, shown: int, filtered: bool) -> Text:
    total = len(bucket.rows)
    count = f"{shown:,} of {total:,}" if filtered else f"{total:,}"
    style = HEADING_STYLES[bucket.key] if shown else "dim"
    return Text.assemble((f"{bucket.label} ({count})", Style.parse(style)))
