"""What a finding is, and the small types every detector shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

# Rule names, and how each is explained to the account manager.
EXPLAIN = {
    "ticket": "an internal ticket id",
    "email": "an e-mail address",
    "host": "an internal host name or domain",
    "ip": "a private IP address",
    "path": "a file or network path",
    "chat": "a chat channel, handle or link",
    "link": "a link to an internal system",
    "secret": "a password, key or token",
    "staff": "the name of someone on our side",
    "other-client": "a contact of another client",
    "refusal": "says we won't fix, support or deliver",
    "concealment": "keeps something from the client",
    "blame": "shifts blame",
    "judgement": "judges the client or their people",
    "money": "margins, pricing or billing talk",
    "staffing": "our staffing or resourcing",
    "sales": "sales talk",
    "profanity": "profanity",
    "admission": "an internal admission or slip",
    "marker": "marked internal",
    "phrase": "a phrase on your deny-list",
    "tone": "sounds internal",
}


Span = tuple[str, int, int]
"""What a detector yields: (rule, start, end) in the folded text."""

Hits = dict[str, list[tuple[int, int]]]
"""Matches of the word-led patterns, by label (see ``dispatch.worded``)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing that sounds internal: the rule, and where it is in the original text."""

    rule: str
    start: int
    end: int
    found: str
    detail: str = ""

    @property
    def why(self) -> str:
        """The rule in words, for the account manager (and, for tone, the words that weighed)."""
        why = EXPLAIN.get(self.rule, self.rule)
        return f"{why} ({self.detail})" if self.detail else why

    def __str__(self) -> str:
        return f"{self.why}: {self.found!r}"


@dataclass(frozen=True)
class Context:
    """What the guard knows beyond the text: our people, our domains, this client's allow-list.

    Attributes:
        staff: full names of our people (side "us").
        staff_emails: their e-mail addresses, if known.
        our_domains: our internal domains (config ``guard.internal_domains``).
        client_contacts: this client's own people, who may be named.
        other_contacts: contacts of other clients, who must not be.
        allow: this client's allow-list: ticket prefixes, domains, host names, products.
        signed_by: the account manager, whose own name may sign the summary.
        phrases: extra deny-list phrases (shipped and the user's own file).
    """

    staff: tuple[str, ...] = ()
    staff_emails: tuple[str, ...] = ()
    our_domains: tuple[str, ...] = ()
    client_contacts: tuple[str, ...] = ()
    other_contacts: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    signed_by: str = ""
    phrases: tuple[str, ...] = ()

    def __hash__(self) -> int:
        """Hashed once (a context is a key of every cached scan, thousands per summary)."""
        value: int | None = self.__dict__.get("_hash")
        if value is None:
            value = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", value)
        return value

    def allowed(self, found: str) -> bool:
        """Whether the allow-list covers this text: a term that starts a word of it ("HD-" in
        "HD-4411", "acme.com" in "it@acme.com"), or the whole of it inside a term. A term
        inside a word ("co" in "contoso") does not count, so a short term cannot let much by."""
        low = found.casefold()
        for term in self.allow:
            t = term.casefold().strip()
            if t and (_within(t, low) or (len(low) >= 3 and _within(low, t))):
                return True
        return False


def _within(part: str, whole: str) -> bool:
    """``part`` in ``whole`` as whole words: it starts a word, and ends one unless it ends in a
    mark ("HD-" starts "HD-4411"; "st" is not in "staff", nor "dana" in "danaher")."""
    at = whole.find(part)
    while at >= 0:
        end = at + len(part)
        starts = at == 0 or not whole[at - 1].isalnum()
        ends = end == len(whole) or not whole[end].isalnum() or not part[-1].isalnum()
        if starts and ends:
            return True
        at = whole.find(part, at + 1)
    return False


def compile_family(*patterns: str) -> tuple[str, ...]:
    """A family's patterns as their alternatives, each anchored at word edges (compiled on
    first use, not here; see ``dispatch``)."""
    from actionplan.guard.dispatch import split

    return tuple(source for _, source in split([("", p) for p in patterns], edge=True))


def free(text: str, start: int, also: str = "") -> bool:
    """Whether a match may start here: not inside a word (nor after one of ``also``)."""
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before == "_" or before in also)


def trimmed(m: re.Match[str]) -> int:
    """The end of a link, without the sentence's closing punctuation."""
    return m.start() + len(m.group(0).rstrip(".,;:!?"))
