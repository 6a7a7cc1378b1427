"""Live refresh: notice other people's changes and lost connections, and tell the screens.

A worker thread of the app waits on a :class:`~actionplan.changes.ChangeWatcher` (it sleeps
until the database says something was committed, so an idle board costs no CPU). On a change
it asks whether anyone but this app wrote (our own writes are already on screen), and posts
:class:`PlanChanged`. When the database cannot be reached it posts :class:`ConnectionState`
with the reason, and again with None once it is back.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from actionplan.tui.app import ActionPlanApp

WAIT = 1.0
"""Seconds per wait, so a stop request is noticed within this time at worst."""
RETRY = 2.0
"""Seconds between two attempts to reach a database that was not there at start."""


@dataclass
class PlanChanged(Message):
    """Someone else changed the plan: every open view reads it again."""


@dataclass
class ConnectionState(Message):
    """The database went away (``offline`` says why) or came back (``offline`` is None)."""

    offline: str | None


def watch(app: ActionPlanApp, stop: threading.Event) -> None:
    """Run until ``stop`` is set: post PlanChanged and ConnectionState to ``app``.

    Runs in a worker thread; touches no widget.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from actionplan.changes import ChangeWatcher, Offline
    from actionplan.db import connection_problem, describe_error
    from actionplan.queries import Mark, changed_by_others, plan_mark

    watcher: ChangeWatcher | None = None
    mark: Mark | None = None
    offline: str | None = None

    def went_offline(reason: str) -> None:
        nonlocal offline
        if offline is None:
            offline = reason
            app.post_message(ConnectionState(reason))

    try:
        while not stop.is_set():
            try:
                if watcher is None:
                    watcher = ChangeWatcher(app.db)
                    app.watcher = watcher
                if mark is None:  # where the plan stands as the board first reads it
                    with app.db.session() as session:
                        mark = plan_mark(session=session)
                changed = watcher.wait(WAIT)
                if stop.is_set():
                    break
                if changed:
                    with app.db.session() as session:
                        changed, mark = changed_by_others(
                            session=session, since=mark, own=app.own_operations
                        )
                if offline is not None:
                    offline = None
                    app.post_message(ConnectionState(None))
                    changed = True  # whatever happened meanwhile was missed
                if changed:
                    app.post_message(PlanChanged())
            except Offline as exc:
                went_offline(str(exc))
                if watcher is None:
                    stop.wait(RETRY)
            except SQLAlchemyError as exc:
                why = connection_problem(exc) or describe_error(exc)
                went_offline(f"cannot reach the database: {why}")
                stop.wait(RETRY)
    finally:
        if watcher is not None:
            watcher.close()
