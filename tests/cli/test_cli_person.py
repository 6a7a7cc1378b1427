"""``person NAME`` alone shows who they are; a person's details and their creation are undone by
``undo``; ``people --json`` keeps the internal note out unless ``--notes``; nothing is added to
or moved into an archived client, each refusal one line that says how to unarchive it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from actionplan.db import Database
from tests.support import Cli, own_template
from tests.support.cli_input import state


def maria(cli: Cli) -> None:
    cli.add("Acme item", "Acme", "--owner", "Maria Lopez")
    cli.ok(
        "person",
        "Maria Lopez",
        *("--client", "Acme", "--role", "Operations Director", "--email", "maria@acme.example"),
        *("--phone", "+44 20 7946 0000", "--note", "prefers calls", "--status-recipient"),
    )


# --- person NAME ---------------------------------------------------------------------------------


def test_person_with_no_options_shows_their_details_and_writes_nothing(
    cli: Cli, db: Database, fixed_now
) -> None:
    maria(cli)
    before = state(db)
    assert cli.ok("person", "maria lopez").splitlines() == [
        "Maria Lopez",
        "  side            client",
        "  client          Acme",
        "  role            Operations Director",
        "  e-mail          maria@acme.example",
        "  phone           +44 20 7946 0000",
        "  status summary  receives it",
        "  archived        no",
        "  owns            1 open item",
    ]
    assert state(db) == before
    cli.ok("person", "Tom Becker", "--company", "Sentinel Ltd")
    cli.ok("people", "archive", "Tom Becker")
    tom = cli.ok("person", "Tom Becker")
    assert "  company         Sentinel Ltd\n" in tom
    assert "  archived        yes, on 2026-11-23\n" in tom
    assert "  e-mail          -\n" in tom and "prefers" not in cli.ok("person", "Maria Lopez")


def test_person_details_and_a_new_person_are_undone(cli: Cli) -> None:
    maria(cli)
    cli.ok("person", "Maria Lopez", "--email", "m.lopez@acme.example", "--no-status-recipient")
    assert cli.ok("undo") == ("undid: changed e-mail, status recipient of 'Maria Lopez'\n")
    assert "e-mail maria@acme.example" in cli.ok("person", "Maria Lopez", "--role", "Buyer")
    cli.ok("undo")
    assert "Operations Director" in cli.ok("person", "Maria Lopez")
    assert cli.ok("person", "Dan Reyes").startswith("Dan Reyes: team -, side us")
    assert cli.ok("undo") == "undid: added person 'Dan Reyes'\n"
    assert "Dan Reyes" not in cli.ok("people")


def test_a_merge_says_when_it_made_the_one_kept_a_clients_contact(cli: Cli) -> None:
    maria(cli)
    cli.ok("person", "M. Lopez", "--side", "client")
    assert cli.ok("people", "merge", "Maria Lopez", "M. Lopez") == (
        "moved 1 item from Maria Lopez into M. Lopez, now a contact of Acme; undo reverts it\n"
    )
    assert "  client          Acme\n" in cli.ok("person", "M. Lopez")
    cli.add("Globex item", "Globex")
    cli.ok("person", "Marie", "--client", "Globex", "--new-person")
    assert cli.fails("people", "merge", "M. Lopez", "Marie") == (
        "actionplan: cannot merge 'M. Lopez' into 'Marie': they are contacts of 'Acme' and 'Globex'"
    )


def test_people_json_leaves_the_internal_note_out_unless_notes(cli: Cli) -> None:
    maria(cli)
    [plain] = json.loads(cli.ok("people", "--json"))
    assert "note" not in plain and plain["email"] == "maria@acme.example"
    [full] = json.loads(cli.ok("people", "--json", "--notes"))
    assert full == {**plain, "note": "prefers calls"}


# --- archived clients ----------------------------------------------------------------------------


@pytest.fixture
def archived(cli: Cli) -> Cli:
    """Acme with an item, and Old Co archived (its only item done)."""
    cli.add("Acme item", "Acme")
    cli.add("Finished", "Old Co", "--status", "done")
    cli.ok("clients", "archive", "Old Co")
    return cli


REFUSAL = "actionplan: client 'Old Co' is archived; `actionplan clients unarchive 'Old Co'` first"


def test_adding_to_or_moving_into_an_archived_client_is_one_line(
    archived: Cli, db: Database, tmp_path: Path
) -> None:
    own_template('name = "Kickoff"\n[[items]]\ntitle = "Call"\n', "kick")
    csv = tmp_path / "plan.csv"
    csv.write_text("client,title\nAcme,Fine\nold co,Not fine\n", encoding="utf-8")
    before = state(db)
    for args in (
        ["add", "New work", "--client", "old co"],
        ["add", "New work", "--client", "Old Co", "--new-client"],
        ["set", "1", "--client", "Old Co"],
        ["template", "apply", "kick", "--client", "Old Co"],
        ["template", "apply", "kick", "--client", "Old Co", "--dry-run"],
    ):
        assert archived.fails(*args) == REFUSAL, args
    assert archived.fails("import", str(csv)) == f"actionplan: {csv}: line 3: {REFUSAL[12:]}"
    assert archived.fails("import", str(csv), "--dry-run").endswith(REFUSAL[12:])
    assert state(db) == before
    # A filter may still name it, and once unarchived it takes new work.
    assert [i["title"] for i in archived.items("--client", "Old Co")] == ["Finished"]
    archived.ok("clients", "unarchive", "Old Co")
    archived.ok("add", "New work", "--client", "Old Co")
