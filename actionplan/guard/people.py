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
    and contacts of other clients by full name or "Last, First"."""
    pattern = _compiled(ctx)
    if pattern is None:
        return
    for m in pattern.finditer(text):
        kind = m.lastgroup or ""
        rule = "other-client" if kind.startswith("o") else "staff"
        found = m.group(0)
        if kind in ("sfirst", "slast") and not _reads_as_name(text, m.start(), found):
            continue
        if ctx.allowed(found):
            continue
        yield rule, m.start(), m.end()


def _reads_as_name(text: str, start: int, found: str) -> bool:
    """A lone first name or surname counts when capitalised, and, if it is also a common word,
    when it is not the first word of a sentence."""
    if not found[:1].isupper():
        return False
    if found.casefold() not in COMMON_WORDS:
        return True
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"'(-\n"


def _compiled(ctx: Context) -> re.Pattern[str] | None:
    if "people" in ctx._compiled:
        cached = ctx._compiled["people"]
        return cached if isinstance(cached, re.Pattern) else None
    full: list[str] = []
    firsts: set[str] = set()
    lasts: set[str] = set()
    locals_: set[str] = set()
    mine = {n.casefold() for n in (ctx.signed_by,) if n}
    contact_firsts = {c.split()[0].casefold() for c in ctx.client_contacts if c.split()}
    contact_lasts = {c.split()[-1].casefold() for c in ctx.client_contacts if c.split()}
    for name in ctx.staff:
        parts = name.split()
        if not parts or name.casefold() in mine:
            continue
        full.append(_name_pattern(name))
        if len(parts) >= 2:
            first, last = parts[0], parts[-1]
            full.append(rf"{re.escape(last)},\s*{re.escape(first)}")
            full.append(rf"{re.escape(first[0])}\.?\s*{re.escape(last)}")
            if len(first) >= 3 and first.casefold() not in contact_firsts:
                firsts.add(first)
            if len(last) >= 4 and last.casefold() not in contact_lasts:
                lasts.add(last)
            locals_ |= {
                f"{first}.{last}",
                f"{first[0]}.{last}",
                f"{first}{last}",
                f"{first[0]}{last}",
                f"{first}_{last}",
            }
        elif len(parts[0]) >= 3:
            firsts.add(parts[0])
    for address in ctx.staff_emails:
        local = address.split("@")[0]
        if len(local) >= 3:
            locals_.add(local)
    others: list[str] = []
    for name in ctx.other_contacts:
        parts = name.split()
        if len(parts) >= 2:
            others.append(_name_pattern(name))
            others.append(rf"{re.escape(parts[-1])},\s*{re.escape(parts[0])}")
    groups = []
    if full:
        groups.append(f"(?P<sfull>{'|'.join(sorted(full, key=len, reverse=True))})")
    if locals_:
        groups.append(f"(?P<slocal>{'|'.join(re.escape(x) for x in sorted(locals_))})")
    if others:
        groups.append(f"(?P<ofull>{'|'.join(sorted(others, key=len, reverse=True))})")
    if firsts:
        groups.append(f"(?P<sfirst>{'|'.join(re.escape(x) for x in sorted(firsts))})")
    if lasts:
        groups.append(f"(?P<slast>{'|'.join(re.escape(x) for x in sorted(lasts))})")
    pattern = (
        re.compile(r"(?<![\w])(?:" + "|".join(groups) + r")(?![\w])", re.IGNORECASE)
        if groups
        else None
    )
    ctx._compiled["people"] = pattern
    return pattern
