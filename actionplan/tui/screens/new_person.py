""" "New person 'Pri'?": asked before an owner nobody has is added, with their side and team."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from actionplan.known import key_of
from actionplan.matches import closest
from actionplan.models import Side
from actionplan.text import NAME_MAX, TextError, clean_line
from actionplan.tui.keys import bind
from actionplan.tui.widgets.forms import say_in
from actionplan.tui.writes import NewPerson

if TYPE_CHECKING:
    from actionplan.tui.widgets.directory import Directory

# Each side: how the list says it, and what the field under it asks for.
SIDES = [
    (Side.US, "us", "one of our people", "Team"),
    (Side.CLIENT, "client", "a contact at the client", "Client"),
    (Side.VENDOR, "vendor", "a supplier's contact", "Company"),
]


class SideList(OptionList, can_focus=False):
    """Which side the new person is on; the dialog's Up/Down move through it."""


class NewPersonDialog(ModalScreen[NewPerson | None]):
    """Confirm a new person: their side, and their team (ours), client or company. Enter adds
    them; Esc goes back to the owner field with the name kept, and nothing is added.

    Args:
        name: the name typed, which is nobody's.
        near: an existing name it may be a slip for ("did you mean …?").
        client: the item's client, offered for a client-side contact.
        directory: everyone and every client, for the suggestions.
    """

    BINDINGS = [
        bind("escape", "cancel", "Back to the name", "newperson.back"),
        bind("down", "side(1)", "Next side", "newperson.side_next", show=False),
        bind("up", "side(-1)", "Previous side", "newperson.side_previous", show=False),
    ]

    def __init__(
        self, name: str, *, near: str | None, client: str | None, directory: Directory
    ) -> None:
        super().__init__(classes="prompt")
        self.person_name = name
        self.near = near
        self.client = client
        self.directory = directory
        self.side = 0
        self.typed = {Side.US: "", Side.CLIENT: client or "", Side.VENDOR: ""}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog new-person"):
            yield Label(Text(f"New person '{self.person_name}'?"), classes="dialog-title")
            if self.near:
                yield Static(
                    Text.assemble(
                        "did you mean ",
                        (f"'{self.near}'", "bold"),
                        "? Esc goes back to the name, where Tab completes it.",
                    ),
                    id="did-you-mean",
                )
            yield Label("Side (Up/Down)", classes="dialog-hint")
            yield SideList(*self._sides(), id="side", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Team", id="where-label", classes="field-label")
                yield Input(id="where", compact=True)
            yield Static("", classes="dialog-feedback")
            yield Label(
                Text("Enter adds them · Up/Down side · Esc back to the name", style="dim"),
                classes="dialog-keys",
            )

    def _sides(self) -> list[Option]:
        options = []
        for _side, word, what, _field in SIDES:
            if word == "client" and self.client:
                what = f"a contact at {self.client}"
            options.append(Option(Text.assemble((f"{word:<8}", "bold"), what)))
        return options

    def on_mount(self) -> None:
        self.query_one(SideList).highlighted = 0
        self._show_side()
        self.query_one("#where", Input).focus()

    @property
    def chosen(self) -> Side:
        return SIDES[self.side][0]

    def action_side(self, step: int) -> None:
        field = self.query_one("#where", Input)
        self.typed[self.chosen] = field.value
        self.side = (self.side + step) % len(SIDES)
        self.query_one(SideList).highlighted = self.side
        self._show_side()

    def _show_side(self) -> None:
        """The field under the list asks for what this side needs, with what was typed for
        it (the item's client for a client's contact) and the names it can complete to."""
        side, _word, _what, label = SIDES[self.side]
        offered = {
            Side.US: self.directory.teams,
            Side.CLIENT: self.directory.clients,
            Side.VENDOR: self.directory.companies,
        }[side]
        self.query_one("#where-label", Label).update(label)
        field = self.query_one("#where", Input)
        field.suggester = SuggestFromList(offered, case_sensitive=False)
        field.placeholder = {
            Side.US: "their team (Right completes; may stay empty)",
            Side.CLIENT: "which client (Right completes)",
            Side.VENDOR: "their company (Right completes; may stay empty)",
        }[side]
        field.value = self.typed[side]
        field.cursor_position = len(field.value)
        self._say()

    @on(Input.Changed, "#where")
    def _say(self) -> None:
        """What Enter will add, in words."""
        where = " ".join(self.query_one("#where", Input).value.split())
        side = self.chosen
        if side == Side.US:
            what = f"one of us, team {where}" if where else "one of us (no team)"
        elif side == Side.CLIENT:
            what = f"a contact at {where}" if where else "a client's contact"
        else:
            what = f"a vendor's contact, {where}" if where else "a vendor's contact"
        self._feedback(f"→ adds '{self.person_name}': {what}")

    def _feedback(self, text: str, *, error: bool = False) -> None:
        say_in(self.query_one(".dialog-feedback", Static), text, error=error)

    @on(Input.Submitted, "#where")
    def _add(self, event: Input.Submitted) -> None:
        event.stop()
        side = self.chosen
        try:
            where = clean_line(event.value, field=SIDES[self.side][3].lower(), max_len=NAME_MAX)
        except TextError as exc:
            self._feedback(str(exc), error=True)
            return
        if side == Side.CLIENT:
            if not where:
                self._feedback("Which client is this a contact of?", error=True)
                return
            known = {key_of(c): c for c in self.directory.clients}
            if key_of(where) not in known:
                near = closest(where, self.directory.clients)
                hint = f"; did you mean '{near}'?" if near else ""
                self._feedback(f"No client named '{where}'{hint}", error=True)
                return
            where = known[key_of(where)]
        self.dismiss(
            NewPerson(
                self.person_name,
                side,
                team=(where or None) if side == Side.US else None,
                client=where if side == Side.CLIENT else None,
                company=(where or None) if side == Side.VENDOR else None,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
