"""One status column of the board: a line list whose lines are cards.

Every card has the same height, so finding the card under a line is a division, a move
touches two cards, and 10,000 cards cost no more to show than 10.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from rich.text import Text
from textual.strip import Strip

from actionplan.models import Status
from actionplan.rows import ItemRow
from actionplan.tui.labels import STATUS_LABELS
from actionplan.tui.widgets.card import card_lines
from actionplan.tui.widgets.line_list import LineList, noun_bindings

WIDE = 30  # from this card width on, cards get a blank line after them


class BoardColumn(LineList[ItemRow]):
    """The cards of one status; the cursor (highlighted card) is what card keys act on."""

    COMPONENT_CLASSES = {"card--cursor", "card--cursor-blurred"}
    CURSOR_CLASS, BLURRED_CLASS = "card--cursor", "card--cursor-blurred"
    BINDINGS = noun_bindings("board", "card", select="Edit card")

    class Highlighted(LineList.Highlighted):
        """The cursor moved to another card (or to none)."""

    class Selected(LineList.Selected):
        """Enter (or a double click) on a card."""

    def __init__(self, status: Status) -> None:
        super().__init__(id=f"col-{status.value}", classes="board-column")
        self.status = status
        self.rows: list[ItemRow] = []
        self.collapsed = False
        self._today = date.today()
        self._show_client = False
        self._total: int | None = None  # cards before the filter, for "3/12"

    # --- its lines: cards --------------------------------------------------------------------

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

    @property
    def line_height(self) -> int:
        return self.card_height

    def line_value(self, index: int) -> ItemRow:
        return self.rows[index]

    def line_key(self, index: int) -> Hashable:
        row = self.rows[index]
        return (row["id"], row["version"], row["status"], row["done_at"], self._today,
                self._show_client)  # fmt: skip

    def render_option(self, index: int, width: int, cursor: bool) -> list[Strip]:
        plain, base = self.rich_style, self.line_style(cursor)
        lines = card_lines(self.rows[index], today=self._today, width=width - 2,
                           show_client=self._show_client)  # fmt: skip
        strips = []
        for n in range(self.card_height):
            # Lines past the card's content are the gap between cards: never highlighted.
            if n < len(lines):
                strips.append(self.text_strip(Text(" ") + lines[n] + Text(" "), width, base))
            else:
                strips.append(self.text_strip(Text(""), width, plain))
        return strips

    def card_text(self, index: int) -> str:
        """The plain text of one card, as drawn (for tests and screen readers)."""
        lines = card_lines(self.rows[index], today=self._today, width=self.card_width,
                           show_client=self._show_client)  # fmt: skip
        return "\n".join(line.plain for line in lines)

    # --- what the board shows ----------------------------------------------------------------

    def show(
        self,
        rows: list[ItemRow],
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
        self.size_lines()
        self.select_item(keep, fallback=old_index)

    def size_lines(self) -> None:
        super().size_lines()
        shown = len(self.rows)
        total = self._total
        count = f"{shown}/{total}" if total is not None and total != shown else str(shown)
        fold = " ▸" if self.collapsed else ""
        self.border_title = f"{STATUS_LABELS[self.status]} {count}{fold}"

    def remove_row(self, item_id: int) -> ItemRow | None:
        """Take a card out (a move or a delete shown at once); returns its row."""
        index = self._index_of(item_id)
        if index is None:
            return None
        row = self.rows.pop(index)
        if self._total is not None:
            self._total -= 1
        self.size_lines()
        self.highlighted = min(index, len(self.rows) - 1) if self.rows else None
        return row

    def append_row(self, row: ItemRow, *, first: bool = False) -> None:
        """Put a card at the end (or, with ``first``, at the top) and the cursor on it."""
        if first:
            self.rows.insert(0, row)
        else:
            self.rows.append(row)
        if self._total is not None:
            self._total += 1
        self.size_lines()
        self.highlighted = 0 if first else len(self.rows) - 1

    def move_row(self, item_id: int, step: int) -> bool:
        """Swap a card with its neighbour; False when it is already at that end."""
        index = self._index_of(item_id)
        if index is None or not 0 <= index + step < len(self.rows):
            return False
        rows = self.rows
        rows[index], rows[index + step] = rows[index + step], rows[index]
        self.highlighted = index + step
        return True

    def _index_of(self, item_id: int | None) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r["id"] == item_id), None)

    def select_item(self, item_id: int | None, *, fallback: int | None = None) -> None:
        """Put the cursor on an item, or at ``fallback`` (clamped), or on the first card."""
        index = self._index_of(item_id)
        self.place_cursor(index if index is not None else fallback)
