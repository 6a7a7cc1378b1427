"""How people slip: refusals, concealment, blame, judgements, money, staffing, sales, swearing.

Each family is a set of patterns over folded text (see ``normalize``), written for the kinds
of thing people type, not for particular sentences: a subject, a negation, a verb of doing
the work; "keep it quiet" in its many forms; an insult aimed at people. Matching ignores case.
The patterns are data in ``evasion`` (refusals, concealment, blame) and ``asides`` (the rest);
here they are listed in the order their findings are reported, and run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from actionplan.guard.asides import (
    ADMISSION,
    CHAT_TALK,
    JUDGEMENT,
    MARKER,
    MONEY,
    MORE_JUDGEMENT,
    MORE_MONEY,
    MORE_PROFANITY,
    MORE_SALES,
    MORE_STAFFING,
    PROFANITY,
    SALES,
    STAFFING,
)
from actionplan.guard.evasion import (
    BLAME,
    CONCEALMENT,
    MORE_BLAME,
    MORE_CONCEALMENT,
    MORE_REFUSAL,
    REFUSAL,
)
from actionplan.guard.normalize import fold
from actionplan.guard.rules import Context, Hits

Span = tuple[str, int, int]

FAMILIES = (
    ("refusal", REFUSAL),
    ("concealment", CONCEALMENT),
    ("blame", BLAME),
    ("judgement", JUDGEMENT),
    ("money", MONEY),
    ("staffing", STAFFING),
    ("sales", SALES),
    ("profanity", PROFANITY),
    ("admission", ADMISSION),
    ("marker", MARKER),
    ("refusal", MORE_REFUSAL),
    ("concealment", MORE_CONCEALMENT),
    ("blame", MORE_BLAME),
    ("judgement", MORE_JUDGEMENT),
    ("money", MORE_MONEY),
    ("staffing", MORE_STAFFING),
    ("sales", MORE_SALES),
    ("profanity", MORE_PROFANITY),
    ("chat", CHAT_TALK),
)


def framing(text: str, ctx: Context, hits: Hits) -> Iterator[Span]:
    """Every framing family's matches, and the user's own deny-list phrases."""
    for rule in dict.fromkeys(rule for rule, _ in FAMILIES):
        for start, end in hits.get(rule, ()):
            if not ctx.allowed(text[start:end]):
                yield rule, start, end
    for start, end in hits.get("phrase", ()):
        yield "phrase", start, end


def phrase_patterns(ctx: Context) -> list[tuple[str, str, str]]:
    """The deny-list's phrases as (label, pattern, first word), for the guard's pass over
    words: whole words, any spacing between them, as folded text reads them."""
    out = []
    for phrase in ctx.phrases:
        folded = fold(phrase.strip()).text
        words = _WORDS.findall(folded.lower())
        if words:
            source = re.escape(folded).replace(r"\ ", r"\s+")
            out.append(("phrase", r"(?<!\w)(?:" + source + r")(?!\w)", words[0]))
    return out


_WORDS = re.compile(r"[\w']+|[^\s\w]")  # the guard's words (see dispatch)
