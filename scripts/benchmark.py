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
    ``actionplan summary CLIENT --format md`` and ``--format pdf|docx|eml -o FILE`` (a new
    file each run), on the sizes of 1,000 items or more, for the client whose plan lists nearest
    ``SUMMARY_ITEMS`` (200) open items: a large but realistic client, picked from the generated
    CSV (open = planned, doing or waiting; ties go to the first name), so the same client on
    every run; and the PDF of the largest client on the 5,000-item plan (1,000 items). ReportLab
    and python-docx are imported only for their formats; the e-mail draft carries its PDF. All
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

Files
    This one holds the command-line figures and the run; bench_health.py the health-check
    figures (one check's PDF, a batch of ten) on a plan of its own; bench_plans.py generates
    the plans, bench_run.py times the children and keeps the figures, bench_tui.py the board's
    measurements (with bench_board.py and bench_views.py, the drivers it runs), bench_pg.py the
    throwaway PostgreSQL server and bench_report.py the table.

Usage
    .venv/bin/python scripts/benchmark.py [--sizes 50,5000,50000] [--repeat 3] [--json OUT]
        [--pg auto|off|URL] [--no-board]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import bench_health  # noqa: F401 (registers the health-check figures)
from bench_pg import PgServer, drop_databases
from bench_plans import TODAY, client_nearest, write_plan_csv
from bench_report import machine_info, markdown, raw_numbers
from bench_run import (
    BOARD_MIN_SIZE,
    FIGURES,
    SUMMARY_ITEMS,
    ChildFailed,
    Context,
    Plan,
    Result,
    figure,
    measure,
    run_child,
)
from bench_tui import Tmux, build_demo, measure_board

ROOT = Path(__file__).resolve().parent.parent
IMPORT_ROWS = 5_000
DEFAULT_SIZES = (50, 5_000, 50_000)


# --- the command-line figures -----------------------------------------------------------------


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


@figure(f"summary {SUMMARY_CLIENT} --format md", targets={None: 0.6}, min_size=BOARD_MIN_SIZE)
def summary_md(ctx: Context, plan: Plan | None) -> list[str]:
    assert plan is not None and plan.summary_client
    return ctx.actionplan(
        "--db", plan.db, "summary", plan.summary_client, "--format", "md", "--force"
    )


@figure(
    f"summary {SUMMARY_CLIENT} --format pdf -o FILE", targets={None: 1.0}, min_size=BOARD_MIN_SIZE
)
def summary_pdf(ctx: Context, plan: Plan | None) -> list[str]:
    return _summary_file(ctx, plan, "pdf")


@figure(
    f"summary {SUMMARY_CLIENT} --format docx -o FILE",
    targets={None: 1.0},
    min_size=BOARD_MIN_SIZE,
)
def summary_docx(ctx: Context, plan: Plan | None) -> list[str]:
    return _summary_file(ctx, plan, "docx")


@figure(
    f"summary {SUMMARY_CLIENT} --format eml -o FILE (with its PDF)",
    targets={None: 1.2},
    min_size=BOARD_MIN_SIZE,
)
def summary_eml(ctx: Context, plan: Plan | None) -> list[str]:
    return _summary_file(ctx, plan, "eml")


@figure(
    "summary <largest client, 1,000 items> --format pdf -o FILE",
    targets={None: 1.2},
    min_size=5_000,
    max_size=5_000,
)
def summary_pdf_large(ctx: Context, plan: Plan | None) -> list[str]:
    assert plan is not None
    return _summary_file(ctx, plan, "pdf", client=plan.largest_client)


def _summary_file(
    ctx: Context, plan: Plan | None, fmt: str, client: str | None = None
) -> list[str]:
    """``summary CLIENT --format FMT -o FILE --force`` (a new file each run)."""
    assert plan is not None and plan.summary_client
    out = ctx.fresh_path(f".{fmt}")
    return ctx.actionplan(
        "--db", plan.db, "summary", client or plan.summary_client, "--format", fmt, "-o", out,
        "--force",
    )  # fmt: skip


# --- the run --------------------------------------------------------------------------------


def build_plan(ctx: Context, size: int) -> tuple[Plan, Result]:
    """Generate and import a plan of ``size`` items; the import is timed once."""
    csv_path = ctx.tmp / f"plan-{size}.csv"
    largest = write_plan_csv(csv_path, size)
    db = ctx.tmp / f"plan-{size}.db"
    sample = run_child(ctx.actionplan("--db", db, "import", csv_path), ctx.env)
    client, items = client_nearest(csv_path, SUMMARY_ITEMS)
    plan = Plan(size, db, largest, summary_client=client, summary_items=items)
    return plan, Result("build: import CSV (1 run)", size, None, [sample])


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
                for fig in (f for f in FIGURES if f.measured_on(size)):
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
        raw = raw_numbers(results, machine, args.repeat)
        Path(args.json).write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
