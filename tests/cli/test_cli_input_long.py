"""Unbounded input echoed in messages (issue 11): a message quotes at most about 80 characters
of what was typed, and no escape sequence."""

from __future__ import annotations

import pytest

from actionplan.db import Database
from tests.support.cli_input import refused

# The seeded plans these tests run on: fixtures of tests/support/cli_input.py.

LONG = "x" * 10_000


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["summary", LONG], 1),
        (["summary", "\x1b[31m" + LONG], 1),
        (["agenda", "--client", LONG], 1),
        (["triage", "--client", LONG], 1),
        (["export", "--client", LONG], 1),
        (["export", "--format", "csv", "--client", LONG], 1),
        (["export", "--format", "ics", "--client", LONG], 1),
        (["guard", "review", LONG], 1),
        (["guard", "allow", LONG], 1),
        (["guard", "allow", "Acme", "--remove", LONG], 1),
        (["guard", "check", "--client", LONG, "text"], 1),
        (["template", "apply", LONG, "--client", "Acme"], 1),
        (["add", "t", "--client", "Acme", "--due", LONG], 1),
        (["add", "t", "--client", "Acme", "--repeat", LONG], 1),
        (["list", "--status", LONG], 2),
        (["set", "1", "--status", LONG], 2),
        (["history", LONG], 2),
        (["undo", "--steps", LONG], 2),
        (["list", LONG], 2),
        (["frobnicate" + LONG], 2),
    ],
    ids=lambda v: " ".join(v)[:60] if isinstance(v, list) else str(v),
)
def test_long_input_is_quoted_short_in_messages(
    capsys: pytest.CaptureFixture[str], lite: Database, args: list[str], code: int
) -> None:
    line = refused(capsys, lite, code, args)
    assert "x" * 81 not in line
    assert "\x1b" not in line
