"""Many patterns over long text, fast: each pattern is tried only at the words it can start with.

Python's regex engine tries a pattern at every position; with hundreds of alternatives that
costs seconds on a long summary. Here the words each pattern can start with are read from its
parse tree once: a whole word ("nobody"), or the start of one ("deprioriti…"). The text is
cut into words once, and at each word only the patterns that can start there are tried. A
pattern whose start cannot be read that way (a class such as ``\\d``, or anything optional of
any shape) is searched the usual way, so nothing is skipped that the pattern could match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from actionplan.guard.rules import Context

_PREFIX = 4  # the longest start of a word used as a key
_TOKEN = re.compile(r"[\w']+|[^\s\w]")
_WORDISH = re.compile(r"[\w']")
Key = tuple[str, bool]  # (text, whole word?)


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
        self.whole: dict[str, list[int]] = {}
        self.starts: dict[str, list[int]] = {}
        self.anywhere: list[int] = []
        self.then: list[tuple[str, ...] | None] = []
        for n, (keys, then) in enumerate(_index(self.sources)):
            self.then.append(then)
            if keys is None:
                self.anywhere.append(n)
                continue
            for text, whole in keys:
                table = self.whole if whole else self.starts
                table.setdefault(text if whole else text[:_PREFIX], []).append(n)
        self.sizes = sorted({len(k) for k in self.starts})
        self._memo: dict[str, list[int]] = {}  # word -> the patterns that may start there

    def finditer(self, text: str) -> Iterator[tuple[str, int, int]]:
        """Every (label, start, end) match, patterns tried only where they can start."""
        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lowered
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        compiled, labels, then = self.compiled, self.labels, self.then
        memo = self._memo
        if len(memo) > 100_000:
            memo.clear()
        tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(low)]
        tokens.append((len(low), ""))
        for i in range(len(tokens) - 1):
            pos, word = tokens[i]
            found = memo.get(word)
            if found is None:
                found = memo[word] = self._candidates(word)
            if not found:
                continue
            following = tokens[i + 1][1]
            for n in found:
                needs = then[n]
                if needs is not None and not following.startswith(needs):
                    continue  # the next word cannot be this pattern's second word
                pattern = compiled[n] or self._compile(n)
                m = pattern.match(text, pos)
                if m and m.end() > pos:
                    yield labels[n], pos, m.end()
        for n in self.anywhere:
            for m in (compiled[n] or self._compile(n)).finditer(text):
                if m.end() > m.start():
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
        out.then = [*self.then, *([None] * len(extra))]
        out.sizes = self.sizes
        out._memo = {}
        for n, (_, _, word) in enumerate(extra, start=len(self.labels)):
            out.whole.setdefault(word, []).append(n)
        return out

    def _compile(self, n: int) -> re.Pattern[str]:
        pattern = self.compiled[n] = re.compile(self.sources[n], re.IGNORECASE)
        return pattern

    def _candidates(self, word: str) -> list[int]:
        found = list(self.whole.get(word, ()))
        for size in self.sizes:
            found += self.starts.get(word[:size], ())
        return found


def _index(sources: list[str]) -> list[tuple[set[Key] | None, tuple[str, ...] | None]]:
    """Each pattern's keys and second words: read from the user's cache when the patterns are
    the same as last time (reading them from parse trees costs a quarter of a second)."""
    import hashlib
    import json

    digest = hashlib.sha256("\0".join(sources).encode("utf-8")).hexdigest()[:24]
    path = _cache_folder() / f"guard-index-{digest}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return [
            (None if keys is None else {(k, bool(w)) for k, w in keys},
             None if then is None else tuple(then))
            for keys, then in stored
        ]  # fmt: skip
    except (OSError, ValueError, TypeError):
        pass
    index = [_analyse(source) for source in sources]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = [[None if k is None else sorted(k), t] for k, t in index]
        tmp = path.with_suffix(f".{__import__('os').getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: computed again next time, nothing lost
    return index


def _cache_folder() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("actionplan")


def _analyse(source: str) -> tuple[set[Key] | None, tuple[str, ...] | None]:
    """One parse of a pattern: ``starts_of`` and ``second_words`` of it."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        tree = list(_parser.parse(source, re.IGNORECASE))
    except re.error:
        return None, None
    return _known(_walk(tree, "")), _seconds(_known(_walk(tree, "", second=True)))


