"""``clients set CLIENT --vendor-names company|generic`` on the command line: shown, changed
(one undo), listed by ``clients --json``, obeyed by ``summary``; and ``people --client C``
says whom the status summary goes to, which the summary itself never says."""

from __future__ import annotations

import json

import pytest

from actionplan.db import Database
from tests.support import TABLES, Cli, count


def test_a_clients_vendor_setting_is_shown_set_listed_obeyed_and_undone(cli: Cli) -> None:
    cli.ok("person", "Tom Becker", "--company", "Sentinel Ltd", "--new-person")
    cli.add("Quote for licence renewal", "Acme", "--owner", "Tom Becker")
    assert "  vendors:    shown by their company  (--vendor-names)\n" in cli.ok(
        "clients", "set", "acme"
    )
    assert "| Sentinel Ltd |" in cli.ok("summary", "Acme")

    out = cli.ok("clients", "set", "Acme", "--vendor-names", "generic")
    assert out == "Acme: set vendors shown as 'our supplier'; undo reverts it\n"
    assert [c["vendor_names"] for c in json.loads(cli.ok("clients", "--json"))] == ["generic"]
    summary = cli.ok("summary", "Acme")
    assert "| our supplier |" in summary and "Sentinel" not in summary
    again = cli.ok("clients", "set", "Acme", "--vendor-names", "generic")
    assert again == "Acme: already set so; nothing changed\n"

    assert cli.ok("undo").startswith("undid: set client 'Acme' to show vendors: generic")
    assert [c["vendor_names"] for c in json.loads(cli.ok("clients", "--json"))] == ["company"]


def test_a_setting_for_no_such_client_is_one_line_and_a_bad_value_a_usage_error(
    cli: Cli, db: Database
) -> None:
    cli.add("Item", "Northwind Traders")
    before = {t: count(db, t) for t in TABLES}
    line = cli.fails("clients", "set", "Nortwind Traders", "--vendor-names", "generic")
    assert "no client named 'Nortwind Traders'; did you mean 'Northwind Traders'?" in line
    with pytest.raises(SystemExit) as caught:
        cli("clients", "set", "Northwind Traders", "--vendor-names", "hidden")
    assert caught.value.code == 2
    assert {t: count(db, t) for t in TABLES} == before


def test_people_of_a_client_say_whom_the_status_summary_goes_to(cli: Cli) -> None:
    cli.add("Item", "Acme")
    cli.add("Item", "Globex")
    assert cli.ok("people", "--client", "Acme").startswith("no contacts of Acme yet")
    cli.ok("person", "Maria Lopez", "--client", "Acme", "--new-person")
    listed = cli.ok("people", "--client", "Acme").splitlines()
    assert listed[-1] == (
        "status summary goes to nobody yet: actionplan person NAME --status-recipient"
    )
    contact = ("--status-recipient", "--role", "CFO", "--phone", "+1 555 0100", "--new-person")
    cli.ok("person", "Maria Lopez", "--email", "maria@acme.example", "--status-recipient")
    cli.ok("person", "Ben Ode", "--client", "Acme", *contact)  # no e-mail yet
    cli.ok("person", "Gus Greene", "--client", "Globex", "--email", "gus@globex.example", *contact)
    cli.ok("person", "Olga Petrova", "--side", "client", *contact)  # of no client
    cli.ok("person", "Ann Archived", "--client", "Acme", *contact)
    cli.ok("people", "archive", "Ann Archived")
    listed = cli.ok("people", "--client", "acme").splitlines()
    assert listed[-1] == (
        "status summary goes to: Ben Ode (no e-mail yet), Maria Lopez <maria@acme.example>"
    )
    assert [line.split()[0] for line in listed[1:-1]] == ["Ben", "Maria"]
    summary = cli.ok("summary", "Acme")
    for detail in ("maria@acme.example", "Ben Ode", "+1 555 0100", "CFO", "Gus", "Olga"):
        assert detail not in summary


def test_summary_settings_are_set_shown_used_and_undone_in_one_step(cli: Cli) -> None:
    cli.add("Patch the VPN", "Acme", "--due", "2026-11-25")
    cli.add("Laptop refresh", "Acme", "--due", "2026-12-04")
    out = cli.ok(
        "clients", "set", "Acme", "--next-call", "fri", "--headline", "Laptops next week",
        "--intro", "Where we are.", "--health", "amber", "--health-reason", "Laptops are late",
    )  # fmt: skip
    assert out == ("Acme: set next call, headline, intro, health, health reason; undo reverts it\n")
    shown = cli.ok("clients", "set", "Acme")
    assert "  next call:  Fri 27 Nov 2026  (--next-call)\n" in shown
    assert "  health:     amber: Laptops are late  (--health)\n" in shown
    summary = cli.ok("summary", "Acme")
    assert "**Laptops next week**\n\nWhere we are.\n" in summary
    assert "**🟠 Amber**: Laptops are late" in summary
    assert "## Next steps (before Fri 27 Nov 2026)" in summary
    assert "Laptop refresh" not in summary.split("## Next steps")[1]  # due after the call
    assert cli.ok("undo").startswith("undid: set client 'Acme'")
    assert "  next call:  not set" in cli.ok("clients", "set", "Acme")


def test_a_next_call_is_cleared_with_none_and_a_bad_one_changes_nothing(cli: Cli) -> None:
    cli.add("Patch the VPN", "Acme")
    cli.ok("clients", "set", "Acme", "--next-call", "2026-11-30")
    line = cli.fails("clients", "set", "Acme", "--next-call", "someday", "--headline", "Hi")
    assert "next-call" in line and "\n" not in line.strip()
    shown = cli.ok("clients", "set", "Acme")
    assert "Mon 30 Nov 2026" in shown and "headline:   none" in shown
    cli.ok("clients", "set", "Acme", "--next-call", "none")
    assert "  next call:  not set" in cli.ok("clients", "set", "Acme")


def test_a_health_set_without_a_reason_is_refused(cli: Cli, db: Database) -> None:
    cli.add("Patch the VPN", "Acme")
    before = {t: count(db, t) for t in TABLES}
    line = cli.fails("clients", "set", "Acme", "--health", "red")
    assert "needs the reason the client reads (--health-reason)" in line
    assert {t: count(db, t) for t in TABLES} == before
