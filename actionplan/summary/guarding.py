"""The leak guard applied to a client's summary: its context from the database, and flags.

A flag is one finding, placed: which item and field it sits in (when it sits in one), the
sentence around it (what "reviewed" remembers), and whether that sentence has been reviewed.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from actionplan.config import Config
from actionplan.guard import Context, Finding, fingerprint, scan, sentence_at
from actionplan.guard.normalize import fold
from actionplan.guard.scan import scan_many
from actionplan.models import Client, Item, Person, Side
from actionplan.plan.guarding import reviewed_fingerprints
from actionplan.summary.model import Line, Summary
from actionplan.text import one_line, quote

_CACHE_SIZE = 20_000


@dataclass(frozen=True, slots=True)
class Flag:
    """One thing the guard found in what would leave, with where it sits."""

    rule: str
    why: str
    found: str
    item: int | None
    title: str
    field: str
    sentence: str
    fingerprint: str

    @property
    def key(self) -> str:
        """Identity of this flag, for "the user saw this one and said yes"."""
        return f"{self.item or 0}:{self.fingerprint}:{self.rule}:{self.found.casefold()}"

    @property
    def review_key(self) -> tuple[int, str, str]:
        """What reviewing it records: this item, this sentence, this kind of finding."""
        return (self.item or 0, self.fingerprint, self.rule)

    def __str__(self) -> str:
        """One line: where (item, field), why, and the words, each cut to a readable length."""
        where = f"#{self.item} {quote(self.title, 60)} ({self.field})" if self.item else self.field
        return one_line(f"{where}: {self.why}: {quote(self.found, 80)}")


@dataclass(frozen=True)
class GuardSetup:
    """Everything the guard knows about one client, read once."""

    context: Context
    reviewed: frozenset[tuple[int, str, str]]
    own: frozenset[str] = frozenset()
    """The account team's own words from the config's branding (company, contact, footer):
    a line of a document that is exactly one of them is theirs to send, not a leak."""


def base_context(config: Config, *, allow: tuple[str, ...] = (), **people: Any) -> Context:
    """What the guard knows from the settings alone (our domains, the allow-list and name in
    the config, the deny-list files), with ``people`` and a client's ``allow`` added."""
    from actionplan.summary.denylist import load_deny_list, user_deny_list

    return Context(
        our_domains=config.internal_domains,
        allow=allow + config.guard_allow,
        signed_by=config.name,
        phrases=tuple(load_deny_list(user_deny_list())),
        **people,
    )


def guard_setup(*, session: Session, client: Client, config: Config) -> GuardSetup:
    """The client's guard context: our people, their contacts, others' contacts, allow-list."""
    assert client.id is not None
    staff = tuple(session.exec(select(Person.name).where(Person.side == Side.US)).all())
    # The client's own contacts, and those of no client yet who own its items; every other
    # client-side person is another client's (in Python: SQL's NOT IN finds nobody as soon
    # as one item has no owner).
    owned = select(Item.owner_id).where(Item.client_id == client.id).distinct()
    owners = set(session.exec(owned).all())
    stmt = select(Person.name, Person.id, Person.client_id).where(Person.side == Side.CLIENT)
    contacts: list[str] = []
    others: list[str] = []
    for name, person_id, client_id in session.exec(stmt).all():
        own = client_id == client.id or (client_id is None and person_id in owners)
        (contacts if own else others).append(name)
    allow = tuple(t for t in (client.guard_allow or "").splitlines() if t.strip())
    context = base_context(
        config,
        staff=staff,
        client_contacts=tuple(contacts),
        other_contacts=tuple(others),
        allow=allow,
    )
    brand = config.branding
    return GuardSetup(
        context,
        frozenset(reviewed_fingerprints(session=session, client_id=client.id)),
        frozenset(t for t in (brand.company, brand.contact, brand.footer) if t),
    )


# What the guard found in each text, per context (a client's people and allow-list): the same
# note is checked once however often it is shown. A few contexts, each a bounded memory.
_scanned: OrderedDict[Context, dict[tuple[str, bool], list[Finding]]] = OrderedDict()
_CONTEXTS = 8


