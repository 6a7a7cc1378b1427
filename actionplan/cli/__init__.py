"""The command line: parses arguments, calls the core, prints. Heavy imports wait for a command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from actionplan import __version__
from actionplan.cli.args import ID_MAX, Parser, count, item_id, item_ids, not_utf8
from actionplan.cli.contact_args import contact_commands, person_options
from actionplan.cli.health_args import health_commands

STATUSES = ["planned", "doing", "waiting", "done", "dropped"]
WAITING_ON = ["client", "vendor", "internal"]


def build_parser() -> Parser:
    """The whole command-line grammar (PRODUCT.md's contract, extended)."""
    parser = Parser(
        prog="actionplan",
        description="A kanban of must-do IT items per client, and client-safe summaries.",
        epilog="The database is --db, else $ACTIONPLAN_DB, else a file in your data folder "
        "(see `actionplan db path`).",
    )
    parser.add_argument("--version", action="version", version=f"actionplan {__version__}")
    parser.add_argument("--db", metavar="URL|PATH", help="SQLAlchemy URL or SQLite file path")
    parser.set_defaults(handler="board:run_board")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, handler: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    def action(
        actions: argparse._SubParsersAction[argparse.ArgumentParser],
        name: str,
        handler: str,
        help_text: str,
    ) -> argparse.ArgumentParser:
        a = actions.add_parser(name, help=help_text)
        a.set_defaults(handler=handler)
        return a

    command("demo", "board:run_demo", "open the board on a throwaway demo plan")

    p = command("add", "items:run_add", "add an item to a client's plan")
    p.add_argument("title")
    p.add_argument("--client", required=True, help="client name (an existing one, or --new-client)")
    p.add_argument("--new-client", action="store_true", help="create it if no client has that name")
    _item_options(p)
    p.add_argument("--status", choices=STATUSES, help="default planned (waiting with --waiting-on)")

    p = command("set", "items:run_set", "change an item's fields")
    p.add_argument("id", type=item_id)
    p.add_argument("--title")
    p.add_argument("--client", help="move the item to another client")
    p.add_argument("--new-client", action="store_true", help="create it if no client has that name")
    p.add_argument("--status", choices=STATUSES)
    _item_options(p)
    p.add_argument("--visibility", choices=["client", "internal"])
    p.add_argument("--no-escalate", action="store_true", help="clear the escalation")
    p.add_argument(
        "--blocked-by",
        type=item_ids,
        metavar="ID[,ID...]",
        help="it waits for these items of the same client",
    )
    p.add_argument(
        "--not-blocked-by", type=item_id, action="append", metavar="ID", help="it no longer waits"
    )
    p.add_argument(
        "--shift-dependents",
        action="store_true",
        help="with --due: move the items waiting for it by as many days",
    )
    p.add_argument("--reason", help="why (kept in the history, e.g. why a date moved)")
    p.add_argument(
        "--expect-version",
        type=count(1, ID_MAX),
        metavar="N",
        help="refuse if the item is no longer at version N",
    )

    p = command("list", "items:run_list", "list items")
    p.add_argument("--client")
    p.add_argument("--owner")
    p.add_argument("--status", action="append", choices=STATUSES, help="repeat for several")
    p.add_argument("--overdue", action="store_true", help="open items past their due date")
    p.add_argument("--json", action="store_true", help="a JSON array (id + the CSV columns)")

    p = command("triage", "triage:run_triage", "what needs attention, worst first, with why")
    p.add_argument("--client", help="only this client")
    p.add_argument("--json", action="store_true", help="a JSON array with each item's reasons")

    p = command("agenda", "views:run_agenda", "every client's open items by when they are due")
    p.add_argument("--client", help="only this client")
    p.add_argument("--json", action="store_true", help="the buckets and their items as JSON")
    p = command("workload", "views:run_workload", "open items per owner per week, ahead")
    _weekly(p, 6, "--limit", 0, "mark weeks over N items, 0-10000 (config workload_limit)")
    p = command("calls", "calls:run_calls", "clients with a call in the next N days: the prep list")
    p.add_argument(
        "--days", type=count(0, 366), default=7, metavar="N", help="days ahead, 0-366 (0: today)"
    )
    p.add_argument("--json", action="store_true", help="the calls as JSON (ISO dates)")

    p = command("delete", "items:run_delete", "delete an item (undo or restore brings it back)")
    p.add_argument("id", type=item_id)
    p = command("restore", "items:run_restore", "bring back a deleted item")
    p.add_argument("id", type=item_id)
    p = command("undo", "items:run_undo", "undo your last change (repeat to go further back)")
    p.add_argument(
        "--steps", type=count(1, 10_000), default=1, metavar="N", help="undo the last N changes"
    )
    p = command("history", "items:run_history", "every change of one item")
    p.add_argument("id", type=item_id)

    contact_commands(command, action)
    p = command("person", "person:run_person", "show a person, add one, or set their details")
    p.add_argument("name")
    p.add_argument("--team")
    p.add_argument("--side", choices=["us", "client", "vendor"])
    person_options(p)
    p.add_argument(
        "--new-person",
        action="store_true",
        help="add NAME even if it looks like someone's already there (e.g. Pri and Priya Shah)",
    )

    p = command(
        "summary", "summary:run_summary", "a client-safe summary: what we're doing and when"
    )
    p.add_argument("client")
    p.add_argument(
        "--format", choices=["md", "txt", "html", "pdf", "talk", "docx", "eml"], default="md"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument(
        "--sent",
        "--save",
        dest="sent",
        action="store_true",
        help="record it as sent to the client (a snapshot with the format and recipients): "
        "'not told' clears and the next summary says what changed since",
    )
    p.add_argument(
        "--send",
        action="store_true",
        help="eml: send the e-mail over [smtp] in the config, and record it as sent",
    )
    p.add_argument(
        "--attach-health",
        action="store_true",
        help="eml: attach the client's latest health check as a PDF (through the leak guard)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="export even when the leak guard finds internal-sounding text",
    )
    p.add_argument("--no-nice", action="store_true", help="leave out nice-to-haves")
    p.add_argument(
        "--next-call",
        metavar="WHEN",
        help="next steps are what is due before it (default: the client's next call)",
    )
    p = command("snapshots", "summary:run_snapshots", "the summaries saved for a client")
    p.add_argument("client")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--show", type=item_id, metavar="ID", help="print a snapshot as it was sent")
    shown.add_argument(
        "--compare",
        type=item_id,
        nargs=2,
        metavar=("OLDER", "NEWER"),
        help="what changed between two snapshots (from the one saved first)",
    )
    p.add_argument(
        "--force", action="store_true", help="print it even if the leak guard finds something"
    )

    p = command("guard", "guard:run_check", "the leak guard: check text, a client's allow-list")
    actions = p.add_subparsers(title="actions", metavar="ACTION", required=True)
    g = action(actions, "check", "guard:run_check", "check text (arguments, or standard input)")
    g.add_argument("text", nargs="*", help="text to check; none reads standard input")
    g.add_argument("--client", help="use this client's contacts and allow-list")
    g.add_argument("--json", action="store_true", help="the findings as JSON")
    g = action(actions, "allow", "guard:run_allow", "show or change a client's allow-list")
    g.add_argument("client")
    g.add_argument("terms", nargs="*", help="terms to add: ticket prefixes, domains, hosts")
    g.add_argument("--remove", action="append", default=[], metavar="TERM", help="take one off")
    g = action(
        actions, "review", "guard:run_review", "mark what the guard flags in a summary as fine"
    )
    g.add_argument("client")
    g.add_argument("--item", type=item_id, metavar="ID", help="only this item's sentences")
    g.add_argument("--list", action="store_true", help="list the reviewed sentences")

    p = command("import", "transfer:run_import", "import a CSV file or restore a JSON export")
    p.add_argument("file", help="a .csv or .json file, or - for standard input")
    p.add_argument("--dry-run", action="store_true", help="check and report; change nothing")
    p.add_argument(
        "--allow-new-similar",
        action="store_true",
        help="CSV: create new clients and people even if they look like ones already there",
    )

    p = command(
        "export", "transfer:run_export", "export the plan as JSON or CSV, or due dates as iCalendar"
    )
    p.add_argument(
        "--format",
        choices=["json", "csv", "ics"],
        default="json",
        help="ics: a client-safe calendar of dated open items, one all-day event each "
        "(no internal-only items, internal notes or our people's names)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--client")
    p.add_argument(
        "--internal",
        action="store_true",
        help="ics: the full calendar for your own use, named '(internal)', internal-only items "
        "marked private; ignored for json and csv, which are always full internal exports",
    )
    p.add_argument(
        "--force", action="store_true", help="ics: write it even if the leak guard finds something"
    )

    p = command("template", "templates:run_list", "checklist templates: list, apply to a client")
    actions = p.add_subparsers(title="actions", metavar="ACTION", required=True)
    action(actions, "list", "templates:run_list", "the templates there are (shipped and your own)")
    t = action(
        actions,
        "apply",
        "templates:run_apply",
        "add a template's items to a client, dates from --start",
    )
    t.add_argument("name", help="the template's file name or name, e.g. new-client-onboarding")
    t.add_argument("--client", required=True, help="client name (an existing one, or --new-client)")
    t.add_argument("--new-client", action="store_true", help="create it if no client has that name")
    t.add_argument(
        "--new-person", action="store_true", help="create the template's owners who are not there"
    )
    t.add_argument("--start", metavar="WHEN", help="what due offsets count from (default today)")
    t.add_argument("--dry-run", action="store_true", help="show the items and dates; add nothing")

    health_commands(command, action)

    p = command("recurring", "recurring:run_recurring", "recurring checks per week, ahead")
    _weekly(p, 12, "--threshold", 1, "a pile-up is N or more in a week (1-10000)", default=3)

    p = command("db", "transfer:run_db", "database upkeep")
    p.add_argument("action", choices=["upgrade", "path"])
    p = command("backup", "transfer:run_backup", "copy the database (JSON for PostgreSQL)")
    p.add_argument("-o", "--output", metavar="FILE")
    return parser


def _weekly(
    p: argparse.ArgumentParser,
    weeks: int,
    option: str,
    low: int,
    help: str,
    default: int | None = None,
) -> None:
    """The options of a view of the weeks ahead: how many weeks (``weeks`` by default), and
    ``option``, a number N per week from ``low`` to 10,000."""
    p.add_argument(
        "--weeks", type=count(1, 52), default=weeks, metavar="N", help="how many weeks (1-52)"
    )
    p.add_argument(option, type=count(low, 10_000), default=default, metavar="N", help=help)


def _item_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--owner", help="person's name (existing, or --new-person); '' for nobody")
    p.add_argument(
        "--new-person", action="store_true", help="create the owner if nobody has that name"
    )
    p.add_argument("--due", metavar="WHEN", help="fri, +2w, in 3 days, eom, 5 dec, 2026-12-05")
    p.add_argument("--committed", metavar="WHEN", help="the date the client was told")
    p.add_argument("--waiting-on", choices=WAITING_ON)
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--must", action="store_true", default=None, help="a must-do need")
    kind.add_argument("--nice", action="store_true", default=None, help="a nice-to-have")
    p.add_argument("--note", help="client note (may appear in summaries)")
    p.add_argument("--internal", help="internal note (never leaves the app)")
    p.add_argument(
        "--internal-only", action="store_true", default=None, help="the whole item is internal"
    )
    p.add_argument("--escalate", metavar="REASON", help="flag for management, with the reason")
    p.add_argument(
        "--repeat", metavar="EVERY", help="recurring: 3w, 2m, 10d, weekly, monthly; none stops it"
    )
    p.add_argument(
        "--repeat-from",
        choices=["due", "done"],
        help="count the next from the due date (default) or from completion",
    )
    p.add_argument(
        "--health-form",
        metavar="FORM",
        help="completing it fills this health-check form (key or title); '' for none",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (0 ok, 1 bad input or failed check, 2 usage)."""
    from actionplan.cli.errors import fail, handled
    from actionplan.text import quote

    argv = list(sys.argv[1:] if argv is None else argv)
    # Bytes that are not UTF-8 arrive as lone surrogates, which no database or file takes.
    if (bad := not_utf8(argv)) is not None:
        return fail(f"argument is not UTF-8 text: {quote(bad)}")
    args = build_parser().parse_all(argv)
    module_name, _, func_name = args.handler.partition(":")
    from importlib import import_module

    module = import_module(f"actionplan.cli.{module_name}")
    return handled(lambda: getattr(module, func_name)(args))


if __name__ == "__main__":
    sys.exit(main())
