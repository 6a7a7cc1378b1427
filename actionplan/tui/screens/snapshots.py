"""Past snapshots of a client's summary: listed newest first, opened as sent, compared in pairs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Markdown, Static

from actionplan.summary.compare import Comparison, compare, health_trend, sections, title
from actionplan.summary.markdown import for_screen
from actionplan.summary.model import Summary
from actionplan.summary.words import NONE
from actionplan.tui.keys import bind, help_key
from actionplan.tui.view import Heading, KeysHelp, PlanView
from actionplan.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from sqlmodel import Session

HEALTH_STYLES = {"green": "green", "amber": "yellow", "red": "red"}
AUTHOR_WIDTH = 24  # a long name must not push the health column off an 80-column screen


@dataclass(frozen=True)
class Entry:
    """One saved snapshot as the list shows it; ``model`` is None when it cannot be read."""

    id: int
    saved: str
    author: str
    markdown: str
    model: Summary | None


class SnapshotsScreen(PlanView[None, list[Entry]]):
    """The summaries saved for one client: open one as it was sent, or compare two."""

    WHAT = "the snapshots"

    BINDINGS = [
        bind("enter", "open", "Open", "snapshots.open", priority=True),
        bind("space", "mark", "Mark", "snapshots.mark", "Mark two to compare"),
        bind(
            "c",
            "compare",
            "Compare",
            "snapshots.compare",
            "Compare the two marked, or this one with the one before it",
        ),
        bind("escape,q", "close", "Back", "snapshots.close"),
        help_key("snapshots", show=False),
    ]

    def __init__(self, client: str) -> None:
        super().__init__()
        self.client = client
        self.entries: list[Entry] | None = None
        self.marked: list[int] = []  # snapshot ids, in the order they were marked

    def compose(self) -> ComposeResult:
        with Vertical(id="snapshots"):
            title = Text.assemble((" Past snapshots ", "bold reverse"), " ", (self.client, "bold"))
            yield Heading(title, reading="reading…", id="snapshots-title")
            yield DataTable(id="snapshot-list", cursor_type="row")
            yield Static(id="snapshots-empty")
            yield Static(id="snapshots-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#snapshot-list", DataTable)
        table.add_column(" ", key="mark", width=1)
        table.add_column("Saved", key="saved")
        table.add_column("By", key="by")
        table.add_column("Health", key="health")
        table.add_column("Items", key="items")
        table.display = False  # until a read says there are snapshots
        self.query_one("#snapshots-empty").display = False
        self.reload()

    def read(self, session: Session) -> list[Entry]:
        """The client's snapshots, newest first (one that cannot be read has no model)."""
        from actionplan.plan.errors import Invalid
        from actionplan.summary.compare import read_model, saved_at
        from actionplan.summary.source import snapshots

        entries: list[Entry] = []
        for snapshot in snapshots(session=session, client=self.client):
            try:
                model: Summary | None = read_model(snapshot)
            except Invalid:
                model = None
            assert snapshot.id is not None
            entry = Entry(
                snapshot.id, saved_at(snapshot), snapshot.author, snapshot.markdown, model
            )
            entries.append(entry)
        return entries

    def show(self, data: list[Entry]) -> None:
        # Read again (the plan changed, or Ctrl+R): the marks and the row shown stay put.
        current = self._current()
        self.entries = data
        ids = [entry.id for entry in data]
        self.marked = [snapshot_id for snapshot_id in self.marked if snapshot_id in ids]
        table = self.query_one("#snapshot-list", DataTable)
        table.clear()
        for entry in data:
            table.add_row(*_cells(entry), key=str(entry.id))
        for snapshot_id in self.marked:
            self._show_mark(snapshot_id)
        if current is not None and current.id in ids:
            table.move_cursor(row=ids.index(current.id))
        n = len(data)
        self._title(n)
        table.display = bool(n)
        empty = self.query_one("#snapshots-empty", Static)
        empty.display = not n
        if not n:
            empty.update(_empty_text(self.client))
        else:
            table.focus()
        self._hint()
        self.refresh_bindings()

    def _title(self, count: int) -> None:
        heading = Text.assemble((" Past snapshots ", "bold reverse"), " ", (self.client, "bold"))
        heading.append(f": {count} saved, newest first" if count else "")
        self.query_one("#snapshots-title", Static).update(heading)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        count = len(self.entries or [])
        if action == "open":
            return count > 0
        if action in ("mark", "compare"):
            return count > 1
        return True

    def _current(self) -> Entry | None:
        table = self.query_one("#snapshot-list", DataTable)
        if not self.entries or not table.is_valid_row_index(table.cursor_row):
            return None
        return self.entries[table.cursor_row]

    def _entry(self, snapshot_id: int) -> Entry:
        return next(e for e in self.entries or [] if e.id == snapshot_id)

    def action_open(self) -> None:
        entry = self._current()
        if entry is None:
            return
        heading = Text.assemble(
            (f" Snapshot {entry.id} ", "bold reverse"),
            " ",
            (self.client, "bold"),
            f", saved {entry.saved} by {entry.author}: exactly as it was sent",
        )
        self.app.push_screen(SnapshotDocument(heading, markdown=entry.markdown))

    @on(DataTable.RowSelected, "#snapshot-list")
    def _clicked(self) -> None:
        # Enter is the screen's own key; a click on the highlighted row opens it too.
        self.action_open()

    def action_mark(self) -> None:
        entry = self._current()
        if entry is None:
            return
        if entry.id in self.marked:
            self.marked.remove(entry.id)
        else:
            self.marked.append(entry.id)
            if len(self.marked) > 2:  # two are compared: the earliest mark gives way
                self._show_mark(self.marked.pop(0))
        self._show_mark(entry.id)
        self.query_one("#snapshot-list", DataTable).action_cursor_down()
        self._hint()

    def _show_mark(self, snapshot_id: int) -> None:
        mark = Text("✓", style="bold") if snapshot_id in self.marked else Text("")
        self.query_one("#snapshot-list", DataTable).update_cell(str(snapshot_id), "mark", mark)

    def action_compare(self) -> None:
        pair = self._pair()
        if pair is None:
            return
        entries = self.entries or []
        # The list is newest first: the entry further down is the older one.
        older, newer = sorted(pair, key=entries.index, reverse=True)
        if older.model is None or newer.model is None:
            broken = older if older.model is None else newer
            self.notify(f"Snapshot {broken.id} cannot be read", severity="error")
            return
        comparison = compare(older.model, newer.model)
        labels = (f"snapshot {older.id} ({older.saved})", f"snapshot {newer.id} ({newer.saved})")
        heading = Text.assemble((" Compare ", "bold reverse"), " ", title(comparison, labels))
        self.app.push_screen(SnapshotDocument(heading, body=comparison_view(comparison)))

    def _pair(self) -> tuple[Entry, Entry] | None:
        """The two marked; else the marked one and the highlighted; else this and the one before."""
        entries = self.entries or []
        current = self._current()
        if len(self.marked) == 2:
            return self._entry(self.marked[0]), self._entry(self.marked[1])
        if current is None:
            return None
        if self.marked and self.marked[0] != current.id:
            return self._entry(self.marked[0]), current
        position = entries.index(current)
        if position + 1 >= len(entries):
            self.notify("This is the first snapshot: there is none before it to compare with")
            return None
        return entries[position + 1], current

    def _hint(self) -> None:
        hint = self.query_one("#snapshots-hint", Static)
        count = len(self.entries or [])
        hint.display = count > 1
        if len(self.marked) == 2:
            ids = " and ".join(str(n) for n in sorted(self.marked))
            text = f" Snapshots {ids} marked: c compares them (space unmarks)"
        elif self.marked:
            text = (
                f" Snapshot {self.marked[0]} marked: mark another, or c compares it with this one"
            )
        else:
            text = " Space marks two to compare; c alone compares one with the one before it"
        hint.update(Text(text))

    def action_close(self) -> None:
        self.dismiss(None)


