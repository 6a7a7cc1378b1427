"""``set ID --blocked-by / --not-blocked-by / --shift-dependents``: an item's dependencies,
changed with its other fields in one operation, and what was done in a line each."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from actionplan.cli.context import config
from actionplan.cli.output import say
from actionplan.text import plural

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.models import Item


def set_links(session: Session, args: argparse.Namespace, changes: dict[str, Any]) -> Item:
    """Apply ``set``'s changes with its dependency options, in one operation; says what the
    dependency options did (the caller says what the other changes did)."""
    from actionplan.plan.dependents import edit_linked

    done = edit_linked(
        session=session,
        item_id=args.id,
        author=config().author,
        block=args.blocked_by or (),
        unblock=args.not_blocked_by or (),
        shift_dependents=args.shift_dependents,
        expected_version=args.expect_version,
        reason=args.reason,
        **changes,
    )
    me = f"#{args.id}"
    if done.added:
        say(f"{me} blocked by {_ids(done.added)}")
    if done.already:
        say(f"{me} was already blocked by {_ids(done.already)}")
    if done.removed:
        say(f"{me} no longer blocked by {_ids(done.removed)}")
    if done.not_linked:
        say(f"{me} was not blocked by {_ids(done.not_linked)}")
    if args.shift_dependents:
        moved = f": {_ids(done.shifted)}" if done.shifted else ""
        say(f"moved the due dates of {plural(len(done.shifted), 'dependent item')}{moved}")
    return done.item


def _ids(ids: list[int]) -> str:
    return ", ".join(f"#{i}" for i in ids)
