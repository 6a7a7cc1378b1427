"""In-process drivers for scripts/benchmark.py: opening the views, and live refresh.

Run as a child of benchmark.py (so wait4 gives its peak memory), in the style of
scripts/bench_board.py: the app under ``App.run_test(headless=True, size=(160, 45))``, keys
posted as ``Pilot.press`` posts them, never ``Pilot.pause`` inside a timed wait. A "paint" is
the end of a ``Screen._compositor_refresh`` (patched on the class, so a screen pushed by a key
is watched from its first paint on). Untimed waits poll every 1 ms; a timed wait is a future
the paint resolves (see FirstPaint: a poll would slow the worker thread doing the reading).

Modes
    views DB [--opens 5] [--keys t,a,w,R] [--profile OUT]
        Opens the board on DB and waits until it has drawn and settled. Then, for each key,
        ``--opens`` times: the key is sent and timed to the first paint that shows the view's
        content, not just its title; then Esc (twice for triage: the first shows the session's
        end) back to the board, which reloads, and an untimed wait until it has settled.
        "Shows its content" is read off that paint (the screen's text as composited):
          t  triage: the progress "1 / N" and the first item's title;
          a  agenda: the first heading and the first item's title;
          w  workload: the first owner's name and the "Everyone" row;
          R  recurring: the "Clients" heading and the first client's row (or the grid's
             only line when nothing recurs).
        Prints {"client", "opens": {key: [ms, ...]}, "what": {key: "what it counted"}}.
    live DB [--changes 12]
        Opens the board on DB (a SQLite file or a PostgreSQL URL) and starts a writer: this
        script in ``writer`` mode, another process with its own engine. Each change: an
        untimed pause of 0.2-1.2 s (so changes fall at random points of SQLite's 0.5 s
        data_version poll), then the writer retitles the highlighted card ("Live 03 ...")
        with ``plan.edit_item`` and answers with ``time.perf_counter()`` just after the commit
        (CLOCK_MONOTONIC, shared by every process on Linux). The figure is the commit to the
        first paint of the board showing the new title on the card. One untimed change first.
        Prints {"client", "db", "changes": [ms, ...]}.
    writer DB
        Reads "ID<TAB>TITLE" lines, retitles item ID, prints the commit time.
"""

import time

T0 = time.perf_counter()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

SIZE = (160, 45)
POLL_S = 0.001
TIMEOUT_S = 120.0
LONG_LIVED = {"writer", "watch"}
"""The app's workers that run for the whole session: never "busy"."""
VIEW_KEYS = ("t", "a", "w", "R")
LIVE_PAUSE_S = (0.2, 1.2)
WRITER_AUTHOR = "Benchmark writer"


async def until(condition: Any, what: str) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"bench_views: timed out waiting for {what}")
        await asyncio.sleep(POLL_S)


class PaintHook:
    """Calls ``hook(screen, when)`` after every compositor refresh of any screen."""

    def __init__(self) -> None:
        from textual.screen import Screen

        self.hook: Any = None
        original = Screen._compositor_refresh
        watcher = self

        def refresh(screen: Any) -> None:
            original(screen)
            if watcher.hook is not None:
                watcher.hook(screen, time.perf_counter())

        Screen._compositor_refresh = refresh  # type: ignore[method-assign,assignment]


class FirstPaint:
    """The time of the first paint that passes a test, awaited without polling.

    The timed waits do not poll: a 1 ms poll would take the interpreter from the worker
    thread reading the view's data a thousand times a second (Python hands the GIL over
    when another thread asks), and slow the very read being timed.
    """

    def __init__(self) -> None:
        self.when: float | None = None
        self._done = asyncio.get_running_loop().create_future()

    def hit(self, when: float) -> None:
        if self.when is None:
            self.when = when
            self._done.set_result(None)

    async def wait(self, what: str) -> float:
        try:
            await asyncio.wait_for(self._done, TIMEOUT_S)
        except TimeoutError:
            raise TimeoutError(f"bench_views: timed out waiting for {what}") from None
        assert self.when is not None
        return self.when


def screen_text(screen: Any) -> str:
    """The screen as it is composited now (what the last paint showed), as plain text."""
    return "\n".join(strip.text for strip in screen._compositor.render_strips())


