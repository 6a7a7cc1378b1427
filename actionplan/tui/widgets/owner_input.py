"""The owner field: as you type it lists who matches, Tab completes, a new name is asked about.

One widget for every place an owner is typed (the item editor, and ``o`` on the board and in
triage). It reads everyone who can own an item when it opens, lists the matches best first
(exact, prefix, word prefix, near, loose) under the field, and answers Enter with a person:
someone known, no one (empty), or, after the user confirms "New person 'Pri'?", a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self, cast

from rich.text import Text
from textual import events, on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.suggester import SuggestionReady
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from actionplan.known import key_of
from actionplan.matches import closest, ranked
from actionplan.tui.keys import bind
from actionplan.tui.widgets.directory import Directory, Someone, read_directory
from actionplan.tui.writes import NewPerson

if TYPE_CHECKING:
    from actionplan.tui.app import ActionPlanApp

Answer = str | NewPerson
"""What the field settles on: a known person's name, "" for no owner, or a new person."""

SHOWN = 50
"""At most this many matches are listed (the best ones); typing more narrows them."""


class OwnerField(Input):
    """The text of the owner field; its keys act on the list of matches under it."""

    BINDINGS = [
        bind("tab", "complete", "Complete", "owner.complete", "Complete to the highlighted name"),
        bind(
            "right",
            "cursor_right",
            "Complete at the end",
            "owner.right",
            "At the end of the text: complete to the highlighted name",
            show=False,
        ),
        bind("down", "pick(1)", "Next match", "owner.next", show=False),
        bind("up", "pick(-1)", "Previous match", "owner.previous", show=False),
        bind("enter", "submit", "Accept", "owner.accept", "Accept the name (a new one asks first)"),
    ]

    @property
    def owner_input(self) -> OwnerInput:
        return cast("OwnerInput", self.parent)

    def action_complete(self) -> None:
        if not self.owner_input.complete():
            raise SkipAction()  # nothing to complete: Tab moves on, as everywhere else

    def action_cursor_right(self, select: bool = False) -> None:
        at_end = self.cursor_at_end and self.selection.is_empty
        if select or not at_end or not self.owner_input.complete():
            super().action_cursor_right(select)

    def action_pick(self, step: int) -> None:
        if not self.owner_input.pick(step):
            raise SkipAction()


class OwnerMatches(OptionList, can_focus=False):
    """The people who match what is typed, best first; the field's Up/Down move through it."""


@dataclass
class _FromOwnerInput(Message):
    """A message of an owner field, whose ``control`` is the field."""

    owner_input: OwnerInput

    @property
    def control(self) -> OwnerInput:
        return self.owner_input


