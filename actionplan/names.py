"""Names of clients and people compared as a hurried user types them: the one matching rule.

Two names *look alike* (:func:`looks_like`) when

- they are the same but for case, accents, punctuation and spacing
  ("northwind traders", "Northwind-Traders", "NorthwindTraders"); or
- each word of the one with fewer words matches its own word of the other, in any order, and
  the words differ by an edit or two in all: a word of up to 3 letters must be spelt the same,
  one of 4 to 8 letters may differ by one edit, a longer one by two; a word of 3 letters or
  more may also be the start of the other ("Pri" ~ "Priya Shah", "Nortwind" ~ "Northwind
  Traders", "Shah" ~ "Priya Shah"). An edit is a letter added, dropped, changed, or two
  neighbours swapped, never the first letter of a word ("Ann" and "Dan", "Tom" and "Tim",
  "Acme Insurance" and "Acme Retail" are different names);

and their numbers are the same ("Site 2" and "Site 3" are two sites).

:func:`nearest` is wider, for "did you mean": after the names that look alike it offers those
that share a word of three letters or more ("Northwind Logistics" for "Northwind Traders").
Both are pure functions of the names, so the command line and the app's owner field agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Every run of anything but letters and digits (of any script) separates words.
_SEPARATORS = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"\d+")
# Shorter than this, a word must be spelt in full: a prefix of two letters says nothing.
_PREFIX_MIN = 3
# Words too common in names to suggest one name for another by themselves.
_COMMON = frozenset({"and", "the", "for"})
_MAX_EDITS = 2


def normalise(name: str) -> str:
    """A name as matching sees it: case folded, accents dropped, "&" read as "and", and every
    run of punctuation and spacing one space.

    >>> normalise("  Northwind-Traders & Co. ")
    'northwind traders and co'
    """
    text = unicodedata.normalize("NFKD", name.replace("&", " and "))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(word for word in _SEPARATORS.split(text) if word)


def looks_like(new: str, existing: str) -> bool:
    """Whether two names are probably one client or person, spelt two ways (see the module)."""
    score = _score(new, existing)
    return score is not None and score[0] <= 1


def nearest(name: str, candidates: Iterable[str], *, limit: int = 3) -> list[str]:
    """The candidates nearest to ``name``, best first, at most ``limit``.

    Args:
        name: what the user typed.
        candidates: the existing names, in order of preference: equally near names keep this
            order (so a caller lists active names before archived ones, or passes only them).
        limit: how many to return at most.

    Returns:
        Existing names only, each once: first those equal but for case, punctuation and
        spacing, then those that :func:`looks_like` ``name`` (fewest edits first), then those
        sharing a word with it. Empty when none is near.
    """
    scored: list[tuple[tuple[int, int, int], int, str]] = []
    seen: set[str] = set()
    for index, candidate in enumerate(candidates):
        if candidate in seen:
            continue
        seen.add(candidate)
        score = _score(name, candidate)
        if score is not None:
            scored.append((score, index, candidate))
    scored.sort()
    return [candidate for _, _, candidate in scored[: max(0, limit)]]


@dataclass(frozen=True, slots=True)
class _Name:
    words: tuple[str, ...]
    compact: str
    numbers: tuple[int, ...]


@lru_cache(maxsize=8192)
def _parse(name: str) -> _Name:
    words = tuple(normalise(name).split())
    numbers = tuple(sorted(int(n) for n in _NUMBER.findall(" ".join(words))))
    return _Name(words, "".join(words), numbers)


def _score(typed: str, existing: str) -> tuple[int, int, int] | None:
    """How near two names are, as (tier, edits, words apart); smaller is nearer; None: not near.

    Tier 0: the same but for case, punctuation and spacing; 1: they look alike; 2: they share a
    word (for suggestions only).
    """
    a, b = _parse(typed), _parse(existing)
    if not a.compact or not b.compact:
        return (0, 0, 0) if typed.casefold() == existing.casefold() else None
    if a.compact == b.compact:
        return (0, 0, 0)
    apart = abs(len(a.words) - len(b.words))
    if a.numbers == b.numbers:
        edits = _aligned(a.words, b.words)
        if edits is not None:
            return (1, edits, apart)
    if _share_a_word(a.words, b.words):
        return (2, 0, apart)
    return None


def _aligned(a: tuple[str, ...], b: tuple[str, ...]) -> int | None:
    """The fewest edits that match every word of the shorter name to its own word of the other;
    None when some word matches none, or it takes more than two edits."""
    if len(a) > len(b):
        a, b = b, a
    best = _greedy(a, b)
    if len(a) == len(b):  # either name may lead: take the better, so the rule is symmetric
        other = _greedy(b, a)
        if other is not None and (best is None or other < best):
            best = other
    return best


def _greedy(short: tuple[str, ...], long: tuple[str, ...]) -> int | None:
    free = list(long)
    total = 0
    for word in short:
        found = [(edits, i) for i, other in enumerate(free) if (edits := _edits(word, other)) >= 0]
        if not found:
            return None
        edits, index = min(found)
        total += edits
        if total > _MAX_EDITS:
            return None
        del free[index]
    return total


@lru_cache(maxsize=65536)
def _edits(a: str, b: str) -> int:
    """Edits between two words within their allowance (see the module); -1: too far apart."""
    if a == b:
        return 0
    if min(len(a), len(b)) >= _PREFIX_MIN and (a.startswith(b) or b.startswith(a)):
        return 0
    allowed = _allowed(min(len(a), len(b)))
    if allowed == 0 or a[0] != b[0] or abs(len(a) - len(b)) > allowed:
        return -1
    distance = _distance(a, b, allowed)
    return distance if distance <= allowed else -1


def _allowed(length: int) -> int:
    """Edits a word of this many letters may differ by: none up to 3, one up to 8, else two."""
    return 0 if length <= 3 else 1 if length <= 8 else 2


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (Levenshtein plus swaps of neighbours), or more than
    ``limit`` as soon as it is sure to exceed it."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[len(b)]


def _share_a_word(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return any(len(x) >= _PREFIX_MIN and x not in _COMMON and x in b and not x.isdigit() for x in a)
