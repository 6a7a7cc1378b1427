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
    assert cli.ok("clients", "set", "acme") == (
        "Acme: summaries show vendors by their company "
        "(--vendor-names generic: as 'our supplier')\n"
    )
    assert "| Sentinel Ltd |" in cli.ok("summary", "Acme")

    out = cli.ok("clients", "set", "Acme", "--vendor-names", "generic")
    assert out == "Acme: summaries now show vendors as 'our supplier'; undo reverts it\n"
    assert [c["vendor_names"] for c in json.loads(cli.ok("clients", "--json"))] == ["generic"]
    summary = cli.ok("summary", "Acme")
    assert "| our supplier |" in summary and "Sentinel" not in summary
    again = cli.ok("clients", "set", "Acme", "--vendor-names", "generic")
    assert again == "Acme: summaries already show vendors as 'our supplier'\n"

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
