"""The triage card as text: long history lines are cut at the end, never in the date or name."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from actionplan.triage import Change, Detail
from actionplan.tui.widgets.triage_card import item_card
from tests.support import TODAY


def row(**values: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": 7,
        "client": "Acme",
        "title": "Renew firewall",
        "deleted_at": None,
        "status": "planned",
        "waiting_on": None,
        "owner": "Ann",
        "due": date(2026, 11, 20),
        "committed": date(2026, 11, 18),
        "untold": True,
        "must": True,
        "escalated": False,
        "escalation_reason": None,
        "visibility": "client",
        "snoozed_until": None,
        "client_note": None,
        "internal_note": None,
    }
    return base | values


def lines(detail: Detail, width: int) -> list[str]:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(item_card(detail, today=TODAY, width=width))
    return console.export_text().splitlines()


@given(text=st.text(min_size=1, max_size=300), width=st.integers(min_value=40, max_value=200))
def test_a_change_line_keeps_its_date_and_author_and_fits(text: str, width: int) -> None:
    at = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    detail = Detail(row(), ("3 days overdue",), [Change(at, "Zoë", text)])
    shown = lines(detail, width)
    history = shown[shown.index("Recent changes") + 1]
    local = at.astimezone()
    assert history.startswith(f"{local.day} {local:%b %H:%M}  Zoë  ")
    assert len(history.rstrip()) <= width


def test_a_long_change_ends_with_an_ellipsis() -> None:
    at = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    detail = Detail(row(), (), [Change(at, "Ann", "escalation reason: " + "word " * 40)])
    history = lines(detail, 80)[-1].rstrip()
    assert history.endswith("…") and len(history) <= 80
