"""Filling in a health check: every field of its form (internal ones too, marked), grouped under
the form's headings, each checked as it is typed, the client's last check of the same form shown
beside each field. Ctrl+S saves (one operation, which undo reverts); Esc cancels, asking first
when something was typed. Opened on a saved check, it edits that check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, Static, TextArea

from actionplan.health.form import Field
from actionplan.tui.app import WriteDone
from actionplan.tui.keys import key_name, scoped
from actionplan.tui.view import Heading, PlanView
from actionplan.tui.widgets.health_fields import (
    field_row,
    field_widget,
    last_text,
    raw_of,
    say_note,
)
from actionplan.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.health.form import Form
    from actionplan.plan.health import SavedCheck

DATE = Field("checked_on", "Date of the check", "date", required=True)
"""The check's own date: typed like any date field (today by default)."""

_key = scoped("health_form")


@dataclass(frozen=True)
class FormData:
    """The form, the check being edited (None for a new one) and the one before it."""

    form: Form
    editing: SavedCheck | None
    last: SavedCheck | None


def undo_key(app: Any) -> str:
    """The board's undo key as the user has it (remapped or not)."""
    keys = getattr(app.config, "keys", {}) or {}
    return key_name(str(keys.get("board.undo", "u")).split(",")[0])


class HealthFormScreen(PlanView[int | None, FormData]):
    """One health check to fill (or edit); returns the saved check's id, None when cancelled.

    Args:
        client: whose check it is.
        form: the form's key (or file name, or title).
        check_id: the check to edit; None for a new one.
        item_id: the recurring item a new check completes, in the same operation.
    """

    WHAT = "the health-check form"
    HELP_NOTES = (
        "Tab and Shift+Tab move between fields. Each value is checked as you type: what is "
        "wrong shows under the field in red, and a value past a threshold says amber or red. "
        "Blanks are allowed (N/A in the document). A list takes one entry per line. Internal "
        "fields are kept but never printed. 'last:' is this client's previous check of the form."
    )
    BINDINGS = [
        _key("ctrl+s", "save", "Save", "Save the check (refused while a field is wrong)"),
        _key("escape", "cancel", "Cancel", "Cancel (asks first when something was typed)"),
        # F1 first: in a text box, ? is typed like any other character.
        _key("f1,question_mark", "help", "Help", "This list of keys (in a text box, F1)"),
    ]

    def __init__(
        self,
        client: str,
        form: str,
        *,
        check_id: int | None = None,
        item_id: int | None = None,
    ) -> None:
        super().__init__()
        self.client = client
        self.form_key = form
        self.check_id = check_id
        self.item_id = item_id
        self.data: FormData | None = None
        self.fields: dict[str, Field] = {}
        """Each field's widget id, and the field."""
        self.errors: dict[str, str] = {}
        self.typed: dict[str, Any] = {}
        """What each widget held when it was filled (to tell whether anything was typed)."""
        self.saving = False

    def compose(self) -> ComposeResult:
        yield Heading(Text(" Health check ", style="bold reverse"), id="hc-title")
        with VerticalScroll(id="hc-body"):
            if self.data is not None:
                yield from self._rows(self.data)
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    # --- reading and drawing ------------------------------------------------------------------

    def read(self, session: Session) -> FormData:
        from actionplan.health.catalogue import find_form
        from actionplan.plan.health import checks_of, pick_check
        from actionplan.plan.named import client_named

        form = find_form(self.form_key)
        found = client_named(session, self.client)
        checks = checks_of(session=session, client=found, form=form.key)
        if self.check_id is not None:
            editing, last = pick_check(checks, self.check_id, found.name)
            return FormData(form, editing, last)
        return FormData(form, None, checks[-1] if checks else None)

    def failed(self, error: str) -> None:
        """A form that cannot be read (gone, broken, no such check) is said, and left."""
        if self.data is not None:
            super().failed(error)
            return
        self.notify(error, title="Cannot open the health check", severity="error")
        self.dismiss(None)

    def plan_changed(self) -> None:
        """Someone else changed the plan: what is typed here stays (it is read once)."""

    def show(self, data: FormData) -> None:
        if self.data is None:
            self.data = data
            self.call_later(self._draw_form)

    async def _draw_form(self) -> None:
        await self.recompose()
        self._draw_title()
        self._filled()
        self.refresh_bindings()  # the key bar drawn again by the recompose

    def _rows(self, data: FormData) -> ComposeResult:
        """The form: the check's date, then each section's heading and fields."""
        today = self.plan_app.today()
        values = data.editing.values if data.editing else {}
        last = data.last.values if data.last else None
        day = data.editing.checked_on if data.editing else today
        self.fields = {"hc-date": DATE}
        with Vertical(classes="hc-section"):
            hint = "2026-11-20, today, fri…"
            when = Input(day.isoformat(), placeholder=hint, compact=True, id="hc-date")
            yield from field_row(DATE, when, None)
        for s, section in enumerate(data.form.sections):
            with Vertical(classes="hc-section"):
                yield Label(Text(section.title, style="bold"), classes="hc-heading")
                for n, field in enumerate(section.fields):
                    ident = f"hc-field-{s}-{n}"
                    self.fields[ident] = field
                    widget = field_widget(field, values.get(field.key), ident)
                    shown = last_text(field, last.get(field.key)) if last is not None else None
                    yield from field_row(field, widget, shown)

    def _filled(self) -> None:
        """Once drawn: remember what each field holds, check it, focus the first field."""
        for ident in self.fields:
            self._check(ident)
            self.typed[ident] = raw_of(self.query_one(f"#{ident}"))
        # The first of the form's own fields (the date is already today's).
        first = next((i for i in self.fields if i != "hc-date"), "hc-date")
        self.query_one(f"#{first}").focus()

    def _draw_title(self) -> None:
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(" Health check ", style="bold reverse")
        if self.data is not None:
            title.append(f" {self.data.form.title}", style="bold")
            title.append(f" · {self.client}")
            if self.data.editing is not None:
                on = self.data.editing.checked_on.strftime("%d %b %Y").lstrip("0")
                title.append(f"  editing the check of {on}", style="yellow")
            if self.data.last is not None:
                on = self.data.last.checked_on.strftime("%d %b %Y").lstrip("0")
                title.append(f"  last: {on}", style="dim")
        self.query_one("#hc-title", Static).update(title)

    # --- checking as typed --------------------------------------------------------------------

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    def _changed(self, event: Input.Changed | Select.Changed | TextArea.Changed) -> None:
        ident = event.control.id if event.control is not None else None
        if ident in self.fields:
            self._check(ident)

    def _check(self, ident: str) -> Any:
        """Check one field's value; show its error or colour under it."""
        from actionplan.health.values import BadValue, check_value

        field = self.fields[ident]
        error, colour, value = None, None, None
        try:
            value = check_value(field, raw_of(self.query_one(f"#{ident}")), today=self._today())
            colour = field.colour(value)
        except BadValue as exc:
            error = str(exc)
        if error:
            self.errors[ident] = error
        else:
            self.errors.pop(ident, None)
        say_note(self.query_one(f"#{ident}-note", Static), error, colour)
        return value

    def _today(self) -> date:
        return self.plan_app.today()

    @property
    def dirty(self) -> bool:
        """Something was typed since the form was filled."""
        return any(raw_of(self.query_one(f"#{i}")) != raw for i, raw in self.typed.items())

    # --- saving and leaving -------------------------------------------------------------------

    def action_save(self) -> None:
        from actionplan.plan.health import Entry
        from actionplan.tui.health_writes import KeepCheck

        data = self.data
        if data is None or self.saving or self.plan_app.refuse_offline():
            return
        values = {i: self._check(i) for i in self.fields}
        if self.errors:
            first = next(i for i in self.fields if i in self.errors)
            self.query_one(f"#{first}").focus()
            self.notify(
                f"Nothing saved: {self.errors[first]}", title="Fix the field", severity="error"
            )
            return
        day = date.fromisoformat(values.pop("hc-date"))
        entry = Entry(
            data.form,
            {self.fields[i].key: v for i, v in values.items()},
            client=None if data.editing else self.client,
            checked_on=day,
            check_id=data.editing.id if data.editing else None,
            item_id=None if data.editing else self.item_id,
        )
        job = KeepCheck(entry, author=self.plan_app.author, today=self._today())
        self.saving = True
        self.plan_app.write("health check", job, self)

    def on_write_done(self, message: WriteDone) -> None:
        message.stop()
        self.saving = False
        if message.error:
            self.notify(message.error, title="Not saved: health check", severity="error")
            return
        self.notify(f"Saved the health check ({undo_key(self.app)} on the board undoes it)")
        self.dismiss(message.result)

    def action_cancel(self) -> None:
        if self.data is None or not self.dirty:
            self.dismiss(None)
            return
        from actionplan.tui.screens.people_dialogs import Confirm

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(
            Confirm(
                "Discard this health check?",
                "What you typed here is not saved.",
                "y discards · n or Esc goes back to the form",
            ),
            answered,
        )
