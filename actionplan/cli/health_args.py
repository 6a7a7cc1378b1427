"""The grammar of ``actionplan health``: forms, blank, fill, show, history, due and export."""

from __future__ import annotations

from typing import Any

from actionplan.cli.args import count, item_id

FORMATS = ["md", "txt", "html", "pdf", "docx"]


def health_commands(command: Any, action: Any) -> None:
    """actionplan health forms | blank | fill | show | history | due | export"""
    p = command(
        "health", "health:run_forms", "health checks: forms, fill one, show, history, due, export"
    )
    actions = p.add_subparsers(title="actions", metavar="ACTION", required=True)
    action(actions, "forms", "health:run_forms", "the forms there are (shipped and your own)")
    h = action(actions, "blank", "health:run_blank", "a form as a TOML file to fill")
    h.add_argument("form", help="the form's key, file name or title")
    h = action(actions, "fill", "health:run_fill", "save a check of a client from a filled file")
    h.add_argument("client")
    h.add_argument("--form", required=True, help="the form's key, file name or title")
    h.add_argument(
        "--from",
        dest="source",
        metavar="FILE",
        help="the filled file (from `health blank`); - or none for standard input",
    )
    h.add_argument("--date", metavar="WHEN", help="the day of the check (default today)")
    h.add_argument(
        "--item",
        type=item_id,
        metavar="N",
        help="the recurring item this check completes (default: the one open item of the "
        "client naming the form and due within 7 days, if there is exactly one)",
    )
    h = action(actions, "show", "health:run_show", "a check as a one-page document")
    h.add_argument("client")
    which = h.add_mutually_exclusive_group()
    which.add_argument("--last", action="store_true", help="the latest check (the default)")
    which.add_argument("--id", type=item_id, metavar="N", help="this check")
    h.add_argument("--format", choices=FORMATS, default="md")
    h.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    h.add_argument(
        "--force", action="store_true", help="print it even if the leak guard finds something"
    )
    h = action(actions, "history", "health:run_history", "each number of a client's checks")
    h.add_argument("client")
    h.add_argument("--json", action="store_true", help="the series as JSON")
    h = action(actions, "due", "health_batch:run_due", "the health checks due in the next N days")
    h.add_argument(
        "--days", type=count(0, 366), default=7, metavar="N", help="days ahead, 0-366 (0: today)"
    )
    h.add_argument("--json", action="store_true", help="the checks as JSON (ISO dates)")
    h = action(
        actions,
        "export",
        "health_batch:run_export",
        "each client's latest check as a file in a folder",
    )
    which = h.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--due-this-week",
        action="store_true",
        help="the clients with a health check due this week (Monday to Sunday)",
    )
    which.add_argument(
        "--client", action="append", metavar="C", help="this client (repeat for several)"
    )
    h.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write into")
    h.add_argument("--format", choices=FORMATS, default="pdf")
    h.add_argument(
        "--force",
        action="store_true",
        help="write them even if the leak guard finds something (the finds are listed)",
    )
