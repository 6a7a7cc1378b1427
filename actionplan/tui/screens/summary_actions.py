"""What the summary preview sends or writes: exports, the guarded copy, snapshots, reviews.

Nothing leaves from what the preview holds. Every export, copy and snapshot asks
``summary.outgoing.release`` to build the summary again from the database at that moment,
with the digest of what is on screen; if it differs, the preview is redrawn and nothing
leaves until the user has seen it. What the leak guard flags leaves only after a Yes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.message import Message

from actionplan.clipboard import Copied, find_clipboard
from actionplan.summary.guarding import Flag
from actionplan.summary.outgoing import Outgoing
from actionplan.tui.clipboard import copy_text
from actionplan.tui.screens.confirm_leaks import ConfirmLeaks
from actionplan.tui.view import PlanView

NAMES = {
    "md": "Markdown",
    "txt": "text",
    "html": "HTML",
    "pdf": "PDF",
    "talk": "talk track",
    "docx": "Word",
    "eml": "e-mail draft",
}
NOT_SENT = ("talk",)
"""Formats that are for us, not for the client (the talk track is read out on the call)."""


@dataclass
class Released(Message):
    """Something left: a file written, text for the clipboard, a snapshot saved."""

    what: str
    outgoing: Outgoing
    path: Path | None = None
    accepted: frozenset[str] = frozenset()
    """The flags the user let through for it (recording it as sent needs no second Yes)."""
    copied: Copied | None = None
    """How a copy went (a real clipboard, OSC 52, or nothing)."""


@dataclass
class Held(Message):
    """Nothing left: the plan changed (``changed``), or the guard wants an answer (``ask``)."""

    what: str
    fmt: str
    outgoing: Outgoing
    changed: bool
    ask: list[Flag]
    sent_as: str | None = None


@dataclass
class Failed(Message):
    """A release or a review failed; one line for the user."""

    error: str


def export_folder() -> Path:
    """Where exported summaries go: Documents/actionplan (or the home folder)."""
    from platformdirs import user_documents_path

    return user_documents_path() / "actionplan"


class SummaryActions(PlanView[tuple[str, int] | None, Outgoing]):
    """The preview's keys that send or write; the screen supplies the drawing and the flags."""

    client: str
    outgoing: Outgoing | None
    """What is on screen (None until the first read): its digest is what may leave."""

    def _draw(self, out: Outgoing) -> None:
        """Draw ``out`` in the preview (the screen implements this)."""
        raise NotImplementedError

    def _current_flag(self) -> Flag | None:
        """The flag highlighted in the leak guard's list (the screen implements this)."""
        raise NotImplementedError

    # --- leaving ------------------------------------------------------------------------------

    def action_export(self, fmt: str) -> None:
        self._release("export", fmt, frozenset())

    def action_copy(self) -> None:
        self._release("copy", "md", frozenset())

    def action_copy_text(self) -> None:
        """Textual's copy of a selection: here it is the guarded copy (there is no selection)."""
        self.action_copy()

    def action_save(self) -> None:
        self._release("save", "md", frozenset(), sent_as="md")

    @work(thread=True, group="release", exit_on_error=False)
    def _release(
        self, what: str, fmt: str, accepted: frozenset[str], sent_as: str | None = None
    ) -> None:
        from actionplan.errors import user_message
        from actionplan.summary.outgoing import Changed, Flagged, release

        app = self.plan_app
        shown = self.outgoing.digest if self.outgoing else None
        if shown is None:
            return  # nothing on screen yet: nothing the user has seen may leave
        try:
            from actionplan.summary.deliver import save_as_snapshot, write_export

            folder = export_folder()
            deliver = {
                "export": lambda session, o: write_export(o, folder),
                "copy": lambda session, o: copy_text(self.app, o.markdown, find=find_clipboard),
                "save": lambda session, o: save_as_snapshot(
                    session, o, app.author, sent_as=sent_as
                ),
            }[what]
            with app.db.session() as session:
                out, path = release(
                    session=session,
                    client=self.client,
                    fmt=fmt,
                    today=app.today(),
                    config=app.config,
                    deliver=lambda o: deliver(session, o),
                    shown=shown,
                    accepted=accepted,
                )
        except Changed as exc:
            self.post_message(Held(what, fmt, exc.outgoing, changed=True, ask=[], sent_as=sent_as))
        except Flagged as exc:
            self.post_message(
                Held(what, fmt, exc.outgoing, changed=False, ask=exc.pending, sent_as=sent_as)
            )
        except Exception as exc:
            self.post_message(Failed(user_message(exc)))
        else:
            where = path if isinstance(path, Path) else None
            copied = path if isinstance(path, Copied) else None
            self.post_message(Released(what, out, where, accepted, copied))

    @on(Held)
    def _held(self, message: Held) -> None:
        if message.changed:
            if message.fmt == "md":
                self._draw(message.outgoing)
            else:
                self.reload()  # the preview is Markdown: read it again as that
            self.notify(
                "The plan changed since this preview, so nothing left. The preview now shows "
                "the summary as it is; check it and press the key again.",
                title="Summary changed",
                severity="warning",
                timeout=8,
            )
            return
        verb = {"export": f"export as {NAMES[message.fmt]}", "copy": "copy to the clipboard"}
        what = verb.get(message.what, "record this summary as sent")
        accepted = frozenset(f.key for f in message.ask)

        def answered(yes: bool | None) -> None:
            if yes:
                self._release(message.what, message.fmt, accepted, message.sent_as)

        self.app.push_screen(ConfirmLeaks(message.ask, what), answered)

    @on(Released)
    def _released(self, message: Released) -> None:
        fmt = message.outgoing.fmt
        if message.what == "copy":
            self._copied(message)
        elif message.what == "save":
            for screen in self.app.screen_stack:  # the board's "not told" clears on the way back
                if isinstance(screen, PlanView) and screen is not self:
                    screen.stale = True
            self.notify(
                "Recorded as sent: the board no longer says 'not told' for the dates it carried, "
                "and the next summary shows what changed since",
                title="Sent",
                timeout=6,
            )
            self.reload()
        else:
            self.notify(f"Wrote {message.path}", title="Exported", timeout=8)
            if fmt not in NOT_SENT:
                self._ask_sent(fmt, message.accepted)

    def _copied(self, message: Released) -> None:
        """Say how the copy went; when nothing was copied, offer a Markdown file instead."""
        from actionplan.tui.clipboard import NoClipboard

        copied = message.copied
        if copied is not None and copied.ok:
            self.notify(copied.message, timeout=5)
            self._ask_sent("copy", message.accepted)
            return
        reason = copied.reason if copied is not None else ""

        def answered(write: bool | None) -> None:
            if write:
                self._release("export", "md", message.accepted)

        self.app.push_screen(NoClipboard(reason, str(export_folder())), answered)

    def _ask_sent(self, sent_as: str, accepted: frozenset[str]) -> None:
        """Ask whether what just left goes to the client; yes records it as sent."""
        from actionplan.tui.screens.people_dialogs import Confirm

        how = "copied text" if sent_as == "copy" else NAMES.get(sent_as, sent_as)

        def answered(yes: bool | None) -> None:
            if yes:
                self._release("save", "md", accepted, sent_as)

        self.app.push_screen(
            Confirm(
                "Record as sent to the client?",
                f"Yes if this {how} goes to {self.client}: the board stops saying 'not told' "
                "for the dates it carries, and the next summary says what changed since.",
                "y records it · n or Esc: not sent (yet)",
            ),
            answered,
        )

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.notify(message.error, severity="error", timeout=8)

    # --- the flags ----------------------------------------------------------------------------

    def action_review(self) -> None:
        flag = self._current_flag()
        if flag is not None and flag.item is not None:
            self._review(flag)

    @work(thread=True, group="review", exit_on_error=False)
    def _review(self, flag: Flag) -> None:
        from actionplan.errors import user_message
        from actionplan.plan.guarding import Review, review

        app = self.plan_app
        assert flag.item is not None
        try:
            with app.db.session() as session:
                review(
                    session=session,
                    client=self.client,
                    reviews=[Review(flag.item, flag.fingerprint, flag.sentence, flag.rule)],
                    author=app.author,
                )
        except Exception as exc:
            self.post_message(Failed(user_message(exc)))
            return
        self.app.call_from_thread(
            self.notify, f"Reviewed: {flag.sentence[:60]!r} stops being flagged (u undoes)"
        )
        self.reload()
