"""Many patterns over long text, fast: each pattern is tried only at the words it can start with.

Python's regex engine tries a pattern at every position; with hundreds of alternatives that
costs seconds on a long summary. Here the words each pattern can start with are read from its
parse tree once (see ``keys``): a whole word ("nobody"), or the start of one ("deprioriti…").
The text is cut into words once, and at each word only the patterns that can start there are
tried. A pattern whose start cannot be read that way (a class such as ``\\d``, or anything
optional of any shape) is searched the usual way, so nothing is skipped that the pattern could
match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

from actionplan.guard.keys import PREFIX, Then, index, required

if TYPE_CHECKING:
    from actionplan.guard.rules import Context

_SPLIT = re.compile(r"([\w']+|[^\s\w])")  # words, and each mark alone


def branches(source: str) -> list[str]:
    """A pattern's top-level alternatives ("a|b(c|d)" gives "a" and "b(c|d)"), so that each
    is tried only where it can start, instead of all of them wherever any one can."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if source[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    out.append(source[start:])
    return out


def split(patterns: list[tuple[str, str]], *, edge: bool) -> list[tuple[str, str]]:
    """Each pattern as its top-level alternatives; ``edge`` anchors each at word edges."""
    out = []
    for label, source in patterns:
        for branch in branches(source):
            out.append((label, rf"(?<![\w])(?:{branch})(?![\w])" if edge else branch))
    return out


class Dispatch:
    """(label, pattern) pairs matched together, case-insensitively, word by word."""

    def __init__(self, patterns: list[tuple[str, str]]) -> None:
        self.labels = [label for label, _ in patterns]
        self.sources = [source for _, source in patterns]
        # Compiled on first use: most patterns are never tried on a given text.
        self.compiled: list[re.Pattern[str] | None] = [None] * len(patterns)
        # A whole word -> (pattern, what the next word may start with).
        self.whole: dict[str, list[tuple[int, Then]]] = {}
        # The first letters of a start -> (the whole start, pattern, next word): "lice" ->
        # ("licen", n, None).
        self.starts: dict[str, list[tuple[str, int, Then]]] = {}
        self.anywhere: list[int] = []
        self.needs: dict[int, tuple[str, ...]] = {}  # (of the patterns tried anywhere)
        for n, keys in enumerate(index(self.sources)):
            if keys is None:
                self.anywhere.append(n)
                continue
            for text, whole, then in keys:
                if whole:
                    self.whole.setdefault(text, []).append((n, then))
                else:
                    self.starts.setdefault(text[:PREFIX], []).append((text, n, then))
        self.sizes = sorted({len(k) for k in self.starts})
        self._memo: dict[str, list[tuple[int, Then]]] = {}  # word -> what may start there

    def finditer(self, text: str) -> Iterator[tuple[str, int, int]]:
        """Every (label, start, end) match, patterns tried only where they can start."""
        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lowered
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        compiled, labels = self.compiled, self.labels
        memo = self._memo
        if len(memo) > 100_000:
            memo.clear()
        # The text as gap, word, gap, word, ..., gap; where each word starts is summed in C.
        parts = _SPLIT.split(low)
        words = parts[1::2]
        ends = list(accumulate(map(len, parts)))
        for word in set(words).difference(memo):
            memo[word] = self._candidates(word)
        last = len(words) - 1
        for i in [i for i, word in enumerate(words) if memo[word]]:
            pos = ends[2 * i]
            following = words[i + 1] if i < last else ""
            for n, needs in memo[words[i]]:
                if needs is not None and not following.startswith(needs):
                    continue  # the next word cannot be this pattern's second word here
                pattern = compiled[n] or self._compile(n)
                m = pattern.match(text, pos)
                if m and m.end() > pos:
                    yield labels[n], pos, m.end()
        for n in self.anywhere:
            needs = self._needs(n)
            if not all(part in low for part in needs):
                continue  # a plain search says it cannot match: the slow one is not run
            pattern = compiled[n] or self._compile(n)
            seen: set[int] = set()
            for a, b in _around(low, min(needs, key=low.count) if needs else ""):
                for m in pattern.finditer(text, a, b):
                    if m.end() > m.start() and m.start() not in seen:
                        seen.add(m.start())
                        yield labels[n], m.start(), m.end()

    def extended(self, extra: list[tuple[str, str, str]]) -> Dispatch:
        """A copy that also looks for ``extra`` (label, pattern, the whole first word)."""
        out = Dispatch.__new__(Dispatch)
        out.labels = [*self.labels, *(label for label, _, _ in extra)]
        out.sources = [*self.sources, *(source for _, source, _ in extra)]
        out.compiled = [*self.compiled, *([None] * len(extra))]
        out.whole = {k: list(v) for k, v in self.whole.items()}
        out.starts = self.starts
        out.anywhere = self.anywhere
        out.needs = self.needs
        out.sizes = self.sizes
        out._memo = {}
        for n, (_, _, word) in enumerate(extra, start=len(self.labels)):
            out.whole.setdefault(word, []).append((n, None))
        return out

    def _needs(self, n: int) -> tuple[str, ...]:
        """What every match of pattern ``n`` holds, lower-case: read once from its tree."""
        needs = self.needs.get(n)
        if needs is None:
            needs = self.needs[n] = required(self.sources[n])
        return needs

    def _compile(self, n: int) -> re.Pattern[str]:
        pattern = self.compiled[n] = re.compile(self.sources[n], re.IGNORECASE)
        return pattern

    def _candidates(self, word: str) -> list[tuple[int, Then]]:
        """The patterns that may start at ``word``, each once, in the order they were given,
        with what the next word may start with (all the ways in which it can start here)."""
        found: dict[int, Then] = {}
        ways = [*self.whole.get(word, ())]
        for size in self.sizes:
            ways += [
                (n, t) for key, n, t in self.starts.get(word[:size], ()) if word.startswith(key)
            ]
        for n, then in ways:
            if n not in found:
                found[n] = then
            elif found[n] is not None:
                found[n] = None if then is None else (*found[n], *then)  # type: ignore[misc]
        return sorted(found.items())