class OwnerInput(Vertical):
    """An owner field with the matching people listed under it (see the module's docstring).

    Args:
        value: the name to start from.
        people: names to offer until everyone has been read (and if that read fails).
        client: the item's client, offered for a new client-side contact.
    """

    DEFAULT_CSS = """
    OwnerInput {
        height: auto;
    }
    OwnerInput > OwnerMatches {
        display: none;
        height: auto;
        max-height: 6;
        background: $panel;
        scrollbar-size-vertical: 1;
    }
    OwnerInput.-open > OwnerMatches {
        display: block;
    }
    OwnerInput > OwnerMatches > .option-list--option-highlighted {
        background: $accent 70%;
        color: $text;
        text-style: bold;
    }
    """

    class Changed(_FromOwnerInput):
        """What Enter would do changed (typed, moved through the list, everyone read)."""

    @dataclass
    class Chosen(_FromOwnerInput):
        """Enter settled the field on a person (or none, or a confirmed new one)."""

        answer: Answer

    @dataclass
    class Loaded(Message):
        """Everyone who can own items was read."""

        directory: Directory

    def __init__(
        self,
        value: str = "",
        *,
        people: list[str],
        client: str | None = None,
        placeholder: str = "",
        compact: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.directory = Directory([Someone(n) for n in people], [client] if client else [])
        self.client = client
        self.matches: list[Someone] = []
        self.picked = False
        """The user moved through the list: Enter takes the highlighted name."""
        self.browsing = False
        """Down on an empty field: everyone is listed."""
        self._field = OwnerField(value, placeholder=placeholder, compact=compact)

    def compose(self) -> ComposeResult:
        yield self._field
        yield OwnerMatches(compact=True)

    def on_mount(self) -> None:
        self._read()

    # --- what the parent reads and sets ----------------------------------------------------

    @property
    def value(self) -> str:
        return self._field.value

    @value.setter
    def value(self, text: str) -> None:
        self._field.value = text
        self._field.cursor_position = len(text)

    def focus(self, scroll_visible: bool = True) -> Self:
        self._field.focus(scroll_visible)
        return self

    def known(self, text: str) -> str | None:
        """The person ``text`` names (ignoring case and spacing), spelled as saved."""
        wanted = key_of(text)
        return next((p.name for p in self.directory.people if key_of(p.name) == wanted), None)

    def meaning(self) -> str:
        """What Enter would do now, in a few words."""
        text = " ".join(self.value.split())
        chosen = self._accepted()
        if chosen == "":
            return "→ no owner"
        if chosen is not None:
            return f"→ {chosen}"
        if self.highlighted is not None:
            return f"→ '{text}' is nobody yet: Tab completes to {self.highlighted}"
        return f"→ '{text}' is nobody yet: Enter asks before adding them"

    # --- the list --------------------------------------------------------------------------

    @property
    def highlighted(self) -> str | None:
        listing = self.query_one(OwnerMatches)
        index = listing.highlighted
        if not self.has_class("-open") or index is None or index >= len(self.matches):
            return None
        return self.matches[index].name

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if event.input is self._field:
            self.picked = False
            self.browsing = self.browsing and not event.value.strip()
            self._list()
            self.post_message(self.Changed(self))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._list()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.set_class(False, "-open")  # the list shows only while the name is being typed

    def _list(self) -> None:
        text = self.value
        people = {p.name: p for p in self.directory.people if p.may_own(self.client)}
        if text.strip():
            self.matches = [people[n] for n in ranked(text, people)][:SHOWN]
        else:
            self.matches = list(people.values()) if self.browsing else []
        listing = self.query_one(OwnerMatches)
        options = [_option(p) for p in self.matches]
        listing.set_options(options)
        only_itself = [p.name for p in self.matches] == [text]
        self.set_class(bool(options) and not only_itself and self._field.has_focus, "-open")
        listing.highlighted = 0 if options else None
        self._ghost()

    def _ghost(self) -> None:
        """Show the rest of the highlighted name after the cursor, when it extends the text."""
        name, text = self.highlighted, self.value
        extends = name is not None and name.casefold().startswith(text.casefold())
        if name is not None and extends and text and len(name) > len(text):
            self._field.post_message(SuggestionReady(text, name))
        else:
            self._field.post_message(SuggestionReady(text, ""))

    def pick(self, step: int) -> bool:
        """Move the highlight (Up/Down); on an empty field Down lists everyone. False when
        there is nothing to move through."""
        if not self.has_class("-open"):
            if self.value.strip() or step < 0:
                return False
            self.browsing = True
            self._list()
            self.picked = self.has_class("-open")
            self.post_message(self.Changed(self))
            return self.picked
        listing = self.query_one(OwnerMatches)
        index = (listing.highlighted or 0) + step
        listing.highlighted = max(0, min(index, len(self.matches) - 1))
        self.picked = True
        self._ghost()
        self.post_message(self.Changed(self))
        return True

    def complete(self) -> bool:
        """Tab: complete to the highlighted name; False when there is nothing to complete."""
        name = self.highlighted
        if name is None or name == self.value:
            return False
        self.value = name
        return True

    # --- Enter -----------------------------------------------------------------------------

    def _accepted(self) -> str | None:
        """The name Enter takes without asking: the one picked from the list, a known person,
        or "" (no owner); None when the text is nobody's."""
        if self.picked and self.highlighted is not None:
            return self.highlighted
        if not self.value.strip():
            return ""
        return self.known(self.value)

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        if event.input is not self._field:
            return
        event.stop()
        self.settle(lambda answer: self.post_message(self.Chosen(self, answer)))

    def settle(self, done: Callable[[Answer], Any]) -> None:
        """Settle on a person and call ``done`` with it: a known name (or "" for no owner) at
        once; a name that is nobody's only once the user confirms them as new (Esc comes back
        to the field, with the text kept, and ``done`` is not called)."""
        from actionplan.tui.screens.new_person import NewPersonDialog

        chosen = self._accepted()
        if chosen is not None:
            if chosen and chosen != self.value:
                self.value = chosen
            done(chosen)
            return
        name = " ".join(self.value.split())
        directory = self.directory
        dialog = NewPersonDialog(
            name,
            near=closest(name, [p.name for p in directory.people if p.may_own(self.client)]),
            client=self.client,
            directory=directory,
        )

        def answered(person: NewPerson | None) -> None:
            if person is None:
                self.focus()
                return
            done(person)

        self.app.push_screen(dialog, answered)

    # --- reading everyone ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="owner-people", exit_on_error=False)
    def _read(self) -> None:
        app = cast("ActionPlanApp", self.app)
        try:
            with app.db.session() as session:
                directory = read_directory(session, app.today())
        except Exception:  # the names given stay on offer; the save says what went wrong
            return
        self.post_message(self.Loaded(directory))

    @on(Loaded)
    def _loaded(self, message: OwnerInput.Loaded) -> None:
        message.stop()
        self.directory = message.directory
        if self._field.has_focus:
            self._list()
        self.post_message(self.Changed(self))


def _option(person: Someone) -> Option:
    label = Text(person.name)
    if person.where:
        label.append(f" · {person.where}", style="dim")
    return Option(label)
