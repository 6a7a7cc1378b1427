"""The question before anything the leak guard flagged leaves: No is the default."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from actionplan.summary.guarding import Flag
from actionplan.tui.keys import bind


class ConfirmLeaks(ModalScreen[bool]):
    """Asks before anything that sounds internal leaves; No is the default."""

    ALLOW_SELECT = False  # nothing is copied from here around the leak guard

    BINDINGS = [
        bind("escape,n", "no", "No", "confirm.no"),
        bind("y", "yes", "Yes", "confirm.yes"),
    ]

    def __init__(self, hits: list[Flag], what: str) -> None:
        super().__init__()
        self.hits = hits
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(
                f"Some text sounds internal. {self.what.capitalize()} anyway?",
                classes="dialog-title",
            )
            shown = "\n".join(f"• {hit}" for hit in self.hits[:12])
            more = f"\n…and {len(self.hits) - 12} more" if len(self.hits) > 12 else ""
            yield Static(Text(shown + more))
            yield Button("No, let me fix it (n)", id="no", variant="primary", compact=True)
            yield Button("Yes, it is fine (y)", id="yes", compact=True)

    @on(Button.Pressed, "#yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_no(self) -> None:
        self.dismiss(False)
