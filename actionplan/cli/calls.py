"""actionplan calls: the clients with a call in the next days, as a prep list or JSON."""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from actionplan.cli.context import read_db, today
from actionplan.cli.output import say, say_block, say_json, table
from actionplan.text import one_line

if TYPE_CHECKING:
    from actionplan.calls import CallRow

SET_CALL = "actionplan clients set C --next-call WHEN"


def run_calls(args: argparse.Namespace) -> int:
    """actionplan calls [--days N] [--json]"""
    from actionplan.calls import calls_ahead, window_words

    day = today()
    found = read_db(args, partial(calls_ahead, today=day, days=args.days))
    if args.json:
        say_json(json.dumps(calls_json(found, day, args.days), ensure_ascii=False, indent=1))
    elif not found:
        say(f"No calls {window_words(args.days)}. Set one: {SET_CALL}")
    else:
        say_block(calls_text(found, day, args.days))
    return 0


def calls_text(found: list[CallRow], day: date, days: int) -> str:
    """The calls as a table: client, call, health, not told, asks, last sent, and why."""
    from actionplan.calls import day_label, window_words

    until = day_label(day + timedelta(days=days), today=day)
    head = (
        f"Calls {window_words(days)}" + (f" (to {until})" if days > 1 else "") + f": {len(found)}"
    )
    headers = ["client", "next call", "health", "not told", "asks", "last sent", "why"]
    rows = [
        [
            one_line(row.client),
            day_label(row.next_call, today=day),
            health_cell(row),
            str(row.untold),
            asks_cell(row),
            sent_cell(row, day),
            one_line(row.health_reason),
        ]
        for row in found
    ]
    notes = [head, table(headers, rows, flex=len(headers) - 1)]
    if any(row.health_set for row in found):
        notes.append("* health set by hand (clients set C --health); the computed one follows")
    return "\n".join(notes)


def health_cell(row: CallRow) -> str:
    """ "amber", "amber*" (set by hand), "amber* (auto red)" (set by hand, computed differs)."""
    if not row.health_set:
        return row.health
    return f"{row.health}*" + (f" (auto {row.computed})" if row.computed else "")


def asks_cell(row: CallRow) -> str:
    """ "0", or "2 (oldest 9 d)"."""
    if not row.asks:
        return "0"
    return f"{row.asks} (oldest {row.oldest_ask_days} d)"


def sent_cell(row: CallRow, day: date) -> str:
    """ "Mon 23 Nov (pdf)", or "never"."""
    from actionplan.calls import day_label

    sent = row.last_sent
    if sent is None:
        return "never"
    return f"{day_label(sent.at, today=day)} ({sent.format})"


def calls_json(found: list[CallRow], day: date, days: int) -> dict[str, Any]:
    """The calls as JSON-ready data, dates in ISO."""

    def call(row: CallRow) -> dict[str, Any]:
        sent = row.last_sent
        return {
            "client": row.client,
            "next_call": row.next_call.isoformat(),
            "health": {
                "level": row.health,
                "reason": row.health_reason,
                "set_by_hand": row.health_set,
                "computed": row.computed,
            },
            "not_told": row.untold,
            "asks": {"count": row.asks, "oldest_days": row.oldest_ask_days},
            "last_sent": None
            if sent is None
            else {
                "at": sent.at.isoformat(),
                "format": sent.format,
                "recipients": list(sent.recipients),
            },
        }

    return {
        "today": day.isoformat(),
        "days": days,
        "until": (day + timedelta(days=days)).isoformat(),
        "calls": [call(row) for row in found],
    }
