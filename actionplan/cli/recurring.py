"""actionplan recurring: the coming weeks' recurring checks per client and owner, as text."""

from __future__ import annotations

import argparse
from functools import partial
from typing import TYPE_CHECKING

from actionplan.cli.context import open_db, today
from actionplan.cli.output import clip, say_block, width
from actionplan.text import strip_controls

if TYPE_CHECKING:
    from actionplan.recurring import RecurringGrid

NAME_MAX = 32
CELL = 4


def run_recurring(args: argparse.Namespace) -> int:
    """actionplan recurring [--weeks N] [--threshold N]"""
    from actionplan.recurring import recurring_grid

    db = open_db(args)
    with db.session() as session:
        grid = recurring_grid(
            session=session, today=today(), weeks=args.weeks, threshold=args.threshold
        )
    say_block(grid_text(grid))
    return 0


def grid_text(grid: RecurringGrid) -> str:
    """The grid as aligned text: weeks across (Monday's day over its month), rows down.

    A count that reaches the threshold is marked ``*``; the pile-ups are listed under it. A
    week whose checks include one that fills a health-check form is marked ``◆``.
    """
    from actionplan.recurring import FORM_MARK, short_day, week_label

    lines = [
        f"Recurring checks per week, from {short_day(grid.weeks[0])} {grid.weeks[0].year}"
        f" (* = a pile-up: {grid.threshold} or more in one week)"
    ]
    if grid.forms:
        lines.append(f"({FORM_MARK} = with a health check to fill: actionplan health due)")
    if not grid.clients:
        lines.append("No recurring checks fall in these weeks.")
    else:
        rows = grid.clients + grid.owners
        names = [width(strip_controls(r.name, keep_newlines=False)) + 3 for r in rows]
        size = min(NAME_MAX, max([10, *names]))
        labels = [week_label(w) for w in grid.weeks]
        line = partial(_line, size=size, cell=CELL + 1 if grid.forms else CELL)
        lines.append(line("week of", [day for day, _ in labels]))
        lines.append(line("", [month for _, month in labels]))
        for heading, rows in (("clients", grid.clients), ("owners", grid.owners)):
            lines.append(heading)
            lines += [line(f"  {r.name}", _counts(grid, r.counts, r.with_forms)) for r in rows]
        lines.append(line("all", _counts(grid, grid.totals, grid.forms, mark=False)))
        piles = [
            f"  week of {short_day(grid.weeks[i])}: "
            + ", ".join(
                f"{strip_controls(r.name, keep_newlines=False)} {r.counts[i]}"
                for r in grid.owners + grid.clients
                if grid.piled(r.counts[i])
            )
            for i in grid.pile_up_weeks
        ]
        if piles:
            lines += ["", "Pile-ups:", *piles]
    if grid.undated:
        lines.append(f"{grid.undated} recurring item(s) have no due date, so no week yet.")
    return "\n".join(lines)


def _counts(
    grid: RecurringGrid, counts: tuple[int, ...], forms: tuple[int, ...], *, mark: bool = True
) -> list[str]:
    """Each week's cell: "-" for none, the count, ``*`` for a pile-up, ``◆`` for a form."""
    from actionplan.recurring import FORM_MARK

    cells = []
    for n, with_form in zip(counts, forms or (0,) * len(counts), strict=True):
        text = "-" if n == 0 else f"{n}*" if mark and grid.piled(n) else str(n)
        cells.append(text + FORM_MARK if with_form else text)
    return cells


def _line(name: str, cells: list[str], size: int, cell: int = CELL) -> str:
    label = clip(strip_controls(name, keep_newlines=False), size - 1)
    label += " " * (size - width(label))
    return (label + "".join(c.rjust(cell) for c in cells)).rstrip()
