"""A person's contact details: side, their team (ours), client (a client's contact) or company
(a vendor's), role, e-mail, phone, an internal note, and whether they receive the status
summary. Checked before it closes: a bad e-mail or an unknown client is one line, and nothing
is saved until it is all valid."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from actionplan.known import key_of
from actionplan.matches import closest
from actionplan.models import Side
from actionplan.plan.contacts import clean_details
from actionplan.plan.errors import Invalid
from actionplan.text import quote
from actionplan.tui.keys import bind
from actionplan.tui.widgets.forms import labelled, say_in

if TYPE_CHECKING:
    from actionplan.queries import PersonRow

# Each side: how the list says it, what the field under it is called, and its placeholder.
SIDES = {
    Side.US: ("us: one of our people", "Team", "their team (Right completes)"),
    Side.CLIENT: ("client: a contact at a client", "Client", "which client (Right completes)"),
    Side.VENDOR: ("vendor: a supplier's contact", "Company", "their company (Right completes)"),
}
WHERE = {Side.US: "team", Side.CLIENT: "client", Side.VENDOR: "company"}
"""The detail the side's field sets."""


class ContactForm(ModalScreen[dict[str, Any] | None]):
    """Edit a person's details; Ctrl+S saves (returns what to give ``plan.save_person``), Esc
    cancels with nothing changed.

    Args:
        person: who, as the People screen read them.
        clients: every client's name (a client's contact must name one).
        teams, companies: our teams and the vendors' companies, to complete from.
    """

    BINDINGS = [
        bind("ctrl+s", "save", "Save", "contact.save"),
        bind("escape", "cancel", "Cancel", "contact.cancel"),
    ]

    def __init__(
        self, person: PersonRow, *, clients: list[str], teams: list[str], companies: list[str]
    ) -> None:
        super().__init__()
        self.person = person
        self.clients = clients
        self.offered = {Side.US: teams, Side.CLIENT: clients, Side.VENDOR: companies}
        self.side = person.side
        self.typed = {
            Side.US: person.team or "",
            Side.CLIENT: person.client or "",
            Side.VENDOR: person.company or "",
        }

    def compose(self) -> ComposeResult:
        person = self.person
        with Vertical(classes="dialog contact-form"):
            yield Label(Text(f"Contact details: {person.name}"), classes="dialog-title")
            yield from labelled(
                "Side",
                Select(
                    [(words, side.value) for side, (words, _, _) in SIDES.items()],
                    value=person.side.value,
                    allow_blank=False,
                    compact=True,
                    id="side",
                ),
            )
            with Horizontal(classes="form-row"):
                yield Label("Team", id="where-label", classes="field-label")
                yield Input(id="where", compact=True)
            for name, label, value, hint in (
                ("role", "Role", person.role, "e.g. Operations Director"),
                ("email", "E-mail", person.email, "name@example.com"),
                ("phone", "Phone", person.phone, "+44 20 7946 0000"),
            ):
                yield from labelled(
                    label, Input(value or "", id=name, placeholder=hint, compact=True)
                )
            with Horizontal(classes="form-row checks"):
                yield Checkbox(
                    "Receives the status summary",
                    person.status_recipient,
                    id="status_recipient",
                    compact=True,
                )
            yield Label(Text("INTERNAL NOTE · never leaves actionplan"), classes="internal-label")
            yield TextArea(person.note, id="note", classes="note internal", compact=True)
            yield Static("", classes="dialog-feedback")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save ctrl+s", id="save", variant="primary", compact=True)
                yield Button("Cancel esc", id="cancel", compact=True)

    def on_mount(self) -> None:
        self._show_side()
        self.query_one("#where", Input).focus()

    @on(Select.Changed, "#side")
    def _side_changed(self, event: Select.Changed) -> None:
        side = Side(str(event.value))
        if side == self.side:
            return
        self.typed[self.side] = self.query_one("#where", Input).value
        self.side = side
        self._show_side()

    def _show_side(self) -> None:
        """The field under the side asks for what that side needs, with what was typed for it."""
        _words, label, placeholder = SIDES[self.side]
        self.query_one("#where-label", Label).update(label)
        field = self.query_one("#where", Input)
        field.suggester = SuggestFromList(self.offered[self.side], case_sensitive=False)
        field.placeholder = placeholder
        field.value = self.typed[self.side]
        field.cursor_position = len(field.value)

    def _feedback(self, text: str, *, error: bool = False) -> None:
        say_in(self.query_one(".dialog-feedback", Static), text, error=error)

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        values = self._collect()
        if values is None:
            return
        if not self._changes(values):
            self.notify("No change", timeout=2)
            self.dismiss(None)
            return
        self.dismiss(values)

    def _collect(self) -> dict[str, Any] | None:
        """What to save, checked; None (with the reason shown) when something is wrong."""
        side = self.side
        where = " ".join(self.query_one("#where", Input).value.split())
        values: dict[str, Any] = {
            "side": side.value,
            "role": self.query_one("#role", Input).value,
            "email": self.query_one("#email", Input).value.strip(),
            "phone": self.query_one("#phone", Input).value,
            "note": self.query_one("#note", TextArea).text,
            "status_recipient": self.query_one("#status_recipient", Checkbox).value,
        }
        if side == Side.US:
            values.update(team=where, company="")
        elif side == Side.CLIENT:
            values.update(client=where, company="")
        else:
            values.update(company=where)
        try:
            cleaned = clean_details(**{k: v for k, v in values.items() if k != "side"})
        except Invalid as exc:
            self._feedback(str(exc), error=True)
            return None
        for key in ("team", "client", "company", "role", "email", "phone", "note"):
            if key in values:
                values[key] = getattr(cleaned, key)
        if side == Side.CLIENT and values["client"]:
            known = {key_of(name): name for name in self.clients}
            found = known.get(key_of(values["client"]))
            if found is None:
                near = closest(values["client"], self.clients)
                hint = f"; did you mean {quote(near)}?" if near else ""
                self._feedback(f"no client named {quote(values['client'])}{hint}", error=True)
                return None
            values["client"] = found
        self._feedback("")
        return values

    def _changes(self, values: dict[str, Any]) -> bool:
        """Whether ``values`` differ from what the person has now."""
        person = self.person
        now = {
            "side": person.side.value,
            "team": person.team or "",
            "client": person.client or "",
            "company": person.company or "",
            "role": person.role or "",
            "email": person.email or "",
            "phone": person.phone or "",
            "note": person.note,
            "status_recipient": person.status_recipient,
        }
        return any(
            now[key] != (value if value is not None else "") for key, value in values.items()
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
