"""Names that must not reach a client: our people in any form, and other clients' contacts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from actionplan.guard.rules import Context, Hits

Span = tuple[str, int, int]

# First names and surnames that are also ordinary words: matched only when they read as a name
# (capitalised, not starting a sentence), so "Grant access" and "the price" stay quiet.
COMMON_WORDS = frozenset(
    [
        "will",
        "may",
        "mark",
        "bill",
        "rob",
        "pat",
        "sue",
        "joy",
        "hope",
        "faith",
        "art",
        "chase",
        "dean",
        "drew",
        "gene",
        "guy",
        "jack",
        "ray",
        "rich",
        "grant",
        "price",
        "wells",
        "brown",
        "green",
        "white",
        "black",
        "young",
        "king",
        "hill",
        "wood",
        "hall",
        "long",
        "little",
        "baker",
        "cook",
        "turner",
        "walker",
        "mason",
        "page",
        "rose",
        "bell",
        "fox",
        "lane",
        "marsh",
        "moore",
        "sharp",
        "short",
        "strong",
        "frost",
        "love",
        "field",
        "fields",
        "best",
        "hunt",
        "hunter",
        "hart",
        "rock",
        "stone",
        "bishop",
        "cross",
        "golden",
        "summer",
        "winter",
        "spring",
        "may",
        "june",
        "april",
        "august",
        "carter",
        "miller",
        "smith",
        "taylor",
        "cooper",
        "fisher",
        "porter",
        "parker",
        "ward",
        "chambers",
        "banks",
        "bond",
        "brooks",
        "cash",
        "day",
        "north",
        "south",
        "west",
        "east",
        "park",
        "river",
        "lake",
        "ford",
        "sky",
        "amber",
        "autumn",
        "crystal",
        "dawn",
        "eve",
        "iris",
        "ivy",
        "jade",
        "lily",
        "pearl",
        "ruby",
        "sky",
        "star",
        "violet",
        "will",
        "bob",
        "don",
        "jay",
        "kit",
        "max",
        "ben",
        "sonny",
        "rusty",
        "dusty",
        "sandy",
        "penny",
    ]
)


def _name_pattern(name: str) -> str:
    return r"\s+".join(re.escape(part) for part in name.split())


def people(text: str, ctx: Context, hits: Hits) -> Iterator[Span]:
    """Our staff by full name, "Last, First", "F. Last", first name, e-mail local part;
    and contacts of other clients by full name or "Last, First" (found in the one pass over
    the words: see ``name_patterns``)."""
    for label in ("sfull", "slocal", "ofull", "sfirst", "slast"):
        for start, end in hits.get(label, ()):
            found = text[start:end]
            if label in ("sfirst", "slast") and not _reads_as_name(text, start, found):
                continue
            if not ctx.allowed(found):
                yield ("other-client" if label == "ofull" else "staff"), start, end


def _reads_as_name(text: str, start: int, found: str) -> bool:
    """A lone first name or surname counts when capitalised, and, if it is also a common word,
    when it is not the first word of a sentence."""
    if not found[:1].isupper():
        return False
    if found.casefold() not in COMMON_WORDS:
        return True
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"'(-\n"


def name_patterns(ctx: Context) -> list[tuple[str, str, str]]:
    """(label, pattern, first word) for every form of every name the guard looks for."""
    out: list[tuple[str, str, str]] = []

    def add(label: str, words: list[str], source: str) -> None:
        out.append((label, r"(?<![\w])(?:" + source + r")(?![\w])", words[0].lower()))

    mine = {n.casefold() for n in (ctx.signed_by,) if n}
    contact_firsts = {c.split()[0].casefold() for c in ctx.client_contacts if c.split()}
    contact_lasts = {c.split()[-1].casefold() for c in ctx.client_contacts if c.split()}
    for name in ctx.staff:
        parts = _WORDS.findall(name)
        if not parts or name.casefold() in mine:
            continue
        add("sfull", parts, _name_pattern(name))
        if len(parts) >= 2:
            first, last = parts[0], parts[-1]
            add("sfull", [last], rf"{re.escape(last)},\s*{re.escape(first)}")
            add("sfull", [first[0]], rf"{re.escape(first[0])}\.?\s*{re.escape(last)}")
            if len(first) >= 3 and first.casefold() not in contact_firsts:
                add("sfirst", [first], re.escape(first))
            if len(last) >= 4 and last.casefold() not in contact_lasts:
                add("slast", [last], re.escape(last))
            for local in (f"{first}.{last}", f"{first[0]}.{last}", f"{first}_{last}"):
                add("slocal", [local.split(".")[0]], re.escape(local))
            for local in (f"{first}{last}", f"{first[0]}{last}"):
                add("slocal", [local], re.escape(local))
        elif len(parts[0]) >= 3:
            add("sfirst", parts, re.escape(parts[0]))
    for address in ctx.staff_emails:
        local = address.split("@")[0]
        if len(local) >= 3:
            add("slocal", _WORDS.findall(local) or [local], re.escape(local))
    for name in ctx.other_contacts:
        parts = _WORDS.findall(name)
        if len(parts) >= 2:
            add("ofull", parts, _name_pattern(name))
            add("ofull", [parts[-1]], rf"{re.escape(parts[-1])},\s*{re.escape(parts[0])}")
    return out


_WORDS = re.compile(r"[^\W_]+")
