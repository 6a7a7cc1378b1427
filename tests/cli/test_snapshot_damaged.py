"""A damaged snapshot row is reported in one line; the board and other commands still work."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.cli import main
from actionplan.db import Database
from actionplan.models import Item, Snapshot
from actionplan.queries import ItemFilter, list_items
from actionplan.summary.source import mark_untold
from tests.support import add


def test_a_damaged_last_snapshot_is_one_line_not_a_traceback(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite_db.session() as s:
        item = s.get(Item, add(s, "Renew licence", author="T", due=date(2026, 12, 9),
                                committed=date(2026, 12, 1)))  # fmt: skip
        assert item is not None
        client_id = item.client_id
        s.add(
            Snapshot(
                client_id=client_id,
                created_at=item.created_at,
                author="T",
                model_json="{not json",
                markdown="",
            )
        )
        s.commit()
        rows = list_items(session=s, where=ItemFilter(client="Acme"))
        mark_untold(session=s, rows=rows)  # the board's reading does not fail on it
        assert rows[0]["untold"] is True

    code = main(["--db", str(sqlite_db.url.database), "summary", "Acme"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip().count("\n") == 0
    assert "cannot be read" in err and "Traceback" not in err
