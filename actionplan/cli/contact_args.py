"""The grammar of the commands on clients and people: listing, rename, merge, archive, delete,
and a person's details. Only argparse here, so ``--help`` stays quick."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

Command = Callable[[str, str, str], argparse.ArgumentParser]
Action = Callable[..., argparse.ArgumentParser]


def contact_commands(command: Command, action: Action) -> None:
    """Add ``clients`` and ``people``, each a listing with optional actions after it."""
    p = command(
        "clients",
        "contacts:run_clients",
        "clients with open, overdue and escalated counts; rename, merge, archive, set, delete",
    )
    p.add_argument("--archived", action="store_true", help="archived clients too, marked")
    p.add_argument("--json", action="store_true", help="a JSON array, one object per client")
    actions = p.add_subparsers(title="actions (none: list the clients)", metavar="ACTION")
    _rename_and_merge(actions, action, "client", "client")
    a = action(
        actions,
        "archive",
        "contacts:run_client_archive",
        "hide a client from the switcher, agenda, workload, triage and recurring",
    )
    a.add_argument("client")
    a.add_argument("--force", action="store_true", help="even though it has open items")
    a = action(actions, "unarchive", "contacts:run_client_unarchive", "list a client again")
    a.add_argument("client")
    a = action(
        actions,
        "set",
        "contacts:run_client_set",
        "a client's settings for its summaries (none given: show them)",
    )
    a.add_argument("client")
    a.add_argument(
        "--vendor-names",
        choices=["company", "generic"],
        help="vendors' items show their company (the default), or 'our supplier' (generic)",
    )
    a.add_argument(
        "--next-call", metavar="WHEN", help="the date of the next call with them ('none' clears)"
    )
    a.add_argument("--headline", metavar="TEXT", help="a headline for their summaries ('' clears)")
    a.add_argument("--intro", metavar="TEXT", help="an intro paragraph under it ('' clears)")
    a.add_argument(
        "--health",
        choices=["auto", "green", "amber", "red"],
        help="the health their summaries show: computed (auto) or set by you",
    )
    a.add_argument(
        "--health-reason", metavar="TEXT", help="the reason the client reads for a health you set"
    )
    a = action(
        actions,
        "delete",
        "contacts:run_client_delete",
        "delete a client that has no items and no snapshots (undo brings it back)",
    )
    a.add_argument("client")

    p = command(
        "people",
        "contacts:run_people",
        "people who can own items, with their details; rename, merge, archive",
    )
    p.add_argument("--client", help="only this client's contacts")
    p.add_argument(
        "--unattached",
        action="store_true",
        help="only client-side people of no client yet (settle one: person NAME --client C)",
    )
    p.add_argument("--archived", action="store_true", help="archived people too, marked")
    p.add_argument("--json", action="store_true", help="a JSON array, one object per person")
    p.add_argument(
        "--notes", action="store_true", help="with --json: each person's internal note too"
    )
    actions = p.add_subparsers(title="actions (none: list the people)", metavar="ACTION")
    _rename_and_merge(actions, action, "person", "person")
    a = action(
        actions, "archive", "contacts:run_person_archive", "no longer offer someone as an owner"
    )
    a.add_argument("name")
    a.add_argument("--force", action="store_true", help="even though they own open items")
    a = action(actions, "unarchive", "contacts:run_person_unarchive", "offer someone again")
    a.add_argument("name")


def _rename_and_merge(actions: Any, action: Action, what: str, handler: str) -> None:
    a = action(actions, "rename", f"contacts:run_{handler}_rename", f"give a {what} a new name")
    a.add_argument("old")
    a.add_argument("new")
    a = action(
        actions,
        "merge",
        f"contacts:run_{handler}_merge",
        f"move everything of one {what} to another, then remove the first (one undo)",
    )
    a.add_argument("source", metavar="FROM")
    a.add_argument("into", metavar="INTO")


def person_options(p: argparse.ArgumentParser) -> None:
    """A person's details beyond team and side (``person NAME ...``); '' clears one."""
    p.add_argument("--client", help="the client whose contact they are (side client)")
    p.add_argument("--company", help="the vendor's company they work for (side vendor)")
    p.add_argument("--role", help="e.g. Operations Director")
    p.add_argument("--email", help="their e-mail address")
    p.add_argument("--phone")
    p.add_argument("--note", help="internal note (never leaves the app)")
    status = p.add_mutually_exclusive_group()
    status.add_argument(
        "--status-recipient",
        dest="status_recipient",
        action="store_true",
        default=None,
        help="they receive the status summary",
    )
    status.add_argument(
        "--no-status-recipient",
        dest="status_recipient",
        action="store_false",
        help="they no longer receive it",
    )
