"""A client's settings that shape its summaries: whether they name vendors' companies, and
what the account manager says in them (next call, headline, intro, health)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from actionplan.models import Client, VendorNames
from actionplan.plan.errors import Invalid
from actionplan.plan.journal import operation
from actionplan.plan.named import client_named
from actionplan.plan.values import enum_value
from actionplan.text import REASON_MAX, TextError, clean_block, clean_line, quote


def set_vendor_names(
    *, session: Session, client: str, value: VendorNames | str, author: str
) -> Client:
    """Say how a client's summaries show items owned by a vendor's contact: by their company
    ("company") or always as "our supplier" ("generic"). One operation, which undo reverts;
    nothing is written when the client has that setting already.

    Raises:
        NotFound: for an unknown client (with the nearest names).
        Invalid: for a value that is neither "company" nor "generic".
    """
    choice: VendorNames = enum_value(VendorNames, value, "vendor names", optional=False)
    found = client_named(session, client)
    if found.vendor_names == choice:
        return found
    with operation(session, author=author, kind="client-set") as rec:
        found = client_named(session, client)
        rec.change(found, "vendor_names", choice)
        rec.op.summary = f"set client {quote(found.name)} to show vendors: {choice.value}"[:300]
    return found


HEALTH_CHOICES = ("auto", "green", "amber", "red")
HEADLINE_MAX = 200
INTRO_MAX = 2_000


@dataclass(frozen=True)
class SummarySettings:
    """What the account manager says in a client's summaries, as ``clients set`` takes it.

    A field left ``None`` keeps what is stored; an empty text clears it; ``next_call`` is
    cleared with ``clear_next_call``.
    """

    next_call: date | None = None
    clear_next_call: bool = False
    headline: str | None = None
    intro: str | None = None
    health: str | None = None
    health_reason: str | None = None


def set_summary_settings(
    *, session: Session, client: str, settings: SummarySettings, author: str
) -> tuple[Client, list[str]]:
    """Store a client's next call, headline, intro and health in one operation (undo reverts
    it); nothing is written when nothing differs.

    Returns:
        The client, and what changed ("next call", "headline", ...), empty when nothing did.

    Raises:
        NotFound: for an unknown client (with the nearest names).
        Invalid: for over-long text, an unknown health, or a health set without a reason.
    """
    found = client_named(session, client)
    wanted = _wanted(found, settings)
    if not wanted:
        return found, []
    with operation(session, author=author, kind="client-set") as rec:
        found = client_named(session, client)
        for name, value in wanted.items():
            rec.change(found, name, value)
        changed = [name.replace("_", " ") for name in wanted]
        rec.op.summary = f"set client {quote(found.name)}'s {', '.join(changed)}"[:300]
    return found, changed


def _wanted(found: Client, s: SummarySettings) -> dict[str, object]:
    """The stored values that ``s`` changes, checked and cleaned."""
    wanted: dict[str, object] = {}
    if s.clear_next_call or s.next_call is not None:
        wanted["next_call"] = None if s.clear_next_call else s.next_call
    try:
        if s.headline is not None:
            wanted["headline"] = clean_line(s.headline, field="headline", max_len=HEADLINE_MAX)
        if s.intro is not None:
            wanted["intro"] = clean_block(s.intro, field="intro", max_len=INTRO_MAX).strip()
        if s.health is not None:
            wanted["health"] = _health(s.health)
            if wanted["health"] == "auto" and s.health_reason is None:
                wanted["health_reason"] = ""  # a reason set by hand never comes back unseen
        if s.health_reason is not None:
            wanted["health_reason"] = clean_line(
                s.health_reason, field="health reason", max_len=REASON_MAX
            )
    except TextError as exc:
        raise Invalid(str(exc)) from None
    health = str(wanted.get("health", found.health))
    reason = str(wanted.get("health_reason", found.health_reason))
    if health != "auto" and not reason:
        raise Invalid(
            "a health set by hand needs the reason the client reads (--health-reason), "
            "or set it back to auto"
        )
    return {name: value for name, value in wanted.items() if getattr(found, name) != value}


def _health(value: str) -> str:
    health = value.strip().lower()
    if health not in HEALTH_CHOICES:
        raise Invalid(f"health must be one of {', '.join(HEALTH_CHOICES)}, not {quote(value)}")
    return health
