"""No silent strays (issue 13, point 4): a client or owner named on the command line exists, or
is created on purpose (--new-client, --new-person); a typo is one line with the nearest names,
and nothing is written. A CSV import names every client and person it creates, and stops at a
new name that looks like another unless --allow-new-similar."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.db import Database
from tests.support import add, count, items, own_template, person
from tests.support.cli_input import cli, refused, state

# --- add and set ----------------------------------------------------------------------------------


def test_add_to_a_mistyped_client_is_refused_with_the_nearest_name(
    capsys: pytest.CaptureFixture[str], both: Database
) -> None:
    add(both, "Kickoff", "Northwind Traders")
    line = refused(capsys, both, 1, ["add", "Test", "--client", "Nortwind Traders"])
    assert line == (
        "actionplan: no client named 'Nortwind Traders'; did you mean 'Northwind Traders'? "
        "(or add --new-client to create it)"
    )


def test_add_to_an_unknown_client_says_how_to_create_it_and_does_on_purpose(
    capsys: pytest.CaptureFixture[str], both: Database
) -> None:
    line = refused(capsys, both, 1, ["add", "Test", "--client", "Kestrel"])
    assert line == "actionplan: no client named 'Kestrel'; add --new-client to create it"
    run = cli(capsys, both, "add", "Test", "--client", "Kestrel", "--new-client")
    assert run.code == 0 and "added #4 to Kestrel" in run.out
    # Named again, in any case, it is that client: no flag needed, no second client.
    run = cli(capsys, both, "add", "More", "--client", " kestrel ")
    assert run.code == 0 and "to Kestrel:" in run.out
    assert count(both, "client") == 3  # Acme, Globex and Kestrel


def test_add_with_a_mistyped_or_unknown_owner_is_refused(
    capsys: pytest.CaptureFixture[str], both: Database
) -> None:
    person(both, "Priya Shah")
    line = refused(capsys, both, 1, ["add", "Test", "--client", "Acme", "--owner", "Pri"])
    assert line == (
        "actionplan: no person named 'Pri'; did you mean 'Priya Shah'? "
        "(or add --new-person to create them)"
    )
    line = refused(capsys, both, 1, ["add", "Test", "--client", "Acme", "--owner", "Zed"])
    assert line == "actionplan: no person named 'Zed'; add --new-person to create them"
    # The client is checked first: one line, about the first mistake.
    refused(capsys, both, 1, ["add", "T", "--client", "Acne", "--owner", "Zed"], "'Acme'?")
    run = cli(capsys, both, "add", "Test", "--client", "Acme", "--owner", "Zed", "--new-person")
    assert run.code == 0
    assert cli(capsys, both, "add", "Again", "--client", "Acme", "--owner", "ZED").code == 0
    assert [i.owner_id for i in items(both)][-2:] == [items(both)[-1].owner_id] * 2


def test_set_refuses_a_mistyped_client_or_owner_and_creates_on_purpose(
    capsys: pytest.CaptureFixture[str], both: Database
) -> None:
    refused(capsys, both, 1, ["set", "1", "--client", "Globx"], "did you mean 'Globex'?")
    refused(capsys, both, 1, ["set", "1", "--owner", "Anne"], "did you mean 'Ann'?")
    refused(capsys, both, 1, ["set", "1", "--client", "Initech"], "add --new-client")
    assert cli(capsys, both, "set", "1", "--client", "Initech", "--new-client").code == 0
    assert cli(capsys, both, "set", "1", "--owner", "Anne", "--new-person").code == 0
    assert cli(capsys, both, "set", "1", "--owner", "").code == 0  # nobody: nothing to check


def test_a_name_the_plan_cannot_take_is_refused_for_what_it_is(
    capsys: pytest.CaptureFixture[str], both: Database
) -> None:
    refused(capsys, both, 1, ["add", "T", "--client", "x" * 101], "client is too long")
    refused(capsys, both, 1, ["add", "T", "--client", " "], "client is empty")
    args = ["add", "T", "--client", "Acme", "--owner", "y" * 101]
    refused(capsys, both, 1, args, "owner is too long")


# --- filters --------------------------------------------------------------------------------------


def test_list_of_an_unknown_client_or_owner_is_an_error_not_an_empty_list(
    capsys: pytest.CaptureFixture[str], both: Database
) -> None:
    line = refused(capsys, both, 1, ["list", "--client", "Kestrel"])
    assert line == "actionplan: no client named 'Kestrel'"
    line = refused(capsys, both, 1, ["list", "--client", "Acmee"])
    assert line == "actionplan: no client named 'Acmee'; did you mean 'Acme'?"
    refused(capsys, both, 1, ["list", "--owner", "Dan"], "no person named 'Dan'")
    refused(capsys, both, 1, ["list", "--owner", "Anna", "--json"], "did you mean 'Ann'?")
    # A known name with nothing to show is still an empty list.
    run = cli(capsys, both, "list", "--client", "globex", "--owner", "ann")
    assert run.code == 0 and run.out.strip() == "no items match"


def test_the_other_commands_that_name_a_client_offer_the_nearest(
    capsys: pytest.CaptureFixture[str], both: Database
) -> None:
    for args in (
        ["agenda", "--client", "Globx"],
        ["triage", "--client", "Globx"],
        ["summary", "Globx"],
        ["snapshots", "Globx"],
        ["export", "--client", "Globx"],
        ["guard", "allow", "Globx"],
    ):
        refused(capsys, both, 1, args, "no client named 'Globx'; did you mean 'Globex'?")


# --- person ---------------------------------------------------------------------------------------


def test_person_refuses_a_name_like_someone_elses_unless_new_person(
    capsys: pytest.CaptureFixture[str], both: Database
) -> None:
    person(both, "Priya Shah")
    line = refused(capsys, both, 1, ["person", "Pri"])
    assert line == (
        "actionplan: 'Pri' looks like existing person 'Priya Shah'; "
        "give their name to change them, or --new-person to add someone new"
    )
    refused(capsys, both, 1, ["person", "Priya  Shah."], "'Priya Shah'")
    # Their own name, in any case, changes them; an unrelated short name is someone new.
    run = cli(capsys, both, "person", "PRIYA SHAH", "--team", "Service desk")
    assert run.code == 0 and run.out == "Priya Shah: team Service desk, side us\n"
    assert cli(capsys, both, "person", "Dan", "--side", "vendor").code == 0  # Dan is not Ann
    run = cli(capsys, both, "person", "Pri", "--new-person")
    assert run.code == 0 and run.out.startswith("Pri: ")


# --- template apply -------------------------------------------------------------------------------


def test_template_apply_needs_an_existing_client_or_new_client(
    capsys: pytest.CaptureFixture[str], both: Database
) -> None:
    args = ["template", "apply", "monthly health check", "--client", "Globx"]
    refused(capsys, both, 1, args, "did you mean 'Globex'?", "--new-client")
    refused(capsys, both, 1, [*args, "--dry-run"], "did you mean 'Globex'?")
    run = cli(capsys, both, *args, "--new-client")
    assert run.code == 0 and "to Globx (a new client)" in run.out


def test_template_apply_refuses_an_owner_nobody_is_unless_new_person(
    capsys: pytest.CaptureFixture[str], both: Database
) -> None:
    own_template('name = "Kickoff"\n[[items]]\ntitle = "Call"\nowner = "Priya Shah"\n', "kick")
    args = ["template", "apply", "kick", "--client", "Acme"]
    line = refused(capsys, both, 1, args)
    assert line == (
        "actionplan: template 'Kickoff': no person named 'Priya Shah'; "
        "add --new-person to create them"
    )
    assert cli(capsys, both, *args, "--new-person").code == 0


# --- import ---------------------------------------------------------------------------------------

HEADER = "client,title,owner\n"


def _csv(tmp_path: Path, *rows: str) -> str:
    path = tmp_path / "plan.csv"
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return str(path)


def test_import_lists_every_new_client_and_person(
    capsys: pytest.CaptureFixture[str], both: Database, tmp_path: Path
) -> None:
    path = _csv(tmp_path, "Acme,One,Ann", "Kestrel,Two,Zed", "kestrel,Three,Dan", "Globex,Four,")
    for extra in (["--dry-run"], []):
        run = cli(capsys, both, "import", path, *extra)
        assert run.code == 0, run
        assert "  new client: Kestrel\n  new person: Zed\n  new person: Dan\n" in run.out
        assert "new client: Acme" not in run.out and "Ann" not in run.out


def test_import_of_a_name_like_an_existing_one_fails_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], both: Database, tmp_path: Path
) -> None:
    add(both, "Kickoff", "Northwind Traders", owner="Priya Shah")
    path = _csv(tmp_path, "Acme,One,Ann", "Nortwind,Two,", "Globex,Three,priya shah", "Acme,4,Pri")
    before = state(both)
    for extra in ([], ["--dry-run"]):
        run = cli(capsys, both, "import", path, *extra)
        assert run.code == 1 and run.out == ""
        assert run.err.splitlines() == [
            f"{path}: line 3: 'Nortwind' looks like existing client 'Northwind Traders'",
            f"{path}: line 5: 'Pri' looks like existing person 'Priya Shah'",
            "actionplan: 2 new names may be typos; nothing imported "
            "(fix the spelling, or --allow-new-similar to create them)",
        ]
        assert state(both) == before
    run = cli(capsys, both, "import", path, "--allow-new-similar")
    assert run.code == 0, run
    assert "new client: Nortwind (looks like existing client 'Northwind Traders')" in run.out
    assert "new person: Pri (looks like existing person 'Priya Shah')" in run.out
    assert len(items(both)) == len(before["item"]) + 4


def test_import_of_two_spellings_of_one_new_name_fails(
    capsys: pytest.CaptureFixture[str], both: Database, tmp_path: Path
) -> None:
    path = _csv(tmp_path, "Kestrel Bank,1,Dana Reyes", "Kestrel-Bank.,2,", "Initech,3,Dana Reyas")
    before = state(both)
    run = cli(capsys, both, "import", path)
    assert run.code == 1
    assert run.err.splitlines()[:2] == [
        f"{path}: line 3: 'Kestrel-Bank.' looks like new client 'Kestrel Bank' on line 2",
        f"{path}: line 4: 'Dana Reyas' looks like new person 'Dana Reyes' on line 2",
    ]
    assert state(both) == before
    # Names that only share a word, or differ by a number, are new without a fuss.
    path = _csv(tmp_path, "Stark Retail,1,Tom", "Stark Foods,2,Tim", "Site 2,3,Ben", "Site 3,4,")
    assert cli(capsys, both, "import", path).code == 0
