"""Switch client: type to narrow (the same name first, then names that start with the text, then
looser matches), see open and overdue counts and health, Enter to go."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from actionplan.matches import ranked
from actionplan.queries import ClientCounts
from actionplan.tui.keys import bind
from actionplan.tui.labels import ALL_CLIENTS


def health(client: ClientCounts) -> tuple[str, str]:
    """A quick colour for the list: red when escalated or overdue, else green."""
    if client.escalated:
        return "●", "red"
    if client.overdue:
        return "●", "yellow"
    return "●", "green"


class ClientSwitcher(ModalScreen[str | None]):
    """Pick a client (or All clients); returns its name, or None on Escape."""

    BINDINGS = [
        bind("escape", "cancel", "Cancel", "switcher.cancel"),
        bind("down", "down", "Next", "switcher.down", show=False),
        bind("up", "up", "Previous", "switcher.up", show=False),
    ]

    def __init__(self, clients: list[ClientCounts], current: str | None) -> None:
        super().__init__()
        self.clients = clients
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog switcher"):
            yield Label("Switch client", classes="dialog-title")
            yield Input(placeholder="type to search", id="search", compact=True)
            yield OptionList(id="client-list", compact=True)

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#search").focus()

    def _fill(self, query: str) -> None:
        listing = self.query_one("#client-list", OptionList)
        options: list[Option] = []
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
            dot, colour = health(client)
            label = Text.assemble(
                (dot + " ", colour), client.name, (f"  {client.open} open", "dim")
            )
            if client.overdue:
                label.append(f" · {client.overdue} overdue", style="red")
            options.append(Option(label, id=client.name))
        listing.set_options(options)
        ids = [o.id for o in options]
        listing.highlighted = ids.index(self.current) if self.current in ids and not query else 0
        if not options:
            listing.highlighted = None

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
