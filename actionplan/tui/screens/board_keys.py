"""The board's keys, each with an id (so it can be remapped in the settings) and, where the
footer shows it, a tooltip."""

from __future__ import annotations

from textual.binding import BindingType

from actionplan.tui.keys import help_key, scoped

_key = scoped("board")

BOARD_BINDINGS: list[BindingType] = [
    _key("left,h", "focus_column(-1)", "Column left", id="board.left", show=False),
    _key("right,l", "focus_column(1)", "Column right", id="board.right", show=False),
    _key("H,shift+left", "move(-1)", "Move card left", id="board.move_left", show=False),
    _key(
        "L,shift+right", "move(1)", "Move", "Move card right", id="board.move_right", shown_as="H/L"
    ),
    _key(
        "K,shift+up", "reorder(-1)", "Move card up in its column", id="board.reorder_up", show=False
    ),
    _key(
        "J,shift+down",
        "reorder(1)",
        "Move card down in its column",
        id="board.reorder_down",
        show=False,
    ),
    _key("n", "new", "New", "New item"),
    _key("e", "edit", "Edit", "Edit every field of the card"),
    _key("x", "done", "Done", "Mark done"),
    _key("d", "delete", "Delete", "Delete (u brings it back)"),
    _key("u", "undo", "Undo", "Undo your last change (repeat to go back)"),
    _key("o", "owner", "Set owner", "Set the owner (Tab completes)", show=False),
    _key("D", "due", "Set due date", show=False),
    _key("exclamation_mark", "escalate", "Escalate, or clear an escalation", show=False),
    _key("i", "history", "History of this card", show=False),
    _key("slash", "filter", "Filter", "Filter as you type"),
    _key("c", "switch_client", "Client", "Switch client, or All clients", id="board.client"),
    _key("z", "toggle_dropped", "Show or hide dropped", id="board.dropped", show=False),
    _key("f", "fold_done", "Fold or unfold Done", show=False),
    _key("s", "summary", "Summary", "The client summary: preview, export, copy, save a snapshot"),
    _key("t", "triage", "Triage", "Triage: walk through what needs attention, one item at a time"),
    _key("a", "agenda", "Agenda", "Agenda: every client's open items by when they are due"),
    _key("w", "workload", "Workload", "Workload: open items per owner, week by week"),
    _key(
        "C",
        "calls",
        "Calls ahead: each client's health, slips not told, asks, last sent",
        show=False,
    ),
    _key("R", "recurring", "Recurring checks, 12 weeks ahead", show=False),
    _key(
        "M",
        "health_checks",
        "Health checks of this client: fill in, edit, trends, recommendations to the plan, PDF",
        show=False,
    ),
    _key("Q", "health_queue", "Health checks due in the next 7 days, one at a time", show=False),
    _key("P", "people", "People and clients: rename, merge, archive, contact details", show=False),
    _key("T", "template", "Apply a checklist template to this client", show=False),
    help_key("board"),
    _key("q", "app.quit", "Quit", id="board.quit"),
]
