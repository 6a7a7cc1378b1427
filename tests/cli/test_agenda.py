"""The agenda command: buckets with counts, JSON, one client."""

from __future__ import annotations

import json
from datetime import date

from actionplan.agenda import BUCKETS
from actionplan.db import Database
from tests.support import TODAY, Cli, add


def test_agenda_command_prints_buckets_with_counts(db: Database, cli: Cli) -> None:
    add(
        db,
        "Renew firewall",
        due=date(2026, 11, 20),
        owner="Ann Lee",
        escalated=True,
        escalation_reason="client CEO asked",
    )
    add(db, "Patch [bold]servers[/]", client="Globex", due=date(2026, 11, 26), must=False)
    add(db, "Chase\x1b[31m vendor", status="waiting", waiting_on="vendor")
    code, out, _ = cli("agenda")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Agenda on Mon 23 Nov 2026: 3 open items"
    assert "Overdue (1)" in lines and "Today (0)" in lines and "No date (1)" in lines
    overdue = lines[lines.index("Overdue (1)") + 1].split()
    assert overdue[:2] == ["3d", "late"] and "Ann" in overdue and overdue[-1] == "escalated"
    this_week = lines[lines.index("This week (1)") + 1]
    assert "Thu" in this_week and "Patch [bold]servers[/]" in this_week and "nice" in this_week
    assert "\x1b" not in out and "on vendor" in out
    assert lines[lines.index("Today (0)") + 1] == "  none"


def test_agenda_json_and_one_client(db: Database, cli: Cli) -> None:
    first = add(db, "Renew firewall", due=TODAY, owner="Ann Lee")
    add(db, "Patch servers", client="Globex", due=TODAY)
    code, out, _ = cli("agenda", "--client", "acme", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["today"] == "2026-11-23"
    assert [b["key"] for b in data["buckets"]] == list(BUCKETS)
    today = data["buckets"][1]
    assert today["count"] == 1
    assert today["items"] == [
        {
            "id": first,
            "client": "Acme",
            "title": "Renew firewall",
            "owner": "Ann Lee",
            "due": "2026-11-23",
            "status": "planned",
            "waiting_on": None,
            "must": True,
            "escalated": False,
        }
    ]


def test_agenda_of_an_unknown_client_is_one_line_error(db: Database, cli: Cli) -> None:
    code, out, err = cli("agenda", "--client", "Nobody")
    assert (code, out) == (1, "")
    assert err == "actionplan: no client named 'Nobody'\n"
