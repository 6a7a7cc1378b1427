"""The client summary as data: built only from client-safe fields, so nothing internal can leak.

``build_summary`` is a pure function of the client's items, the last saved snapshot and today.
Every renderer (Markdown, text, HTML, PDF, talk track) draws from the ``Summary`` it returns,
and snapshots store it as JSON: none of them ever sees an internal note, an internal-only item,
an escalation (flag or reason), the name of someone on our side or of a contact who is not this
client's own, or any person's role, e-mail, phone or note.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypedDict, Unpack, cast

from actionplan.summary.health import LEVELS, Health, computed_health, trend
from actionplan.text import strip_controls

if TYPE_CHECKING:
    from actionplan.rows import ItemRow

# How items read to a client (no internal words such as "dropped").
STATUS_WORDS = {
    "planned": "Planned",
    "doing": "In progress",
    "waiting": "Waiting",
    "done": "Done",
}
WAITING_WORDS = {
    "client": "Waiting on you",
    "vendor": "Waiting on a supplier",
    "internal": "In progress",
}
# How owners read when they are not named (see ``owner_label``).
OUR_TEAM = "our team"
THEIR_TEAM = "your team"
SUPPLIER = "supplier"
OUR_SUPPLIER = "our supplier"
GENERIC_VENDORS = "generic"  # models.VendorNames.GENERIC (not imported: this module stays light)
RECENT_DONE_DAYS = 14  # "done" in changes when there is no earlier snapshot


@dataclass(frozen=True)
class Line:
    """One item as the client sees it."""

    key: int
    title: str
    note: str
    owner: str
    due: date | None
    status: str
    must: bool
    is_open: bool
    waiting_on_client: bool
    committed: date | None = None
    promised: date | None = None
    """The date the client was last told, when the item is now due later and no summary sent
    since has carried the new date: every format shows both ("22 Dec, promised 11 Dec")."""
    after: tuple[str, ...] = ()
    """The titles of the open items this one waits for, only those the client may see (an
    internal-only one is never named): every format shows them ("after: Order laptops")."""


@dataclass(frozen=True)
class Moved:
    """An item whose date changed since the last snapshot."""

    line: Line
    was: date | None


@dataclass(frozen=True)
class Summary:
    """Everything a client summary says, in order."""

    client: str
    day: date
    prepared_by: str
    since: date | None
    health: Health
    done: list[Line] = field(default_factory=list)
    new: list[Line] = field(default_factory=list)
    moved: list[Moved] = field(default_factory=list)
    plan: list[Line] = field(default_factory=list)
    asks: list[Line] = field(default_factory=list)
    next_steps: list[Line] = field(default_factory=list)
    next_call: date | None = None
    headline: str = ""
    """The account manager's headline for this client (``clients set --headline``)."""
    intro: str = ""
    """Their intro paragraph, under the headline."""
    auto_health: Health | None = None
    """The computed health when the account manager has set it by hand (``health`` is theirs);
    the preview shows both. Never rendered into what leaves."""
    reported_done: list[int] = field(default_factory=list)
    """Keys of finished items the client has now been told about (in ``done`` here or in an
    earlier snapshot) that the next summary could still mistake for news: those finished on or
    after ``day``. Carried from snapshot to snapshot, so a done item is reported once, however
    many snapshots are saved in a day."""

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO text), as snapshots store it; a line waiting for
        nothing has no ``after`` (so snapshots read as they did before dependencies)."""
        return cast(dict[str, Any], _jsonable(asdict(self)))

    @staticmethod
    def from_json(data: dict[str, Any]) -> Summary:
        """Read a snapshot's model back."""

        def line(d: dict[str, Any]) -> Line:
            dates = {k: _day(d.get(k)) for k in ("due", "committed", "promised")}
            return Line(**{**d, **dates, "after": tuple(d.get("after", ()))})

        auto = data.get("auto_health")

        return Summary(
            client=data["client"],
            day=date.fromisoformat(data["day"]),
            prepared_by=data.get("prepared_by", ""),
            since=_day(data.get("since")),
            health=Health(**data["health"]),
            done=[line(d) for d in data.get("done", [])],
            new=[line(d) for d in data.get("new", [])],
            moved=[Moved(line(m["line"]), _day(m["was"])) for m in data.get("moved", [])],
            plan=[line(d) for d in data.get("plan", [])],
            asks=[line(d) for d in data.get("asks", [])],
            next_steps=[line(d) for d in data.get("next_steps", [])],
            next_call=_day(data.get("next_call")),
            headline=data.get("headline", ""),
            intro=data.get("intro", ""),
            auto_health=Health(**auto) if auto else None,
            # Snapshots saved before this was kept: what they listed as done is what was told.
            reported_done=[
                int(k) for k in data.get("reported_done", [d["key"] for d in data.get("done", [])])
            ],
        )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items() if not (k == "after" and v == ())}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def owner_label(row: ItemRow) -> str:
    """Who owns an item, as its client may see it; never a name the client should not read.

    - nobody: "to be assigned";
    - a contact of the item's own client: their name;
    - any other client-side person (one of no client yet, or, in a plan older than the rule
      that contacts belong to their client, another client's contact): "your team";
    - one of our people: their team, else "our team" (never their name);
    - a vendor's contact: their company, else "supplier"; "our supplier" whatever their
      company when the client's ``vendor_names`` setting is "generic".
    """
    owner = row["owner"]
    if not owner:
        return "to be assigned"
    side = _value(row["owner_side"])
    if side == "client":
        own = row["owner_client_id"] is not None and row["owner_client_id"] == row["client_id"]
        return (_safe(owner) or THEIR_TEAM) if own else THEIR_TEAM
    if side == "vendor":
        if _value(row["vendor_names"]) == GENERIC_VENDORS:
            return OUR_SUPPLIER
        return _safe(row["owner_company"] or "") or SUPPLIER
    return _safe(row["owner_team"] or "") or OUR_TEAM


