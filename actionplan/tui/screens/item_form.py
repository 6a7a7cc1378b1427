"""The item editor: every field, checked as you type, nothing saved until it is all valid."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from actionplan.known import key_of
from actionplan.models import RepeatFrom, Status, WaitingOn
from actionplan.plan.errors import Invalid
from actionplan.plan.recurrence import Repeat, describe_repeat, parse_repeat, short_repeat
from actionplan.text import NAME_MAX, REASON_MAX, TITLE_MAX, TextError, clean_line
from actionplan.tui.keys import bind
from actionplan.tui.labels import FIELD_LABELS, STATUS_LABELS, short_label
from actionplan.tui.widgets.date_input import DateInput
from actionplan.tui.widgets.forms import labelled, say_in
from actionplan.tui.widgets.owner_input import OwnerInput
from actionplan.tui.writes import NewPerson

if TYPE_CHECKING:
    from actionplan.rows import ItemRow
    from actionplan.tui.widgets.owner_input import Answer

FormResult = tuple[int | None, int | None, dict[str, Any], NewPerson | None]
"""The item's id and version (None for a new item), the fields to save, and the new person
the user confirmed as its owner (None when the owner is someone known, or no one)."""


def _value(v: Any) -> Any:
    return getattr(v, "value", v)


class ItemForm(ModalScreen[FormResult | None]):
    """Add or edit an item. Ctrl+S saves, Escape cancels with nothing changed."""

    BINDINGS = [
        bind("ctrl+s", "save", "Save", "form.save"),
        bind("escape", "cancel", "Cancel", "form.cancel"),
    ]

    def __init__(
        self,
        row: ItemRow | None,
        *,
        client: str | None,
        status: Status,
        people: list[str],
        clients: list[str],
        today: date,
        day_first: bool,
    ) -> None:
        super().__init__()
        self.row = row
        self.client = client
        self.status = status
        self.people = people
        self.clients = clients
        self.today = today
        self.day_first = day_first
        self.new_owner: NewPerson | None = None
        """The owner the user confirmed as a new person (added when the item is saved)."""

    def _get(self, key: str, default: Any = None) -> Any:
        return self.row.get(key, default) if self.row else default

    def compose(self) -> ComposeResult:
        heading = f"Edit #{self.row['id']}" if self.row else "New item"
        with Vertical(classes="dialog form"):
            yield Label(heading, classes="dialog-title")
            with VerticalScroll():
                yield from _row(
                    self._text(
                        "client",
                        self.client or "",
                        "client name (new ones are created)",
                        suggest=self.clients,
                    )
                )
                yield from _row(self._text("title", self._get("title", ""), "what must get done"))
                yield from _row(
                    Select(
                        [(STATUS_LABELS[s], s.value) for s in Status],
                        id="status",
                        compact=True,
                        value=_value(self.status),
                        allow_blank=False,
                    )
                )
                yield from _row(
                    Select(
                        [(w.value, w.value) for w in WaitingOn],
                        id="waiting_on",
                        compact=True,
                        value=_value(self._get("waiting_on")) or Select.NULL,
                        prompt="whom?",
                    )
                )
                with Horizontal(classes="form-row owner-row"):
                    yield Label(short_label("owner"), classes="field-label")
                    yield OwnerInput(
                        self._get("owner") or "",
                        people=self.people,
                        client=self.client,
                        placeholder="name; Tab completes, a new name asks first",
                        compact=True,
                        id="owner",
                    )
                yield Static("", id="owner-note", classes="field-note")
                yield from _row(self._date("due", "fri, +2w, 5 dec, none"))
                yield from _row(self._date("committed", "the date the client was told"))
                with Horizontal(classes="form-row"):
                    yield Label("Repeat", classes="field-label")
                    yield Input(
                        short_repeat(self._get("repeat_every"), self._get("repeat_unit")),
                        id="repeat",
                        compact=True,
                        placeholder="3w, monthly, every 10 days",
                    )
                    yield Select(
                        [("from the due date", "due"), ("from completion", "done")],
                        id="repeat_from",
                        compact=True,
                        value=_value(self._get("repeat_from")) or RepeatFrom.DUE.value,
                        allow_blank=False,
                    )
                yield Static("", id="repeat-note", classes="field-note")
                yield from _row(self._health_form())
                with Horizontal(classes="form-row checks"):
                    yield Checkbox(
                        FIELD_LABELS["must"], self._get("must", True), id="must", compact=True
                    )
                    yield Checkbox(
                        "Internal only",
                        _value(self._get("visibility")) == "internal",
                        id="internal_only",
                        compact=True,
                    )
                    yield Checkbox(
                        FIELD_LABELS["escalated"],
                        self._get("escalated", False),
                        id="escalated",
                        compact=True,
                    )
                yield from _row(
                    self._text(
                        "escalation_reason",
                        self._get("escalation_reason", ""),
                        "why management must see it (internal)",
                    )
                )
                yield Label("Client note (may appear in summaries)", classes="note-label")
                yield TextArea(
                    self._get("client_note", ""), id="client_note", classes="note", compact=True
                )
                yield Label(
                    Text("INTERNAL NOTE · never leaves actionplan"),
                    classes="internal-label",
                )
                yield TextArea(
                    self._get("internal_note", ""),
                    id="internal_note",
                    classes="note internal",
                    compact=True,
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save ctrl+s", id="save", variant="primary", compact=True)
                yield Button("Cancel esc", id="cancel", compact=True)

    def _text(
        self, name: str, value: str, placeholder: str, *, suggest: list[str] | None = None
    ) -> Input:
        """A one-line text field; with ``suggest``, Right at the end completes from those names."""
        suggester = None if suggest is None else SuggestFromList(suggest, case_sensitive=False)
        return Input(value, id=name, compact=True, placeholder=placeholder, suggester=suggester)

    def _health_form(self) -> Select[str]:
        """The health-check form a recurring check fills when done (the usable forms)."""
        from actionplan.health.catalogue import list_forms

        forms = [(e.loaded.title, e.name) for e in list_forms() if e.loaded is not None]
        current = self._get("health_form")
        if current and current not in {key for _, key in forms}:
            forms.append((f"{current} (its file is gone)", current))
        return Select(
            forms,
            id="health_form",
            compact=True,
            value=current or Select.NULL,
            prompt="none (a check's completion fills no form)",
        )

    def _date(self, name: str, placeholder: str) -> DateInput:
        """A date field that says what it means under it as it is typed."""
        return DateInput(
            self._get(name),
            today=self.today,
            day_first=self.day_first,
            id=name,
            compact=True,
            placeholder=placeholder,
        )

    def on_mount(self) -> None:
        self.query_one("#title" if self.client else "#client").focus()
        self._sync()
        self._check_repeat()

    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _sync(self) -> None:
        waiting = self.query_one("#status", Select).value == Status.WAITING.value
        self.query_one("#waiting_on", Select).disabled = not waiting
        escalated = self.query_one("#escalated", Checkbox).value
        self.query_one("#escalation_reason", Input).disabled = not escalated
        if self.is_mounted:
            self._check_repeat()

    @on(Input.Changed, "#client")
    def _client_typed(self, event: Input.Changed) -> None:
        self.query_one(OwnerInput).client = " ".join(event.value.split()) or None

    @on(OwnerInput.Chosen)
    def _owner_chosen(self, event: OwnerInput.Chosen) -> None:
        """Enter in the owner field: keep who it is (a new person, once confirmed), move on."""
        self._owner_settled(event.answer)
        self.query_one("#due", DateInput).focus()

    def _owner_settled(self, answer: Answer) -> None:
        if isinstance(answer, NewPerson):
            self.new_owner = answer
            self.query_one(OwnerInput).value = answer.name
        self._note("owner", "")

    @on(DateInput.Read)
    def _show_date(self, message: DateInput.Read) -> None:
        """Say under a date field what it means (or what is wrong)."""
        assert message.date_input.id is not None
        self._note(message.date_input.id, message.meaning, error=message.error is not None)

    @on(Input.Changed, "#repeat")
    def _check_repeat(self) -> Repeat | Invalid | None:
        """Read the repeat and say what it means under it (or what is wrong)."""
        text = self.query_one("#repeat", Input).value
        since = self.query_one("#repeat_from", Select)
        try:
            repeat = parse_repeat(text)
        except Invalid as exc:
            self._note("repeat", str(exc), error=True)
            return exc
        since.disabled = repeat is None
        if repeat is None:
            self._note("repeat", "→ does not repeat" if text.strip() else "")
        else:
            meaning = describe_repeat(repeat.every, repeat.unit, str(since.value))
            self._note("repeat", f"→ {meaning}")
        return repeat

    def _note(self, name: str, text: str, *, error: bool = False) -> None:
        box = self.query_one(f"#{name}-note", Static)
        say_in(box, text, error=error)
        box.set_class(bool(text), "-shown")

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if getattr(self.app, "offline", None):
            # Keep everything typed: it can be saved once the database is back.
            self.notify(
                "Offline: nothing saved yet. Your edit stays here; save again when it is back.",
                severity="error",
            )
            return
        values, ok = self._collect()
        if not ok:
            self.notify("Fix the fields marked in red; nothing was saved", severity="error")
            return
        person = None
        if values.get("owner"):
            new, known = self.new_owner, self.query_one(OwnerInput).known(values["owner"])
            if new is not None and key_of(new.name) == key_of(values["owner"]):
                person = new
                values["owner"] = new.name
            elif known is None:
                # A name that is nobody's: ask before adding them; saved once answered.
                self.query_one(OwnerInput).settle(self._save_with_owner)
                return
            else:
                values["owner"] = known
        item_id = self.row["id"] if self.row else None
        version = self.row["version"] if self.row else None
        self.dismiss((item_id, version, values, person))

    def _save_with_owner(self, answer: Answer) -> None:
        self._owner_settled(answer)
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def _collect(self) -> tuple[dict[str, Any], bool]:
        ok = True
        values: dict[str, Any] = {}

        def line(name: str, max_len: int, required: bool) -> None:
            nonlocal ok
            field = self.query_one(f"#{name}")
            assert isinstance(field, Input | OwnerInput)
            try:
                values[name] = clean_line(
                    field.value,
                    field=name,
                    max_len=max_len,
                    required=required,
                )
                self._note(name, "")
            except TextError as exc:
                self._note(name, str(exc), error=True)
                ok = False

        line("client", NAME_MAX, True)
        line("title", TITLE_MAX, True)
        line("owner", NAME_MAX, False)
        values["owner"] = values.get("owner") or None
        for name in ("due", "committed"):
            reading = self.query_one(f"#{name}", DateInput).reading()
            self._show_date(reading)
            if reading.error is not None:
                ok = False
            else:
                values[name] = reading.value
        status = Status(str(self.query_one("#status", Select).value))
        values["status"] = status
        waiting = self.query_one("#waiting_on", Select).value
        values["waiting_on"] = (
            waiting if status == Status.WAITING and waiting != Select.NULL else None
        )
        values["must"] = self.query_one("#must", Checkbox).value
        internal = self.query_one("#internal_only", Checkbox).value
        values["visibility"] = "internal" if internal else "client"
        escalated = self.query_one("#escalated", Checkbox).value
        values["escalated"] = escalated
        if escalated:
            line("escalation_reason", REASON_MAX, True)
        else:
            values["escalation_reason"] = ""
            self._note("escalation_reason", "")
        repeat = self._check_repeat()
        if isinstance(repeat, Invalid):
            ok = False
        else:
            values["repeat_every"] = repeat.every if repeat else None
            values["repeat_unit"] = repeat.unit if repeat else None
            since = str(self.query_one("#repeat_from", Select).value)
            values["repeat_from"] = RepeatFrom(since) if repeat else None
        form = self.query_one("#health_form", Select).value
        values["health_form"] = None if form == Select.NULL else str(form)
        values["client_note"] = self.query_one("#client_note", TextArea).text
        values["internal_note"] = self.query_one("#internal_note", TextArea).text
        if self.row is not None:
            values = {k: v for k, v in values.items() if _changed(self.row, k, v)}
        return values, ok


def _changed(row: ItemRow, key: str, value: Any) -> bool:
    current = row["client"] if key == "client" else row.get(key)
    return _value(current) != _value(value) and not (current in (None, "") and value in (None, ""))


def _row(widget: Input | Select[str]) -> ComposeResult:
    """A field labelled with its name, and a line under it for what it means or what is wrong."""
    assert widget.id is not None
    yield from labelled(short_label(widget.id), widget)
    yield Static("", id=f"{widget.id}-note", classes="field-note")