class Board:
    """The running app on its board: waiting for it to draw and to settle, sending keys."""

    def __init__(self, app: Any, pilot: Any) -> None:
        self.app, self.pilot = app, pilot

    async def loaded(self) -> Any:
        from actionplan.tui.screens.board import BoardScreen

        def ready() -> bool:
            screen = self.app.screen
            if not isinstance(screen, BoardScreen) or not screen.loaded_once:
                return False
            return screen.column is not None and screen.column.option_count > 0

        await until(ready, "the board to load")
        await self.settle()
        return self.app.screen

    def busy(self) -> bool:
        """A write queued or running, or a worker (a reload, counts, a view's read) running."""
        from textual.worker import WorkerState

        if self.app.writes_pending:
            return True
        active = (WorkerState.PENDING, WorkerState.RUNNING)
        return any(w.group not in LONG_LIVED and w.state in active for w in self.app.workers)

    async def settle(self) -> None:
        """Until nothing is running and what the workers posted has been handled."""
        while True:
            await until(lambda: not self.busy(), "the app to settle")
            await self.pilot.pause()
            if not self.busy():
                return

    def send(self, key: str) -> None:
        from textual import events

        char = "\x1b" if key == "escape" else key
        self.app._driver.send_message(events.Key(key, char))  # as Pilot.press sends it


# --- opening the views ------------------------------------------------------------------------


def expected(screen: Any) -> list[str] | None:
    """What a view's first paint with content must show; None while it is still reading."""
    from actionplan.tui.screens.agenda import AgendaScreen
    from actionplan.tui.screens.recurring import RecurringScreen, WeekGrid
    from actionplan.tui.screens.triage import TriageScreen
    from actionplan.tui.screens.workload import WorkloadScreen
    from actionplan.tui.widgets.agenda_list import AgendaList

    if isinstance(screen, TriageScreen):
        if screen.entries is None:
            return None
        if not screen.entries:
            return ["Triage"]
        detail = screen.detail
        if detail is None:
            return None
        return [f"1 / {len(screen.entries)}", detail.row["title"][:20]]
    if isinstance(screen, AgendaScreen):
        if screen.buckets is None:
            return None
        entries = screen.query_one(AgendaList).entries
        if not entries:
            return None
        first = entries[0]
        shown = [f"{first[1][0].label} (" if first[0] == "heading" else str(first[1])[:20]]
        items = [payload for kind, payload in entries[:40] if kind == "item"]
        return shown + ([items[0]["title"][:20]] if items else [])
    if isinstance(screen, WorkloadScreen):
        from textual.widgets import DataTable

        table = screen.query_one(DataTable)
        if screen.load is None or not table.row_count:
            return None
        owners = screen.load.owners
        return [owners[0].name[:15], "Everyone"] if owners else ["No open items"]
    if isinstance(screen, RecurringScreen):
        grid = screen.query_one(WeekGrid)
        if screen.grid is None or not grid.lines:
            return None
        if screen.grid.clients:
            return ["Clients", screen.grid.clients[0].name[:10]]
        return [grid.lines[0].name[:20]]
    return None


def what_counted(screen: Any) -> str:
    """A few words on what the view showed (for the table's label)."""
    from actionplan.tui.screens.agenda import AgendaScreen
    from actionplan.tui.screens.recurring import RecurringScreen
    from actionplan.tui.screens.triage import TriageScreen
    from actionplan.tui.screens.workload import WorkloadScreen

    if isinstance(screen, TriageScreen):
        return f"{len(screen.entries or []):,} in the queue"
    if isinstance(screen, AgendaScreen):
        return f"{sum(len(b.rows) for b in screen.buckets or []):,} open items"
    if isinstance(screen, WorkloadScreen):
        return f"{len(screen.load.owners) if screen.load else 0} owners"
    if isinstance(screen, RecurringScreen):
        rows = screen.grid.clients if screen.grid else ()
        items = {c.item_id for row in rows for week in row.checks for c in week}
        checks = sum(len(week) for row in rows for week in row.checks)
        return f"{len(items):,} recurring items, {checks:,} checks"
    return ""


