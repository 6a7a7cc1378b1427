"""The template command: list, apply, a dry run, bad input in one line."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan import plan
from actionplan.cli import main
from actionplan.db import Database
from actionplan.templates import list_templates, user_dir
from tests.support import Cli, db_arg, fixture_text, items, own_template


def test_a_bad_template_is_listed_with_its_error_and_applies_nothing(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    run = Cli(capsys, sqlite_db)
    path = own_template("[[items]]\ntitle = 'A'\n[[items]]\ntitle = 'B'\ndue = 'soon'\n", "broken")
    [entry] = [e for e in list_templates() if e.path == path]
    assert entry.loaded is None and entry.error and "item 2 ('B')" in entry.error
    code, _, err = run("template", "apply", "broken", "--client", "Acme")
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("actionplan: ") and "item 2" in err
    assert items(sqlite_db, deleted=False) == []
    code, out, _ = run("template", "list")
    assert code == 0 and "broken" in out and "item 2" in out


def test_template_list_shows_names_files_counts_and_where_own_ones_go(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    run = Cli(capsys, sqlite_db)
    own_template(fixture_text("quarter-start.toml"))
    code, out, _ = run("template", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["name", "file", "items", "source", "description"]
    assert any("New client onboarding" in ln and " 11 " in ln and "shipped" in ln for ln in lines)
    assert any("Quarter start" in ln and "quarter-start" in ln and "yours" in ln for ln in lines)
    assert str(user_dir()) in out


def test_template_apply_from_the_command_line(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    run = Cli(capsys, db)
    apply = ["template", "apply", "monthly health check", "--client", "Acme", "--new-client"]
    code, out, err = run(*apply, "--start", "1 dec")
    assert code == 0, err
    assert "added 7 items to Acme (a new client) from Monthly health check" in out
    assert "Tue 1 Dec 2026" in out and "actionplan undo" in out
    added = items(db, deleted=False)
    assert len(added) == 7
    report = next(i for i in added if i.repeat_every)
    assert report.due == date(2026, 12, 8)
    assert min(i.due for i in added if i.due) == date(2026, 12, 4)
    code, out, _ = run("undo")
    assert code == 0 and items(db, deleted=False) == []


def test_template_apply_dry_run_changes_nothing(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    run = Cli(capsys, db)
    apply = ["template", "apply", "new-client-onboarding", "--client", "Acme", "--new-client"]
    code, out, err = run(*apply, "--dry-run")
    assert code == 0, err
    assert "would add 11 items to Acme (a new client)" in out
    assert "Mon 23 Nov 2026" in out and "nothing changed (dry run)" in out
    assert items(db, deleted=False) == []
    with db.session() as s:
        assert plan.find_client(session=s, name="Acme") is None


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["apply", "nope", "--client", "Acme"], "no template named 'nope'"),
        (["apply", "new-client-onboarding", "--client", "Acme", "--start", "soon"], "--start"),
        (["apply", "new-client-onboarding", "--client", ""], "client is empty"),
    ],
)
def test_template_apply_refuses_bad_input_with_one_line(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str], args: list[str], fragment: str
) -> None:
    run = Cli(capsys, sqlite_db)
    code, _, err = run("template", *args)
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("actionplan: ") and fragment in err
    assert items(sqlite_db, deleted=False) == []


def test_template_without_an_action_is_a_usage_error(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--db", db_arg(sqlite_db), "template"])
    assert raised.value.code == 2
