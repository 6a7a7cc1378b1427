"""actionplan agenda and workload: the app's two cross-client views, as text or JSON."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from functools import partial
from typing import TYPE_CHECKING, Any

from actionplan.cli.context import config, open_db, read_db, today
from actionplan.cli.output import clip, say_block, say_json, table, width
from actionplan.text import one_line

if TYPE_CHECKING:
    from actionplan.agenda import Bucket
    from actionplan.rows import AgendaRow
    from actionplan.workload import Workload


def run_agenda(args: argparse.Namespace) -> int:
    """actionplan agenda [--client C] [--json]"""
    from actionplan.agenda import agenda

    day = today()
    found = read_db(args, partial(agenda, today=day, client=args.client))
    if args.json:
        say_json(json.dumps(_agenda_json(found, day), ensure_ascii=False, indent=1))
    else:
        say_block(agenda_text(found, day, columns=_columns()))
    return 0


def _agenda_json(found: list[Bucket], day: Any) -> dict[str, Any]:
    def item(row: AgendaRow) -> dict[str, Any]:
        return {
            "id": row["id"],
            "client": row["client"],
            "title": row["title"],
            "owner": row["owner"],
            "due": row["due"].isoformat() if row["due"] else None,
            "status": row["status"],
            "waiting_on": row["waiting_on"],
            "must": row["must"],
            "escalated": row["escalated"],
        }

    return {
        "today": day.isoformat(),
        "buckets": [
            {
                "key": b.key,
                "label": b.label,
                "count": len(b.rows),
                "items": [item(r) for r in b.rows],
            }
            for b in found
        ],
    }


def agenda_text(found: list[Bucket], day: Any, *, columns: int | None) -> str:
    """The agenda as aligned text: a heading with its count per bucket, one line per item.

    Args:
        columns: the terminal's width, to cut titles to; None cuts nothing (a pipe).
    """
    from actionplan.agenda import marks, when_label

    every = [row for bucket in found for row in bucket.rows]
    lines = [
        [when_label(r["due"], day), r["client"], r["title"], r["owner"] or "no owner", ""]
        for r in every
    ]
    for line, row in zip(lines, every, strict=True):
        line[4] = ", ".join(marks(row))
    lines = [[one_line(cell) for cell in line] for line in lines]
    widths = [max([0, *(width(line[n]) for line in lines)]) for n in range(5)]
    if columns is not None:
        room = columns - 2 - sum(widths) + widths[2] - 8
        widths[2] = max(12, min(widths[2], room))
    total = sum(len(b.rows) for b in found)
    out = [f"Agenda on {_day(day)}: {total} open item{'s' if total != 1 else ''}"]
    rows = iter(lines)
    for bucket in found:
        out.append(f"\n{bucket.label} ({len(bucket.rows)})")
        for _ in bucket.rows:
            cells = next(rows)
            cells[2] = clip(cells[2], widths[2])
            text = "  ".join(c + " " * (widths[n] - width(c)) for n, c in enumerate(cells))
            out.append(f"  {text.rstrip()}")
        if not bucket.rows:
            out.append("  none")
    return "\n".join(out)


def run_workload(args: argparse.Namespace) -> int:
    """actionplan workload [--weeks 6] [--limit N]"""
    from actionplan.workload import workload

    # argparse has checked --weeks and --limit (1-52, 0-10000); the config checks its own.
    limit = config().workload_limit if args.limit is None else args.limit
    db = open_db(args)
    with db.session() as session:
        found = workload(session=session, today=today(), weeks=args.weeks, limit=limit)
    say_block(workload_text(found))
    return 0


def workload_text(load: Workload) -> str:
    """The workload as a table: owner, team, side, a count per week (* over the limit), totals."""
    head = (
        f"Workload from the week of {_day(load.starts[0])}: open items per owner per week "
        f"(* more than {load.limit})"
    )
    if not load.owners:
        return f"{head}\nno open items"
    weeks = [f"{s.day} {_month(s)}" for s in load.starts]
    headers = ["owner", "team", "side", *weeks, "later", "no date", "total"]
    rows: list[list[Any]] = []
    for owner in load.owners:
        counts = [_count(n, load.over(n)) for n in owner.weeks]
        rows.append([one_line(owner.name), one_line(owner.team or ""), owner.side_label, *counts])
        rows[-1] += [owner.later, owner.no_date, owner.total]
    owners = load.owners
    rows.append(["total", "", "", *load.week_totals(), sum(o.later for o in owners)])
    rows[-1] += [sum(o.no_date for o in owners), sum(o.total for o in owners)]
    # Numbers read best right-aligned: pad each count column to its widest cell first.
    for n in range(3, len(headers)):
        size = max(len(headers[n]), *(len(str(r[n])) for r in rows))
        headers[n] = headers[n].rjust(size)
        for r in rows:
            r[n] = str(r[n]).rjust(size)
    notes = [head, table(headers, rows, flex=0)]
    if load.overdue:
        notes.append(
            f"The week of {weeks[0]} includes {load.overdue} overdue item"
            f"{'s' if load.overdue != 1 else ''}."
        )
    return "\n".join(notes)


def _count(n: int, over: bool) -> str:
    return f"{n}*" if over else f"{n} "


def _month(day: Any) -> str:
    from actionplan.dates import MONTHS

    return str(MONTHS[day.month - 1])


def _day(day: Any) -> str:
    from actionplan.dates import describe

    return describe(day)


def _columns() -> int | None:
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None
