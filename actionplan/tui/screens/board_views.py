"""The board's way into the other views (summary, triage, agenda, workload, calls, recurring
checks, health checks, people and clients, templates, a card's history, help) and back, and
what it shows before there is a plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from actionplan.queries import ClientCounts
from actionplan.tui.labels import ALL_CLIENTS
from actionplan.tui.screens.card_actions import CardActions

if TYPE_CHECKING:
    from actionplan.tui.app import ActionPlanApp


class BoardViews(CardActions):
    """Opening the other views from the board, and coming back to the item chosen there."""

    def load_client(self, client: str | None, keep: int | None) -> None:
        """Read the board for ``client``, the cursor on ``keep`` (the board implements this)."""
        raise NotImplementedError

    def clear_filter(self) -> None:
        """Empty and hide the filter (the board implements this)."""
        raise NotImplementedError

    def action_history(self) -> None:
        from actionplan.tui.screens.history import HistoryScreen

        card = self.card
        if card is not None:
            self.app.push_screen(HistoryScreen(card["id"], card["title"]))

    def action_summary(self) -> None:
        from actionplan.tui.screens.summary_preview import SummaryPreview

        if self.client in (None, ALL_CLIENTS):
            self.notify("Pick one client first (c): a summary is for one client", timeout=4)
            return
        self.app.push_screen(SummaryPreview(self.client), self._back_from_view)

    def action_triage(self) -> None:
        from actionplan.tui.screens.triage import TriageScreen

        scope = None if self.client in (None, ALL_CLIENTS) else self.client
        self.app.push_screen(TriageScreen(scope), self._back_from_view)

    def action_agenda(self) -> None:
        from actionplan.tui.screens.agenda import AgendaScreen

        self.app.push_screen(AgendaScreen(), self._back_from_view)

    def action_workload(self) -> None:
        from actionplan.tui.screens.workload import WorkloadScreen

        self.app.push_screen(WorkloadScreen(), self._back_from_view)

    def action_calls(self) -> None:
        from actionplan.tui.screens.calls import CallsScreen

        self.app.push_screen(CallsScreen(), self._back_from_view)

    def action_recurring(self) -> None:
        from actionplan.tui.screens.recurring import RecurringScreen

        self.app.push_screen(RecurringScreen(), self._back_from_view)

    def action_people(self) -> None:
        from actionplan.tui.screens.people import PeopleScreen

        self.app.push_screen(PeopleScreen(self.client), self._back_from_view)

    def action_template(self) -> None:
        from actionplan.tui.screens.template_picker import TemplatePicker

        if self.client in (None, ALL_CLIENTS):
            self.notify("Pick one client first (c): a checklist is applied to one client")
            return
        self.app.push_screen(TemplatePicker(self.client), self._back_from_view)

    def action_health_checks(self) -> None:
        from actionplan.tui.screens.health_checks import HealthChecksScreen

        if self.client in (None, ALL_CLIENTS):
            self.notify("Pick one client first (c): health checks are one client's", timeout=4)
            return
        self.app.push_screen(HealthChecksScreen(self.client), self._back_from_view)

    def action_health_queue(self) -> None:
        from actionplan.tui.screens.health_queue import HealthQueueScreen

        self.app.push_screen(HealthQueueScreen(), self._back_from_view)

    def _back_from_view(self, jump: tuple[str, int | None] | None) -> None:
        """Back from triage, agenda, workload, calls...: show the item (or client) chosen
        there, or reload."""
        if jump is None:
            self.reload()
            return
        client, item_id = jump
        if self.filter.active:
            self.clear_filter()
        if client != self.client:
            self.client = client
            self.plan_app.remember(client)
        self.load_client(client, item_id)


def first_client(app: ActionPlanApp, clients: list[ClientCounts]) -> str | None:
    from actionplan.state import last_client

    if not clients:
        return None
    names = {c.name.lower(): c.name for c in clients}
    last = app.start_client or last_client(app.db.display)
    if last == ALL_CLIENTS:
        return ALL_CLIENTS
    if last and last.lower() in names:
        return names[last.lower()]
    return max(clients, key=lambda c: (c.overdue, c.open)).name


def first_run_text() -> Text:
    text = Text()
    text.append("Welcome to actionplan\n\n", style="bold")
    text.append("Your plan is empty. To start:\n\n")
    text.append("  n", style="bold cyan")
    text.append("   add your first item: give it a client (created as you type it),\n")
    text.append("       a title, an owner and a due date such as fri, +2w or 5 dec.\n\n")
    text.append("  ?", style="bold cyan")
    text.append("   every key, at any time.\n\n")
    text.append("Or look around a sample plan first (your own plan is never touched):\n\n")
    text.append("  actionplan demo\n\n", style="bold")
    text.append("From the command line: ", style="dim")
    text.append(
        'actionplan add "Renew firewall licence" --client Acme --new-client --due fri',
        style="dim",
    )
    return text
