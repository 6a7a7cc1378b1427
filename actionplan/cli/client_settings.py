"""``clients set``'s summary settings: what was asked for, and the settings as they stand."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from actionplan.cli.context import parse_when
from actionplan.cli.output import say

if TYPE_CHECKING:
    from actionplan.models import Client
    from actionplan.plan.settings import SummarySettings

_CLEAR = {"none", "never", "no", "-"}
VENDOR_WAYS = {"company": "by their company", "generic": "as 'our supplier'"}


def words_given(args: argparse.Namespace) -> SummarySettings | None:
    """The summary settings the command line gives, or None when it gives none.

    Raises:
        CliError: for a next call that is not a date.
    """
    from actionplan.plan.settings import SummarySettings

    given = (args.next_call, args.headline, args.intro, args.health, args.health_reason)
    if all(value is None for value in given):
        return None
    clear = args.next_call is not None and args.next_call.strip().lower() in _CLEAR
    next_call = None
    if args.next_call is not None and not clear:
        next_call = parse_when(args.next_call, field="next-call")
    return SummarySettings(
        next_call=next_call,
        clear_next_call=clear,
        headline=args.headline,
        intro=args.intro,
        health=args.health,
        health_reason=args.health_reason,
    )


def show_settings(client: Client) -> None:
    """Every summary setting of a client, one a line, with the flag that changes it."""
    from actionplan.dates import describe

    health = client.health
    if health != "auto":
        health += f": {client.health_reason}"
    rows = [
        ("next call", describe(client.next_call) if client.next_call else "not set", "--next-call"),
        ("headline", client.headline or "none", "--headline"),
        ("intro", " ".join(client.intro.split()) or "none", "--intro"),
        ("health", health if health != "auto" else "auto (computed)", "--health"),
        ("vendors", f"shown {VENDOR_WAYS[client.vendor_names.value]}", "--vendor-names"),
    ]
    say(f"{client.name}:")
    for label, value, flag in rows:
        say(f"  {label + ':':<11} {value}  ({flag})")