async def open_views(path: str, opens: int, keys: list[str], profile: str | None) -> dict[str, Any]:
    from actionplan.config import load_config
    from actionplan.db import open_database
    from actionplan.tui.app import ActionPlanApp
    from actionplan.tui.screens.board import BoardScreen

    paints = PaintHook()
    app = ActionPlanApp(open_database(path), load_config())
    out: dict[str, Any] = {"opens": {}, "what": {}}
    async with app.run_test(headless=True, size=SIZE) as pilot:
        board = Board(app, pilot)
        home = await board.loaded()
        out["client"] = home.client

        async def open_one(key: str) -> float:
            painted = FirstPaint()

            def on_paint(screen: Any, when: float) -> None:
                if painted.when is not None or screen is not app.screen or screen is home:
                    return
                expect = expected(screen)
                if expect is not None and all(e in screen_text(screen) for e in expect):
                    painted.hit(when)

            paints.hook = on_paint
            start = time.perf_counter()
            board.send(key)
            drawn = await painted.wait(f"{key} to draw its view")
            paints.hook = None
            out["what"][key] = what_counted(app.screen)
            await board.settle()  # untimed: the view's reads finish before Esc
            view = app.screen
            while app.screen is view:
                board.send("escape")  # triage: the first Esc shows the end of the session
                await until(lambda: app.screen is not view or not board.busy(), "Esc")
                await board.pilot.pause()
            await until(lambda: isinstance(app.screen, BoardScreen), "the board again")
            await board.settle()  # the board reloads after a view
            return drawn - start

        profiler = None
        if profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        for key in keys:
            out["opens"][key] = [round(await open_one(key) * 1000, 2) for _ in range(opens)]
        if profiler is not None and profile:
            profiler.disable()
            profiler.dump_stats(profile)
    app.db.dispose()
    return out


# --- live refresh -----------------------------------------------------------------------------


async def live(path: str, changes: int) -> dict[str, Any]:
    from actionplan.config import load_config
    from actionplan.db import open_database
    from actionplan.tui.app import ActionPlanApp

    paints = PaintHook()
    app = ActionPlanApp(open_database(path), load_config())
    out: dict[str, Any] = {"db": app.db.engine.dialect.name, "changes": []}
    writer = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "writer",
        path,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert writer.stdin is not None and writer.stdout is not None
    rng = random.Random(20261123)
    try:
        if (await writer.stdout.readline()).strip() != b"ready":
            raise RuntimeError("bench_views: the writer did not start")
        async with app.run_test(headless=True, size=SIZE) as pilot:
            board = Board(app, pilot)
            home = await board.loaded()
            out["client"] = home.client

            async def change(n: int) -> float:
                await asyncio.sleep(rng.uniform(*LIVE_PAUSE_S))
                card, column = home.card, home.column
                assert card is not None and column is not None, "no highlighted card"
                item_id, mark = card["id"], f"Live {n:02d}"
                title = f"{mark} {re.sub(r'^Live [0-9]+ ', '', card['title'])}"
                painted = FirstPaint()

                def on_paint(screen: Any, when: float) -> None:
                    if painted.when is not None or screen is not home:
                        return
                    shown = any(r["id"] == item_id and r["title"] == title for r in column.rows)
                    if shown and mark in screen_text(screen):
                        painted.hit(when)

                paints.hook = on_paint
                writer.stdin.write(f"{item_id}\t{title}\n".encode())  # type: ignore[union-attr]
                await writer.stdin.drain()  # type: ignore[union-attr]
                committed = float(await writer.stdout.readline())  # type: ignore[union-attr]
                drawn = await painted.wait(f"change {n} on the board")
                paints.hook = None
                await board.settle()
                if drawn < committed:
                    raise RuntimeError("bench_views: painted before the commit")
                return drawn - committed

            await change(0)  # untimed: the first reload after a change
            for n in range(1, changes + 1):
                out["changes"].append(round(await change(n) * 1000, 2))
    finally:
        writer.stdin.close()
        await writer.wait()
    app.db.dispose()
    return out


def write_loop(path: str) -> None:
    """The other process of ``live``: one retitle per line read, its commit time printed."""
    from actionplan.db import open_database
    from actionplan.plan.items import edit_item

    db = open_database(path)
    print("ready", flush=True)
    for line in sys.stdin:
        item_id, title = line.rstrip("\n").split("\t", 1)
        with db.session() as session:
            edit_item(session=session, item_id=int(item_id), author=WRITER_AUTHOR, title=title)
        print(time.perf_counter(), flush=True)  # edit_item has committed
    db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("mode", choices=["views", "live", "writer"])
    parser.add_argument("db", help="the plan: a SQLite file or a database URL")
    parser.add_argument("--opens", type=int, default=5, help="views: opens of each view")
    parser.add_argument("--keys", default=",".join(VIEW_KEYS), help="views: the keys, t,a,w,R")
    parser.add_argument("--profile", metavar="OUT", help="views: cProfile the opens into OUT")
    parser.add_argument("--changes", type=int, default=12, help="live: timed changes")
    args = parser.parse_args()
    if args.mode == "writer":
        write_loop(args.db)
        return 0
    if args.mode == "views":
        keys = [k for k in args.keys.split(",") if k]
        result = asyncio.run(open_views(args.db, args.opens, keys, args.profile))
    else:
        result = asyncio.run(live(args.db, args.changes))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
