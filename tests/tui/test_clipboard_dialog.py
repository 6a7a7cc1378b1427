"""The app's copy: OSC 52 goes through Textual, and when nothing can copy, a dialog says why and
offers a file (Enter or w: True; Esc: False)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Label, Static

from actionplan.clipboard import OSC52, Clipboard, Copied
from actionplan.tui.clipboard import NoClipboard, copy_text
from actionplan.tui.keys import screen_keys
from tests.support import ROOT
from tests.support.pilot import words

REASON = (
    "no clipboard tool here (install xclip or xsel) and tmux ignores OSC 52 "
    "(set -g set-clipboard on)"
)


class Host(App[None]):
    """An app with nothing on it but the answers the dialog gave."""

    CSS_PATH = ROOT / "actionplan" / "tui" / "app.tcss"  # the dialogs' styles

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[bool | None] = []

    def ask(self, **kwargs: Any) -> None:
        self.push_screen(NoClipboard(REASON, **kwargs), self.answers.append)


def said(screen: NoClipboard) -> str:
    return words(*screen.query(Label), *screen.query(Static))


@pytest.mark.parametrize(("key", "answer"), [("enter", True), ("w", True), ("escape", False)])
async def test_the_dialog_says_why_and_returns_the_answer(key: str, answer: bool) -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.ask(where="~/Documents/actionplan")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NoClipboard)
        text = said(dialog)
        assert "Nothing was copied" in text
        assert "No clipboard tool here (install xclip or xsel)" in text
        assert "tmux ignores OSC 52 (set -g set-clipboard on)." in text
        assert "~/Documents/actionplan" in text and "Esc cancels" in text
        await pilot.press(key)
        await pilot.pause()
        assert app.answers == [answer]
        assert not isinstance(app.screen, NoClipboard)


async def test_the_help_lists_every_key_with_its_id() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.ask()
        await pilot.pause()
        keys = {row.binding.id: (row.shown_keys, row.what) for row in screen_keys(app.screen)}
        assert keys["clipboard.file"] == ("Enter / w", "Write a file instead")
        assert keys["clipboard.cancel"] == ("Esc", "Cancel: write nothing")


async def test_osc52_is_written_by_textual_from_the_ui_thread_and_from_a_worker() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        copied = copy_text(app, "first", find=lambda: Clipboard(osc52=True))
        assert (copied.ok, copied.how) == (True, OSC52)
        assert app.clipboard == "first"

        result: list[Copied] = []
        worker = app.run_worker(
            lambda: result.append(copy_text(app, "second", find=lambda: Clipboard(osc52=True))),
            thread=True,
        )
        await worker.wait()
        await pilot.pause()
        assert result[0].osc52 and app.clipboard == "second"


async def test_nothing_copied_leaves_the_terminal_alone() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)):
        copied = copy_text(app, "text", find=lambda: Clipboard(no_osc52="GNU screen ignores it"))
        assert not copied.ok and copied.reason.endswith("and GNU screen ignores it")
        await asyncio.sleep(0)
        assert app.clipboard == ""
