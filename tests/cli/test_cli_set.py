"""The command line's set: each field changed, flags cleared, and refusals in one line (nothing to
change, no such item, a stale --expect-version)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support import Cli


@pytest.mark.parametrize(
    ("options", "field", "expected"),
    [
        (["--title", "Renew the licence"], "title", "Renew the licence"),
        (["--client", "Globex", "--new-client"], "client", "Globex"),
        (["--status", "doing"], "status", "doing"),
        (["--owner", "Bob", "--new-person"], "owner", "Bob"),
        (["--due", "2026-12-05"], "due", "2026-12-05"),
        (["--due", "next fri"], "due", "2026-12-04"),
        (["--committed", "+1w"], "committed", "2026-11-30"),
        (["--nice"], "must", False),
        (["--note", "Client sees this"], "client_note", "Client sees this"),
        (["--internal", "Only us"], "internal_note", "Only us"),
        (["--escalate", "client is unhappy"], "escalated", True),
        (["--status", "waiting", "--waiting-on", "client"], "status", "waiting"),
    ],
)
def test_set_changes_the_field(ap: Cli, options: list[str], field: str, expected: Any) -> None:
    item_id = ap.add("Renew licence", "Acme", "--owner", "Ann")
    out = ap.ok("set", str(item_id), *options)
    assert out.startswith(f"updated #{item_id} ")
    assert ap.item(item_id)[field] == expected


def test_set_must_turns_a_nice_to_have_into_a_must(ap: Cli) -> None:
    item_id = ap.add("Renew licence", "Acme", "--nice")
    ap.ok("set", str(item_id), "--must")
    assert ap.item(item_id)["must"] is True


def test_set_owner_empty_clears_the_owner(ap: Cli) -> None:
    item_id = ap.add("Renew licence", "Acme", "--owner", "Ann")
    ap.ok("set", str(item_id), "--owner", "")
    assert ap.item(item_id)["owner"] is None


def test_set_no_escalate_clears_the_escalation(ap: Cli) -> None:
    item_id = ap.add("Renew licence", "Acme", "--escalate", "late")
    ap.ok("set", str(item_id), "--no-escalate")
    assert ap.item(item_id)["escalated"] is False


def test_set_refuses_escalate_and_no_escalate_together(ap: Cli) -> None:
    item_id = ap.add()
    ap("set", str(item_id), "--escalate", "why", "--no-escalate").one_line_error()
    assert ap.item(item_id)["escalated"] is False


def test_set_without_options_is_refused(ap: Cli) -> None:
    item_id = ap.add()
    ap("set", str(item_id)).one_line_error("nothing to change")


def test_set_on_a_missing_item_says_so_in_one_line(ap: Cli) -> None:
    ap.add()
    result = ap("set", "99", "--status", "doing")
    assert result.code == 1
    assert result.err == "actionplan: no item #99\n"


def test_set_with_a_stale_expected_version_is_refused(ap: Cli) -> None:
    item_id = ap.add()
    ap.ok("set", str(item_id), "--status", "doing")
    ap("set", str(item_id), "--status", "done", "--expect-version", "99").one_line_error(
        "changed by"
    )
    assert ap.item(item_id)["status"] == "doing"
