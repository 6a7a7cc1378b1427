"""The board's filter language: free text and keywords, combined with AND."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.filters import matcher, parse_filter
from actionplan.models import Status
from tests.support import TODAY


def row(**values):
    base = {
        "title": "Renew firewall licence",
        "owner": "Priya Shah",
        "client": "Acme",
        "client_note": "",
        "internal_note": "",
        "status": Status.PLANNED,
        "due": None,
        "must": True,
        "escalated": False,
    }
    return {**base, **values}


def test_parse_keeps_keywords_owner_and_words_and_describes_itself() -> None:
    flt = parse_filter("  Firewall owner:priya OVERDUE must  ")
    assert flt.owner == "priya" and flt.overdue and flt.must and flt.words == ("firewall",)
    assert flt.describe() == "owner:priya overdue must firewall"
    assert not parse_filter("").active


@pytest.mark.parametrize(
    ("text", "values", "shown"),
    [
        ("firewall", {}, True),
        ("FIREWALL licence", {}, True),
        ("vpn", {}, False),
        ("vpn", {"internal_note": "vpn vendor late"}, True),  # searchable in the app
        ("owner:pri", {}, True),
        ("owner:tom", {}, False),
        ("owner:tom", {"owner": None}, False),
        ("overdue", {"due": date(2026, 11, 20)}, True),
        ("overdue", {"due": TODAY}, False),
        ("overdue", {"due": date(2026, 11, 20), "status": Status.DONE}, False),
        ("week", {"due": date(2026, 11, 29)}, True),  # Sunday of this week
        ("week", {"due": date(2026, 11, 30)}, False),
        ("week", {"due": None}, False),
        ("must", {"must": False}, False),
        ("escalated", {"escalated": True}, True),
        ("escalated firewall", {"escalated": True, "title": "Patch"}, False),
    ],
)
def test_each_part_of_the_filter(text: str, values: dict, shown: bool) -> None:
    assert matcher(parse_filter(text), TODAY)(row(**values)) is shown
