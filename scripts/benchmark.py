"""Whole-process benchmark of the actionplan command line, for the README's Performance section.

What it measures
    Each figure is one ``actionplan`` command run as a user runs it: a fresh process, from
    interpreter start to exit, so imports, opening the database, the query and printing all
    count. Figures that depend on the size of the plan are measured on plans of 50, 5,000 and
    50,000 items (``--sizes``).

How
    * Plans are built once per size in a temporary SQLite file: a generated CSV (the contract's
      columns; the largest client holds 20% of the items, about 30 owners, mixed statuses, due
      dates within 60 days either side of a fixed today, some notes) imported with
      ``actionplan --db FILE import CSV``. That build import is timed once and reported too.
    * Every child gets ``ACTIONPLAN_TODAY=2026-11-23`` and ``ACTIONPLAN_CONFIG`` pointing at a
      temporary config file, and never ``ACTIONPLAN_DB``, so runs are reproducible and never
      touch the user's own plan.
    * Each figure runs once unmeasured (to warm the page cache and bytecode cache), then
      ``--repeat`` times, each in a new process; the table shows the median wall time.
      Bytecode is cached as for an installed wheel, but in a temporary
      ``PYTHONPYCACHEPREFIX`` (so nothing is written into the source tree), and
      ``PYTHONDONTWRITEBYTECODE`` is dropped from the children's environment.
    * Peak memory is the child's own maximum resident set size: the child is started with
      ``subprocess.Popen`` and reaped with ``os.wait4(pid, 0)``, whose rusage is that one child's
      (``ru_maxrss``, KiB on Linux). The table shows the largest over the repeats.
    * Output of the measured commands goes to /dev/null, so the terminal is not measured.

The client summary (figures marked "summary")
    ``actionplan summary CLIENT --format md`` (to /dev/null) and ``--format pdf -o FILE`` (a new
    file each run), on the sizes of 1,000 items or more, for the client whose plan lists nearest
    ``SUMMARY_ITEMS`` (200) open items: a large but realistic client, picked from the generated
    CSV (open = planned, doing or waiting; ties go to the first name), so the same client on
    every run. The PDF is the most a summary costs (ReportLab is imported only for it). Both
    pass ``--force``: the leak guard still checks every line, it only may not stop the run.

The board (figures marked "board")
    Measured on the demo plan (``actionplan.demo.load_demo`` with today 2026-11-23, about 120
    items, built with the children's Python) and on the sizes of 1,000 items or more. The board
    opens, on a new machine, the client with most overdue then most open items; in the
    generated plans that is the largest client (20% of the items), and every run checks it is.
    Each board run gets a fresh ``XDG_STATE_HOME``, so no run remembers the previous client.

    * "start to drawn board (tmux)": ``actionplan --db FILE`` in a real terminal, a detached
      160x45 tmux session (a private tmux server, ``-L``, started once per benchmark). The clock
      starts just before ``tmux new-session`` and stops when ``tmux capture-pane`` (polled every
      10 ms) shows the "Planned" column title, the client's name and the first line of the first
      Planned card of that client; then the session is killed and its process waited for. This
      process is tmux's child, not ours, so it has no peak memory figure.
    * scripts/bench_board.py, a child run like the commands (so wait4 gives its peak memory):
      the app under ``App.run_test(headless=True, size=(160, 45))``, timed from the driver's
      first statement to the first paint of the loaded board, then ``BOARD_MOVES`` card moves
      (Planned -> In progress -> Planned ...), each timed from the key to the first paint showing
      the card in its new column ("move key->repaint"), and to the write committed ("move
      saved"). Move figures pool the moves of every measured run (median). See that script.
    * "view: open ..." (scripts/bench_views.py ``views``, a child as above): in a board drawn
      in-process, ``VIEW_OPENS`` opens each of triage (t), agenda (a), workload (w) and the
      recurring 12-week view (R), each timed from the key to the first paint that shows the
      view's content (not just its title; see that script), with Esc back to the board and an
      untimed wait for it to settle between opens. The opens of every run are pooled
      (median; each run's first open, which imports the screen's code, is among them). The
      generated plans have no recurring items, so the views run on a copy in which every
      "Health check: ..." item (1 in 15) repeats, weekly, every 2 or 3 weeks or monthly.
    * "live refresh" (scripts/bench_views.py ``live``, one run of ``LIVE_CHANGES`` changes,
      on a copy of the plan): another process (the same script as a writer, with its own
      engine) retitles the highlighted card with ``plan.edit_item``; from just after its
      commit to the board's first paint showing the new title (median). On SQLite, and on
      PostgreSQL (below).
    * "board idle CPU": the board in tmux as for "start to drawn board"; once drawn, it is
      left alone ``IDLE_SETTLE_S``, then the CPU time of the whole process (every thread,
      utime + stime from /proc/PID/stat) over ``IDLE_S`` of wall time, as a percentage of one
      core; one run per plan and database. On SQLite, and on PostgreSQL (below).

PostgreSQL (figures marked "PostgreSQL")
    With ``--pg auto`` (the default) the benchmark starts a throwaway server the way
    tests/conftest.py does (scripts/bench_pg.py; skipped, with a note, when none is
    installed); ``--pg URL`` uses an existing server's admin URL instead (it creates and drops
    databases ``actionplan_bench_*``); ``--pg off`` skips these figures. Each plan is imported
    from the same CSV into a database of its own ("build: import CSV, PostgreSQL").

Adding a figure
    Write one function decorated with ``@figure(...)``. It gets the run context and the plan
    (or None for a figure that does not depend on the plan size), may do untimed set-up, and
    returns the argv to time. It is called before every run, so it can hand each run a fresh
    database. A measurement that is not one timed command (the board's) is a function
    decorated with ``@measurement(...)`` that runs its own repeats and returns Results.

Usage
    .venv/bin/python scripts/benchmark.py [--sizes 50,5000,50000] [--repeat 3] [--json OUT]
        [--pg auto|off|URL] [--no-board]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

from bench_pg import PgServer, create_database, drop_databases, pg_url

ROOT = Path(__file__).resolve().parent.parent
BENCH_BOARD = Path(__file__).resolve().parent / "bench_board.py"
BENCH_VIEWS = Path(__file__).resolve().parent / "bench_views.py"
TODAY = date(2026, 11, 23)
IMPORT_ROWS = 5_000
DEFAULT_SIZES = (50, 5_000, 50_000)
DEMO = "demo"
BOARD_MIN_SIZE = 1_000
"""Board figures run on the demo plan and on the sizes from this up (not on the 50-item plan)."""
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
LARGEST_SHARE = 0.20
SUMMARY_ITEMS = 200
"""The summary figures use the client whose plan lists nearest this many open items."""
# The CSV contract's columns, spelled out rather than imported: the harness imports nothing of
# actionplan, whose memory would otherwise show in every child's peak (wait4 counts it).
COLUMNS = [
    "client",
    "title",
    "status",
    "owner",
    "due",
    "committed",
    "must",
    "client_note",
    "internal_note",
    "escalated",
]


# --- the plan data --------------------------------------------------------------------------

LARGEST_CLIENT = "Northwind Logistics"
_CLIENT_HEADS = [
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka", "Tyrell",
    "Cyberdyne", "Soylent", "Massive", "Vandelay", "Pied Piper", "Dunder", "Sterling", "Gringotts",
    "Oceanic", "Monarch", "Aperture", "Blue Sun", "Contoso", "Fabrikam", "Tailspin", "Litware",
]  # fmt: skip
_CLIENT_TAILS = [
    "Insurance", "Retail", "Health", "Energy", "Bank", "Foods", "Media", "Freight", "Labs",
    "Pharma", "Hotels", "Telecom", "Legal", "Mining", "Airlines", "Logistics", "Motors",
]  # fmt: skip
_FIRST = [
    "Ann", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kiri",
    "Liam", "Maya", "Noah", "Olu", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Viktor",
    "Wen", "Ximena", "Yusuf", "Zoe", "Ravi", "Marta", "Oskar", "Leila",
]  # fmt: skip
_LAST = [
    "Lee", "Okafor", "Martin", "Patel", "Rossi", "Haddad", "Kim", "Dubois", "Silva", "Berg",
    "Ngata", "Walsh", "Cohen", "Novak", "Adeyemi", "Sharma", "Byrne", "Garcia", "Ito", "Aziz",
    "Rao", "Petrov", "Zhang", "Lopez", "Demir", "Fischer", "Kaur", "Costa", "Lund", "Farah",
]  # fmt: skip
_TITLES = [
    "Migrate {sys} to {target}",
    "Renew the {cert} certificate before it expires",
    "Fix intermittent {fault} on {sys}",
    "Upgrade {sys} to the supported version",
    "Set up single sign-on for {sys}",
    "Restore nightly backups of {sys}",
    "Deliver the {doc} for the {team} team",
    "Onboard {n} new users to {sys}",
    "Close the audit finding on {sys} access reviews",
    "Decommission the old {sys} servers",
    "Health check: {sys}",
    "Add {team} reporting to the monthly dashboard",
    "Train client contacts on {sys}",
    "Replace failing {hw} at the {site} site",
    "Agree the cut-over date for {sys}",
]
_FILL = {
    "sys": ["the VPN", "Exchange", "SAP", "the CRM", "SharePoint", "the data warehouse", "Jira",
            "the payroll system", "the file servers", "Citrix", "the billing API", "Okta"],
    "target": ["Azure", "AWS", "the new datacentre", "Microsoft 365", "PostgreSQL 16"],
    "cert": ["wildcard TLS", "VPN gateway", "SAML signing", "code signing"],
    "fault": ["timeouts", "login failures", "slow reports", "sync errors", "dropped calls"],
    "doc": ["runbook", "letter of instruction", "architecture diagram", "DR test report"],
    "team": ["finance", "warehouse", "HR", "sales", "support", "legal"],
    "n": ["5", "12", "40", "150"],
    "hw": ["switches", "laptops", "UPS batteries", "firewalls", "printers"],
    "site": ["Leeds", "Lyon", "Austin", "Pune", "Madrid", "Auckland"],
}  # fmt: skip
_CLIENT_NOTES = [
    "Vendor confirmed the date on the last call.",
    "Waiting for your change window; please confirm Tuesday or Thursday.",
    'Scope agreed in the "phase 2" letter, items 3-7.',
    "Needs two named contacts from your side for testing.",
    "Done in the test environment; production next.",
]
_INTERNAL_NOTES = [
    "Short of people until the hire starts; don't promise earlier.",
    "Director promised 45 days; realistic is 90.",
    "See ticket INC-20419 for the root cause.",
    "Vendor blames the firewall config, we blame the vendor.",
]
_STATUSES = [("planned", 35), ("doing", 25), ("waiting", 15), ("done", 20), ("dropped", 5)]


def client_names(count: int) -> list[str]:
    """``count`` distinct client names, the largest client first."""
    names = [LARGEST_CLIENT]
    for i in range(count - 1):
        head = _CLIENT_HEADS[i % len(_CLIENT_HEADS)]
        tail = _CLIENT_TAILS[(i // len(_CLIENT_HEADS)) % len(_CLIENT_TAILS)]
        lap = i // (len(_CLIENT_HEADS) * len(_CLIENT_TAILS))
        names.append(f"{head} {tail}" + (f" {lap + 1}" if lap else ""))
    return names


def write_plan_csv(path: Path, size: int, seed: int = 20261123) -> str:
    """Write a CSV of ``size`` items; returns the largest client's name (20% of the items)."""
    rng = random.Random(seed + size)
    owners = [f"{f} {last}" for f, last in zip(_FIRST, _LAST, strict=True)]
    largest = round(size * LARGEST_SHARE)
    others = max(3, round((size - largest) / 250))  # about 250 items per other client
    clients = client_names(others + 1)
    statuses, weights = zip(*_STATUSES, strict=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(COLUMNS)
        for i in range(size):
            client = clients[0] if i % 5 == 0 and i // 5 < largest else rng.choice(clients[1:])
            template = rng.choice(_TITLES)
            title = template.format(**{k: rng.choice(v) for k, v in _FILL.items()})
            due = TODAY + timedelta(days=rng.randint(-60, 60)) if rng.random() > 0.07 else None
            committed = None
            if due and rng.random() < 0.5:
                committed = due - timedelta(days=rng.choice([0, 0, 0, 7, 14, 30]))
            escalated = rng.random() < 0.05
            out.writerow(
                [
                    client,
                    title,
                    rng.choices(statuses, weights)[0],
                    rng.choice(owners) if rng.random() > 0.05 else "",
                    due.isoformat() if due else "",
                    committed.isoformat() if committed else "",
                    "yes" if rng.random() < 0.8 else "no",
                    rng.choice(_CLIENT_NOTES) if rng.random() < 0.4 else "",
                    rng.choice(_INTERNAL_NOTES) if rng.random() < 0.25 else "",
                    "yes" if escalated else "no",
                ]
            )
    return clients[0]


# --- running and measuring children ---------------------------------------------------------


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
) -> Callable[[Command], Command]:
    """Register a measurement (see the module docstring)."""

    def register(command: Command) -> Command:
        FIGURES.append(Figure(name, command, sized, dict(targets or {}), fixed_size, min_size))
        return command

    return register


