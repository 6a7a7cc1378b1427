"""User text stays inert: no escapes or control characters get in, lengths are bounded."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actionplan.text import TextError, clean_block, clean_line, strip_controls


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b]0;new window title\x07after", "after"),
        ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("\x9b31mC1 csi", "C1 csi"),
        ("bell\x07 and nul\x00", "bell and nul"),
        ("abc\u202edcba", "abcdcba"),
        ("[bold]kept[/] <b>literal</b>", "[bold]kept[/] <b>literal</b>"),
        ("Łódź ünïcödé 日本", "Łódź ünïcödé 日本"),
    ],
)
def test_escapes_and_controls_are_stripped_and_the_rest_kept(raw: str, clean: str) -> None:
    assert strip_controls(raw, keep_newlines=False) == clean


def test_one_line_text_collapses_whitespace_and_notes_keep_lines() -> None:
    assert clean_line("  a \n b\t c  ", field="title", max_len=50) == "a b c"
    assert clean_block("first\r\nsecond  \n\n third\n", field="note") == "first\nsecond\n\n third"


def test_required_and_length_limits_name_the_field() -> None:
    with pytest.raises(TextError, match="title is empty"):
        clean_line(" \x1b[0m ", field="title", max_len=10, required=True)
    with pytest.raises(TextError, match=r"title is too long \(11 characters; at most 10\)"):
        clean_line("x" * 11, field="title", max_len=10)
    with pytest.raises(TextError, match="note is too long"):
        clean_block("x" * 11, field="note", max_len=10)


@given(st.text())
def test_no_escape_or_control_character_ever_survives(raw: str) -> None:
    for keep in (True, False):
        out = strip_controls(raw, keep_newlines=keep)
        assert "\x1b" not in out and "\x9b" not in out
        allowed = "\n\t" if keep else ""
        assert all(unicodedata.category(c) != "Cc" or c in allowed for c in out)


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs"))))
def test_plain_text_passes_through_unchanged(raw: str) -> None:
    assert strip_controls(raw, keep_newlines=True) == raw.translate(
        dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
    )


def test_history_shows_where_a_long_title_changed() -> None:
    from actionplan.history import _shorten

    old = "Monthly patch window for warehouse servers"
    new = "Monthly patch window for warehouse servers and printers at depot 2"
    before, after = _shorten(old, new)
    assert before.startswith("…") and before.endswith("servers")
    assert "and printers" in after and len(after) <= 40
