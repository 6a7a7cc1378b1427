"""User text stays inert on the command line: markup kept literally, escape sequences and
control characters stripped."""

from __future__ import annotations

import pytest

from tests.support import Cli


def test_markup_is_kept_literally_and_escapes_are_stripped(
    ap: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "240")
    ap.add("[bold]x[/] \x1b[31mred alert", "Acme [b]Corp[/b]")
    [item] = ap.items()
    assert item["title"] == "[bold]x[/] red alert"
    assert item["client"] == "Acme [b]Corp[/b]"
    for out in (ap.ok("list"),):
        assert "[bold]x[/] red alert" in out
        assert "Acme [b]Corp[/b]" in out
        assert "\x1b" not in out


def test_notes_keep_lines_but_lose_control_characters(ap: Cli) -> None:
    ap.add("Title", "Acme", "--note", "line one\nline two\x07\x1b]0;owned\x07")
    [item] = ap.items()
    assert item["client_note"] == "line one\nline two"
