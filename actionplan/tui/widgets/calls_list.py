"""The calls list: one line per client with a call ahead, under a header of column names."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.strip import Strip

from actionplan.calls import CallRow, day_label
from actionplan.text import one_line
from actionplan.tui.widgets.line_list import LineList, noun_bindings

HEALTH_STYLES = {"green": "green", "amber": "yellow", "red": "bold red"}
WIDE = 110  # from this width on, the health's reason gets a column of its own
# Fixed columns: the call's date, health, not told, asks, last sent (cells, then the gap).
CALL, HEALTH, UNTOLD, ASKS, SENT, GAP = 10, 8, 8, 8, 15, 2
CLIENT_MIN, CLIENT_WIDE = 12, 30


def fit(text: str, width: int, style: str = "", *, right: bool = False) -> Text:
    """``text`` in exactly ``width`` cells: cut with … or padded (on the left when ``right``)."""
    cell = Text(text, style=style, no_wrap=True, overflow="ellipsis")
    cell.truncate(width, overflow="ellipsis")
    pad = width - cell.cell_len
    if right:
        return Text(" " * pad) + cell
    cell.pad_right(pad)
    return cell


def client_width(width: int) -> int:
    """How wide the client column is in a list ``width`` cells wide."""
    fixed = 1 + CALL + HEALTH + UNTOLD + ASKS + SENT + 5 * GAP
    if width >= WIDE:
        return CLIENT_WIDE
    return max(CLIENT_MIN, width - fixed)


def health_text(row: CallRow) -> Text:
    """ "● amber", with a * when set by hand (bold when the computed one disagrees)."""
    text = Text.assemble(("● ", HEALTH_STYLES.get(row.health, "")), row.health)
    if row.health_set:
        text.append("*", style="bold yellow" if row.computed else "dim")
    return text


def asks_text(row: CallRow) -> str:
    """ "2 · 9 d" (asks, and the oldest one's wait), or "0"."""
    return f"{row.asks} · {row.oldest_ask_days} d" if row.asks else "0"


def sent_text(row: CallRow, today: date) -> str:
    """ "Mon 23 Nov pdf", or "never"."""
    sent = row.last_sent
    return "never" if sent is None else f"{day_label(sent.at, today=today)} {sent.format}"


class CallsList(LineList[CallRow]):
    """The calls ahead, soonest first; the cursor moves from client to client."""

    COMPONENT_CLASSES = {"calls--cursor", "calls--cursor-blurred", "calls--header"}
    CURSOR_CLASS, BLURRED_CLASS = "calls--cursor", "calls--cursor-blurred"
    HEADER_ROWS = 1
    BINDINGS = noun_bindings("calls", "client")

    class Highlighted(LineList.Highlighted):
        """The cursor moved to another client."""

    class Selected(LineList.Selected):
        """A double click on a client (Enter is the screen's key)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[CallRow] = []
        self.today = date.today()

    def show(self, rows: list[CallRow], *, today: date, keep: int | None = None) -> None:
        """Show these clients, the cursor on client ``keep`` when it is still there."""
        self.rows, self.today = rows, today
        self._drawn.clear()
        self.size_lines()
        index = next((n for n, row in enumerate(rows) if row.client_id == keep), None)
        self.place_cursor(index)

    @property
    def option_count(self) -> int:
        return len(self.rows)

    def line_value(self, index: int) -> CallRow:
        return self.rows[index]

    def line_key(self, index: int) -> object:
        return self.rows[index]

    def render_header(self, y: int, width: int) -> Strip:
        style = self.rich_style + self.get_component_rich_style("calls--header")
        gap = " " * GAP
        text = Text(" ")
        text.append(fit("Call", CALL) + gap)
        text.append(fit("Client", client_width(width)) + gap)
        text.append(fit("Health", HEALTH) + gap)
        text.append(fit("Not told", UNTOLD, right=True) + gap)
        text.append(fit("Asks", ASKS, right=True) + gap)
        text.append(fit("Last sent", SENT))
        if width >= WIDE:
            text.append(gap + "Why")
        return self.text_strip(text, width, style)

    def render_option(self, index: int, width: int, cursor: bool) -> list[Strip]:
        row = self.rows[index]
        gap = " " * GAP
        soon = row.next_call <= self.today + timedelta(days=1)
        text = Text(" ")
        text.append(fit(day_label(row.next_call, today=self.today), CALL, "bold" if soon else ""))
        text.append(gap)
        text.append(fit(one_line(row.client), client_width(width)) + gap)
        health = health_text(row)
        health.truncate(HEALTH, pad=True)
        text.append(health + gap)
        untold = "yellow" if row.untold else "dim"
        text.append(fit(str(row.untold), UNTOLD, untold, right=True) + gap)
        text.append(fit(asks_text(row), ASKS, "" if row.asks else "dim", right=True) + gap)
        sent = sent_text(row, self.today)
        text.append(fit(sent, SENT, "dim" if row.last_sent is None else ""))
        if width >= WIDE:
            text.append(gap)
            text.append(one_line(row.health_reason), style="dim")
        return [self.text_strip(text, width, self.line_style(cursor))]
