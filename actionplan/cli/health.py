"""actionplan health: the forms there are, a blank to fill, a filled check saved, shown (through
the leak guard) and followed over time."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from actionplan.cli.context import config, open_db, parse_when, today
from actionplan.cli.errors import CliError
from actionplan.cli.output import say, say_block

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlmodel import Session

    from actionplan.health.catalogue import FormEntry
    from actionplan.health.outgoing import CheckOut
    from actionplan.models import Client
    from actionplan.summary.guarding import Flag


def run_forms(args: argparse.Namespace) -> int:
    """actionplan health forms"""
    from actionplan.cli.output import say_listing
    from actionplan.health.catalogue import list_forms, user_dir

    headers = ["key", "title", "fields", "source"]
    say_listing(list_forms(), headers, _form_row, flex=1, what="forms", own=user_dir())
    return 0


def _form_row(entry: FormEntry, source: str) -> list[object]:
    if entry.loaded is None:
        return [entry.name, "cannot be used (see below)", "-", source]
    return [entry.name, entry.loaded.title, len(entry.loaded.fields), source]


def run_blank(args: argparse.Namespace) -> int:
    """actionplan health blank FORM"""
    from actionplan.health.catalogue import find_form
    from actionplan.health.skeleton import blank

    sys.stdout.write(blank(find_form(args.form)))
    return 0


def run_fill(args: argparse.Namespace) -> int:
    """actionplan health fill CLIENT --form FORM [--from FILE] [--date WHEN] [--item N]"""
    from actionplan.cli.transfer import read_input
    from actionplan.health.catalogue import find_form
    from actionplan.health.skeleton import read_filled
    from actionplan.plan.health import Entry, keep_check

    form = find_form(args.form)
    checked_on = parse_when(args.date, field="date") or today()
    source = args.source
    if source is None:
        if sys.stdin.isatty():
            raise CliError(
                f"give the values: --from FILE (a filled `actionplan health blank {form.key}`)"
            )
        source = "-"
    values = read_filled(read_input(source), name="standard input" if source == "-" else source)
    with open_db(args).session() as session:
        client = client_of(session, args.client)
        item_id = args.item or _due_item(session, client.name, form.key)
        entry = Entry(form, values, client=client.name, checked_on=checked_on, item_id=item_id)
        row = keep_check(session=session, entry=entry, author=config().author, today=today())
        name = client.name
        done = _completed(session, item_id) if item_id is not None else None
    saved = f"saved check {row.id} for {name} ({form.key}, {checked_on.isoformat()})"
    say(f"{saved}; undo reverts it" if done is None else f"{saved}; {done}; undo reverts both")
    return 0


def _due_item(session: Session, client: str, form: str) -> int | None:
    """The one open item of the client naming the form and due within 7 days (or late)."""
    from actionplan.health.due import due_checks

    due = due_checks(session=session, today=today(), clients=[client])
    found = [d.item_id for d in due if d.form == form]
    return found[0] if len(found) == 1 else None


def _completed(session: Session, item_id: int) -> str:
    """What completing the item did: "completed #5 Title", and its next occurrence's date."""
    from actionplan.models import Item
    from actionplan.plan.recurrence import next_occurrence

    item = session.get(Item, item_id)
    assert item is not None
    text = f"completed #{item_id} {item.title}"
    following = next_occurrence(session=session, item_id=item_id)
    if following is not None and following.due is not None:
        text += f" (next #{following.id} due {following.due.isoformat()})"
    return text


def run_show(args: argparse.Namespace) -> int:
    """actionplan health show CLIENT [--last | --id N] [--format FMT] [-o FILE] [--force]"""
    from actionplan.cli.transfer import write_output

    fmt = args.format
    if fmt in ("pdf", "docx") and not args.output:
        raise CliError(f"a {fmt.upper()} needs a file: -o FILE")
    with open_db(args).session() as session:
        out = released(session, args.client, args.id, fmt, force=args.force)
    write_output(args.output, out.content, protect=args.db)
    if args.output and args.output != "-":
        say(f"wrote {args.output}", err=True)
    return 0


def released(
    session: Session, client: str, check_id: int | None, fmt: str, *, force: bool
) -> CheckOut:
    """A client's check (the latest when ``check_id`` is None) through ``release_check``, what
    the guard found said on stderr.

    Raises:
        CliError: the guard flagged it and not ``force``.
        NotFound: no such client (with the nearest names), check or form.
    """
    from actionplan.health.outgoing import CheckFlagged, release_check

    found = client_of(session, client)
    try:
        out = release_check(
            session=session,
            client=found,
            check_id=check_id,
            fmt=fmt,
            config=config(),
            force=force,
        )
    except CheckFlagged as e:
        say_flags(e.out.flags, forced=False)
        raise CliError(str(e).replace("or force", "or --force")) from None
    say_flags(out.flags, forced=True)
    return out


def say_flags(flags: Sequence[Flag], *, forced: bool) -> None:
    """The leak guard's findings on a check, one line each on stderr."""
    verb = "let through (--force)" if forced else "sounds internal"
    for flag in flags:
        say(f"actionplan: {verb}: {flag}", err=True)


def run_history(args: argparse.Namespace) -> int:
    """actionplan health history CLIENT [--json]"""
    from actionplan.cli.output import say_json, table
    from actionplan.health.catalogue import form_of_check
    from actionplan.health.trends import series, sparkline
    from actionplan.plan.health import checks_of

    with open_db(args).session() as session:
        client = client_of(session, args.client)
        checks = checks_of(session=session, client=client)
    if not checks and not args.json:
        say(f"no health checks of {client.name} yet (actionplan health fill)")
        return 0
    blocks = []
    for key in dict.fromkeys(c.form for c in checks):
        mine = [c for c in checks if c.form == key]
        form = form_of_check(key, mine[-1].id)
        lines = series(form, [c.values for c in mine])
        blocks.append((form, mine, lines))
    if args.json:
        document = {
            "client": client.name,
            "forms": [
                {
                    "form": form.key,
                    "title": form.title,
                    "checks": [{"id": c.id, "date": c.checked_on.isoformat()} for c in mine],
                    "fields": [
                        {"key": s.key, "label": s.label, "unit": s.unit, "values": s.values}
                        for s in lines
                    ],
                }
                for form, mine, lines in blocks
            ],
        }
        say_json(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    for number, (form, mine, lines) in enumerate(blocks):
        if number:
            say("")
        say(f"{client.name}: {form.title}, {len(mine)} check{'s' if len(mine) != 1 else ''}")
        headers = ["field", *(c.checked_on.isoformat() for c in mine), "trend"]
        rows = [
            [
                f"{s.label} ({s.unit})" if s.unit else s.label,
                *map(_cell, s.values),
                sparkline(s.values),
            ]
            for s in lines
        ]
        say_block(table(headers, rows, flex=0))
    return 0


def _cell(value: int | float | None) -> str:
    from actionplan.health.form import number_text

    return "-" if value is None else number_text(value)


def client_of(session: Session, name: str) -> Client:
    """The client named (any case), or NotFound with the nearest names."""
    from actionplan.known import no_client
    from actionplan.plan.errors import NotFound
    from actionplan.plan.named import find_client

    found = find_client(session=session, name=name)
    if found is None:
        raise NotFound(no_client(session=session, name=name))
    return found
