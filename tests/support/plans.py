"""Plans and readings more than one layer of the tests uses: the summary's golden plan and how a
summary reads, the plan of changes behind "who changed what", the calendar's plan and feed, and
rows as the pure functions take them."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, date, datetime
from typing import Any

import icalendar
from pypdf import PdfReader
from sqlmodel import Session

from actionplan import plan
from actionplan.db import Database
from actionplan.plan.snapshots import save_snapshot
from actionplan.summary.model import Summary, build_summary
from actionplan.summary.render import render
from actionplan.summary.source import summary_for
from tests.support import AUTHOR, TODAY, FixedClock, add, seed
from tests.support.docx_text import docx_text
from tests.support.mail import eml_text

# --- summaries ---------------------------------------------------------------------------------

CLIENT = "Acme & Sons"  # the summary tests' client: a name with a character to escape
PREPARED_BY = "Ana Silva"
TEXT_FORMATS = ("md", "txt", "html", "talk")
HEADINGS = {
    "md": [
        "## Health",
        "## Changes since last time",
        "## The plan",
        "## What we need from you",
        "## Next steps (before",
    ],
    "txt": [
        "HEALTH",
        "CHANGES SINCE LAST TIME",
        "THE PLAN",
        "WHAT WE NEED FROM YOU",
        "NEXT STEPS (BEFORE",
    ],
    "html": [
        "<h2>Health",
        "<h2>Changes since last time",
        "<h2>The plan",
        "<h2>What we need from you",
        "<h2>Next steps (before",
    ],
    "pdf": [
        "Health",
        "Changes since last time",
        "The plan",
        "What we need from you",
        "Next steps (before",
    ],
}
"""Each format's section headings, in order (how each begins)."""


def summarise(session: Session, client: str = CLIENT, today: date = TODAY, **kw: Any) -> Summary:
    return summary_for(session=session, client=client, today=today, prepared_by=PREPARED_BY, **kw)


def build(*rows: dict[str, Any], previous: Summary | None = None, **kw: Any) -> Summary:
    """``build_summary`` over these rows (numbered 1, 2, ... in order), today by default."""
    return build_summary(
        client=CLIENT,
        rows=[{**r, "id": n} for n, r in enumerate(rows, 1)],
        previous=previous,
        today=kw.pop("today", TODAY),
        prepared_by=PREPARED_BY,
        **kw,
    )


def save_summary(
    db: Database | Session,
    client: str = "Acme",
    today: date = TODAY,
    *,
    markdown: str | None = None,
) -> int:
    """Save today's summary of a client (prepared by AUTHOR) as a snapshot; the snapshot's id."""
    if not isinstance(db, Session):
        with db.session() as s:
            return save_summary(s, client, today, markdown=markdown)
    summary = summary_for(session=db, client=client, today=today, prepared_by=AUTHOR)
    return save_sent(db, summary, client=client, markdown=markdown)


def save_sent(
    session: Session, summary: Summary, *, client: str | None = None, markdown: str | None = None
) -> int:
    """Save a summary as sent, by AUTHOR (its Markdown unless another is given); its id."""
    text = str(render(summary, "md")) if markdown is None else markdown
    saved = save_snapshot(
        session=session,
        client=client or summary.client,
        model=summary.to_json(),
        markdown=text,
        author=AUTHOR,
    )
    assert saved.id is not None
    return saved.id


def add_done(session: Session, title: str, done_at: datetime, **values: Any) -> int:
    """Add a finished item with a known finishing time."""
    new = plan.new_item(client=CLIENT, title=title, status="done", done_at=done_at, **values)
    (item_id,) = plan.add_items(session=session, author=AUTHOR, items=[new], summary=None)
    return item_id


def build_golden_plan(session: Session) -> None:
    """A small fixed plan that touches every rule a summary has.

    Its people are made as contacts are now: Maria Lopez is the client's own contact (named)
    and Tom Becker a vendor of Sentinel Ltd (shown by company).
    """
    people = [
        ("Priya Patel", "Network team", "us"),
        ("Sam Okafor", None, "us"),  # no team
        ("Maria Lopez", None, "client"),
    ]
    for name, team, side in people:
        plan.save_person(session=session, name=name, team=team, side=side)
    plan.save_person(session=session, name="Tom Becker", company="Sentinel Ltd")
    for title, values in GOLDEN_ITEMS:
        add(session, title, CLIENT, **values)
    plan.save_person(session=session, name="Maria Lopez", client=CLIENT)  # now CLIENT exists
    add_done(
        session,
        "Test a backup restore",
        done_at=datetime(2026, 11, 18, 14, tzinfo=UTC),
        owner="Sam Okafor",
        due=date(2026, 11, 20),
    )
    add_done(session, "Old done item", done_at=datetime(2026, 10, 1, tzinfo=UTC))
    add(
        session, "Capacity plan for the team", CLIENT, visibility="internal", due=date(2026, 11, 25)
    )
    add(session, "Printer fleet refresh", CLIENT, status="dropped", due=date(2026, 11, 30))


