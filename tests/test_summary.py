"""The client summary (PRODUCT.md, feature map "summary" rows and "Nothing internal leaves").

Golden files live in tests/golden/; after an intended change to the wording, regenerate them with
``UPDATE_GOLDEN=1 pytest tests/test_summary.py`` and read the diff before committing it.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlmodel import Session

from actionplan import plan
from actionplan.cli import main
from actionplan.db import Database, open_database
from actionplan.models import Snapshot
from actionplan.plan.snapshots import save_snapshot
from actionplan.queries import list_items
from actionplan.summary.compare import compare, render_comparison
from actionplan.summary.model import Summary, build_summary
from actionplan.summary.render import render
from actionplan.summary.source import snapshots, summary_for

TODAY = date(2026, 11, 23)  # a Monday, as in conftest
CLIENT = "Acme & Sons"
AUTHOR = "Tester"
PREPARED_BY = "Ana Silva"
GOLDEN = Path(__file__).parent / "golden"
TEXT_FORMATS = ("md", "txt", "html", "talk")


# --- helpers --------------------------------------------------------------------------------------


def add(session: Session, title: str, client: str = CLIENT, **values: Any) -> int:
    """Add one item through the plan API; returns its id."""
    item = plan.add_item(session=session, author=AUTHOR, client=client, title=title, **values)
    assert item.id is not None
    return item.id


def add_done(session: Session, title: str, done_at: datetime, **values: Any) -> int:
    """Add a finished item with a known finishing time."""
    new = plan.new_item(client=CLIENT, title=title, status="done", done_at=done_at, **values)
    (item_id,) = plan.add_items(session=session, author=AUTHOR, items=[new], summary=None)
    return item_id


def summarise(session: Session, client: str = CLIENT, today: date = TODAY, **kw: Any) -> Summary:
    return summary_for(session=session, client=client, today=today, prepared_by=PREPARED_BY, **kw)


def pdf_pages(data: bytes) -> list[str]:
    assert data.startswith(b"%PDF")
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def all_outputs(summary: Summary) -> dict[str, str]:
    """Every way a summary leaves the app, as text: the formats, the PDF's text, the snapshot."""
    out = {fmt: str(render(summary, fmt)) for fmt in TEXT_FORMATS}
    out["pdf"] = "\n".join(pdf_pages(render(summary, "pdf")))  # type: ignore[arg-type]
    out["snapshot"] = json.dumps(summary.to_json(), ensure_ascii=False)
    return out


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
        "client": CLIENT,
        "owner": None,
        "owner_team": None,
        "owner_side": None,
    }
    unknown = set(values) - set(base)
    assert not unknown, unknown
    return {**base, **values}


def test_the_row_factory_has_the_keys_list_items_gives(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        add(s, "Anything", owner="Someone")
        [real] = list_items(session=s)
    assert set(real) == set(row())


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


class Cli:
    """``actionplan --db PATH ...`` in this process, output captured."""

    def __init__(self, capsys: pytest.CaptureFixture[str], database: Database) -> None:
        self.capsys = capsys
        self.db = database.url.render_as_string(hide_password=False)
        if database.is_sqlite:
            self.db = str(database.url.database)

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--db", self.db, *args])
        out, err = self.capsys.readouterr()
        return code, out, err


# --- 1. golden files ------------------------------------------------------------------------------


def build_golden_plan(session: Session) -> None:
    """A small fixed plan that touches every rule a summary has."""
    plan.save_person(session=session, name="Priya Patel", team="Network team", side="us")
    plan.save_person(session=session, name="Sam Okafor", side="us")  # no team
    plan.save_person(session=session, name="Maria Lopez", side="client")
    plan.save_person(session=session, name="Tom Becker", team="Sentinel Ltd", side="vendor")
    add(
        session,
        "Replace the core switch",
        owner="Priya Patel",
        due=date(2026, 11, 12),  # 11 days overdue: red
        committed=date(2026, 11, 12),
        client_note="Parts are *on order* | delivery [x] confirmed <b>Thursday</b>",
        internal_note="Supplier blamed us; keep this between us",
    )
    add(
        session,
        "Migrate the mailboxes",
        owner="Sam Okafor",
        due=date(2026, 12, 4),
        status="doing",
        escalated=True,
        escalation_reason="CFO furious, no way we make the date without contractors",
    )
    add(
        session,
        "Review the firewall rules",
        owner="Priya Patel",
        due=date(2026, 12, 12),
        committed=date(2026, 11, 28),  # slipped
        status="doing",
    )
    add(
        session,
        "Sign off the network diagram",
        owner="Maria Lopez",
        due=date(2026, 11, 27),
        status="waiting",
        waiting_on="client",
    )
    add(
        session,
        "Quote for licence renewal",
        owner="Tom Becker",
        due=date(2026, 12, 1),
        status="waiting",
        waiting_on="vendor",
    )
    add(session, "Set up MFA for the admin accounts", must=False)  # no owner, no date
    add(session, "Tidy the shared drive", owner="Sam Okafor", due=date(2027, 1, 15), must=False)
    add_done(
        session,
        "Test a backup restore",
        done_at=datetime(2026, 11, 18, 14, tzinfo=UTC),
        owner="Sam Okafor",
        due=date(2026, 11, 20),
    )
    add_done(session, "Old done item", done_at=datetime(2026, 10, 1, tzinfo=UTC))
    add(session, "Capacity plan for the team", visibility="internal", due=date(2026, 11, 25))
    add(session, "Printer fleet refresh", status="dropped", due=date(2026, 11, 30))


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("md", "summary.md"),
        ("txt", "summary.txt"),
        ("html", "summary.html"),
        ("talk", "summary.talk.txt"),
    ],
)
def test_summary_matches_its_golden_file(sqlite_db: Database, fmt: str, name: str) -> None:
    with sqlite_db.session() as s:
        build_golden_plan(s)
        text = render(summarise(s), fmt)
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no {path}: create it with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"regenerate with UPDATE_GOLDEN=1 ({name})"


