"""The board's card keys: move, reorder, done, delete, undo, owner, due, escalate, new, edit.

Each shows its change at once and queues one plan operation on the app's writer thread; the
board reloads (or keeps what it shows) when the write reports back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from sqlmodel import Session

from actionplan import clock, plan
from actionplan.filters import BoardFilter
from actionplan.models import Item, Status
from actionplan.plan.merge import Clash, edit_merging, without
from actionplan.queries import ClientCounts
from actionplan.tui.app import WriteDone
from actionplan.tui.view import PlanView
from actionplan.tui.widgets.column import BoardColumn

ALL_CLIENTS = "All clients"


class CardActions(PlanView[None, Any]):
    """What the board does to cards; the board itself supplies the rows and the drawing."""

    client: str | None
    rows: list[dict[str, Any]]
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
    def card(self) -> dict[str, Any] | None:
        column = self.column
        return column.current if column else None

    # --- writing -----------------------------------------------------------------------------

    def _write(self, label: str, job: Any) -> None:
        self.plan_app.write(label, job, self)

    def check_offline(self) -> bool:
        """True (and the user told) when a change cannot be saved now."""
        return self.plan_app.refuse_offline()

    def on_write_done(self, message: WriteDone) -> None:
        if isinstance(message.failure, Clash) and isinstance(message.job, Edit):
            self._resolve(message.label, message.job, message.failure)
            return
        if message.error:
            self.notify(message.error, title=f"Not saved: {message.label}", severity="error")
            self.reload()  # show the truth again
            return
        result = message.result
        repeats = isinstance(result, Item) and result.repeat_every is not None
        if message.label in ("move", "done") and repeats and result.status == Status.DONE:
            # Completing a recurring item added its next occurrence: read the board again.
            from actionplan.tui.screens.recurring import announce_next

            announce_next(self, result.id)
            self.reload(keep=result.id)
            return
        if message.label in ("move", "done", "reorder") and isinstance(result, Item):
            # The screen already shows the move; only the card's bookkeeping is new.
            row = next((r for r in self.rows if r["id"] == result.id), None)
            if row is not None:
                row.update(version=result.version, done_at=result.done_at)
                self.refresh_counts()
                return
        keep = getattr(result, "id", None) if isinstance(result, Item) else None
        if message.label in ("delete", "undo"):
            self.notify(_feedback(message.label, result), timeout=4)
        self.reload(keep=keep)

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
        target, seen = statuses[index], dict(card)
        self._optimistic_move(card, column, target)
        self._write("move", Edit(seen, {"status": target}, self.plan_app.author, card["title"]))

    def _optimistic_move(self, card: dict[str, Any], source: BoardColumn, status: Status) -> None:
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
        author = self.plan_app.author
        self._write("reorder", partial(_reorder, item_id=card["id"], offset=step, author=author))

    def action_done(self) -> None:
        if self.check_offline():
            return
        card, column = self.card, self.column
        if card is None or column is None or card["status"] == Status.DONE:
            return
        seen = dict(card)
        self._optimistic_move(card, column, Status.DONE)
        self._write(
            "done", Edit(seen, {"status": Status.DONE}, self.plan_app.author, card["title"])
        )

    def action_delete(self) -> None:
        if self.check_offline():
            return
        card = self.card
        if card is None:
            return
        self.rows = [r for r in self.rows if r["id"] != card["id"]]
        if self.column is not None:
            self.column.remove_row(card["id"])
        author = self.plan_app.author
        self._write("delete", partial(_delete, item_id=card["id"], author=author))

    def action_undo(self) -> None:
        if self.check_offline():
            return
        author = self.plan_app.author
        self._write("undo", partial(_undo, author=author))

    def action_owner(self) -> None:
        from actionplan.tui.screens.prompts import OwnerPrompt

        if self.check_offline():
            return
        card = self.card
        if card is None:
            return
        names = self._people()

        def chosen(owner: str | None) -> None:
            if owner is None:
                return
            self._edit("owner", card, owner=owner or None)

        self.app.push_screen(OwnerPrompt(card["title"], card["owner"] or "", names), chosen)

    def action_due(self) -> None:
        from actionplan.tui.screens.prompts import DatePrompt

        if self.check_offline():
            return
        card = self.card
        if card is None:
            return

        def chosen(result: tuple[date | None] | None) -> None:
            if result is None:
                return
            self._edit("due date", card, due=result[0])

        app = self.plan_app
        self.app.push_screen(
            DatePrompt(
                card["title"], card["due"], today=app.today(), day_first=app.config.day_first
            ),
            chosen,
        )

    def action_escalate(self) -> None:
        from actionplan.tui.screens.prompts import TextPrompt

        if self.check_offline():
            return
        card = self.card
        if card is None:
            return
        if card["escalated"]:
            self._edit("de-escalate", card, escalated=False)
            self.notify("Escalation cleared (u to undo)", timeout=3)
            return

        def chosen(reason: str | None) -> None:
            if reason:
                self._edit("escalate", card, escalated=True, escalation_reason=reason)

        self.app.push_screen(
            TextPrompt(
                f"Escalate: {card['title']}",
                "Why must management see this?",
                required="An escalation needs a reason",
            ),
            chosen,
        )

    def action_new(self) -> None:
        from actionplan.tui.screens.item_form import ItemForm

        if self.check_offline():
            return
        client = None if self.client in (None, ALL_CLIENTS) else self.client
        column = self.column
        status = column.status if column and column.status != Status.DONE else Status.PLANNED
        app = self.plan_app
        form = ItemForm(
            None,
            client=client,
            status=status,
            people=self._people(),
            clients=[c.name for c in self.clients],
            today=app.today(),
            day_first=app.config.day_first,
        )
        self.app.push_screen(form, self._saved_form)

    def action_edit(self) -> None:
        from actionplan.tui.screens.item_form import ItemForm

        if self.check_offline():
            return
        card = self.card
        if card is None:
            return
        app = self.plan_app
        form = ItemForm(
            card,
            client=card["client"],
            status=card["status"],
            people=self._people(),
            clients=[c.name for c in self.clients],
            today=app.today(),
            day_first=app.config.day_first,
        )
        self.app.push_screen(form, partial(self._saved_form, seen=dict(card)))

    def _saved_form(
        self,
        result: tuple[int | None, int | None, dict[str, Any]] | None,
        seen: dict[str, Any] | None = None,
    ) -> None:
        if result is None:
            return
        item_id, _version, values = result
        if item_id is not None and not values:
            self.notify("No changes", timeout=2)
            return
        if item_id is None or seen is None:
            self._write("add", partial(_add, author=self.plan_app.author, values=values))
        else:
            self._edit("edit", seen, **values)

    def _edit(self, label: str, card: dict[str, Any], **values: Any) -> None:
        """Save changes to the card as the user sees it now (merged if others changed it)."""
        self._write(label, Edit(dict(card), values, self.plan_app.author, card["title"]))

    def _resolve(self, label: str, edit: Edit, clash: Clash) -> None:
        """Someone else changed the same fields first: show both, let the user choose."""
        from actionplan.tui.screens.conflict import ConflictDialog

        self.reload()  # the board shows what is saved now, under the dialog

        def chosen(choice: str | None) -> None:
            if choice in ("mine", "theirs") and self.check_offline():
                self.app.push_screen(ConflictDialog(clash, edit.title), chosen)  # ask again later
                return
            again = answer(choice, edit, clash)
            if choice == "mine" and again is not None:
                # A new label: the board reloads after it (it shows theirs now, not the move).
                self._write(f"{label}, yours", again)
                self.notify(f"Saved yours over {clash.who}'s", timeout=4)
            elif choice == "theirs":
                if again is not None:
                    self._write(f"{label}, the rest", again)
                kept = f"Kept {clash.who}'s version"
                rest = "; the rest of your edit is saved" if again is not None else ""
                self.notify(kept + rest, timeout=4)
            else:
                self.notify("Nothing of yours was saved", timeout=4)

        self.app.push_screen(ConflictDialog(clash, edit.title), chosen)

    def _people(self) -> list[str]:
        names = {r["owner"] for r in self.rows if r["owner"]}
        return sorted(names, key=str.lower)


def _feedback(label: str, result: Any) -> str:
    if label == "delete" and isinstance(result, Item):
        return f"Deleted #{result.id} {result.title[:40]}. Press u to undo."
    if label == "undo":
        return f"Undid: {result.summary}" if result is not None else "Nothing to undo"
    return label


def answer(choice: str | None, edit: Edit, clash: Clash) -> Edit | None:
    """What to save for the user's answer in the conflict dialog; None saves nothing.

    "mine" saves the whole edit over theirs; "theirs" saves the rest of it, without the
    clashing fields and the fields linked to them; anything else (cancel) saves nothing.
    """
    if choice == "mine":
        values = edit.values
    elif choice == "theirs":
        values = without(edit.values, {f.field for f in clash.fields})
    else:
        return None
    return Edit(clash.current, values, edit.author, edit.title) if values else None


# Write jobs: run on the writer thread with a session; each is one plan operation.


@dataclass
class Edit:
    """A write job: change fields of the item the user saw as ``seen`` (a board row)."""

    seen: dict[str, Any]
    values: dict[str, Any]
    author: str
    title: str

    def __call__(self, session: Session) -> Item:
        return edit_merging(
            session=session,
            item_id=self.seen["id"],
            seen=self.seen,
            author=self.author,
            **self.values,
        )


def _reorder(session: Session, *, item_id: int, offset: int, author: str) -> Any:
    return plan.reorder_item(session=session, item_id=item_id, offset=offset, author=author)


def _delete(session: Session, *, item_id: int, author: str) -> Any:
    return plan.delete_item(session=session, item_id=item_id, author=author)


def _undo(session: Session, *, author: str) -> Any:
    return plan.undo(session=session, author=author)


def _add(session: Session, *, author: str, values: dict[str, Any]) -> Any:
    return plan.add_item(session=session, author=author, **values)
