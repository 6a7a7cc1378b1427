"""The board's measurements for scripts/benchmark.py: in tmux, the in-process drivers, idle CPU.

Each is registered with ``bench_run.measurement`` and runs its own warm-up and repeats: the
board started in a real terminal (a private tmux server), bench_board.py's draw and card moves,
bench_views.py's view opens and live refresh, and the board's CPU use when left alone. The demo
plan they also run on is built here.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

from bench_plans import TODAY
from bench_run import (
    BENCH_BOARD,
    DEMO,
    MEASUREMENTS,
    ChildFailed,
    Context,
    Plan,
    Result,
    Sample,
    measurement,
    probe_db,
    run_child,
)

BENCH_VIEWS = Path(__file__).resolve().parent / "bench_views.py"
BOARD_COLS, BOARD_ROWS = 160, 45
BOARD_MOVES = 30
"""Card moves per driver run."""
BOARD_WARMUP_MOVES = 2
VIEW_OPENS = 5
"""Opens of each view per driver run."""
LIVE_CHANGES = 12
"""Timed changes in the live-refresh run (after one untimed)."""
IDLE_SETTLE_S = 3.0
IDLE_S = 10.0
TMUX_POLL_S = 0.01
TMUX_TIMEOUT_S = 60.0


class Tmux:
    """A private tmux server (``-L``) for the benchmark's terminals, killed at the end."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.binary = shutil.which("tmux") or "tmux"
        self.socket = f"actionplan-bench-{os.getpid()}"
        self.env = dict(env)
        # One server for every run, so a run does not pay for starting it. A crashed board
        # stays on screen (remain-on-exit), for the error message.
        self("start-server", ";", "set-option", "-g", "exit-empty", "off", ";",
             "set-option", "-g", "remain-on-exit", "on")  # fmt: skip

    def __call__(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            [self.binary, "-L", self.socket, "-f", os.devnull, *args],
            env=self.env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
        )
        if check and done.returncode != 0:
            raise ChildFailed(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def close(self) -> None:
        self("kill-server", check=False)


def board_in_tmux(
    ctx: Context,
    plan: Plan,
    name: str,
    expect: list[str],
    *,
    db: str | Path | None = None,
    on_drawn: Callable[[int], None] | None = None,
) -> Sample:
    """Seconds from ``tmux new-session`` to a capture of the pane showing every ``expect``.

    Args:
        db: the database to open instead of the plan's SQLite file (a PostgreSQL URL).
        on_drawn: called with the board's process id once it has drawn, before it is stopped.
    """
    assert ctx.tmux is not None
    env = ctx.board_env()
    passed = ["ACTIONPLAN_TODAY", "ACTIONPLAN_CONFIG", "PYTHONPYCACHEPREFIX", "XDG_STATE_HOME"]
    assigns = [arg for k in passed for arg in ("-e", f"{k}={env[k]}")]
    command = shlex.join(["exec", *ctx.actionplan("--db", db or plan.db)])
    size = ["-x", str(BOARD_COLS), "-y", str(BOARD_ROWS)]
    start = time.perf_counter()
    ctx.tmux("new-session", "-d", "-s", name, *size, *assigns, command)
    screen, seconds = "", None
    pid = 0
    try:
        while time.perf_counter() - start < TMUX_TIMEOUT_S:
            screen = ctx.tmux("capture-pane", "-p", "-t", name)
            if all(text in screen for text in expect):
                seconds = time.perf_counter() - start
                break
            time.sleep(TMUX_POLL_S)
        pid = int(ctx.tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip() or 0)
        if seconds is not None and on_drawn is not None and pid:
            on_drawn(pid)
    finally:
        ctx.tmux("kill-session", "-t", name, check=False)
    deadline = time.perf_counter() + 10
    while pid and Path(f"/proc/{pid}").exists() and time.perf_counter() < deadline:
        time.sleep(0.01)  # the board has gone before the next run starts
    if seconds is None:
        raise ChildFailed(f"the board never showed {expect} in tmux; the screen was:\n{screen}")
    title = screen.splitlines()[0] if screen else ""
    if expect[1] not in title:
        raise ChildFailed(f"the board opened another client than {expect[1]!r}: {title}")
    return Sample(seconds=seconds, maxrss_kb=0)


BOARD_START_TARGETS: dict[int | str, float] = {DEMO: 0.8, 5_000: 1.0, 50_000: 1.5}


@measurement("board: start to drawn board (tmux)")
def board_start(ctx: Context, plan: Plan, repeat: int) -> list[Result]:
    if ctx.tmux is None:
        print("  (no tmux: skipped)", file=sys.stderr)
        return []
    info = ctx.probe(plan)
    # A prefix of the card's first line: the title wraps at the column's width (about 35).
    first_line = textwrap.wrap(str(info["first_planned_title"]), 20)[0]
    expect = ["Planned", plan.largest_client, first_line]
    samples = [board_in_tmux(ctx, plan, f"run{i}", expect) for i in range(repeat + 1)][1:]
    target = BOARD_START_TARGETS.get(plan.key)
    return [
        Result("board: start to drawn board (tmux)", plan.size, target, samples, plan=plan.name)
    ]


BOARD_MOVE_TARGETS_MS: dict[int | str, float] = {5_000: 50}
BOARD_PEAK_TARGETS_MB: dict[int | str, float] = {5_000: 150}


@measurement("board: in-process driver (bench_board.py)")
def board_driver(ctx: Context, plan: Plan, repeat: int) -> list[Result]:
    ctx.probe(plan)
    argv = [ctx.python, str(BENCH_BOARD), str(plan.db), "--moves"]
    run_child([*argv, str(BOARD_WARMUP_MOVES)], ctx.board_env())
    samples, runs = [], []
    for _ in range(repeat):
        out = ctx.fresh_path(".json")
        samples.append(run_child([*argv, str(BOARD_MOVES)], ctx.board_env(), str(out)))
        runs.append(json.loads(out.read_text(encoding="utf-8")))
    if any(run["client"] != plan.largest_client for run in runs):
        raise ChildFailed(f"bench_board.py opened {runs[0]['client']!r}, not the largest client")
    n = f"{runs[0]['planned_cards']:,} of {runs[0]['client_items']:,} cards"

    def result(figure: str, unit: str, values: list[float], target: float | None) -> Result:
        return Result(figure, plan.size, target, samples, unit, values, plan=plan.name)

    return [
        result("board: drawn, in-process (headless)", "s", [r["drawn_s"] for r in runs], None),
        result(
            f"board: move key→repaint ({n} in Planned)",
            "ms",
            [ms for r in runs for ms in r["moves"]],
            BOARD_MOVE_TARGETS_MS.get(plan.key),
        ),
        result(
            "board: move saved (key→write committed)",
            "ms",
            [ms for r in runs for ms in r["saved"]],
            None,
        ),
        result(
            "board: peak memory, in-process driver", "MB", [], BOARD_PEAK_TARGETS_MB.get(plan.key)
        ),
    ]


VIEW_TARGETS_MS: dict[int | str, float] = {5_000: 300, 50_000: 300}
VIEWS = {"t": "triage", "a": "agenda", "w": "workload", "R": "recurring 12 weeks"}
MARK_RECURRING = """
import sys
import sqlalchemy as sa
from actionplan.db import open_database
from actionplan.models import Item, RepeatFrom, RepeatUnit
CADENCES = [(1, RepeatUnit.WEEK), (3, RepeatUnit.WEEK), (1, RepeatUnit.MONTH), (2, RepeatUnit.WEEK)]
db = open_database(sys.argv[1])
marked = 0
with db.session() as session:
    for n, (every, unit) in enumerate(CADENCES):
        done = session.execute(
            sa.update(Item)
            .where(Item.title.like("Health check:%"), Item.id % len(CADENCES) == n)
            .values(repeat_every=every, repeat_unit=unit, repeat_from=RepeatFrom.DUE)
        )
        marked += done.rowcount
    session.commit()
db.dispose()
print(marked)
"""


def plan_copy(ctx: Context, plan: Plan, what: str) -> Path:
    """A copy of the plan's SQLite file, for a measurement that changes it."""
    copy = ctx.tmp / f"{what}-{plan.key}.db"
    shutil.copyfile(plan.db, copy)
    return copy


@measurement("views: open triage, agenda, workload, recurring (bench_views.py)")
def board_views(ctx: Context, plan: Plan, repeat: int) -> list[Result]:
    db = plan.db  # the demo has recurring checks of its own; the views do not write
    if plan.name is None:
        db = plan_copy(ctx, plan, "views")
        run_child([ctx.python, "-c", MARK_RECURRING, str(db)], ctx.env)
    argv = [ctx.python, str(BENCH_VIEWS), "views", str(db), "--opens", str(VIEW_OPENS)]
    samples, runs = [], []
    for _ in range(repeat):
        out = ctx.fresh_path(".json")
        samples.append(run_child(argv, ctx.board_env(), str(out)))
        runs.append(json.loads(out.read_text(encoding="utf-8")))
    results = []
    for key, view in VIEWS.items():
        figure = f"view: open {view} ({key}), key→drawn ({runs[0]['what'][key]})"
        values = [ms for run in runs for ms in run["opens"][key]]
        target = VIEW_TARGETS_MS.get(plan.key)
        results.append(Result(figure, plan.size, target, samples, "ms", values, plan=plan.name))
    return results


IDLE_TARGET_PCT = 2.0


def cpu_seconds(pid: int) -> float:
    """The process's CPU time so far, every thread, user and system (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle(pid: int, *, into: list[float]) -> None:
    """Percent of one core the process uses over ``IDLE_S``, after ``IDLE_SETTLE_S`` alone."""
    time.sleep(IDLE_SETTLE_S)
    cpu, wall = cpu_seconds(pid), time.perf_counter()
    time.sleep(IDLE_S)
    into.append((cpu_seconds(pid) - cpu) / (time.perf_counter() - wall) * 100)


@measurement("board: idle CPU (tmux)", on_demo=False)
def board_idle(ctx: Context, plan: Plan, repeat: int) -> list[Result]:
    if ctx.tmux is None or not Path("/proc/self/stat").exists():
        print("  (no tmux or no /proc: skipped)", file=sys.stderr)
        return []
    info = ctx.probe(plan)
    expect = [
        "Planned",
        plan.largest_client,
        textwrap.wrap(str(info["first_planned_title"]), 20)[0],
    ]
    results = []
    databases: list[tuple[str, str | Path]] = [("SQLite", plan.db)]
    if ctx.pg_admin is not None:
        url, built = ctx.pg_plan(plan)
        results += [built] if built else []
        databases.append(("PostgreSQL", url))
    for label, db in databases:
        used: list[float] = []
        print(f"  idle board on {label}, {IDLE_S:g} s ...", file=sys.stderr, flush=True)
        board_in_tmux(ctx, plan, "idle", expect, db=db, on_drawn=partial(idle, into=used))
        figure = f"board: idle CPU over {IDLE_S:g} s, % of a core (tmux, {label})"
        results.append(Result(figure, plan.size, IDLE_TARGET_PCT, [], "%", used, below=True))
    return results


LIVE_TARGET_S = 2.0


@measurement("live refresh: another process's change on the board", on_demo=False)
def board_live(ctx: Context, plan: Plan, repeat: int) -> list[Result]:
    results = []
    databases: list[tuple[str, str | Path]] = [("SQLite", plan_copy(ctx, plan, "live"))]
    if ctx.pg_admin is not None:
        url, built = ctx.pg_plan(plan)
        results += [built] if built else []
        databases.append(("PostgreSQL", url))
    for label, db in databases:
        out = ctx.fresh_path(".json")
        argv = [ctx.python, str(BENCH_VIEWS), "live", str(db), "--changes", str(LIVE_CHANGES)]
        sample = run_child(argv, ctx.board_env(), str(out))
        run = json.loads(out.read_text(encoding="utf-8"))
        figure = f"live refresh: other process's commit→board repaint ({label})"
        seconds = [ms / 1000 for ms in run["changes"]]
        results.append(Result(figure, plan.size, LIVE_TARGET_S, [sample], "s", seconds))
    return results


DEMO_BUILD = """
import sys
from datetime import date
from actionplan.db import open_database
from actionplan.demo import load_demo
db = open_database(sys.argv[1])
with db.session() as session:
    print(load_demo(session=session, today=date.fromisoformat(sys.argv[2])))
db.dispose()
"""


def build_demo(ctx: Context) -> Plan:
    """The demo plan in a file: ``load_demo`` with the benchmark's today."""
    db = ctx.tmp / "demo.db"
    out = ctx.fresh_path(".txt")
    run_child([ctx.python, "-c", DEMO_BUILD, str(db), TODAY.isoformat()], ctx.env, str(out))
    size = int(out.read_text(encoding="utf-8").split()[-1])
    return Plan(size, db, str(probe_db(ctx, db)["largest_client"]), name=DEMO)


def measure_board(ctx: Context, plan: Plan, repeat: int) -> list[Result]:
    results: list[Result] = []
    for m in MEASUREMENTS:
        if m.applies(plan):
            label = f"{plan.name} plan ({plan.size:,})" if plan.name else f"{plan.size:,}"
            print(f"measuring {m.name} on {label} ...", file=sys.stderr, flush=True)
            results.extend(m.run(ctx, plan, repeat))
    return results
