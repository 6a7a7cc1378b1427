"""Where a released summary goes from the app: a new private file, or a saved snapshot."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from actionplan.summary.outgoing import Outgoing

EXTENSIONS = {
    "md": "md",
    "txt": "txt",
    "html": "html",
    "pdf": "pdf",
    "talk": "talk.txt",
    "docx": "docx",
    "eml": "eml",
}


def write_export(out: Outgoing, folder: Path) -> Path:
    """The summary as a new file in ``folder``: 0600, never over another file ("… (2).md")."""
    from actionplan.outfile import safe_stem, write_new

    stem = safe_stem(f"{out.summary.client} {out.summary.day.isoformat()}")
    return write_new(folder, stem, EXTENSIONS[out.fmt], out.content)


def save_as_snapshot(
    session: Any,
    out: Outgoing,
    author: str,
    *,
    sent_as: str | None = None,
    recipients: Sequence[str] | None = None,
) -> None:
    """The summary kept as sent (``out`` is its Markdown): the next one says what changed
    since, and the board's "not told" clears for every date it carried.

    Args:
        sent_as: the format that left (default: Markdown), or "copy".
        recipients: to whom (default: the client's status-summary recipients).
    """
    from actionplan.plan.snapshots import save_snapshot

    if recipients is None:
        recipients = recipients_of(session, out.summary.client)
    save_snapshot(
        session=session,
        client=out.summary.client,
        model=out.summary.to_json(),
        markdown=out.markdown,
        author=author,
        sent_as=sent_as or out.fmt,
        recipients=recipients,
    )


def recipients_of(session: Any, client: str) -> list[str]:
    """The client's status-summary recipients, as "Name <address>" (or the name alone)."""
    from actionplan.queries import status_recipients

    return [
        f"{r.name} <{r.email}>" if r.email else r.name
        for r in status_recipients(session=session, client=client)
    ]
