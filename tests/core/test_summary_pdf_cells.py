"""The PDF's plan table draws a cell that fits on one line as plain text and wraps the rest:
either way the reader sees it all, and the leak guard reads exactly that."""

from __future__ import annotations

from functools import partial

from actionplan.config import Config
from actionplan.db import Database
from actionplan.summary.outgoing import prepare
from tests import support
from tests.support import AUTHOR, TODAY, person
from tests.support.plans import CLIENT, pdf_pages

add = partial(support.add, client=CLIENT)
LONG = "Replace the end-of-life firewall at the Leeds, Bradford and Halifax sites before March"


def test_short_and_long_cells_are_all_drawn_and_all_guarded(db: Database) -> None:
    person(db, "Jo Lee", "Network and security operations team", "us")
    add(db, "Patch the VPN", owner="Jo Lee", must=True)
    add(db, LONG, must=True)
    add(db, "Rotate keys", must=False)  # a nice-to-have: a paragraph with its mark
    add(db, "Hire a temp to cover the backlog", must=True)  # staffing talk: flagged
    with db.session() as s:
        out = prepare(session=s, client=CLIENT, fmt="pdf", today=TODAY, config=Config(AUTHOR))
    drawn = " ".join(" ".join(pdf_pages(out.content)).split())
    seen = " ".join(out.text.split())
    for text in ("Patch the VPN", LONG, "Network and security operations team", "Rotate keys"):
        assert text in drawn and text in seen
    assert "(nice to have)" in drawn
    assert any("Hire a temp" in f.sentence for f in out.flags)
