"""A client's health checks, newest first, with each numeric field's trend over the checks of the
highlighted check's form. n fills a new check, e edits one, r turns its recommendations into
plan items, p writes its PDF (through the leak guard) into the export folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from actionplan.calls import day_label
from actionplan.tui.app import WriteDone
from actionplan.tui.keys import help_key, scoped
from actionplan.tui.screens.health_form import undo_key
from actionplan.tui.view import Heading, PlanView
from actionplan.tui.widgets.health_lines import check_line, trend_lines
from actionplan.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.health.form import Form
    from actionplan.plan.health import SavedCheck
    from actionplan.summary.guarding import Flag

_key = scoped("health")
CHECK_ACTIONS = {"edit", "recommend", "pdf"}


@dataclass(frozen=True)
class ChecksData:
    """A client's checks (newest first), the forms they were made with (None: gone), the forms
    a new check can fill, and the titles already on the plan from each check."""

    checks: list[SavedCheck]
    forms: dict[str, Form | None]
    offered: list[tuple[str, str]]
    on_plan: dict[int, set[str]]


@dataclass
class ExportDone(Message):
    """A PDF export finished: written to ``path``, held for the guard's ``flags``, or failed."""

    check_id: int
    path: Path | None = None
    flags: tuple[Flag, ...] = ()
    error: str | None = None


