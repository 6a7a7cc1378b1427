"""Commands that move data in and out: import, export, backup, and database upkeep."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from actionplan.cli.context import config, open_db, today
from actionplan.cli.errors import CliError
from actionplan.cli.output import say

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.interchange.csv_io import CsvImport
    from actionplan.known import Stray

_MAX_IMPORT_BYTES = 200 * 1024 * 1024


def read_input(name: str) -> str:
    """The text of a file (or stdin for -), which must be UTF-8."""
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except FileNotFoundError:
        raise CliError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{name}: is a folder, not a file") from None
    except OSError as exc:
        raise CliError(f"{name}: cannot read ({exc.strerror})") from None
    if len(data) > _MAX_IMPORT_BYTES:
        raise CliError(f"{name}: too large to import ({len(data) // 2**20} MB; at most 200 MB)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"{name}: not UTF-8 text (save the file as UTF-8 and try again)") from None


def write_output(name: str | None, content: str | bytes, *, protect: str | None) -> None:
    """Write to stdout (None or -), or safely to a private file (exports hold internal notes).

    Args:
        name: the -o value.
        content: text (written as UTF-8) or bytes.
        protect: the command's --db value (None: ACTIONPLAN_DB or the default); its SQLite
            file and companions are never written over.
    """
    from actionplan.outfile import write_file

    data = content.encode("utf-8") if isinstance(content, str) else content
    if name is None or name == "-":
        write_file("-", data)
        return
    write_file(Path(name).expanduser(), data, protect=live_files(protect))


def live_files(db: str | None) -> list[Path]:
    """The files of the SQLite database named by --db (none for a server database)."""
    from actionplan.dburl import resolve_url, sqlite_files

    return sqlite_files(resolve_url(db))


def run_import(args: argparse.Namespace) -> int:
    """actionplan import FILE [--dry-run]"""
    text = read_input(args.file)
    if args.file.lower().endswith(".json") or text.lstrip().startswith("{"):
        return _import_json(args, text)
    return _import_csv(args, text)


def _import_json(args: argparse.Namespace, text: str) -> int:
    from actionplan.interchange.json_io import read_json, restore_json

    if args.dry_run:
        tables = read_json(text)
        summary = ", ".join(f"{len(rows)} {name}" for name, rows in tables.items())
        say(f"would restore {summary} (into an empty database only); nothing changed")
        return 0
    db = open_db(args)
    with db.session() as session:
        counts = restore_json(session=session, text=text)
    say(
        f"restored {counts['item']} items, {counts['client']} clients, "
        f"{counts['history']} history events from {args.file}"
    )
    return 0


def _import_csv(args: argparse.Namespace, text: str) -> int:
    from actionplan import plan
    from actionplan.interchange.csv_io import read_csv

    parsed = read_csv(text, today=today(), day_first=config().day_first)
    if parsed.errors:
        for line in parsed.errors[:50]:
            say(f"{args.file}: {line}", err=True)
        more = len(parsed.errors) - 50
        if more > 0:
            say(f"{args.file}: ... and {more} more", err=True)
        bad = len(parsed.errors)
        raise CliError(f"{bad} bad row{'s' if bad != 1 else ''}; nothing imported")
    if not parsed.items:
        raise CliError(f"{args.file}: no rows to import")
    db = open_db(args)
    with db.session() as session:
        _refuse_archived(session, parsed, args.file)
        new_names = _new_names(session, parsed, args.file, allowed=args.allow_new_similar)
        if not args.dry_run:
            plan.add_items(
                session=session,
                author=config().author,
                items=parsed.items,
                summary=f"imported {len(parsed.items)} items from {Path(args.file).name}",
            )
    verb = "would import" if args.dry_run else "imported"
    clients = len({i.client.lower() for i in parsed.items})
    say(f"{verb} {len(parsed.items)} items for {clients} client{'s' if clients != 1 else ''}")
    for line in new_names:
        say(f"  {line}")
    if args.dry_run:
        say("nothing changed (dry run)")
    return 0


def _refuse_archived(session: Session, parsed: CsvImport, source: str) -> None:
    """Refuse rows for an archived client (a dry run too): its contract ended.

    Raises:
        CliError: ``FILE: line N: client 'X' is archived; ...`` for the first such row.
    """
    from actionplan.cli.known import archived_refusal
    from actionplan.known import client_names, key_of

    archived = {key_of(name): name for name in client_names(session=session).archived}
    for line, item in zip(parsed.lines, parsed.items, strict=True):
        if key_of(item.client) in archived:
            refusal = archived_refusal(archived[key_of(item.client)])
            raise CliError(f"{source}: line {line}: {refusal}")


def _new_names(session: Session, parsed: CsvImport, source: str, *, allowed: bool) -> list[str]:
    """The clients and people the import creates, one ``new client: X`` line each.

    A new name that looks like one already there, or like another new one, is a likely typo
    (issue 13): each is reported and nothing is imported, unless ``allowed``
    (--allow-new-similar), when the report says what each looks like.

    Raises:
        CliError: when some new name looks like another and that is not allowed.
    """
    from actionplan.known import client_names, new_names, person_names, strays

    clients, people = client_names(session=session), person_names(session=session)
    lines = parsed.lines
    fresh_clients = new_names(zip(lines, (i.client for i in parsed.items), strict=True), clients)
    owners = ((line, i.owner) for line, i in zip(lines, parsed.items, strict=True) if i.owner)
    fresh_people = new_names(owners, people)
    client_strays = strays(fresh_clients, clients, "client")
    person_strays = strays(fresh_people, people, "person")
    found = client_strays + person_strays
    if found and not allowed:
        for stray in sorted(found, key=lambda s: s.line):
            say(f"{source}: {stray}", err=True)
        n = len(found)
        raise CliError(
            f"{n} new name{'s' if n != 1 else ''} may be {'typos' if n != 1 else 'a typo'}; "
            "nothing imported "
            f"(fix the spelling, or --allow-new-similar to create {'them' if n != 1 else 'it'})"
        )
    return _listed("client", fresh_clients, client_strays) + _listed(
        "person", fresh_people, person_strays
    )


def _listed(what: str, new: dict[str, int], found: list[Stray]) -> list[str]:
    """``new client: X`` per new name, and what it looks like when it was let through."""
    why = {stray.name: f" ({stray.why})" for stray in found}
    return [f"new {what}: {name}{why.get(name, '')}" for name in new]


def _guard_feed(session: Session, args: argparse.Namespace, text: str) -> None:
    from actionplan.plan.named import find_client
    from actionplan.summary.guarding import guard_feed

    client = find_client(session=session, name=args.client)
    assert client is not None  # export_ics found it
    flags = guard_feed(session=session, client=client, text=text, config=config())
    verb = "let through (--force)" if args.force else "sounds internal"
    for flag in flags:
        say(f"actionplan: {verb}: {flag}", err=True)
    if flags and not args.force:
        n = len(flags)
        raise CliError(
            f"leak guard: {n} thing{'s' if n != 1 else ''} in the calendar would reach the "
            "client; reword, use --internal for your own calendar, or --force"
        )


def run_export(args: argparse.Namespace) -> int:
    """actionplan export [--format json|csv|ics] [-o FILE] [--client C]"""
    from actionplan.known import no_client
    from actionplan.plan import find_client

    db = open_db(args)
    with db.session() as session:
        if args.client and find_client(session=session, name=args.client) is None:
            raise CliError(no_client(session=session, name=args.client))
        if args.format == "json":
            from actionplan.interchange.json_io import export_json

            text = export_json(session=session, client=args.client)
        elif args.format == "ics":
            from actionplan.interchange.ics import export_ics

            # Client-safe unless --internal (json and csv are full internal exports anyway),
            # and then it goes through the leak guard like every summary. A calendar for a
            # client is one client's: every client's dates in one feed are for us only.
            if not args.internal and not args.client:
                raise CliError(
                    "a calendar to send is one client's: add --client C "
                    "(or --internal for your own calendar of every client)"
                )
            text = export_ics(session=session, client=args.client, internal=args.internal)
            if not args.internal:
                _guard_feed(session, args, text)
        else:
            from actionplan.interchange.csv_io import write_csv
            from actionplan.plan.dependencies import blockers_of
            from actionplan.queries import ItemFilter, list_items

            where = ItemFilter(client=args.client, include_archived=True)  # a full export
            rows = list_items(session=session, where=where)
            found = blockers_of(session, [r["id"] for r in rows])
            text = write_csv(rows, {i: [b.id for b in bs] for i, bs in found.items()})
    write_output(args.output, text, protect=args.db)
    if args.output and args.output != "-":
        say(f"wrote {args.output}", err=True)
    return 0


def run_db(args: argparse.Namespace) -> int:
    """actionplan db upgrade | actionplan db path"""
    from actionplan.dbschema import SCHEMA_HEAD
    from actionplan.dburl import resolve_url
    from actionplan.redact import redact

    if args.action == "path":
        say(redact(resolve_url(args.db)))
        return 0
    db = open_db(args)
    if db.upgraded_from is None:
        say(f"{db.display}: schema is up to date ({SCHEMA_HEAD})")
    else:
        before = db.upgraded_from or "empty"
        backup = f"; backup at {db.backup}" if db.backup else ""
        say(f"{db.display}: upgraded schema {before} -> {SCHEMA_HEAD}{backup}")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    """actionplan backup [-o FILE]: SQLite's online backup, or a JSON export for a server."""
    from datetime import datetime

    from actionplan.dbschema import backup_sqlite
    from actionplan.dburl import resolve_url, sqlite_path
    from actionplan.outfile import check_target

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = sqlite_path(resolve_url(args.db))
    if path is not None:
        if args.output == "-":
            raise CliError("a SQLite backup must go to a file: give -o FILE")
        dest = (
            Path(args.output).expanduser()
            if args.output
            else path.parent / "backups" / f"{path.stem}-{stamp}.db"
        )
        if dest.is_dir():
            dest = dest / f"{path.stem}-{stamp}.db"
        # Checked before the database is even opened: -o must never name the plan itself.
        if check_target(dest, protect=live_files(args.db)) == "stream":
            raise CliError(f"{dest} is a pipe or device; a SQLite backup must go to a file")
        backup_sqlite(open_db(args).engine, dest)
    else:
        from actionplan.interchange.json_io import export_json

        dest = Path(args.output) if args.output else Path(f"actionplan-backup-{stamp}.json")
        with open_db(args).session() as session:
            text = export_json(session=session)
        write_output(str(dest), text, protect=args.db)
    if str(dest) != "-":
        say(f"backed up to {dest}")
    return 0
