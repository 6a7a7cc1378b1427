"""The one rule for names that look alike (actionplan.names): a table of realistic names that
must and must not match, and properties that hold for any name (issue 13, "no silent strays")."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from actionplan.names import looks_like, nearest, normalise

# (a new name, an existing one): one client or person, spelt two ways.
ALIKE = [
    ("Nortwind", "Northwind Traders"),  # a typo of the name's start
    ("Nortwind Traders", "Northwind Traders"),  # a letter dropped
    ("Northwind", "Northwind Traders"),  # the start of it
    ("northwind traders", "Northwind Traders"),  # case
    ("Northwind-Traders.", "Northwind Traders"),  # punctuation
    ("NorthwindTraders", "Northwind Traders"),  # spacing
    ("Northwind  Traders", "Northwind Traders"),
    ("Traders Northwind", "Northwind Traders"),  # the words the other way round
    ("Nrothwind Traders", "Northwind Traders"),  # two letters swapped
    ("Northwind Trdaers", "Northwind Traders"),
    ("Northwnd Tradrs", "Northwind Traders"),  # two edits in long words
    ("Globex", "Globex Corporation"),
    ("Initech Ltd", "Initech"),
    ("Contosso", "Contoso"),
    ("AT&T", "AT and T"),
    ("Pri", "Priya Shah"),  # the half-typed name the issue found as a person
    ("Priya", "Priya Shah"),
    ("Shah", "Priya Shah"),  # the surname alone
    ("Priya Shaw", "Priya Shah"),
    ("Pryia Shah", "Priya Shah"),
    ("priya.shah", "Priya Shah"),
    ("Zoë Adams", "Zoe Adams"),  # accents
    ("O'Brien", "OBrien"),
    ("Dan", "Daniel Reyes"),
    ("Ann", "Anna"),
    ("Site 2", "site-2"),
]

# Different names, though short or alike in part: never flagged.
APART = [
    ("Ann", "Dan"),  # short names an edit or two apart
    ("Tom", "Tim"),
    ("Ben", "Ken"),
    ("Ann Lee", "Dan Lee"),
    ("Ben Lee", "Ken Lee"),
    ("Sam Kim", "Sam Lim"),
    ("Ace", "Acme"),
    ("Acme Insurance", "Acme Retail"),  # sister companies share a word, not a name
    ("Northwind Logistics", "Northwind Traders"),
    ("Site 2", "Site 3"),  # numbers tell places apart
    ("Acme Insurance 2", "Acme Insurance"),
    ("Kestrel", "Acme"),
    ("Globex", "Initech"),
    ("Al", "Alice"),  # two letters start too many names
    ("Morthwind", "Northwind"),  # a different first letter is a different name
]


@pytest.mark.parametrize(("new", "existing"), ALIKE)
def test_names_spelt_two_ways_look_alike(new: str, existing: str) -> None:
    assert looks_like(new, existing)
    assert looks_like(existing, new)
    assert nearest(new, ["Kestrel Bank", existing, "Umbrella"])[:1] == [existing]


@pytest.mark.parametrize(("new", "existing"), APART)
def test_different_names_do_not_look_alike(new: str, existing: str) -> None:
    assert not looks_like(new, existing)
    assert not looks_like(existing, new)


def test_normalise_folds_case_accents_punctuation_and_spacing() -> None:
    assert normalise("  Northwind-Traders & Co. ") == "northwind traders and co"
    assert normalise("ZOË  o'brien") == "zoe o brien"
    assert normalise("Straße") == "strasse"
    assert normalise("...") == ""


def test_nearest_is_best_first_and_keeps_the_callers_order_for_ties() -> None:
    names = ["Northwind Traders Europe", "Northwind Logistics", "Acme", "Northwind Traders"]
    # The same name but for case, then the start of a longer one, then a shared word.
    assert nearest("NORTHWIND TRADERS", names) == [
        "Northwind Traders",
        "Northwind Traders Europe",
        "Northwind Logistics",
    ]
    # The start of a name: those one word longer first, ties in the order given.
    assert nearest("northwind", names) == [
        "Northwind Logistics",
        "Northwind Traders",
        "Northwind Traders Europe",
    ]
    assert nearest("Nortwind Traders", names, limit=1) == ["Northwind Traders"]
    # Ties keep the order given: a caller lists active names before archived ones.
    assert nearest("Pri", ["Priya Shah", "Priya Patel"]) == ["Priya Shah", "Priya Patel"]
    assert nearest("Pri", ["Priya Patel", "Priya Shah"]) == ["Priya Patel", "Priya Shah"]


def test_nearest_offers_a_shared_word_but_nothing_unrelated() -> None:
    assert nearest("Northwind Logistics", ["Northwind Traders", "Acme"]) == ["Northwind Traders"]
    assert nearest("Site 3", ["Site 2"]) == ["Site 2"]  # offered, though not "alike"
    assert nearest("Ann", ["Dan", "Tim", "Zoe Adams"]) == []
    assert nearest("Kestrel", ["Acme", "Globex", "Initech"]) == []
    assert nearest("", ["Acme"]) == []
    assert nearest("Acme", []) == []
    assert nearest("Acme", ["Acme"], limit=0) == []


# --- properties ---------------------------------------------------------------------------------

_LETTERS = st.characters(categories=["Lu", "Ll", "Nd"], max_codepoint=0x24F)
_WORD = st.text(_LETTERS, min_size=1, max_size=12)
NAMES = st.lists(_WORD, min_size=1, max_size=4).map(" ".join)
ANY_TEXT = st.text(max_size=40)


def _variant(name: str, case: str, joiner: str, trailer: str) -> str:
    cased = {"upper": name.upper(), "lower": name.lower(), "title": name.title()}[case]
    return joiner.join(cased.split(" ")) + trailer


@given(NAMES)
def test_a_name_matches_itself_and_its_normal_form(name: str) -> None:
    assume(normalise(name))
    assert looks_like(name, name)
    assert looks_like(name, normalise(name))
    assert nearest(name, ["Zz Unrelated 999", name])[0] == name


@given(
    NAMES,
    st.sampled_from(["upper", "lower", "title"]),
    st.sampled_from([" ", "  ", "-", ". ", "_", ""]),
    st.sampled_from(["", ".", "!", " ", ","]),
)
def test_case_punctuation_and_spacing_variants_always_match(
    name: str, case: str, joiner: str, trailer: str
) -> None:
    variant = _variant(name, case, joiner, trailer)
    # Upper-casing can change letters' count or meaning ("ß" to "SS"): only folds that agree.
    assume(normalise(variant).replace(" ", "") == normalise(name).replace(" ", ""))
    assume(normalise(name))
    assert looks_like(variant, name)
    assert looks_like(name, variant)


@given(ANY_TEXT, st.lists(ANY_TEXT, max_size=8), st.integers(min_value=0, max_value=5))
def test_nearest_gives_existing_names_only_each_once_at_most_limit(
    name: str, candidates: list[str], limit: int
) -> None:
    found = nearest(name, candidates, limit=limit)
    assert set(found) <= set(candidates)
    assert len(found) == len(set(found)) <= limit


@given(ANY_TEXT, ANY_TEXT)
def test_looks_like_is_symmetric(a: str, b: str) -> None:
    assert looks_like(a, b) == looks_like(b, a)


@given(NAMES, NAMES)
def test_whatever_looks_alike_is_also_offered_as_nearest(a: str, b: str) -> None:
    if looks_like(a, b):
        assert b in nearest(a, [b])
