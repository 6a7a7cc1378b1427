"""Commands on clients and people: list them, rename, merge, archive, unarchive, delete.

Each change is one operation of the plan, which ``actionplan undo`` reverts whole.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from actionplan.cli.context import config, open_db, today
from actionplan.cli.output import say, say_block, say_json, table
from actionplan.text import plural

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.models import Client, Person
    from actionplan.plan import Merged
    from actionplan.queries import Recipient

UNDO = "undo reverts it"
_T = TypeVar("_T")


def _write(args: argparse.Namespace, change: Callable[..., _T], **given: Any) -> _T:
    """Make one change of the plan (``plan.archive_client``...) as the configured author."""
    with open_db(args).session() as session:
        return change(session=session, author=config().author, **given)


def _change(
    args: argparse.Namespace, change: Callable[..., _T], done: Callable[[_T], str], **given: Any
) -> int:
    """Make one change of the plan (see ``_write``) and say what it did (``done``) and how to
    revert it."""
    say(f"{done(_write(args, change, **given))}; {UNDO}")
    return 0


def _json_array(objects: list[dict[str, Any]]) -> None:
    """Print a JSON array, one object a line (as ``list --json``)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    lines = ",\n".join(encode(o) for o in objects)
    say_json(f"[\n{lines}\n]" if objects else "[]")


# --- clients -------------------------------------------------------------------------------------


def run_clients(args: argparse.Namespace) -> int:
    """actionplan clients [--archived] [--json]"""
    from actionplan.queries import clients_with_counts

    db = open_db(args)
    with db.session() as session:
        rows = clients_with_counts(session=session, today=today(), archived=args.archived)
        hidden = 0
        if not rows and not args.archived:
            hidden = len(clients_with_counts(session=session, today=today(), archived=True))
    if args.json:
        keys = ("name", "open", "overdue", "escalated", "archived", "vendor_names")
        _json_array([{k: getattr(c, k) for k in keys} for c in rows])
        return 0
    if not rows:
        if hidden:
            say(f"no active clients ({hidden} archived: actionplan clients --archived)")
        else:
            say("no clients yet: actionplan add TITLE --client NAME --new-client")
        return 0
    headers = ["client", "open", "overdue", "escalated"]
    cells = [[c.name, c.open, c.overdue, c.escalated] for c in rows]
    if args.archived:
        headers.append("archived")
        cells = [[*cell, c.archived] for cell, c in zip(cells, rows, strict=True)]
    say_block(table(headers, cells, flex=0))
    return 0


def run_client_rename(args: argparse.Namespace) -> int:
    """actionplan clients rename OLD NEW"""
    from actionplan import plan

    return _rename(args, plan.find_client, plan.rename_client, "renamed client {} to {}")


def run_client_merge(args: argparse.Namespace) -> int:
    """actionplan clients merge FROM INTO"""
    from actionplan import plan

    def done(moved: Merged) -> str:
        return _moved(moved, (moved.snapshots, "snapshot"), (moved.contacts, "contact"))

    return _change(args, plan.merge_clients, done, name=args.source, into=args.into)


def _moved(moved: Merged, *others: tuple[int, str], now: str = "") -> str:
    """What a merge moved: its items, then the ``others`` (a count and its noun each)."""
    what = ", ".join(plural(n, noun) for n, noun in [(moved.items, "item"), *others])
    return f"moved {what} from {moved.source} into {moved.target}{now}"


def run_client_archive(args: argparse.Namespace) -> int:
    """actionplan clients archive C [--force]"""
    from actionplan import plan

    def done(client: Client) -> str:
        return (
            f"archived client {client.name}: left out of the switcher, agenda, workload, "
            "triage and recurring (clients --archived lists it)"
        )

    return _change(args, plan.archive_client, done, name=args.client, force=args.force)


def run_client_unarchive(args: argparse.Namespace) -> int:
    """actionplan clients unarchive C"""
    from actionplan import plan

    return _change(
        args, plan.unarchive_client, lambda c: f"unarchived client {c.name}", name=args.client
    )


def run_client_set(args: argparse.Namespace) -> int:
    """actionplan clients set C [--vendor-names company|generic] [--next-call WHEN]
    [--headline TEXT] [--intro TEXT] [--health auto|green|amber|red] [--health-reason TEXT]"""
    from actionplan import plan
    from actionplan.cli.client_settings import VENDOR_WAYS, show_settings, words_given
    from actionplan.plan.named import client_named

    words = words_given(args)
    with open_db(args).session() as session:
        found = client_named(session, args.client)
        if args.vendor_names is None and words is None:
            show_settings(found)
            return 0
        said: list[str] = []
        if words is not None:  # checked first: a refused value changes nothing
            _, changed = plan.set_summary_settings(
                session=session, client=found.name, settings=words, author=config().author
            )
            said += changed
        if args.vendor_names is not None:
            before = found.vendor_names.value
            client = plan.set_vendor_names(
                session=session, client=found.name, value=args.vendor_names, author=config().author
            )
            if client.vendor_names.value != before:
                said.append(f"vendors shown {VENDOR_WAYS[client.vendor_names.value]}")
        name = found.name
    if said:
        say(f"{name}: set {', '.join(said)}; {UNDO}")
    else:
        say(f"{name}: already set so; nothing changed")
    return 0


