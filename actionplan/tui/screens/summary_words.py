"""What the account manager says in a client's summaries, edited from the preview: the next
call, a headline, an intro and the health, set by hand or computed.

Every text here is client-facing: the preview shows it, and the leak guard reads it, as soon as
it is saved. Ctrl+S saves (one operation, which u undoes); Esc leaves, and asks first when
something was typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from actionplan.plan.settings import HEADLINE_MAX, INTRO_MAX, SummarySettings
from actionplan.summary.health import Health
from actionplan.summary.model import ClientWords
from actionplan.text import REASON_MAX
from actionplan.tui.keys import bind
from actionplan.tui.widgets.date_input import DateInput
from actionplan.tui.widgets.forms import labelled, say_in

HEALTHS = [
    ("auto: computed from the plan", "auto"),
    ("green: set by you", "green"),
    ("amber: set by you", "amber"),
    ("red: set by you", "red"),
]


@dataclass(frozen=True)
class Stored:
    """A client's summary settings as stored, and the health the plan gives it."""

    client: str
    words: ClientWords
    computed: Health


class SummaryWords(ModalScreen[SummarySettings | None]):
    """Edit a client's next call, headline, intro and health; returns what changed (None:
    nothing to save)."""

    BINDINGS = [
        bind("ctrl+s", "save", "Save", "words.save"),
        bind("escape", "leave", "Cancel", "words.cancel"),
    ]

    def __init__(self, stored: Stored, *, today: date, day_first: bool) -> None:
        super().__init__()
        self.stored = stored
        self.today = today
        self.day_first = day_first

    def compose(self) -> ComposeResult:
        s = self.stored.words
        with Vertical(classes="dialog summary-words"):
            yield Label(
                Text(f"{self.stored.client}: what the summary says"), classes="dialog-title"
            )
            yield from labelled(
                "Next call",
                DateInput(
                    s.next_call,
                    today=self.today,
                    day_first=self.day_first,
                    placeholder="fri, 4 dec, +1w, none",
                    id="next_call",
                    compact=True,
                ),
            )
            yield Static("", id="call-meaning", classes="field-meaning")
            yield from labelled(
                "Headline",
                Input(
                    s.headline,
                    max_length=HEADLINE_MAX,
                    placeholder="one line the client reads first",
                    id="headline",
                    compact=True,
                ),
            )
            yield Label("Intro (a blank line starts a new paragraph)", classes="field-label-wide")
            yield TextArea(s.intro, id="intro", compact=True, classes="intro")
            yield from labelled(
                "Health",
                Select(HEALTHS, value=s.health, allow_blank=False, compact=True, id="health"),
            )
            yield from labelled(
                "Reason",
                Input(
                    s.health_reason,
                    max_length=REASON_MAX,
                    placeholder="what the client reads beside the health",
                    id="health_reason",
                    compact=True,
                ),
            )
            yield Static(self._computed_line(s.health), id="computed", classes="field-meaning")
            yield Static("", classes="dialog-feedback")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save ctrl+s", id="save", variant="primary", compact=True)
                yield Button("Cancel esc", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#headline", Input).focus()
        self._show_call(self.query_one("#next_call", DateInput).reading())

    # --- as it is typed ---------------------------------------------------------------------

    @on(DateInput.Read, "#next_call")
    def _call_read(self, message: DateInput.Read) -> None:
        self._show_call(message)

    def _show_call(self, reading: DateInput.Read) -> None:
        say_in(
            self.query_one("#call-meaning", Static),
            reading.meaning,
            error=reading.error is not None,
        )

    @on(Select.Changed, "#health")
    def _health_changed(self, event: Select.Changed) -> None:
        self.query_one("#computed", Static).update(self._computed_line(str(event.value)))

    def _computed_line(self, chosen: str) -> Text:
        """The computed health, and whether the one set by hand disagrees with it."""
        computed = self.stored.computed
        text = Text(f"Computed: {computed.level.capitalize()}, {computed.reason}")
        if chosen != "auto" and chosen != computed.level:
            text.append(f"  · you say {chosen.capitalize()}: they disagree", style="bold yellow")
        return text

    # --- leaving ------------------------------------------------------------------------------

    def _collect(self) -> SummarySettings | None:
        """What changed, or None (with the reason shown) when the next call is not a date."""
        s = self.stored.words
        reading = self.query_one("#next_call", DateInput).reading()
        if reading.error is not None:
            self._feedback(f"Next call: {reading.error}", error=True)
            return None
        headline = self.query_one("#headline", Input).value
        intro = self.query_one("#intro", TextArea).text
        health = str(self.query_one("#health", Select).value)
        reason = self.query_one("#health_reason", Input).value
        changed = SummarySettings(
            next_call=reading.value if reading.value != s.next_call else None,
            clear_next_call=reading.value is None and s.next_call is not None,
            headline=headline if headline.strip() != s.headline else None,
            intro=intro if intro.strip() != s.intro else None,
            health=health if health != s.health else None,
            health_reason=reason if reason.strip() != s.health_reason else None,
        )
        return None if changed == SummarySettings() else changed

    def _feedback(self, text: str, *, error: bool = False) -> None:
        say_in(self.query_one(".dialog-feedback", Static), text, error=error)

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        reading = self.query_one("#next_call", DateInput).reading()
        if reading.error is not None:
            self._feedback(f"Next call: {reading.error}", error=True)
            return
        health = str(self.query_one("#health", Select).value)
        reason = self.query_one("#health_reason", Input).value.strip()
        if health != "auto" and not reason:
            self._feedback("A health set by hand needs the reason the client reads", error=True)
            self.query_one("#health_reason", Input).focus()
            return
        if len(self.query_one("#intro", TextArea).text) > INTRO_MAX:
            self._feedback(f"The intro is too long (at most {INTRO_MAX:,} characters)", error=True)
            return
        self.dismiss(self._collect())

    @on(Button.Pressed, "#cancel")
    def action_leave(self) -> None:
        """Leave; when something was typed, ask first (nothing typed is lost unasked)."""
        if self.query_one("#next_call", DateInput).reading().error is None and (
            self._collect() is None
        ):
            self.dismiss(None)
            return
        from actionplan.tui.screens.people_dialogs import Confirm

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            Confirm(
                "Discard what you typed?",
                "The summary keeps what it said before.",
                "y discards · n or Esc keeps editing",
            ),
            answered,
        )
