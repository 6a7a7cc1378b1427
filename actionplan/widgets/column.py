"""One status column of the board: a single virtualised OptionList, a card per option."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from actionplan.models import Status
from actionplan.widgets.card import render_card

LABELS = {
    Status.PLANNED: "Planned",
    Status.DOING: "In progress",
    Status.WAITING: "Waiting",
    Status.DONE: "Done",
    Status.DROPPED: "Dropped",
}


class BoardColumn(OptionList):
    """The cards of one status, drawn as Rich text (no widget per card, so 5,000 stay fast)."""

    BINDINGS = [
        Binding("j", "cursor_down", "Next card", show=False),
        Binding("k", "cursor_up", "Previous card", show=False),
        Binding("g,home", "first", "First card", show=False),
        Binding("G,end", "last", "Last card", show=False),
    ]

    def __init__(self, status: Status) -> None:
        super().__init__(id=f"col-{status.value}", classes="board-column")
        self.status = status
        self.rows: list[dict[str, Any]] = []
        self.collapsed = False

    def show(
        self,
        rows: list[dict[str, Any]],
        *,
        today: date,
        show_client: bool,
        keep: int | None = None,
        total: int | None = None,
    ) -> None:
        """Draw these rows; keep the cursor on item ``keep`` (or near where it was).

        Args:
            total: how many the column holds before filtering, shown as "3/12".
        """
        old_index = self.highlighted
        self.rows = rows
        # The option's padding (1 each side) and the scrollbar (1) take room from the card.
        region = self.scrollable_content_region.width
        width = max(10, region - 3) if region else 30
        gap = self.app.size.width >= 120 and self.app.size.height >= 32
        if self.collapsed:
            self.set_options([])
        else:
            self.set_options(
                Option(
                    render_card(r, today=today, width=width, show_client=show_client, gap=gap),
                    id=str(r["id"]),
                )
                for r in rows
            )
        count = f"{len(rows)}/{total}" if total is not None and total != len(rows) else len(rows)
        fold = " ▸" if self.collapsed else ""
        self.border_title = f"{LABELS[self.status]} {count}{fold}"
        self.select_item(keep, fallback=old_index)

    def select_item(self, item_id: int | None, *, fallback: int | None = None) -> None:
        """Put the cursor on an item, or at ``fallback`` (clamped), or on the first card."""
        if not self.option_count:
            self.highlighted = None
            return
        index = next((i for i, r in enumerate(self.rows) if r["id"] == item_id), None)
        if index is None:
            index = min(fallback or 0, self.option_count - 1)
        self.highlighted = index

    @property
    def current(self) -> dict[str, Any] | None:
        """The highlighted card's row."""
        if self.highlighted is None or self.collapsed or not self.rows:
            return None
        if self.highlighted >= len(self.rows):
            return None
        return self.rows[self.highlighted]
