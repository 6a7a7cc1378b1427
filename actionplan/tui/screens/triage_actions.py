"""Triage's change keys: status and snooze here; owner, due, escalate, done and undo are every
view's (:mod:`actionplan.tui.edits`).

Each queues one plan operation on the app's writer thread; the item is read again when the
write reports back, so the card shows its true state, saved or not.
"""

from __future__ import annotations

from collections import deque
from datetime import date, timedelta
from functools import partial
from typing import Any

from actionplan.models import Item, Status, WaitingOn
from actionplan.rows import ItemRow, TriageRow
from actionplan.triage import Detail, Entry
from actionplan.tui.app import WriteDone, WriteJob
from actionplan.tui.edits import ItemEdits, undone_text
from actionplan.tui.screens.triage_dialogs import SnoozePrompt, StatusChooser
from actionplan.tui.view import DataT
from actionplan.tui.widgets.triage_card import waiting_on
from actionplan.tui.writes import NewPerson, undo


class TriageActions(ItemEdits[tuple[str, int] | None, DataT]):
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

    # --- what the shared change keys need (see actionplan.tui.edits) --------------------------

    def edit_target(self) -> TriageRow | None:
        detail = self.detail
        return detail.row if detail else None

    def edit_people(self) -> list[str]:
        return self.people

    def change(
        self, kind: str, seen: ItemRow, values: dict[str, Any], person: NewPerson | None = None
    ) -> None:
        """Save a change of the item shown; if it leaves the queue, move on straight away."""
        if self.plan_app.refuse_offline():
            return
        detail = self.detail
        assert detail is not None
        detail.row["version"] += 1  # what the write makes it, so a second key fits
        super().change(kind, seen, values, person)
        if _leaves_queue(values):
            self._go(self.index + 1)

    def send(self, kind: str, job: WriteJob, item_id: int = 0) -> None:
        self.pending.append((kind, item_id))
        super().send(kind, job, item_id)

    def reported(self, message: WriteDone) -> tuple[str, int]:
        return self.pending.popleft() if self.pending else (message.label, 0)

    def reread(self, item_id: int) -> None:
        if item_id:
            self._reload(item_id)  # the item's true state, saved or not

    def written(self, kind: str, item_id: int, message: WriteDone) -> None:
        if message.error:
            pass  # told; the item is read again below
        elif kind == "undo":
            self._undone(message.result)
            return
        else:
            self.did.append((kind, item_id))
            if isinstance(message.result, Item) and item_id in self.details:
                self.details[item_id].row["version"] = message.result.version
        self.reread(item_id)
        self.refresh_bindings()
        if self._leaving is not None and not self.pending:
            self.dismiss(self._leaving[0])

    # --- triage's own keys -------------------------------------------------------------------

    def action_status(self) -> None:
        row = self.edit_target()
        if row is None:
            return
        current = (Status(row["status"]), waiting_on(row["waiting_on"]))
        seen = row.copy()

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
            self.change(kind, seen, values)

        self.app.push_screen(StatusChooser(row["title"], current), chosen)

    def action_snooze(self) -> None:
        row = self.edit_target()
        if row is None:
            return
        app = self.plan_app
        today = app.today()
        snoozed = row["snoozed_until"]
        default = snoozed if snoozed and snoozed > today else today + timedelta(days=7)
        seen = row.copy()

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
            self.change(kind, seen, {"snoozed_until": until})

        self.app.push_screen(
            SnoozePrompt(row["title"], default, today=today, day_first=app.config.day_first),
            chosen,
        )

    def action_undo(self) -> None:
        """Undo this session's last change (the key applies only while there is one)."""
        if not self.did or self.plan_app.refuse_offline():
            return
        undone = self.details.get(self.did[-1][1])
        if undone is not None:
            undone.row["version"] += 1  # what the undo makes it, as for any other change
        self.send("undo", partial(undo, author=self.plan_app.author))

    def _undone(self, operation: Any) -> None:
        _, item_id = self.did.pop()
        if self._leaving is not None and not self.pending:
            self.dismiss(self._leaving[0])
            return
        self.notify(undone_text(operation), timeout=4)
        if self.entries and not self.ended:
            ids = [e.id for e in self.entries]
            if item_id in ids and ids.index(item_id) != self.index:
                self._go(ids.index(item_id))  # show what the undo changed
                return
        self._reload(item_id)
        self.refresh_bindings()


def _leaves_queue(values: dict[str, Any]) -> bool:
    """The change takes the item out of triage: done or dropped, or snoozed."""
    status = values.get("status")
    closed = status is not None and not Status(status).is_open
    return closed or values.get("snoozed_until") is not None
