"""What the leak guard adds to a 1,000-item client's summary (issue 10's target: 50 ms or less).

Two plans of one client with 1,000 items: the benchmark's generated plan (titles from
templates, a few repeated notes: scripts/bench_plans.py) and a dense one where six items in ten
carry a different client note (the clean sentences of the guard's corpora). For each, in one
process, 9 runs, CPU time (``time.process_time``, so another process on the machine does not
count): building and rendering the Markdown summary, then the guard's own steps of
``summary.outgoing.prepare`` timed apart (its setup read from the database, the guard on
every field and on what leaves, the summary's digest), with the guard's memory of texts
already scanned cleared before each run. The one-off cost of
compiling the guard's patterns and loading its model, paid once per process, is reported
apart.

    .venv/bin/python scripts/bench_guard.py
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 23)
ITEMS = 1_000
RUNS = 9


def dense_plan(db: object) -> str:
    from actionplan import plan

    sentences = []
    for name in ("leak_corpus.tsv", "leak_heldout.tsv"):
        for line in (ROOT / "tests" / "fixtures" / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("client\t"):
                sentences.append(line.split("\t")[2])
    rng = random.Random(7)
    verbs = ["Replace", "Patch", "Upgrade", "Review", "Renew", "Migrate", "Audit", "Set up"]
    things = ["firewall", "laptops", "VPN", "backup", "licences", "core switch", "Wi-Fi", "MFA"]
    items = [
        plan.new_item(
            client="Dense",
            title=f"{rng.choice(verbs)} {rng.choice(things)} ({i})",
            client_note=rng.choice(sentences) if rng.random() < 0.6 else "",
            due=TODAY + timedelta(days=rng.randint(-30, 60)),
        )
        for i in range(ITEMS)
    ]
    with db.session() as s:  # type: ignore[attr-defined]
        plan.add_items(session=s, author="bench", items=items, summary=None)
    return "Dense"


def generated_plan(db: object, folder: Path) -> str:
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench_plans

    from actionplan.interchange.csv_io import read_csv
    from actionplan.plan import add_items

    csv_path = folder / "plan.csv"
    client = bench_plans.write_plan_csv(csv_path, ITEMS * 5)  # the largest client: 20%
    rows = read_csv(csv_path.read_text(encoding="utf-8"), today=TODAY, day_first=True).items
    with db.session() as s:  # type: ignore[attr-defined]
        add_items(session=s, author="bench", items=rows, summary=None)
    return client


def main() -> int:
    from sqlmodel import select

    from actionplan.config import Config
    from actionplan.db import open_database
    from actionplan.guard import dispatch, scan
    from actionplan.models import Client
    from actionplan.summary import guarding
    from actionplan.summary.outgoing import model_digest, render_for_release
    from actionplan.summary.source import summary_for

    start = time.perf_counter()
    scan("warm up: compile the patterns and load the model")
    print(
        f"first use in a process (patterns compiled, model loaded): "
        f"{(time.perf_counter() - start) * 1000:.0f} ms"
    )
    config = Config(name="Bench")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(str(folder / "plan.db"))
        clients = {"generated": generated_plan(db, folder), "dense notes": dense_plan(db)}
        for label, client in clients.items():
            plain, guarded = [], []
            for _ in range(RUNS):
                guarding._scanned.clear()  # nothing remembered from the run before
                dispatch.worded.cache_clear()

                with db.session() as s:
                    # What summary.outgoing.prepare does, the guard's steps timed apart.
                    t = time.process_time()
                    summary = summary_for(
                        session=s, client=client, today=TODAY, prepared_by=config.name
                    )
                    _content, text = render_for_release(summary, "md")
                    plain.append(time.process_time() - t)

                    t = time.process_time()
                    found = s.exec(select(Client).where(Client.name == client)).one()
                    setup = guarding.guard_setup(session=s, client=found, config=config)
                    guarding.flags_for(summary, text, setup)
                    model_digest(summary)
                    guarded.append(time.process_time() - t)
            items = len(summary.plan) + len(summary.done)
            print(
                f"{label}: {items} items in the summary; built and rendered in "
                f"{statistics.median(plain) * 1000:.0f} ms; the guard adds "
                f"{statistics.median(guarded) * 1000:.0f} ms (median of {RUNS}; "
                f"fastest {min(guarded) * 1000:.0f} ms)"
            )
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
