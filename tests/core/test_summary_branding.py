"""The account team's branding in the HTML, PDF and Word headers: company, contact, logo,
footer and paper size; a bad logo is one line; and the leak guard lets their own words go."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlmodel import select

from actionplan.config import Config
from actionplan.config_summary import Branding
from actionplan.db import Database
from actionplan.models import Client
from actionplan.plan.errors import Invalid
from actionplan.summary.guarding import flags_for, guard_setup
from actionplan.summary.outgoing import prepare, render_for_release
from actionplan.summary.render import render
from tests.support import TODAY, add
from tests.support.plans import build, docx_text, pdf_pages, row

CONTACT = "Sam Ito, Account manager, sam@northwind-it.example, +44 20 7946 0000"
FOOTER = "Northwind IT Ltd · Registered in England 01234567"
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
    '<rect width="120" height="40" fill="#1f5fa8"/></svg>'
)
POINTS = {"A4": (595.3, 841.9), "Letter": (612.0, 792.0)}


def png(path: Path, size: tuple[int, int] = (300, 90)) -> Path:
    Image.new("RGB", size, "#1f5fa8").save(path, "PNG")
    return path


def brand(tmp_path: Path, paper: str = "A4", logo: str = "png", **kw: str) -> Branding:
    path = png(tmp_path / "logo.png") if logo == "png" else tmp_path / "logo.svg"
    if logo == "svg":
        path.write_text(SVG, encoding="utf-8")
    values = {"company": "Northwind <IT>", "contact": CONTACT, "footer": FOOTER, **kw}
    return Branding(**values, logo=path, paper=paper)


SUMMARY = build(row(title="Patch the <b>VPN</b>", client_note="On track & tested"))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_pdf_is_on_the_brands_paper_with_its_header_and_footer(
    tmp_path: Path, paper: str
) -> None:
    data = render(SUMMARY, "pdf", brand=brand(tmp_path, paper))
    assert isinstance(data, bytes)
    [page] = PdfReader(io.BytesIO(data)).pages
    size = (float(page.mediabox.width), float(page.mediabox.height))
    assert size == pytest.approx(POINTS[paper], abs=0.1)
    assert page.images, "the logo is drawn"
    text = " ".join(pdf_pages(data)[0].split())
    assert "Northwind <IT>" in text and CONTACT in text and FOOTER in text
    assert "Patch the <b>VPN</b>" in text  # user text stays as typed


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_an_svg_logo_is_drawn_in_the_pdf(tmp_path: Path, paper: str) -> None:
    data = render(SUMMARY, "pdf", brand=brand(tmp_path, paper, logo="svg"))
    assert isinstance(data, bytes) and data.startswith(b"%PDF")
    [page] = PdfReader(io.BytesIO(data)).pages
    assert b".121569 .372549 .658824 rg" in page.get_contents().get_data()  # the SVG's fill


@pytest.mark.parametrize(("paper", "css"), [("A4", "size: A4;"), ("Letter", "size: letter;")])
def test_the_html_has_the_paper_size_the_header_and_the_logo_inline(
    tmp_path: Path, paper: str, css: str
) -> None:
    html = str(render(SUMMARY, "html", brand=brand(tmp_path, paper)))
    assert f"@page {{ {css}" in html
    assert '<img src="data:image/png;base64,iVBOR' in html
    assert "Northwind &lt;IT&gt;" in html and "<IT>" not in html
    assert CONTACT in html and FOOTER in html


def test_an_svg_logo_is_inline_in_the_html(tmp_path: Path) -> None:
    html = str(render(SUMMARY, "html", brand=brand(tmp_path, logo="svg")))
    assert '<img src="data:image/svg+xml;base64,' in html


def test_no_branding_leaves_the_documents_as_they_were() -> None:
    plain = str(render(SUMMARY, "html"))
    assert plain == str(render(SUMMARY, "html", brand=Branding()))
    assert '<header class="brand">' not in plain and "size: A4;" in plain
    [page] = PdfReader(io.BytesIO(render(SUMMARY, "pdf"))).pages  # type: ignore[arg-type]
    assert float(page.mediabox.width) == pytest.approx(POINTS["A4"][0], abs=0.1)


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
@pytest.mark.parametrize("problem", ["missing", "not a picture", "a folder"])
def test_a_bad_logo_is_one_line_naming_the_file(tmp_path: Path, fmt: str, problem: str) -> None:
    path = tmp_path / "logo.png"
    if problem == "not a picture":
        path.write_text("hello", encoding="utf-8")
    elif problem == "a folder":
        path.mkdir()
    with pytest.raises(Invalid) as caught:
        render(SUMMARY, fmt, brand=Branding(company="Northwind", logo=path))
    message = str(caught.value)
    assert str(path) in message and "\n" not in message


def test_word_asks_for_a_png_logo(tmp_path: Path) -> None:
    with pytest.raises(Invalid, match="must be a PNG for Word"):
        render(SUMMARY, "docx", brand=brand(tmp_path, logo="svg"))


# --- the leak guard and the account team's own words --------------------------------------------


def test_the_account_teams_own_contact_is_not_a_leak_but_the_same_in_a_note_is(
    db: Database, tmp_path: Path
) -> None:
    config = Config(
        name="Sam Ito",
        internal_domains=("northwind-it.example",),
        branding=brand(tmp_path),
    )
    add(db, "Patch the VPN", client_note="Parts arrive Friday.")
    for fmt in ("html", "pdf", "docx"):
        with db.session() as s:
            out = prepare(session=s, client="Acme", fmt=fmt, today=TODAY, config=config)
        assert CONTACT in " ".join(out.text.split()), fmt  # the guard read it...
        assert out.flags == (), (fmt, [str(f) for f in out.flags])  # ...and let it go
    with db.session() as s:  # the same header, where the config does not vouch for it
        client = s.exec(select(Client).where(Client.name == "Acme")).one()
        setup = guard_setup(session=s, client=client, config=replace(config, branding=Branding()))
    _, text = render_for_release(out.summary, "docx", brand=config.branding)
    pending, _ = flags_for(out.summary, text, setup)
    assert "sam@northwind-it.example" in {f.found for f in pending}
    add(db, "Ask sam@northwind-it.example for the quote", client_note="See INC0012345.")
    with db.session() as s:
        out = prepare(session=s, client="Acme", fmt="docx", today=TODAY, config=config)
    found = {f.found for f in out.flags}
    assert {"sam@northwind-it.example", "INC0012345"} <= found


def test_word_text_holds_the_header_and_footer(tmp_path: Path) -> None:
    data = render(SUMMARY, "docx", brand=brand(tmp_path))
    assert isinstance(data, bytes)
    text = docx_text(data)
    assert "[header]" in text and "Northwind <IT>" in text and CONTACT in text
    assert f"[footer] {FOOTER}" in text
