"""The client summary (PRODUCT.md, feature map "summary" rows): golden files, the sections in
order, health, owners, and each format (plain text, HTML, PDF).

Golden files live in tests/golden/; after an intended change to the wording, regenerate them with
``UPDATE_GOLDEN=1 pytest tests/core/test_summary.py`` and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any

import pytest

from actionplan import plan
from actionplan.db import Database
from actionplan.queries import list_items
from actionplan.summary.model import Summary, build_summary
from actionplan.summary.render import render
from tests import support
from tests.support import AUTHOR, GOLDEN, ROOT, TODAY
from tests.support.plans import (
    CLIENT,
    HEADINGS,
    PREPARED_BY,
    TEXT_FORMATS,
    all_outputs,
    build_golden_plan,
    pdf_pages,
    rendered,
    row,
    section_bodies,
    summarise,
)

add = partial(support.add, client=CLIENT)  # every item is CLIENT's


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


# --- 1. golden files ------------------------------------------------------------------------------


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
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


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