def starts_of(source: str) -> set[Key] | None:
    """The words (or starts of words, lower-case) every match must begin with; None when
    they cannot be known."""
    return _analyse(source)[0]


def second_words(source: str) -> tuple[str, ...] | None:
    """When every match is a whole word, spaces, then another word: the starts (up to four
    letters) that second word can have. None when not known (then nothing is filtered)."""
    return _analyse(source)[1]


def _known(keys: set[Key] | None) -> set[Key] | None:
    return None if not keys or any(not text for text, _ in keys) else keys


def _seconds(keys: set[Key] | None) -> tuple[str, ...] | None:
    return None if keys is None else tuple(sorted({text[:_PREFIX] for text, _ in keys}))


def _walk(seq: list[Any], acc: str, *, second: bool = False) -> set[Key] | None:
    """The keys a sequence of parse nodes starts with (see ``starts_of``); with ``second``,
    the keys of the word after the first word and its spaces."""
    from re import _constants as c  # type: ignore[attr-defined]

    if second and not seq:
        return None
    if not seq:
        return {(acc, True)} if acc else None
    op, av = seq[0]
    rest = seq[1:]
    if op is c.LITERAL:
        ch = chr(av).lower()
        if _WORDISH.match(ch):
            return _walk(rest, acc + ch, second=second)
        if second:
            return None
        return {(acc, True)} if acc else {(ch, True)}
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _walk(rest, acc, second=second)
    if op is c.SUBPATTERN:
        return _walk(list(av[-1]) + rest, acc, second=second)
    if op is c.BRANCH:
        return _union(_walk(list(branch) + rest, acc, second=second) for branch in av[1])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, sub = av
        if second:
            if acc and low and _is_space(list(sub), c):
                return _walk(rest, "")  # the first word ended; what can the next one be?
            return None
        if acc and not _may_be_wordish(list(sub), c):
            taken: set[Key] | None = {(acc, True)}  # spaces or marks: the word ends here
        else:
            taken = _as_starts(_walk(list(sub), acc))
        return taken if low else _union([taken, _walk(rest, acc)])
    if second:
        return None
    if op is c.IN:
        if all(o is c.LITERAL for o, _ in av):
            return _union(_walk([(c.LITERAL, code), *rest], acc) for _, code in av)
        if acc:
            return {(acc, not _may_be_wordish(av, c))}
        return None
    return {(acc, False)} if acc else None


def _is_space(members: Any, c: Any) -> bool:
    if len(members) == 1 and members[0][0] is c.IN:
        members = members[0][1]
    return all(op is c.CATEGORY and av is c.CATEGORY_SPACE for op, av in members)


def _union(parts: Any) -> set[Key] | None:
    out: set[Key] = set()
    for part in parts:
        if part is None:
            return None
        out |= part
    return out


def _as_starts(keys: set[Key] | None) -> set[Key] | None:
    # After a repeat, more of the same may follow: a whole word becomes a start of one.
    return None if keys is None else {(text, False) for text, _ in keys}


def _may_be_wordish(members: Any, c: Any) -> bool:
    """Whether a class (or a one-element sequence holding one) can match a word character."""
    if len(members) == 1 and members[0][0] is c.IN:
        members = members[0][1]
    for op, av in members:
        if op is c.LITERAL:
            if _WORDISH.match(chr(av)):
                return True
        elif op is c.CATEGORY:
            if av is not c.CATEGORY_SPACE:
                return True
        else:  # a range, a negation, a group, anything else
            return True
    return False


@cache
def _everything() -> Dispatch:
    from actionplan.guard import secrets, tickets
    from actionplan.guard.framing import FAMILIES

    framing = [(rule, source) for rule, family in FAMILIES for source in family]
    return Dispatch(framing + tickets.worded_patterns() + secrets.worded_patterns())


@lru_cache(maxsize=16)
def _with_names(context: Context) -> Dispatch:
    from actionplan.guard.people import name_patterns

    return _everything().extended(name_patterns(context))


@lru_cache(maxsize=8)
def worded(text: str, context: Context) -> dict[str, list[tuple[int, int]]]:
    """Every word-led pattern's matches in ``text`` (this context's names too), by label, in
    one pass over its words (the detectors of one scan share it)."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for label, start, end in _with_names(context).finditer(text):
        hits.setdefault(label, []).append((start, end))
    return hits
