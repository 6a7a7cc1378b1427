"""The client summary's formats: plain text within 80 columns, self-contained escaped HTML, and
a PDF holding any script (without loading the PDF library for the others)."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from datetime import UTC, datetime, timedelta

from actionplan.summary.model import Summary
from actionplan.summary.render import render
from tests.support import ROOT, TODAY
from tests.support.plans import CLIENT, build, pdf_pages, row

# --- plain text width -----------------------------------------------------------------------------


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
            owner_client_id=1,  # the client's own contact: named
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


def test_text_lines_fit_80_columns_with_wide_characters() -> None:
    def columns(line: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)

    summary = build(
        row(title="東京オフィスのネットワーク更新" * 8, client_note="請求書を確認" * 40)
    )
    text = str(render(summary, "txt"))
    assert max(columns(line) for line in text.splitlines()) <= 80


# --- HTML -----------------------------------------------------------------------------------------


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
            owner_client_id=1,  # the client's own contact: named
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


# --- PDF ------------------------------------------------------------------------------------------


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
