"""Opening the plan: the board, or the demo on a throwaway database."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from actionplan.cli.context import open_db, today


def run_board(args: argparse.Namespace) -> int:
    """actionplan [--db URL|PATH]: show the plan."""
    db = open_db(args)
    _show_plan(db)
    return 0


def run_demo(args: argparse.Namespace) -> int:
    """actionplan demo: the demo plan in a temporary database, never the user's own."""
    from actionplan.db import open_database
    from actionplan.demo import load_demo

    with tempfile.TemporaryDirectory(prefix="actionplan-demo-") as folder:
        db = open_database(str(Path(folder) / "demo.db"))
        try:
            with db.session() as session:
                load_demo(session=session, today=today())
            _show_plan(db)
        finally:
            db.dispose()
    return 0


def _show_plan(db: object) -> None:
    """Print every client's open items as a Rich table (until the board screen exists)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from actionplan.dates import relative
    from actionplan.queries import OPEN_STATUSES, ItemFilter, list_items

    console = Console()
    with db.session() as session:  # type: ignore[attr-defined]
        rows = list_items(session=session, where=ItemFilter(statuses=tuple(OPEN_STATUSES)))
    if not rows:
        console.print(
            'No items yet. Add one:  actionplan add "Renew firewall licence" '
            '--client "Acme" --due fri    or try:  actionplan demo',
            markup=False,
        )
        return
    now = today()
    table = Table(title=f"Open items, {now:%a %d %b %Y}", expand=False)
    for header in ("#", "client", "status", "title", "owner", "due"):
        table.add_column(header, overflow="fold")
    for row in rows:
        due = row["due"]
        style = "red" if due and due < now else ("yellow" if due and (due - now).days <= 3 else "")
        table.add_row(
            str(row["id"]),
            Text(row["client"]),
            Text(row["status"].value),
            Text(row["title"]),  # user text is never markup
            Text(row["owner"] or "no owner", style="" if row["owner"] else "dim yellow"),
            Text(relative(due, today=now) if due else "-", style=style),
        )
    console.print(table)