GOLDEN_ITEMS: list[tuple[str, dict[str, Any]]] = [
    (
        "Replace the core switch",
        {
            "owner": "Priya Patel",
            "due": date(2026, 11, 12),  # 11 days overdue: red
            "committed": date(2026, 11, 12),
            "client_note": "Parts are *on order* | delivery [x] confirmed <b>Thursday</b>",
            "internal_note": "Supplier blamed us; keep this between us",
        },
    ),
    (
        "Migrate the mailboxes",
        {
            "owner": "Sam Okafor",
            "due": date(2026, 12, 4),
            "status": "doing",
            "escalated": True,
            "escalation_reason": "CFO furious, no way we make the date without contractors",
        },
    ),
    (
        "Review the firewall rules",
        {
            "owner": "Priya Patel",
            "due": date(2026, 12, 12),
            "committed": date(2026, 11, 28),  # slipped
            "status": "doing",
        },
    ),
    (
        "Sign off the network diagram",
        {
            "owner": "Maria Lopez",
            "due": date(2026, 11, 27),
            "status": "waiting",
            "waiting_on": "client",
        },
    ),
    (
        "Quote for licence renewal",
        {
            "owner": "Tom Becker",
            "due": date(2026, 12, 1),
            "status": "waiting",
            "waiting_on": "vendor",
        },
    ),
    ("Set up MFA for the admin accounts", {"must": False}),  # no owner, no date
    ("Tidy the shared drive", {"owner": "Sam Okafor", "due": date(2027, 1, 15), "must": False}),
]


def pdf_pages(data: bytes) -> list[str]:
    assert data.startswith(b"%PDF")
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def all_outputs(summary: Summary) -> dict[str, str]:
    """Every way a summary leaves the app, as text: the formats, the PDF's text, the snapshot."""
    out = {fmt: str(render(summary, fmt)) for fmt in TEXT_FORMATS}
    out["pdf"] = "\n".join(pdf_pages(render(summary, "pdf")))  # type: ignore[arg-type]
    out["docx"] = docx_text(render(summary, "docx"))  # type: ignore[arg-type]
    out["eml"] = eml_text(render(summary, "eml"))  # type: ignore[arg-type]
    out["snapshot"] = json.dumps(summary.to_json(), ensure_ascii=False)
    return out


def rendered(summary: Summary, fmt: str) -> str:
    """A format's text (the PDF's too), each HTML heading on a line of its own."""
    if fmt == "pdf":
        return "\n".join(pdf_pages(render(summary, "pdf")))  # type: ignore[arg-type]
    if fmt == "docx":
        return docx_text(render(summary, "docx"))  # type: ignore[arg-type]
    if fmt == "eml":
        return eml_text(render(summary, "eml"))  # type: ignore[arg-type]
    text = str(render(summary, fmt))
    return text.replace("</h2>", "\n") if fmt == "html" else text


def section_bodies(text: str, headings: list[str]) -> list[str]:
    """The text under each heading (headings must appear in this order), markup stripped."""
    starts = []
    for heading in headings:
        at = text.find(heading, starts[-1] + 1 if starts else 0)
        assert at >= 0, f"{heading!r} missing or out of order"
        starts.append(at)
    bodies = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        body = text[start:end].split("\n", 1)[1] if "\n" in text[start:end] else ""
        body = re.sub(r"<[^>]+>", " ", body)  # html tags
        body = re.sub(r"^-+$", "", body, flags=re.MULTILINE)  # txt underlines
        body = re.sub(r"(?m)^.*page \d+$", "", body)  # pdf footer
        bodies.append(" ".join(body.split()))
    return bodies


def titles(lines: list[Any]) -> list[str]:
    """The titles of a summary's lines (or of a comparison's)."""
    return [getattr(ln, "line", ln).title for ln in lines]


