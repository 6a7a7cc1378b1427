"""The guard's one entry point: fold the text, run every detector, report in the original."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from actionplan.guard.addresses import addresses, chat
from actionplan.guard.dispatch import worded
from actionplan.guard.framing import framing
from actionplan.guard.normalize import fold
from actionplan.guard.people import people
from actionplan.guard.rules import Context, Finding
from actionplan.guard.secrets import secrets
from actionplan.guard.tickets import tickets

DETECTORS = (secrets, tickets, addresses, chat, people, framing)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*•]\s)")
# Where the tone model cuts text into pieces to judge: sentences, lines, table cells.
_PIECE = re.compile(r"(?<=[.!?])\s+|\n|\s*\|\s*")


def scan(
    text: str, ctx: Context | None = None, *, tone: bool = True, wording: bool = True
) -> list[Finding]:
    """Everything in ``text`` that sounds internal, in order, spans in the original text.

    Overlapping findings are merged into the first, most specific one (a secret or an id
    before a framing phrase), so each slip is reported once. ``tone`` adds the learned model's
    verdict on each sentence the rules found nothing in; without ``wording`` only things with
    a shape are looked for (ids, addresses, names, secrets: a whole document's layout, whose
    sentences are checked one by one elsewhere).
    """
    ctx = ctx or Context()
    folded = fold(text)
    spans: list[tuple[int, int, int, str, str]] = []
    detectors = DETECTORS if wording else DETECTORS[:-1]
    # Every word-led pattern, in one pass over the words. A whole document's layout is read
    # for shapes only: its words were each read where they came from (see summary.guarding).
    hits = worded(folded.text, ctx) if wording else {}
    for rank, detector in enumerate(detectors):
        for rule, start, end in detector(folded.text, ctx, hits):
            spans.append((start, end, rank, rule, ""))
    if tone and wording:
        spans += _tone(folded.text, spans, ctx)
    spans.sort(key=lambda s: (s[0], s[2], -s[1]))
    findings: list[Finding] = []
    taken_until = -1
    for start, end, _rank, rule, detail in spans:
        if start < taken_until:
            continue
        a, b = folded.span(start, end)
        findings.append(Finding(rule, a, b, text[a:b], detail))
        taken_until = end
    return findings


# The tone model judges pieces of at least this many words: on fewer it has too little to go on.
_MIN_WORDS = 5
SEPARATOR = "\n\n"


def scan_many(
    texts: list[str], ctx: Context | None = None, *, tone: bool = True
) -> list[list[Finding]]:
    """``scan`` for many texts (a summary's notes) in one pass over them all: the same
    findings, several times faster than one call each. A match that would run from one text
    into the next is thrown away and both texts are scanned alone instead."""
    ctx = ctx or Context()
    if len(texts) < 4:
        return [scan(t, ctx, tone=tone) for t in texts]
    starts, at = [], 0
    for t in texts:
        starts.append(at)
        at += len(t) + len(SEPARATOR)
    out: list[list[Finding]] = [[] for _ in texts]
    alone: set[int] = set()
    for f in scan(SEPARATOR.join(texts), ctx, tone=False):
        i = bisect_right(starts, f.start) - 1
        base = starts[i]
        if f.end > base + len(texts[i]):
            alone |= {i, i + 1}
            continue
        out[i].append(Finding(f.rule, f.start - base, f.end - base, f.found, f.detail))
    for i in alone:
        if i < len(texts):
            out[i] = scan(texts[i], ctx, tone=False)
    if tone:
        _add_tone(texts, starts, out, ctx)
    return out


def _add_tone(texts: list[str], starts: list[int], out: list[list[Finding]], ctx: Context) -> None:
    """The tone model's findings for many texts, read from one folding of them all."""
    joined = SEPARATOR.join(texts)
    folded = fold(joined)
    ruled = [
        (starts[i] + f.start, starts[i] + f.end, 0, f.rule, f.detail)
        for i, found in enumerate(out)
        for f in found
    ]
    if len(folded.text) == len(joined):  # positions agree: the rules' spans apply as they are
        judged = _tone(folded.text, ruled, ctx)
    else:  # folding moved positions: judge every piece, then drop those the rules covered
        judged = []
        for a, b, rank, rule, detail in _tone(folded.text, [], ctx):
            a, b = folded.span(a, b)
            if not any(s < b and e > a for s, e, *_ in ruled):
                judged.append((a, b, rank, rule, detail))
    for a, b, _rank, rule, detail in judged:
        i = bisect_right(starts, a) - 1
        base = starts[i]
        out[i].append(Finding(rule, a - base, b - base, texts[i][a - base : b - base], detail))
    for found in out:
        found.sort(key=lambda f: f.start)


def _tone(
    text: str, spans: list[tuple[int, int, int, str, str]], ctx: Context
) -> list[tuple[int, int, int, str, str]]:
    from actionplan.guard.model import load_model

    model = load_model()
    if model is None:
        return []
    # Whether a piece overlaps a rule's span: the spans by start, and the furthest end so far.
    ruled = sorted((s, e) for s, e, *_ in spans)
    starts = [s for s, _ in ruled]
    reach = list(accumulate((e for _, e in ruled), max))
    out = []
    start = 0
    for m in [*_PIECE.finditer(text), None]:
        end = m.start() if m else len(text)
        before = bisect_left(starts, end)  # the spans that start inside or before the piece
        if not (before and reach[before - 1] > start):
            piece = text[start:end]
            if len(piece.split()) >= _MIN_WORDS:
                verdict = model.flags(piece)
                if verdict is not None:  # (a sentence's tone: no allow-list term excuses it)
                    words = ", ".join(repr(w) for w in verdict.words)
                    lead = len(piece) - len(piece.lstrip())
                    tail = len(piece.rstrip())
                    out.append((start + lead, start + tail, len(DETECTORS), "tone", words))
        start = m.end() if m else len(text)
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """The spans of a note's sentences (what the account manager reviews, one at a time)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def sentence_at(text: str, index: int) -> str:
    """The sentence of ``text`` that holds position ``index``."""
    for start, end in sentences(text):
        if start <= index < end:
            return text[start:end].strip()
    return text.strip()


def fingerprint(sentence: str) -> str:
    """A sentence's identity for "reviewed": folded, case and spacing ignored."""
    key = " ".join(fold(sentence).text.casefold().split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