def run_client_delete(args: argparse.Namespace) -> int:
    """actionplan clients delete C"""
    from actionplan import plan

    return _change(args, plan.delete_client, lambda c: f"deleted client {c.name}", name=args.client)


# --- people --------------------------------------------------------------------------------------


def run_people(args: argparse.Namespace) -> int:
    """actionplan people [--client C] [--unattached] [--archived] [--json]"""
    from actionplan.queries import people_rows, status_recipients

    with open_db(args).session() as session:
        rows = people_rows(
            session=session, client=args.client, unattached=args.unattached, archived=args.archived
        )
        recipients = status_recipients(session=session, client=args.client) if args.client else []
    if args.json:
        _json_array([_person_object(p, notes=args.notes) for p in rows])
        return 0
    if not rows:
        say(_nobody(args))
        return 0
    headers = ["name", "side", "team", "client/company", "role", "e-mail", "phone", "open", ""]
    say_block(table(headers, [_person_cells(p) for p in rows], flex=0))
    if args.client and not args.unattached:
        say(_recipients_line(recipients))
    return 0


def _recipients_line(recipients: list[Recipient]) -> str:
    """Whom a client's status summary goes to (whom e-mail drafts are addressed to)."""
    if not recipients:
        return "status summary goes to nobody yet: actionplan person NAME --status-recipient"
    shown = [
        f"{r.name} <{r.email}>" if r.email else f"{r.name} (no e-mail yet)" for r in recipients
    ]
    return f"status summary goes to: {', '.join(shown)}"


def _nobody(args: argparse.Namespace) -> str:
    if args.unattached:
        return "no unattached client contacts: each belongs to a client"
    if args.client:
        return f"no contacts of {args.client.strip()} yet: actionplan person NAME --client CLIENT"
    return "no people yet: actionplan person NAME, or add ... --owner NAME --new-person"


def _person_object(p: Any, *, notes: bool) -> dict[str, Any]:
    """Every detail of a person; the internal note only when asked for (``--notes``), so a
    listing passed on does not carry it by accident."""
    keys = ("name", "side", "team", "client", "company", "role", "email", "phone")
    out = {k: getattr(p, k) for k in keys}
    out["side"] = p.side.value
    if notes:
        out["note"] = p.note
    out.update(status_recipient=p.status_recipient, archived=p.archived, open=p.open)
    return out


def _person_cells(p: Any) -> list[Any]:
    marks = [m for m, on in (("gets status", p.status_recipient), ("archived", p.archived)) if on]
    of = p.client or p.company or ("(no client)" if p.side.value == "client" else None)
    return [p.name, p.side.value, p.team, of, p.role, p.email, p.phone, p.open, ", ".join(marks)]


def run_person_rename(args: argparse.Namespace) -> int:
    """actionplan people rename OLD NEW"""
    from actionplan import plan

    said = "renamed {} to {} (history keeps the names changes were made with)"
    return _rename(args, plan.find_person, plan.rename_person, said)


def run_person_merge(args: argparse.Namespace) -> int:
    """actionplan people merge FROM INTO"""
    from actionplan import plan

    def done(moved: Merged) -> str:
        return _moved(moved, now=f", now a contact of {moved.client}" if moved.client else "")

    return _change(args, plan.merge_people, done, name=args.source, into=args.into)


def run_person_archive(args: argparse.Namespace) -> int:
    """actionplan people archive NAME [--force]"""
    from actionplan import plan

    def done(person: Person) -> str:
        return f"archived {person.name}: no longer offered as an owner"

    return _change(args, plan.archive_person, done, name=args.name, force=args.force)


def run_person_unarchive(args: argparse.Namespace) -> int:
    """actionplan people unarchive NAME"""
    from actionplan import plan

    return _change(args, plan.unarchive_person, lambda p: f"unarchived {p.name}", name=args.name)


# --- person NAME ... ----------------------------------------------------------------------------


def contact_options(args: argparse.Namespace) -> dict[str, Any]:
    """The details ``person NAME`` was given, for ``plan.save_person`` (None: not given)."""
    keys = ("team", "side", "client", "company", "role", "email", "phone", "note")
    return {k: getattr(args, k) for k in keys} | {"status_recipient": args.status_recipient}


def person_line(session: Session, person: Person) -> str:
    """One line saying who a person is now: ``Ana: side client, client Acme, role ...``."""
    from actionplan.models import Client

    client = session.get(Client, person.client_id) if person.client_id else None
    parts = [f"team {person.team or '-'}", f"side {person.side.value}"]
    for label, value in (
        ("client", client.name if client else None),
        ("company", person.company),
        ("role", person.role),
        ("e-mail", person.email),
        ("phone", person.phone),
    ):
        if value:
            parts.append(f"{label} {value}")
    if person.status_recipient:
        parts.append("receives the status summary")
    return f"{person.name}: {', '.join(parts)}"


def _rename(
    args: argparse.Namespace, find: Callable[..., Any], rename: Callable[..., Any], said: str
) -> int:
    """Rename a client or person (``plan.rename_client``...) and say so: ``said`` with their
    name before and after."""
    with open_db(args).session() as session:
        found = find(session=session, name=args.old)
        old = found.name if found is not None else args.old.strip()
        row = rename(session=session, name=args.old, new=args.new, author=config().author)
    say(f"{said.format(old, row.name)}; {UNDO}")
    return 0
