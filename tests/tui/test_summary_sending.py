"""Issue 14 in the summary preview: every export and copy asks "Record as sent to the client?";
a copy says which clipboard took it, or offers a file when none can; e edits what the summary
says (next call, headline, intro, health set by hand beside the computed one)."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select
from textual.widgets import Input, Select, Static

from actionplan.clipboard import Clipboard, Tool
from actionplan.db import Database
from actionplan.models import Client, Snapshot, Status
from actionplan.tui.clipboard import NoClipboard
from actionplan.tui.screens import summary_actions
from actionplan.tui.screens.people_dialogs import Confirm
from actionplan.tui.screens.summary_preview import SummaryPreview
from actionplan.tui.screens.summary_words import SummaryWords
from tests.support import count, seed
from tests.support.pilot import column, open_preview, record_as_sent, running, settle, until


@pytest.fixture
def slipped(db: Database) -> Database:
    """One item whose due date has slipped past the date promised: "not told" until sent."""
    seed(db, "Replace the firewall", due=date(2026, 12, 10), committed=date(2026, 12, 1))
    return db


@pytest.fixture
def exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "exports"
    monkeypatch.setattr(summary_actions, "export_folder", lambda: folder)
    return folder


async def test_a_pdf_recorded_as_sent_clears_not_told_on_the_board(
    slipped: Database, exports: Path
) -> None:
    async with running(slipped, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        assert "not told" in column(app, Status.PLANNED).card_text(0)
        await open_preview(pilot, app)
        await pilot.press("p")
        await record_as_sent(pilot, app, "y")
        await until(pilot, lambda: count(slipped, "snapshot") == 1, seconds=5)
        with slipped.session() as s:
            snapshot = s.exec(select(Snapshot)).one()
            assert snapshot.format == "pdf"
            assert "10 Dec, promised 1 Dec" in snapshot.markdown
        await until(pilot, lambda: isinstance(app.screen, SummaryPreview))
        await pilot.press("escape")
        await settle(pilot, app)
        await until(pilot, lambda: "not told" not in column(app, Status.PLANNED).card_text(0))


async def test_no_records_nothing_and_the_talk_track_is_never_asked(
    slipped: Database, exports: Path
) -> None:
    async with running(slipped, size=(120, 40)) as (app, pilot):
        await open_preview(pilot, app)
        await pilot.press("m")
        await record_as_sent(pilot, app, "n")
        await until(pilot, lambda: isinstance(app.screen, SummaryPreview))
        await pilot.press("k")
        await until(pilot, lambda: len(list(exports.glob("*.talk.txt"))) == 1, seconds=5)
        await pilot.pause(0.3)
        assert isinstance(app.screen, SummaryPreview)
    assert count(slipped, "snapshot") == 0


async def test_a_copy_says_which_clipboard_took_it(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = tmp_path / "got.txt"
    tool = tmp_path / "fake-xclip"
    tool.write_text(f"#!/bin/sh\ncat > {got}\n")
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    board = Clipboard(tools=(Tool("xclip", (str(tool),)),))
    monkeypatch.setattr(summary_actions, "find_clipboard", lambda: board)
    seed(db, "Replace the firewall")
    async with running(db, size=(120, 40)) as (app, pilot):
        preview = await open_preview(pilot, app)
        await pilot.press("y")
        await record_as_sent(pilot, app, "n")
        assert got.read_text(encoding="utf-8") == preview.markdown
        assert any("(xclip)" in str(n.message) for n in app._notifications)
        assert app.clipboard == ""  # not sent to the terminal as well


async def test_when_nothing_can_copy_it_says_why_and_offers_a_file(
    db: Database, exports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nothing = Clipboard(no_tool="no clipboard tool here", no_osc52="tmux ignores OSC 52")
    monkeypatch.setattr(summary_actions, "find_clipboard", lambda: nothing)
    seed(db, "Replace the firewall")
    async with running(db, size=(120, 40)) as (app, pilot):
        await open_preview(pilot, app)
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, NoClipboard), seconds=5)
        reason = str(app.screen.query_one("#reason", Static).render())
        assert "tmux ignores OSC 52" in reason
        await pilot.press("enter")
        await until(pilot, lambda: len(list(exports.glob("*.md"))) == 1, seconds=5)
        await record_as_sent(pilot, app, "n")
    assert app.clipboard == ""


async def test_e_edits_what_the_summary_says_and_the_health_set_beside_the_computed(
    db: Database,
) -> None:
    seed(db, "Replace the firewall", due=date(2026, 11, 10), must=True)  # computed: red
    async with running(db, size=(120, 40)) as (app, pilot):
        preview = await open_preview(pilot, app)
        assert "computed from the plan" in str(preview.query_one("#preview-health").render())
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, SummaryWords), seconds=5)
        form = app.screen
        form.query_one("#headline", Input).value = "Firewall back on track"
        form.query_one("#next_call", Input).value = "fri"
        form.query_one("#health", Select).value = "amber"
        await pilot.pause()
        assert "they disagree" in str(form.query_one("#computed", Static).render())
        await pilot.press("ctrl+s")  # no reason yet: refused, the form stays
        await pilot.pause()
        assert app.screen is form
        form.query_one("#health_reason", Input).value = "The new unit is installed on Friday"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, SummaryPreview))
        await until(pilot, lambda: "Firewall back on track" in preview.markdown, seconds=5)
        assert "The new unit is installed on Friday" in preview.markdown
        assert "## Next steps (before Fri 27 Nov 2026)" in preview.markdown
        health = str(preview.query_one("#preview-health").render())
        assert "Health set by you: Amber" in health and "computed: Red" in health
    with db.session() as s:
        client = s.exec(select(Client)).one()
        assert (client.health, client.next_call) == ("amber", date(2026, 11, 27))


async def test_esc_with_typing_asks_before_anything_is_thrown_away(db: Database) -> None:
    seed(db, "Replace the firewall")
    async with running(db, size=(120, 40)) as (app, pilot):
        await open_preview(pilot, app)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, SummaryWords), seconds=5)
        form = app.screen
        form.query_one("#headline", Input).value = "Half a headline"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("n")  # keep editing
        await until(pilot, lambda: app.screen is form)
        assert form.query_one("#headline", Input).value == "Half a headline"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, SummaryPreview))
    with db.session() as s:
        assert s.exec(select(Client)).one().headline == ""


async def test_a_headline_that_sounds_internal_is_listed_as_the_headline(db: Database) -> None:
    from textual.widgets import OptionList

    from actionplan import plan
    from actionplan.plan.settings import SummarySettings

    seed(db, "Replace the firewall")
    with db.session() as s:
        plan.set_summary_settings(
            session=s,
            client="Acme",
            settings=SummarySettings(headline="Honestly we dropped the ball"),
            author="Tester",
        )
    async with running(db, size=(120, 40)) as (app, pilot):
        preview = await open_preview(pilot, app)
        assert [f.field for f in preview.hits] == ["headline"]
        leaks = preview.query_one("#leaks", OptionList)
        line = str(leaks.get_option_at_index(0).prompt)
        assert line.startswith("the headline (e edits it): ")
