"""One status column of the board: a line-API widget that draws only the cards on screen.

Every card has the same height, so finding the card under a line is a division, a move
touches two cards, and 10,000 cards cost no more to show than 10.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from actionplan.models import Status
from actionplan.tui.labels import STATUS_LABELS
from actionplan.tui.widgets.card import card_lines

WIDE = 30  # from this card width on, cards get a blank line after them


class BoardColumn(ScrollView, can_focus=True):
    """The cards of one status; the cursor (highlighted card) is what card keys act on."""

    COMPONENT_CLASSES = {"card--cursor", "card--cursor-blurred"}
    BINDINGS = [
        Binding("down,j", "cursor(1)", "Next card", show=False),
        Binding("up,k", "cursor(-1)", "Previous card", show=False),
        Binding("home,g", "first", "First card", show=False),
        Binding("end,G", "last", "Last card", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("enter", "select", "Edit card", show=False),
    ]

    highlighted: reactive[int | None] = reactive(None, always_update=True)

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another card (or to none)."""

        column: BoardColumn

        @property
        def control(self) -> BoardColumn:
            return self.column

    @dataclass
    class Selected(Message):
        """Enter (or a double click) on a card."""

        column: BoardColumn
        row: dict[str, Any]

        @property
        def control(self) -> BoardColumn:
            return self.column

    def __init__(self, status: Status) -> None:
        super().__init__(id=f"col-{status.value}", classes="board-column")
        self.status = status
        self.rows: list[dict[str, Any]] = []
        self.collapsed = False
        self._today = date.today()
        self._show_client = False
        self._cache: dict[tuple[Any, ...], list[Strip]] = {}
        self._total: int | None = None  # cards before the filter, for "3/12"

    # --- content ----------------------------------------------------------------------------

    @property
    def option_count(self) -> int:
        """How many cards the column shows."""
        return 0 if self.collapsed else len(self.rows)

    @property
    def card_width(self) -> int:
        """The columns a card's text may use (one each side is padding)."""
        return max(8, self.scrollable_content_region.width - 2)

    @property
    def card_height(self) -> int:
        """Lines per card: 2 of title, when and who, marks, and a gap when there is room."""
        return 4 + (1 if self.card_width >= WIDE else 0) + (1 if self._show_client else 0)

    def show(
        self,
        rows: list[dict[str, Any]],
        *,
        today: date,
        show_client: bool,
        keep: int | None = None,
        total: int | None = None,
    ) -> None:
        """Show these rows; keep the cursor on item ``keep`` (or near where it was).

        Args:
            total: how many the column holds before filtering, shown as "3/12".
        """
        old_index = self.highlighted
        self.rows = rows
        self._today, self._show_client = today, show_client
        self._total = total
        self._resize()
        self.select_item(keep, fallback=old_index)
        self.refresh()

    def _resize(self) -> None:
        size = Size(self.card_width, self.option_count * self.card_height)
        viewport = self.scrollable_content_region.height
        if (size.height > viewport) == (self.virtual_size.height > viewport):
            # The scrollbar neither comes nor goes: no need to lay out the whole screen again.
            self.set_reactive(BoardColumn.virtual_size, size)
            self._scroll_update(size)
        else:
            self.virtual_size = size
        shown = len(self.rows)
        total = self._total
        count = f"{shown}/{total}" if total is not None and total != shown else str(shown)
        fold = " ▸" if self.collapsed else ""
        self.border_title = f"{STATUS_LABELS[self.status]} {count}{fold}"

    def remove_row(self, item_id: int) -> dict[str, Any] | None:
        """Take a card out (a move or a delete shown at once); returns its row."""
        index = self._index_of(item_id)
        if index is None:
            return None
        row = self.rows.pop(index)
        if self._total is not None:
            self._total -= 1
        self._resize()
        self.highlighted = min(index, len(self.rows) - 1) if self.rows else None
        self.refresh()
        return row

    def append_row(self, row: dict[str, Any], *, first: bool = False) -> None:
        """Put a card at the end (or, with ``first``, at the top) and the cursor on it."""
        if first:
            self.rows.insert(0, row)
        else:
            self.rows.append(row)
        if self._total is not None:
            self._total += 1
        self._resize()
        self.highlighted = 0 if first else len(self.rows) - 1
        self.refresh()

    def move_row(self, item_id: int, step: int) -> bool:
        """Swap a card with its neighbour; False when it is already at that end."""
        index = self._index_of(item_id)
        if index is None or not 0 <= index + step < len(self.rows):
            return False
        rows = self.rows
        rows[index], rows[index + step] = rows[index + step], rows[index]
        self.highlighted = index + step
        self.refresh()
        return True

    def _index_of(self, item_id: int | None) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r["id"] == item_id), None)

    def select_item(self, item_id: int | None, *, fallback: int | None = None) -> None:
        """Put the cursor on an item, or at ``fallback`` (clamped), or on the first card."""
        if not self.option_count:
            self.highlighted = None
            return
        index = self._index_of(item_id)
        if index is None:
            index = min(fallback or 0, self.option_count - 1)
        self.highlighted = index

    @property
    def current(self) -> dict[str, Any] | None:
        """The highlighted card's row."""
        index = self.highlighted
        if index is None or self.collapsed or not 0 <= index < len(self.rows):
            return None
        return self.rows[index]

    def card_text(self, index: int) -> str:
        """The plain text of one card, as drawn (for tests and screen readers)."""
        lines = card_lines(self.rows[index], today=self._today, width=self.card_width,
                           show_client=self._show_client)  # fmt: skip
        return "\n".join(line.plain for line in lines)

    # --- cursor -----------------------------------------------------------------------------

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        if new is not None:
            height = self.card_height
            top = new * height
            self.scroll_to_region(Region(0, top, 1, height), animate=False, immediate=True)
        self.refresh()
        self.post_message(self.Highlighted(self))

    def action_cursor(self, step: int) -> None:
        if self.option_count:
            current = self.highlighted if self.highlighted is not None else -step
            self.highlighted = max(0, min(self.option_count - 1, current + step))

    def action_first(self) -> None:
        if self.option_count:
            self.highlighted = 0

    def action_last(self) -> None:
        if self.option_count:
            self.highlighted = self.option_count - 1

    def action_page(self, step: int) -> None:
        per_page = max(1, self.scrollable_content_region.height // self.card_height)
        self.action_cursor(step * per_page)

    def action_select(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Selected(self, row))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + int(self.scroll_offset.y)) // self.card_height
        if 0 <= index < self.option_count:
            self.highlighted = index
            if event.chain == 2:
                self.action_select()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self._resize()
        self.refresh()

    # --- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        height = self.card_height
        line = y + int(self.scroll_offset.y)
        index, offset = divmod(line, height)
        if self.collapsed or index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        return self._card_strips(index, width)[offset]

    def _card_strips(self, index: int, width: int) -> list[Strip]:
        row = self.rows[index]
        cursor = index == self.highlighted
        key = (row["id"], row.get("version"), row["status"], row.get("done_at"), cursor,
               cursor and self.has_focus, width, self._today, self._show_client)  # fmt: skip
        strips = self._cache.get(key)
        if strips is None:
            if len(self._cache) > 2000:
                self._cache.clear()
            strips = self._render_card(row, width, cursor)
            self._cache[key] = strips
        return strips

    def _render_card(self, row: dict[str, Any], width: int, cursor: bool) -> list[Strip]:
        plain = self.rich_style
        base = plain
        if cursor:
            name = "card--cursor" if self.has_focus else "card--cursor-blurred"
            base = plain + self.get_component_rich_style(name)
        lines = card_lines(row, today=self._today, width=width - 2,
                           show_client=self._show_client)  # fmt: skip
        console = self.app.console
        strips = []
        for n in range(self.card_height):
            # Lines past the card's content are the gap between cards: never highlighted.
            text = Text(" ") + lines[n] + Text(" ") if n < len(lines) else Text("")
            text.truncate(width, overflow="ellipsis", pad=True)
            style = base if n < len(lines) else plain
            segments = list(Segment.apply_style(text.render(console, end=""), style=style))
            strips.append(Strip(segments, width).simplify())
        return strips
