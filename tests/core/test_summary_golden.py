"""The client summary against its golden files (tests/golden/), and what the golden plan must
read like to a client whatever the files say.

After an intended change to the wording, regenerate the files with
``UPDATE_GOLDEN=1 pytest tests/core/test_summary_golden.py`` and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta

import pytest

from actionplan.db import Database
from actionplan.summary.render import render
from tests.support import GOLDEN, TODAY
from tests.support.plans import build_golden_plan, rendered, summarise

# --- golden files ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("md", "summary.md"),
        ("txt", "summary.txt"),
        ("html", "summary.html"),
        ("talk", "summary.talk.txt"),
        ("pdf", "summary.pdf.txt"),
    ],
)
def test_summary_matches_its_golden_file(sqlite_db: Database, fmt: str, name: str) -> None:
    """Each format as its reader gets it (the PDF as the text read back out of its pages)."""
    with sqlite_db.session() as s:
        build_golden_plan(s)
        text = rendered(summarise(s), fmt) if fmt == "pdf" else str(render(summarise(s), fmt))
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


# --- readings that would embarrass us on the call -------------------------------------------------


def test_the_talk_track_never_says_by_a_date_already_past(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        build_golden_plan(s)
        talk = str(render(summarise(s), "talk"))
    past = [f"by {d.day} {d.strftime('%b')}" for d in (TODAY - timedelta(n) for n in range(1, 60))]
    said = [phrase for phrase in past if re.search(rf"{phrase}\b", talk)]
    assert not said, talk
