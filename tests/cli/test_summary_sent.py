"""``summary --sent`` (issue 14): what left is recorded as sent, with its format and the
client's status-summary recipients, and the slip it carried is told from then on."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from sqlmodel import select

from actionplan.db import Database
from actionplan.models import Snapshot
from actionplan.queries import ItemFilter, list_items
from actionplan.rows import Slip
from actionplan.summary.source import mark_untold
from tests.support import Cli


def _untold(db: Database) -> list[bool]:
    with db.session() as s:
        rows = list_items(session=s, where=ItemFilter(client="Acme"))
        mark_untold(session=s, rows=cast("list[Slip]", rows))
        return [bool(r["untold"]) for r in cast("list[Slip]", rows)]


def test_a_pdf_recorded_as_sent_keeps_its_format_and_recipients(
    cli: Cli, db: Database, tmp_path: Path
) -> None:
    cli.add("Replace the firewall", "Acme", "--due", "2026-12-22", "--committed", "2026-12-11")
    cli.ok("person", "Maria Lopez", "--client", "Acme", "--email", "maria@acme.example",
           "--status-recipient", "--new-person")  # fmt: skip
    cli.ok("person", "Ben Ode", "--client", "Acme", "--status-recipient", "--new-person")
    assert _untold(db) == [True]
    result = cli("summary", "Acme", "--format", "pdf", "-o", str(tmp_path / "s.pdf"), "--sent")
    assert result.code == 0, result
    assert "recorded Acme's summary as sent to Ben Ode, Maria Lopez <maria@acme.example> (pdf)" in (
        result.err
    )
    with db.session() as s:
        [snapshot] = s.exec(select(Snapshot)).all()
        assert snapshot.format == "pdf"
        assert snapshot.recipients.splitlines() == ["Ben Ode", "Maria Lopez <maria@acme.example>"]
        assert "22 Dec, promised 11 Dec" in snapshot.markdown  # exactly what left
    assert _untold(db) == [False]
    assert "promised" not in cli.ok("summary", "Acme")


def test_without_sent_nothing_is_recorded(cli: Cli, db: Database, tmp_path: Path) -> None:
    cli.add("Replace the firewall", "Acme", "--due", "2026-12-22", "--committed", "2026-12-11")
    cli.ok("summary", "Acme", "-o", str(tmp_path / "s.md"))
    with db.session() as s:
        assert s.exec(select(Snapshot)).all() == []
    assert _untold(db) == [True]
