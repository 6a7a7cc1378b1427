"""The summary preview on the board (s): what leaves, the leak guard's question, snapshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from actionplan import plan
from actionplan.db import Database
from actionplan.models import Snapshot
from actionplan.tui.screens import summary_actions
from actionplan.tui.screens.confirm_leaks import ConfirmLeaks
from actionplan.tui.screens.summary_preview import SummaryPreview
from tests.support import count, seed
from tests.support.pilot import (
    column,
    failure_said,
    open_preview,
    raising,
    record_as_sent,
    running,
    settle,
    until,
)


@pytest.fixture
def exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "exports"
    monkeypatch.setattr(summary_actions, "export_folder", lambda: folder)
    return folder


async def wait_for_file(pilot, folder: Path, suffix: str) -> Path:
    for _ in range(200):
        await pilot.pause(0.02)
        found = list(folder.glob(f"*{suffix}")) if folder.exists() else []
        if found:
            return found[0]
    raise AssertionError(f"no {suffix} file was written")


async def not_sent(pilot, app) -> None:
    """Answer "Record as sent to the client?" with no (it follows every export and copy)."""
    await record_as_sent(pilot, app, "n")
    await until(pilot, lambda: isinstance(app.screen, SummaryPreview))


async def test_s_previews_the_summary_without_anything_internal(db: Database, exports) -> None:
    seed(db, "Renew firewall licence", internal_note="SECRET-NOTE no way before Q1")
    seed(db, "Chase our credit note", visibility="internal")
    async with running(db, size=(120, 40)) as (app, pilot):
        preview = await open_preview(pilot, app)
        assert "Renew firewall licence" in preview.markdown
        assert "SECRET-NOTE" not in preview.markdown and "credit note" not in preview.markdown
        assert not preview.hits


async def test_each_format_is_exported_to_a_file(db: Database, exports: Path) -> None:
    seed(db, "Renew firewall licence")
    async with running(db, size=(120, 40)) as (app, pilot):
        await open_preview(pilot, app)
        for key, suffix in (
            ("m", ".md"),
            ("t", ".txt"),
            ("h", ".html"),
            ("p", ".pdf"),
            ("k", ".talk.txt"),
        ):
            await pilot.press(key)
            path = await wait_for_file(pilot, exports, suffix)
            assert path.stat().st_size > 0
            if key != "k":  # the talk track is ours: not asked
                await not_sent(pilot, app)
        assert (exports / "Acme 2026-11-23.pdf").read_bytes().startswith(b"%PDF")


async def test_the_leak_guard_asks_first_and_no_keeps_everything_in(db, exports) -> None:
    seed(db, "Renew firewall licence", client_note="no way this ships, see ABC-123")
    async with running(db, size=(120, 40)) as (app, pilot):
        preview = await open_preview(pilot, app)
        assert {h.rule for h in preview.hits} == {"refusal", "ticket"}
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, ConfirmLeaks))
        await pilot.press("n")
        await pilot.pause(0.2)
        assert not exports.exists() or not list(exports.iterdir())
        await pilot.press("y")  # copy: asks too
        await until(pilot, lambda: isinstance(app.screen, ConfirmLeaks))
        await pilot.press("y")
        await until(pilot, lambda: app.clipboard == preview.markdown)
        await not_sent(pilot, app)
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, ConfirmLeaks))
        await pilot.press("y")
        await wait_for_file(pilot, exports, ".md")


async def test_copy_puts_the_markdown_on_the_clipboard(db: Database, exports) -> None:
    seed(db, "Renew firewall licence")
    async with running(db, size=(120, 40)) as (app, pilot):
        preview = await open_preview(pilot, app)
        await pilot.press("y")
        await until(pilot, lambda: app.clipboard == preview.markdown)
        assert "Renew firewall licence" in app.clipboard


async def test_shift_s_saves_a_snapshot_the_next_summary_compares_with(db: Database) -> None:
    [item_id] = seed(db, "Renew firewall licence")
    async with running(db, size=(120, 40)) as (app, pilot):
        await open_preview(pilot, app)
        await pilot.press("S")
        await until(pilot, lambda: count(db, "snapshot") > 0)
        with db.session() as s:
            snapshot = s.exec(select(Snapshot)).one()
            assert "Renew firewall licence" in snapshot.markdown
            plan.move_item(session=s, item_id=item_id, status="done", author="Tester")
        await pilot.press("escape")
        preview = await open_preview(pilot, app)
        assert [ln.title for ln in preview.summary.done] == ["Renew firewall licence"]


async def test_a_summary_needs_one_client(db: Database) -> None:
    seed(db, "Renew firewall licence")
    async with running(db, client="All clients", size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("s")
        await pilot.pause()
        assert not isinstance(app.screen, SummaryPreview)


async def test_the_board_marks_a_slip_the_client_has_not_been_told(db: Database) -> None:
    from datetime import date

    seed(db, "Slipped", due=date(2026, 12, 10), committed=date(2026, 12, 1))
    async with running(db, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        from actionplan.models import Status

        assert "not told" in column(app, Status.PLANNED).card_text(0)


# --- issue 10: every exit rebuilds from the plan; a stale preview never leaves -------------------


def other_connection(db: Database, change: str, item_id: int) -> None:
    """What a teammate does from another terminal while the preview is open."""
    import sqlalchemy as sa

    from actionplan.db import open_database
    from actionplan.models import Client

    other = open_database(db.url.render_as_string(hide_password=False))
    try:
        with other.session() as s:
            if change == "visibility":
                plan.edit_item(session=s, item_id=item_id, author="Ben", visibility="internal")
            elif change == "note":
                plan.edit_item(
                    session=s, item_id=item_id, author="Ben", client_note="Now says more."
                )
            elif change == "delete":
                plan.delete_item(session=s, item_id=item_id, author="Ben")
            else:
                s.execute(sa.update(Client).values(name="Acme Group"))
                s.commit()
    finally:
        other.dispose()


@pytest.mark.parametrize("change", ["visibility", "note", "delete", "rename"])
@pytest.mark.parametrize("key", ["m", "p", "y", "S"])
async def test_a_change_made_elsewhere_is_shown_before_anything_leaves(
    db: Database, exports: Path, key: str, change: str
) -> None:
    [item_id] = seed(db, "Renew firewall licence", client_note="On track for Friday.")
    async with running(db, size=(120, 40)) as (app, pilot):
        preview = await open_preview(pilot, app)
        before = preview.outgoing
        assert before is not None
        app.copy_to_clipboard("")
        other_connection(db, change, item_id)
        await pilot.press(key)
        await until(pilot, lambda: preview.outgoing is not before or app._notifications)
        await pilot.pause(0.2)
        assert app.clipboard == ""
        assert not exports.exists() or not list(exports.iterdir())
        with db.session() as s:
            assert s.exec(select(Snapshot)).first() is None
        if change == "visibility":
            await until(pilot, lambda: "Renew firewall licence" not in preview.markdown)
        if change == "note":
            await until(pilot, lambda: "Now says more." in preview.markdown)


async def test_the_preview_reads_again_when_someone_else_changes_the_plan(db: Database) -> None:
    from actionplan.tui.live import PlanChanged

    [item_id] = seed(db, "Renew firewall licence")
    async with running(db, size=(120, 40)) as (app, pilot):
        preview = await open_preview(pilot, app)
        other_connection(db, "note", item_id)
        app.post_message(PlanChanged())
        await until(pilot, lambda: "Now says more." in preview.markdown)


async def test_ctrl_c_copies_through_the_guard_and_mouse_selection_is_off(
    db: Database, exports
) -> None:
    seed(db, "Renew firewall licence", client_note="See OPS-4411.")
    async with running(db, size=(120, 40)) as (app, pilot):
        preview = await open_preview(pilot, app)
        assert not preview.allow_select
        app.copy_to_clipboard("")
        await pilot.press("ctrl+c")
        await until(pilot, lambda: isinstance(app.screen, ConfirmLeaks))
        await pilot.press("n")
        await pilot.pause(0.1)
        assert app.clipboard == ""


async def test_exports_are_private_and_never_overwrite_another_file(
    db: Database, exports: Path
) -> None:
    import stat

    seed(db, "Renew firewall licence", client="Acme (UK)")
    seed(db, "Renew firewall licence", client="Acme [UK]")
    async with running(db, client="Acme (UK)", size=(120, 40)) as (app, pilot):
        await open_preview(pilot, app)
        await pilot.press("m")
        await until(pilot, lambda: exports.exists() and len(list(exports.iterdir())) == 1)
        await not_sent(pilot, app)
        await pilot.press("m")
        await until(pilot, lambda: len(list(exports.iterdir())) == 2)
    names = sorted(p.name for p in exports.iterdir())
    assert names == ["Acme (UK) 2026-11-23 (2).md", "Acme (UK) 2026-11-23.md"]
    for path in exports.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_r_marks_a_flagged_sentence_reviewed_and_enter_goes_to_its_item(
    db: Database,
) -> None:
    from actionplan.tui.screens.board import BoardScreen

    [item_id] = seed(db, "Renew firewall licence", client_note="Tracked in OPS-4411.")
    async with running(db, size=(120, 40)) as (app, pilot):
        preview = await open_preview(pilot, app)
        assert [f.item for f in preview.hits] == [item_id]
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        preview = await open_preview(pilot, app)
        await pilot.press("r")
        await until(pilot, lambda: preview.outgoing is not None and not preview.hits)
        assert len(preview.outgoing.reviewed) == 1


async def test_shift_s_asks_the_guard_first_and_no_saves_nothing(db: Database) -> None:
    seed(db, "Renew firewall licence", client_note="Don't tell the client it failed.")
    async with running(db, size=(120, 40)) as (app, pilot):
        await open_preview(pilot, app)
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, ConfirmLeaks))
        await pilot.press("n")
        await pilot.pause(0.2)
        with db.session() as s:
            assert s.exec(select(Snapshot)).first() is None


async def test_a_summary_that_cannot_be_built_says_why_and_ctrl_r_builds_it_again(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actionplan.db import DatabaseError
    from actionplan.summary import outgoing
    from actionplan.tui.view import FailureLine

    seed(db, "Renew firewall licence")
    monkeypatch.setattr(outgoing, "prepare", raising(DatabaseError("the server is gone")))
    async with running(db, size=(120, 40)) as (app, pilot):
        await settle(pilot, app)
        await pilot.press("s")
        preview = app.screen
        assert isinstance(preview, SummaryPreview)
        await failure_said(pilot, preview, "the summary", "the server is gone")
        assert preview.summary is None and preview.markdown == ""
        assert "reading" not in str(preview.query_one("#preview-title").render())
        monkeypatch.undo()  # the database is back
        await pilot.press("ctrl+r")
        await until(pilot, lambda: preview.summary is not None)
        assert "Renew firewall licence" in preview.markdown
        assert not preview.query(FailureLine)
        assert app.screen is preview
