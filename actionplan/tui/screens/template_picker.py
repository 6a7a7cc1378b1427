"""Apply a checklist template to a client: pick one, give a start date, Enter adds every item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from actionplan.dates import describe
from actionplan.templates import TemplateEntry
from actionplan.tui.app import ActionPlanApp, WriteDone
from actionplan.tui.keys import bind
from actionplan.tui.widgets.date_input import DateInput
from actionplan.tui.widgets.forms import say_in
from actionplan.tui.writes import apply_template


@dataclass
class Listed(Message):
    """The template files, read (and checked) by a worker."""

    entries: list[TemplateEntry]
    own_folder: Path


@dataclass
class ListFailed(Message):
    """The template files could not be read: why, in one line."""

    error: str


class TemplatePicker(ModalScreen[None]):
    """The templates with their item counts; Enter adds the highlighted one to the client."""

    BINDINGS = [
        bind("escape", "cancel", "Cancel", "template.cancel"),
        bind("down", "cursor(1)", "Next template", "template.down", show=False),
        bind("up", "cursor(-1)", "Previous template", "template.up", show=False),
    ]

    def __init__(self, client: str) -> None:
        super().__init__()
        self.client = client
        self.entries: list[TemplateEntry] = []
        self.applying: str | None = None  # the template being added, while its write runs

    @property
    def plan_app(self) -> ActionPlanApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog template-picker"):
            yield Label(Text(f"Apply a checklist to {self.client}"), classes="dialog-title")
            yield OptionList(Option(Text("reading templates…", style="dim")), id="templates")
            yield Label("Start date: what the due offsets count from", classes="dialog-hint")
            app = self.plan_app
            yield DateInput(
                "today",
                today=app.today(),
                day_first=app.config.day_first,
                id="template-start",
                compact=True,
            )
            yield Static("", classes="dialog-feedback", id="template-feedback")
            yield Static(
                Text("↑↓ choose · Enter add the items · Esc cancel", style="dim"),
                id="template-keys",
            )

    def on_mount(self) -> None:
        self.query_one("#template-start", DateInput).focus()
        self._read()

    @work(thread=True, exclusive=True, group="templates", exit_on_error=False)
    def _read(self) -> None:
        from actionplan.errors import user_message
        from actionplan.templates import list_templates, user_dir

        try:
            listed = Listed(list_templates(), user_dir())
        except Exception as exc:  # said in the picker, which Esc still closes
            self.post_message(ListFailed(user_message(exc)))
            return
        self.post_message(listed)

    @on(ListFailed)
    def _list_failed(self, message: ListFailed) -> None:
        self.query_one("#templates", OptionList).set_options([])
        self._feedback(_home(f"Could not read the templates: {message.error}"), error=True)

    @on(Listed)
    def _listed(self, message: Listed) -> None:
        self.entries = message.entries
        listing = self.query_one("#templates", OptionList)
        listing.set_options([_option(entry) for entry in self.entries])
        listing.highlighted = 0 if self.entries else None
        folder = _home(str(message.own_folder))
        hint = Text("↑↓ choose · Enter add the items · Esc cancel", style="dim")
        hint.append(f"\nYour own templates: {folder}/*.toml", style="dim")
        self.query_one("#template-keys", Static).update(hint)
        if not self.entries:
            self._feedback(f"No templates yet: put .toml files in {folder}", error=True)
            return
        self._explain()

    # --- what the choice means -----------------------------------------------------------------

    @property
    def entry(self) -> TemplateEntry | None:
        index = self.query_one("#templates", OptionList).highlighted
        if index is None or not 0 <= index < len(self.entries):
            return None
        return self.entries[index]

    def _start(self) -> date | None:
        """The start date typed (empty means today); None, with why said, if it is no date."""
        reading = self.query_one("#template-start", DateInput).reading()
        if reading.error is not None:
            self._feedback(reading.error, error=True)
            return None
        return reading.value or self.plan_app.today()

    @on(Input.Changed, "#template-start")
    @on(OptionList.OptionHighlighted, "#templates")
    def _explain(self) -> None:
        """Say what Enter would do now: the start date, how many items, the last date."""
        entry = self.entry
        if entry is None:
            return
        if entry.loaded is None:
            self._feedback(_home(entry.error or "this template cannot be used"), error=True)
            return
        start = self._start()
        if start is None:
            return
        items = entry.loaded.items
        dues = [i.due.after(start) for i in items if i.due is not None]
        text = f"→ {describe(start)} · {len(items)} item{'s' if len(items) != 1 else ''}"
        if dues:
            text += f", the last due {describe(max(dues))}"
        self._feedback(text)

    def _feedback(self, text: str, *, error: bool = False) -> None:
        say_in(self.query_one("#template-feedback", Static), text, error=error)

    def action_cursor(self, step: int) -> None:
        listing = self.query_one("#templates", OptionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    # --- applying ----------------------------------------------------------------------------

    @on(Input.Submitted, "#template-start")
    @on(OptionList.OptionSelected, "#templates")
    def _apply(self) -> None:
        entry = self.entry
        if self.applying or entry is None:
            return
        if entry.loaded is None:
            self._explain()
            return
        start = self._start()
        if start is None:
            return
        self.applying = entry.name
        self._feedback(f"Adding the items of {entry.name}…")
        app = self.plan_app
        job = partial(
            apply_template,
            template=entry.loaded,
            client=self.client,
            start=start,
            author=app.author,
        )
        app.write("template", job, self)

    def on_write_done(self, message: WriteDone) -> None:
        name, self.applying = self.applying or "the checklist", None
        if message.error:
            self._feedback(f"Nothing added: {message.error}", error=True)
            return
        count = len(message.result or [])
        text = f"Added {count} item{'s' if count != 1 else ''} from {name} (u to undo)"
        self.notify(text, markup=False)
        self.dismiss(None)

    def action_cancel(self) -> None:
        if self.applying is None:  # once sent, stay to say how it went
            self.dismiss(None)


def _option(entry: TemplateEntry) -> Option:
    label = Text()
    if entry.loaded is None:
        label.append(entry.name, style="bold red")
        label.append("  cannot be used", style="red")
        return Option(label)
    template = entry.loaded
    label.append(template.name, style="bold")
    count = len(template.items)
    label.append(f"  {count} item{'s' if count != 1 else ''}", style="dim")
    if entry.own:
        label.append(" · yours", style="cyan")
    if not template.description:
        return Option(label)
    # Indented as a block, so a long description wraps under itself, not under the name.
    about = Padding(Text(template.description, style="dim"), (0, 0, 0, 2))
    return Option(Group(label, about))


def _home(text: str) -> str:
    """Paths under the home folder shown as ~/..., so errors fit the dialog."""
    home = str(Path.home())
    return text.replace(home + "/", "~/") if home != "/" else text
