"""The summary as it will leave: previewed, checked by the leak guard, exported, copied, kept.

Nothing leaves from what the preview holds: every export, copy and snapshot is built again
from the database at that moment (see ``summary_actions``, which holds those keys). The
preview reads again whenever someone else changes the plan; a read that fails says so in one
line, with Ctrl+R to try again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown, OptionList, Static
from textual.widgets.option_list import Option

from actionplan.plan.settings import SummarySettings
from actionplan.summary.guarding import Flag
from actionplan.summary.model import Summary
from actionplan.summary.outgoing import Outgoing
from actionplan.tui.app import WriteDone
from actionplan.tui.keys import bind, help_key
from actionplan.tui.screens.summary_actions import Failed, SummaryActions
from actionplan.tui.screens.summary_words import Stored, SummaryWords
from actionplan.tui.summary_writes import SaveWords, health_line, stored_words
from actionplan.tui.view import Heading
from actionplan.tui.widgets.keybar import KeyBar
from actionplan.tui.widgets.leak_marks import flag_text, marked

if TYPE_CHECKING:
    from sqlmodel import Session


class SummaryPreview(SummaryActions):
    """One client's summary exactly as it will be sent, with keys to send it."""

    # Mouse selection would copy around the leak guard; y (or ctrl+c) copies through it.
    ALLOW_SELECT = False

    BINDINGS = [
        bind(
            "m", "export('md')", "Markdown", "summary.md", "Export as Markdown, for email or chat"
        ),
        bind(
            "t", "export('txt')", "Text", "summary.txt", "Export as plain text, within 80 columns"
        ),
        bind(
            "h",
            "export('html')",
            "HTML",
            "summary.html",
            "Export as one HTML page that prints cleanly",
        ),
        bind("p", "export('pdf')", "PDF", "summary.pdf", "Export as PDF"),
        bind("W", "export('docx')", "Word", "summary.docx", "Export as a Word document"),
        bind(
            "E",
            "export('eml')",
            "E-mail",
            "summary.eml",
            "An e-mail draft to the client's status recipients, the PDF attached",
        ),
        bind("k", "export('talk')", "Talk", "summary.talk", "Talk track for the meeting"),
        bind(
            "y,ctrl+c,super+c",
            "copy",
            "Copy",
            "summary.copy",
            "Copy the Markdown (through the leak guard)",
            shown_as="y",
        ),
        bind(
            "S",
            "save",
            "Sent",
            "summary.save",
            "Record this summary as sent to the client (a snapshot; 'not told' clears)",
        ),
        bind(
            "e",
            "words",
            "Edit",
            "summary.words",
            "Edit what it says: next call, headline, intro, health",
        ),
        bind(
            "enter",
            "goto",
            "Go to item",
            "summary.goto",
            "Open the flagged item on its board, to reword it",
        ),
        bind(
            "r",
            "review",
            "Reviewed",
            "summary.review",
            "The flagged sentence is fine for this client: stop flagging it (u undoes)",
        ),
        bind(
            "v",
            "snapshots",
            "Past",
            "summary.snapshots",
            "Past snapshots: open one, or compare two",
        ),
        bind(
            "w",
            "who",
            "Who changed what",
            "summary.who",
            "Internal: who changed what since the last snapshot (never in the summary)",
        ),
        help_key("summary"),
        bind("escape,q", "close", "Close", "summary.close"),
    ]

    WHAT = "the summary"
    HELP_NOTES = (
        "Every export, copy and snapshot is built again from the plan at that moment and "
        "checked by the leak guard; if the plan changed, the preview is redrawn first and "
        "nothing leaves. Exports go to Documents/actionplan, readable only by you, never "
        "over another file. After an export or a copy, y records it as sent to the client. "
        "w is for us only: it never leaves."
    )

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
            title = Text.assemble((" Summary ", "bold reverse"), " ", (self.client, "bold"))
            yield Heading(title, id="preview-title")
            yield Static("", id="preview-health")
            yield OptionList(id="leaks")
            with VerticalScroll(id="preview-body"):
                yield Markdown(id="preview-md")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#leaks").display = False
        self.reload()

    def connection_changed(self, offline: str | None) -> None:
        if offline is None:
            self.reload()

    # --- reading ------------------------------------------------------------------------------

    def read(self, session: Session) -> Outgoing:
        from actionplan.summary.outgoing import prepare

        app = self.plan_app
        return prepare(
            session=session, client=self.client, fmt="md", today=app.today(), config=app.config
        )

    def show(self, data: Outgoing) -> None:
        before = self.outgoing
        self._draw(data)
        if before is not None and before.digest != data.digest:
            self.notify("The plan changed; the preview shows it as it is now", timeout=4)

    def _draw(self, out: Outgoing) -> None:
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
        self.query_one("#preview-health", Static).update(health_line(out.summary))
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

    # --- the flags ----------------------------------------------------------------------------

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

    def action_goto(self) -> None:
        flag = self._current_flag()
        if flag is not None and flag.item is not None and self.outgoing is not None:
            self.dismiss((self.outgoing.summary.client, flag.item))

    # --- elsewhere ----------------------------------------------------------------------------

    def action_snapshots(self) -> None:
        from actionplan.tui.screens.snapshots import SnapshotsScreen

        self.app.push_screen(SnapshotsScreen(self.client))

    def action_who(self) -> None:
        from actionplan.tui.screens.changes_since import ChangesSinceScreen

        self.app.push_screen(ChangesSinceScreen(self.client))

    def action_close(self) -> None:
        self.dismiss(None)

    # --- what it says -------------------------------------------------------------------------

    @work(thread=True, group="words", exit_on_error=False)
    def action_words(self) -> None:
        from actionplan.errors import user_message

        app = self.plan_app
        summary = self.summary
        if summary is None:
            return  # nothing on screen yet
        try:
            with app.db.session() as session:  # the health is the one on screen: no rebuild
                stored = stored_words(session, self.client, summary.auto_health or summary.health)
        except Exception as exc:
            self.post_message(Failed(user_message(exc)))
            return
        self.app.call_from_thread(self._edit_words, stored)

    def _edit_words(self, stored: Stored) -> None:
        app = self.plan_app

        def chosen(settings: SummarySettings | None) -> None:
            if settings is not None:
                job = SaveWords(stored.client, settings, app.author)
                app.write("summary words", job, self)

        screen = SummaryWords(stored, today=app.today(), day_first=app.config.day_first)
        self.app.push_screen(screen, chosen)

    def on_write_done(self, message: WriteDone) -> None:
        message.stop()
        if message.error is not None:
            self.notify(f"Not saved: {message.error}", severity="error", timeout=8)
        else:
            self.notify(f"{message.result} · u on the board undoes it", timeout=5)
        self.reload()