@figure("--help", sized=False, targets={None: 0.3})
def help_text(ctx: Context, plan: Plan | None) -> list[str]:
    return ctx.actionplan("--help")


@figure("import CSV into an empty db", sized=False, targets={None: 3.0}, fixed_size=IMPORT_ROWS)
def import_rows(ctx: Context, plan: Plan | None) -> list[str]:
    # A fresh, empty database for every run; the CSV is written once per benchmark run.
    csv_path = ctx.tmp / f"import-{IMPORT_ROWS}.csv"
    if not csv_path.exists():
        write_plan_csv(csv_path, IMPORT_ROWS)
    return ctx.actionplan("--db", ctx.fresh_path(".db"), "import", csv_path)


@figure("list --client <largest>", targets={50_000: 1.5})
def list_client(ctx: Context, plan: Plan | None) -> list[str]:
    assert plan is not None
    return ctx.actionplan("--db", plan.db, "list", "--client", plan.largest_client)


@figure("export --format json", targets={50_000: 1.5})
def export_json(ctx: Context, plan: Plan | None) -> list[str]:
    assert plan is not None
    return ctx.actionplan("--db", plan.db, "export", "--format", "json")


@figure("list --json")
def list_json(ctx: Context, plan: Plan | None) -> list[str]:
    assert plan is not None
    return ctx.actionplan("--db", plan.db, "list", "--json")