def _around(low: str, mark: str) -> list[tuple[int, int]]:
    """The stretches of text where a match holding ``mark`` can be: the lines before, with
    and after each place it is (a pattern tried everywhere costs a search at every position;
    these are a few lines). The whole text when there is no mark to go by."""
    if not mark:
        return [(0, len(low))]
    out: list[tuple[int, int]] = []
    at = low.find(mark)
    while at >= 0:
        start = low.rfind("\n", 0, max(0, low.rfind("\n", 0, at))) + 1
        end = low.find("\n", low.find("\n", at + len(mark)) + 1)
        end = len(low) if end < 0 or low.find("\n", at + len(mark)) < 0 else end
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
        at = low.find(mark, end) if end < len(low) else -1
    return out


@cache
def _everything() -> Dispatch:
    from actionplan.guard import secrets, tickets
    from actionplan.guard.framing import FAMILIES

    framing = [(rule, source) for rule, family in FAMILIES for source in family]
    return Dispatch(framing + tickets.worded_patterns() + secrets.worded_patterns())


@lru_cache(maxsize=16)
def _with_names(context: Context) -> Dispatch:
    from actionplan.guard.framing import phrase_patterns
    from actionplan.guard.people import name_patterns

    return _everything().extended(name_patterns(context) + phrase_patterns(context))


@lru_cache(maxsize=8)
def worded(text: str, context: Context) -> dict[str, list[tuple[int, int]]]:
    """Every word-led pattern's matches in ``text`` (this context's names too), by label, in
    one pass over its words (the detectors of one scan share it)."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for label, start, end in _with_names(context).finditer(text):
        hits.setdefault(label, []).append((start, end))
    return hits