def test_the_golden_plan_reads_rightly_to_a_client(sqlite_db: Database) -> None:
    """What the golden files promise, spelled out, so a careless regeneration is still caught."""
    with sqlite_db.session() as s:
        build_golden_plan(s)
        summary = summarise(s)
    md = str(render(summary, "md"))
    assert summary.health.level == "red"
    assert summary.health.reason == (
        "1 must-do item a week or more late; 1 item moved past the date we gave"
    )
    assert "escalat" not in md.lower() and "management" not in md.lower()
    assert [ln.title for ln in summary.done] == ["Test a backup restore"]  # not the old one
    plan_titles = [ln.title for ln in summary.plan]
    assert plan_titles[:5] == [  # must-dos first, by date
        "Replace the core switch",
        "Sign off the network diagram",
        "Quote for licence renewal",
        "Migrate the mailboxes",
        "Review the firewall rules",
    ]
    assert plan_titles[5:] == ["Tidy the shared drive", "Set up MFA for the admin accounts"]
    for hidden in ("Capacity plan", "Printer fleet", "Priya", "Sam Okafor", "Tom Becker"):
        assert hidden not in md
    for hidden in ("blamed", "between us", "cfo", "contractors", "dropped"):
        assert hidden not in md.lower()


# --- 2. section order and "None" ------------------------------------------------------------------

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


def rendered(summary: Summary, fmt: str) -> str:
    if fmt == "pdf":
        return "\n".join(pdf_pages(render(summary, "pdf")))  # type: ignore[arg-type]
    text = str(render(summary, fmt))
    return text.replace("</h2>", "\n") if fmt == "html" else text


@pytest.mark.parametrize("fmt", ["md", "txt", "html", "pdf"])
def test_an_empty_plan_says_none_in_every_section_in_order(fmt: str) -> None:
    summary = build()
    bodies = section_bodies(rendered(summary, fmt), HEADINGS[fmt])
    assert "everything is on track" in bodies[0]
    assert "green" in bodies[0].lower()
    assert bodies[1:] == ["None"] * 4


def test_an_empty_client_is_green_everything_on_track_and_asks_nothing() -> None:
    summary = build()
    assert (summary.health.level, summary.health.reason) == ("green", "everything is on track")
    talk = str(render(summary, "talk"))
    assert "on track" in talk
    assert "Nothing is waiting on you right now." in talk


