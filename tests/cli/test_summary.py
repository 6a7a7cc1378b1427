"""The summary command: the leak guard's stop, --save and the snapshots it keeps, its options."""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from actionplan import plan
from actionplan.cli import main
from actionplan.db import Database
from actionplan.models import Snapshot
from actionplan.summary.model import Summary
from actionplan.summary.render import render
from actionplan.summary.source import snapshots
from tests import support
from tests.support import AUTHOR, TODAY, Cli
from tests.support.plans import (
    CLIENT,
    HEADINGS,
    build_golden_plan,
    pdf_pages,
    rendered,
    section_bodies,
    summarise,
    titles,
)

add = partial(support.add, client=CLIENT)  # every item is CLIENT's


def test_the_summary_command_stops_at_the_leak_guard_unless_forced(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with sqlite_db.session() as s:
        add(s, "Upgrade ABC-123", client_note="no way before Christmas")
    cli = Cli(capsys, sqlite_db)
    out_file = tmp_path / "summary.md"
    code, out, err = cli("summary", CLIENT, "-o", str(out_file))
    assert code == 1
    assert "leak guard" in err
    assert "ABC-123" in err and "no way" in err
    assert "Traceback" not in err
    assert not out_file.exists() and out == ""
    code, out, err = cli("summary", CLIENT, "-o", str(out_file), "--force")
    assert code == 0, err
    assert "Upgrade ABC-123" in out_file.read_text(encoding="utf-8")


def test_changes_since_the_last_snapshot_and_snapshots_listed_newest_first(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str], fixed_now: Any
) -> None:
    cli = Cli(capsys, sqlite_db)
    with sqlite_db.session() as s:
        to_finish = add(s, "Patch the VPN", due=date(2026, 11, 27))
        to_move = add(s, "Renew the certificates", due=date(2026, 11, 28))
        later = add(s, "Write the runbook", due=date(2026, 12, 10))
    assert cli("summary", CLIENT, "--save")[0] == 0  # snapshot 1, Mon 23 Nov

    fixed_now(TODAY + timedelta(days=1), 10)
    with sqlite_db.session() as s:
        plan.move_item(session=s, item_id=to_finish, status="done", author=AUTHOR)
        add(s, "Replace the UPS batteries", due=date(2026, 12, 3))
        plan.set_due(session=s, item_id=to_move, due=date(2026, 12, 12), author=AUTHOR)
        summary = summarise(s, today=TODAY + timedelta(days=1))
    assert summary.since == TODAY
    assert titles(summary.done) == ["Patch the VPN"]
    assert titles(summary.new) == ["Replace the UPS batteries"]
    assert titles(summary.moved) == ["Renew the certificates"]
    md = str(render(summary, "md"))
    assert "Period: since Mon 23 Nov 2026" in md
    assert "- Renew the certificates: was 28 Nov, now 12 Dec" in md
    assert "- Patch the VPN" in md and "- Replace the UPS batteries (3 Dec)" in md

    fixed_now(TODAY + timedelta(days=2))
    assert cli("summary", CLIENT, "--save")[0] == 0  # snapshot 2, Wed 25 Nov
    with sqlite_db.session() as s:
        unchanged = summarise(s, today=TODAY + timedelta(days=2))
    assert unchanged.since == TODAY + timedelta(days=2)
    assert (unchanged.done, unchanged.new, unchanged.moved) == ([], [], [])
    bodies = section_bodies(rendered(unchanged, "md"), HEADINGS["md"])
    assert bodies[1] == "None"

    fixed_now(TODAY + timedelta(days=3))
    with sqlite_db.session() as s:
        plan.set_due(session=s, item_id=later, due=date(2026, 12, 17), author=AUTHOR)
        third = summarise(s, today=TODAY + timedelta(days=3))
    assert third.since == TODAY + timedelta(days=2)  # snapshot 2, not 1
    assert titles(third.moved) == ["Write the runbook"]
    assert (third.done, third.new) == ([], [])
    assert "was 10 Dec, now 17 Dec" in str(render(third, "md"))

    code, out, _ = cli("snapshots", CLIENT)
    assert code == 0
    assert out.index("2026-11-25") < out.index("2026-11-23")


def test_a_snapshot_stores_its_model_and_markdown(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite_db.session() as s:
        build_golden_plan(s)
    assert Cli(capsys, sqlite_db)("summary", CLIENT, "--save")[0] == 0
    with sqlite_db.session() as s:
        [stored] = snapshots(session=s, client=CLIENT)
    assert isinstance(stored, Snapshot)
    data = json.loads(stored.model_json)
    model = Summary.from_json(data)
    assert model.to_json() == data
    assert model.client == CLIENT and model.day == TODAY
    assert model.prepared_by == AUTHOR  # the CLI's prepared-by is the configured name
    assert model.plan[0].title == "Replace the core switch"
    assert stored.markdown == render(model, "md")
    assert stored.author == AUTHOR


@pytest.fixture
def small_plan(sqlite_db: Database) -> Database:
    with sqlite_db.session() as s:
        add(s, "Replace the core switch", due=TODAY + timedelta(days=2))
        add(s, "Tidy the shared drive", due=TODAY + timedelta(days=3), must=False)
        add(s, "Write the runbook", due=TODAY + timedelta(days=10))
    return sqlite_db


def test_no_nice_leaves_out_nice_to_haves(
    small_plan: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = Cli(capsys, small_plan)
    code, with_nice, _ = cli("summary", CLIENT)
    assert code == 0 and "Tidy the shared drive" in with_nice
    code, without, _ = cli("summary", CLIENT, "--no-nice")
    assert code == 0
    assert "Tidy the shared drive" not in without
    assert "Replace the core switch" in without and "Write the runbook" in without


def test_next_call_widens_the_next_steps(
    small_plan: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = Cli(capsys, small_plan)

    def next_steps(*opts: str) -> str:
        code, out, err = cli("summary", CLIENT, *opts)
        assert code == 0, err
        return out.split("## Next steps", 1)[1]

    default = next_steps()
    assert "(before Mon 30 Nov 2026)" in default
    assert "Replace the core switch" in default and "Write the runbook" not in default
    wider = next_steps("--next-call", "+14d")
    assert "(before Mon 7 Dec 2026)" in wider
    assert "Write the runbook" in wider


def test_an_unknown_client_is_one_line_exit_1(
    small_plan: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = Cli(capsys, small_plan)("summary", "Nobody Ltd")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and "no client named" in err


def test_a_pdf_without_a_file_goes_to_a_pipe_as_bytes(
    small_plan: Database, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code = main(["--db", str(small_plan.url.database), "summary", CLIENT, "--format", "pdf"])
    out, err = capsysbinary.readouterr()
    assert code == 0, err
    assert out.startswith(b"%PDF")
    assert "Replace the core switch" in "".join(pdf_pages(out))
