"""actionplan guard: check text with the leak guard; a client's allow-list; reviewed sentences."""

from __future__ import annotations

import argparse
import json

from actionplan.cli.context import config, open_db, today
from actionplan.cli.errors import CliError
from actionplan.cli.output import say, say_json


def run_check(args: argparse.Namespace) -> int:
    """actionplan guard check [TEXT ...] [--client C] [--json]: exit 1 when something is found."""
    from actionplan.guard import scan
    from actionplan.summary.guarding import base_context, guard_setup

    if args.text:
        text = " ".join(args.text)
    else:
        from actionplan.cli.transfer import read_input

        text = read_input("-")
    if args.client:
        from actionplan.known import no_client
        from actionplan.plan.named import find_client

        db = open_db(args)
        with db.session() as session:
            found = find_client(session=session, name=args.client)
            if found is None:
                raise CliError(no_client(session=session, name=args.client))
            context = guard_setup(session=session, client=found, config=config()).context
    else:
        context = base_context(config())
    findings = scan(text, context)
    if args.json:
        rows = [
            {"rule": f.rule, "why": f.why, "found": f.found, "start": f.start, "end": f.end}
            for f in findings
        ]
        say_json(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for f in findings:
            say(f"{f.why}: {f.found!r} ({f.rule})")
        if not findings:
            say("nothing sounds internal")
    return 1 if findings else 0


def run_allow(args: argparse.Namespace) -> int:
    """actionplan guard allow CLIENT [TERM ...] [--remove TERM]"""
    from actionplan.plan.guarding import allow_list, change_allow_list

    db = open_db(args)
    with db.session() as session:
        if args.terms or args.remove:
            terms = change_allow_list(
                session=session, client=args.client, add=args.terms, remove=args.remove
            )
        else:
            terms = allow_list(session=session, client=args.client)
    if terms:
        for term in terms:
            say(term)
    else:
        say(f"{args.client}'s allow-list is empty")
    return 0


def run_review(args: argparse.Namespace) -> int:
    """actionplan guard review CLIENT [--item ID] [--list]: today's flagged sentences are fine."""
    from sqlmodel import col, select

    from actionplan.known import no_client
    from actionplan.models import Reviewed
    from actionplan.plan.guarding import Review, review
    from actionplan.plan.named import find_client
    from actionplan.summary.outgoing import prepare

    db = open_db(args)
    with db.session() as session:
        found = find_client(session=session, name=args.client)
        if found is None:
            raise CliError(no_client(session=session, name=args.client))
        if args.list:
            rows = session.exec(
                select(Reviewed)
                .where(Reviewed.client_id == found.id)
                .order_by(col(Reviewed.at), col(Reviewed.id))
            ).all()
            for r in rows:
                say(f"#{r.item_id} {r.at:%Y-%m-%d} {r.author}: {r.sentence}")
            if not rows:
                say(f"no reviewed sentences for {found.name}")
            return 0
        out = prepare(session=session, client=found.name, fmt="md", today=today(), config=config())
        flags = [f for f in out.flags if f.item and (args.item is None or f.item == args.item)]
        unplaced = [f for f in out.flags if not f.item]
        chosen = {
            f.review_key: Review(f.item, f.fingerprint, f.sentence, f.rule) for f in flags if f.item
        }
        n = review(
            session=session,
            client=found.name,
            reviews=list(chosen.values()),
            author=config().author,
        )
    for f in flags:
        say(f"reviewed: #{f.item} {f.sentence!r} ({f.why}: {f.found!r})")
    for f in unplaced:
        say(f"actionplan: not in an item, fix it at its source: {f}", err=True)
    say(f"{n} sentence{'s' if n != 1 else ''} reviewed (actionplan undo takes them back)")
    return 0
