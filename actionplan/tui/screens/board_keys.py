"""The board's keys, each with an id (so it can be remapped in the settings) and, where the
footer shows it, a tooltip."""

from __future__ import annotations

from textual.binding import BindingType

from actionplan.tui.keys import bind, help_key

BOARD_BINDINGS: list[BindingType] = [
    bind("left,h", "focus_column(-1)", "Column left", "board.left", show=False),
    bind("right,l", "focus_column(1)", "Column right", "board.right", show=False),
    bind("H,shift+left", "move(-1)", "Move card left", "board.move_left", show=False),
    bind("L,shift+right", "move(1)", "Move", "board.move_right", "Move card right", shown_as="H/L"),
    bind("K,shift+up", "reorder(-1)", "Move card up in its column", "board.reorder_up", show=False),
    bind(
        "J,shift+down",
        "reorder(1)",
        "Move card down in its column",
        "board.reorder_down",
        show=False,
    ),
    bind("n", "new", "New", "board.new", "New item"),
    bind("e", "edit", "Edit", "board.edit", "Edit every field of the card"),
    bind("x", "done", "Done", "board.done", "Mark done"),
    bind("d", "delete", "Delete", "board.delete", "Delete (u brings it back)"),
    bind("u", "undo", "Undo", "board.undo", "Undo your last change (repeat to go back)"),
    bind("o", "owner", "Set owner", "board.owner", "Set the owner (Tab completes)", show=False),
    bind("D", "due", "Set due date", "board.due", show=False),
    bind(
        "exclamation_mark",
        "escalate",
        "Escalate, or clear an escalation",
        "board.escalate",
        show=False,
    ),
    bind("i", "history", "History of this card", "board.history", show=False),
    bind("slash", "filter", "Filter", "board.filter", "Filter as you type"),
    bind("c", "switch_client", "Client", "board.client", "Switch client, or All clients"),
    bind("z", "toggle_dropped", "Show or hide dropped", "board.dropped", show=False),
    bind("f", "fold_done", "Fold or unfold Done", "board.fold_done", show=False),
    bind(
        "s",
        "summary",
        "Summary",
        "board.summary",
        "The client summary: preview, export, copy, save a snapshot",
    ),
    bind(
        "t",
        "triage",
        "Triage",
        "board.triage",
        "Triage: walk through what needs attention, one item at a time",
    ),
    bind(
        "a",
        "agenda",
        "Agenda",
        "board.agenda",
        "Agenda: every client's open items by when they are due",
    ),
    bind(
        "w",
        "workload",
        "Workload",
        "board.workload",
        "Workload: open items per owner, week by week",
    ),
    bind(
        "C",
        "calls",
        "Calls ahead: each client's health, slips not told, asks, last sent",
        "board.calls",
        show=False,
    ),
    bind("R", "recurring", "Recurring checks, 12 weeks ahead", "board.recurring", show=False),
    bind(
        "P",
        "people",
        "People and clients: rename, merge, archive, contact details",
        "board.people",
        show=False,
    ),
    bind(
        "T", "template", "Apply a checklist template to this client", "board.template", show=False
    ),
    help_key("board"),
    bind("q", "app.quit", "Quit", "board.quit"),
]
