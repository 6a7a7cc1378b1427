"""One list drawn line by line (Textual's line API), under the board's columns, the agenda and
the recurring checks grid: the cursor, paging, clicks and a cache of drawn lines live here once.

A subclass says only what its lines are: how many (``option_count``), how tall
(``line_height``), which the cursor may rest on (``rests_on``), what one stands for
(``line_value``), what its look depends on (``line_key``) and how to draw it (``render_option``).
Only the lines on screen are drawn, so 50,000 cost no more to show than 50.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

T = TypeVar("T")

DRAWN_LINES = 1024  # lines (cards) kept drawn: a few screens' worth, whatever the list's size


def line_bindings(
    scope: str,
    *,
    down: str,
    up: str,
    first: str | None = None,
    last: str | None = None,
    select: str | None = None,
    across: Sequence[BindingType] = (),
) -> list[BindingType]:
    """The keys of a line list, each with an id (``scope.down``, ``scope.page_up``...) that the
    config file's ``[keys]`` remaps it by; none shows in the key bar.

    Args:
        scope: the view the list belongs to, as its other ids spell it ("board").
        down, up, first, last, select: what each key says in the help; Home/End and Enter are
            bound only when given one.
        across: the list's own keys, listed after Down and Up (the grid's weeks).
    """
    keys: list[BindingType] = [
        Binding("down,j", "cursor(1)", down, id=f"{scope}.down", show=False),
        Binding("up,k", "cursor(-1)", up, id=f"{scope}.up", show=False),
        *across,
    ]
    if first is not None:
        keys.append(Binding("home,g", "first", first, id=f"{scope}.first", show=False))
    if last is not None:
        keys.append(Binding("end,G", "last", last, id=f"{scope}.last", show=False))
    keys += [
        Binding("pagedown", "page(1)", "Page down", id=f"{scope}.page_down", show=False),
        Binding("pageup", "page(-1)", "Page up", id=f"{scope}.page_up", show=False),
    ]
    if select is not None:
        keys.append(Binding("enter", "select", select, id=f"{scope}.open", show=False))
    return keys


def noun_bindings(scope: str, noun: str, *, select: str | None = None) -> list[BindingType]:
    """:func:`line_bindings` for a list of one kind of line: Down, Up, Home and End say "Next
    ``noun``", "Previous", "First" and "Last"."""
    return line_bindings(
        scope,
        down=f"Next {noun}",
        up=f"Previous {noun}",
        first=f"First {noun}",
        last=f"Last {noun}",
        select=select,
    )


