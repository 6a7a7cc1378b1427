"""Arguments that are not UTF-8 (issue 11), typed or given as raw bytes by the shell: one line,
exit 1, nothing saved."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from actionplan.db import Database
from tests.support import db_url
from tests.support.cli_input import refused, state

# The seeded plans these tests run on: fixtures of tests/support/cli_input.py.


@pytest.mark.parametrize(
    "args",
    [
        ["add", "bad\udcffbyte", "--client", "Acme"],
        ["add", "fine", "--client", "Ac\udc80me"],
        ["set", "1", "--note", "caf\udce9"],
        ["list", "--client", "\udcff"],
        ["summary", "Acme", "--next-call", "fri\udcff"],
        ["add", "lone \ud800 surrogate", "--client", "Acme"],
    ],
)
def test_an_argument_that_is_not_utf8_is_one_line(
    capsys: pytest.CaptureFixture[str], lite: Database, args: list[str]
) -> None:
    refused(capsys, lite, 1, args, "argument is not UTF-8 text")


def test_invalid_utf8_bytes_from_the_shell_are_one_line(lite: Database) -> None:
    before = state(lite)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "actionplan",
            "--db",
            db_url(lite),
            "add",
            b"bad\xffbyte",
            "--client",
            "Acme",
        ],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONUTF8": "1"},
    )
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    assert done.stderr.decode().splitlines() == [
        "actionplan: argument is not UTF-8 text: 'bad\ufffdbyte'"
    ]
    assert state(lite) == before
