"""Internal remarks never leave (issue 15): whatever was typed in them, and whatever was typed
in the client-facing fields beside them, no format of the check that ``release_check`` lets
out (Markdown, text, HTML, PDF, Word) carries a word of them."""

from __future__ import annotations

import io
import re
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from actionplan.config import Config
from actionplan.db import Database
from actionplan.health.catalogue import find_form
from actionplan.health.outgoing import release_check
from actionplan.models import Client
from actionplan.plan.health import Entry, keep_check
from tests.support import AUTHOR, TODAY, add

FORM = find_form("monthly-it-health-check")
FORMATS = ("md", "txt", "html", "pdf", "docx")

_marker = st.text(st.sampled_from("ABCDEFGHJKLMNPQRSTUVWXYZ23456789"), min_size=6, max_size=12)
_typed = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(
    str.strip
)


def readable(fmt: str, content: bytes) -> str:
    """What a reader of the file can see: the text, the PDF's extracted text, Word's XML
    without its tags."""
    if fmt == "pdf":
        pages = PdfReader(io.BytesIO(content)).pages
        return "\n".join(page.extract_text() or "" for page in pages)
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(content)) as z:
            xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/"))
        return re.sub(r"<[^>]+>", "", xml)
    return content.decode("utf-8")


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    marker=_marker,
    remark=_typed,
    summary=_typed,
    incidents=st.lists(_typed, max_size=3),
    uptime=st.floats(0, 100),
)
def test_internal_remarks_never_reach_any_format(
    sqlite_db: Database,
    marker: str,
    remark: str,
    summary: str,
    incidents: list[str],
    uptime: float,
) -> None:
    secret = "ZQXJ" + marker
    if not _has_client(sqlite_db):
        add(sqlite_db, "Item", "Acme")
    values = {
        "summary": _unmarked(summary),
        "incidents": [_unmarked(i) for i in incidents],
        "uptime_percent": round(uptime, 2),
        "internal_remarks": f"{secret} {remark} {secret.lower()}",
    }
    with sqlite_db.session() as s:
        entry = Entry(FORM, values, client="Acme", checked_on=TODAY)
        keep_check(session=s, entry=entry, author=AUTHOR)
    with sqlite_db.session() as s:
        client = s.get(Client, 1)
        assert client is not None
        for fmt in FORMATS:
            out = release_check(
                session=s,
                client=client,
                check_id=None,
                fmt=fmt,
                config=Config(AUTHOR),
                force=True,
            )
            seen = readable(fmt, out.content)
            assert secret not in seen and secret.lower() not in seen, fmt
            assert "Internal remarks" not in seen, fmt


def _unmarked(text: str) -> str:
    """Typed text that cannot hold the marker by chance."""
    return re.sub("(?i)zqxj", "-", text)


def _has_client(db: Database) -> bool:
    with db.session() as s:
        return s.get(Client, 1) is not None
