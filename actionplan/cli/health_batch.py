"""actionplan health due | export: the checks coming due, and many clients' latest checks
written into one folder (each through the leak guard, as ``health show`` is)."""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from actionplan.cli.context import config, open_db, read_db, today
from actionplan.cli.errors import CliError
from actionplan.cli.output import say, say_block, say_json, table
from actionplan.text import plural

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.health.due import DueCheck
    from actionplan.models import Client


def run_due(args: argparse.Namespace) -> int:
    """actionplan health due [--days N] [--json]"""
    from actionplan.agenda import when_label
    from actionplan.calls import window_words
    from actionplan.health.due import due_checks

    day = today()
    found = read_db(args, partial(due_checks, today=day, days=args.days))
    if args.json:
        say_json(json.dumps([_due_json(d) for d in found], ensure_ascii=False, indent=1))
    elif not found:
        say(f"no health checks due {window_words(args.days)}")
    else:
        headers = ["item", "client", "form", "due", "when", "title", "owner", "last check"]
        rows = [
            [d.item_id, d.client, d.form, d.due, when_label(d.due, day), d.title, d.owner,
             d.last_checked or "never"]
            for d in found
        ]  # fmt: skip
        say_block(table(headers, rows, flex=5))
    return 0


def _due_json(check: DueCheck) -> dict[str, object]:
    return {
        "item": check.item_id,
        "client": check.client,
        "form": check.form,
        "form_title": check.form_title,
        "due": check.due.isoformat(),
        "title": check.title,
        "owner": check.owner,
        "last_checked": check.last_checked.isoformat() if check.last_checked else None,
    }


def run_export(args: argparse.Namespace) -> int:
    """actionplan health export (--due-this-week | --client C ...) -o DIR [--format F] [--force]

    Every client named is looked up before anything is written; then each one's latest check
    is released (built, rendered, guarded) and written into DIR, a line on stderr per client.
    A client the guard stops is not written (the others are), and the command fails at the end.
    """
    from actionplan.cli.health import say_flags
    from actionplan.health.outgoing import CheckFlagged, release_check
    from actionplan.plan.errors import NotFound

    with open_db(args).session() as session:
        clients = _chosen(session, args)
        if not clients:
            say(f"no health checks due this week ({_this_week()}); nothing written")
            return 0
        folder = _folder(args.output)
        written, stopped = 0, []
        for n, client in enumerate(clients, start=1):
            head = f"[{n}/{len(clients)}] {client.name} ..."
            try:
                out = release_check(
                    session=session,
                    client=client,
                    check_id=None,
                    fmt=args.format,
                    config=config(),
                    force=args.force,
                )
            except NotFound as exc:
                say(f"{head} skipped: {exc}", err=True)
                continue
            except CheckFlagged as exc:
                say(f"{head} not written: {exc}", err=True)
                say_flags(exc.out.flags, forced=False)
                stopped.append(client.name)
                continue
            say_flags(out.flags, forced=True)
            path = _write(folder, out.filename, out.content, args.db)
            written += 1
            say(f"{head} wrote {path.name}", err=True)
    say(f"wrote {written} of {plural(len(clients), 'document')} into {folder}")
    if stopped:
        raise CliError(
            f"leak guard: not written for {', '.join(stopped)}; reword their checks, or --force"
        )
    return 0


def _chosen(session: Session, args: argparse.Namespace) -> list[Client]:
    """The clients named (each looked up first: an unknown one fails before any write), or
    those with an item naming a form due this week (done ones too), by name."""
    from actionplan.cli.health import client_of
    from actionplan.health.due import clients_due

    if args.client:
        found = [client_of(session, name) for name in args.client]
        return list({c.id: c for c in found}.values())
    monday, sunday = _week()
    return [
        client_of(session, name) for name in clients_due(session=session, start=monday, end=sunday)
    ]


def _week() -> tuple[date, date]:
    from actionplan.dates import week_start

    monday = week_start(today())
    return monday, monday + timedelta(days=6)


def _this_week() -> str:
    from actionplan.recurring import short_day

    monday, sunday = _week()
    return f"{short_day(monday)} to {short_day(sunday)}"


def _folder(name: str) -> Path:
    """The folder to write into, made (private) when missing."""
    from actionplan.outfile import OutputError

    if name == "-":
        raise OutputError("the batch writes one file per client: -o names a folder, not -")
    folder = Path(name).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except FileExistsError:
        raise OutputError(f"{folder} is a file; name a folder") from None
    except OSError as exc:
        raise OutputError(f"cannot create folder {folder}: {exc.strerror}") from None
    return folder


def _write(folder: Path, filename: str, content: bytes, db: str | None) -> Path:
    """Write one document into ``folder`` (never outside it; a file of that name is replaced)."""
    from actionplan.cli.transfer import live_files
    from actionplan.outfile import OutputError, write_file

    target = folder / filename
    if target.parent != folder or Path(filename).name != filename:
        raise OutputError(f"refusing to write {filename!r} outside {folder}")
    write_file(target, content, protect=live_files(db))
    return target