def _memory(context: Context) -> dict[tuple[str, bool], list[Finding]]:
    memory = _scanned.get(context)
    if memory is None:
        memory = _scanned[context] = {}
        while len(_scanned) > _CONTEXTS:
            _scanned.popitem(last=False)
    elif len(memory) > _CACHE_SIZE:
        memory.clear()
    return memory


def cached_scan(
    text: str, context: Context, *, tone: bool = True, wording: bool = True
) -> list[Finding]:
    """``scan``, remembered (a text's layout, read without ``wording``, is read anew)."""
    if not wording:
        return scan(text, context, tone=tone, wording=False)
    memory = _memory(context)
    found = memory.get((text, tone))
    if found is None:
        found = memory[(text, tone)] = scan(text, context, tone=tone)
    return found


def warm(texts: list[str], context: Context) -> dict[tuple[str, bool], list[Finding]]:
    """Scan every text not yet remembered, all in one pass (see ``scan_many``).

    Returns:
        The context's memory: (text, True) -> what was found in it.
    """
    memory = _memory(context)
    todo = list(dict.fromkeys(t for t in texts if t and (t, True) not in memory))
    memory.update(zip([(t, True) for t in todo], scan_many(todo, context), strict=True))
    return memory


def flags_for(summary: Summary, text: str, setup: GuardSetup) -> tuple[list[Flag], list[Flag]]:
    """What the guard finds in ``text`` (exactly what would leave) and in every client-facing
    field of the summary's items (so a slip broken up by a layout is still seen).

    Returns:
        The flags still to answer, and those the account manager has already reviewed.
    """
    ctx = setup.context
    flags: dict[str, Flag] = {}
    seen: set[tuple[str, str]] = set()
    lines = _lines(summary)
    memory = warm([v for ln in lines for v in (ln.title, ln.note, ln.owner)], ctx)
    leaving: str | None = None  # (read only when a field has a finding)
    for line in lines:
        for field, value in (
            ("title", line.title),
            ("client note", line.note),
            ("owner", line.owner),  # a team's name is typed by someone, too
        ):
            for f in memory[(value, True)] if value else ():
                if f.found not in text:  # as typed, or as this format spaces and folds it
                    leaving = _squash(text) if leaving is None else leaving
                    if _squash(f.found) not in leaving:
                        continue  # not in this format (the talk track has no notes)
                sentence = sentence_at(value, f.start)
                flag = Flag(
                    f.rule,
                    f.why,
                    f.found,
                    line.key,
                    line.title,
                    field,
                    sentence,
                    fingerprint(sentence),
                )
                flags.setdefault(flag.key, flag)
                seen.add((f.rule, _norm(f.found)))
    # What leaves, exactly, for anything with a shape (ids, addresses, names, secrets). Its
    # wording is checked sentence by sentence in the fields above, and in the summary's own
    # words (the client's name, who prepared it) here:
    for value in (summary.client, summary.prepared_by):  # names: rules only, not tone
        for f in cached_scan(value, ctx, tone=False) if value else ():
            sentence = sentence_at(value, f.start)
            flag = Flag(
                f.rule, f.why, f.found, None, "", "summary", sentence, fingerprint(sentence)
            )
            flags.setdefault(flag.key, flag)
            seen.add((f.rule, _norm(f.found)))
    # The account manager's own words for this client: read like an item's fields.
    for field, value in (
        ("headline", summary.headline),
        ("intro", summary.intro),
        ("health reason", summary.health.reason),
    ):
        for f in cached_scan(value, ctx) if value else ():
            if f.found not in text:
                leaving = _squash(text) if leaving is None else leaving
                if _squash(f.found) not in leaving:
                    continue  # not in this format
            sentence = sentence_at(value, f.start)
            flag = Flag(f.rule, f.why, f.found, None, "", field, sentence, fingerprint(sentence))
            flags.setdefault(flag.key, flag)
            seen.add((f.rule, _norm(f.found)))
    around = around_fields(text, summary)
    if setup.own:  # (whole lines only: the same words inside other text are still read)
        around = "\n".join(ln for ln in around.splitlines() if ln.strip() not in setup.own)
    for f in cached_scan(around, ctx, tone=False, wording=False):
        if (f.rule, _norm(f.found)) in seen:
            continue  # the same words, already placed in an item
        sentence = sentence_at(around, f.start)
        flag = Flag(f.rule, f.why, f.found, None, "", "summary", sentence, fingerprint(sentence))
        flags.setdefault(flag.key, flag)
    pending = [f for f in flags.values() if f.review_key not in setup.reviewed]
    reviewed = [f for f in flags.values() if f.review_key in setup.reviewed]
    return pending, reviewed


