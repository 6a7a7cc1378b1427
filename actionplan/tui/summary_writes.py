"""The summary preview's reads and writes of a client's own words (next call, headline, intro,
health): what is stored, the line that says whose health it is, and saving a change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text

from actionplan import plan
from actionplan.plan.settings import SummarySettings

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.summary.health import Health
    from actionplan.summary.model import Summary
    from actionplan.tui.screens.summary_words import Stored


def stored_words(session: Session, client: str, computed: Health) -> Stored:
    """A client's summary settings as stored, with ``computed``, the health its plan gives it
    (the preview has it from the summary on screen).

    Raises:
        NotFound: when there is no such client (any more).
    """
    from actionplan.plan.named import client_named
    from actionplan.summary.source import words_of
    from actionplan.tui.screens.summary_words import Stored

    found = client_named(session, client)
    return Stored(client=found.name, words=words_of(found), computed=computed)


def health_line(summary: Summary) -> Text:
    """Whose health the summary shows: computed, or set by hand (and whether the plan agrees)."""
    auto = summary.auto_health
    if auto is None:
        return Text.assemble(("Health: computed from the plan", "dim"), ("  (e sets it)", "dim"))
    line = Text(f"Health set by you: {summary.health.level.capitalize()}")
    if auto.level == summary.health.level:
        line.append("  (the plan agrees)", style="dim")
    else:
        line.append(
            f"  · computed: {auto.level.capitalize()} ({auto.reason}): they disagree",
            style="bold yellow",
        )
    return line


@dataclass(frozen=True)
class SaveWords:
    """Store a client's summary settings: one operation, which undo reverts."""

    client: str
    settings: SummarySettings
    author: str
    undoable: bool = True

    def __call__(self, session: Session) -> str:
        found, changed = plan.set_summary_settings(
            session=session, client=self.client, settings=self.settings, author=self.author
        )
        if not changed:
            return f"{found.name}: nothing changed"
        return f"{found.name}: saved the {', '.join(changed)}"
