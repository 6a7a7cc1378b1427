"""Files in and out through the command line (PRODUCT.md's contract): import, export, the
database's path, upgrade and backup, and the demo."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import pytest

from actionplan.db import Database, open_database
from actionplan.queries import list_items
from tests.support import Cli, wipe

CSV_HEADER = "client,title,status,owner,due,committed,must,client_note,internal_note,escalated"


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
    ap.add("Already here")
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
    ap: Cli, db: Database, tmp_path: Path
) -> None:
    ap.add("Renew licence", "Acme", "--owner", "Ann", "--due", "2026-12-05")
    ap.add("Patch servers", "Globex", "--internal", "secret")
    before = ap.items()
    export = tmp_path / "export.json"
    ap.ok("export", "--format", "json", "-o", str(export))
    wipe(db)
    assert ap.items() == []
    out = ap.ok("import", str(export))
    assert "restored 2 items" in out
    assert ap.items() == before


def test_import_of_a_json_export_into_a_non_empty_database_is_refused(
    ap: Cli, tmp_path: Path
) -> None:
    ap.add("Renew licence")
    export = tmp_path / "export.json"
    ap.ok("export", "-o", str(export))
    before = ap.items()
    ap("import", str(export)).one_line_error("not empty")
    assert ap.items() == before


# --- export --------------------------------------------------------------------------------------


def test_export_csv_to_stdout_has_the_contract_columns(ap: Cli) -> None:
    ap.add("Renew licence", "Acme", "--owner", "Ann", "--due", "2026-12-05")
    out = ap.ok("export", "--format", "csv")
    header = out.splitlines()[0]
    assert header.startswith(CSV_HEADER)
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["client"] == "Acme" and row["owner"] == "Ann" and row["due"] == "2026-12-05"
    assert row["must"] == "yes" and row["escalated"] == "no"


def test_export_json_to_stdout_is_an_actionplan_export(ap: Cli) -> None:
    ap.add("Renew licence")
    data = json.loads(ap.ok("export", "--format", "json"))
    assert data["format"] == "actionplan-export"
    assert [i["title"] for i in data["item"]] == ["Renew licence"]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_to_a_file_writes_the_same_text(ap: Cli, tmp_path: Path, fmt: str) -> None:
    ap.add("Renew licence")
    stdout_text = ap.ok("export", "--format", fmt)
    path = tmp_path / f"out.{fmt}"
    result = ap("export", "--format", fmt, "-o", str(path))
    assert result.code == 0 and result.out == ""
    assert path.read_text(encoding="utf-8") == stdout_text


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_client_filter_keeps_only_that_client(ap: Cli, fmt: str) -> None:
    ap.add("Acme item", "Acme")
    ap.add("Globex item", "Globex")
    out = ap.ok("export", "--format", fmt, "--client", "acme")
    assert "Acme item" in out
    assert "Globex item" not in out


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_of_an_unknown_client_fails(ap: Cli, fmt: str) -> None:
    ap.add("Acme item", "Acme")
    ap("export", "--format", fmt, "--client", "Nobody").one_line_error("Nobody")


def test_export_csv_neutralises_formula_cells(ap: Cli) -> None:
    ap.add('=HYPERLINK("http://evil.example","click")', "Acme", "--note", "+1 555")
    [row] = ap.csv_rows()
    assert row["title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["client_note"] == "'+1 555"


def test_export_csv_round_trips_through_import(ap: Cli, db: Database, tmp_path: Path) -> None:
    ap.add("=SUM(A1:A2)", "Acme", "--owner", "Ann", "--due", "2026-12-05", "--nice")
    before = [{k: v for k, v in i.items() if k != "id"} for i in ap.items()]
    path = tmp_path / "plan.csv"
    ap.ok("export", "--format", "csv", "-o", str(path))
    wipe(db)
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
    sq.add("Renew licence", "Acme")
    sq.add("Patch servers", "Globex")
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
    pg = Cli(capsys, pg_db)
    pg.add("Renew licence", "Acme")
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
    bare.add("Renew licence")
    assert expected.is_file()
    assert stat.S_IMODE(expected.stat().st_mode) == 0o600
    assert [i["title"] for i in bare.items()] == ["Renew licence"]


def test_a_new_database_file_is_private(bare: Cli, tmp_path: Path) -> None:
    path = tmp_path / "new" / "plan.db"
    Cli(bare.capsys, str(path)).add("Renew licence")
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
    sq.add("My own item")
    monkeypatch.setenv("ACTIONPLAN_DB", sq.db or "")
    before = sq.items()
    sq.ok("demo")
    assert sq.items() == before


def test_actionplan_alone_opens_the_board_on_the_users_plan(ap: Cli, opened: list[dict]) -> None:
    ap.add("My own item")
    ap.ok()
    [run] = opened
    assert run["demo"] is False and run["items"] == 1
