"""A health check as HTML, PDF and Word (issue 15): the shipped form fully filled prints on one
PDF page on A4 and Letter, with or without a logo; blanks are N/A, thresholds are marked in
colour and in words, trends name the previous value; the HTML escapes what was typed."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from actionplan.config import Config
from actionplan.config_summary import Branding
from actionplan.db import Database
from actionplan.health.catalogue import find_form
from actionplan.health.document import CheckDoc, render_bytes
from actionplan.health.outgoing import release_check
from actionplan.health.trends import series
from actionplan.models import Client
from actionplan.plan.health import Entry, keep_check
from tests.support import AUTHOR, TODAY, add
from tests.support.docx_text import docx_text

FORM = find_form("monthly-it-health-check")
DAYS = [TODAY - timedelta(days=30 * k) for k in range(5, -1, -1)]
"""Six monthly checks, this one last."""
UPTIME = [99.9, 99.7, 99.95, 97.5, 99.8, 98.9]
FAILED = [30, 45, 60, 210, 40, 52]
INCIDENTS = [
    "Mail outage on 4 Nov, 40 minutes, caused by a certificate renewal",
    "VPN concentrator rebooted unexpectedly on 9 Nov; 15 minutes without remote access",
    "Printer queue on PRN02 stuck twice; driver updated",
    "One laptop reported stolen; remotely wiped within the hour",
    "Phishing e-mail reported by three staff; blocked at the gateway",
]
RECOMMENDATIONS = [
    "Replace the backup appliance before its warranty ends in February",
    "Enable multi-factor authentication for the remaining four admin accounts",
    "Move SQL01's E: volume to larger disks before it reaches 90%",
    "Review the accounts of leavers every month",
    "Schedule a full test restore of the finance share next month",
]


def values(n: int) -> dict[str, Any]:
    """Check ``n`` of six (0 the oldest), every field filled."""
    return {
        "last_good_backup": "2026-11-22",
        "last_test_restore": "2026-11-02",
        "restore_result": "passed",
        "servers_patched": [100, 96, 92, 97, 100, 94][n],
        "workstations_patched": [91, 88, 93, 95, 89, 92][n],
        "endpoint_protection": "yes",
        "failed_signins": FAILED[n],
        "admin_accounts_reviewed": "no",
        "disk_use": ["FS01 C: 54%", "FS01 D: 71%", "SQL01 E: 83%", "APP02 C: 47%"],
        "renewals_due": [
            "Firewall support contract, 14 Jan 2027",
            "Microsoft 365 Business Premium (42 seats), 1 Feb 2027",
            "Backup appliance warranty, 20 Feb 2027",
        ],
        "uptime_percent": UPTIME[n],
        "incidents": INCIDENTS,
        "recommendations": RECOMMENDATIONS,
        "summary": "A steady month: backups and patching are in good shape, uptime dipped "
        "after the VPN incident, and failed sign-ins are back to normal.",
        "internal_remarks": "ZQXJINTERNAL do not send",
    }


def full(brand: Branding | None = None, **changed: Any) -> CheckDoc:
    """The shipped form fully filled, after five earlier checks."""
    checks = [values(n) for n in range(6)]
    checks[-1].update(changed)
    return CheckDoc(
        form=FORM,
        client="Acme <Ltd> & Co",
        checked_on=TODAY,
        values=checks[-1],
        previous=checks[-2],
        prepared_by=AUTHOR,
        history=tuple(series(FORM, checks)),
        history_dates=tuple(DAYS),
        brand=brand or Branding(),
    )


def logo(tmp_path: Path) -> Path:
    path = tmp_path / "logo.png"
    Image.new("RGB", (300, 90), "#1f5fa8").save(path, "PNG")
    return path


def pdf_text(data: bytes) -> tuple[int, str]:
    """A PDF's page count and its text, spaces made single."""
    assert data.startswith(b"%PDF")
    pages = PdfReader(io.BytesIO(data)).pages
    return len(pages), " ".join(" ".join((p.extract_text() or "").split()) for p in pages)


def every_format(doc: CheckDoc) -> dict[str, str]:
    """The document in every format, as the text a reader sees (the HTML as its source)."""
    out = {fmt: render_bytes(doc, fmt).decode("utf-8") for fmt in ("md", "txt", "html")}
    out["pdf"] = pdf_text(render_bytes(doc, "pdf"))[1]
    out["docx"] = docx_text(render_bytes(doc, "docx"))
    return out


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("with_logo", [False, True])
def test_the_full_check_is_one_pdf_page(tmp_path: Path, paper: str, with_logo: bool) -> None:
    brand = Branding(
        company="Northwind IT",
        contact="Sam Ito, Account manager, sam@northwind-it.example, +44 20 7946 0000",
        logo=logo(tmp_path) if with_logo else None,
        footer="Northwind IT Ltd · Registered in England 01234567",
        paper=paper,
    )
    pages, text = pdf_text(render_bytes(full(brand), "pdf"))
    assert pages == 1
    for words in (*INCIDENTS, *RECOMMENDATIONS, "Acme <Ltd> & Co", "Northwind IT Ltd"):
        assert words in text
    assert "The last 6 checks" in text, "the chart's heading"
    assert "ZQXJ" not in text and "Internal remarks" not in text


