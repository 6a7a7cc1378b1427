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
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from actionplan.guard.rules import Context

_PREFIX = 4  # the longest start of a word used as a key
_SPLIT = re.compile(r"([\w']+|[^\s\w])")  # words, and each mark alone
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


Then = tuple[str, ...] | None  # the starts the next word may have (None: any)


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
        for n, keys in enumerate(_index(self.sources)):
            if keys is None:
                self.anywhere.append(n)
                continue
            for text, whole, then in keys:
                if whole:
                    self.whole.setdefault(text, []).append((n, then))
                else:
                    self.starts.setdefault(text[:_PREFIX], []).append((text, n, then))
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
            needs = self.needs[n] = _required(self.sources[n])
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


Keys = list[tuple[str, bool, Then]] | None  # a pattern's keys, or None: tried anywhere


def _index(sources: list[str]) -> list[Keys]:
    """Each pattern's keys, with the next word's starts: read from the user's cache when the
    patterns are the same as last time (reading them from parse trees costs a quarter of a
    second)."""
    import hashlib
    import json

    digest = hashlib.sha256("\0".join([_VERSION, *sources]).encode("utf-8")).hexdigest()[:24]
    path = _cache_folder() / f"guard-index-{digest}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return [
            None if keys is None
            else [(str(k), bool(w), None if t is None else tuple(t)) for k, w, t in keys]
            for keys in stored
        ]  # fmt: skip
    except (OSError, ValueError, TypeError):
        pass
    index = [_analyse(source) for source in sources]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{__import__('os').getpid()}.tmp")
        tmp.write_text(json.dumps(index), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: computed again next time, nothing lost
    return index


_VERSION = "keys-2"  # what the cached index holds; a new layout gets a new name


def _cache_folder() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("actionplan")


def _analyse(source: str) -> Keys:
    """The words (or starts of words, lower-case) a pattern's matches can begin with, each
    with the starts (up to four letters) the word after it can have when that is known.

    The pattern's leading choices are spread out first ("(?:we|the team)\\s+..." is read as
    "we ..." and "the team ..."), so that each first word gets its own second words. None
    when a start cannot be known (a class such as ``\\d``, anything optional of any shape).
    """
    from re import _parser  # type: ignore[attr-defined]

    try:
        tree = list(_parser.parse(source, re.IGNORECASE))
    except re.error:
        return None
    keys: dict[tuple[str, bool], Then] = {}
    for seq in _fronts(tree):
        starts = _known(_walk(seq, ""))
        if starts is None:
            return None
        then = _seconds(_known(_walk(seq, "", second=True)))
        for key in starts:
            if key not in keys:
                keys[key] = then
            elif keys[key] is not None:
                keys[key] = None if then is None else tuple(sorted({*keys[key], *then}))  # type: ignore[misc]
    return sorted((text, whole, then) for (text, whole), then in keys.items())


def _required(source: str) -> tuple[str, ...]:
    """Runs of plain characters every match of a pattern holds (lower-case): "%" and
    "margin" are not both required in "\\d+%\\s+(?:margin|mark-?up)", "%" is."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    try:
        seq = list(_parser.parse(source, re.IGNORECASE))
    except re.error:
        return ()
    runs, run = [], ""
    while seq:
        op, av = seq.pop(0)
        if op is c.SUBPATTERN:
            seq = list(av[-1]) + seq
            continue
        if op is c.LITERAL:
            run += chr(av).lower()
            continue
        repeat = op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1 and len(av[2]) == 1
        if repeat and av[2][0][0] is c.LITERAL:  # "x+": one x at least, then the run ends
            runs.append(run + chr(av[2][0][1]).lower())
            run = ""
            continue
        runs.append(run)
        run = ""
    runs.append(run)
    return tuple(r for r in runs if r)


def _fronts(tree: list[Any], limit: int = 64) -> list[list[Any]]:
    """The ways a match can begin: a parse tree with its leading groups, choices and optional
    parts spread out into one sequence each (the tree itself when there would be too many)."""
    from re import _constants as c  # type: ignore[attr-defined]

    out: list[list[Any]] = []
    todo = [tree]
    while todo:
        seq = todo.pop()
        i = 0
        while i < len(seq) and seq[i][0] in (c.AT, c.ASSERT, c.ASSERT_NOT):
            i += 1
        if i == len(seq):
            out.append(seq)
            continue
        op, av = seq[i]
        head, rest = seq[:i], seq[i + 1 :]
        if op is c.SUBPATTERN:
            todo.append(head + list(av[-1]) + rest)
        elif op is c.BRANCH:
            todo.extend(head + list(branch) + rest for branch in av[1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and (av[0], av[1]) == (0, 1):
            todo += [head + list(av[2]) + rest, head + rest]
        else:
            out.append(seq)
        if len(out) + len(todo) > limit:
            return [tree]
    return out


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
        if second:  # a mark right after the first word is the next word ("f" then "*")
            return {(ch, True)} if acc else None
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
            if acc and low and not _may_be_wordish(list(sub), c):
                return _walk(list(sub), acc, second=True)  # marks: the first is the next word
            if acc and _only_wordish(list(sub), c):
                return _walk(rest, acc, second=True)  # the first word goes on, then ends
            return None
        if acc and not _may_be_wordish(list(sub), c):
            taken: set[Key] | None = {(acc, True)}  # spaces or marks: the word ends here
        else:
            taken = _as_starts(_walk(list(sub), acc))
        return taken if low else _union([taken, _walk(rest, acc)])
    if op is c.IN and all(o is c.LITERAL for o, _ in av):
        return _union(_walk([(c.LITERAL, code), *rest], acc, second=second) for _, code in av)
    if second:
        return None
    if op is c.IN:
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


def _only_wordish(members: Any, c: Any) -> bool:
    """Whether a class (or a one-element sequence holding one) matches word characters only."""
    if len(members) == 1 and members[0][0] is c.IN:
        members = members[0][1]
    for op, av in members:
        if op is c.LITERAL:
            if not _WORDISH.match(chr(av)):
                return False
        elif op is c.RANGE:
            if not all(_WORDISH.match(chr(x)) for x in (av[0], av[1])) or av[1] - av[0] > 25:
                return False
        elif not (op is c.CATEGORY and av in (c.CATEGORY_WORD, c.CATEGORY_DIGIT)):
            return False
    return True


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
