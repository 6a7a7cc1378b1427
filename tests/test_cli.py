"""The command line contract (PRODUCT.md): commands, exit codes, one-line errors, inert text.

Most tests call ``actionplan.cli.main`` in-process (fast); a few marked slow run the real
``python -m actionplan`` to check exit codes, tracebacks and start-up imports.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from actionplan.cli import main
from actionplan.db import Database, open_database
from actionplan.queries import list_items

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
TABLES = ["history", "snapshot", "item", "operation", "person", "client"]
CSV_HEADER = "client,title,status,owner,due,committed,must,client_note,internal_note,escalated"


# --- helpers -------------------------------------------------------------------------------------


@dataclass
class Result:
    code: int
    out: str
    err: str

    def one_line_error(self, *fragments: str) -> str:
        """Assert exit 1 with exactly one ``actionplan: ...`` line on stderr; return it."""
        assert self.code == 1, (self.code, self.out, self.err)
        assert "Traceback" not in self.err
        lines = self.err.splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith("actionplan: "), lines[0]
        for fragment in fragments:
            assert fragment in lines[0], lines[0]
        return lines[0]


class Cli:
    """``actionplan --db URL ...`` in this process, with the output captured."""

    def __init__(self, capsys: pytest.CaptureFixture[str], db: str | None) -> None:
        self.capsys = capsys
        self.db = db

    def __call__(self, *args: str) -> Result:
        self.capsys.readouterr()
        argv = ["--db", self.db, *args] if self.db is not None else list(args)
        code = main(argv)
        out, err = self.capsys.readouterr()
        return Result(code, out, err)

    def ok(self, *args: str) -> str:
        result = self(*args)
        assert result.code == 0, (result.code, result.out, result.err)
        return result.out

    def items(self, *args: str) -> list[dict[str, Any]]:
        return json.loads(self.ok("list", "--json", *args))

    def item(self, item_id: int) -> dict[str, Any]:
        [found] = [i for i in self.items() if i["id"] == item_id]
        return found

    def csv_rows(self) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(self.ok("export", "--format", "csv"))))


@dataclass
class Target:
    """A database for the CLI: its --db value, and the open Database of the fixture."""

    kind: str
    url: str
    database: Database

    def wipe(self) -> None:
        with self.database.engine.begin() as conn:
            if self.kind == "postgresql":
                conn.exec_driver_sql(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
            else:
                for table in TABLES:
                    conn.exec_driver_sql(f"DELETE FROM {table}")


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest) -> Target:
    """Once on a SQLite file (given as a path) and once on PostgreSQL (given as a URL)."""
    if request.param == "sqlite":
        db: Database = request.getfixturevalue("sqlite_db")
        return Target("sqlite", str(db.url.database), db)
    db = request.getfixturevalue("pg_db")
    return Target("postgresql", db.url.render_as_string(hide_password=False), db)


@pytest.fixture
def ap(capsys: pytest.CaptureFixture[str], target: Target) -> Cli:
    """The CLI on the parametrized database."""
    return Cli(capsys, target.url)


@pytest.fixture
def sq(capsys: pytest.CaptureFixture[str], sqlite_db: Database) -> Cli:
    """The CLI on a SQLite file only (for checks that do not depend on the backend)."""
    return Cli(capsys, str(sqlite_db.url.database))


@pytest.fixture
def bare(capsys: pytest.CaptureFixture[str]) -> Cli:
    """The CLI with no --db (ACTIONPLAN_DB or the default)."""
    return Cli(capsys, None)


def add_basic(ap: Cli, title: str = "Renew firewall licence", client: str = "Acme", *opts: str):
    out = ap.ok("add", title, "--client", client, *opts)
    return int(out.split("#", 1)[1].split()[0])


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
    add_basic(ap)
    [item] = ap.items()
    assert item["status"] == "planned"
    assert item["must"] is True
    assert item["owner"] is None and item["due"] is None and item["escalated"] is False


def test_list_json_has_exactly_the_contract_keys_with_their_types(ap: Cli) -> None:
    add_basic(ap, "With everything", "Acme", "--owner", "Ann", "--due", "2026-12-05")
    add_basic(ap, "With nothing", "Globex")
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
    add_basic(ap, "Late and open", "Acme Corp", "--owner", "Ann", "--due", "2026-11-20")
    add_basic(ap, "Late but done", "Acme Corp", "--due", "2026-11-20", "--status", "done")
    add_basic(ap, "Not due yet", "Globex", "--owner", "Bob", "--due", "2026-12-20")
    add_basic(ap, "Being done", "Globex", "--owner", "ann", "--status", "doing")

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
    add_basic(ap, "Renew licence", "Acme", "--nice")
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
    item_id = add_basic(ap, "Renew licence", "Acme", "--owner", "Ann")
    out = ap.ok("set", str(item_id), *options)
    assert out.startswith(f"updated #{item_id} ")
    assert ap.item(item_id)[field] == expected


def test_set_must_turns_a_nice_to_have_into_a_must(ap: Cli) -> None:
    item_id = add_basic(ap, "Renew licence", "Acme", "--nice")
    ap.ok("set", str(item_id), "--must")
    assert ap.item(item_id)["must"] is True


def test_set_owner_empty_clears_the_owner(ap: Cli) -> None:
    item_id = add_basic(ap, "Renew licence", "Acme", "--owner", "Ann")
    ap.ok("set", str(item_id), "--owner", "")
    assert ap.item(item_id)["owner"] is None


def test_set_no_escalate_clears_the_escalation(ap: Cli) -> None:
    item_id = add_basic(ap, "Renew licence", "Acme", "--escalate", "late")
    ap.ok("set", str(item_id), "--no-escalate")
    assert ap.item(item_id)["escalated"] is False


def test_set_refuses_escalate_and_no_escalate_together(ap: Cli) -> None:
    item_id = add_basic(ap)
    ap("set", str(item_id), "--escalate", "why", "--no-escalate").one_line_error()
    assert ap.item(item_id)["escalated"] is False


def test_set_without_options_is_refused(ap: Cli) -> None:
    item_id = add_basic(ap)
    ap("set", str(item_id)).one_line_error("nothing to change")


def test_set_on_a_missing_item_says_so_in_one_line(ap: Cli) -> None:
    add_basic(ap)
    result = ap("set", "99", "--status", "doing")
    assert result.code == 1
    assert result.err == "actionplan: no item #99\n"


def test_set_with_a_stale_expected_version_is_refused(ap: Cli) -> None:
    item_id = add_basic(ap)
    ap.ok("set", str(item_id), "--status", "doing")
    ap("set", str(item_id), "--status", "done", "--expect-version", "99").one_line_error(
        "changed by"
    )
    assert ap.item(item_id)["status"] == "doing"


# --- delete, restore, undo, history --------------------------------------------------------------


def test_delete_removes_the_item_and_undo_brings_it_back(ap: Cli) -> None:
    item_id = add_basic(ap)
    assert "deleted" in ap.ok("delete", str(item_id))
    assert ap.items() == []
    assert "undid" in ap.ok("undo")
    assert [i["id"] for i in ap.items()] == [item_id]


def test_restore_brings_back_a_deleted_item(ap: Cli) -> None:
    item_id = add_basic(ap, "Keep me")
    ap.ok("delete", str(item_id))
    assert "restored" in ap.ok("restore", str(item_id))
    assert [i["title"] for i in ap.items()] == ["Keep me"]


def test_undo_steps_undoes_several_changes(ap: Cli) -> None:
    item_id = add_basic(ap, "Stays", "Acme")
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
    item_id = add_basic(ap, "Renew licence", "Acme", "--due", "2026-12-01")
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
    add_basic(ap, "Already here")
    before = ap.items()
    ap(*args).one_line_error(fragment)
    assert ap.items() == before


def test_a_200_character_title_is_accepted(ap: Cli) -> None:
    add_basic(ap, "x" * 200)
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


# --- import --------------------------------------------------------------------------------------


GOOD_CSV = f"""{CSV_HEADER}
Acme,Renew firewall licence,planned,Ann,2026-12-05,2026-12-05,yes,We renew,Vendor quote,no
Globex,Patch servers,doing,,fri,,no,,,yes
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_csv_adds_every_row(ap: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, "plan.csv", GOOD_CSV)
    out = ap.ok("import", str(path))
    assert "imported 2 items" in out
    items = {i["title"]: i for i in ap.items()}
    renew = items["Renew firewall licence"]
    del renew["id"]
    assert renew == {
        "client": "Acme",
        "title": "Renew firewall licence",
        "status": "planned",
        "owner": "Ann",
        "due": "2026-12-05",
        "committed": "2026-12-05",
        "must": True,
        "client_note": "We renew",
        "internal_note": "Vendor quote",
        "escalated": False,
    }
    patch = items["Patch servers"]
    assert patch["due"] == "2026-11-27" and patch["must"] is False and patch["escalated"] is True


