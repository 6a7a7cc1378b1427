"""The one exit path from the command line: summary --save goes through the guard, a snapshot
shown later is checked again, the guard commands, the client calendar."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from actionplan.db import Database
from actionplan.models import Item
from tests.support import Cli, add, count


def test_summary_save_without_force_saves_nothing_when_the_guard_objects(
    db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    add(db, "Patch the VPN", client_note="Don't tell the client it failed.")
    cli = Cli(capsys, db)
    code, _, err = cli("summary", "Acme", "--save", "-o", str(tmp_path / "s.md"))
    assert code == 1 and "leak guard" in err and "keeps something from the client" in err
    assert count(db, "snapshot") == 0 and not (tmp_path / "s.md").exists()
    code, _, err = cli("summary", "Acme", "--save", "--force", "-o", str(tmp_path / "s.md"))
    assert code == 0 and "let through (--force)" in err
    assert count(db, "snapshot") == 1
    assert stat.S_IMODE((tmp_path / "s.md").stat().st_mode) == 0o600


def test_a_snapshot_shown_or_compared_later_is_checked_again(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    add(db, "Patch the VPN", client_note="Fine for now.")
    cli = Cli(capsys, db)
    assert cli("summary", "Acme", "--save")[0] == 0
    assert cli("summary", "Acme", "--save")[0] == 0
    own = Path(os.environ["ACTIONPLAN_CONFIG"]).parent / "deny-list.txt"
    own.write_text("fine for now\n", encoding="utf-8")  # a phrase added since
    code, out, err = cli("snapshots", "Acme", "--show", "1")
    assert code == 1 and out == "" and "fine for now" in err.lower()
    code, out, err = cli("snapshots", "Acme", "--compare", "1", "2")
    assert code == 0  # nothing changed between them: the comparison names no item
    code, out, err = cli("snapshots", "Acme", "--show", "1", "--force")
    assert code == 0 and "Fine for now." in out and "let through" in err


def test_guard_commands_check_text_allow_terms_and_review(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    item_id = add(db, "Patch the VPN", client_note="Tracked in HD-2231. We won't fix it.")
    cli = Cli(capsys, db)
    code, out, _ = cli("guard", "check", "INC0012345 is", "ours")
    assert code == 1 and "ticket" in out
    assert cli("guard", "check", "All patched on Friday.")[0] == 0
    assert cli("guard", "allow", "Acme", "HD-")[1].strip() == "HD-"
    code, out, _ = cli("guard", "review", "Acme")
    assert code == 0 and "We won't fix it." in out
    assert cli("summary", "Acme")[0] == 0
    code, out, _ = cli("guard", "review", "Acme", "--list")
    assert f"#{item_id}" in out and "We won't fix it." in out
    assert cli("undo")[0] == 0
    assert cli("summary", "Acme")[0] == 1
    with db.session() as s:  # nothing about the item itself changed
        found = s.get(Item, item_id)
        assert found is not None and found.version == 1


def test_the_client_calendar_goes_through_the_guard(
    db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    add(db, "Renew the certificate", due=date(2026, 11, 27), client_note="See OPS-4411.")
    cli = Cli(capsys, db)
    out_file = tmp_path / "acme.ics"
    code, _, err = cli("export", "--format", "ics", "--client", "Acme", "-o", str(out_file))
    assert code == 1 and "OPS-4411" in err and not out_file.exists()
    code, _, err = cli(
        "export", "--format", "ics", "--client", "Acme", "--force", "-o", str(out_file)
    )
    assert code == 0 and "let through" in err and out_file.exists()
    assert cli("export", "--format", "ics", "--client", "Acme", "--internal")[0] == 0