def _value(value: object) -> str:
    """An enum's value, or the text it is stored as (rows may carry either)."""
    return str(getattr(value, "value", value) or "")


def _safe(text: str) -> str:
    return " ".join(strip_controls(text, keep_newlines=False).split())


def to_line(row: ItemRow) -> Line:
    """An item row (``queries.list_items``) reduced to what the client may read."""
    status = str(getattr(row["status"], "value", row["status"]))
    waiting = str(getattr(row["waiting_on"], "value", row["waiting_on"]) or "")
    word = WAITING_WORDS.get(waiting, "Waiting") if status == "waiting" else STATUS_WORDS[status]
    return Line(
        key=row["id"],
        title=_safe(row["title"]),
        note=strip_controls(row["client_note"] or "", keep_newlines=True).strip(),
        owner=owner_label(row),
        due=row["due"],
        status=word,
        must=bool(row["must"]),
        is_open=status not in ("done", "dropped"),
        waiting_on_client=status == "waiting" and waiting == "client",
        committed=row["committed"],
    )


def client_visible(row: ItemRow) -> bool:
    """Whether an item may appear in anything the client sees at all."""
    visibility = str(getattr(row["visibility"], "value", row["visibility"]))
    status = str(getattr(row["status"], "value", row["status"]))
    return visibility == "client" and status != "dropped" and row["deleted_at"] is None


class SummaryOptions(TypedDict, total=False):
    """How a summary is cut: every way to a summary passes these on, unchanged, to here."""

    include_nice: bool
    """Keep nice-to-haves in the plan (the default; must-dos always lead)."""
    next_call: date | None
    """Next steps are what falls due before this date (default: the client's next call when
    it is today or later, else a week after today)."""


@dataclass(frozen=True)
class ClientWords:
    """What the account manager has set for a client's summaries (``models.Client``'s next
    call, headline, intro and health): every text here is client-facing."""

    next_call: date | None = None
    headline: str = ""
    intro: str = ""
    health: str = "auto"
    health_reason: str = ""


def build_summary(
    *,
    client: str,
    rows: list[ItemRow],
    previous: Summary | None,
    today: date,
    prepared_by: str,
    words: ClientWords | None = None,
    blockers: Mapping[int, Sequence[int]] | None = None,
    **options: Unpack[SummaryOptions],
) -> Summary:
    """The client summary for today.

    Args:
        client: the client's name.
        rows: the client's items as ``queries.list_items`` gives them (any status).
        previous: the last saved snapshot, for "changes since" and the trend.
        today: the summary's date.
        prepared_by: the account manager's name (from the config).
        words: the client's next call, headline, intro and health as set (default: none).
        blockers: each blocked item's blockers' ids (``plan.dependencies.blockers_of``); only
            open, client-visible ones among ``rows`` are named (default: none).
        **options: ``include_nice`` and ``next_call`` (see ``SummaryOptions``).
    """
    visible = [r for r in rows if client_visible(r)]
    nameable = {r["id"]: _safe(r["title"]) for r in visible if _is_open(r)}
    if not options.get("include_nice", True):
        visible = [r for r in visible if r["must"]]
    words = words or ClientWords()
    told = {ln.key: ln for ln in [*previous.plan, *previous.done]} if previous else {}
    lines = [_with_after(_with_promise(to_line(r), told), blockers, nameable) for r in visible]
    open_lines = [ln for ln in lines if ln.is_open]
    health = auto = computed_health(open_lines, today, previous)
    if words.health in LEVELS:
        reason = _safe(words.health_reason) or auto.reason
        health = Health(words.health, reason, trend(words.health, previous))
    next_call = options.get("next_call") or _next_call(words.next_call, today)
    since = previous.day if previous else None
    done_rows, reported_done = _done_since(visible, previous, today)
    done = sorted((to_line(r) for r in done_rows), key=lambda ln: ln.title.lower())
    new, moved = _changes(open_lines, previous)
    plan = sorted(open_lines, key=_plan_order)
    asks = [ln for ln in plan if ln.waiting_on_client]
    next_steps = [ln for ln in plan if ln.due is not None and ln.due < next_call]
    next_steps.sort(key=lambda ln: (ln.due or date.max, ln.title.lower()))
    return Summary(
        client=_safe(client),
        day=today,
        prepared_by=_safe(prepared_by),
        since=since,
        health=health,
        done=done,
        new=new,
        moved=moved,
        plan=plan,
        asks=asks,
        next_steps=next_steps,
        next_call=next_call,
        headline=_safe(words.headline),
        intro=strip_controls(words.intro, keep_newlines=True).strip(),
        auto_health=auto if health is not auto else None,
        reported_done=reported_done,
    )