def test_import_dry_run_reports_and_changes_nothing(ap: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, "plan.csv", GOOD_CSV)
    out = ap.ok("import", str(path), "--dry-run")
    assert "would import 2 items" in out
    assert ap.items() == []


def test_import_with_bad_rows_names_each_line_and_imports_nothing(ap: Cli, tmp_path: Path) -> None:
    add_basic(ap, "Already here")
    before = ap.items()
    text = (
        f"{CSV_HEADER}\n"
        "Acme,Good row,planned,,2026-12-05,,yes,,,no\n"
        "Acme,Bad date,planned,,soon,,yes,,,no\n"
        "Acme,Bad flag,planned,,,,maybe,,,no\n"
        "Acme,,planned,,,,yes,,,no\n"
        "Acme,Bad status,someday,,,,yes,,,no\n"
    )
    path = write(tmp_path, "plan.csv", text)
    result = ap("import", str(path))
    assert result.code == 1
    assert "Traceback" not in result.err
    for line in (3, 4, 5, 6):
        assert f"line {line}: " in result.err, result.err
    assert "line 2:" not in result.err
    assert result.err.splitlines()[-1].startswith("actionplan: ")
    assert ap.items() == before


def test_import_of_a_non_utf8_file_is_one_line(ap: Cli, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(f"{CSV_HEADER}\nCafé,Crème,planned,,,,yes,,,no\n".encode("latin-1"))
    ap("import", str(path)).one_line_error("UTF-8")
    assert ap.items() == []


def test_import_of_a_missing_file_is_one_line(ap: Cli, tmp_path: Path) -> None:
    ap("import", str(tmp_path / "nope.csv")).one_line_error("no such file")


def test_import_of_a_json_export_restores_it_into_an_empty_database(
    ap: Cli, target: Target, tmp_path: Path
) -> None:
    add_basic(ap, "Renew licence", "Acme", "--owner", "Ann", "--due", "2026-12-05")
    add_basic(ap, "Patch servers", "Globex", "--internal", "secret")
    before = ap.items()
    export = tmp_path / "export.json"
    ap.ok("export", "--format", "json", "-o", str(export))
    target.wipe()
    assert ap.items() == []
    out = ap.ok("import", str(export))
    assert "restored 2 items" in out
    assert ap.items() == before


def test_import_of_a_json_export_into_a_non_empty_database_is_refused(
    ap: Cli, tmp_path: Path
) -> None:
    add_basic(ap, "Renew licence")
    export = tmp_path / "export.json"
    ap.ok("export", "-o", str(export))
    before = ap.items()
    ap("import", str(export)).one_line_error("not empty")
    assert ap.items() == before


# --- export --------------------------------------------------------------------------------------


def test_export_csv_to_stdout_has_the_contract_columns(ap: Cli) -> None:
    add_basic(ap, "Renew licence", "Acme", "--owner", "Ann", "--due", "2026-12-05")
    out = ap.ok("export", "--format", "csv")
    header = out.splitlines()[0]
    assert header.startswith(CSV_HEADER)
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["client"] == "Acme" and row["owner"] == "Ann" and row["due"] == "2026-12-05"
    assert row["must"] == "yes" and row["escalated"] == "no"


def test_export_json_to_stdout_is_an_actionplan_export(ap: Cli) -> None:
    add_basic(ap, "Renew licence")
    data = json.loads(ap.ok("export", "--format", "json"))
    assert data["format"] == "actionplan-export"
    assert [i["title"] for i in data["item"]] == ["Renew licence"]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_to_a_file_writes_the_same_text(ap: Cli, tmp_path: Path, fmt: str) -> None:
    add_basic(ap, "Renew licence")
    stdout_text = ap.ok("export", "--format", fmt)
    path = tmp_path / f"out.{fmt}"
    result = ap("export", "--format", fmt, "-o", str(path))
    assert result.code == 0 and result.out == ""
    assert path.read_text(encoding="utf-8") == stdout_text


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_client_filter_keeps_only_that_client(ap: Cli, fmt: str) -> None:
    add_basic(ap, "Acme item", "Acme")
    add_basic(ap, "Globex item", "Globex")
    out = ap.ok("export", "--format", fmt, "--client", "acme")
    assert "Acme item" in out
    assert "Globex item" not in out


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_of_an_unknown_client_fails(ap: Cli, fmt: str) -> None:
    add_basic(ap, "Acme item", "Acme")
    ap("export", "--format", fmt, "--client", "Nobody").one_line_error("Nobody")


def test_export_csv_neutralises_formula_cells(ap: Cli) -> None:
    add_basic(ap, '=HYPERLINK("http://evil.example","click")', "Acme", "--note", "+1 555")
    [row] = ap.csv_rows()
    assert row["title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["client_note"] == "'+1 555"


def test_export_csv_round_trips_through_import(ap: Cli, target: Target, tmp_path: Path) -> None:
    add_basic(ap, "=SUM(A1:A2)", "Acme", "--owner", "Ann", "--due", "2026-12-05", "--nice")
    before = [{k: v for k, v in i.items() if k != "id"} for i in ap.items()]
    path = tmp_path / "plan.csv"
    ap.ok("export", "--format", "csv", "-o", str(path))
    target.wipe()
    ap.ok("import", str(path))
    assert [{k: v for k, v in i.items() if k != "id"} for i in ap.items()] == before


# --- db path, db upgrade, backup -----------------------------------------------------------------


def test_db_path_prints_the_environment_database(bare: Cli, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "env.db"
    monkeypatch.setenv("ACTIONPLAN_DB", str(path))
    assert bare.ok("db", "path").strip() == str(path)
    assert not path.exists()


def test_db_path_prints_the_db_option_over_the_environment(bare: Cli, tmp_path: Path) -> None:
    path = tmp_path / "option.db"
    assert bare.ok("--db", str(path), "db", "path").strip() == str(path)


def test_db_path_hides_a_url_password(bare: Cli) -> None:
    out = bare.ok("--db", "postgresql://ann:SECRETPW@db.example:5432/plan", "db", "path")
    assert "SECRETPW" not in out
    assert "***" in out
    assert "db.example" in out


def test_db_upgrade_creates_a_fresh_file_then_reports_up_to_date(bare: Cli, tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    first = bare.ok("--db", str(path), "db", "upgrade")
    assert "upgraded" in first
    assert path.exists()
    assert "up to date" in bare.ok("--db", str(path), "db", "upgrade")


def test_db_upgrade_on_an_up_to_date_database(ap: Cli) -> None:
    assert "up to date" in ap.ok("db", "upgrade")


def test_backup_of_sqlite_is_a_sqlite_copy_with_the_items(sq: Cli, tmp_path: Path) -> None:
    add_basic(sq, "Renew licence", "Acme")
    add_basic(sq, "Patch servers", "Globex")
    dest = tmp_path / "copy.db"
    sq.ok("backup", "-o", str(dest))
    assert dest.read_bytes().startswith(b"SQLite format 3\x00")
    copy = open_database(str(dest))
    try:
        with copy.session() as session:
            titles = {row["title"] for row in list_items(session=session)}
    finally:
        copy.dispose()
    assert titles == {"Renew licence", "Patch servers"}


def test_backup_of_postgresql_is_a_json_export(
    capsys: pytest.CaptureFixture[str], pg_db: Database, tmp_path: Path
) -> None:
    pg = Cli(capsys, pg_db.url.render_as_string(hide_password=False))
    add_basic(pg, "Renew licence", "Acme")
    dest = tmp_path / "backup.json"
    pg.ok("backup", "-o", str(dest))
    data = json.loads(dest.read_text(encoding="utf-8"))
    assert data["format"] == "actionplan-export"
    assert [i["title"] for i in data["item"]] == ["Renew licence"]


def test_the_default_database_is_a_private_file_in_the_data_folder(
    bare: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ACTIONPLAN_DB")
    expected = Path(os.environ["XDG_DATA_HOME"]) / "actionplan" / "actionplan.db"
    assert bare.ok("db", "path").strip() == str(expected)
    add_basic(bare, "Renew licence")
    assert expected.is_file()
    assert stat.S_IMODE(expected.stat().st_mode) == 0o600
    assert [i["title"] for i in bare.items()] == ["Renew licence"]


def test_a_new_database_file_is_private(bare: Cli, tmp_path: Path) -> None:
    path = tmp_path / "new" / "plan.db"
    add_basic(Cli(bare.capsys, str(path)), "Renew licence")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# --- demo and the board --------------------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Record what the board would open instead of starting the full-screen app."""
    from actionplan.cli import board
    from actionplan.queries import list_items

    seen: list[dict] = []

    def fake_run_app(db, *, demo: bool) -> None:
        with db.session() as session:
            rows = list_items(session=session)
        seen.append({"db": db.display, "demo": demo, "clients": {r["client"] for r in rows},
                     "items": len(rows)})  # fmt: skip

    monkeypatch.setattr(board, "_run_app", fake_run_app)
    return seen


def test_demo_opens_the_board_on_a_throwaway_demo_plan(bare: Cli, opened: list[dict]) -> None:
    user_db = Path(os.environ["ACTIONPLAN_DB"])
    bare.ok("demo")
    [run] = opened
    assert run["demo"] is True and run["items"] >= 100
    assert "Northwind Logistics" in run["clients"]
    assert run["db"] != str(user_db) and not Path(run["db"]).exists()  # thrown away
    assert not user_db.exists()


def test_demo_leaves_an_existing_user_database_unchanged(
    sq: Cli, opened: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    add_basic(sq, "My own item")
    monkeypatch.setenv("ACTIONPLAN_DB", sq.db or "")
    before = sq.items()
    sq.ok("demo")
    assert sq.items() == before


def test_actionplan_alone_opens_the_board_on_the_users_plan(ap: Cli, opened: list[dict]) -> None:
    add_basic(ap, "My own item")
    ap.ok()
    [run] = opened
    assert run["demo"] is False and run["items"] == 1


# --- user text stays inert -----------------------------------------------------------------------


def test_markup_is_kept_literally_and_escapes_are_stripped(
    ap: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "240")
    add_basic(ap, "[bold]x[/] \x1b[31mred alert", "Acme [b]Corp[/b]")
    [item] = ap.items()
    assert item["title"] == "[bold]x[/] red alert"
    assert item["client"] == "Acme [b]Corp[/b]"
    for out in (ap.ok("list"),):
        assert "[bold]x[/] red alert" in out
        assert "Acme [b]Corp[/b]" in out
        assert "\x1b" not in out


def test_notes_keep_lines_but_lose_control_characters(ap: Cli) -> None:
    add_basic(ap, "Title", "Acme", "--note", "line one\nline two\x07\x1b]0;owned\x07")
    [item] = ap.items()
    assert item["client_note"] == "line one\nline two"


# --- whole-process checks (slow) -----------------------------------------------------------------

HEAVY = ("textual", "sqlalchemy", "sqlmodel", "alembic")


def run_actionplan(*args: str, python_args: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *python_args, "-m", "actionplan", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


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
