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

from actionplan.summary.guarding import Flag
from actionplan.summary.outgoing import Outgoing
from actionplan.tui.screens.confirm_leaks import ConfirmLeaks
from actionplan.tui.view import PlanView

NAMES = {"md": "Markdown", "txt": "text", "html": "HTML", "pdf": "PDF", "talk": "talk track"}


@dataclass
class Released(Message):
    """Something left: a file written, text for the clipboard, a snapshot saved."""

    what: str
    outgoing: Outgoing
    path: Path | None = None


@dataclass
class Held(Message):
    """Nothing left: the plan changed (``changed``), or the guard wants an answer (``ask``)."""

    what: str
    fmt: str
    outgoing: Outgoing
    changed: bool
    ask: list[Flag]


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
        self._release("save", "md", frozenset())

    @work(thread=True, group="release", exit_on_error=False)
    def _release(self, what: str, fmt: str, accepted: frozenset[str]) -> None:
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
                "copy": lambda session, o: None,  # the UI thread copies o.markdown afterwards
                "save": lambda session, o: save_as_snapshot(session, o, app.author),
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
            self.post_message(Held(what, fmt, exc.outgoing, changed=True, ask=[]))
        except Flagged as exc:
            self.post_message(Held(what, fmt, exc.outgoing, changed=False, ask=exc.pending))
        except Exception as exc:
            self.post_message(Failed(user_message(exc)))
        else:
            self.post_message(Released(what, out, path if isinstance(path, Path) else None))

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
        what = verb.get(message.what, "save this snapshot")
        accepted = frozenset(f.key for f in message.ask)

        def answered(yes: bool | None) -> None:
            if yes:
                self._release(message.what, message.fmt, accepted)

        self.app.push_screen(ConfirmLeaks(message.ask, what), answered)

    @on(Released)
    def _released(self, message: Released) -> None:
        if message.what == "copy":
            self.app.copy_to_clipboard(message.outgoing.markdown)
            self.notify("Markdown copied to the clipboard", timeout=3)
        elif message.what == "save":
            self.notify("Snapshot saved: the next summary shows what changed since", timeout=5)
        else:
            self.notify(f"Wrote {message.path}", title="Exported", timeout=8)

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