def _cells(entry: Entry) -> list[Text]:
    """The row of one snapshot, unmarked."""
    author = Text(entry.author)
    author.truncate(AUTHOR_WIDTH, overflow="ellipsis")
    if entry.model is None:
        return [
            Text(""),
            Text(entry.saved),
            author,
            Text("unreadable"),
            Text(""),
        ]
    level = entry.model.health.level
    health = Text.assemble(("● ", HEALTH_STYLES[level]), level.capitalize())
    return [
        Text(""),
        Text(entry.saved),
        author,
        health,
        Text(str(len(entry.model.plan)), justify="right"),
    ]


def _empty_text(client: str) -> Text:
    return Text.assemble(
        ("No snapshots of ", "bold"),
        (client, "bold"),
        (" yet.", "bold"),
        "\n\nA snapshot keeps a summary exactly as it was sent, so the next summary can say what "
        "changed since the last call.\n\nTo save one: Esc back to the summary preview and press ",
        ("S", "bold"),
        " (or run: actionplan summary CLIENT --sent).",
    )


def comparison_view(c: Comparison) -> Group:
    """A comparison for the screen: bold headings, bullets that wrap under their own text.

    User text goes in as ``Text``, so it is shown literally, never as markup.
    """
    parts: list[RenderableType] = []
    trend = health_trend(c)
    colour = {"worse": "bold red", "better": "bold green"}.get(trend, "bold")
    for n, (heading, lines) in enumerate(sections(c)):
        parts.append(Text(("\n" if n else "") + heading, style=colour if n == 0 else "bold"))
        bullets = Table.grid(padding=(0, 1))
        bullets.add_column(width=3, justify="right")
        bullets.add_column(ratio=1)
        for line in lines:
            bullets.add_row("•", Text(line))
        if not lines:
            bullets.add_row("", Text(NONE, style="dim"))
        parts.append(bullets)
    return Group(*parts)


class SnapshotDocument(KeysHelp, Screen[None]):
    """One saved snapshot (its Markdown as sent) or a comparison of two, to read and go back."""

    ALLOW_SELECT = False  # nothing is copied from here around the leak guard

    BINDINGS = [bind("escape,q", "close", "Back", "snapshot.close"), help_key("snapshot")]

    def __init__(
        self, heading: Text, *, markdown: str | None = None, body: RenderableType | None = None
    ) -> None:
        super().__init__()
        self.heading = heading
        self.markdown = markdown
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(id="snapshot-doc"):
            yield Static(self.heading, id="snapshot-doc-title")
            with VerticalScroll(id="snapshot-doc-body"):
                if self.markdown is not None:
                    yield Markdown(for_screen(self.markdown), id="snapshot-md")
                else:
                    yield Static(self.body or Text(""), id="snapshot-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#snapshot-doc-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