def scan_text(
    text: str, setup: GuardSetup, where: str = "text", *, tone: bool = True
) -> list[Flag]:
    """Flags in free text (a snapshot as saved, a comparison, a calendar), reviewed sentences
    left out; ``where`` names it in each flag; ``tone`` judges its sentences for tone too."""
    out = []
    for f in cached_scan(text, setup.context, tone=tone):
        sentence = sentence_at(text, f.start)
        out.append(Flag(f.rule, f.why, f.found, None, "", where, sentence, fingerprint(sentence)))
    return out


# How far past the last field a document's next field is looked for.
_REACH = 1_000
_NEAR = 200  # how far after its title an item's note and owner are looked for


def around_fields(text: str, summary: Summary) -> str:
    """What a document says besides its items' fields, each different line once.

    The fields (titles, notes, owners) were each checked already. Each is looked for where
    the document shows it, in the summary's order, near where the last one ended, and taken
    out; one not found there stays in, and so does one of a single word (it could sit inside
    something with a shape, an address, and hide it). What is taken out is the same text as a
    field that was checked, so nothing leaves unread; what is left (headings, dates,
    statuses, the health line, anything a layout adds) is read once per different line, not
    once per item.
    """
    # (In the order the formats show them: what changed, the plan, the asks, next steps.)
    shown = [*summary.done, *summary.new, *(m.line for m in summary.moved), *summary.plan]
    pieces, at = [], 0
    for line in [*shown, *summary.asks, *summary.next_steps]:
        if " " not in line.title.strip():
            continue
        where = text.find(line.title, at, at + len(line.title) + _REACH)
        if where < 0:
            continue  # not here (a list in another order): its fields stay in
        pieces.append(text[at:where])
        at = where + len(line.title)
        for value in (line.note, line.owner):  # right after its title, where a format has it
            if " " in value.strip():
                near = text.find(value, at, at + len(value) + _NEAR)
                if near >= 0:
                    pieces.append(text[at:near])
                    at = near + len(value)
    pieces.append(text[at:])
    # A list in another order ("done", by title): a line that is a whole field goes too.
    values = {v for line in shown for v in (line.title, line.note, line.owner) if " " in v}
    rest = dict.fromkeys("\n".join(pieces).splitlines())
    return "\n".join(ln for ln in rest if ln.strip().lstrip(_BULLETS).strip() not in values)


_BULLETS = "-*•|#> "


def _lines(summary: Summary) -> list[Line]:
    lines = {ln.key: ln for ln in [*summary.plan, *summary.done, *summary.new]}
    lines.update({m.line.key: m.line for m in summary.moved})
    return list(lines.values())


def _squash(text: str) -> str:
    """``text`` folded with every space taken out: what a format shows, however it breaks a
    line (plain text cuts a word too long for its width across two), still contains it."""
    return "".join(fold(text).text.casefold().split())


def _norm(found: str) -> str:
    return " ".join(fold(found).text.casefold().split())


def guard_feed(*, session: Session, client: Client, text: str, config: Config) -> list[Flag]:
    """Flags in a client's calendar feed (iCalendar text, unfolded and unescaped first)."""
    unfolded = text.replace("\r\n ", "").replace("\r\n\t", "")
    setup = guard_setup(session=session, client=client, config=config)
    values = [ln.split(":", 1)[1] for ln in unfolded.splitlines() if ln.startswith(_FEED_TEXT)]
    return scan_text("\n".join(_unescape(v) for v in values), setup, "the calendar")


def _unescape(value: str) -> str:
    """An iCalendar TEXT value as a person reads it (RFC 5545 3.3.11)."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


# The properties of a feed a person reads; the rest (UIDs, dates, PRODID) is not prose.
_FEED_TEXT = ("SUMMARY", "DESCRIPTION", "X-WR-CALNAME", "NAME", "LOCATION", "COMMENT")
