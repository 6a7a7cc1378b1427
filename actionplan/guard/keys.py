"""Where a pattern can start: the words, or starts of words, read once from its parse tree.

A pattern's keys are the words (lower-case) its matches can begin with, whole ("nobody") or
as a start ("deprioriti…"), each with the starts the word after it can have. None when a start
cannot be known that way: ``dispatch`` then searches for the pattern the usual way, where the
plain runs every match holds (``required``) say it can be. The keys of a set of patterns are
kept in the user's cache folder, since reading them costs a quarter of a second.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

PREFIX = 4  # the longest start of a word used as a key
_WORDISH = re.compile(r"[\w']")
Key = tuple[str, bool]  # (text, whole word?)
Then = tuple[str, ...] | None  # the starts the next word may have (None: any)
Keys = list[tuple[str, bool, Then]] | None  # a pattern's keys, or None: tried anywhere


def index(sources: list[str]) -> list[Keys]:
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


def required(source: str) -> tuple[str, ...]:
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
    return None if keys is None else tuple(sorted({text[:PREFIX] for text, _ in keys}))


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
