"""The triage card: one item drawn as Rich text, with why it needs attention and its history."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from actionplan.dates import describe, relative
from actionplan.models import Status, WaitingOn
from actionplan.text import strip_controls
from actionplan.triage import Detail
from actionplan.tui.labels import STATUS_LABELS, short_label
from actionplan.tui.widgets.card import (
    MARK_ESCALATED,
    MARK_INTERNAL,
    MARK_SLIPPED,
    MARK_WAITING,
    NO_OWNER,
    due_style,
)

if TYPE_CHECKING:
    from actionplan.rows import TriageRow

WHOM = {
    WaitingOn.CLIENT: "the client",
    WaitingOn.VENDOR: "a vendor",
    WaitingOn.INTERNAL: "another team",
}


def waiting_on(value: Any) -> WaitingOn | None:
    """A row's ``waiting_on`` column as the enum (None when it is not said)."""
    return None if value is None else WaitingOn(value)


def _clip(text: str, limit: int) -> str:
    text = " ".join(strip_controls(text, keep_newlines=False).split())
    return text if len(text) <= limit else text[: max(1, limit - 1)] + "…"


def _status_text(row: TriageRow) -> Text:
    status = Status(row["status"])
    if status == Status.WAITING:
        on = waiting_on(row["waiting_on"])
        whom = WHOM.get(on, "whom? (not said)") if on else "whom? (not said)"
        return Text.assemble(("waiting", "bold"), " on ", (whom, MARK_WAITING))
    return Text(STATUS_LABELS[status].lower(), style="bold")


def _when(day: date | None, today: date, *, is_open: bool) -> Text:
    if day is None:
        return Text("none", style="dim")
    return Text.assemble(
        describe(day), "  ", (relative(day, today=today), due_style(day, today, is_open=is_open))
    )


def _why(detail: Detail, status: Status) -> Text:
    why = Text()
    if detail.row["deleted_at"] is not None:
        why.append("Deleted by someone meanwhile", style="bold red")
    elif detail.reasons:
        why.append("Why now  ", style="bold")
        why.append(" · ".join(detail.reasons), style="bold yellow")
    elif status.is_open:
        why.append("✓ no longer needs attention", style="bold green")
    else:
        why.append(f"✓ {status.value}", style="bold green")
    return why


def _fields(row: TriageRow, *, today: date, width: int) -> Table:
    is_open = Status(row["status"]).is_open
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(short_label("status"), _status_text(row))
    owner = row["owner"]
    grid.add_row(
        short_label("owner"),
        Text(strip_controls(owner, keep_newlines=False)) if owner else Text("no owner", NO_OWNER),
    )
    grid.add_row(short_label("due"), _when(row["due"], today, is_open=is_open))
    committed = Text(describe(row["committed"])) if row["committed"] else Text("none", "dim")
    if row["due"] and row["committed"] and row["due"] > row["committed"]:
        committed.append(f"  slipped +{(row['due'] - row['committed']).days}d", MARK_SLIPPED)
        if row["untold"]:
            committed.append(", client not yet told", MARK_SLIPPED)
    grid.add_row(short_label("committed"), committed)
    kind = Text("must-do" if row["must"] else "nice-to-have")
    if row["escalated"]:
        kind.append("  ")
        kind.append(" escalated ", MARK_ESCALATED)
        kind.append(" " + _clip(row["escalation_reason"], width - 30))
    if row["visibility"] == "internal":
        kind.append("  ")
        kind.append(" internal only ", MARK_INTERNAL)
    grid.add_row("Kind", kind)
    snoozed = row["snoozed_until"]
    if snoozed and snoozed > today:
        grid.add_row("Snoozed", Text(f"until {describe(snoozed)}", style="magenta"))
    room = max(20, (width - 13) * 2)  # notes get two lines; the board's editor has them all
    if row["client_note"]:
        grid.add_row("Note", Text(_clip(row["client_note"], room)))
    if row["internal_note"]:
        grid.add_row("Internal", Text(_clip(row["internal_note"], room), style="yellow"))
    return grid


def _changes(detail: Detail, *, width: int) -> Table:
    authors = [strip_controls(c.author, keep_newlines=False) for c in detail.changes]
    when = len("30 Nov 23:59")
    who = min(16, max((len(a) for a in authors), default=1))
    room = max(10, width - when - who - 4)
    changes = Table.grid(padding=(0, 2))
    # Each column gets a fixed width and the change text is cut here: left to itself, Rich
    # shrinks every column alike ("25 Nov 1…  r…") and crops the last without an ellipsis.
    changes.add_column(style="dim", no_wrap=True, width=when)
    changes.add_column(no_wrap=True, width=who, overflow="ellipsis")
    changes.add_column(no_wrap=True, width=room)
    for change, author in zip(detail.changes, authors, strict=True):
        local = change.at.astimezone()
        changes.add_row(
            f"{local.day} {local:%b %H:%M}",
            Text(author, overflow="ellipsis"),
            Text(_clip(change.text, room)),
        )
    return changes


def item_card(detail: Detail, *, today: date, width: int) -> RenderableType:
    """One item as the triage card shows it: client, title, why it is here, fields, changes.

    User text goes in as plain Text, so markup in a title or note stays literal.

    Args:
        detail: the item as :func:`actionplan.triage.triage_detail` read it.
        today: what "late" and "in 3d" count from.
        width: the columns the card may use (long reasons and notes are cut to it).
    """
    row = detail.row
    head = Text()
    head.append(strip_controls(row["client"], keep_newlines=False), style="italic cyan")
    head.append(f"  #{row['id']}", style="dim")
    title = Text(strip_controls(row["title"], keep_newlines=False), style="bold")
    why = _why(detail, Status(row["status"]))
    grid = _fields(row, today=today, width=width)
    parts: list[RenderableType] = [head, title, Text(""), why, Text(""), grid, Text("")]
    parts.append(Text("Recent changes", style="bold"))
    if detail.changes:
        parts.append(_changes(detail, width=width))
    else:
        parts.append(Text("none recorded", style="dim"))
    return Group(*parts)
