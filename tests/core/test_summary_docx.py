"""The summary as a Word document: its golden text, Word's own styles, a header row that repeats
on every page, the health in colour, the paper size, and python-docx loaded only when needed.

After an intended change to the wording, regenerate the golden file with
``UPDATE_GOLDEN=1 pytest tests/core/test_summary_docx.py`` and read the diff before committing it.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn

from actionplan.config_summary import Branding
from actionplan.db import Database
from actionplan.summary.render import render
from tests.support import GOLDEN, ROOT
from tests.support.plans import build, build_golden_plan, docx_text, row, summarise

GOLDEN_DOCX = GOLDEN / "summary.docx.txt"


def golden_docx(db: Database) -> bytes:
    with db.session() as s:
        build_golden_plan(s)
        data = render(summarise(s), "docx")
    assert isinstance(data, bytes)
    return data


def test_the_word_summary_matches_its_golden_text(sqlite_db: Database) -> None:
    text = docx_text(golden_docx(sqlite_db))
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN_DOCX.write_text(text, encoding="utf-8")
    assert GOLDEN_DOCX.exists(), f"no {GOLDEN_DOCX}: create it with UPDATE_GOLDEN=1"
    assert text == GOLDEN_DOCX.read_text(encoding="utf-8"), "regenerate with UPDATE_GOLDEN=1"


def test_the_word_summary_uses_words_own_styles(sqlite_db: Database) -> None:
    doc = Document(io.BytesIO(golden_docx(sqlite_db)))
    styles = [p.style.name for p in doc.paragraphs]
    assert styles[0] == "Title"
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[:4] == [
        "Health",
        "Changes since last time",
        "The plan",
        "What we need from you",
    ]
    assert headings[4].startswith("Next steps (before ")
    # (The golden plan's slip shows as "promised": no summary has told the client yet.)
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 2"] == ["Done"]
    assert "List Bullet" in styles
    assert doc.core_properties.title == "Acme & Sons: what we're doing and when"


def test_the_plans_header_row_repeats_on_every_page(sqlite_db: Database) -> None:
    [table] = Document(io.BytesIO(golden_docx(sqlite_db))).tables
    header, *rows = table.rows
    assert [c.text for c in header.cells] == ["Item", "Owner", "Date", "Status"]
    assert _flag(header, "w:tblHeader") == "true"
    assert all(_flag(r, "w:tblHeader") is None for r in rows)
    assert all(_flag(r, "w:cantSplit") == "true" for r in rows)  # a row stays on one page
    nice = [c.text for r in rows for c in r.cells[:1] if "(nice to have)" in c.text]
    assert nice == [
        "Tidy the shared drive (nice to have)",
        "Set up MFA for the admin accounts (nice to have)",
    ]
    item = rows[0].cells[0].paragraphs
    assert [p.text for p in item][1].startswith("Parts are *on order*")  # the note, under it


@pytest.mark.parametrize(
    ("level", "colour"), [("green", "2E7D32"), ("amber", "B26A00"), ("red", "C62828")]
)
def test_the_health_is_bold_coloured_text(level: str, colour: str) -> None:
    from actionplan.summary.health import Health

    summary = build(row(title="Patch the VPN"))
    summary = type(summary)(**{**summary.__dict__, "health": Health(level, "because")})
    doc = Document(io.BytesIO(render(summary, "docx")))  # type: ignore[arg-type]
    paragraph = next(p for p in doc.paragraphs if p.text.startswith(level.capitalize() + ":"))
    first = paragraph.runs[0]
    assert first.bold and str(first.font.color.rgb) == colour


@pytest.mark.parametrize(("paper", "mm"), [("A4", (210, 297)), ("Letter", (215.9, 279.4))])
def test_the_word_summary_is_on_the_brands_paper(paper: str, mm: tuple[float, float]) -> None:
    data = render(build(row(title="Patch the VPN")), "docx", brand=Branding(paper=paper))
    section = Document(io.BytesIO(data)).sections[0]  # type: ignore[arg-type]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx(mm, abs=0.1)
    inner = section.page_width - section.left_margin - section.right_margin
    assert 170 <= inner / 36_000 <= 180  # (EMU to millimetres)


def test_user_text_is_kept_as_typed_and_the_seen_text_is_what_the_document_says() -> None:
    summary = build(row(title="Fix <b>it</b> & {{x}}", client_note="Line one\nline two"))
    seen: list[str] = []
    data = render(summary, "docx", seen=seen)
    text = docx_text(data)  # type: ignore[arg-type]
    assert "Fix <b>it</b> & {{x}}" in text and "Fix <b>it</b> & {{x}}" in seen
    for piece in seen:
        assert " ".join(piece.split()) in " ".join(text.split()), piece


def test_python_docx_loads_only_for_a_word_document() -> None:
    code = "import sys\nfrom actionplan.summary import render, docx\nprint('docx' in sys.modules)\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "False"


def _flag(row: Any, tag: str) -> str | None:
    trPr = row._tr.trPr
    found = trPr.find(qn(tag)) if trPr is not None else None
    return None if found is None else found.get(qn("w:val"))
