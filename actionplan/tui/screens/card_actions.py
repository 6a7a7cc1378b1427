"""The board's card keys: move, reorder, new and edit (owner, due, escalate, done, delete and
undo are every view's, in :mod:`actionplan.tui.edits`).

Each shows its change at once and queues one plan operation on the app's writer thread; the
board reloads (or keeps what it shows) when the write reports back.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from actionplan import clock
from actionplan.filters import BoardFilter
from actionplan.models import Item, Status
from actionplan.queries import ClientCounts
from actionplan.tui.app import WriteDone
from actionplan.tui.edits import ItemEdits, deleted_text, undone_text
from actionplan.tui.labels import ALL_CLIENTS
from actionplan.tui.widgets.column import BoardColumn
from actionplan.tui.writes import Edit, NewPerson, add, reorder

if TYPE_CHECKING:
    from actionplan.rows import ItemRow
    from actionplan.tui.screens.item_form import FormResult, ItemForm

# Changes the board shows before they are saved: the card moves at once.
SHOWN_AT_ONCE = ("move", "done")


class CardActions(ItemEdits[None, Any]):
    """What the board does to cards; the board itself supplies the rows and the drawing."""

    client: str | None
    rows: list[ItemRow]
    clients: list[ClientCounts]
    filter: BoardFilter

    WHAT = "the board"

    def reload(self, keep: int | None = None) -> None:
        """Read the board again (the board implements this)."""
        raise NotImplementedError

    def refresh_counts(self) -> None:
        """Read the client counts again (the board implements this)."""
        raise NotImplementedError

    @property
    def columns(self) -> list[BoardColumn]:
        return [c for c in self.query(BoardColumn) if c.display]

    @property
    def column(self) -> BoardColumn | None:
        focused = self.focused
        return focused if isinstance(focused, BoardColumn) else None

    @property
    def card(self) -> ItemRow | None:
        column = self.column
        return column.current if column else None

    def check_offline(self) -> bool:
        """True (and the user told) when a change cannot be saved now."""
        return self.plan_app.refuse_offline()

    # --- what the shared card keys need (see actionplan.tui.edits) ----------------------------

    def edit_target(self) -> ItemRow | None:
        """The highlighted card, unless offline (said before any dialog opens)."""
        return None if self.check_offline() else self.card

    def edit_people(self) -> list[str]:
        names = {r["owner"] for r in self.rows if r["owner"]}
        return sorted(names, key=str.lower)

    def change(
        self, kind: str, seen: ItemRow, values: dict[str, Any], person: NewPerson | None = None
    ) -> None:
        card, column = self.card, self.column
        edit = Edit(seen, values, self.plan_app.author, seen["title"], person=person)
        if kind in SHOWN_AT_ONCE and card is not None and column is not None:
            self._optimistic_move(card, column, values["status"])
            edit.shown = True
        self.send(kind, edit, seen["id"])

    def forget(self, row: ItemRow) -> None:
        self.rows = [r for r in self.rows if r["id"] != row["id"]]
        if self.column is not None:
            self.column.remove_row(row["id"])

    def reread(self, item_id: int) -> None:
        self.reload()  # the board shows what is saved now

    def written(self, kind: str, item_id: int, message: WriteDone) -> None:
        if message.error:
            self.reload()  # show the truth again
            return
        result = message.result
        shown = isinstance(message.job, Edit) and message.job.shown
        if shown and isinstance(result, Item) and result.status == Status.DONE:
            self._fill_health_check(result)
        repeats = isinstance(result, Item) and result.repeat_every is not None
        if shown and repeats and result.status == Status.DONE:
            # Completing a recurring item added its next occurrence: read the board again.
            from actionplan.tui.screens.recurring import announce_next

            announce_next(self, result.id)
            self.reload(keep=result.id)
            return
        if (shown or kind == "reorder") and isinstance(result, Item):
            # The screen already shows the change; only the card's bookkeeping is new.
            row = next((r for r in self.rows if r["id"] == result.id), None)
            # A blocker's move changes its blocked cards' "after" marks: read them again.
            if row is not None and not row.get("blocks"):
                row["version"], row["done_at"] = result.version, result.done_at
                self.refresh_counts()
                return
        keep = result.id if isinstance(result, Item) else None
        if kind == "delete" and isinstance(result, Item):
            self.notify(deleted_text(result), timeout=4)
        elif kind == "undo":
            self.notify(undone_text(result), timeout=4)
        self.reload(keep=keep)

    def _fill_health_check(self, item: Item) -> None:
        """An item done that names a health-check form: its form opens, with the last values
        beside each field (the item is complete already, so the check does not complete it)."""
        row = next((r for r in self.rows if r["id"] == item.id), None)
        if item.health_form and row is not None:
            from actionplan.tui.screens.health_form import HealthFormScreen

            self.app.push_screen(HealthFormScreen(row["client"], item.health_form))

    # --- the board's own keys ----------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self.check_offline():
            return
        card, column = self.card, self.column
        if card is None or column is None:
            return
        statuses = [c.status for c in self.columns]
        index = statuses.index(card["status"]) + step
        if not 0 <= index < len(statuses):
            return
        self.change("move", card.copy(), {"status": statuses[index]})

    def _optimistic_move(self, card: ItemRow, source: BoardColumn, status: Status) -> None:
        """Show the move at once (two cards redrawn); the write follows, a failure undoes it."""
        card["status"] = status
        card["version"] += 1  # what the write will make it, so a quick second move still fits
        card["done_at"] = clock.now() if status == Status.DONE else None  # "done today" at once
        source.remove_row(card["id"])
        target = self.query_one(f"#col-{status.value}", BoardColumn)
        target.append_row(card, first=status == Status.DONE)  # Done: the latest on top
        target.focus()

    def action_reorder(self, step: int) -> None:
        if self.check_offline():
            return
        card, column = self.card, self.column
        if card is None or column is None or self.filter.active:
            if self.filter.active:
                self.notify("Clear the filter (Esc) to reorder cards", severity="warning")
            return
        if card["status"] == Status.DONE:
            self.notify("Done is ordered by completion date", severity="warning")
            return
        if not column.move_row(card["id"], step):
            return
        job = partial(reorder, item_id=card["id"], offset=step, author=self.plan_app.author)
        self.send("reorder", job, card["id"])

    def action_new(self) -> None:
        if self.check_offline():
            return
        client = None if self.client in (None, ALL_CLIENTS) else self.client
        column = self.column
        status = column.status if column and column.status != Status.DONE else Status.PLANNED
        self.app.push_screen(self._form(None, client, status), self._saved_form)

    def action_edit(self) -> None:
        card = self.edit_target()
        if card is None:
            return
        form = self._form(card, card["client"], card["status"])
        self.app.push_screen(form, partial(self._saved_form, seen=card.copy()))

    def _form(self, card: ItemRow | None, client: str | None, status: Status) -> ItemForm:
        from actionplan.tui.screens.item_form import ItemForm

        app = self.plan_app
        return ItemForm(
            card,
            client=client,
            status=status,
            people=self.edit_people(),
            clients=[c.name for c in self.clients],
            today=app.today(),
            day_first=app.config.day_first,
        )

    def _saved_form(
        self,
        result: FormResult | None,
        seen: ItemRow | None = None,
    ) -> None:
        if result is None:
            return
        item_id, _version, values, person = result
        if item_id is not None and not values:
            self.notify("No changes", timeout=2)
            return
        if item_id is None or seen is None:
            job = partial(add, author=self.plan_app.author, values=values, person=person)
            self.send("add", job)
        else:
            self.change("edit", seen, values, person)
