"""actionplan triage: the items needing attention, worst first, with why."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any

from actionplan.cli.context import open_db, today
from actionplan.cli.output import say, say_block, say_json, table

if TYPE_CHECKING:
    from actionplan.rows import TriageRow


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


def _record(row: TriageRow, reasons: tuple[str, ...]) -> dict[str, Any]:
    """One entry of ``triage --json``: a JSON document, not a row."""
    return {
        "id": row["id"],
        "client": row["client"],
        "title": row["title"],
        "status": row["status"].value,
        "waiting_on": row["waiting_on"].value if row["waiting_on"] else None,
        "owner": row["owner"],
        "due": _day(row["due"]),
        "committed": _day(row["committed"]),
        "must": row["must"],
        "escalated": bool(row["escalated"]),
        "reasons": list(reasons),
    }


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None
