"""Odd numbers on the command line (issue 11): ids and counts must be ASCII digits within their
range, else a usage error in one line, exit 2, nothing saved; the largest id is simply not found.
"""

from __future__ import annotations

import pytest

from actionplan.db import Database
from tests.support.cli_input import ID_MAX, cli, refused

# The seeded plans these tests run on: fixtures of tests/support/cli_input.py.

BAD_NUMBERS = [
    "١",  # Arabic-Indic one: int() reads it as 1
    "１",  # fullwidth one
    "+1",
    " 1",
    "1 ",
    "1_000",
    "1e3",
    "0x1",
    "-1",
    "0",
    "",
    str(2**63),
    "9" * 5000,  # past int()'s own digit limit
]
ID_COMMANDS = [
    ["delete", "{}"],
    ["restore", "{}"],
    ["history", "{}"],
    ["set", "{}", "--status", "doing"],
    ["set", "1", "--status", "doing", "--expect-version", "{}"],
    ["undo", "--steps", "{}"],
    ["snapshots", "Acme", "--show", "{}"],
    ["snapshots", "Acme", "--compare", "1", "{}"],
    ["guard", "review", "Acme", "--item", "{}"],
]


@pytest.mark.parametrize("command", ID_COMMANDS, ids=lambda c: " ".join(c))
def test_ids_and_counts_are_ascii_digits_within_range(
    capsys: pytest.CaptureFixture[str], lite: Database, command: list[str]
) -> None:
    for value in BAD_NUMBERS:
        args = [value if word == "{}" else word for word in command]
        refused(capsys, lite, 2, args, "digits 0-9")


@pytest.mark.parametrize(
    "args",
    [
        ["workload", "--weeks", "0"],
        ["workload", "--weeks", "53"],
        ["workload", "--weeks", "٣"],
        ["workload", "--limit", "-1"],
        ["workload", "--limit", "10001"],
        ["workload", "--limit", "٣"],
        ["recurring", "--weeks", "0"],
        ["recurring", "--weeks", "53"],
        ["recurring", "--threshold", "0"],
        ["recurring", "--threshold", "١"],
        ["undo", "--steps", "10001"],
    ],
)
def test_counts_outside_their_documented_range_are_usage_errors(
    capsys: pytest.CaptureFixture[str], lite: Database, args: list[str]
) -> None:
    refused(capsys, lite, 2, args, f"argument {args[1]}: ", "is not a count")


def test_an_arabic_indic_digit_deletes_nothing(
    capsys: pytest.CaptureFixture[str], lite: Database
) -> None:
    refused(capsys, lite, 2, ["delete", "١"])
    assert cli(capsys, lite, "history", "1").code == 0


@pytest.mark.parametrize("command", ["history", "delete", "restore"])
def test_the_largest_id_is_read_and_simply_not_found(
    capsys: pytest.CaptureFixture[str], lite: Database, command: str
) -> None:
    refused(capsys, lite, 1, [command, str(ID_MAX)], f"#{ID_MAX}")


def test_counts_at_their_limits_are_accepted(
    capsys: pytest.CaptureFixture[str], lite: Database
) -> None:
    assert cli(capsys, lite, "workload", "--weeks", "52", "--limit", "10000").code == 0
    assert cli(capsys, lite, "recurring", "--weeks", "52", "--threshold", "10000").code == 0
    assert cli(capsys, lite, "set", "1", "--status", "doing", "--expect-version", "1").code == 0
