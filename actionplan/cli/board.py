"""Opening the board: on the user's plan, or on the demo plan in a throwaway database."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from actionplan.cli.context import config, open_db, today


def run_board(args: argparse.Namespace) -> int:
    """actionplan [--db URL|PATH]: the board of the client used last."""
    db = open_db(args)
    try:
        _run_app(db, demo=False)
    finally:
        db.dispose()
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
            _run_app(db, demo=True)
        finally:
            db.dispose()
    return 0


def _run_app(db: object, *, demo: bool) -> None:
    import gc

    # Start-up allocates a great many objects that live for the whole session; collecting
    # them again and again only delays the first screen. The app freezes them once drawn.
    gc.disable()
    try:
        from actionplan.tui.app import ActionPlanApp

        app = ActionPlanApp(db, config(), demo=demo)  # type: ignore[arg-type]
        app.run()
    finally:
        gc.enable()
