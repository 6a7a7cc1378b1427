"""Timing whole processes for scripts/benchmark.py: each child's wall time and peak memory.

A child is started with ``subprocess.Popen`` and reaped with ``os.wait4``, whose rusage is that
one child's (``ru_maxrss``). Here too: a built plan and the context every figure gets, the
registers of figures (one timed command each) and of measurements (the board's, which run
their own repeats), and what each measures to.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bench_pg import create_database, pg_url

if TYPE_CHECKING:
    from bench_tui import Tmux

BENCH_BOARD = Path(__file__).resolve().parent / "bench_board.py"
DEMO = "demo"
BOARD_MIN_SIZE = 1_000
"""Board figures run on the demo plan and on the sizes from this up (not on the 50-item plan)."""
SUMMARY_ITEMS = 200
"""The summary figures use the client whose plan lists nearest this many open items."""


@dataclass(frozen=True)
class Plan:
    """One built plan: its size, database file and largest client."""

    size: int
    db: Path
    largest_client: str
    name: str | None = None
    """A named plan ("demo") rather than a generated one."""
    summary_client: str | None = None
    """The client nearest ``SUMMARY_ITEMS`` open items (generated plans only)."""
    summary_items: int = 0
    """How many open items that client has."""

    @property
    def key(self) -> int | str:
        """How targets are looked up: the name of a named plan, else the size."""
        return self.name or self.size


@dataclass
class Context:
    """What figures need: where the executable is, the child environment, a scratch folder."""

    exe: str
    env: dict[str, str]
    tmp: Path
    python: str = sys.executable
    """The interpreter of the actionplan install (for the board driver and the demo plan)."""
    tmux: Tmux | None = None
    pg_admin: str | None = None
    """An admin URL of a PostgreSQL server for the PostgreSQL figures; None: no such figures."""
    _counter: int = 0
    _probes: dict[Path, dict[str, object]] = field(default_factory=dict)
    _pg_plans: dict[int, str] = field(default_factory=dict)

    def actionplan(self, *args: str | Path) -> list[str]:
        """The argv of an actionplan command."""
        return [self.exe, *map(str, args)]

    def fresh_path(self, suffix: str) -> Path:
        """A new, not yet existing file path in the scratch folder."""
        self._counter += 1
        return self.tmp / f"run{self._counter}{suffix}"

    def pg_plan(self, plan: Plan) -> tuple[str, Result | None]:
        """The plan imported into a PostgreSQL database of its own (once): its URL, and the
        timed import when it was made now."""
        assert self.pg_admin is not None and plan.name is None
        if plan.size in self._pg_plans:
            return self._pg_plans[plan.size], None
        name = f"actionplan_bench_{plan.size}"
        create_database(self.python, self.pg_admin, name, self.env)
        url = pg_url(self.pg_admin, name)
        print(f"importing the {plan.size:,}-item plan into PostgreSQL ...", file=sys.stderr)
        csv_path = self.tmp / f"plan-{plan.size}.csv"
        sample = run_child(self.actionplan("--db", url, "import", csv_path), self.env)
        self._pg_plans[plan.size] = url
        return url, Result("build: import CSV, PostgreSQL (1 run)", plan.size, None, [sample])

    def board_env(self) -> dict[str, str]:
        """The child environment with a fresh, empty state folder (no client remembered)."""
        state = self.fresh_path("-state")
        state.mkdir()
        return self.env | {"XDG_STATE_HOME": str(state)}

    def probe(self, plan: Plan) -> dict[str, object]:
        """What the board should open on this plan (bench_board.py --probe), checked once."""
        if plan.db not in self._probes:
            info = probe_db(self, plan.db)
            if info["client"] != plan.largest_client or not info["first_planned_title"]:
                raise ChildFailed(
                    f"the board would open {info['client']!r}, not the largest client "
                    f"{plan.largest_client!r} with Planned cards: {info}"
                )
            self._probes[plan.db] = info
        return self._probes[plan.db]


@dataclass(frozen=True)
class Sample:
    """One child run: wall seconds and peak resident memory in KiB."""

    seconds: float
    maxrss_kb: int


class ChildFailed(RuntimeError):
    """A measured command exited with an error."""


def run_child(argv: list[str], env: Mapping[str, str], stdout_path: str = os.devnull) -> Sample:
    """Run one process to completion; its wall time and its own ru_maxrss (from wait4)."""
    with (
        open(stdout_path, "wb") as out,
        tempfile.TemporaryFile() as err,
    ):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            raise ChildFailed(f"{' '.join(argv)} exited {proc.returncode}:\n{tail}")
    return Sample(seconds=seconds, maxrss_kb=usage.ru_maxrss)


def probe_db(ctx: Context, db: Path) -> dict[str, object]:
    """``bench_board.py --probe``: the client the board opens, the largest, the first card."""
    out = ctx.fresh_path(".json")
    run_child([ctx.python, str(BENCH_BOARD), "--probe", str(db)], ctx.env, str(out))
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# --- the figures ----------------------------------------------------------------------------

Command = Callable[[Context, Plan | None], list[str]]


@dataclass(frozen=True)
class Figure:
    """A named measurement: a command to run, how often, and its target."""

    name: str
    command: Command
    sized: bool
    """True: measured on every plan size; False: once per benchmark run."""
    targets: Mapping[int | None, float] = field(default_factory=dict)
    """Target seconds by plan size (None: any size)."""
    fixed_size: int | None = None
    """For a figure that is not sized, the size it works on anyway (shown in the table)."""
    min_size: int = 1
    """A sized figure is measured on plans of at least this many items."""
    max_size: int | None = None
    """... and of at most this many (None: no limit)."""

    def measured_on(self, size: int) -> bool:
        """Whether this sized figure is measured on a plan of ``size`` items."""
        return self.sized and size >= self.min_size and (self.max_size or size) >= size

    def target(self, size: int | None) -> float | None:
        return self.targets.get(size, self.targets.get(None))


FIGURES: list[Figure] = []


def figure(
    name: str,
    *,
    sized: bool = True,
    targets: Mapping[int | None, float] | None = None,
    fixed_size: int | None = None,
    min_size: int = 1,
    max_size: int | None = None,
) -> Callable[[Command], Command]:
    """Register a measurement (see the module docstring)."""

    def register(command: Command) -> Command:
        FIGURES.append(
            Figure(name, command, sized, dict(targets or {}), fixed_size, min_size, max_size)
        )
        return command

    return register


@dataclass
class Result:
    """The samples of one figure at one size."""

    figure: str
    size: int | None
    target: float | None
    """In ``unit``."""
    samples: list[Sample]
    unit: str = "s"
    """"s" or "ms": the median of ``values``; "MB": the samples' peak memory."""
    values: list[float] | None = None
    """The figure's own values in ``unit``; None: the samples' wall seconds."""
    plan: str | None = None
    """The plan's name when it is a named plan (the demo)."""
    below: bool = False
    """The target is a strict "less than" (idle CPU), not "at most"."""

    @property
    def median(self) -> float:
        if self.unit == "MB":
            return self.peak_mb or 0.0
        values = self.values if self.values is not None else [s.seconds for s in self.samples]
        return statistics.median(values)

    @property
    def peak_mb(self) -> float | None:
        """None when the measured process is not ours (the tmux child)."""
        peak = max((s.maxrss_kb for s in self.samples), default=0)
        return peak / 1024 if peak else None

    @property
    def missed(self) -> bool:
        if self.target is None:
            return False
        return self.median >= self.target if self.below else self.median > self.target


def measure(ctx: Context, fig: Figure, plan: Plan | None, repeat: int) -> Result:
    """One unmeasured warm-up run, then ``repeat`` measured runs, each a new process."""
    run_child(fig.command(ctx, plan), ctx.env)
    samples = [run_child(fig.command(ctx, plan), ctx.env) for _ in range(repeat)]
    size = plan.size if plan else fig.fixed_size
    return Result(fig.name, size, fig.target(plan.size if plan else None), samples)


Measure = Callable[[Context, Plan, int], list[Result]]


@dataclass(frozen=True)
class Measurement:
    """A board measurement: runs its own warm-up and repeats, returns one or more Results."""

    name: str
    run: Measure
    on_demo: bool = True
    min_size: int = BOARD_MIN_SIZE

    def applies(self, plan: Plan) -> bool:
        return self.on_demo if plan.name == DEMO else plan.size >= self.min_size


MEASUREMENTS: list[Measurement] = []


def measurement(name: str, **options: object) -> Callable[[Measure], Measure]:
    """Register a board measurement (see the module docstring)."""

    def register(run: Measure) -> Measure:
        MEASUREMENTS.append(Measurement(name, run, **options))  # type: ignore[arg-type]
        return run

    return register