def test_a_huge_check_still_prints_every_entry_over_more_pages() -> None:
    many = [f"Incident {n}: a fairly ordinary description of what happened" for n in range(60)]
    pages, text = pdf_text(render_bytes(full(incidents=many), "pdf"))
    assert pages >= 2
    assert "Incident 0:" in text and "Incident 59:" in text


def test_blanks_print_na_in_every_format() -> None:
    blank = replace(full(), values={"uptime_percent": 99.9}, previous=None)
    for fmt, text in every_format(blank).items():
        # Every client-facing field but uptime (in Word a line each: a list's cell spans two).
        found = text.count("N/A") if fmt != "docx" else sum("N/A" in ln for ln in text.split("\n"))
        assert found == 13, fmt
        assert "99.9%" in text, fmt


def test_thresholds_are_marked_in_colour_and_in_words() -> None:
    doc = full()
    out = every_format(doc)
    for fmt in ("md", "txt", "pdf", "docx"):
        assert "98.9% (amber)" in out[fmt], fmt
        assert "52 (amber)" in out[fmt], fmt
    assert '98.9% <span class="flag amber">amber</span>' in out["html"]
    assert 'class="amber-cell"' in out["html"]
    xml = zipfile.ZipFile(io.BytesIO(render_bytes(doc, "docx"))).read("word/document.xml")
    assert b'w:fill="fdf3e1"' in xml, "the amber cell is shaded"
    red = every_format(full(uptime_percent=97.0))
    assert "97% (red)" in red["pdf"] and "97% (red)" in red["docx"]
    assert '<span class="flag red">red</span>' in red["html"]


def test_trends_name_the_previous_value_in_every_format() -> None:
    for fmt, text in every_format(full()).items():
        assert "▼ from 99.8%" in text, fmt
        assert "▲ from 40" in text, fmt


def test_the_html_escapes_what_was_typed_and_carries_its_own_assets(tmp_path: Path) -> None:
    doc = full(
        Branding(company="Northwind <IT>", logo=logo(tmp_path), paper="Letter"),
        summary="<script>alert(1)</script>",
        incidents=["<img src=x onerror=alert(2)>"],
    )
    html = render_bytes(doc, "html").decode("utf-8")
    assert "<script" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "Acme &lt;Ltd&gt; &amp; Co" in html and "Northwind &lt;IT&gt;" in html
    assert 'src="data:image/png;base64,' in html
    assert "size: letter;" in html
    assert html.count("<svg") == 4, "a sparkline per numeric field"
    assert not re.search(r"""(src|href)=["']?https?:""", html), "nothing fetched"


def test_the_chart_needs_two_known_values() -> None:
    doc = replace(full(), history=tuple(series(FORM, [values(5)])), history_dates=(TODAY,))
    assert "<svg" not in render_bytes(doc, "html").decode("utf-8")
    assert "The last" not in pdf_text(render_bytes(doc, "pdf"))[1]


def test_word_opens_and_holds_the_values() -> None:
    text = docx_text(render_bytes(full(), "docx"))
    assert "# Monthly IT health check" in text
    assert "Client: Acme <Ltd> & Co · Date: 23 Nov 2026 · Prepared by: Tester" in text
    assert "## Availability" in text
    assert "| Uptime this period | 98.9% (amber) | ▼ from 99.8% / " in text
    assert "| Last good backup | 22 Nov 2026 |" in text
    for entry in (*INCIDENTS, *RECOMMENDATIONS):
        assert f"• {entry}" in text
    assert "ZQXJ" not in text and "Internal remarks" not in text


def test_show_as_pdf_goes_through_the_database_and_the_guard(sqlite_db: Database) -> None:
    add(sqlite_db, "Item", "Acme")
    with sqlite_db.session() as s:
        for n, day in enumerate(DAYS):
            keep_check(
                session=s,
                entry=Entry(FORM, values(n), client="Acme", checked_on=day),
                author=AUTHOR,
            )
    with sqlite_db.session() as s:
        client = s.get(Client, 1)
        assert client is not None
        out = {
            fmt: release_check(
                session=s, client=client, check_id=None, fmt=fmt, config=Config(AUTHOR)
            )
            for fmt in ("pdf", "html", "docx")
        }
    pages, text = pdf_text(out["pdf"].content)
    assert pages == 1 and "98.9% (amber) ▼ from 99.8%" in text
    assert out["html"].content.count(b"<svg") == 4
    assert "98.9% (amber)" in docx_text(out["docx"].content)
    assert out["pdf"].filename == f"Acme health check {TODAY.isoformat()}.pdf"
