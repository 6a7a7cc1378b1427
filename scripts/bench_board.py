"""In-process board driver for scripts/benchmark.py: time to a drawn board, then card moves.

Run as a child of benchmark.py, so its peak RSS (wait4) is the board's memory with the plan
loaded. The clock starts at this file's first statement (interpreter start-up is not counted;
imports are).

What it does
    1. ``ActionPlanApp(open_database(DB), load_config()).run_test(headless=True,
       size=(160, 45))`` and waits until the board has drawn: BoardScreen.loaded_once, the
       focused column has options, and the screen has painted since then.
    2. ``--moves`` times (default 30) moves the highlighted card of the Planned column right
       ("L") then back ("H"), alternately. Each move is timed from just before the key is sent
       to the end of the first screen paint that shows the card in its new column (the
       ``rows`` of ``#col-doing`` / ``#col-planned`` hold its id): key to repainted screen.
       "Move saved" is the same key press to the queued write committed
       (``app.writes_pending == 0``). Between moves the driver waits, untimed, for the write and
       for whatever the board does after it (workers other than the writer and the change
       watcher finished, messages handled), so every move starts from a settled board.

    The key is posted the way ``Pilot.press`` posts it (``driver.send_message(Key)``), but the
    wait is a 1 ms poll rather than ``Pilot.press``/``Pilot.pause``: those sleep at least 20 ms
    per ``wait_for_idle`` (three of them for a press and a pause) and wait for the whole process,
    writer thread included, to go idle, so they measure the harness. The Pilot figure is kept in
    the output as ``pilot_move_ms_median`` for comparison (``--pilot-moves``).

Output (stdout, one JSON object)
    client, client_items, planned_cards, drawn_s; per move in ms: moves (key to repaint), saved
    (key to write committed), settled (key to the board quiet again: the write and any reload or
    count refresh after it done and painted); their move_ms_median, move_ms_p90, saved_ms_median,
    settled_ms_median; pilot_move_ms_median.

Other modes
    --probe DB     prints the client the board should open on a new machine, its size, and the
                   first title of its Planned column (benchmark.py uses it for the tmux check).
    --profile OUT  cProfile the timed moves into OUT (pstats file).

Usage
    python scripts/bench_board.py DB [--moves 30] [--pilot-moves 0] [--profile OUT]
    python scripts/bench_board.py --probe DB
"""

import time

T0 = time.perf_counter()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

SIZE = (160, 45)
POLL_S = 0.001
TIMEOUT_S = 60.0


def probe(path: str) -> dict[str, Any]:
    """The client a new machine opens (most overdue, then most open), and its first card."""
    from actionplan import clock
    from actionplan.db import open_database
    from actionplan.models import Status
    from actionplan.queries import ItemFilter, clients_with_counts, list_items

    db = open_database(path)
    try:
        with db.session() as session:
            clients = clients_with_counts(session=session, today=clock.today())
            opened = max(clients, key=lambda c: (c.overdue, c.open))
            rows = list_items(session=session, where=ItemFilter(client=opened.name))
            sizes = {}
            for c in clients:
                sizes[c.name] = len(list_items(session=session, where=ItemFilter(client=c.name)))
    finally:
        db.dispose()
    planned = [r for r in rows if r["status"] == Status.PLANNED]
    return {
        "client": opened.name,
        "client_items": len(rows),
        "largest_client": max(sizes, key=sizes.__getitem__),
        "first_planned_title": planned[0]["title"] if planned else None,
        "planned_cards": len(planned),
    }


class Paints:
    """Counts the screen's compositor refreshes (a paint of the screen) and when they ran."""

    def __init__(self, screen: Any) -> None:
        self.count = 0
        self.last = 0.0
        self.hook: Any = None
        original = screen._compositor_refresh

        def refresh() -> None:
            original()
            self.count += 1
            self.last = time.perf_counter()
            if self.hook is not None:
                self.hook()

        screen._compositor_refresh = refresh


async def until(condition: Any, what: str) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"bench_board: timed out waiting for {what}")
        await asyncio.sleep(POLL_S)


