"""actionplan summary and snapshots: the client-safe summary, checked, rendered, kept."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from actionplan.cli.context import config, open_db, parse_when, today
from actionplan.cli.errors import CliError
from actionplan.cli.transfer import write_output

if TYPE_CHECKING:
    from actionplan.models import Snapshot


def run_summary(args: argparse.Namespace) -> int:
    """actionplan summary CLIENT [--format md|txt|html|pdf|talk] [-o FILE] [--save] [--force]"""
    from actionplan.plan.snapshots import save_snapshot
    from actionplan.queries import internal_names
    from actionplan.summary.leaks import check, load_deny_list, user_deny_list
    from actionplan.summary.markdown import render_markdown
    from actionplan.summary.render import render
    from actionplan.summary.source import summary_for

    if args.format == "pdf" and not args.output and sys.stdout.isatty():
        raise CliError("a PDF is not for the terminal: give -o FILE (or pipe it)")
    next_call = parse_when(args.next_call, field="next-call") if args.next_call else None
    db = open_db(args)
    with db.session() as session:
        summary = summary_for(
            session=session,
            client=args.client,
            today=today(),
            prepared_by=config().name,
            include_nice=not args.no_nice,
            next_call=next_call,
        )
        hits = check(
            summary,
            phrases=load_deny_list(user_deny_list()),
            internal_names=internal_names(session=session),
        )
        if hits and not args.force:
            for hit in hits:
                print(f"actionplan: sounds internal: {hit}", file=sys.stderr)
            n = len(hits)
            raise CliError(
                f"leak guard: {n} thing{'s' if n != 1 else ''} above would reach "
                "the client; reword them, or use --force"
            )
        output = render(summary, args.format)
        write_output(args.output, output, protect=args.db)
        if args.save:
            save_snapshot(
                session=session,
                client=summary.client,
                model=summary.to_json(),
                markdown=render_markdown(summary),
                author=config().author,
            )
    if args.output and args.output != "-":
        print(f"wrote {args.output}", file=sys.stderr)
    if args.save:
        print(f"saved a snapshot of {summary.client}'s summary", file=sys.stderr)
    return 0


def run_snapshots(args: argparse.Namespace) -> int:
    """actionplan snapshots CLIENT [--show ID | --compare OLDER NEWER]"""
    from actionplan.cli.output import table
    from actionplan.summary.source import snapshots

    db = open_db(args)
    with db.session() as session:
        found = snapshots(session=session, client=args.client)
    if args.show is not None or args.compare:
        return _show_or_compare(args, found)
    if not found:
        print(f"no snapshots yet: actionplan summary {args.client!r} --save")
        return 0
    rows = [[s.id, s.created_at.strftime("%Y-%m-%d %H:%M"), s.author] for s in found]
    print(table(["id", "saved (UTC)", "by"], rows, flex=2))
    return 0


def _show_or_compare(args: argparse.Namespace, found: list[Snapshot]) -> int:
    """--show ID prints the Markdown as it was sent; --compare says what changed between two."""
    from actionplan.summary.compare import (
        compare,
        in_order,
        pick,
        read_model,
        render_comparison,
        saved_at,
    )

    if args.show is not None:
        write_output(None, pick(found, args.show, args.client).markdown, protect=args.db)
        return 0
    first, second = (pick(found, n, args.client) for n in args.compare)
    if first.id == second.id:
        raise CliError("--compare needs two different snapshots")
    older, newer = in_order(first, second)
    labels = (
        f"snapshot {older.id} ({saved_at(older)})",
        f"snapshot {newer.id} ({saved_at(newer)})",
    )
    print(render_comparison(compare(read_model(older), read_model(newer)), labels), end="")
    return 0
