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

Adding a figure
    Write one function decorated with ``@figure(...)``. It gets the run context and the plan
    (or None for a figure that does not depend on the plan size), may do untimed set-up, and
    returns the argv to time. It is called before every run, so it can hand each run a fresh
    database. Planned figures: board draw time (a child that runs the app headless until the
    first full draw and exits), move time, client summary export.

Usage
    .venv/bin/python scripts/benchmark.py [--sizes 50,5000,50000] [--repeat 3] [--json OUT]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 23)
IMPORT_ROWS = 5_000
DEFAULT_SIZES = (50, 5_000, 50_000)
LARGEST_SHARE = 0.20
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


@dataclass
class Context:
    """What figures need: where the executable is, the child environment, a scratch folder."""

    exe: str
    env: dict[str, str]
    tmp: Path
    _counter: int = 0

    def actionplan(self, *args: str | Path) -> list[str]:
        """The argv of an actionplan command."""
        return [self.exe, *map(str, args)]

    def fresh_path(self, suffix: str) -> Path:
        """A new, not yet existing file path in the scratch folder."""
        self._counter += 1
        return self.tmp / f"run{self._counter}{suffix}"


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

    def target(self, size: int | None) -> float | None:
        return self.targets.get(size, self.targets.get(None))


FIGURES: list[Figure] = []


def figure(
    name: str,
    *,
    sized: bool = True,
    targets: Mapping[int | None, float] | None = None,
    fixed_size: int | None = None,
) -> Callable[[Command], Command]:
    """Register a measurement (see the module docstring)."""

    def register(command: Command) -> Command:
        FIGURES.append(Figure(name, command, sized, dict(targets or {}), fixed_size))
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


# --- the run --------------------------------------------------------------------------------


@dataclass
class Result:
    """The samples of one figure at one size."""

    figure: str
    size: int | None
    target_s: float | None
    samples: list[Sample]

    @property
    def median_s(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def peak_mb(self) -> float:
        return max(s.maxrss_kb for s in self.samples) / 1024

    @property
    def missed(self) -> bool:
        return self.target_s is not None and self.median_s > self.target_s


def measure(ctx: Context, fig: Figure, plan: Plan | None, repeat: int) -> Result:
    """One unmeasured warm-up run, then ``repeat`` measured runs, each a new process."""
    run_child(fig.command(ctx, plan), ctx.env)
    samples = [run_child(fig.command(ctx, plan), ctx.env) for _ in range(repeat)]
    size = plan.size if plan else fig.fixed_size
    return Result(fig.name, size, fig.target(plan.size if plan else None), samples)


def build_plan(ctx: Context, size: int) -> tuple[Plan, Result]:
    """Generate and import a plan of ``size`` items; the import is timed once."""
    csv_path = ctx.tmp / f"plan-{size}.csv"
    largest = write_plan_csv(csv_path, size)
    db = ctx.tmp / f"plan-{size}.db"
    sample = run_child(ctx.actionplan("--db", db, "import", csv_path), ctx.env)
    return Plan(size, db, largest), Result("build: import CSV (1 run)", size, None, [sample])


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
        "| figure | size | median s | peak MB | target s | |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        size = f"{r.size:,}" if r.size is not None else "–"
        target = f"≤ {r.target_s:g}" if r.target_s is not None else ""
        verdict = "" if r.target_s is None else ("**MISS**" if r.missed else "ok")
        lines.append(
            f"| {r.figure} | {size} | {r.median_s:.2f} | {r.peak_mb:.0f} | {target} | {verdict} |"
        )
    lines.append("")
    lines.append(
        f"Machine: {machine['cpu']}, {machine['cores']} cores, Python {machine['python']}, "
        f"{machine['os']}, {machine['date']}. Whole process, median of {repeat} fresh "
        "processes after one warm-up; peak MB is the child's max RSS (wait4; floor "
        f"{machine['rss_floor_mb']:.0f} MB)."
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
    args = parser.parse_args(argv)
    try:
        args.sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers, e.g. 50,5000,50000")
    if not args.sizes or min(args.sizes) < 1 or args.repeat < 1:
        parser.error("--sizes and --repeat must be 1 or more")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    exe = find_executable()
    results: list[Result] = []
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
        ctx = Context(exe=exe, env=env, tmp=tmp)
        try:
            for fig in (f for f in FIGURES if not f.sized):
                print(f"measuring {fig.name} ...", file=sys.stderr, flush=True)
                results.append(measure(ctx, fig, None, args.repeat))
            for size in args.sizes:
                print(f"building a plan of {size:,} items ...", file=sys.stderr, flush=True)
                plan, built = build_plan(ctx, size)
                results.append(built)
                for fig in (f for f in FIGURES if f.sized):
                    print(f"measuring {fig.name} on {size:,} ...", file=sys.stderr, flush=True)
                    results.append(measure(ctx, fig, plan, args.repeat))
        except ChildFailed as exc:
            print(f"benchmark: {exc}", file=sys.stderr)
            return 1
    machine = machine_info(sys.executable)
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
                    "target_s": r.target_s,
                    "median_s": r.median_s,
                    "peak_mb": r.peak_mb,
                    "missed": r.missed,
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
