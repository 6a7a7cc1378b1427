"""Text typed into a field against the names it may mean, best first, as the user types.

The owner field and the client switcher list what matches: the same name, then names that
start with the text, then names with words that start with its words ("sh" or "p sh" for
"Priya Shah"), then names that look like it (:func:`actionplan.names.nearest`: a slip of the
fingers, the same words in another order), then names that merely hold its letters in order
("psh"). Case, accents, punctuation and spacing never count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from actionplan.names import looks_like, nearest, normalise


def ranked(typed: str, names: Iterable[str]) -> list[str]:
    """The ``names`` that match ``typed``, best first (see the module); of the names it starts,
    the shortest first; otherwise names that match equally well keep the order they were
    given in. Nothing matches empty text."""
    query = normalise(typed)
    if not query:
        return []
    exact: list[str] = []
    prefix: list[str] = []
    words: list[str] = []
    rest: list[str] = []
    for name in dict.fromkeys(names):
        target = normalise(name)
        if target == query:
            exact.append(name)
        elif target.startswith(query):
            prefix.append(name)
        elif _word_prefixes(query.split(), target.split()):
            words.append(name)
        else:
            rest.append(name)
    prefix.sort(key=lambda name: len(normalise(name)))  # "ac": Acme before Acme Holdings
    near = nearest(typed, rest, limit=len(rest))
    letters = query.replace(" ", "")
    loose = [
        n for n in rest if n not in near and len(letters) > 1 and _in_order(letters, normalise(n))
    ]
    return exact + prefix + words + near + loose


def closest(typed: str, names: Iterable[str]) -> str | None:
    """The existing name ``typed`` most likely meant, for "did you mean …?": the nearest that
    looks like it (:func:`actionplan.names.looks_like`, the rule the command line uses); None
    when none does. A shared word alone is not enough ("Dana Cole" is not "Hannah Cole")."""
    found = nearest(typed, names, limit=1)
    return found[0] if found and looks_like(typed, found[0]) else None


def _word_prefixes(query: Sequence[str], words: Sequence[str]) -> bool:
    """Each query word starts a word of ``words``, in order (not necessarily adjacent)."""
    start = 0
    for part in query:
        for at in range(start, len(words)):
            if words[at].startswith(part):
                start = at + 1
                break
        else:
            return False
    return True


def _in_order(letters: str, target: str) -> bool:
    """Every letter of ``letters`` appears in ``target``, in order."""
    rest = iter(target)
    return all(letter in rest for letter in letters)
