"""``actionplan person NAME``: with details, add the person or change them (one operation that
``undo`` reverts); with none, show who an existing person is."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from actionplan.cli.context import config, open_db
from actionplan.cli.output import say, say_block

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.models import Person


def run_person(args: argparse.Namespace) -> int:
    """actionplan person NAME [--team T] [--side S] [--client C] ... [--new-person]"""
    from actionplan.cli.contacts import contact_options, person_line
    from actionplan.cli.known import check_new_person
    from actionplan.plan import find_person, save_person

    options = contact_options(args)
    with open_db(args).session() as session:
        known = find_person(session=session, name=args.name)
        if known is not None and all(value is None for value in options.values()):
            say_block(person_details(session, known))
            return 0
        if not args.new_person:
            check_new_person(session, args.name)
        person = save_person(session=session, name=args.name, author=config().author, **options)
        line = person_line(session, person)
    say(line)
    return 0


def person_details(session: Session, person: Person) -> str:
    """Who a person is, a detail a line: side; their team, client or company; role, e-mail,
    phone; whether they receive the status summary; archived; open items. The internal note
    is left out (``people --json --notes`` has it)."""
    from actionplan.models import Client, Side
    from actionplan.plan.named import open_items
    from actionplan.text import plural

    client = session.get(Client, person.client_id) if person.client_id else None
    unattached = "none yet (actionplan person NAME --client C)"
    rows: list[tuple[str, str | None]] = [("side", person.side.value)]
    if person.side == Side.US or person.team:
        rows.append(("team", person.team))
    if person.side == Side.CLIENT or client is not None:
        rows.append(("client", client.name if client else unattached))
    if person.side == Side.VENDOR or person.company:
        rows.append(("company", person.company))
    rows += [("role", person.role), ("e-mail", person.email), ("phone", person.phone)]
    rows.append(("status summary", "receives it" if person.status_recipient else "no"))
    archived = person.archived_at
    rows.append(("archived", f"yes, on {archived.date().isoformat()}" if archived else "no"))
    rows.append(("owns", plural(open_items(session, person), "open item")))
    label = max(len(key) for key, _ in rows)
    lines = [person.name] + [f"  {key:<{label}}  {value or '-'}" for key, value in rows]
    return "\n".join(lines)
