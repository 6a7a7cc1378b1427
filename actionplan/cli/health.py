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
    from sqlmodel import Session

    from actionplan.health.catalogue import FormEntry
    from actionplan.health.document import CheckDoc
    from actionplan.health.form import Form
    from actionplan.models import Client


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
    """actionplan health fill CLIENT --form FORM [--from FILE] [--date WHEN]"""
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
        client = _client(session, args.client)
        entry = Entry(form, values, client=client.name, checked_on=checked_on)
        row = keep_check(session=session, entry=entry, author=config().author, today=today())
        name = client.name
    say(f"saved check {row.id} for {name} ({form.key}, {checked_on.isoformat()}); undo reverts it")
    return 0


def run_show(args: argparse.Namespace) -> int:
    """actionplan health show CLIENT [--last | --id N] [--format md|txt] [-o FILE] [--force]"""
    from actionplan.cli.transfer import write_output
    from actionplan.health.document import CheckDoc, render
    from actionplan.plan.health import checks_of, pick_check

    with open_db(args).session() as session:
        client = _client(session, args.client)
        chosen, previous = pick_check(
            checks_of(session=session, client=client), args.id, client.name
        )
        doc = CheckDoc(
            form=_form_of(chosen.form, chosen.id),
            client=client.name,
            checked_on=chosen.checked_on,
            values=chosen.values,
            previous=previous.values if previous else None,
            prepared_by=config().name,
        )
        text = render(doc, args.format)
        _guard(session, client, doc, text, force=args.force)
    write_output(args.output, text, protect=args.db)
    if args.output and args.output != "-":
        say(f"wrote {args.output}", err=True)
    return 0


def run_history(args: argparse.Namespace) -> int:
    """actionplan health history CLIENT [--json]"""
    from actionplan.cli.output import say_json, table
    from actionplan.health.trends import series, sparkline
    from actionplan.plan.health import checks_of

    with open_db(args).session() as session:
        client = _client(session, args.client)
        checks = checks_of(session=session, client=client)
    if not checks and not args.json:
        say(f"no health checks of {client.name} yet (actionplan health fill)")
        return 0
    blocks = []
    for key in dict.fromkeys(c.form for c in checks):
        mine = [c for c in checks if c.form == key]
        form = _form_of(key, mine[-1].id)
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


def _client(session: Session, name: str) -> Client:
    from actionplan.known import no_client
    from actionplan.plan.errors import NotFound
    from actionplan.plan.named import find_client

    found = find_client(session=session, name=name)
    if found is None:
        raise NotFound(no_client(session=session, name=name))
    return found


def _form_of(key: str, check_id: int) -> Form:
    from actionplan.health.catalogue import find_form
    from actionplan.plan.errors import NotFound

    try:
        return find_form(key)
    except NotFound:
        raise CliError(
            f"check {check_id} was made with form {key!r}, which is no longer there "
            "(put its file back in your health-forms folder)"
        ) from None


def _guard(session: Session, client: Client, doc: CheckDoc, text: str, *, force: bool) -> None:
    """The leak guard on exactly what leaves: each finding named, exit 1 unless --force.

    The whole text is read for anything with a shape (ids, addresses, names, secrets) and for
    the deny-list's phrases; what the technician typed (each client-facing value) is read
    for its tone too. The form's own words (title, headings, labels) are ours, as a summary's
    headings are.
    """
    from actionplan.summary.guarding import Flag, guard_setup, scan_text

    setup = guard_setup(session=session, client=client, config=config())
    flags: dict[tuple[str, str], Flag] = {}
    for field in doc.form.fields:
        value = doc.values.get(field.key)
        if field.internal or field.numeric or not value:
            continue
        for entry in value if isinstance(value, list) else [str(value)]:
            for flag in scan_text(entry, setup, field.label):
                flags.setdefault((flag.rule, flag.found.casefold()), flag)
    kept = "\n".join(ln for ln in text.splitlines() if ln.strip() not in setup.own)
    for flag in scan_text(kept, setup, "health check", tone=False):
        flags.setdefault((flag.rule, flag.found.casefold()), flag)
    pending = [f for f in flags.values() if f.review_key not in setup.reviewed]
    verb = "let through (--force)" if force else "sounds internal"
    for flag in pending:
        say(f"actionplan: {verb}: {flag}", err=True)
    if pending and not force:
        n = len(pending)
        raise CliError(
            f"leak guard: {n} thing{'s' if n != 1 else ''} would reach the client; "
            "reword the check (health fill) or --force"
        )
