"""The People and clients screen's dialogs: a new name, which one to merge into, what a merge
will move (read before anything is written), a yes-or-no question, and a person's open items.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from actionplan.matches import ranked
from actionplan.names import looks_like, nearest
from actionplan.queries import PersonRow
from actionplan.text import one_line, quote
from actionplan.tui.keys import bind, help_key
from actionplan.tui.screens.prompts import Dialog, TextPrompt
from actionplan.tui.screens.workload import OwnerItems
from actionplan.tui.view import PlanView
from actionplan.workload import OwnerLoad

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.tui.contact_writes import Kind
    from actionplan.tui.widgets.agenda_list import Entry


class RenamePrompt(TextPrompt):
    """A new name, the field prefilled with the one there is."""

    def __init__(self, kind: Kind, name: str) -> None:
        what = "client" if kind == "client" else "person"
        super().__init__(
            f"Rename {what} {quote(name)}",
            "The new name (history keeps the old one where it was recorded)",
            required="A name cannot be empty",
        )
        self.current = name

    def make_input(self) -> Input:
        return Input(self.current, id="answer")


class MergePicker(ModalScreen[str | None]):
    """Which client (or person) to merge one into: type to search, Up/Down, Enter picks.

    With nothing typed, the names that look like the one being merged come first.

    Args:
        kind: "client" or "person".
        source: the one being merged (not offered).
        candidates: every other name, with a line saying what it is, in the list's order.
    """

    BINDINGS = [
        bind("escape", "cancel", "Cancel", "merge.cancel"),
        bind("down", "move(1)", "Next", "merge.down", show=False),
        bind("up", "move(-1)", "Previous", "merge.up", show=False),
    ]

    def __init__(self, kind: Kind, source: str, candidates: list[tuple[str, Text]]) -> None:
        super().__init__(classes="prompt")
        self.kind = kind
        self.source = source
        self.candidates = {name: detail for name, detail in candidates if name != source}

    def compose(self) -> ComposeResult:
        what = "client" if self.kind == "client" else ""
        title = Text(f"Merge {what} {quote(self.source)} into…".replace("  ", " "))
        with Vertical(classes="dialog merge-picker"):
            yield Label(title, classes="dialog-title")
            yield Input(placeholder="type to search", id="merge-search", compact=True)
            yield OptionList(id="merge-list", compact=True)
            yield Label(
                Text("Enter picks (what will move is shown first) · Esc cancels", style="dim"),
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#merge-search").focus()

    def _fill(self, query: str) -> None:
        names = list(self.candidates)
        if query:
            shown = ranked(query, names)
        else:
            alike = [n for n in nearest(self.source, names, limit=5) if looks_like(self.source, n)]
            shown = alike + [n for n in names if n not in alike]
        listing = self.query_one("#merge-list", OptionList)
        options = []
        for name in shown:
            label = Text.assemble(one_line(name), "  ", self.candidates[name])
            options.append(Option(label, id=name))
        listing.set_options(options)
        listing.highlighted = 0 if options else None

    @on(Input.Changed, "#merge-search")
    def _search(self, event: Input.Changed) -> None:
        self._fill(event.value.strip())

    @on(Input.Submitted, "#merge-search")
    def _enter(self) -> None:
        option = self.query_one("#merge-list", OptionList).highlighted_option
        if option is not None:
            self.dismiss(option.id)

    @on(OptionList.OptionSelected, "#merge-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        listing = self.query_one("#merge-list", OptionList)
        listing.action_cursor_down() if step > 0 else listing.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(Dialog[bool]):
    """A yes-or-no question: y answers yes; n or Esc, no."""

    BINDINGS = [
        bind("y", "answer(True)", "Yes", "confirm.yes"),
        bind("escape,n", "answer(False)", "No", "confirm.no"),
    ]
    BOX = "dialog confirm"

    def __init__(self, question: str, detail: str, keys: str) -> None:
        super().__init__(question, keys)
        self.detail = detail

    @property
    def question(self) -> str:
        return self.box_title

    def body(self) -> ComposeResult:
        yield Static(Text(self.detail), classes="confirm-detail")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


@dataclass(frozen=True)
class Moving:
    """What a merge would move now."""

    items: int
    deleted: int
    """Of the items, those deleted (undo of their delete still needs them)."""
    snapshots: int = 0
    contacts: int = 0

    def words(self, kind: Kind) -> str:
        """ "12 items (1 deleted), 3 snapshots and 2 contacts"."""
        items = f"{self.items:,} item{'' if self.items == 1 else 's'}"
        if self.deleted:
            items += f" ({self.deleted:,} deleted)"
        if kind != "client":
            return items
        snapshots = f"{self.snapshots:,} snapshot{'' if self.snapshots == 1 else 's'}"
        contacts = f"{self.contacts:,} contact{'' if self.contacts == 1 else 's'}"
        return f"{items}, {snapshots} and {contacts}"


def what_moves(session: Session, kind: Kind, name: str) -> Moving:
    """What merging client (or person) ``name`` into another would move, read now."""
    from actionplan.queries import ItemFilter, list_items, people_rows

    if kind == "person":
        where = ItemFilter(owner=name, include_deleted=True, include_archived=True)
        rows = list_items(session=session, where=where)
        return Moving(len(rows), sum(1 for r in rows if r["deleted_at"] is not None))
    from actionplan.summary.source import snapshots

    rows = list_items(session=session, where=ItemFilter(client=name, include_deleted=True))
    return Moving(
        len(rows),
        sum(1 for r in rows if r["deleted_at"] is not None),
        len(snapshots(session=session, client=name)),
        len(people_rows(session=session, client=name, archived=True)),
    )


class MergeConfirm(ModalScreen[bool], PlanView[bool, Moving]):
    """Before a merge: what will move, read from the plan (again when someone changes it);
    y merges, n or Esc cancels."""

    WHAT = "what the merge will move"
    BINDINGS = [
        bind("y", "merge", "Merge", "merge.yes", "Merge: move it all, then remove the first"),
        bind("escape,n", "cancel", "Cancel", "merge.no"),
        help_key("merge", show=False),
    ]

    def __init__(self, kind: Kind, source: str, target: str) -> None:
        super().__init__(classes="prompt")
        self.kind = kind
        self.source = source
        self.target = target
        self.moving: Moving | None = None

    def compose(self) -> ComposeResult:
        what = "client " if self.kind == "client" else ""
        title = Text(f"Merge {what}{quote(self.source)} into {quote(self.target)}?")
        with Vertical(classes="dialog confirm"):
            yield Label(title, classes="dialog-title")
            yield Static(Text("Counting what will move…", style="dim"), id="merge-moving")
            yield Label(Text("y merges · n or Esc cancels", style="dim"), classes="dialog-keys")

    def on_mount(self) -> None:
        self.reload()

    def read(self, session: Session) -> Moving:
        return what_moves(session, self.kind, self.source)

    def show(self, data: Moving) -> None:
        self.moving = data
        source, target = quote(self.source), quote(self.target)
        text = Text()
        text.append(data.words(self.kind), style="bold")
        text.append(f" will move from {source} into {target}.\n")
        if self.kind == "client":
            text.append(f"Then {source} is removed (its allow-list terms move too).")
        else:
            text.append(f"Then {source} is removed; details {target} lacks are taken from them.")
        text.append(" u undoes the whole merge.", style="dim")
        self.query_one("#merge-moving", Static).update(text)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "merge":
            return self.moving is not None and self.failure is None
        return True

    def action_merge(self) -> None:
        if self.moving is not None and self.failure is None:
            self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class PersonItems(OwnerItems):
    """A person's open items by date, with their clients (the workload's list of an owner's
    items); Enter opens one on its board."""

    WHAT = "the person's items"

    def __init__(self, person: PersonRow) -> None:
        where = {"client": person.client, "vendor": person.company}.get(person.side.value)
        # The dialog's title reads the name, where they sit and their total from an owner's
        # load; only the total counts here (every open item, however far ahead).
        super().__init__(
            OwnerLoad(
                person.id,
                person.name,
                where if person.side.value != "us" else person.team,
                person.side,
                weeks=(person.open,),
                overdue=0,
                later=0,
                no_date=0,
            )
        )

    def show(self, data: list[Entry]) -> None:
        super().show(data)
        # Items of archived clients are not listed: the title counts what is.
        count = sum(1 for kind, _ in data if kind == "item")
        title = self.query_one(".dialog-title", Label)
        text = Text(one_line(self.owner.name), style="bold")
        where = self.owner.team
        if where:
            text.append(f" · {one_line(where)}", style="dim")
        text.append(f" ({self.owner.side_label})", style="dim")
        text.append(f": {count:,} open item{'s' if count != 1 else ''}")
        title.update(text)
