"""actionplan triage: the items needing attention, worst first, with why."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from actionplan.cli.context import open_db, today
from actionplan.cli.output import say, say_block, say_json, table


def run_triage(args: argparse.Namespace) -> int:
    """actionplan triage [--client C] [--json]"""
    from actionplan.triage import explain_queue

    db = open_db(args)
    with db.session() as session:
        queue = explain_queue(session=session, today=today(), client=args.client)
    if args.json:
        encode = json.JSONEncoder(ensure_ascii=False).encode
        lines = ",\n".join(encode(_record(row, reasons)) for row, reasons in queue)
        say_json(f"[\n{lines}\n]" if queue else "[]")
        return 0
    if not queue:
        say("Nothing needs attention.")
        return 0
    headers = ["id", "client", "title", "owner", "due", "why"]
    rows = [
        [row["id"], row["client"], row["title"], row["owner"], row["due"], "; ".join(reasons)]
        for row, reasons in queue
    ]
    say_block(table(headers, rows, flex=2))
    return 0


def _record(row: dict[str, Any], reasons: tuple[str, ...]) -> dict[str, Any]:
    def value(v: Any) -> Any:
        if isinstance(v, date):
            return v.isoformat()
        return getattr(v, "value", v)

    keys = ["id", "client", "title", "status", "waiting_on", "owner", "due", "committed", "must"]
    record = {k: value(row[k]) for k in keys}
    record["escalated"] = bool(row["escalated"])
    record["reasons"] = list(reasons)
    return record