def test_a_client_with_nothing_client_visible_has_an_empty_summary(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        add(
            s,
            "Internal audit",
            visibility="internal",
            escalated=True,
            escalation_reason="x",
            due=date(2026, 10, 1),
        )
        add(s, "Abandoned idea", status="dropped", due=date(2026, 10, 1))
        plan.delete_item(
            session=s, item_id=add(s, "Deleted thing", due=date(2026, 10, 1)), author=AUTHOR
        )
        summary = summarise(s)
    assert summary.health.level == "green"
    bodies = section_bodies(rendered(summary, "md"), HEADINGS["md"])
    assert bodies[1:] == ["None"] * 4


# --- 3. health ------------------------------------------------------------------------------------


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


@pytest.mark.parametrize(
    ("rows", "level", "reason"),
    [
        ([row(due=days_ago(7))], "red", "1 must-do item a week or more late"),
        ([row(due=days_ago(30)), row(due=days_ago(8))], "red", "2 must-do items a week or more"),
        # Escalation is our internal flag: it neither colours nor words a client's health.
        (
            [row(escalated=True, escalation_reason="r", due=TODAY + timedelta(days=30))],
            "green",
            "everything is on track",
        ),
        ([row(escalated=True, escalation_reason="r", must=False)], "green", "on track"),
        (
            [row(escalated=True, escalation_reason="r", due=days_ago(2))],
            "amber",
            "1 item overdue",
        ),
        (
            [
                row(due=days_ago(9)),
                row(due=TODAY + timedelta(days=9), committed=TODAY + timedelta(days=2)),
            ],
            "red",
            "1 must-do item a week or more late; 1 item moved past the date we gave",
        ),
        (
            [row(due=days_ago(3)), row(due=TODAY + timedelta(days=4), committed=TODAY)],
            "amber",
            "1 item overdue; 1 item moved past the date we gave",
        ),
        ([row(due=days_ago(6))], "amber", "1 item overdue"),
        ([row(due=days_ago(1))], "amber", "1 item overdue"),
        ([row(due=days_ago(20), must=False)], "amber", "1 item overdue"),
        (
            [row(due=TODAY + timedelta(days=5), committed=TODAY + timedelta(days=2))],
            "amber",
            "1 item moved past the date we gave",
        ),
        ([row(due=TODAY)], "green", "everything is on track"),
        (
            [row(due=TODAY + timedelta(days=3), committed=TODAY + timedelta(days=3))],
            "green",
            "everything is on track",
        ),
        # Finished, dropped, deleted and internal-only items never colour a client's health.
        (
            [
                row(
                    status="done",
                    due=days_ago(30),
                    escalated=True,
                    escalation_reason="r",
                    done_at=datetime(2026, 11, 20, tzinfo=UTC),
                )
            ],
            "green",
            "on track",
        ),
        (
            [row(status="dropped", due=days_ago(30), escalated=True, escalation_reason="r")],
            "green",
            "on track",
        ),
        (
            [row(visibility="internal", due=days_ago(30), escalated=True, escalation_reason="r")],
            "green",
            "on track",
        ),
        (
            [row(deleted_at=datetime(2026, 11, 1, tzinfo=UTC), due=days_ago(30))],
            "green",
            "on track",
        ),
    ],
    ids=[
        "must-7-days-late",
        "two-must-late",
        "escalated-not-late",
        "escalated-nice",
        "escalated-and-overdue",
        "late-and-slipped",
        "overdue-and-slipped",
        "6-days-late",
        "1-day-late",
        "nice-20-days-late",
        "slipped",
        "due-today",
        "on-committed-date",
        "done-ignored",
        "dropped-ignored",
        "internal-ignored",
        "deleted-ignored",
    ],
)
def test_health_follows_client_visible_lateness_only(
    rows: list[dict[str, Any]], level: str, reason: str
) -> None:
    health = build(*rows).health
    assert health.level == level
    assert reason in health.reason
    assert "escalat" not in health.reason and "management" not in health.reason
    assert health.trend is None  # no previous snapshot, no trend


@pytest.mark.parametrize(
    ("before", "now", "trend"),
    [
        # The previous summary was a week ago: due=days_ago(20) was red then, 8 amber.
        ([row(due=days_ago(20))], [], "better than last time (red)"),
        ([row(due=days_ago(8))], [], "better than last time (amber)"),
        ([], [row(due=days_ago(10))], "worse than last time (green)"),
        ([row(due=days_ago(8))], [row(due=days_ago(10))], "worse than last time (amber)"),
        ([row(due=days_ago(8))], [row(due=days_ago(3))], "same as last time"),
        ([], [], "same as last time"),
    ],
)
def test_health_trend_compares_with_the_previous_summary(
    before: list[dict[str, Any]], now: list[dict[str, Any]], trend: str
) -> None:
    previous = build(*before, today=days_ago(7))
    summary = build(*now, previous=previous)
    assert summary.health.trend == trend
    for fmt in TEXT_FORMATS:
        if fmt != "talk":
            assert trend in str(render(summary, fmt)), fmt


def test_the_escalation_reason_never_appears() -> None:
    reason = "CEO shouted at our VP"
    summary = build(row(title="Fix the VPN", escalated=True, escalation_reason=reason))
    assert summary.health.level == "green"  # the flag is ours; the client sees nothing late
    for fmt, text in all_outputs(summary).items():
        assert "Fix the VPN" in text or fmt == "talk", fmt
        assert "shouted" not in text, fmt
        assert "escalat" not in text.lower() and "management" not in text.lower(), fmt


# --- 4. owners ------------------------------------------------------------------------------------


def test_owners_are_shown_as_team_name_vendor_or_to_be_assigned(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        plan.save_person(session=s, name="Priya Patel", team="Network team", side="us")
        plan.save_person(session=s, name="Sam Okafor", side="us")
        plan.save_person(session=s, name="Maria Lopez", team="Finance", side="client")
        plan.save_person(session=s, name="Tom Becker", team="Sentinel Ltd", side="vendor")
        plan.save_person(session=s, name="Vera Solo", side="vendor")
        owners = {
            "ours with a team": "Priya Patel",
            "ours without a team": "Sam Okafor",
            "the client's": "Maria Lopez",
            "a vendor's": "Tom Becker",
            "a vendor without a team": "Vera Solo",
            "someone new": "Newly Named",  # created by add_item: one of us, no team
            "nobody": None,
        }
        for title, owner in owners.items():
            add(s, title, owner=owner)
        summary = summarise(s)
    shown = {ln.title: ln.owner for ln in summary.plan}
    assert shown == {
        "ours with a team": "Network team",
        "ours without a team": "our team",
        "the client's": "Maria Lopez",
        "a vendor's": "Sentinel Ltd",
        "a vendor without a team": "supplier",
        "someone new": "our team",
        "nobody": "to be assigned",
    }
    outputs = all_outputs(summary)
    for fmt, text in outputs.items():
        for name in ("Priya", "Patel", "Sam Okafor", "Tom Becker", "Vera Solo", "Newly Named"):
            assert name not in text, (fmt, name)
        if fmt != "talk":
            assert "Maria Lopez" in text, fmt


# --- 5. plain text width --------------------------------------------------------------------------


def test_text_lines_fit_80_columns_even_with_very_long_words() -> None:
    long_title = "X" * 200
    long_note = ("Averyveryverylongwordwithoutanybreak" * 8 + " and some words\n") * 10
    summary = build(
        row(
            title=long_title,
            client_note=long_note,
            status="waiting",
            waiting_on="client",
            owner="C" * 100,
            owner_side="client",
            due=TODAY + timedelta(days=2),
        ),
        row(
            title="Short " * 30,
            client_note="Note " * 200,
            due=TODAY + timedelta(days=1),
            must=False,
        ),
        row(title="y" * 199, status="done", done_at=datetime(2026, 11, 20, tzinfo=UTC)),
    )
    summary = Summary(**{**summary.__dict__, "client": "Z" * 100, "prepared_by": "P" * 100})
    text = str(render(summary, "txt"))
    too_wide = [line for line in text.splitlines() if len(line) > 80]
    assert not too_wide
    squashed = "".join(text.split())
    assert long_title in squashed  # wrapped, never cut short
    assert "Z" * 100 in squashed


# --- 6. HTML --------------------------------------------------------------------------------------


def test_html_escapes_user_text_and_is_self_contained() -> None:
    summary = build(
        row(title="<script>alert(1)</script>", due=TODAY),
        row(
            title='"quotes" & ampersand',
            client_note="<img onerror=alert(2)>",
            status="waiting",
            waiting_on="client",
            owner="<i>Eve</i>",
            owner_side="client",
        ),
    )
    html = str(render(summary, "html"))
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;quotes&quot; &amp; ampersand" in html
    assert "<img" not in html and "<i>Eve" not in html
    assert "&lt;i&gt;Eve&lt;/i&gt;" in html
    for external in ("src=", 'href="http', "href='http", "@import", "url("):
        assert external not in html.lower(), external
    assert "@page" in html
    assert "@media print" in html
    assert html.startswith("<!doctype html>")
    assert '<meta charset="utf-8">' in html


# --- 7. PDF ---------------------------------------------------------------------------------------


def test_pdf_holds_the_text_in_any_script_and_user_markup_literally() -> None:
    summary = build(
        row(title="Zażółć gęślą jaźń", due=TODAY + timedelta(days=2)),
        row(title="Καλημέρα κόσμε", due=TODAY + timedelta(days=3)),
        row(title="Make <b>this</b> bold & safe", client_note="a <i>note</i> & more"),
    )
    text = "\n".join(pdf_pages(render(summary, "pdf")))  # type: ignore[arg-type]
    assert CLIENT in text
    assert "Zażółć gęślą jaźń" in text
    assert "Καλημέρα κόσμε" in text
    assert "Green" in text
    assert "<b>this</b>" in text
    assert "<i>note</i>" in text


def test_a_long_pdf_plan_repeats_the_table_header_on_the_next_page() -> None:
    rows = [row(title=f"Task {n:03}", due=TODAY + timedelta(days=n)) for n in range(1, 121)]
    pages = pdf_pages(render(build(*rows), "pdf"))  # type: ignore[arg-type]
    assert len(pages) >= 2
    second = pages[1]
    first_task = second.find("Task ")
    assert 0 <= second.find("Item") < first_task
    assert 0 <= second.find("Owner") < first_task
    everything = "\n".join(pages)
    assert all(f"Task {n:03}" in everything for n in range(1, 121))


def test_text_formats_do_not_load_the_pdf_library() -> None:
    code = """
import sys
from datetime import date
from actionplan.summary.model import build_summary
from actionplan.summary.render import render
s = build_summary(client="A", rows=[], previous=None, today=date(2026, 11, 23), prepared_by="x")
for fmt in ("md", "txt", "html", "talk"):
    render(s, fmt)
loaded = [m for m in sys.modules if m.split(".")[0] == "reportlab"]
assert not loaded, loaded
"""
    root = Path(__file__).parent.parent
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


# --- 8. nothing internal leaves -------------------------------------------------------------------

MARKER = st.from_regex(r"ZQ[A-Z]{6}", fullmatch=True)


def build_plan_with_secrets(session: Session, m: list[str], status: str = "planned") -> None:
    """A plan whose every internal thing carries a marker; nothing client-facing does.

    m[0] internal note, m[1] internal-only title, m[2] internal-only client note, m[3] dropped
    title, m[4] escalation reason, m[5] our person with a team, m[6] our person without one
    (created by naming them as an owner), m[7] a deleted item's title.
    """
    plan.save_person(session=session, name=f"{m[5]} Smith", team="Service desk", side="us")
    plan.save_person(session=session, name="Maria Lopez", side="client")
    waiting = {"waiting_on": "client"} if status == "waiting" else {}
    add(
        session,
        "Replace the core switch",
        owner=f"{m[5]} Smith",
        due=TODAY - timedelta(days=3),
        status=status,
        client_note="Parts ordered",
        internal_note=f"*{m[0]}* | [x] <b>{m[0]}</b>",
        **waiting,
    )
    add(
        session,
        "Sign the diagram",
        owner="Maria Lopez",
        due=TODAY + timedelta(days=2),
        status="waiting",
        waiting_on="client",
        internal_note=m[0],
    )
    add(
        session,
        "Migrate mail",
        owner=f"Jo {m[6]}",
        due=TODAY + timedelta(days=1),
        escalated=True,
        escalation_reason=f"{m[4]} is furious",
    )
    add(
        session,
        f"{m[1]} capacity plan",
        visibility="internal",
        client_note=f"{m[2]} note",
        due=TODAY,
        owner=f"{m[5]} Smith",
    )
    add(session, f"{m[3]} old project", status="dropped", due=TODAY + timedelta(days=1))
    done_secret = plan.new_item(
        client=CLIENT,
        title=f"{m[1]} finished internal job",
        status="done",
        visibility="internal",
        done_at=datetime(2026, 11, 20, tzinfo=UTC),
    )
    plan.add_items(session=session, author=AUTHOR, items=[done_secret], summary=None)
    deleted = add(session, f"{m[7]} deleted", due=TODAY + timedelta(days=1))
    plan.delete_item(session=session, item_id=deleted, author=AUTHOR)


def assert_no_marker(summary: Summary, markers: list[str]) -> None:
    assert [ln.title for ln in summary.plan]  # there is something client-visible to leak into
    outputs = all_outputs(summary)
    # Compared with an empty snapshot, both ways, every item is named as new, then as gone.
    empty = build_summary(client=CLIENT, rows=[], previous=None, today=TODAY, prepared_by="")
    both_ways = [compare(empty, summary), compare(summary, empty)]
    outputs["compare"] = "".join(render_comparison(c) for c in both_ways)
    for fmt, text in outputs.items():
        squashed = "".join(text.split())  # a marker split by wrapping is still a leak
        for marker in markers:
            assert marker not in squashed, (fmt, marker)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    markers=st.lists(MARKER, min_size=8, max_size=8, unique=True),
    status=st.sampled_from(["planned", "doing", "waiting"]),
)
def test_nothing_internal_leaves_in_any_format(
    sqlite_template: Path, markers: list[str], status: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.db"
        shutil.copy(sqlite_template, path)
        database = open_database(str(path))
        try:
            with database.session() as s:
                build_plan_with_secrets(s, markers, status)
                summary = summarise(s)
        finally:
            database.dispose()
    assert_no_marker(summary, markers)


def test_nothing_internal_leaves_on_either_database(db: Database) -> None:
    markers = [f"ZQSECRT{c}" for c in "ABCDEFGH"]
    with db.session() as s:
        build_plan_with_secrets(s, markers)
        summary = summarise(s)
        save_snapshot(
            session=s,
            client=CLIENT,
            model=summary.to_json(),
            markdown=str(render(summary, "md")),
            author=AUTHOR,
        )
        [stored] = snapshots(session=s, client=CLIENT)
    assert_no_marker(summary, markers)
    for marker in markers:
        assert marker not in stored.model_json
        assert marker not in stored.markdown


# --- 9. leak guard --------------------------------------------------------------------------------


def guard(session: Session) -> list[str]:
    """The leak guard's flags for today's summary, as "rule: found"."""
    from actionplan.config import load_config
    from actionplan.summary.outgoing import prepare

    out = prepare(session=session, client=CLIENT, fmt="md", today=TODAY, config=load_config())
    return [f"{flag.rule}: {flag.found}" for flag in out.flags]


@pytest.mark.parametrize(
    ("field", "text", "hit"),
    [
        ("client_note", "There is NO WAY we can do that", "refusal: NO WAY we"),
        ("client_note", "Won't fix before January", "refusal: Won't fix"),
        ("title", "Follow up ABC-123 with the vendor", "ticket: ABC-123"),
        (
            "client_note",
            "Details at https://acme.atlassian.net/browse/OPS-1.",
            "link: https://acme.atlassian.net/browse/OPS-1",
        ),
        ("client_note", "(see \\\\fs01\\finance)", "path: \\\\fs01\\finance"),
        ("title", "Ask Priya Patel for the diagram", "staff: Priya Patel"),
    ],
)
def test_the_leak_guard_finds_internal_sounding_text(
    sqlite_db: Database, field: str, text: str, hit: str
) -> None:
    with sqlite_db.session() as s:
        plan.save_person(session=s, name="Priya Patel", team="Network team", side="us")
        values = {"title": "Renew certificates", field: text}
        add(s, owner="Priya Patel", **values)
        assert guard(s) == [hit]


def test_the_leak_guard_leaves_client_names_and_ordinary_words_alone(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        plan.save_person(session=s, name="Maria Lopez", side="client")
        plan.save_person(session=s, name="Priya Patel", team="Network team", side="us")
        add(
            s,
            "Maria Lopez to approve the design",
            owner="Maria Lopez",
            client_note=(
                "The rack is nowhere near capacity; no wayside cabinets are needed. "
                "Blameless review, on Windows 11."
            ),
        )
        add(
            s,
            "Replace the core switch before the holidays",
            owner="Priya Patel",
            client_note="Patching is a priority; we will confirm the window by Friday.",
        )
        assert guard(s) == []


def test_the_users_own_deny_list_adds_phrases(sqlite_db: Database) -> None:
    own = Path(os.environ["ACTIONPLAN_CONFIG"]).parent / "deny-list.txt"
    own.write_text("# my words\nskunkworks\n", encoding="utf-8")
    with sqlite_db.session() as s:
        add(s, "Skunkworks migration")
        assert guard(s) == ["phrase: Skunkworks"]
        own.unlink()
        assert guard(s) == []


def test_the_summary_command_stops_at_the_leak_guard_unless_forced(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with sqlite_db.session() as s:
        add(s, "Upgrade ABC-123", client_note="no way before Christmas")
    cli = Cli(capsys, sqlite_db)
    out_file = tmp_path / "summary.md"
    code, out, err = cli("summary", CLIENT, "-o", str(out_file))
    assert code == 1
    assert "leak guard" in err
    assert "ABC-123" in err and "no way" in err
    assert "Traceback" not in err
    assert not out_file.exists() and out == ""
    code, out, err = cli("summary", CLIENT, "-o", str(out_file), "--force")
    assert code == 0, err
    assert "Upgrade ABC-123" in out_file.read_text(encoding="utf-8")


# --- 10. snapshots and "changes since" ------------------------------------------------------------


def titles(lines: list[Any]) -> list[str]:
    return [getattr(ln, "line", ln).title for ln in lines]


def test_changes_since_the_last_snapshot_and_snapshots_listed_newest_first(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str], fixed_now: Any
) -> None:
    cli = Cli(capsys, sqlite_db)
    with sqlite_db.session() as s:
        to_finish = add(s, "Patch the VPN", due=date(2026, 11, 27))
        to_move = add(s, "Renew the certificates", due=date(2026, 11, 28))
        later = add(s, "Write the runbook", due=date(2026, 12, 10))
    assert cli("summary", CLIENT, "--save")[0] == 0  # snapshot 1, Mon 23 Nov

    fixed_now(TODAY + timedelta(days=1), 10)
    with sqlite_db.session() as s:
        plan.move_item(session=s, item_id=to_finish, status="done", author=AUTHOR)
        add(s, "Replace the UPS batteries", due=date(2026, 12, 3))
        plan.set_due(session=s, item_id=to_move, due=date(2026, 12, 12), author=AUTHOR)
        summary = summarise(s, today=TODAY + timedelta(days=1))
    assert summary.since == TODAY
    assert titles(summary.done) == ["Patch the VPN"]
    assert titles(summary.new) == ["Replace the UPS batteries"]
    assert titles(summary.moved) == ["Renew the certificates"]
    md = str(render(summary, "md"))
    assert "Period: since Mon 23 Nov 2026" in md
    assert "- Renew the certificates: was 28 Nov, now 12 Dec" in md
    assert "- Patch the VPN" in md and "- Replace the UPS batteries (3 Dec)" in md

    fixed_now(TODAY + timedelta(days=2))
    assert cli("summary", CLIENT, "--save")[0] == 0  # snapshot 2, Wed 25 Nov
    with sqlite_db.session() as s:
        unchanged = summarise(s, today=TODAY + timedelta(days=2))
    assert unchanged.since == TODAY + timedelta(days=2)
    assert (unchanged.done, unchanged.new, unchanged.moved) == ([], [], [])
    bodies = section_bodies(rendered(unchanged, "md"), HEADINGS["md"])
    assert bodies[1] == "None"

    fixed_now(TODAY + timedelta(days=3))
    with sqlite_db.session() as s:
        plan.set_due(session=s, item_id=later, due=date(2026, 12, 17), author=AUTHOR)
        third = summarise(s, today=TODAY + timedelta(days=3))
    assert third.since == TODAY + timedelta(days=2)  # snapshot 2, not 1
    assert titles(third.moved) == ["Write the runbook"]
    assert (third.done, third.new) == ([], [])
    assert "was 10 Dec, now 17 Dec" in str(render(third, "md"))

    code, out, _ = cli("snapshots", CLIENT)
    assert code == 0
    assert out.index("2026-11-25") < out.index("2026-11-23")


def test_a_snapshot_stores_its_model_and_markdown(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite_db.session() as s:
        build_golden_plan(s)
    assert Cli(capsys, sqlite_db)("summary", CLIENT, "--save")[0] == 0
    with sqlite_db.session() as s:
        [stored] = snapshots(session=s, client=CLIENT)
    assert isinstance(stored, Snapshot)
    data = json.loads(stored.model_json)
    model = Summary.from_json(data)
    assert model.to_json() == data
    assert model.client == CLIENT and model.day == TODAY
    assert model.prepared_by == AUTHOR  # the CLI's prepared-by is the configured name
    assert model.plan[0].title == "Replace the core switch"
    assert stored.markdown == render(model, "md")
    assert stored.author == AUTHOR


def test_an_item_finished_on_the_day_of_a_snapshot_is_reported_done_next_time(
    sqlite_db: Database, fixed_now: Any
) -> None:
    """The call is in the morning, the snapshot saved before it; the work is finished after."""
    with sqlite_db.session() as s:
        item = add(s, "Patch the VPN", due=date(2026, 11, 27))
        first = summarise(s)
        save_snapshot(
            session=s,
            client=CLIENT,
            model=first.to_json(),
            markdown=str(render(first, "md")),
            author=AUTHOR,
        )
    fixed_now(TODAY, 16)
    with sqlite_db.session() as s:
        plan.move_item(session=s, item_id=item, status="done", author=AUTHOR)
        next_week = summarise(s, today=TODAY + timedelta(days=7))
    assert titles(next_week.done) == ["Patch the VPN"]


def save(session: Session, summary: Summary) -> None:
    """Save a summary as sent (snapshot time from the clock)."""
    md = str(render(summary, "md"))
    save_snapshot(
        session=session, client=CLIENT, model=summary.to_json(), markdown=md, author=AUTHOR
    )


def test_a_done_item_is_reported_once_however_many_snapshots_a_day_has(
    db: Database, fixed_now: Any
) -> None:
    """Done at 10:00, told at 11:00: the 12:00, 13:00 and next-day summaries stay quiet."""
    with db.session() as s:
        early = add(s, "Patch the VPN", due=date(2026, 11, 27))
        late = add(s, "Renew the certificates", due=date(2026, 11, 28))
    fixed_now(TODAY, 10)
    with db.session() as s:
        plan.move_item(session=s, item_id=early, status="done", author=AUTHOR)
    reported: list[list[str]] = []
    for hour in (11, 12, 13):
        fixed_now(TODAY, hour)
        with db.session() as s:
            summary = summarise(s)
            save(s, summary)
        reported.append(titles(summary.done))
        if hour == 12:  # finished after the 12:00 snapshot: news at 13:00, once
            fixed_now(TODAY, 12)
            with db.session() as s:
                plan.move_item(session=s, item_id=late, status="done", author=AUTHOR)
    fixed_now(TODAY + timedelta(days=1), 9)
    with db.session() as s:
        next_day = summarise(s, today=TODAY + timedelta(days=1))
    assert reported == [["Patch the VPN"], [], ["Renew the certificates"]]
    assert next_day.done == []


def test_a_snapshot_saved_before_reported_done_was_kept_is_still_read(
    db: Database, fixed_now: Any
) -> None:
    """Older snapshots have no record of what was reported: their "done" list stands for it."""
    fixed_now(TODAY, 10)
    with db.session() as s:
        item = add(s, "Patch the VPN", due=date(2026, 11, 27))
        plan.move_item(session=s, item_id=item, status="done", author=AUTHOR)
    fixed_now(TODAY, 11)
    with db.session() as s:
        first = summarise(s)
        model = first.to_json()
        model.pop("reported_done", None)
        save_snapshot(session=s, client=CLIENT, model=model, markdown="-", author=AUTHOR)
        [stored] = snapshots(session=s, client=CLIENT)
    assert "reported_done" not in json.loads(stored.model_json)
    old = Summary.from_json(json.loads(stored.model_json))
    assert titles(old.done) == ["Patch the VPN"]
    fixed_now(TODAY, 12)
    with db.session() as s:
        second = summarise(s)
        save(s, second)
    fixed_now(TODAY, 13)
    with db.session() as s:
        third = summarise(s)
    assert (second.done, third.done) == ([], [])


def test_a_date_moved_by_a_year_says_which_year(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        item = add(s, "Renew the certificates", due=date(2026, 12, 5))
        first = summarise(s)
        save_snapshot(
            session=s,
            client=CLIENT,
            model=first.to_json(),
            markdown=str(render(first, "md")),
            author=AUTHOR,
        )
        plan.set_due(session=s, item_id=item, due=date(2027, 12, 5), author=AUTHOR)
        md = str(render(summarise(s), "md"))
    [moved] = [line for line in md.splitlines() if line.startswith("- Renew the certificates:")]
    assert "2027" in moved, moved  # not "was 5 Dec, now 5 Dec"


# --- 11. command options --------------------------------------------------------------------------


@pytest.fixture
def small_plan(sqlite_db: Database) -> Database:
    with sqlite_db.session() as s:
        add(s, "Replace the core switch", due=TODAY + timedelta(days=2))
        add(s, "Tidy the shared drive", due=TODAY + timedelta(days=3), must=False)
        add(s, "Write the runbook", due=TODAY + timedelta(days=10))
    return sqlite_db


def test_no_nice_leaves_out_nice_to_haves(
    small_plan: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = Cli(capsys, small_plan)
    code, with_nice, _ = cli("summary", CLIENT)
    assert code == 0 and "Tidy the shared drive" in with_nice
    code, without, _ = cli("summary", CLIENT, "--no-nice")
    assert code == 0
    assert "Tidy the shared drive" not in without
    assert "Replace the core switch" in without and "Write the runbook" in without


def test_next_call_widens_the_next_steps(
    small_plan: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = Cli(capsys, small_plan)

    def next_steps(*opts: str) -> str:
        code, out, err = cli("summary", CLIENT, *opts)
        assert code == 0, err
        return out.split("## Next steps", 1)[1]

    default = next_steps()
    assert "(before Mon 30 Nov 2026)" in default
    assert "Replace the core switch" in default and "Write the runbook" not in default
    wider = next_steps("--next-call", "+14d")
    assert "(before Mon 7 Dec 2026)" in wider
    assert "Write the runbook" in wider


def test_an_unknown_client_is_one_line_exit_1(
    small_plan: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = Cli(capsys, small_plan)("summary", "Nobody Ltd")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and "no client named" in err


def test_a_pdf_without_a_file_goes_to_a_pipe_as_bytes(
    small_plan: Database, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code = main(["--db", str(small_plan.url.database), "summary", CLIENT, "--format", "pdf"])
    out, err = capsysbinary.readouterr()
    assert code == 0, err
    assert out.startswith(b"%PDF")
    assert "Replace the core switch" in "".join(pdf_pages(out))


# --- readings that would embarrass us on the call -------------------------------------------------


def test_the_talk_track_never_says_by_a_date_already_past(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        build_golden_plan(s)
        talk = str(render(summarise(s), "talk"))
    past = [f"by {d.day} {d.strftime('%b')}" for d in (TODAY - timedelta(n) for n in range(1, 60))]
    said = [phrase for phrase in past if re.search(rf"{phrase}\b", talk)]
    assert not said, talk


def test_text_lines_fit_80_columns_with_wide_characters() -> None:
    def columns(line: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)

    summary = build(
        row(title="東京オフィスのネットワーク更新" * 8, client_note="請求書を確認" * 40)
    )
    text = str(render(summary, "txt"))
    assert max(columns(line) for line in text.splitlines()) <= 80
