"""The board's keys, each with an id (so it can be remapped in the settings) and, where the
footer shows it, a tooltip."""

from __future__ import annotations

from textual.binding import Binding, BindingType

BOARD_BINDINGS: list[BindingType] = [
    Binding("left,h", "focus_column(-1)", "Column left", id="board.left", show=False),
    Binding("right,l", "focus_column(1)", "Column right", id="board.right", show=False),
    Binding("H,shift+left", "move(-1)", "Move card left", id="board.move_left", show=False),
    Binding(
        "L,shift+right",
        "move(1)",
        "Move",
        id="board.move_right",
        key_display="H/L",
        tooltip="Move card right",
    ),
    Binding(
        "K,shift+up",
        "reorder(-1)",
        "Move card up in its column",
        id="board.reorder_up",
        show=False,
    ),
    Binding(
        "J,shift+down",
        "reorder(1)",
        "Move card down in its column",
        id="board.reorder_down",
        show=False,
    ),
    Binding("n", "new", "New", id="board.new", tooltip="New item"),
    Binding("e", "edit", "Edit", id="board.edit", tooltip="Edit every field of the card"),
    Binding("x", "done", "Done", id="board.done", tooltip="Mark done"),
    Binding("d", "delete", "Delete", id="board.delete", tooltip="Delete (u brings it back)"),
    Binding(
        "u",
        "undo",
        "Undo",
        id="board.undo",
        tooltip="Undo your last change (repeat to go back)",
    ),
    Binding("o", "owner", "Set owner", id="board.owner", show=False),
    Binding("D", "due", "Set due date", id="board.due", show=False),
    Binding(
        "exclamation_mark",
        "escalate",
        "Escalate, or clear an escalation",
        id="board.escalate",
        show=False,
    ),
    Binding("i", "history", "History of this card", id="board.history", show=False),
    Binding("slash", "filter", "Filter", id="board.filter", tooltip="Filter as you type"),
    Binding(
        "c",
        "switch_client",
        "Client",
        id="board.client",
        tooltip="Switch client, or All clients",
    ),
    Binding("z", "toggle_dropped", "Show or hide dropped", id="board.dropped", show=False),
    Binding("f", "fold_done", "Fold or unfold Done", id="board.fold_done", show=False),
    Binding(
        "s",
        "summary",
        "Summary",
        id="board.summary",
        tooltip="The client summary: preview, export, copy, save a snapshot",
    ),
    Binding(
        "t",
        "triage",
        "Triage",
        id="board.triage",
        tooltip="Triage: walk through what needs attention, one item at a time",
    ),
    Binding(
        "a",
        "agenda",
        "Agenda",
        id="board.agenda",
        tooltip="Agenda: every client's open items by when they are due",
    ),
    Binding(
        "w",
        "workload",
        "Workload",
        id="board.workload",
        tooltip="Workload: open items per owner, week by week",
    ),
    Binding(
        "R",
        "recurring",
        "Recurring checks, 12 weeks ahead",
        id="board.recurring",
        show=False,
    ),
    Binding(
        "T",
        "template",
        "Apply a checklist template to this client",
        id="board.template",
        show=False,
    ),
    Binding("question_mark", "help", "Help", id="board.help", tooltip="This list of keys"),
    Binding("q", "app.quit", "Quit", id="board.quit"),
]
