"""The command line contract (PRODUCT.md): commands, exit codes, one-line errors, inert text.

Most tests call ``actionplan.cli.main`` in-process (fast); a few marked slow run the real
``python -m actionplan`` to check exit codes, tracebacks and start-up imports.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from actionplan.cli import main
from tests.support import Cli, run_actionplan

CONTRACT_KEYS = {
    "id",
    "client",
    "title",
    "status",
    "owner",
    "due",
    "committed",
    "must",
    "client_note",
    "internal_note",
    "escalated",
}


# --- add and list --------------------------------------------------------------------------------


def test_add_with_every_option_saves_every_field(ap: Cli) -> None:
    out = ap.ok(
        "add",
        "Renew firewall licence",
        "--client",
        "Acme",
        "--owner",
        "Ann",
        "--due",
        "fri",
        "--committed",
        "2026-11-26",
        "--status",
        "waiting",
        "--nice",
        "--note",
        "We renew before expiry",
        "--internal",
        "Vendor quote pending",
        "--internal-only",
        "--escalate",
        "licence lapses",
        "--waiting-on",
        "vendor",
    )
    assert out.startswith("added #1 ")
    assert "Acme" in out and "Renew firewall licence" in out and "2026-11-27" in out
    assert ap.items() == [
        {
            "id": 1,
            "client": "Acme",
            "title": "Renew firewall licence",
            "status": "waiting",
            "owner": "Ann",
            "due": "2026-11-27",
            "committed": "2026-11-26",
            "must": False,
            "client_note": "We renew before expiry",
            "internal_note": "Vendor quote pending",
            "escalated": True,
        }
    ]
    [row] = ap.csv_rows()
    assert row["visibility"] == "internal"
    assert row["waiting_on"] == "vendor"
    assert row["escalation_reason"] == "licence lapses"


def test_add_defaults_to_a_planned_must_do_item(ap: Cli) -> None:
    ap.add()
    [item] = ap.items()
    assert item["status"] == "planned"
    assert item["must"] is True
    assert item["owner"] is None and item["due"] is None and item["escalated"] is False


def test_list_json_has_exactly_the_contract_keys_with_their_types(ap: Cli) -> None:
    ap.add("With everything", "Acme", "--owner", "Ann", "--due", "2026-12-05")
    ap.add("With nothing", "Globex")
    items = ap.items()
    assert len(items) == 2
    for item in items:
        assert set(item) == CONTRACT_KEYS
        assert isinstance(item["id"], int)
        for key in ("client", "title", "status", "client_note", "internal_note"):
            assert isinstance(item[key], str), key
        for key in ("must", "escalated"):
            assert isinstance(item[key], bool), key
        for key in ("owner", "due", "committed"):
            assert item[key] is None or isinstance(item[key], str), key
    full = next(i for i in items if i["title"] == "With everything")
    assert full["owner"] == "Ann" and full["due"] == "2026-12-05"


def test_list_json_of_an_empty_plan_is_an_empty_array(ap: Cli) -> None:
    assert ap.items() == []


def test_list_filters_by_client_owner_status_and_overdue(ap: Cli) -> None:
    ap.add("Late and open", "Acme Corp", "--owner", "Ann", "--due", "2026-11-20")
    ap.add("Late but done", "Acme Corp", "--due", "2026-11-20", "--status", "done")
    ap.add("Not due yet", "Globex", "--owner", "Bob", "--due", "2026-12-20")
    ap.add("Being done", "Globex", "--owner", "ann", "--status", "doing")

    def titles(*args: str) -> set[str]:
        return {i["title"] for i in ap.items(*args)}

    assert titles("--client", "acme corp") == {"Late and open", "Late but done"}
    assert titles("--client", "GLOBEX") == {"Not due yet", "Being done"}
    assert titles("--owner", "ANN") == {"Late and open", "Being done"}
    assert titles("--status", "done") == {"Late but done"}
    assert titles("--status", "done", "--status", "doing") == {"Late but done", "Being done"}
    assert titles("--overdue") == {"Late and open"}
    assert titles("--client", "Globex", "--owner", "Bob") == {"Not due yet"}
    assert titles("--client", "Nobody") == set()


def test_list_as_text_shows_a_table_or_says_nothing_matches(ap: Cli) -> None:
    assert "no items match" in ap.ok("list")
    ap.add("Renew licence", "Acme", "--nice")
    out = ap.ok("list")
    assert out.splitlines()[0].split() == [
        "id",
        "client",
        "status",
        "title",
        "owner",
        "due",
        "flags",
    ]
    assert "Renew licence" in out and "nice" in out


# --- set -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "field", "expected"),
    [
        (["--title", "Renew the licence"], "title", "Renew the licence"),
        (["--client", "Globex"], "client", "Globex"),
        (["--status", "doing"], "status", "doing"),
        (["--owner", "Bob"], "owner", "Bob"),
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


# --- delete, restore, undo, history --------------------------------------------------------------


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
    ap.ok("set", str(item_id), "--owner", "Ann")
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


@pytest.mark.parametrize(
    "url",
    [
        "nosuch://host/db",
        "postgresql+psycopg://u:pw@localhost:notaport/x",
        "://",
    ],
)
def test_an_unusable_database_url_is_one_line(bare: Cli, url: str) -> None:
    bare("--db", url, "list").one_line_error()


def test_a_text_file_as_database_is_refused(bare: Cli, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my shopping list\n", encoding="utf-8")
    bare("--db", str(notes), "add", "x", "--client", "A").one_line_error(
        "not an actionplan database"
    )
    assert notes.read_text(encoding="utf-8") == "my shopping list\n"


def test_a_folder_as_database_is_refused(bare: Cli, tmp_path: Path) -> None:
    bare("--db", str(tmp_path), "list").one_line_error("folder")


def test_a_database_that_cannot_be_created_is_one_line(bare: Cli, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # Root ignores folder permissions; a path under a regular file cannot be created by anyone.
        blocker = tmp_path / "a-file"
        blocker.write_text("", encoding="utf-8")
        path = blocker / "plan.db"
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        path = folder / "plan.db"
    line = bare("--db", str(path), "add", "x", "--client", "A").one_line_error(str(path))
    assert line.startswith("actionplan: cannot")
    assert not path.exists()


def test_a_corrupt_sqlite_file_is_one_line(bare: Cli, tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    bare("--db", str(path), "list").one_line_error()


def test_an_unreachable_server_message_hides_the_password(bare: Cli) -> None:
    result = bare("--db", "postgresql+psycopg://u:SECRETPW@127.0.0.1:1/x", "list")
    result.one_line_error()
    assert "SECRETPW" not in result.err + result.out


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


# --- user text stays inert -----------------------------------------------------------------------


def test_markup_is_kept_literally_and_escapes_are_stripped(
    ap: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "240")
    ap.add("[bold]x[/] \x1b[31mred alert", "Acme [b]Corp[/b]")
    [item] = ap.items()
    assert item["title"] == "[bold]x[/] red alert"
    assert item["client"] == "Acme [b]Corp[/b]"
    for out in (ap.ok("list"),):
        assert "[bold]x[/] red alert" in out
        assert "Acme [b]Corp[/b]" in out
        assert "\x1b" not in out


def test_notes_keep_lines_but_lose_control_characters(ap: Cli) -> None:
    ap.add("Title", "Acme", "--note", "line one\nline two\x07\x1b]0;owned\x07")
    [item] = ap.items()
    assert item["client_note"] == "line one\nline two"


# --- whole-process checks (slow) -----------------------------------------------------------------

HEAVY = ("textual", "sqlalchemy", "sqlmodel", "alembic")


def imported_top_modules(importtime_stderr: str) -> set[str]:
    """Top-level packages named in ``python -X importtime`` output."""
    names = set()
    for line in importtime_stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


@pytest.mark.slow
def test_help_in_a_process_exits_0_without_heavy_imports() -> None:
    result = run_actionplan("--help", python_args=("-X", "importtime"))
    assert result.returncode == 0
    assert "usage: actionplan" in result.stdout
    loaded = imported_top_modules(result.stderr)
    assert "actionplan" in loaded
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


@pytest.mark.slow
def test_main_help_loads_no_heavy_module() -> None:
    code = (
        "import sys\n"
        "from actionplan.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        f"heavy = {set(HEAVY)!r}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.slow
def test_list_in_a_process_does_not_load_textual(tmp_path: Path) -> None:
    result = run_actionplan(
        "--db", str(tmp_path / "p.db"), "list", python_args=("-X", "importtime")
    )
    assert result.returncode == 0, result.stderr
    assert "no items match" in result.stdout
    assert "textual" not in imported_top_modules(result.stderr)


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["add", "Renew", "--client", "Acme", "--due", "soon"],
        ["--db", "postgresql+psycopg://u:pw@localhost:notaport/x", "list"],
    ],
)
def test_a_user_mistake_in_a_process_is_exit_1_without_traceback(args: list[str]) -> None:
    result = run_actionplan(*args)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("actionplan: ")


@pytest.mark.slow
def test_a_usage_error_in_a_process_is_exit_2() -> None:
    result = run_actionplan("add", "Renew")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--client" in result.stderr
