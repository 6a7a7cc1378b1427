"""The summary as it will leave: previewed, checked by the leak guard, exported, copied, kept.

Nothing leaves from what the preview holds. Every export, copy and snapshot asks
``summary.outgoing.release`` to build the summary again from the database at that moment; if
it differs from what is on screen, the preview is redrawn and nothing leaves until the user
has seen it. The preview also reads again whenever someone else changes the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Markdown, OptionList, Static
from textual.widgets.option_list import Option

from actionplan.summary.guarding import Flag
from actionplan.summary.model import Summary
from actionplan.summary.outgoing import Outgoing
from actionplan.tui.screens.confirm_leaks import ConfirmLeaks
from actionplan.tui.widgets.keybar import KeyBar
from actionplan.tui.widgets.leak_marks import flag_text, marked

NAMES = {"md": "Markdown", "txt": "text", "html": "HTML", "pdf": "PDF", "talk": "talk track"}


@dataclass
class Built(Message):
    """The summary as it stands now, rendered and guarded, made off the UI thread."""

    outgoing: Outgoing | None
    error: str | None = None


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


class SummaryPreview(Screen[tuple[str, int] | None]):
    """One client's summary exactly as it will be sent, with keys to send it."""

    # Mouse selection would copy around the leak guard; y (or ctrl+c) copies through it.
    ALLOW_SELECT = False

    BINDINGS = [
        Binding(
            "m",
            "export('md')",
            "Markdown",
            id="summary.md",
            tooltip="Export as Markdown, for email or chat",
        ),
        Binding(
            "t",
            "export('txt')",
            "Text",
            id="summary.txt",
            tooltip="Export as plain text, within 80 columns",
        ),
        Binding(
            "h",
            "export('html')",
            "HTML",
            id="summary.html",
            tooltip="Export as one HTML page that prints cleanly",
        ),
        Binding("p", "export('pdf')", "PDF", id="summary.pdf", tooltip="Export as PDF"),
        Binding(
            "k", "export('talk')", "Talk", id="summary.talk", tooltip="Talk track for the meeting"
        ),
        Binding(
            "y,ctrl+c,super+c",
            "copy",
            "Copy",
            id="summary.copy",
            key_display="y",
            tooltip="Copy the Markdown (through the leak guard)",
        ),
        Binding("S", "save", "Save snapshot", id="summary.save"),
        Binding(
            "enter",
            "goto",
            "Go to item",
            id="summary.goto",
            tooltip="Open the flagged item on its board, to reword it",
        ),
        Binding(
            "r",
            "review",
            "Reviewed",
            id="summary.review",
            tooltip="The flagged sentence is fine for this client: stop flagging it (u undoes)",
        ),
        Binding(
            "v",
            "snapshots",
            "Past",  # short, so that every key fits an 80-column bar
            id="summary.snapshots",
            tooltip="Past snapshots: open one, or compare two",
        ),
        Binding(
            "w",
            "who",
            "Who changed what",
            id="summary.who",
            tooltip="Internal: who changed what since the last snapshot (never in the summary)",
        ),
        Binding("question_mark", "help", "Help", id="summary.help", tooltip="These keys"),
        Binding("escape,q", "close", "Close", id="summary.close"),
    ]

    def __init__(self, client: str) -> None:
        super().__init__()
        self.client = client
        self.outgoing: Outgoing | None = None

    @property
    def summary(self) -> Summary | None:
        """The summary on screen (None until the first read)."""
        return self.outgoing.summary if self.outgoing else None

    @property
    def markdown(self) -> str:
        """The Markdown on screen: exactly what ``m`` or ``y`` would send now."""
        return self.outgoing.markdown if self.outgoing else ""

    @property
    def hits(self) -> list[Flag]:
        """What the leak guard flags in it, not yet reviewed."""
        return list(self.outgoing.flags) if self.outgoing else []

    def compose(self) -> ComposeResult:
        with Vertical(id="preview"):
            yield Static(Text(f" Summary for {self.client}: reading the plan…"), id="preview-title")
            yield OptionList(id="leaks")
            with VerticalScroll(id="preview-body"):
                yield Markdown(id="preview-md")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#leaks").display = False
        self._build()

    def plan_changed(self) -> None:
        """Someone else changed the plan: read it again (live, like every other view)."""
        self._build()

    def connection_changed(self, offline: str | None) -> None:
        if offline is None:
            self._build()

    @property
    def plan_app(self) -> Any:
        return self.app

    # --- reading ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="summary", exit_on_error=False)
    def _build(self) -> None:
        from actionplan.errors import user_message
        from actionplan.summary.outgoing import prepare

        app = self.plan_app
        try:
            with app.db.session() as session:
                out = prepare(
                    session=session,
                    client=self.client,
                    fmt="md",
                    today=app.today(),
                    config=app.config,
                )
        except Exception as exc:  # shown in the title; Esc still closes
            self.post_message(Built(None, user_message(exc)))
            return
        self.post_message(Built(out))

    @on(Built)
    def _built(self, message: Built) -> None:
        if message.outgoing is None:
            title = Text.assemble(
                (" Summary ", "bold reverse"), f" cannot be read: {message.error}"
            )
            self.query_one("#preview-title", Static).update(title)
            return
        before = self.outgoing
        self._show(message.outgoing)
        if before is not None and before.digest != message.outgoing.digest:
            self.notify("The plan changed; the preview shows it as it is now", timeout=4)

    def _show(self, out: Outgoing) -> None:
        from actionplan.summary.markdown import for_screen

        self.outgoing = out
        self.query_one("#preview-md", Markdown).update(for_screen(marked(out.markdown, out.flags)))
        title = Text.assemble(
            (" Summary ", "bold reverse"),
            " ",
            (out.summary.client, "bold"),
            ": exactly what the client will read",
        )
        if out.reviewed:
            title.append(f"  ({len(out.reviewed)} reviewed sentence(s) let through)", "dim")
        self.query_one("#preview-title", Static).update(title)
        leaks = self.query_one("#leaks", OptionList)
        keep = leaks.highlighted
        leaks.clear_options()
        leaks.display = bool(out.flags)
        if out.flags:
            n = len(out.flags)
            leaks.border_title = (
                f"Leak guard: {n} thing{'s' if n != 1 else ''} sound internal "
                "(Enter: go to the item, r: reviewed, fine)"
            )
            leaks.add_options([Option(flag_text(f)) for f in out.flags])
            leaks.highlighted = min(keep or 0, n - 1)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("goto", "review"):
            flag = self._current_flag()
            return flag is not None and flag.item is not None
        return True

    def _current_flag(self) -> Flag | None:
        if self.outgoing is None or not self.outgoing.flags:
            return None
        index = self.query_one("#leaks", OptionList).highlighted
        if index is None or index >= len(self.outgoing.flags):
            return None
        return self.outgoing.flags[index]

    @on(OptionList.OptionHighlighted, "#leaks")
    def _flag_moved(self) -> None:
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#leaks")
    def _flag_chosen(self) -> None:
        self.action_goto()

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
        from actionplan.summary.deliver import save_as_snapshot, write_export

        folder = export_folder()
        deliver = {
            "export": lambda session, o: write_export(o, folder),
            "copy": lambda session, o: None,  # the UI thread copies o.markdown afterwards
            "save": lambda session, o: save_as_snapshot(session, o, app.author),
        }[what]
        try:
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
                self._show(message.outgoing)
            else:
                self._build()  # the preview is Markdown: read it again as that
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

    def action_goto(self) -> None:
        flag = self._current_flag()
        if flag is not None and flag.item is not None and self.outgoing is not None:
            self.dismiss((self.outgoing.summary.client, flag.item))

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
        self._build()

    # --- elsewhere ----------------------------------------------------------------------------

    def action_snapshots(self) -> None:
        from actionplan.tui.screens.snapshots import SnapshotsScreen

        self.app.push_screen(SnapshotsScreen(self.client))

    def action_who(self) -> None:
        from actionplan.tui.screens.changes_since import ChangesSinceScreen

        self.app.push_screen(ChangesSinceScreen(self.client))

    def action_help(self) -> None:
        from actionplan.tui.screens.keys_help import KeysHelp

        notes = [
            "Every export, copy and snapshot is built again from the plan at that moment and "
            "checked by the leak guard; if the plan changed, the preview is redrawn first and "
            "nothing leaves. Exports go to Documents/actionplan, readable only by you, never "
            "over another file. w is for us only: it never leaves."
        ]
        self.app.push_screen(KeysHelp("Summary keys", self.BINDINGS, notes=notes))

    def action_close(self) -> None:
        self.dismiss(None)
