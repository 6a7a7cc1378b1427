"""The command line's delete, restore, undo and history."""

from __future__ import annotations

from tests.support import Cli


def test_delete_removes_the_item_and_undo_brings_it_back(ap: Cli) -> None:
    item_id = ap.add()
    assert "deleted" in ap.ok("delete", str(item_id))
    assert ap.items() == []
    assert "undid" in ap.ok("undo")
    assert [i["id"] for i in ap.items()] == [item_id]


def test_restore_brings_back_a_deleted_item(ap: Cli) -> None:
    item_id = ap.add("Keep me")
    ap.ok("delete", str(item_id))
    assert "restored" in ap.ok("restore", str(item_id))
    assert [i["title"] for i in ap.items()] == ["Keep me"]


def test_undo_steps_undoes_several_changes(ap: Cli) -> None:
    item_id = ap.add("Stays", "Acme")
    ap.ok("set", str(item_id), "--status", "doing")
    ap.ok("set", str(item_id), "--owner", "Ann", "--new-person")
    ap.ok("set", str(item_id), "--due", "2026-12-05")
    out = ap.ok("undo", "--steps", "3")
    assert out.count("undid") == 3
    item = ap.item(item_id)
    assert (item["status"], item["owner"], item["due"]) == ("planned", None, None)


def test_undo_with_nothing_to_undo_fails(ap: Cli) -> None:
    ap("undo").one_line_error("nothing to undo")


def test_history_lists_creation_and_changes_with_reasons(ap: Cli) -> None:
    item_id = ap.add("Renew licence", "Acme", "--due", "2026-12-01")
    ap.ok("set", str(item_id), "--due", "2026-12-10", "--reason", "client asked for later")
    out = ap.ok("history", str(item_id))
    assert out.splitlines()[0] == f"#{item_id} Renew licence"
    assert "created" in out
    assert "2026-12-01" in out and "2026-12-10" in out
    assert "client asked for later" in out
    assert "Tester" in out


def test_history_of_a_missing_item_fails(ap: Cli) -> None:
    ap("history", "42").one_line_error("no item #42")
