"""The 12-week view of recurring checks: how many fall in each week, per client and per owner."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from actionplan.recurring import FORM_MARK, RecurringGrid, recurring_grid, short_day
from actionplan.text import strip_controls
from actionplan.tui.keys import bind, help_key
from actionplan.tui.view import Heading, PlanView
from actionplan.tui.widgets.keybar import KeyBar
from actionplan.tui.widgets.week_grid import (
    DETAIL_LINES,
    HEADER,
    PILE_UP,
    PILE_UP_WEEK,
    RESERVED,
    Jump,
    Line,
    WeekGrid,
)

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.tui.app import ActionPlanApp


class RecurringScreen(PlanView[Jump | None, RecurringGrid]):
    """Weeks across, clients then owners down; pile-up weeks stand out. Esc goes back."""

    WHAT = "the recurring checks"
    BINDINGS = [
        bind(
            "enter",
            "open",
            "Open",
            "recurring.open",
            "Go to the first check of this cell on its client's board",
        ),
        bind("escape,q", "close", "Back", "recurring.close"),
        help_key("recurring"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.grid: RecurringGrid | None = None

    def compose(self) -> ComposeResult:
        yield Heading(Text(" Recurring checks ", style="bold reverse"), id="recurring-title")
        yield WeekGrid(id="recurring-grid")
        yield Static(id="recurring-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(WeekGrid).focus()
        self.reload()

    def on_resize(self) -> None:
        # The grid is as tall as its rows, but leaves room for the title, the detail and the
        # keys below it (CSS max-height in fr does not hold back an auto height).
        self.query_one(WeekGrid).styles.max_height = max(HEADER + 1, self.size.height - RESERVED)

    def read(self, session: Session) -> RecurringGrid:
        return recurring_grid(session=session, today=self.plan_app.today())

    def show(self, data: RecurringGrid) -> None:
        """Draw the grid; when it is counted again, the cursor keeps its place."""
        self.grid = data
        self.query_one("#recurring-title", Static).update(_title(data))
        self.query_one(WeekGrid).show(data)

    @on(WeekGrid.Highlighted)
    def _highlighted(self) -> None:
        self._show_detail()
        self.refresh_bindings()

    def _checks_here(self) -> tuple[Line, int] | None:
        return self.query_one(WeekGrid).current

    def _show_detail(self) -> None:
        detail = self.query_one("#recurring-detail", Static)
        here = self._checks_here()
        if here is None or self.grid is None:
            detail.update(Text("Move to a week to see its checks.", style="dim"))
            return
        line, week = here
        detail.update(_detail(line, week, self.grid))

    # --- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            here = self._checks_here()
            return here is not None and bool(here[0].checks[here[1]])
        return True

    def action_open(self) -> None:
        here = self._checks_here()
        if here is None or not here[0].checks[here[1]]:
            return
        check = here[0].checks[here[1]][0]
        self.dismiss((check.client, check.item_id))

    def action_close(self) -> None:
        self.dismiss(None)


def _title(grid: RecurringGrid) -> Text:
    title = Text()
    title.append(" Recurring checks ", style="bold reverse")
    title.append(f" {len(grid.weeks)} weeks from {short_day(grid.weeks[0])}")
    piles = len(grid.pile_up_weeks)
    if piles:
        title.append(f" · {piles} pile-up week{'s' if piles != 1 else ''}", style=PILE_UP_WEEK)
    else:
        title.append(" · no pile-ups", style="dim")
    title.append(f" ({grid.threshold}+ a week)", style="dim")
    if grid.forms:
        title.append(f" · {FORM_MARK} a health check to fill")
    return title


def _detail(line: Line, week: int, grid: RecurringGrid) -> Text:
    """What falls in the highlighted cell: who or which client, the week, each check."""
    checks = line.checks[week]
    text = Text()
    name = "all clients" if line.kind == "All" else line.name
    text.append(strip_controls(name, keep_newlines=False), style="bold")
    text.append(f", week of {short_day(grid.weeks[week])}: ")
    if not checks:
        text.append("nothing recurring", style="dim")
        return text
    text.append(f"{len(checks)} check{'s' if len(checks) != 1 else ''}")
    if line.marked and grid.piled(len(checks)):
        text.append("  pile-up", style=PILE_UP)
    for n, check in enumerate(checks):
        if n == DETAIL_LINES and len(checks) > DETAIL_LINES + 1:
            text.append(f"\n  and {len(checks) - n} more", style="dim")
            break
        text.append("\n  • ")
        text.append(strip_controls(check.title, keep_newlines=False))
        # The row already names the client or the owner; say the other one.
        if line.kind != "Clients":
            text.append(f" · {strip_controls(check.client, keep_newlines=False)}")
        text.append(f" · {short_day(check.due)}", style="dim")
        if check.form:
            text.append(f" · {FORM_MARK} {strip_controls(check.form, keep_newlines=False)}")
        if line.kind != "Owners":
            owner = strip_controls(check.owner or "no owner", keep_newlines=False)
            text.append(f" · {owner}", style="dim")
    return text


def announce_next(screen: Screen[Any], item_id: int) -> None:
    """After a recurring card is marked done: say when its next occurrence is due.

    The date is read off the UI thread (the plan chose it, month ends and all), then shown
    as "Done; next on Mon 14 Dec". A failed read says so: the item is done all the same.
    """
    app = cast("ActionPlanApp", screen.app)

    def read() -> None:
        from actionplan.errors import user_message
        from actionplan.plan.recurrence import next_occurrence

        try:
            with app.db.session() as session:
                following = next_occurrence(session=session, item_id=item_id)
        except Exception as exc:  # shown to the user, never lost
            app.call_from_thread(
                screen.notify,
                f"Done, but when the next one is due could not be read: {user_message(exc)}",
                severity="error",
            )
            return
        if following is not None:
            when = short_day(following.due) if following.due else "no date"
            app.call_from_thread(screen.notify, f"Done; next on {when}", timeout=5)

    screen.run_worker(read, thread=True, group="announce-next", exit_on_error=False)