SUMMARY_CLIENT = f"<{SUMMARY_ITEMS}-item client>"


@figure(f"summary {SUMMARY_CLIENT} --format md", targets={None: 1.0}, min_size=BOARD_MIN_SIZE)
def summary_md(ctx: Context, plan: Plan | None) -> list[str]:
    assert plan is not None and plan.summary_client
    return ctx.actionplan(
        "--db", plan.db, "summary", plan.summary_client, "--format", "md", "--force"
    )


@figure(
    f"summary {SUMMARY_CLIENT} --format pdf -o FILE", targets={None: 1.5}, min_size=BOARD_MIN_SIZE
)
def summary_pdf(ctx: Context, plan: Plan | None) -> list[str]:
    assert plan is not None and plan.summary_client
    pdf = ctx.fresh_path(".pdf")
    return ctx.actionplan(
        "--db", plan.db, "summary", plan.summary_client, "--format", "pdf", "-o", pdf, "--force"
    )


# --- the run --------------------------------------------------------------------------------


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


# --- the board ------------------------------------------------------------------------------

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


def probe_db(ctx: Context, db: Path) -> dict[str, object]:
    """``bench_board.py --probe``: the client the board opens, the largest, the first card."""
    out = ctx.fresh_path(".json")
    run_child([ctx.python, str(BENCH_BOARD), "--probe", str(db)], ctx.env, str(out))
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def measure_board(ctx: Context, plan: Plan, repeat: int) -> list[Result]:
    results: list[Result] = []
    for m in MEASUREMENTS:
        if m.applies(plan):
            label = f"{plan.name} plan ({plan.size:,})" if plan.name else f"{plan.size:,}"
            print(f"measuring {m.name} on {label} ...", file=sys.stderr, flush=True)
            results.extend(m.run(ctx, plan, repeat))
    return results


