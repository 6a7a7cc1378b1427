"""The Textual app: wiring only (database, settings, key map, screens, the write queue)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session
from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import ModalScreen, Screen

from actionplan import clock
from actionplan.config import Config
from actionplan.db import Database
from actionplan.state import remember_client
from actionplan.tui.commands import ViewCommands
from actionplan.tui.keys import key_name
from actionplan.tui.live import ConnectionState, PlanChanged

WriteJob = Callable[[Session], Any]


@dataclass
class WriteDone(Message):
    """A queued write finished: ``error`` is None on success, else a one-line reason."""

    label: str
    result: Any
    error: str | None
    failure: BaseException | None = None
    """The exception behind ``error`` (a merge Clash carries both versions)."""
    job: Any = None
    """The job that ran, so a refused edit can be offered again."""


class ActionPlanApp(App[None]):
    """actionplan's terminal UI."""

    CSS_PATH = "app.tcss"
    TITLE = "actionplan"
    ENABLE_COMMAND_PALETTE = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    COMMANDS = App.COMMANDS | {ViewCommands}

    def __init__(
        self,
        db: Database,
        config: Config,
        *,
        client: str | None = None,
        today: Callable[[], date] = clock.today,
        demo: bool = False,
    ) -> None:
        super().__init__()
        self.db = db
        self.config = config
        self.start_client = client
        self.today = today
        self.demo = demo
        self._jobs: queue.Queue[tuple[str, WriteJob, Any] | None] = queue.Queue()
        self._deferred = 0  # writes waiting for the next paint (UI thread only)
        self.own_operations: set[int] = set()
        """Operations this app wrote: the watcher does not reload for them (writer thread)."""
        self.offline: str | None = None
        """Why the database cannot be reached, while it cannot (UI thread)."""
        self.watcher: Any = None
        self._stop_watching = threading.Event()

    @property
    def author(self) -> str:
        """Who is recorded in history for changes made here."""
        return self.config.author

    def get_key_display(self, binding: Binding) -> str:
        """Keys in the key bar are spelled as in the help ("Esc", "Enter", "Ctrl+R")."""
        return binding.key_display or key_name(binding.key)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's palette commands, less its own keys panel: ? is the one help."""
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command

    def get_default_screen(self) -> Any:
        from actionplan.tui.screens.board import BoardScreen

        return BoardScreen(client=self.start_client)

    def on_mount(self) -> None:
        if self.config.keys:
            self.set_keymap(self.config.keys)
        self._writer()
        self._watch()

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def _watch(self) -> None:
        from actionplan.tui.live import watch

        watch(self, self._stop_watching)

    def on_plan_changed(self, message: PlanChanged) -> None:
        """Someone else changed the plan: the view in front reads it again, and so do views under
        a dialog. A full view further down (the board under the agenda) is marked stale and read
        again when the user goes back to it, not while hidden."""
        from actionplan.tui.view import PlanView

        in_front = True
        for screen in reversed(self.screen_stack):
            if isinstance(screen, PlanView):
                if in_front:
                    screen.plan_changed()
                else:
                    screen.stale = True  # read again when it comes back to the front
            if not isinstance(screen, ModalScreen):
                in_front = False

    def on_connection_state(self, message: ConnectionState) -> None:
        from actionplan.tui.view import PlanView

        self.offline = message.offline
        if message.offline:
            self.notify(
                f"{message.offline}. Changes are refused until it is back.",
                title="Offline",
                severity="error",
                timeout=10,
            )
        else:
            self.notify("The database is back; the plan is read again", title="Online")
        for screen in self.screen_stack:
            if isinstance(screen, PlanView):
                screen.connection_changed(message.offline)

    def refuse_offline(self) -> bool:
        """While offline, say so and return True: a change now would not be saved."""
        if self.offline:
            self.notify(
                "Not saved: the database cannot be reached (offline). Try again when it is back.",
                severity="error",
            )
        return bool(self.offline)

    def write(self, label: str, job: WriteJob, reply_to: Any) -> None:
        """Queue a database write; ``reply_to`` gets a WriteDone when it has run.

        Writes run one at a time, in the order given, off the UI thread. A write is queued
        once the screen has shown the change it makes: the writer thread would otherwise
        compete with that paint for the interpreter, and the key would feel slower.
        """
        if self.offline:
            reason = f"offline ({self.offline}); nothing was saved"
            reply_to.post_message(WriteDone(label, None, reason, None, job))
            return
        self._deferred += 1

        def queue_it() -> None:
            self._deferred -= 1
            self._jobs.put((label, job, reply_to))

        self.call_after_refresh(queue_it)

    @work(thread=True, exclusive=True, group="writer", exit_on_error=False)
    def _writer(self) -> None:
        from actionplan.errors import user_message
        from actionplan.plan.journal import OWN_OPERATIONS

        while True:
            entry = self._jobs.get()
            if entry is None:
                self._jobs.task_done()
                return
            label, job, reply_to = entry
            result, error, failure = None, None, None
            try:
                with self.db.session() as session:
                    session.info[OWN_OPERATIONS] = self.own_operations
                    result = job(session)
            except Exception as exc:  # every failure is shown; the board reloads the truth
                error, failure = user_message(exc), exc
            reply_to.post_message(WriteDone(label, result, error, failure, job))
            self._jobs.task_done()

    @property
    def writes_pending(self) -> int:
        """Writes queued or running (tests wait for this to reach zero)."""
        return self._deferred + self._jobs.unfinished_tasks

    def remember(self, client: str | None) -> None:
        """Open this client next time (not for the throwaway demo)."""
        if not self.demo:
            remember_client(self.db.display, client)

    def on_unmount(self) -> None:
        self._jobs.put(None)  # let the writer thread finish, so the process can exit
        self._stop_watching.set()
        if self.watcher is not None:
            self.watcher.close()  # wakes the watching thread at once
