"""Recurring checks with a health-check form on the command line (issue 15): --health-form on
add and set, the hint on completion, ``health fill --item``, ``health due``, ``recurring``'s
marks, and ``health export`` of many clients' latest checks into one folder."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from actionplan.db import Database
from tests.support import TABLES, TODAY, Cli, count

FORM = "monthly-it-health-check"
WEEK_END = "2026-11-29"  # the Sunday of TODAY's week


def _blank(cli: Cli, tmp_path: Path, summary: str = "A steady month.") -> str:
    text = cli.ok("health", "blank", FORM).replace('summary = ""', f"summary = {summary!r}")
    path = tmp_path / "check.toml"
    path.write_text(text.replace("'", '"'), encoding="utf-8")
    return str(path)


def _check(cli: Cli, tmp_path: Path, client: str, *opts: str, summary: str = "Fine.") -> str:
    return cli.ok(
        "health", "fill", client, "--form", FORM, "--from", _blank(cli, tmp_path, summary), *opts
    )


def test_add_and_set_name_a_form_and_an_unknown_one_is_one_line(cli: Cli, db: Database) -> None:
    first = cli.add("Monthly check", "Acme", "--health-form", "Monthly IT health check")
    assert re.search(rf"every|form {FORM}", cli.ok("list"))
    assert f"completing it fills the health check {FORM}" in cli.ok("history", str(first))
    before = {t: count(db, t) for t in TABLES}
    line = cli.fails("set", str(first), "--health-form", "monthly-it")
    assert line == f"actionplan: no form named 'monthly-it'; did you mean '{FORM}'?"
    line = cli.fails("add", "Other", "--client", "Acme", "--health-form", "weekly")
    assert line.startswith("actionplan: no form named 'weekly'")
    assert {t: count(db, t) for t in TABLES} == before
    cli.ok("set", str(first), "--health-form", "")
    assert "form " not in cli.ok("list")


def test_completing_it_says_how_to_fill_the_check_and_the_next_keeps_the_form(cli: Cli) -> None:
    first = cli.add("Monthly check", "Acme Ltd", "--health-form", FORM, "--repeat", "monthly",
                    "--due", str(TODAY))  # fmt: skip
    out = cli.ok("set", str(first), "--status", "done")
    assert out.splitlines()[1:] == [
        f"next: #{first + 1} due 2026-12-23",
        f"fill its health check: actionplan health fill 'Acme Ltd' --form {FORM} --from FILE"
        f" (actionplan health blank {FORM})",
    ]
    [following] = [r for r in cli.csv_rows() if r["status"] == "planned"]
    assert following["health_form"] == FORM
    plain = cli.add("Plain", "Acme Ltd")
    assert "fill its health check" not in cli.ok("set", str(plain), "--status", "done")


def test_fill_with_item_completes_it_and_one_undo_reverts_both(
    cli: Cli, db: Database, tmp_path: Path
) -> None:
    first = cli.add("Monthly check", "Acme", "--health-form", FORM, "--repeat", "monthly",
                    "--due", "2026-11-30")  # fmt: skip
    out = _check(cli, tmp_path, "Acme", "--item", str(first))
    assert out == (
        f"saved check 1 for Acme ({FORM}, {TODAY}); completed #{first} Monthly check"
        f" (next #{first + 1} due 2026-12-30); undo reverts both\n"
    )
    assert cli.ok("undo").startswith("undid: saved Monthly IT health check for 'Acme'")
    assert count(db, "health_check") == 0 and [i["id"] for i in cli.items()] == [first]
    assert cli.item(first)["status"] == "planned"


def test_fill_completes_the_one_item_due_this_week_without_item(cli: Cli, tmp_path: Path) -> None:
    due = cli.add("Monthly check", "Acme", "--health-form", FORM, "--due", "2026-11-30")
    cli.add("Later check", "Acme", "--health-form", FORM, "--due", "2026-12-30")
    out = _check(cli, tmp_path, "Acme")
    assert f"; completed #{due} Monthly check; undo reverts both" in out
    assert cli.item(due)["status"] == "done"
    # Two due in the week: which one is not guessed.
    cli.add("A", "Globex", "--health-form", FORM, "--due", str(TODAY))
    cli.add("B", "Globex", "--health-form", FORM, "--due", str(TODAY))
    assert _check(cli, tmp_path, "Globex").endswith(f"{TODAY}); undo reverts it\n")


def test_fill_for_the_wrong_item_is_one_line_and_saves_nothing(
    cli: Cli, db: Database, tmp_path: Path
) -> None:
    other = cli.add("Monthly check", "Globex", "--health-form", FORM, "--due", str(TODAY))
    cli.add("Item", "Acme")
    path = _blank(cli, tmp_path)
    before = {t: count(db, t) for t in TABLES}
    line = cli.fails("health", "fill", "Acme", "--form", FORM, "--from", path, "--item", str(other))
    assert line == f"actionplan: item #{other} is not an item of 'Acme'"
    assert {t: count(db, t) for t in TABLES} == before


def test_due_lists_the_checks_coming_due_as_a_table_or_json(cli: Cli, tmp_path: Path) -> None:
    assert cli.ok("health", "due") == "no health checks due in the next 7 days\n"
    cli.add("Monthly check", "Globex", "--health-form", FORM, "--due", "2026-11-20")
    cli.add("Monthly check", "Acme", "--health-form", FORM, "--due", "2026-11-26", "--owner", "Ann")
    cli.add("Far", "Acme", "--health-form", FORM, "--due", "2026-12-20")
    _check(cli, tmp_path, "Acme", "--date", "2026-10-28", "--item", "3")  # Far's, done
    lines = cli.ok("health", "due").splitlines()
    assert lines[0].split() == ["item", "client", "form", "due", "when", "title", "owner", "last",
                                "check"]  # fmt: skip
    assert lines[1].split() == ["1", "Globex", FORM, "2026-11-20", "3d", "late", "Monthly",
                                "check", "-", "never"]  # fmt: skip
    assert lines[2].split() == ["2", "Acme", FORM, "2026-11-26", "Thu", "Monthly", "check", "Ann",
                                "2026-10-28"]  # fmt: skip
    assert len(lines) == 3
    assert len(cli.ok("health", "due", "--days", "60").splitlines()) == 3  # Far is done
    data = json.loads(cli.ok("health", "due", "--json"))
    assert data[0] == {
        "item": 1,
        "client": "Globex",
        "form": FORM,
        "form_title": "Monthly IT health check",
        "due": "2026-11-20",
        "title": "Monthly check",
        "owner": None,
        "last_checked": None,
    }
    assert data[1]["last_checked"] == "2026-10-28"


def test_due_days_out_of_range_is_a_usage_error(cli: Cli) -> None:
    cli.usage_exits = True
    result = cli("health", "due", "--days", "367")
    assert result.code == 2
    assert "'367' is not a count (a whole number 0 to 366" in result.err


def test_recurring_marks_the_weeks_with_a_form(cli: Cli) -> None:
    cli.add("Backups", "Acme", "--repeat", "weekly", "--due", str(TODAY))
    assert "◆" not in cli.ok("recurring", "--weeks", "2")
    cli.add("Health", "Acme", "--repeat", "monthly", "--due", "2026-12-01", "--health-form", FORM)
    lines = cli.ok("recurring", "--weeks", "2").splitlines()
    assert lines[1] == "(◆ = with a health check to fill: actionplan health due)"
    assert [ln.split() for ln in lines if ln.startswith("  Acme")] == [["Acme", "1", "2◆"]]


def test_export_writes_each_clients_latest_check_with_progress_lines(
    cli: Cli, tmp_path: Path
) -> None:
    for client in ("Acme", "Globex", "Initech"):
        cli.add("Monthly check", client, "--health-form", FORM, "--due", WEEK_END)
    cli.add("Next month", "Hooli", "--health-form", FORM, "--due", "2026-12-20")
    _check(cli, tmp_path, "Acme", "--date", "2026-10-30", "--item", "1")
    _check(cli, tmp_path, "Acme", summary="November was calm.")
    _check(cli, tmp_path, "Globex", "--item", "2")
    _check(cli, tmp_path, "Hooli")  # has a check, but none due this week: not exported
    out_dir = tmp_path / "out" / "checks"
    result = cli("health", "export", "--due-this-week", "-o", str(out_dir), "--format", "md")
    assert result.code == 0, result
    assert result.err.splitlines() == [
        "[1/3] Acme ... wrote Acme health check 2026-11-23.md",
        "[2/3] Globex ... wrote Globex health check 2026-11-23.md",
        "[3/3] Initech ... skipped: no health checks of 'Initech' yet (actionplan health fill)",
    ]
    assert result.out == f"wrote 2 of 3 documents into {out_dir}\n"
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "Acme health check 2026-11-23.md",
        "Globex health check 2026-11-23.md",
    ]
    acme = (out_dir / "Acme health check 2026-11-23.md").read_text(encoding="utf-8")
    assert "November was calm." in acme and "**Client:** Acme" in acme
    # Named clients, again into the same folder: the files are replaced.
    again = cli("health", "export", "--client", "hooli", "--client", "Acme", "-o", str(out_dir),
                "--format", "txt")  # fmt: skip
    assert again.code == 0 and again.out == f"wrote 2 of 2 documents into {out_dir}\n"
    assert len(list(out_dir.iterdir())) == 4


def test_export_of_an_unknown_client_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    cli.add("Item", "Northwind Traders")
    _check(cli, tmp_path, "Northwind Traders")
    out_dir = tmp_path / "out"
    line = cli.fails(
        "health", "export", "--client", "Northwind Traders", "--client", "Nortwind", "-o",
        str(out_dir), "--format", "md",
    )  # fmt: skip
    assert "no client named 'Nortwind'; did you mean 'Northwind Traders'?" in line
    assert not out_dir.exists()


def test_export_leaves_a_flagged_client_out_and_fails_unless_forced(
    cli: Cli, tmp_path: Path
) -> None:
    cli.add("Item", "Acme")
    cli.add("Item", "Globex")
    _check(cli, tmp_path, "Acme", summary="Between us, dont tell the client about the outage")
    _check(cli, tmp_path, "Globex")
    out_dir = tmp_path / "out"
    args = ("health", "export", "--client", "Acme", "--client", "Globex", "-o", str(out_dir))
    result = cli(*args, "--format", "md")
    assert result.code == 1 and result.out == f"wrote 1 of 2 documents into {out_dir}\n"
    err = result.err.splitlines()
    assert err[0].startswith("[1/2] Acme ... not written: leak guard: ")
    assert "sounds internal: Summary: keeps something from the client: 'Between us'" in err[1]
    assert err[-2] == "[2/2] Globex ... wrote Globex health check 2026-11-23.md"
    assert (
        err[-1] == "actionplan: leak guard: not written for Acme; reword their checks, or --force"
    )
    assert [p.name for p in out_dir.iterdir()] == ["Globex health check 2026-11-23.md"]
    forced = cli(*args, "--format", "md", "--force")
    assert forced.code == 0 and "let through (--force)" in forced.err
    assert forced.out == f"wrote 2 of 2 documents into {out_dir}\n"


def test_export_needs_a_choice_and_a_folder_not_a_file(cli: Cli, tmp_path: Path) -> None:
    cli.add("Item", "Acme")
    _check(cli, tmp_path, "Acme")
    cli.usage_exits = True
    assert cli("health", "export", "-o", str(tmp_path)).code == 2
    assert cli("health", "export", "--client", "Acme", "--due-this-week", "-o", "x").code == 2
    a_file = tmp_path / "taken"
    a_file.write_text("x", encoding="utf-8")
    line = cli.fails("health", "export", "--client", "Acme", "-o", str(a_file), "--format", "md")
    assert line == f"actionplan: {a_file} is a file; name a folder"
    line = cli.fails("health", "export", "--client", "Acme", "-o", "-")
    assert line == "actionplan: the batch writes one file per client: -o names a folder, not -"


def test_the_weeks_batch_takes_a_late_check_too(cli: Cli, tmp_path: Path) -> None:
    """A check from last week still open, or done this week, is this week's too; a dropped
    one is not."""
    for client, status in (("Late", "planned"), ("Dropped", "dropped"), ("Open", "planned")):
        cli.add("Monthly check", client, "--health-form", FORM, "--due", "2026-11-13",
                "--status", status)  # fmt: skip
    _check(cli, tmp_path, "Late")  # completes its late item, today
    _check(cli, tmp_path, "Dropped")
    out_dir = tmp_path / "out"
    result = cli("health", "export", "--due-this-week", "-o", str(out_dir), "--format", "md")
    assert result.code == 0, result
    assert result.err.splitlines() == [
        "[1/2] Late ... wrote Late health check 2026-11-23.md",
        "[2/2] Open ... skipped: no health checks of 'Open' yet (actionplan health fill)",
    ]


@pytest.mark.parametrize("fmt", ["pdf", "html", "docx"])
def test_export_writes_the_other_formats(cli: Cli, tmp_path: Path, fmt: str) -> None:
    """Needs the renderers (health/pdf.py, html.py, docx.py)."""
    cli.add("Item", "Acme")
    _check(cli, tmp_path, "Acme")
    out_dir = tmp_path / "out"
    result = cli("health", "export", "--client", "Acme", "-o", str(out_dir), "--format", fmt)
    assert result.code == 0, result
    written = out_dir / f"Acme health check 2026-11-23.{fmt}"
    head = written.read_bytes()[:5].lower()  # <!doctype, %PDF-, or a zip's PK
    assert head == {"pdf": b"%pdf-", "docx": b"pk\x03\x04\x14", "html": b"<!doc"}[fmt]
