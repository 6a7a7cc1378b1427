"""The health checks due in the next week, one at a time, as triage walks its queue: Enter (or f)
fills the check, whose saving completes its recurring item; s skips to the next; q ends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from actionplan.calls import day_label
from actionplan.text import one_line
from actionplan.tui.keys import help_key, scoped
from actionplan.tui.view import Heading, PlanView
from actionplan.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from datetime import date

    from sqlmodel import Session

    from actionplan.health.due import DueCheck

DAYS = 7
_key = scoped("health_queue")


def due_words(due: date, today: date) -> str:
    """ "due Fri 27 Nov (overdue 3 d)", "due today", "due Mon 30 Nov (in 7 d)"."""
    if due == today:
        return "due today"
    days = (due - today).days
    when = f"overdue {-days} d" if days < 0 else f"in {days} d"
    return f"due {day_label(due, today=today)} ({when})"


class HealthQueueScreen(PlanView[None, "list[DueCheck]"]):
    """Every client's health checks due within ``DAYS`` days (and overdue), one at a time."""

    WHAT = "the health checks due"
    HELP_NOTES = (
        f"The checks due in the next {DAYS} days, and those overdue, soonest first. Filling "
        "one saves the check and completes its recurring item (the next one is planned). "
        "The queue is read once, when it opens."
    )
    BINDINGS = [
        _key("enter,f", "fill", "Fill", "Fill in this check (saving completes its item)"),
        _key("s,n", "skip", "Skip", "Skip: the next check", shown_as="s"),
        _key("q,escape", "close", "Back", "Back to the board"),
        help_key("health_queue"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.queue: list[DueCheck] | None = None
        self.index = 0
        self.filled: set[int] = set()
        self.skipped: set[int] = set()

    def compose(self) -> ComposeResult:
        yield Heading(Text(" Health checks due ", style="bold reverse"), id="hq-title")
        with VerticalScroll(id="hq-body"):
            yield Static(id="hq-card")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    def read(self, session: Session) -> list[DueCheck]:
        from actionplan.health.due import due_checks

        return due_checks(session=session, today=self.plan_app.today(), days=DAYS)

    def reload(self) -> None:
        """The queue is read once (again only if that read failed)."""
        if self.queue is None:
            super().reload()

    def show(self, data: list[DueCheck]) -> None:
        self.queue = data
        self.draw()

    @property
    def current(self) -> DueCheck | None:
        if self.queue is None or self.index >= len(self.queue):
            return None
        return self.queue[self.index]

    def draw(self) -> None:
        self._draw_title()
        card = self.query_one("#hq-card", Static)
        if self.queue is None:
            card.update("")
        elif not self.queue:
            card.update(Text(f"No health checks due in the next {DAYS} days.", style="bold"))
        elif self.current is None:
            card.update(self._end())
        else:
            card.update(self._card(self.current))
        self.refresh_bindings()

    def _draw_title(self) -> None:
        title = Text()  # wraps at 80 columns rather than losing the due date
        title.append(" Health checks due ", style="bold reverse")
        check, queue = self.current, self.queue or []
        if check is not None:
            today = self.plan_app.today()
            title.append(f" Check {self.index + 1} of {len(queue)}", style="bold")
            form = check.form_title or check.form
            title.append(f" · {one_line(check.client)} · {one_line(form)}")
            title.append(f" · {due_words(check.due, today)}", style=_due_style(check, today))
        elif queue:
            title.append(f" {len(queue)} checked through", style="bold")
        self.query_one("#hq-title", Static).update(title)

    def _card(self, check: DueCheck) -> Text:
        today = self.plan_app.today()
        text = Text()
        text.append(one_line(check.client), style="bold")
        text.append(f"\n{one_line(check.form_title or check.form)}\n\n")
        text.append("Item   ", style="dim")
        text.append(f"#{check.item_id} {one_line(check.title)}\n")
        text.append("Due    ", style="dim")
        when = due_words(check.due, today).removeprefix("due ")
        text.append(when, style=_due_style(check, today))
        text.append("\nOwner  ", style="dim")
        text.append(one_line(check.owner) if check.owner else "nobody", style="")
        text.append("\nLast   ", style="dim")
        if check.last_checked is None:
            text.append("never checked with this form")
        else:
            ago = (today - check.last_checked).days
            text.append(f"{day_label(check.last_checked, today=today)} ({ago} d ago)")
        if check.item_id in self.filled:
            text.append("\n\nFilled in: the check is saved and the item done.", style="green")
        text.append("\n\nEnter fills it in · s skips to the next · q ends", style="dim")
        return text

    def _end(self) -> Text:
        filled, skipped = len(self.filled), len(self.skipped)
        text = Text("That is every check due.\n\n", style="bold")
        text.append(f"Filled in: {filled}\nSkipped: {skipped}\n\n")
        text.append("q goes back to the board", style="dim")
        return text

    # --- keys ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("fill", "skip"):
            return self.current is not None
        return True

    def action_fill(self) -> None:
        from actionplan.tui.screens.health_form import HealthFormScreen

        check = self.current
        if check is None or check.item_id in self.filled or self.plan_app.refuse_offline():
            return

        def saved(check_id: int | None) -> None:
            if check_id is not None:
                self.filled.add(check.item_id)
                self.skipped.discard(check.item_id)
                for screen in self.app.screen_stack:  # the board shows the item done
                    if isinstance(screen, PlanView) and screen is not self:
                        screen.stale = True
                self.action_skip(count=False)

        screen = HealthFormScreen(check.client, check.form, item_id=check.item_id)
        self.app.push_screen(screen, saved)

    def action_skip(self, count: bool = True) -> None:
        check = self.current
        if check is None:
            return
        if count and check.item_id not in self.filled:
            self.skipped.add(check.item_id)
        self.index += 1
        self.draw()

    def action_close(self) -> None:
        self.dismiss(None)


def _due_style(check: DueCheck, today: date) -> str:
    return "bold red" if check.due < today else "bold" if check.due == today else ""
