"""Triage's change keys: owner, due, status, escalate, snooze, done and undo.

Each queues one plan operation on the app's writer thread; the item is read again when the
write reports back, so the card shows its true state, saved or not.
"""

from __future__ import annotations

from collections import deque
from datetime import date, timedelta
from functools import partial
from typing import Any

from sqlmodel import Session
from textual.screen import Screen

from actionplan.models import Item, Status, WaitingOn
from actionplan.plan.merge import Clash
from actionplan.triage import Detail, Entry
from actionplan.tui.app import ActionPlanApp, WriteDone
from actionplan.tui.screens.card_actions import Edit, answer
from actionplan.tui.screens.prompts import DatePrompt
from actionplan.tui.screens.triage_dialogs import SnoozePrompt, StatusChooser
from actionplan.tui.widgets.triage_card import waiting_on


class TriageActions(Screen[tuple[str, int] | None]):
    """What triage does to the item shown; the screen supplies the queue and the drawing."""

    entries: list[Entry] | None
    index: int
    ended: bool
    details: dict[int, Detail]
    people: list[str]
    did: list[tuple[str, int]]
    """(what, item id) for each change kept, oldest first."""
    pending: deque[tuple[str, int]]
    """Writes queued and not yet reported back, in order."""
    _leaving: tuple[tuple[str, int] | None] | None
    """What to dismiss with once every write is saved (None: not leaving)."""

    @property
    def plan_app(self) -> ActionPlanApp:
        return self.app  # type: ignore[return-value]

    @property
    def current(self) -> Entry | None:
        """The entry shown (the screen implements this)."""
        raise NotImplementedError

    @property
    def detail(self) -> Detail | None:
        entry = self.current
        return self.details.get(entry.id) if entry else None

    def _go(self, index: int) -> None:
        """Show the entry at ``index`` (the screen implements this)."""
        raise NotImplementedError

    def _reload(self, item_id: int) -> None:
        """Read one item again (the screen implements this)."""
        raise NotImplementedError

    def _write(
        self,
        kind: str,
        values: dict[str, Any],
        *,
        advance: bool = False,
        seen: dict[str, Any] | None = None,
    ) -> None:
        """Queue one change of the item shown; with ``advance``, move on straight away.

        Args:
            kind: what the change is, as the end of the session counts it.
            values: the fields to change.
            advance: move on to the next item at once (the item has left the queue).
            seen: the item as the user saw it when a dialog opened (else as shown now). If
                someone else changed other fields since, both changes are kept; if they
                changed the same ones, the conflict dialog asks.
        """
        if self.plan_app.refuse_offline():
            return
        detail = self.detail
        assert detail is not None
        row = detail.row
        seen = dict(row) if seen is None else seen
        row["version"] = row["version"] + 1  # what the write makes it, so a second key fits
        self._queue(kind, Edit(seen, values, self.plan_app.author, row["title"]))
        if advance:
            self._go(self.index + 1)

    def _queue(self, kind: str, job: Edit) -> None:
        self.pending.append((kind, job.seen["id"]))
        self.plan_app.write(kind, job, self)

    def _resolve(self, kind: str, edit: Edit, clash: Clash) -> None:
        """Someone else changed the same fields first: show both, let the user choose."""
        from actionplan.tui.screens.conflict import ConflictDialog

        def chosen(choice: str | None) -> None:
            again = answer(choice, edit, clash)
            if again is None or self.plan_app.refuse_offline():
                self.notify("Nothing of yours was saved", timeout=4)
                return
            self._queue(kind, again)

        self.app.push_screen(ConflictDialog(clash, edit.title), chosen)

    def on_write_done(self, message: WriteDone) -> None:
        kind, item_id = self.pending.popleft() if self.pending else (message.label, 0)
        if isinstance(message.failure, Clash) and isinstance(message.job, Edit):
            self._reload(item_id)
            self._resolve(kind, message.job, message.failure)
            return
        if message.error:
            self.notify(message.error, title=f"Not saved: {kind}", severity="error")
        elif kind == "undo":
            self._undone(message.result)
            return
        else:
            self.did.append((kind, item_id))
            if isinstance(message.result, Item) and item_id in self.details:
                self.details[item_id].row["version"] = message.result.version
        if item_id:
            self._reload(item_id)  # the item's true state, saved or not
        self.refresh_bindings()
        if self._leaving is not None and not self.pending:
            self.dismiss(self._leaving[0])

    def action_owner(self) -> None:
        from actionplan.tui.screens.prompts import OwnerPrompt

        detail = self.detail
        if detail is None:
            return
        row = detail.row
        current = row["owner"] or ""
        seen = dict(row)

        def chosen(owner: str | None) -> None:
            if owner is None:
                return
            if owner.lower() == current.lower():
                self.notify("No change", timeout=2)
                return
            self._write("re-assigned", {"owner": owner or None}, seen=seen)

        self.app.push_screen(OwnerPrompt(row["title"], current, self.people), chosen)

    def action_due(self) -> None:
        detail = self.detail
        if detail is None:
            return
        row = detail.row
        app = self.plan_app
        seen = dict(row)

        def chosen(result: tuple[date | None] | None) -> None:
            if result is None:
                return
            if result[0] == row["due"]:
                self.notify("No change", timeout=2)
                return
            self._write("re-dated", {"due": result[0]}, seen=seen)

        prompt = DatePrompt(
            row["title"], row["due"], today=app.today(), day_first=app.config.day_first
        )
        self.app.push_screen(prompt, chosen)

    def action_status(self) -> None:
        detail = self.detail
        if detail is None:
            return
        row = detail.row
        current = (Status(row["status"]), waiting_on(row["waiting_on"]))
        seen = dict(row)

        def chosen(result: tuple[Status, WaitingOn | None] | None) -> None:
            if result is None:
                return
            if result == current:
                self.notify("No change", timeout=2)
                return
            status, on = result
            kind = "done" if status == Status.DONE else "status changed"
            values: dict[str, Any] = {"status": status}
            if status == Status.WAITING:
                values["waiting_on"] = on
            self._write(kind, values, advance=not status.is_open, seen=seen)

        self.app.push_screen(StatusChooser(row["title"], current), chosen)

    def action_escalate(self) -> None:
        from actionplan.tui.screens.prompts import TextPrompt

        detail = self.detail
        if detail is None:
            return
        row = detail.row
        if row["escalated"]:
            self._write("de-escalated", {"escalated": False})
            self.notify("Escalation cleared (u to undo)", timeout=3)
            return
        seen = dict(row)

        def chosen(reason: str | None) -> None:
            if reason:
                values = {"escalated": True, "escalation_reason": reason}
                self._write("escalated", values, seen=seen)

        self.app.push_screen(
            TextPrompt(
                f"Escalate: {row['title']}",
                "Why must management see this?",
                required="An escalation needs a reason",
            ),
            chosen,
        )

    def action_snooze(self) -> None:
        detail = self.detail
        if detail is None:
            return
        row = detail.row
        app = self.plan_app
        today = app.today()
        snoozed = row["snoozed_until"]
        default = snoozed if snoozed and snoozed > today else today + timedelta(days=7)
        seen = dict(row)

        def chosen(result: tuple[date | None] | None) -> None:
            if result is None:
                return
            until = result[0]
            if until is not None and until <= today:
                self.notify("Snooze until a date after today; nothing saved", severity="error")
                return
            if until == snoozed or (until is None and not snoozed):
                self.notify("No change", timeout=2)
                return
            kind = "snoozed" if until else "woken"
            self._write(kind, {"snoozed_until": until}, advance=until is not None, seen=seen)

        self.app.push_screen(
            SnoozePrompt(row["title"], default, today=today, day_first=app.config.day_first),
            chosen,
        )

    def action_done(self) -> None:
        detail = self.detail
        if detail is None or Status(detail.row["status"]) == Status.DONE:
            return
        self._write("done", {"status": Status.DONE}, advance=True)

    def action_undo(self) -> None:
        if not self.did or self.plan_app.refuse_offline():
            return
        undone = self.details.get(self.did[-1][1])
        if undone is not None:
            undone.row["version"] += 1  # what the undo makes it, as for any other change
        self.pending.append(("undo", 0))
        author = self.plan_app.author
        self.plan_app.write("undo", partial(_undo, author=author), self)

    def _undone(self, operation: Any) -> None:
        _, item_id = self.did.pop()
        if self._leaving is not None and not self.pending:
            self.dismiss(self._leaving[0])
            return
        self.notify(
            f"Undid: {operation.summary}" if operation is not None else "Nothing to undo",
            timeout=4,
        )
        if self.entries and not self.ended:
            ids = [e.id for e in self.entries]
            if item_id in ids and ids.index(item_id) != self.index:
                self._go(ids.index(item_id))  # show what the undo changed
                return
        self._reload(item_id)
        self.refresh_bindings()


def _undo(session: Session, *, author: str) -> Any:
    """Undo ``author``'s last operation (on the writer thread)."""
    from actionplan import plan

    return plan.undo(session=session, author=author)
