"""The writes the health-check screens queue (each one plan operation, run on the app's writer
thread), and the export of a check, which writes a file and nothing in the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.config import Config
    from actionplan.health.outgoing import CheckOut
    from actionplan.plan.health import Entry


@dataclass(frozen=True)
class KeepCheck:
    """Keep a check as filled in (``plan.health.keep_check``); returns the check's id."""

    entry: Entry
    author: str
    today: date

    def __call__(self, session: Session) -> int:
        from actionplan.plan.health import keep_check

        row = keep_check(session=session, entry=self.entry, author=self.author, today=self.today)
        assert row.id is not None
        return row.id


@dataclass(frozen=True)
class FromRecommendations:
    """Turn a check's chosen recommendations into plan items; returns the titles added."""

    check_id: int
    indexes: tuple[int, ...]
    author: str

    def __call__(self, session: Session) -> list[str]:
        from actionplan.plan.recommend import items_from_recommendations

        added = items_from_recommendations(
            session=session, check_id=self.check_id, indexes=self.indexes, author=self.author
        )
        return [item.title for item in added]


def export_check(
    session: Session, *, client: str, check_id: int, config: Config, force: bool = False
) -> tuple[CheckOut, Path]:
    """A check's PDF, released through the one exit and written as a new file in the export
    folder the summaries go to.

    Raises:
        CheckFlagged: the guard found something (unless ``force``); nothing is written.
    """
    from actionplan.health.outgoing import release_check
    from actionplan.outfile import write_new
    from actionplan.plan.named import client_named
    from actionplan.tui.screens.summary_actions import export_folder

    found = client_named(session, client)
    out = release_check(
        session=session, client=found, check_id=check_id, fmt="pdf", config=config, force=force
    )
    stem = out.filename.removesuffix(".pdf")
    return out, write_new(export_folder(), stem, "pdf", out.content)
