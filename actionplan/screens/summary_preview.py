"""The summary as it will leave: previewed, checked by the leak guard, exported, copied, kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Label, Markdown, Static

from actionplan.summary.leaks import Hit
from actionplan.summary.model import Summary
from actionplan.widgets.keybar import KeyBar

EXTENSIONS = {"md": "md", "txt": "txt", "html": "html", "pdf": "pdf", "talk": "talk.txt"}


@dataclass
class Built(Message):
    """The summary, its Markdown and the leak guard's hits, made off the UI thread."""

    summary: Summary
    markdown: str
    hits: list[Hit]


@dataclass
class Exported(Message):
    """A file was written (or failed)."""

    path: Path | None
    error: str | None


def export_folder() -> Path:
    """Where exported summaries go: Documents/actionplan (or the home folder)."""
    from platformdirs import user_documents_path

    return user_documents_path() / "actionplan"


class SummaryPreview(Screen[None]):
    """One client's summary exactly as it will be sent, with keys to send it."""

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
        Binding("y", "copy", "Copy", id="summary.copy", tooltip="Copy the Markdown"),
        Binding("S", "save", "Save snapshot", id="summary.save"),
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
        self.summary: Summary | None = None
        self.markdown = ""
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="preview"):
            yield Static(Text(f" Summary for {self.client}: reading the plan…"), id="preview-title")
            yield Static(id="leaks")
            with VerticalScroll(id="preview-body"):
                yield Markdown(id="preview-md")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#leaks").display = False
        self._build()

    @work(thread=True, exclusive=True, group="summary", exit_on_error=False)
    def _build(self) -> None:
        from actionplan.queries import internal_names
        from actionplan.summary.leaks import check, load_deny_list, user_deny_list
        from actionplan.summary.markdown import render_markdown
        from actionplan.summary.source import summary_for

        app: Any = self.app
        with app.db.session() as session:
            summary = summary_for(
                session=session, client=self.client, today=app.today(), prepared_by=app.config.name
            )
            hits = check(
                summary,
                phrases=load_deny_list(user_deny_list()),
                internal_names=internal_names(session=session),
            )
        self.post_message(Built(summary, render_markdown(summary), hits))

    @on(Built)
    def _built(self, message: Built) -> None:
        self.summary, self.markdown, self.hits = message.summary, message.markdown, message.hits
        from actionplan.summary.markdown import for_screen

        self.query_one("#preview-md", Markdown).update(for_screen(self.markdown))
        title = Text.assemble(
            (" Summary ", "bold reverse"),
            " ",
            (self.client, "bold"),
            ": exactly what the client will read",
            style="",
        )
        self.query_one("#preview-title", Static).update(title)
        leaks = self.query_one("#leaks", Static)
        leaks.display = bool(self.hits)
        if self.hits:
            text = Text(f" Leak guard: {len(self.hits)} thing(s) sound internal\n", style="bold")
            for hit in self.hits:
                text.append(f"  • {hit}\n")
            leaks.update(text)

    def _guarded(self, what: str, then: Any) -> None:
        """Run ``then`` now, or after the user confirms despite the leak guard's hits."""
        if self.summary is None:
            return
        if not self.hits:
            then()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        self.app.push_screen(ConfirmLeaks(self.hits, what), answered)

    def action_export(self, fmt: str) -> None:
        self._guarded(f"export as {fmt}", lambda: self._export(fmt))

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, fmt: str) -> None:
        from actionplan.summary.render import render

        assert self.summary is not None
        try:
            content = render(self.summary, fmt)
            folder = export_folder()
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / _file_name(self.summary.client, self.summary.day, fmt)
            data = content.encode("utf-8") if isinstance(content, str) else content
            path.write_bytes(data)
        except OSError as exc:
            self.post_message(Exported(None, f"could not write the file: {exc.strerror}"))
            return
        self.post_message(Exported(path, None))

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        if message.error:
            self.notify(message.error, severity="error")
        else:
            self.notify(f"Wrote {message.path}", title="Exported", timeout=8)

    def action_copy(self) -> None:
        def copy() -> None:
            self.app.copy_to_clipboard(self.markdown)
            self.notify("Markdown copied to the clipboard", timeout=3)

        self._guarded("copy to the clipboard", copy)

    def action_save(self) -> None:
        if self.summary is None:
            return
        self._save()

    @work(thread=True, group="save", exit_on_error=False)
    def _save(self) -> None:
        from actionplan.errors import user_message
        from actionplan.plan.snapshots import save_snapshot

        app: Any = self.app
        assert self.summary is not None
        try:
            with app.db.session() as session:
                save_snapshot(
                    session=session,
                    client=self.summary.client,
                    model=self.summary.to_json(),
                    markdown=self.markdown,
                    author=app.author,
                )
        except Exception as exc:
            self.app.call_from_thread(self.notify, user_message(exc), severity="error")
            return
        self.app.call_from_thread(
            self.notify, "Snapshot saved: the next summary shows what changed since", timeout=5
        )

    def action_snapshots(self) -> None:
        from actionplan.screens.snapshots import SnapshotsScreen

        self.app.push_screen(SnapshotsScreen(self.client))

    def action_who(self) -> None:
        from actionplan.screens.changes_since import ChangesSinceScreen

        self.app.push_screen(ChangesSinceScreen(self.client))

    def action_help(self) -> None:
        from actionplan.screens.keys_help import KeysHelp

        notes = [
            "Exports go to Documents/actionplan; the leak guard asks first when text sounds "
            "internal. w is for us only: it never leaves."
        ]
        self.app.push_screen(KeysHelp("Summary keys", self.BINDINGS, notes=notes))

    def action_close(self) -> None:
        self.dismiss(None)


def _file_name(client: str, day: date, fmt: str) -> str:
    safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in client).strip() or "client"
    return f"{safe} {day.isoformat()}.{EXTENSIONS[fmt]}"


class ConfirmLeaks(ModalScreen[bool]):
    """Asks before anything that sounds internal leaves; No is the default."""

    BINDINGS = [
        Binding("escape,n", "no", "No", id="confirm.no"),
        Binding("y", "yes", "Yes", id="confirm.yes"),
    ]

    def __init__(self, hits: list[Hit], what: str) -> None:
        super().__init__()
        self.hits = hits
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(
                f"Some text sounds internal. {self.what.capitalize()} anyway?",
                classes="dialog-title",
            )
            yield Static(Text("\n".join(f"• {hit}" for hit in self.hits[:12])))
            yield Button("No, let me fix it (n)", id="no", variant="primary", compact=True)
            yield Button("Yes, it is fine (y)", id="yes", compact=True)

    @on(Button.Pressed, "#yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_no(self) -> None:
        self.dismiss(False)
