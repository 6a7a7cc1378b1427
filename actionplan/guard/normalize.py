"""Text folded for matching (NFKC, quotes, dashes, spaces), with a map back to the original."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Typed by Word, Outlook, phones and chat apps in place of the plain characters.
_FOLD = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4\uff07", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    "\u2026": "...",
}
# Invisible characters that split a word without showing: removed, never matched on.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e")
_INVISIBLE_RE = re.compile("[" + "".join(sorted(_INVISIBLE)) + "]")
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class Folded:
    """Text ready for matching, and where each of its characters came from in the original."""

    text: str
    origin: tuple[int, ...]
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's span for a span of the folded text."""
        if not self.origin:
            return 0, 0
        first = self.origin[min(start, len(self.origin) - 1)]
        last = self.origin[max(min(end, len(self.origin)) - 1, 0)]
        return first, self._end_of(last)

    def _end_of(self, index: int) -> int:
        # An original character may have become several folded ones (NFKC "ﬁ" → "fi").
        return min(index + 1, len(self.original))


# One character for one: quotes, dashes and every kind of space. Text folded with this alone
# keeps its positions, so no map back is needed (the common case, and the fast one).
_SAME_LENGTH: dict[str, str] = {
    **{k: v for k, v in _FOLD.items() if len(v) == 1},
    **dict.fromkeys(map(chr, (0x09, 0x0B, 0x0C, 0x85, 0xA0, 0x1680)), " "),
    "\r": "\n",
    **dict.fromkeys(map(chr, range(0x2000, 0x200B)), " "),
    **dict.fromkeys(map(chr, (0x2028, 0x2029, 0x202F, 0x205F, 0x3000)), " "),
}
_NEEDS_FOLD = re.compile("[" + re.escape("".join(_SAME_LENGTH)) + "]")


class _Identity(tuple[int, ...]):
    """Positions that map to themselves, without a tuple as long as the text."""

    def __new__(cls, size: int) -> _Identity:
        return super().__new__(cls)

    def __init__(self, size: int) -> None:
        self.size = size

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, index: int) -> int:  # type: ignore[override]
        return index

    def __bool__(self) -> bool:
        return self.size > 0


def fold(text: str) -> Folded:
    """Fold text for matching: NFKC, curly quotes and dashes made plain, every whitespace
    character (line breaks, non-breaking and ideographic spaces, tabs) a plain space,
    invisible characters dropped. Letter case is kept; matchers ignore it where they should.
    Runs of spaces are left as they are: every pattern allows any run between words.
    """
    if text.isascii():  # translate() with a table is slow on long text; ASCII needs only these
        quick = text
        for ch, to in (("\t", " "), ("\r", "\n"), ("\x0b", " "), ("\x0c", " "), ("`", "'")):
            if ch in quick:
                quick = quick.replace(ch, to)
    elif _NEEDS_FOLD.search(text):  # a few curly quotes in a long text: fold just those
        quick = _NEEDS_FOLD.sub(lambda m: _SAME_LENGTH[m.group()], text)
    else:
        quick = text
    plain = quick.isascii() or (
        unicodedata.is_normalized("NFKC", quick) and not _INVISIBLE_RE.search(quick)
    )
    if plain and not _CONTROL.search(quick):
        return Folded(quick, _Identity(len(text)), text)
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch in _INVISIBLE:
            continue
        if ch in "\n\r":
            out.append("\n")
            origin.append(i)
            continue
        if ch.isspace() or unicodedata.category(ch) in ("Zs", "Cc"):
            out.append(" ")
            origin.append(i)
            continue
        folded = _FOLD.get(ch)
        if folded is None:
            folded = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
            folded = "".join(_FOLD.get(c, c) for c in folded)
        for piece in folded:
            out.append(piece)
            origin.append(i)
    return Folded("".join(out), tuple(origin), text)