def row(**values: Any) -> dict[str, Any]:
    """An item row as ``queries.list_items`` returns it, for the pure ``build_summary``."""
    base: dict[str, Any] = {
        "id": 1,
        "client_id": 1,
        "title": "Item",
        "client_note": "",
        "internal_note": "",
        "status": "planned",
        "waiting_on": None,
        "owner_id": None,
        "due": None,
        "committed": None,
        "must": True,
        "escalated": False,
        "escalation_reason": "",
        "visibility": "client",
        "position": 0,
        "created_at": datetime(2026, 11, 1, tzinfo=UTC),
        "updated_at": datetime(2026, 11, 1, tzinfo=UTC),
        "done_at": None,
        "deleted_at": None,
        "version": 1,
        "repeat_every": None,
        "repeat_unit": None,
        "repeat_from": None,
        "follows_id": None,
        "snoozed_until": None,
        "health_form": None,
        "from_check": None,
        "client": CLIENT,
        "owner": None,
        "owner_team": None,
        "owner_side": None,
        "owner_client_id": None,
        "owner_company": None,
        "vendor_names": "company",
    }
    unknown = set(values) - set(base)
    assert not unknown, unknown
    return {**base, **values}


# --- who changed what --------------------------------------------------------------------------

REASON = "ZQREASON vendor quote late"


def changes_plan(db: Database, fixed_clock: FixedClock) -> None:
    """Acme and Globex; Acme's snapshot saved at 10:00; changes by Ana and Ben before and after.

    09:00 Tester adds #1 #2 #3 (Acme) and #4 (Globex); 09:30 Ana renames #3 (before the
    snapshot); 10:00 snapshot; 11:00 Ana re-dates #1 with a reason; 11:30 Ben moves #2 to
    doing; 11:45 Ben moves #1 down its column; 12:00 Ben renames Globex's #4.
    """
    seed(db, "Renew firewall licence", "Patch servers", "Test backups")
    seed(db, "Globex audit", client="Globex")
    with db.session() as s:
        fixed_clock.step(30)
        plan.edit_item(session=s, item_id=3, author="Ana", title="Test the backups")
        fixed_clock.step(30)
    save_summary(db)
    with db.session() as s:
        fixed_clock.step(60)
        plan.edit_item(session=s, item_id=1, author="Ana", due=date(2026, 12, 5), reason=REASON)
        fixed_clock.step(30)
        plan.edit_item(session=s, item_id=2, author="Ben", status="doing")
        fixed_clock.step(15)
        plan.reorder_item(session=s, item_id=1, offset=1, author="Ben")
        fixed_clock.step(15)
        plan.edit_item(session=s, item_id=4, author="Ben", title="Globex yearly audit")


# --- the calendar ------------------------------------------------------------------------------


def calendar_plan(db: Database) -> dict[str, int]:
    """Items in every state that matters to the feed, by what they are."""
    internal = {"visibility": "internal", "internal_note": "SECRET-internal do not forward"}
    ids = {
        "open": add(
            db,
            "Renew firewall licence",
            due=date(2026, 11, 27),
            owner="Priya Shah",
            client_note="Renewal quote approved.",
            internal_note="SECRET-open vendor is overcharging",
        ),
        "doing": add(db, "Patch servers", due=date(2026, 12, 1), status="doing"),
        "waiting": add(
            db, "Sign off DR plan", due=date(2026, 12, 3), status="waiting", waiting_on="client"
        ),
        "internal": add(db, "Chase vendor credit note", due=date(2026, 11, 25), **internal),
        "undated": add(db, "Someday: tidy the wiki"),
        "done": add(db, "Old task", due=date(2026, 11, 20), status="done"),
        "dropped": add(db, "Dropped task", due=date(2026, 11, 21), status="dropped"),
        "deleted": add(db, "Deleted task", due=date(2026, 11, 22)),
        "beta": add(db, "Beta's backup test", client="Beta", due=date(2026, 11, 30)),
    }
    with db.session() as s:
        plan.delete_item(session=s, item_id=ids["deleted"], author=AUTHOR)
    return ids


def events(text: str) -> dict[str, icalendar.Event]:
    """The feed's events by UID, parsed by the icalendar package (strict about structure)."""
    cal = icalendar.Calendar.from_ical(text)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def calendar_name(text: str) -> str:
    """X-WR-CALNAME, unescaped (icalendar leaves this X- property raw; it is TEXT per RFC 5545)."""
    raw = icalendar.Calendar.from_ical(text)["X-WR-CALNAME"].to_ical().decode("utf-8")
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], raw)


# --- the agenda --------------------------------------------------------------------------------


def agenda_row(title: str, **values: Any) -> dict[str, Any]:
    """An open item as the agenda reads it."""
    base = {
        "id": 1,
        "client": "Acme",
        "title": title,
        "status": "planned",
        "waiting_on": None,
        "due": TODAY,
        "must": True,
        "escalated": False,
        "owner": None,
    }
    return base | values
