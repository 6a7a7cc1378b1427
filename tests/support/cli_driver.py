"""A load-test driver: WORKERS processes, started together, each running CALLS CLI commands.

Usage: python tests/support/cli_driver.py DB WORKERS CALLS SHARED_IDS

A process per command costs about a second of imports, too slow for a thousand writes in CI.
So this process imports actionplan once and forks WORKERS real processes (each opens its own
database connections, as separate terminals would); each runs ``actionplan.cli.main`` CALLS
times, every call a complete command with its own arguments (parsing, opening the database,
the write, printing). Even calls add an item; odd calls set the note of one of the shared items
without --expect-version, so every worker contends for the same rows. A pipe holds the workers
until all are forked, so their writes start at the same moment.

A failed call is reported on stderr as ``worker W call N: exit E: message``. The last line on
stdout is a JSON list of the workers' exit codes (each the number of its failed calls); the
driver's own exit code is the number of workers that failed.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from actionplan.db import Database


def commands(worker: int, calls: int, shared: list[int]) -> list[list[str]]:
    """The argv of each call: alternately add an item and set a shared item's note."""
    argv = []
    for n in range(calls):
        if n % 2 == 0:
            owner = f"Owner {n % 3}"  # names every worker creates at first: a race to create
            client = ["--client", "Globex", "--new-client"]  # (new on purpose: issue 13)
            argv.append(["add", f"Item {worker}-{n}", *client, "--owner", owner, "--new-person"])
        else:
            item = shared[(worker + n) % len(shared)]
            argv.append(["set", str(item), "--note", f"note {worker}-{n}"])
    return argv


def work(db: str, worker: int, calls: int, shared: list[int]) -> int:
    """Run one worker's commands; returns the number that failed (or wrote to stderr)."""
    from actionplan.cli import context
    from actionplan.cli import main as cli_main

    opened: list[Database] = []
    open_database = context.open_database

    def tracked(*args: Any, **kwargs: Any) -> Database:
        opened.append(open_database(*args, **kwargs))
        return opened[-1]

    # A real command's process ends after one command, closing its connections; ours closes
    # them after each call instead (else 20 x 50 engines would pile up connections).
    context.open_database = tracked  # type: ignore[assignment]
    failed = 0
    for n, argv in enumerate(commands(worker, calls, shared)):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli_main(["--db", db, *argv])
        while opened:
            opened.pop().dispose()
        if code != 0 or err.getvalue():
            failed += 1
            print(
                f"worker {worker} call {n}: exit {code}: {err.getvalue().strip()}", file=sys.stderr
            )
    return failed


def main() -> int:
    db, workers, calls = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    shared = [int(i) for i in sys.argv[4].split(",")]
    # What the commands load, loaded once before forking.
    import actionplan.cli.items
    import actionplan.plan
    import actionplan.queries  # noqa: F401

    start_r, start_w = os.pipe()
    pids = []
    for worker in range(workers):
        pid = os.fork()
        if pid == 0:
            os.close(start_w)
            os.read(start_r, 1)  # wait for the start signal
            code = 100
            try:
                code = min(work(db, worker, calls, shared), 99)
            finally:
                sys.stderr.flush()
                os._exit(code)
        pids.append(pid)
    os.write(start_w, b"x" * workers)  # one byte each: every worker starts now
    codes = []
    for pid in pids:
        _, status = os.waitpid(pid, 0)
        codes.append(os.waitstatus_to_exitcode(status))
    print(json.dumps(codes))
    return sum(1 for c in codes if c != 0)


if __name__ == "__main__":
    sys.exit(main())
