"""Changing the item in front: written once for every view of items (the board, triage, and any
later list of items).

A view says which item its keys act on (``edit_target``), who can own items
(``edit_people``), and what a finished write means to it (``reread``, ``written``); it may also
show a change at once (``change``) or note each write it queues (``send``). This base holds the
rest: the owner, due and escalate prompts, done, delete and undo, each queued as one job of
:mod:`actionplan.tui.writes` on the app's writer thread, and what to do when the write reports
back: a refusal said in a notification, a clash with someone else's change put to the user.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from actionplan.models import Item, Operation, Status
from actionplan.plan.merge import Clash
from actionplan.tui.app import WriteDone, WriteJob
from actionplan.tui.view import DataT, PlanView, ResultT
from actionplan.tui.writes import Edit, NewPerson, answer, delete, undo

if TYPE_CHECKING:
    from actionplan.rows import ItemRow
    from actionplan.tui.widgets.owner_input import Answer


class ItemEdits(PlanView[ResultT, DataT]):
    """The changes a view of items makes to the item in front (see the module's docstring)."""

    # --- what the view says ------------------------------------------------------------------

    def edit_target(self) -> ItemRow | None:
        """The row the keys act on now; None when there is none (or the view refuses now)."""
        raise NotImplementedError

    def edit_people(self) -> list[str]:
        """The people the owner prompt completes from."""
        raise NotImplementedError

    def reread(self, item_id: int) -> None:
        """Show what is saved now, after a change was refused (``item_id``: 0 if not known)."""
        raise NotImplementedError

    def written(self, kind: str, item_id: int, message: WriteDone) -> None:
        """A write reported back (a failure is already told): show what it means here."""
        raise NotImplementedError

    def reported(self, message: WriteDone) -> tuple[str, int]:
        """Which write reported back: what it was, and the item it changed (0: none known)."""
        return message.label, 0

    def send(self, kind: str, job: WriteJob, item_id: int = 0) -> None:
        """Queue one write; ``kind`` says what it is, in a refusal's title and to the view."""
        self.plan_app.write(kind, job, self)

    def change(
        self, kind: str, seen: ItemRow, values: dict[str, Any], person: NewPerson | None = None
    ) -> None:
        """Save ``values`` on the item as the user saw it (``seen``); if someone else changed
        other fields since, both changes are kept; if the same ones, the user is asked.
        ``person``: a new owner the user confirmed, added first."""
        edit = Edit(seen, values, self.plan_app.author, seen["title"], person=person)
        self.send(kind, edit, seen["id"])

    def seen_target(self) -> ItemRow | None:
        """A copy of the row the keys act on, as the user sees it now (for ``change``)."""
        row = self.edit_target()
        return None if row is None else row.copy()

    def forget(self, row: ItemRow) -> None:
        """The item is being deleted: take it off the view at once."""

    # --- the keys ----------------------------------------------------------------------------

    def action_owner(self) -> None:
        from actionplan.tui.screens.prompts import OwnerPrompt

        seen = self.seen_target()
        if seen is None:
            return
        current = seen["owner"] or ""

        def chosen(owner: Answer | None) -> None:
            if owner is None:
                return
            person = owner if isinstance(owner, NewPerson) else None
            name = owner.name if isinstance(owner, NewPerson) else owner
            if name.lower() == current.lower():
                self.notify("No change", timeout=2)
                return
            self.change("re-assigned", seen, {"owner": name or None}, person)

        prompt = OwnerPrompt(seen["title"], current, self.edit_people(), client=seen["client"])
        self.app.push_screen(prompt, chosen)

    def action_due(self) -> None:
        from actionplan.tui.screens.prompts import DatePrompt

        seen = self.seen_target()
        if seen is None:
            return

        def chosen(result: tuple[date | None] | None) -> None:
            if result is None:
                return
            if result[0] == seen["due"]:
                self.notify("No change", timeout=2)
                return
            self.change("re-dated", seen, {"due": result[0]})

        app = self.plan_app
        prompt = DatePrompt(
            seen["title"], seen["due"], today=app.today(), day_first=app.config.day_first
        )
        self.app.push_screen(prompt, chosen)

    def action_escalate(self) -> None:
        from actionplan.tui.screens.prompts import TextPrompt

        seen = self.seen_target()
        if seen is None:
            return
        if seen["escalated"]:
            self.change("de-escalated", seen, {"escalated": False})
            self.notify("Escalation cleared (u to undo)", timeout=3)
            return

        def chosen(reason: str | None) -> None:
            if reason:
                self.change("escalated", seen, {"escalated": True, "escalation_reason": reason})

        self.app.push_screen(
            TextPrompt(
                f"Escalate: {seen['title']}",
                "Why must management see this?",
                required="An escalation needs a reason",
            ),
            chosen,
        )

    def action_done(self) -> None:
        seen = self.seen_target()
        if seen is None or seen["status"] == Status.DONE:
            return
        self.change("done", seen, {"status": Status.DONE})

    def action_delete(self) -> None:
        row = self.edit_target()
        if row is None:
            return
        self.forget(row)
        job = partial(delete, item_id=row["id"], author=self.plan_app.author)
        self.send("delete", job, row["id"])

    def action_undo(self) -> None:
        if not self.plan_app.refuse_offline():
            self.send("undo", partial(undo, author=self.plan_app.author))

    # --- when the write reports back ---------------------------------------------------------

    def on_write_done(self, message: WriteDone) -> None:
        kind, item_id = self.reported(message)
        if isinstance(message.failure, Clash) and isinstance(message.job, Edit):
            self.reread(item_id)  # what is saved now, under the dialog
            self._resolve(kind, message.job, message.failure)
            return
        if message.error:
            self.notify(message.error, title=f"Not saved: {kind}", severity="error")
        self.written(kind, item_id, message)

    def _resolve(self, kind: str, edit: Edit, clash: Clash) -> None:
        """Someone else changed the same fields first: show both, let the user choose."""
        from actionplan.tui.screens.conflict import ConflictDialog

        def chosen(choice: str | None) -> None:
            if choice in ("mine", "theirs") and self.plan_app.refuse_offline():
                self.app.push_screen(ConflictDialog(clash, edit.title), chosen)  # ask again later
                return
            again = answer(choice, edit, clash)
            if again is not None:
                self.send(kind, again, clash.item_id)
            if choice == "mine" and again is not None:
                self.notify(f"Saved yours over {clash.who}'s", timeout=4)
            elif choice == "theirs":
                rest = "; the rest of your edit is saved" if again is not None else ""
                self.notify(f"Kept {clash.who}'s version{rest}", timeout=4)
            else:
                self.notify("Nothing of yours was saved", timeout=4)

        self.app.push_screen(ConflictDialog(clash, edit.title), chosen)


def undone_text(operation: Operation | None) -> str:
    """What an undo did, in words, or that there was nothing to undo."""
    return f"Undid: {operation.summary}" if operation is not None else "Nothing to undo"


def deleted_text(item: Item) -> str:
    """What a delete did, and how to take it back."""
    return f"Deleted #{item.id} {item.title[:40]}. Press u to undo."
