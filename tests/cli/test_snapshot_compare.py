"""The snapshots command: --show prints one as it was sent, --compare two, wrong ids in one
line."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from typing import Any

import pytest
from sqlmodel import select

from actionplan import plan
from actionplan.db import Database
from actionplan.models import Snapshot
from tests import support
from tests.support import AUTHOR, TODAY, Cli
from tests.support.plans import CLIENT

add = partial(support.add, client=CLIENT)  # every item is CLIENT's
NEXT_WEEK = TODAY + timedelta(days=7)


@pytest.fixture
def two_saved(
    db: Database, capsys: pytest.CaptureFixture[str], fixed_now: Any
) -> tuple[Cli, int, int]:
    """Snapshot 1 on Mon 23 Nov, then a week of changes, snapshot 2 on Mon 30 Nov."""
    cli = Cli(capsys, db)
    with db.session() as s:
        finish = add(s, "Patch the VPN", due=date(2026, 11, 27))
        move = add(s, "Renew the certificates", due=date(2026, 11, 28))
        add(s, "Write the runbook", due=date(2026, 12, 10), internal_note="ZQSECRET note")
    assert cli("summary", CLIENT, "--save")[0] == 0
    fixed_now(NEXT_WEEK)
    with db.session() as s:
        plan.move_item(session=s, item_id=finish, status="done", author=AUTHOR)
        plan.set_due(session=s, item_id=move, due=date(2026, 12, 12), author=AUTHOR)
        add(s, "Replace the UPS batteries", due=date(2026, 12, 3))
    assert cli("summary", CLIENT, "--save")[0] == 0
    with db.session() as s:
        first, second = sorted(x.id for x in s.exec(select(Snapshot)).all() if x.id)
    return cli, first, second


def test_show_prints_the_snapshot_exactly_as_it_was_sent(
    db: Database, two_saved: tuple[Cli, int, int]
) -> None:
    cli, first, _ = two_saved
    code, out, _ = cli("snapshots", CLIENT, "--show", str(first))
    assert code == 0
    with db.session() as s:
        stored = s.get(Snapshot, first)
        assert stored is not None
        assert out == stored.markdown
    assert "Mon 23 Nov 2026" in out and "Replace the UPS batteries" not in out


def test_compare_prints_what_changed_whichever_order_the_ids_come_in(
    two_saved: tuple[Cli, int, int],
) -> None:
    cli, first, second = two_saved
    code, out, err = cli("snapshots", CLIENT, "--compare", str(first), str(second))
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        f"{CLIENT}: what changed from snapshot {first} (2026-11-23 09:00 UTC) "
        f"to snapshot {second} (2026-11-30 09:00 UTC)"
    )
    assert "Done\n- Patch the VPN\n" in out
    assert "New\n- Replace the UPS batteries (3 Dec)\n" in out
    assert "Dates moved\n- Renew the certificates: was 28 Nov, now 12 Dec\n" in out
    assert "ZQSECRET" not in out
    assert cli("snapshots", CLIENT, "--compare", str(second), str(first))[1] == out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--show", "999"], f"actionplan: {CLIENT} has no snapshot 999\n"),
        (["--compare", "1", "999"], f"actionplan: {CLIENT} has no snapshot 999\n"),
        (["--compare", "SAME", "SAME"], "actionplan: --compare needs two different snapshots\n"),
    ],
)
def test_a_wrong_snapshot_id_is_one_line_and_exit_1(
    two_saved: tuple[Cli, int, int], args: list[str], message: str
) -> None:
    cli, first, _ = two_saved
    args = [str(first) if a in ("SAME", "1") else a for a in args]
    assert cli("snapshots", CLIENT, *args) == (1, "", message)


def test_an_unknown_client_is_one_line_and_exit_1(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = Cli(capsys, db)("snapshots", "Nobody", "--show", "1")
    assert (code, out) == (1, "")
    assert err.startswith("actionplan: ") and "Nobody" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    "args", [["--compare", "1"], ["--show", "1", "--compare", "1", "2"], ["--show", "x"]]
)
def test_usage_mistakes_exit_2(
    db: Database, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        Cli(capsys, db)("snapshots", CLIENT, *args)
    assert stop.value.code == 2


def test_a_snapshot_that_cannot_be_read_is_refused_in_one_line(
    db: Database, two_saved: tuple[Cli, int, int]
) -> None:
    cli, first, second = two_saved
    with db.session() as s:
        broken = s.get(Snapshot, first)
        assert broken is not None
        broken.model_json = '{"client": "Acme"'
        s.add(broken)
        s.commit()
    code, out, err = cli("snapshots", CLIENT, "--compare", str(first), str(second))
    assert (code, out) == (1, "")
    assert err == f"actionplan: snapshot {first} cannot be read (JSONDecodeError)\n"
    assert cli("snapshots", CLIENT, "--show", str(first))[0] == 0  # its Markdown still shows
