"""Typed text against names, best first: the same name, prefixes, word prefixes, names that
look alike, then loose matches (the owner field and the client switcher list them so)."""

from __future__ import annotations

import pytest

from actionplan.matches import closest, ranked

CLIENTS = ["Cascade Medical", "Acme Holdings", "Acme"]
PEOPLE = ["Pri", "Priya Shah", "Tom Becker", "Tim Berners", "Ana Silva"]


@pytest.mark.parametrize(
    ("typed", "best"),
    [
        ("ac", ["Acme", "Acme Holdings"]),  # prefixes, the shortest first, before Cascade
        ("acme", ["Acme", "Acme Holdings"]),  # the same name first, never a looser one
        ("ACME ", ["Acme", "Acme Holdings"]),
        ("hold", ["Acme Holdings"]),  # a word of the name
        ("a h", ["Acme Holdings"]),  # words that start the name's words
    ],
)
def test_the_same_name_and_prefixes_come_before_looser_matches(typed: str, best: list[str]) -> None:
    assert ranked(typed, CLIENTS)[: len(best)] == best


def test_looser_matches_come_last_and_nothing_matches_empty_text() -> None:
    assert ranked("ac", CLIENTS) == ["Acme", "Acme Holdings", "Cascade Medical"]
    assert ranked("cdm", CLIENTS) == ["Cascade Medical"]  # its letters, in order
    assert ranked("  ", CLIENTS) == []
    assert ranked("zz", CLIENTS) == []


def test_people_are_ranked_the_same_way() -> None:
    assert ranked("pri", PEOPLE) == ["Pri", "Priya Shah"]
    assert ranked("shah", PEOPLE) == ["Priya Shah"]
    assert ranked("Pryia Shah", PEOPLE)[0] == "Priya Shah"  # a slip of the fingers
    assert ranked("t be", PEOPLE) == ["Tom Becker", "Tim Berners"]


def test_did_you_mean_is_the_nearest_existing_name() -> None:
    assert closest("Pri", ["Priya Shah", "Tom Becker"]) == "Priya Shah"
    assert closest("Pryia Shah", ["Priya Shah", "Tom Becker"]) == "Priya Shah"
    assert closest("Zoe Park", ["Priya Shah", "Tom Becker"]) is None
    assert closest("Dana Cole", ["Hannah Cole"]) is None  # a shared surname is no slip