class HealthChecksScreen(PlanView[None, ChecksData]):
    """The health checks of one client."""

    WHAT = "the health checks"
    FOCUS = "#hcl-list"
    HELP_NOTES = (
        "Trends: each number of the highlighted check's form over this client's checks of it, "
        "oldest to newest, the latest values on the right. Recommendations become planned, "
        "client-visible items that name the check; one already on the plan is not added twice. "
        "The PDF goes to the folder summaries are exported to; what the leak guard flags is "
        "asked about first."
    )
    BINDINGS = [
        _key("n", "new", "New", "Fill in a new health check for this client"),
        _key("e,enter", "edit", "Edit", "Edit the highlighted check", shown_as="e"),
        _key("r", "recommend", "To plan", "Turn the check's recommendations into plan items"),
        _key("p", "pdf", "PDF", "Write the check's PDF into the export folder"),
        _key("t", "trends", "Trends", "Show or hide the trends"),
        _key("escape,q", "close", "Back", "Back to the board"),
        _key("j", "step(1)", "Next", "Next check (as Down)", show=False, id="health.next"),
        _key("k", "step(-1)", "Previous", "Previous check (as Up)", show=False, id="health.prev"),
        help_key("health"),
    ]

    def __init__(self, client: str) -> None:
        super().__init__()
        self.client = client
        self.data: ChecksData | None = None

    def compose(self) -> ComposeResult:
        yield Heading(Text(" Health checks ", style="bold reverse"), id="hcl-title")
        yield OptionList(id="hcl-list")
        yield Static(id="hcl-trends")
        yield KeyBar()

    def read(self, session: Session) -> ChecksData:
        from sqlmodel import col, select

        from actionplan.health.catalogue import find_form, list_forms
        from actionplan.models import Item
        from actionplan.plan.errors import PlanError
        from actionplan.plan.health import checks_of
        from actionplan.plan.named import client_named

        found = client_named(session, self.client)
        checks = checks_of(session=session, client=found)[::-1]
        forms: dict[str, Form | None] = {}
        entries = list_forms()
        for key in {c.form for c in checks}:
            try:
                forms[key] = find_form(key, entries)
            except PlanError:
                forms[key] = None  # its file is gone or broken: listed, not editable
        offered = [(e.loaded.key, e.loaded.title) for e in entries if e.loaded is not None]
        on_plan: dict[int, set[str]] = {}
        if checks:
            stmt = select(Item.from_check, Item.title).where(
                col(Item.from_check).in_([c.id for c in checks]), col(Item.deleted_at).is_(None)
            )
            for check_id, title in session.exec(stmt).all():
                on_plan.setdefault(int(check_id or 0), set()).add(title)
        return ChecksData(checks, forms, offered, on_plan)

    def show(self, data: ChecksData) -> None:
        current = self.current
        self.data = data
        self._draw_list(current.id if current else None)
        self._draw_title()
        self._draw_trends()
        self.refresh_bindings()

    def _draw_list(self, keep: int | None) -> None:
        """One line per check, cut to the list's width; the cursor on check ``keep``."""
        if self.data is None:
            return
        listing = self.query_one("#hcl-list", OptionList)
        today, width = self.plan_app.today(), max(20, listing.scrollable_content_region.width - 1)
        lines = []
        for check in self.data.checks:
            line = check_line(check, self.data.forms.get(check.form), today)
            line.truncate(width, overflow="ellipsis")
            lines.append(Option(line, id=str(check.id)))
        listing.set_options(lines)
        if self.data.checks:
            at = [n for n, c in enumerate(self.data.checks) if c.id == keep]
            listing.highlighted = at[0] if at else 0

    def on_resize(self) -> None:
        current = self.current
        self.call_after_refresh(self._draw_list, current.id if current else None)

    @property
    def current(self) -> SavedCheck | None:
        """The highlighted check."""
        if self.data is None or not self.data.checks:
            return None
        index = self.query_one("#hcl-list", OptionList).highlighted
        return self.data.checks[index] if index is not None else None

    def _draw_title(self) -> None:
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(" Health checks ", style="bold reverse")
        title.append(f" {self.client}", style="bold")
        if self.data is not None:
            n = len(self.data.checks)
            title.append(f"  {n} check{'' if n == 1 else 's'}", style="dim")
            if not n:
                title.append("  n fills in the first", style="dim")
        self.query_one("#hcl-title", Static).update(title)

    def _draw_trends(self) -> None:
        panel = self.query_one("#hcl-trends", Static)
        check = self.current
        form = self.data.forms.get(check.form) if self.data and check else None
        if self.data is None or check is None or form is None:
            panel.update("")
            return
        same = [c for c in reversed(self.data.checks) if c.form == check.form]
        lines = trend_lines(form, same[: same.index(check) + 1], self.plan_app.today())
        panel.update(Text("\n").join(lines))

    @on(OptionList.OptionHighlighted, "#hcl-list")
    def _moved(self) -> None:
        self._draw_trends()
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#hcl-list")
    def _selected(self) -> None:
        self.action_edit()

    # --- keys ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in CHECK_ACTIONS:
            return self.is_mounted and self.current is not None
        if action == "new":
            return self.data is not None and bool(self.data.offered)
        return True

    def action_close(self) -> None:
        self.dismiss(None)

    def action_trends(self) -> None:
        panel = self.query_one("#hcl-trends", Static)
        panel.display = not panel.display

    def action_new(self) -> None:
        from actionplan.tui.screens.health_dialogs import FormPicker

        if self.data is None or not self.data.offered or self.plan_app.refuse_offline():
            return
        if len(self.data.offered) == 1:
            self._fill(self.data.offered[0][0])
            return
        self.app.push_screen(FormPicker(self.data.offered), self._fill)

    def _fill(self, form: str | None, check_id: int | None = None) -> None:
        from actionplan.tui.screens.health_form import HealthFormScreen

        if form is not None:
            screen = HealthFormScreen(self.client, form, check_id=check_id)
            self.app.push_screen(screen, lambda saved: self.reload())

    def action_edit(self) -> None:
        check = self.current
        if check is None or self.data is None or self.plan_app.refuse_offline():
            return
        if self.data.forms.get(check.form) is None:
            self.notify(
                f"The form {check.form!r} is no longer there: put its file back to edit the check",
                severity="error",
            )
            return
        self._fill(check.form, check.id)

    def action_step(self, by: int) -> None:
        listing = self.query_one("#hcl-list", OptionList)
        if by > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_recommend(self) -> None:
        from actionplan.plan.recommend import recommendations_of
        from actionplan.tui.health_writes import FromRecommendations
        from actionplan.tui.screens.health_dialogs import RecommendationPicker

        check = self.current
        if check is None or self.data is None or self.plan_app.refuse_offline():
            return
        found = recommendations_of(check.values, self.data.forms.get(check.form))
        if not found:
            self.notify("This check has no recommendations", timeout=3)
            return
        on = day_label(check.checked_on, today=self.plan_app.today())
        on_plan = self.data.on_plan.get(check.id, set())

        def chosen(indexes: list[int] | None) -> None:
            if indexes:
                job = FromRecommendations(check.id, tuple(indexes), self.plan_app.author)
                self.plan_app.write(f"recommendations:{len(indexes)}", job, self)

        title = f"Recommendations of the check of {on} → plan items"
        self.app.push_screen(RecommendationPicker(title, found, on_plan), chosen)

    def on_write_done(self, message: WriteDone) -> None:
        message.stop()
        if message.error:
            self.notify(message.error, title="Not added to the plan", severity="error")
            return
        chosen = int(message.label.split(":")[1])
        added: list[str] = message.result
        there = chosen - len(added)
        if not added:
            self.notify("Already on the plan from this check: nothing added", timeout=4)
        else:
            words = f"Added {len(added)} item{'s' if len(added) != 1 else ''} to the plan"
            if there:
                words += f"; {there} already on it, not added again"
            self.notify(f"{words} ({undo_key(self.app)} on the board undoes it)", timeout=6)
        for screen in self.app.screen_stack:  # the board shows the new items on the way back
            if isinstance(screen, PlanView) and screen is not self:
                screen.stale = True
        self.reload()

    # --- the PDF ------------------------------------------------------------------------------

    def action_pdf(self) -> None:
        check = self.current
        if check is not None:
            self._export(check.id, False)

    @work(thread=True, group="health-export", exit_on_error=False)
    def _export(self, check_id: int, force: bool) -> None:
        from actionplan.errors import user_message
        from actionplan.health.outgoing import CheckFlagged
        from actionplan.tui.health_writes import export_check

        app = self.plan_app
        try:
            with app.db.session() as session:
                _out, path = export_check(
                    session, client=self.client, check_id=check_id, config=app.config, force=force
                )
        except CheckFlagged as exc:
            self.post_message(ExportDone(check_id, flags=exc.out.flags))
        except Exception as exc:  # every failure is said in one line
            self.post_message(ExportDone(check_id, error=user_message(exc)))
        else:
            self.post_message(ExportDone(check_id, path=path))

    @on(ExportDone)
    def _exported(self, message: ExportDone) -> None:
        from actionplan.tui.screens.confirm_leaks import ConfirmLeaks

        if message.error:
            self.notify(message.error, title="Not exported", severity="error")
        elif message.flags:

            def answered(yes: bool | None) -> None:
                if yes:
                    self._export(message.check_id, True)

            self.app.push_screen(ConfirmLeaks(list(message.flags), "export as PDF"), answered)
        else:
            self.notify(f"Wrote {message.path}", title="Exported", timeout=8)
