"""The health-check figures (issue 15): one check's PDF, and a batch of ten one-page PDFs.

Both run on one plan built once, untimed: the demo plan with ten clients, each with
``CHECKS`` checks of the shipped "Monthly IT health check" a month apart, every field filled
(three incidents, three recommendations), so each PDF has its trends and its chart. The
commands pass ``--force``: the leak guard still reads every value, it only may not stop a run.
"""

from __future__ import annotations

from pathlib import Path

from bench_plans import TODAY
from bench_run import Context, Plan, figure, run_child

CLIENTS = 10
CHECKS = 6
BUILD = """
import sys
from datetime import date, timedelta
from actionplan.db import open_database
from actionplan.demo import load_demo
from actionplan.health.catalogue import find_form
from actionplan.models import Client
from actionplan.plan import add_items, new_item
from actionplan.plan.health import Entry, keep_check
from sqlmodel import select

today = date.fromisoformat(sys.argv[2])
db = open_database(sys.argv[1])
form = find_form("monthly-it-health-check")
with db.session() as s:
    load_demo(session=s, today=today)
    names = [c.name for c in s.exec(select(Client).order_by(Client.name)).all()]
    extra = [f"Health client {n}" for n in range(len(names), int(sys.argv[3]))]
    if extra:
        items = [new_item(client=name, title="Monthly health check") for name in extra]
        add_items(session=s, author="bench", items=items, summary="bench clients")
        names += extra
    for number, name in enumerate(names[: int(sys.argv[3])]):
        for back in range(int(sys.argv[4]), 0, -1):
            values = {
                "last_good_backup": (today - timedelta(days=back)).isoformat(),
                "last_test_restore": (today - timedelta(days=20 + back)).isoformat(),
                "restore_result": "passed",
                "endpoint_protection": "yes",
                "admin_accounts_reviewed": "yes",
                "disk_use": ["FS01 D: 71%", "SQL01 E: 64%"],
                "renewals_due": ["Microsoft 365 E3, 40 seats, 31 Jan"],
                "servers_patched": 90 + back,
                "workstations_patched": 80 + number,
                "uptime_percent": 99.9 - back / 10,
                "failed_signins": 10 * back,
                "incidents": [f"Incident {i} on the mail relay, resolved" for i in range(3)],
                "recommendations": [f"Replace switch {i} before warranty ends" for i in range(3)],
                "summary": "A quiet month: backups good, patching on track.",
                "internal_remarks": "bench only",
            }
            entry = Entry(form, values, client=name, checked_on=today - timedelta(days=30 * back))
            keep_check(session=s, entry=entry, author="bench")
    print("\\n".join(names[: int(sys.argv[3])]))
db.dispose()
"""
_BUILT: dict[Path, tuple[Path, list[str]]] = {}


def health_plan(ctx: Context) -> tuple[Path, list[str]]:
    """The plan with checks (built on first use) and its ten clients' names."""
    if ctx.tmp not in _BUILT:
        db = ctx.tmp / "health.db"
        out = ctx.fresh_path(".txt")
        argv = [ctx.python, "-c", BUILD, str(db), TODAY.isoformat(), str(CLIENTS), str(CHECKS)]
        run_child(argv, ctx.env, str(out))
        _BUILT[ctx.tmp] = db, out.read_text(encoding="utf-8").splitlines()
    return _BUILT[ctx.tmp]


@figure("health show <client> --format pdf -o FILE", sized=False, targets={None: 1.0})
def health_pdf(ctx: Context, plan: Plan | None) -> list[str]:
    db, names = health_plan(ctx)
    out = ctx.fresh_path(".pdf")
    return ctx.actionplan(
        "--db", db, "health", "show", names[0], "--format", "pdf", "-o", out, "--force"
    )  # fmt: skip


@figure(
    f"health export --client x{CLIENTS} -o DIR (one PDF each)", sized=False, targets={None: 3.0}
)
def health_batch(ctx: Context, plan: Plan | None) -> list[str]:
    db, names = health_plan(ctx)
    folder = ctx.fresh_path("")
    clients = [arg for name in names for arg in ("--client", name)]
    return ctx.actionplan(
        "--db", db, "health", "export", *clients, "-o", folder, "--format", "pdf", "--force"
    )  # fmt: skip
