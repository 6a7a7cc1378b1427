"""A blocked item's line says what it waits for ("after: Order laptops"), in every format, and
never names an item the client may not see."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from actionplan import plan
from actionplan.db import Database
from actionplan.plan.dependencies import block
from actionplan.summary.model import Summary
from tests import support
from tests.support import AUTHOR, TODAY
from tests.support.plans import CLIENT, all_outputs, summarise

add = partial(support.add, client=CLIENT)


def _block(db: Database, item_id: int, *blockers: int) -> None:
    with db.session() as s:
        block(session=s, item_id=item_id, blocked_by=list(blockers), author=AUTHOR)


def _summary(db: Database) -> Summary:
    with db.session() as s:
        return summarise(s)


def _line(summary: Summary, title: str) -> tuple[str, ...]:
    (line,) = [ln for ln in summary.plan if ln.title == title]
    return line.after


def test_a_blocked_items_line_says_after_what_in_markdown_and_text(db: Database) -> None:
    laptops = add(db, "Order laptops", due=TODAY + timedelta(days=3))
    setup = add(db, "Set up the laptops", due=TODAY + timedelta(days=10))
    _block(db, setup, laptops)
    summary = _summary(db)
    assert _line(summary, "Set up the laptops") == ("Order laptops",)
    assert _line(summary, "Order laptops") == ()
    out = all_outputs(summary)
    (md_row,) = [r for r in out["md"].splitlines() if r.startswith("| Set up the laptops")]
    assert "3 Dec, after: Order laptops" in md_row
    assert "3 Dec, after: Order laptops · Planned" in out["txt"]
    for fmt in ("html", "pdf", "docx", "eml"):
        assert "after: Order laptops" in " ".join(out[fmt].split()), fmt


def test_an_internal_only_done_or_deleted_blocker_is_never_named(db: Database) -> None:
    secret = add(db, "ZQSECRET vendor escalation", visibility="internal")
    done = add(db, "Finished first")
    gone = add(db, "Deleted first")
    setup = add(db, "Set up the laptops", due=TODAY + timedelta(days=3))
    _block(db, setup, secret, done, gone)
    support.edit(db, done, status="done")
    with db.session() as s:
        plan.delete_item(session=s, item_id=gone, author=AUTHOR)
    summary = _summary(db)
    assert _line(summary, "Set up the laptops") == ()
    for fmt, text in all_outputs(summary).items():
        assert "ZQSECRET" not in text, fmt
        assert "after: " not in " ".join(text.split()).replace("break-after: ", ""), fmt


def test_only_the_visible_blockers_are_named_and_a_snapshot_keeps_them(db: Database) -> None:
    secret = add(db, "ZQSECRET internal step", visibility="internal")
    laptops = add(db, "Order laptops")
    setup = add(db, "Set up the laptops", due=TODAY + timedelta(days=3))
    _block(db, setup, secret, laptops)
    summary = _summary(db)
    assert _line(summary, "Set up the laptops") == ("Order laptops",)
    assert all("ZQSECRET" not in text for text in all_outputs(summary).values())
    again = Summary.from_json(summary.to_json())
    assert again == summary
    lines = {ln["title"]: ln for ln in summary.to_json()["plan"]}
    assert lines["Set up the laptops"]["after"] == ["Order laptops"]
    assert "after" not in lines["Order laptops"]  # (a line waiting for nothing)
