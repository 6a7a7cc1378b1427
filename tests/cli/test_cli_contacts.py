"""``clients`` and ``people`` on the command line: listing as before, rename, merge, archive and
delete with what moved said and ``undo`` reverting it; contact details on ``person``; every
mistake one line on stderr, exit 1, nothing written."""

from __future__ import annotations

import json

import pytest

from actionplan.db import Database
from actionplan.models import Client
from tests.support import START, TABLES, Cli, count
from tests.support.interchange import add_snapshot


def rows(db: Database) -> dict[str, int]:
    return {t: count(db, t) for t in TABLES}


# --- clients -------------------------------------------------------------------------------------


def test_clients_prints_what_it_always_did_and_leaves_archived_ones_out(cli: Cli) -> None:
    cli.add("Open", "Acme")
    cli.add("Old", "Old Co")
    before = cli.ok("clients")
    assert before.splitlines() == [
        "client  open  overdue  escalated",
        "Acme    1     0        0",
        "Old Co  1     0        0",
    ]
    assert "archived client Old Co" in cli.ok("clients", "archive", "old co", "--force")
    assert cli.ok("clients").splitlines() == before.splitlines()[:2]
    assert cli.ok("clients", "--archived").splitlines() == [
        "client  open  overdue  escalated  archived",
        "Acme    1     0        0          no",
        "Old Co  1     0        0          yes",
    ]
    counts = {"open": 1, "overdue": 0, "escalated": 0, "vendor_names": "company"}
    assert json.loads(cli.ok("clients", "--json", "--archived")) == [
        {"name": "Acme", **counts, "archived": False},
        {"name": "Old Co", **counts, "archived": True},
    ]
    assert "Old" not in cli.ok("agenda")
    assert [i["title"] for i in cli.items("--client", "Old Co")] == ["Old"]
    assert "unarchived client Old Co" in cli.ok("clients", "unarchive", "Old Co")
    assert "Old Co" in cli.ok("clients")


def test_a_client_merge_says_what_moved_and_undo_reverts_it(cli: Cli, db: Database) -> None:
    cli.add("Kept", "Acme")
    moved = [cli.add(f"Moved {n}", "Acme Ltd") for n in range(2)]
    cli.ok("person", "Maria Lopez", "--client", "Acme Ltd", "--new-person")
    add_snapshot(db, "Acme Ltd", "# Acme Ltd\n")
    out = cli.ok("clients", "merge", "acme ltd", "Acme")
    assert out == (
        "moved 2 items, 1 snapshot, 1 contact from Acme Ltd into Acme; undo reverts it\n"
    )
    assert {i["client"] for i in cli.items()} == {"Acme"}
    assert json.loads(cli.ok("people", "--json", "--client", "Acme"))[0]["name"] == "Maria Lopez"
    assert cli.ok("undo").startswith("undid: merged client 'Acme Ltd' into 'Acme'")
    assert [i["id"] for i in cli.items("--client", "Acme Ltd")] == moved
    assert "Acme Ltd" in cli.ok("clients")


def test_a_client_rename_and_its_undo(cli: Cli) -> None:
    cli.add("Item", "Kestrel")
    assert cli.ok("clients", "rename", "kestrel", "Kestrel Aviation") == (
        "renamed client Kestrel to Kestrel Aviation; undo reverts it\n"
    )
    assert [i["client"] for i in cli.items()] == ["Kestrel Aviation"]
    cli.ok("undo")
    assert [i["client"] for i in cli.items()] == ["Kestrel"]


