"""Where a released summary goes from the app: a new private file, or a saved snapshot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from actionplan.summary.outgoing import Outgoing

EXTENSIONS = {"md": "md", "txt": "txt", "html": "html", "pdf": "pdf", "talk": "talk.txt"}


def write_export(out: Outgoing, folder: Path) -> Path:
    """The summary as a new file in ``folder``: 0600, never over another file ("… (2).md")."""
    from actionplan.outfile import safe_stem, write_new

    stem = safe_stem(f"{out.summary.client} {out.summary.day.isoformat()}")
    return write_new(folder, stem, EXTENSIONS[out.fmt], out.content)


def save_as_snapshot(session: Any, out: Outgoing, author: str) -> None:
    """The summary kept as sent: the next one says what changed since."""
    from actionplan.plan.snapshots import save_snapshot

    save_snapshot(
        session=session,
        client=out.summary.client,
        model=out.summary.to_json(),
        markdown=out.markdown,
        author=author,
    )
