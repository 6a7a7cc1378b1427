"""A secret too long for a line is still a secret: plain text cuts a word longer than its
width across two lines, and the guard must still find it there (found in review: a token in a
client note, or in the health reason, left in the .txt export unflagged)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan import plan
from actionplan.config import Config
from actionplan.plan.settings import SummarySettings
from actionplan.summary.outgoing import FORMATS, Flagged, release
from tests import support
from tests.support import AUTHOR, TODAY, fresh_sqlite
from tests.support.plans import CLIENT

add = partial(support.add, client=CLIENT)
TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _token(body: str) -> str:
    """A JSON web token's shape: three dotted parts, the first the usual header."""
    return f"eyJhbGciOiJIUzI1NiJ9.{body}.{body[::-1]}"


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.text(alphabet=TOKEN_CHARS, min_size=40, max_size=120),
    where=st.sampled_from(["client_note", "health_reason"]),
    fmt=st.sampled_from([f for f in FORMATS if f != "talk"]),
)
def test_a_long_token_is_flagged_however_the_format_breaks_its_lines(
    sqlite_template: Path, body: str, where: str, fmt: str
) -> None:
    token = _token(body)
    with fresh_sqlite(sqlite_template) as db, db.session() as s:
        add(s, "Reset the VPN", client_note=f"Use token {token}" if where == "client_note" else "")
        if where == "health_reason":
            words = SummarySettings(health="amber", health_reason=f"vpn token {token}")
            plan.set_summary_settings(session=s, client=CLIENT, settings=words, author=AUTHOR)
        with pytest.raises(Flagged) as stopped:
            release(
                session=s,
                client=CLIENT,
                fmt=fmt,
                today=TODAY,
                config=Config(AUTHOR),
                deliver=lambda o: None,
            )
    assert any(f.rule == "secret" or "token" in f.why for f in stopped.value.pending), [
        str(f) for f in stopped.value.pending
    ]