def test_only_an_empty_client_is_deleted(cli: Cli, db: Database) -> None:
    cli.add("Item", "Acme")
    with db.session() as s:
        s.add(Client(name="Typo Co", created_at=START))  # a client with no items at all
        s.commit()
    cli.fails("clients", "delete", "Acme")
    assert cli.ok("clients", "delete", "typo co") == "deleted client Typo Co; undo reverts it\n"
    assert "Typo Co" not in cli.ok("clients", "--archived")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["clients", "merge", "Acme", "ACME"], "cannot merge client 'Acme' into itself"),
        (["clients", "rename", "Acme", "globex"], "there is already a client named 'Globex'"),
        (["clients", "archive", "Acme"], "has 1 open item: archive it anyway with --force"),
        (["clients", "unarchive", "Acme"], "client 'Acme' is not archived"),
        (["clients", "delete", "Globex"], "only an empty client can be deleted"),
        (["clients", "merge", "Acme", "Nobody"], "no client named 'Nobody'"),
        (["people", "merge", "Ana", "ana"], "cannot merge 'Ana' into themselves"),
        (["people", "rename", "Ana", "BOB"], "there is already a person named 'Bob'"),
        (["people", "archive", "Ana"], "owns 1 open item: archive anyway with --force"),
        (["person", "Ana", "--email", "ana.example.com"], "is not an address"),
        (["person", "Ana", "--client", "Acme", "--side", "us"], "only a client's contact"),
        (["set", "2", "--owner", "Maria"], "'Maria' is a contact of 'Acme'; they cannot own"),
        (["people", "--client", "Nobody"], "no client named 'Nobody'"),
    ],
)
def test_mistakes_are_one_line_exit_1_and_write_nothing(
    cli: Cli, db: Database, args: list[str], message: str
) -> None:
    cli.add("Acme's", "Acme", "--owner", "Ana")
    cli.add("Globex's", "Globex", "--owner", "Bob")
    cli.ok("person", "Maria", "--client", "Acme", "--new-person")
    before = rows(db)
    line = cli.fails(*args)
    assert message in line
    assert rows(db) == before


def test_actions_need_their_names(cli: Cli) -> None:
    for args in (["clients", "rename", "Acme"], ["people", "merge"], ["clients", "archive"]):
        with pytest.raises(SystemExit) as caught:
            cli(*args)
        assert caught.value.code == 2


# --- people --------------------------------------------------------------------------------------


def test_person_takes_contact_details_and_people_lists_them(cli: Cli) -> None:
    cli.add("Item", "Acme")
    out = cli.ok(
        "person",
        "Maria Lopez",
        "--client",
        "Acme",
        "--role",
        "Operations Director",
        "--email",
        "maria@acme.example",
        "--phone",
        "+44 20 7946 0000",
        "--note",
        "prefers calls",
        "--status-recipient",
        "--new-person",
    )
    assert out == (
        "Maria Lopez: team -, side client, client Acme, role Operations Director, "
        "e-mail maria@acme.example, phone +44 20 7946 0000, receives the status summary\n"
    )
    cli.ok("person", "Tom Becker", "--company", "Sentinel Ltd", "--new-person")
    cli.ok("person", "Old Contact", "--side", "client", "--new-person")
    [maria] = json.loads(cli.ok("people", "--client", "acme", "--json"))
    assert maria == {
        "name": "Maria Lopez",
        "side": "client",
        "team": None,
        "client": "Acme",
        "company": None,
        "role": "Operations Director",
        "email": "maria@acme.example",
        "phone": "+44 20 7946 0000",
        "status_recipient": True,  # the internal note only with --notes
        "archived": False,
        "open": 0,
    }
    assert "Sentinel Ltd" in cli.ok("people")
    unattached = cli.ok("people", "--unattached").splitlines()
    assert [line.split()[0] for line in unattached[1:]] == ["Old"]
    off = cli.ok("person", "maria lopez", "--no-status-recipient", "--email", "")
    assert off == "Maria Lopez: team -, side client, client Acme, role Operations Director, " + (
        "phone +44 20 7946 0000\n"
    )


def test_people_rename_merge_archive_and_their_undo(cli: Cli) -> None:
    first = cli.add("One", "Acme", "--owner", "Pri")
    cli.add("Two", "Acme", "--owner", "Priya Shah")
    assert cli.ok("people", "merge", "pri", "Priya Shah") == (
        "moved 1 item from Pri into Priya Shah; undo reverts it\n"
    )
    assert cli.item(first)["owner"] == "Priya Shah"
    history = cli.ok("history", str(first))
    assert "owner: Pri → Priya Shah" in history  # the merged name, as it was then
    cli.ok("undo")
    assert cli.item(first)["owner"] == "Pri"

    assert "renamed Pri to Priyanka" in cli.ok("people", "rename", "Pri", "Priyanka")
    cli.fails("people", "archive", "Priyanka")
    assert "archived Priyanka" in cli.ok("people", "archive", "Priyanka", "--force")
    listed = cli.ok("people").splitlines()
    assert listed[1].startswith("Priyanka") and "archived" in listed[1]  # her open item: first
    cli.ok("people", "unarchive", "Priyanka")
    assert "archived" not in cli.ok("people")


def test_no_clients_and_no_people_say_how_to_make_them(cli: Cli) -> None:
    assert "no clients yet" in cli.ok("clients")
    assert "no people yet" in cli.ok("people")
    assert cli.ok("people", "--unattached").startswith("no unattached client contacts")
    assert cli.ok("clients", "--json") == "[]\n"