def build_plan(ctx: Context, size: int) -> tuple[Plan, Result]:
    """Generate and import a plan of ``size`` items; the import is timed once."""
    csv_path = ctx.tmp / f"plan-{size}.csv"
    largest = write_plan_csv(csv_path, size)
    db = ctx.tmp / f"plan-{size}.db"
    sample = run_child(ctx.actionplan("--db", db, "import", csv_path), ctx.env)
    client, items = client_nearest(csv_path, SUMMARY_ITEMS)
    plan = Plan(size, db, largest, summary_client=client, summary_items=items)
    return plan, Result("build: import CSV (1 run)", size, None, [sample])


def client_nearest(csv_path: Path, items: int) -> tuple[str, int]:
    """The client with nearest ``items`` open items in a plan CSV, and its count."""
    counts: dict[str, int] = {}
    with csv_path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["status"] in ("planned", "doing", "waiting"):
                counts[row["client"]] = counts.get(row["client"], 0) + 1
    client = min(sorted(counts), key=lambda name: abs(counts[name] - items))
    return client, counts[client]


def machine_info(exe_python: str) -> dict[str, object]:
    """CPU model, cores, the children's Python version, OS and date."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        version = subprocess.run(
            [exe_python, "-c", "import platform; print(platform.python_version())"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        version = platform.python_version()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": version,
        "os": f"{platform.system()} {platform.release()}",
        "date": datetime.now().strftime("%Y-%m-%d"),
    }


def find_executable() -> str:
    """The actionplan console script: next to this interpreter, in the repo venv, or on PATH."""
    for candidate in (Path(sys.executable).parent, ROOT / ".venv" / "bin"):
        exe = candidate / "actionplan"
        if exe.is_file() and os.access(exe, os.X_OK):
            return str(exe)
    found = shutil.which("actionplan")
    if not found:
        sys.exit("benchmark: cannot find the actionplan console script (pip install -e .)")
    return found


def markdown(results: list[Result], machine: Mapping[str, object], repeat: int) -> str:
    """The table for the README, with targets beside the figures, and a machine line."""
    lines = [
        "| figure | size | median | peak MB | target | |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        size = f"{r.size:,}" if r.size is not None else "–"
        if r.plan:
            size = f"{r.plan} {size}"
        target = f"{'<' if r.below else '≤'} {r.target:g} {r.unit}" if r.target is not None else ""
        verdict = "" if r.target is None else ("**MISS**" if r.missed else "ok")
        value = f"{r.median:.0f} {r.unit}"
        if r.unit in ("s", "%"):
            value = f"{r.median:.2f} s" if r.unit == "s" else f"{r.median:.1f} %"
        peak = f"{r.peak_mb:.0f}" if r.peak_mb is not None else "–"
        lines.append(f"| {r.figure} | {size} | {value} | {peak} | {target} | {verdict} |")
    lines.append("")
    lines.append(
        f"Machine: {machine['cpu']}, {machine['cores']} cores, Python {machine['python']}, "
        f"{machine['os']}, {machine['date']}. Whole process, median of {repeat} fresh "
        "processes after one warm-up; peak MB is the child's max RSS (wait4; floor "
        f"{machine['rss_floor_mb']:.0f} MB). Board: {BOARD_COLS}x{BOARD_ROWS}, moves pooled over "
        "the runs (see scripts/bench_board.py); views: the opens of every run pooled; live "
        f"refresh: median of {LIVE_CHANGES} changes in one run (see scripts/bench_views.py); "
        f"idle CPU: one run each. Load average (1 min) {machine['load_start']:.2f} at the "
        f"start, {machine['load_end']:.2f} at the end; other work on the machine shows in the "
        "times."
    )
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="plan sizes in items, comma-separated (default %(default)s)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="measured runs per figure")
    parser.add_argument("--json", metavar="OUT", help="also write the raw numbers here")
    parser.add_argument("--no-board", action="store_true", help="command-line figures only")
    parser.add_argument(
        "--pg",
        default="auto",
        metavar="auto|off|URL",
        help="PostgreSQL figures: start a throwaway server (auto, the default), skip them "
        "(off), or use the server at this admin URL",
    )
    args = parser.parse_args(argv)
    try:
        args.sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers, e.g. 50,5000,50000")
    if not args.sizes or min(args.sizes) < 1 or args.repeat < 1:
        parser.error("--sizes and --repeat must be 1 or more")
    return args


def start_pg(ctx: Context, choice: str) -> PgServer | None:
    """Give ``ctx`` a PostgreSQL admin URL as ``--pg`` says; the server started, if any."""
    if choice == "off":
        return None
    if choice != "auto":
        ctx.pg_admin = choice
        return None
    print("starting a throwaway PostgreSQL server ...", file=sys.stderr, flush=True)
    try:
        server = PgServer()
    except RuntimeError as exc:
        print(f"  ({exc}: PostgreSQL figures skipped)", file=sys.stderr)
        return None
    try:
        ctx.pg_admin = server.start()
    except (OSError, subprocess.SubprocessError) as exc:
        server.stop()
        print(f"  (PostgreSQL did not start: {exc}; its figures skipped)", file=sys.stderr)
        return None
    return server


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    exe = find_executable()
    results: list[Result] = []
    load_start = os.getloadavg()[0]
    pg_server = None
    with tempfile.TemporaryDirectory(prefix="actionplan-bench-") as tmp_name:
        tmp = Path(tmp_name)
        config = tmp / "config.toml"
        config.write_text('name = "Benchmark"\n', encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("ACTIONPLAN_")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env |= {
            "ACTIONPLAN_TODAY": TODAY.isoformat(),
            "ACTIONPLAN_CONFIG": str(config),
            "PYTHONPYCACHEPREFIX": str(tmp / "pycache"),
        }
        python = Path(exe).parent / "python"
        ctx = Context(
            exe=exe, env=env, tmp=tmp, python=str(python) if python.exists() else sys.executable
        )
        try:
            if not args.no_board and shutil.which("tmux"):
                ctx.tmux = Tmux(env)
            if not args.no_board:
                pg_server = start_pg(ctx, args.pg)
            for fig in (f for f in FIGURES if not f.sized):
                print(f"measuring {fig.name} ...", file=sys.stderr, flush=True)
                results.append(measure(ctx, fig, None, args.repeat))
            if not args.no_board:
                print("building the demo plan ...", file=sys.stderr, flush=True)
                results.extend(measure_board(ctx, build_demo(ctx), args.repeat))
            for size in args.sizes:
                print(f"building a plan of {size:,} items ...", file=sys.stderr, flush=True)
                plan, built = build_plan(ctx, size)
                results.append(built)
                if size >= BOARD_MIN_SIZE:
                    print(
                        f"summary figures use {plan.summary_client} "
                        f"({plan.summary_items} open items)",
                        file=sys.stderr,
                    )
                for fig in (f for f in FIGURES if f.sized and size >= f.min_size):
                    print(f"measuring {fig.name} on {size:,} ...", file=sys.stderr, flush=True)
                    results.append(measure(ctx, fig, plan, args.repeat))
                if not args.no_board:
                    results.extend(measure_board(ctx, plan, args.repeat))
        except ChildFailed as exc:
            print(f"benchmark: {exc}", file=sys.stderr)
            return 1
        finally:
            if ctx.tmux is not None:
                ctx.tmux.close()
            if pg_server is not None:
                pg_server.stop()
            elif ctx.pg_admin is not None:
                names = [f"actionplan_bench_{size}" for size in ctx._pg_plans]
                drop_databases(ctx.python, ctx.pg_admin, names, env)
    machine = machine_info(sys.executable)
    machine["load_start"], machine["load_end"] = load_start, os.getloadavg()[0]
    floor = run_child(["/bin/true"], os.environ) if Path("/bin/true").exists() else None
    machine["rss_floor_mb"] = floor.maxrss_kb / 1024 if floor else 0.0
    print(markdown(results, machine, args.repeat))
    if args.json:
        raw = {
            "machine": machine,
            "repeat": args.repeat,
            "today": TODAY.isoformat(),
            "results": [
                {
                    "figure": r.figure,
                    "size": r.size,
                    "plan": r.plan,
                    "unit": r.unit,
                    "target": r.target,
                    "median": r.median,
                    "peak_mb": r.peak_mb,
                    "missed": r.missed,
                    "values": r.values,
                    "seconds": [s.seconds for s in r.samples],
                    "maxrss_kb": [s.maxrss_kb for s in r.samples],
                }
                for r in results
            ],
        }
        Path(args.json).write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