class LineList(ScrollView, Generic[T], can_focus=True):
    """Lines of one height under an optional fixed header, with a cursor on one of them.

    ``highlighted`` is the cursor's line (None when no line may have it). Moving it scrolls
    the line into view and posts ``Highlighted``; Enter (where bound) or a double click posts
    ``Selected``. A subclass nests its own ``Highlighted(LineList.Highlighted)`` and
    ``Selected(LineList.Selected)``, so its handlers read ``on_<widget>_highlighted``.
    """

    DEFAULT_CSS = """
    LineList {
        overflow-x: hidden;
    }
    """
    CURSOR_CLASS: ClassVar[str] = ""
    """The component class of the cursor's line; ``BLURRED_CLASS`` when the list has no focus."""
    BLURRED_CLASS: ClassVar[str] = ""
    HEADER_ROWS: ClassVar[int] = 0
    """Rows at the top that stay put while the lines under them scroll (``render_header``)."""

    highlighted: reactive[int | None] = reactive(None, always_update=True)

    @dataclass
    class Highlighted(Message):
        """The cursor moved (or was put back where it was): ``index`` is its line, or None."""

        line_list: LineList[Any]
        index: int | None

        @property
        def control(self) -> LineList[Any]:
            return self.line_list

    @dataclass
    class Selected(Message):
        """Enter (where the list binds it) or a double click on line ``index``."""

        line_list: LineList[Any]
        index: int

        @property
        def control(self) -> LineList[Any]:
            return self.line_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._drawn: LRUCache[Hashable, list[Strip]] = LRUCache(DRAWN_LINES)
        self._frame: tuple[int, int] | None = None  # width and line height, while painting

    # --- what a subclass says ---------------------------------------------------------------

    @property
    def option_count(self) -> int:
        """How many lines the list has."""
        raise NotImplementedError

    @property
    def line_height(self) -> int:
        """Screen rows per line (a card is several)."""
        return 1

    def rests_on(self, index: int) -> bool:
        """Whether the cursor may stop on line ``index`` (not on a heading, say)."""
        return True

    def line_value(self, index: int) -> T:
        """What line ``index`` stands for (a card's row, an agenda line, a grid row)."""
        raise NotImplementedError

    def line_key(self, index: int) -> Hashable:
        """What line ``index``'s look depends on, besides the cursor, focus and width: a drawn
        line is reused while its key is the same."""
        return index

    def render_option(self, index: int, width: int, cursor: bool) -> list[Strip]:
        """Draw line ``index``: ``line_height`` strips of ``width`` cells."""
        raise NotImplementedError

    def render_header(self, y: int, width: int) -> Strip:
        """Draw row ``y`` of the fixed header."""
        return Strip.blank(width, self.rich_style)

    def click_at(self, index: int, x: int) -> bool:
        """A click at column ``x`` of line ``index``: True puts the cursor there."""
        return True

    def line_region(self, index: int) -> Region:
        """What to scroll into view when the cursor is on line ``index`` (the header too)."""
        height = self.line_height
        return Region(0, index * height, 1, height + self.HEADER_ROWS)

    # --- the cursor ------------------------------------------------------------------------

    @property
    def current(self) -> T | None:
        """What the cursor's line stands for; None when there is no cursor."""
        index = self.highlighted
        if index is None or not 0 <= index < self.option_count or not self.rests_on(index):
            return None
        return self.line_value(index)

    def place_cursor(self, index: int | None) -> None:
        """Put the cursor on line ``index`` (kept within the list), or on the nearest line it
        may rest on after it, else before it; on none (scrolled home) when there is none."""
        count = self.option_count
        start = min(max(index or 0, 0), count - 1)
        found = self._rest_from(start, 1)
        self.highlighted = found if found is not None else self._rest_from(start - 1, -1)
        if self.highlighted is None:
            self.scroll_home(animate=False, immediate=True)

    def _rest_from(self, start: int, step: int) -> int | None:
        """The first line from ``start`` (itself included), going ``step``, that may have the
        cursor."""
        n, count = start, self.option_count
        while 0 <= n < count:
            if self.rests_on(n):
                return n
            n += step
        return None

    def watch_highlighted(self, index: int | None) -> None:
        if index is not None:
            # The headings just above the cursor come into view with it ("Clients" above the
            # first client), so the cursor's line never shows without what it belongs to.
            top = index
            while top > 0 and not self.rests_on(top - 1):
                top -= 1
            region = self.line_region(index).union(self.line_region(top))
            self.scroll_to_region(region, animate=False, force=True, immediate=True)
        self.refresh()
        self.post_message(self.Highlighted(self, index))

    def action_cursor(self, step: int) -> None:
        """The next line down (1) or up (-1) that may have the cursor; at the end, it stays."""
        if self.highlighted is None:
            self.action_first()
            return
        found = self._rest_from(self.highlighted + step, step)
        self.highlighted = found if found is not None else self.highlighted

    def action_first(self) -> None:
        found = self._rest_from(0, 1)
        if found is not None:
            self.highlighted = found

    def action_last(self) -> None:
        found = self._rest_from(self.option_count - 1, -1)
        if found is not None:
            self.highlighted = found

    @property
    def page_size(self) -> int:
        """How many lines Page Down moves: as many as the screen shows whole."""
        rows = self.scrollable_content_region.height - self.HEADER_ROWS
        return max(1, rows // self.line_height)

    def action_page(self, step: int) -> None:
        """A page of lines down (1) or up (-1)."""
        if self.highlighted is None:
            return
        target = self.highlighted + step * self.page_size
        target = max(0, min(self.option_count - 1, target))
        found = self._rest_from(target, step)
        if found is None:
            found = self._rest_from(target, -step)
        if found is not None:
            self.highlighted = found

    def action_select(self) -> None:
        index = self.highlighted
        if index is not None and self.current is not None:
            self.post_message(self.Selected(self, index))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < self.HEADER_ROWS:
            return
        index = (offset.y - self.HEADER_ROWS + int(self.scroll_offset.y)) // self.line_height
        if not (0 <= index < self.option_count and self.rests_on(index)):
            return
        if self.click_at(index, offset.x):
            self.highlighted = index
            if event.chain == 2:
                self.action_select()

    def on_focus(self) -> None:
        self.refresh()  # the cursor's line is drawn brighter with focus

    def on_blur(self) -> None:
        self.refresh()

    # --- size and drawing ------------------------------------------------------------------

    def on_resize(self) -> None:
        self.size_lines()

    def size_lines(self) -> None:
        """Size the scroll area to the lines (call after they change) and draw again."""
        width = self.scrollable_content_region.width
        size = Size(width, self.HEADER_ROWS + self.option_count * self.line_height)
        viewport = self.scrollable_content_region.height
        height = self.styles.height
        fixed = height is not None and not height.is_auto
        if fixed and (size.height > viewport) == (self.virtual_size.height > viewport):
            # The list's height is not its content's, and the scrollbar neither comes nor
            # goes: no need to lay out the whole screen again.
            self.set_reactive(LineList.virtual_size, size)
            self._scroll_update(size)
        else:
            self.virtual_size = size
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        # The width and the line height once a paint, not once a row: working out the width
        # is most of what drawing a row from the cache costs.
        self._frame = (self.scrollable_content_region.width, self.line_height)
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def render_line(self, y: int) -> Strip:
        width, height = self._frame or (self.scrollable_content_region.width, self.line_height)
        if y < self.HEADER_ROWS:
            return self.render_header(y, width)
        index, offset = divmod(y - self.HEADER_ROWS + int(self.scroll_offset.y), height)
        if not 0 <= index < self.option_count:
            return Strip.blank(width, self.rich_style)
        cursor = index == self.highlighted
        key = (self.line_key(index), cursor, cursor and self.has_focus, width)
        strips = self._drawn.get(key)
        if strips is None:
            strips = self.render_option(index, width, cursor)
            self._drawn[key] = strips
        return strips[offset] if offset < len(strips) else Strip.blank(width, self.rich_style)

    def line_style(self, cursor: bool) -> Style:
        """The list's style, with the cursor's on the cursor's line (dimmer without focus)."""
        if not cursor:
            return self.rich_style
        name = self.CURSOR_CLASS if self.has_focus else self.BLURRED_CLASS
        return self.rich_style + self.get_component_rich_style(name)

    def text_strip(self, text: Text, width: int, style: Style) -> Strip:
        """``text`` as one screen row of ``width`` cells (cut with … or padded), in ``style``."""
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = Segment.apply_style(text.render(self.app.console, end=""), style=style)
        return Strip(list(segments), width).simplify()
