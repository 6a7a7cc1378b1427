"""Bad input on the command line: a user's mistake is one line and exit 1 with nothing saved; a
misused command is a usage error, exit 2; --help exits 0."""

from __future__ import annotations

import pytest

from actionplan.cli import main
from tests.support import Cli

# --- bad input: one line, exit 1, nothing saved --------------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["add", "", "--client", "Acme"], "empty"),
        (["add", "   ", "--client", "Acme"], "empty"),
        (["add", "x" * 201, "--client", "Acme"], "too long"),
        (["add", "Renew", "--client", "Acme", "--due", "soon"], "--due"),
        (["add", "Renew", "--client", "Acme", "--committed", "soon"], "--committed"),
        (["add", "Renew", "--client", ""], ""),
        (["set", "1", "--title", ""], "empty"),
        (["set", "1", "--due", "soon"], "--due"),
    ],
)
def test_bad_input_is_refused_in_one_line_and_nothing_is_saved(
    ap: Cli, args: list[str], fragment: str
) -> None:
    ap.add("Already here")
    before = ap.items()
    ap(*args).one_line_error(fragment)
    assert ap.items() == before


def test_a_200_character_title_is_accepted(ap: Cli) -> None:
    ap.add("x" * 200)
    assert ap.items()[0]["title"] == "x" * 200


# --- usage errors: exit 2 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["add", "Renew licence"],
        ["add", "Renew licence", "--client", "Acme", "--status", "someday"],
        ["list", "--status", "later"],
        ["set", "not-a-number", "--status", "doing"],
        ["add", "x", "--client", "A", "--must", "--nice"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for command in ("add", "set", "list", "import", "export", "db", "backup", "demo"):
        assert command in out
