"""Switch client: type to narrow (the same name first, then names that start with the text, then
looser matches), see open and overdue counts, health, next call and last sent, Enter to go."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from actionplan.calls import LastSent, day_label, last_sent_by_client, next_calls_by_client
from actionplan.matches import ranked
from actionplan.queries import ClientCounts
from actionplan.tui.keys import bind
from actionplan.tui.labels import ALL_CLIENTS

if TYPE_CHECKING:
    from actionplan.tui.app import ActionPlanApp

NAME_MIN = 12
SHORT = 90  # under this many cells for the list, dates go without their weekday


def health(client: ClientCounts) -> tuple[str, str]:
    """A quick colour for the list: red when escalated or overdue, else green."""
    if client.escalated:
        return "●", "red"
    if client.overdue:
        return "●", "yellow"
    return "●", "green"


@dataclass(frozen=True)
class CallDates:
    """Each client's next call ahead and last summary sent, by client id."""

    calls: dict[int, date]
    sent: dict[int, LastSent]

    def text(self, client_id: int, today: date, *, short: bool) -> str:
        """ "call Fri 27 Nov · sent Mon 23 Nov" (either may be missing); "" for neither."""

        def shown(day: date) -> str:
            label = day_label(day, today=today)
            return label.split(" ", 1)[1] if short else label

        parts = []
        if (call := self.calls.get(client_id)) is not None:
            parts.append(f"call {shown(call)}")
        if (sent := self.sent.get(client_id)) is not None:
            parts.append(f"sent {shown(sent.at.date())}")
        return " · ".join(parts)


class ClientSwitcher(ModalScreen[str | None]):
    """Pick a client (or All clients); returns its name, or None on Escape."""

    BINDINGS = [
        bind("escape", "cancel", "Cancel", "switcher.cancel"),
        bind("down", "down", "Next", "switcher.down", show=False),
        bind("up", "up", "Previous", "switcher.up", show=False),
    ]

    @dataclass
    class DatesRead(Message):
        """The next calls and last sent dates, read once the switcher opens."""

        dates: CallDates

    def __init__(self, clients: list[ClientCounts], current: str | None) -> None:
        super().__init__()
        self.clients = clients
        self.current = current
        self.dates: CallDates | None = None
        """Next calls and last sent, once read (the list shows without them until then)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog switcher"):
            yield Label("Switch client", classes="dialog-title")
            yield Input(placeholder="type to search", id="search", compact=True)
            yield OptionList(id="client-list", compact=True)

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#search").focus()
        self._read_dates()

    @work(thread=True, exclusive=True, group="switcher-read", exit_on_error=False)
    def _read_dates(self) -> None:
        """Read every client's next call and last sent, once: two quick queries."""
        app = cast("ActionPlanApp", self.app)
        try:
            with app.db.session() as session:
                dates = CallDates(
                    next_calls_by_client(session, today=app.today()),
                    last_sent_by_client(session),
                )
        except Exception:  # the switcher works without them; the board reports the database
            return
        self.post_message(self.DatesRead(dates))

    @on(DatesRead)
    def _dates_read(self, message: DatesRead) -> None:
        self.dates = message.dates
        listing = self.query_one("#client-list", OptionList)
        at = listing.highlighted
        self._fill(self.query_one("#search", Input).value.strip())
        if at is not None and at < listing.option_count:
            listing.highlighted = at

    def _fill(self, query: str) -> None:
        listing = self.query_one("#client-list", OptionList)
        options: list[Option] = []
        layout = self._layout()
        by_name = {c.name: c for c in self.clients}
        names = [ALL_CLIENTS, *by_name]
        # Best first: "acme" is Acme itself, then Acme Holdings, before any looser match.
        shown = ranked(query, [*by_name, ALL_CLIENTS]) if query else names
        total_open = sum(c.open for c in self.clients)
        for name in shown:
            client = by_name.get(name)
            if client is None:
                options.append(
                    Option(
                        Text.assemble((ALL_CLIENTS, "bold"), (f"  {total_open} open", "dim")),
                        id=ALL_CLIENTS,
                    )
                )
                continue
            options.append(Option(self._label(client, *layout), id=client.name))
        listing.set_options(options)
        ids = [o.id for o in options]
        listing.highlighted = ids.index(self.current) if self.current in ids and not query else 0
        if not options:
            listing.highlighted = None

    def _layout(self) -> tuple[int, int, bool]:
        """The name and counts columns' widths, and whether dates go without weekdays."""
        room = self.query_one("#client-list", OptionList).scrollable_content_region.width
        counts = max((_counts(c).cell_len for c in self.clients), default=0)
        if self.dates is None or room <= 0:
            return max((len(c.name) for c in self.clients), default=0), counts, False
        short = room < SHORT
        dates = max((len(self._dates(c, short)) for c in self.clients), default=0)
        longest = max((len(c.name) for c in self.clients), default=0)
        name = max(NAME_MIN, min(longest, room - 2 - counts - 2 - dates - 1))
        return name, counts, short

    def _dates(self, client: ClientCounts, short: bool) -> str:
        if self.dates is None:
            return ""
        today = cast("ActionPlanApp", self.app).today()
        return self.dates.text(client.id, today, short=short)

    def _label(self, client: ClientCounts, name: int, counts: int, short: bool) -> Text:
        """A client's line: health dot, name, counts, then (muted) next call and last sent."""
        dot, colour = health(client)
        label = Text(no_wrap=True, overflow="ellipsis")
        label.append(dot + " ", style=colour)
        shown = Text(client.name)
        shown.truncate(name, overflow="ellipsis", pad=True)
        label.append_text(shown)
        dates = self._dates(client, short)
        tally = _counts(client)
        if dates:
            tally.pad_right(counts - tally.cell_len)
        label.append_text(tally)
        if dates:
            label.append(f"  {dates}", style="dim")
        return label

    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        self._fill(event.value.strip())

    @on(Input.Submitted, "#search")
    def _enter(self) -> None:
        listing = self.query_one("#client-list", OptionList)
        option = listing.highlighted_option
        if option is not None:
            self.dismiss(option.id)

    @on(OptionList.OptionSelected, "#client-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_down(self) -> None:
        self.query_one("#client-list", OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one("#client-list", OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)


def _counts(client: ClientCounts) -> Text:
    """ "  10 open · 2 overdue"."""
    text = Text(f"  {client.open} open", style="dim")
    if client.overdue:
        text.append(f" · {client.overdue} overdue", style="red")
    return text
