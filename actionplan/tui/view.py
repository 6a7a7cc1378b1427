"""The base of every view of the plan: it reads in a thread, fails in one place, and refreshes.

A view says what it reads (``read``, in a worker thread, with a database session) and how it
shows it (``show``, on the UI thread). Everything else is here, once:

- **Reading**: ``reload()`` starts the read; a newer read replaces one still running.
- **Failing**: a read that fails is shown in one line at the top of the view, with the
  reason and the key to try again (Ctrl+R); nothing fails silently, and what the view showed
  before stays on screen. A view's ``Heading`` says "reading…" until its first read lands,
  and only its bare title if that read fails.
- **Live refresh**: the app calls ``plan_changed()`` on the view in front when someone else
  changed the plan, marks the views behind it stale (read again when the user comes back to
  them, not while hidden), and calls ``connection_changed()`` when the database goes away or
  comes back.
- **Help**: ``action_help`` (each view binds ``?`` to it, under its own id such as
  ``agenda.help``) lists the view's keys, read from its bindings, then its ``HELP_NOTES``.
- **The app**, typed: ``plan_app``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from rich.text import Text
from textual import work
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from actionplan.tui.keys import bind

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.tui.app import ActionPlanApp

ResultT = TypeVar("ResultT")
DataT = TypeVar("DataT")


class FailureLine(Static):
    """One line at the top of a view: why it could not be read, and how to try again."""

    DEFAULT_CSS = """
    FailureLine {
        dock: top;
        height: 1;
        background: $error 30%;
        color: $text;
        text-style: bold;
    }
    """


class Heading(Static):
    """A view's title line. Until the view's first read lands it says it is reading; if that
    read fails it shows the bare title (the failure line above it says why)."""

    def __init__(self, title: Text, *, reading: str = "reading the plan…", id: str) -> None:
        self.bare = title
        super().__init__(Text.assemble(title, (f" {reading}", "dim")), id=id)

    def unread(self) -> None:
        """Nothing was read: no longer "reading…"."""
        self.update(self.bare)


@dataclass
class ViewRead(Message):
    """A view's read finished: ``data`` on success, else ``error`` (one line)."""

    data: Any
    error: str | None


class KeysHelp:
    """``?`` on a screen (bound by each under its own id, such as ``agenda.help``): every key
    of the screen and of the widget with focus, then the screen's ``HELP_NOTES``."""

    HELP_NOTES: ClassVar[str] = ""
    """How the view works, shown in its help under the keys (e.g. the filter's syntax)."""

    def action_help(self) -> None:
        from actionplan.tui.screens.help import open_help

        open_help(cast("Screen[Any]", self))


class PlanView(KeysHelp, Screen[ResultT], Generic[ResultT, DataT]):
    """A full-screen view of the plan (see the module's docstring)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind(
            "ctrl+r",
            "retry",
            "Try again",
            "view.retry",
            "Read the view again (after a failed read)",
            show=False,
        ),
    ]
    WHAT: ClassVar[str] = "the plan"
    """What the view reads, for its failure line ("could not read the agenda")."""
    FOCUS: ClassVar[str | None] = None
    """The widget (a selector) that has focus when the view opens. A view that names it is
    read as soon as it is mounted; one with more to do then writes its own ``on_mount``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stale = False
        """Someone changed the plan while this view was hidden: read again on coming back."""
        self.failure: str | None = None
        """Why the last read failed, while it stands."""
        self.shown_once = False
        """A read has landed and been shown (until then the view's headings say "reading…")."""

    @property
    def plan_app(self) -> ActionPlanApp:
        """The app, typed."""
        return cast("ActionPlanApp", self.app)

    def on_mount(self) -> None:
        if self.FOCUS is not None:
            self.query_one(self.FOCUS).focus()
            self.reload()

    # --- what a view says ------------------------------------------------------------------

    def read(self, session: Session) -> DataT:
        """Read what the view shows. Runs in a worker thread: touch no widget here."""
        raise NotImplementedError

    def show(self, data: DataT) -> None:
        """Show what ``read`` returned (on the UI thread)."""
        raise NotImplementedError

    def plan_changed(self) -> None:
        """Someone else changed the plan, and this view is in front: read it again."""
        self.reload()

    def connection_changed(self, offline: str | None) -> None:
        """The database went away (``offline`` says why) or came back (None)."""

    # --- reading and failing ---------------------------------------------------------------

    def reload(self) -> None:
        """Read the plan again (a read still running is replaced by this one)."""
        self.start_read()

    @work(thread=True, exclusive=True, group="view-read", exit_on_error=False)
    def start_read(self) -> None:
        """The read itself, in a worker thread (a view whose ``reload`` takes arguments keeps
        them where its ``read`` finds them, then calls this)."""
        from actionplan.errors import user_message

        try:
            with self.plan_app.db.session() as session:
                data = self.read(session)
        except Exception as exc:  # shown in the view's failure line, never lost
            self.post_message(ViewRead(None, user_message(exc)))
            return
        self.post_message(ViewRead(data, None))

    def on_view_read(self, message: ViewRead) -> None:
        message.stop()
        if message.error is not None:
            self.failed(message.error)
            return
        if self.failure is not None:
            self.failure = None
            for line in self.query(FailureLine):
                line.remove()
        self.shown_once = True
        self.show(message.data)

    def failed(self, error: str) -> None:
        """Say in one line why the view could not be read; what it showed stays."""
        self.failure = error
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f" Could not read {self.WHAT} ", style="bold")
        text.append("(Ctrl+R to try again)", style="bold")
        text.append(f": {error}")
        lines = self.query(FailureLine)
        if lines:
            lines.first().update(text)
        else:
            self.mount(FailureLine(text))
        if not self.shown_once:
            for heading in self.query(Heading):
                heading.unread()

    def action_retry(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        if self.stale:
            self.stale = False
            self.reload()