def _next_call(set_for: date | None, today: date) -> date:
    """The client's next call when it is still ahead (or today), else a week from today."""
    return set_for if set_for is not None and set_for >= today else today + timedelta(days=7)


def _with_promise(line: Line, told: dict[int, Line]) -> Line:
    """``line`` with ``promised`` set when it is due later than the client was last told.

    What the client was last told is the date the last summary sent carried for it, or, when
    that summary did not list it (or there is none), the date given (``committed``). Once a
    summary carrying the new date has been sent, the two agree and only the date shows.
    """
    if not line.is_open or line.due is None:
        return line
    earlier = told.get(line.key)
    promised = earlier.due if earlier is not None and earlier.due is not None else line.committed
    if promised is None or line.due <= promised:
        return line
    return replace(line, promised=promised)


def _with_after(
    line: Line, blockers: Mapping[int, Sequence[int]] | None, nameable: dict[int, str]
) -> Line:
    """``line`` with ``after`` set to the titles of its open blockers the client may see."""
    if not line.is_open or not blockers or line.key not in blockers:
        return line
    after = tuple(nameable[b] for b in blockers[line.key] if b in nameable)
    return replace(line, after=after) if after else line


def _done_since(
    rows: list[ItemRow], previous: Summary | None, today: date
) -> tuple[list[ItemRow], list[int]]:
    """The items finished that the client has not yet been told are done, and what has been told.

    An item is news once: when it was open at the last snapshot, or finished on or after that
    snapshot's day (a snapshot saved in the morning does not know about the afternoon), unless
    an earlier snapshot already reported it (``Summary.reported_done``).

    Returns:
        The rows to list as done, and the keys to carry forward as told (see ``Summary``).
    """
    finished = [r for r in rows if not _is_open(r) and r["done_at"] is not None]
    if previous is None:
        cutoff = today - timedelta(days=RECENT_DONE_DAYS)
        news = [r for r in finished if _done_on(r) > cutoff]
        told: set[int] = set()
    else:
        told = {*previous.reported_done, *(ln.key for ln in previous.done)}
        was_open = {ln.key for ln in previous.plan}
        news = [
            r
            for r in finished
            if r["id"] not in told and (r["id"] in was_open or _done_on(r) >= previous.day)
        ]
    told |= {r["id"] for r in news}
    # Finished before today: the next summary's day test already keeps those out.
    carried = sorted(r["id"] for r in finished if r["id"] in told and _done_on(r) >= today)
    return news, carried


def _done_on(row: ItemRow) -> date:
    done_at = row["done_at"]
    assert done_at is not None  # (only finished rows, which all have one, get here)
    return done_at.date()


def _is_open(row: ItemRow) -> bool:
    return str(getattr(row["status"], "value", row["status"])) not in ("done", "dropped")


def _plan_order(line: Line) -> tuple[bool, date, str]:
    return (not line.must, line.due or date.max, line.title.lower())


def _changes(lines: list[Line], previous: Summary | None) -> tuple[list[Line], list[Moved]]:
    if previous is None:
        return [], []
    before = {ln.key: ln for ln in [*previous.plan, *previous.done]}
    new = [ln for ln in lines if ln.key not in before]
    moved = [
        Moved(ln, before[ln.key].due)
        for ln in lines
        if ln.key in before and before[ln.key].due != ln.due
    ]
    new.sort(key=_plan_order)
    moved.sort(key=lambda m: _plan_order(m.line))
    return new, moved