async def drive(path: str, moves: int, pilot_moves: int, profile: str | None) -> dict[str, Any]:
    from textual import events
    from textual.worker import WorkerState

    from actionplan.config import load_config
    from actionplan.db import open_database
    from actionplan.tui.app import ActionPlanApp
    from actionplan.tui.screens.board import BoardScreen
    from actionplan.tui.widgets.column import BoardColumn

    app = ActionPlanApp(open_database(path), load_config())
    out: dict[str, Any] = {}
    async with app.run_test(headless=True, size=SIZE) as pilot:

        def loaded() -> bool:
            screen = app.screen
            if not isinstance(screen, BoardScreen) or not screen.loaded_once:
                return False
            column = screen.column
            return column is not None and column.option_count > 0

        await until(lambda: isinstance(app.screen, BoardScreen), "the board screen")
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        paints = Paints(screen)
        drawn: list[float] = []
        paints.hook = lambda: drawn.append(paints.last) if not drawn and loaded() else None
        await until(loaded, "the board to load")
        pending = screen._dirty_widgets or screen._layout_required or screen._repaint_required
        if not drawn and not pending:
            screen.refresh()  # loaded and painted before the hook went in: paint once more
        await until(lambda: bool(drawn), "the first paint of the loaded board")
        paints.hook = None
        out["drawn_s"] = drawn[0] - T0

        planned = screen.query_one("#col-planned", BoardColumn)
        doing = screen.query_one("#col-doing", BoardColumn)
        out["planned_cards"] = len(planned.rows)
        out["client_items"] = len(screen.rows)
        out["client"] = screen.client

        def busy() -> bool:
            """A write queued or running, or a worker (a reload, counts) not finished."""
            if app.writes_pending:
                return True
            active = (WorkerState.PENDING, WorkerState.RUNNING)
            # The writer and the change watcher run all session long: never "busy".
            return any(
                w.group not in ("writer", "watch") and w.state in active for w in app.workers
            )

        async def settle() -> float:
            """Wait for the write and whatever the board does after it (a reload, new counts).

            Returns when the write committed.
            """
            await until(lambda: app.writes_pending == 0, "the write")
            saved = time.perf_counter()
            while True:
                await until(lambda: not busy(), "the board to settle after the write")
                await pilot.pause()  # handles WriteDone and what the workers posted
                if not busy():
                    return saved

        async def move(key: str, target: BoardColumn) -> tuple[float, float, float]:
            card = screen.card
            assert card is not None, "no highlighted card"
            item_id = card["id"]
            painted: list[float] = []

            def on_paint() -> None:
                if not painted and any(r["id"] == item_id for r in target.rows):
                    painted.append(time.perf_counter())

            paints.hook = on_paint
            start = time.perf_counter()
            app._driver.send_message(events.Key(key, key))  # as Pilot.press sends it
            await until(lambda: bool(painted), f"{key} to repaint")
            paints.hook = None
            saved = await settle()
            settled = time.perf_counter()
            return painted[0] - start, saved - start, settled - start

        profiler = None
        if profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        timings = []
        for i in range(moves):
            key, target = ("L", doing) if i % 2 == 0 else ("H", planned)
            timings.append(await move(key, target))
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(profile)

        pilot_ms: list[float] = []
        for i in range(pilot_moves):
            key, target = ("L", doing) if i % 2 == 0 else ("H", planned)
            card = screen.card
            assert card is not None
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            await until(lambda t=target, c=card: any(r["id"] == c["id"] for r in t.rows), "move")
            pilot_ms.append((time.perf_counter() - start) * 1000)
            await settle()

    app.db.dispose()
    key_ms, saved_ms, settled_ms = ([round(t[i] * 1000, 2) for t in timings] for i in range(3))
    out |= {
        "moves": key_ms,
        "move_ms_median": _median(key_ms),
        "move_ms_p90": _p90(key_ms),
        "saved": saved_ms,
        "saved_ms_median": _median(saved_ms),
        "settled": settled_ms,
        "settled_ms_median": _median(settled_ms),
        "pilot_move_ms_median": _median(pilot_ms),
    }
    return out


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _p90(values: list[float]) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("db", nargs="?", help="the plan's SQLite file")
    parser.add_argument("--probe", metavar="DB", help="print the client the board opens")
    parser.add_argument("--moves", type=int, default=30)
    parser.add_argument("--pilot-moves", type=int, default=0)
    parser.add_argument("--profile", metavar="OUT", help="cProfile the timed moves into OUT")
    args = parser.parse_args()
    if args.probe:
        print(json.dumps(probe(args.probe)))
        return 0
    if not args.db:
        parser.error("give the plan's database file")
    result = asyncio.run(drive(args.db, args.moves, args.pilot_moves, args.profile))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
