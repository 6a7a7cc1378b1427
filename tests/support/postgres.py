"""A throwaway PostgreSQL cluster: the session's shared server (tests/conftest.py) and the one a
test stops and starts again (tests/tui/test_offline.py)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from pathlib import Path


class PgCluster:
    """A PostgreSQL cluster in a folder of its own, on a Unix socket there; run as the postgres
    user when root. ``fast`` turns syncing off, for a cluster a test stops and starts."""

    def __init__(self, root: Path, port: int, *, fast: bool = False, timeout: float = 120) -> None:
        self.root = root
        self.data = root / "data"
        self.port = port
        self.fast = fast
        self.timeout = timeout
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not bins:
            raise RuntimeError("no PostgreSQL server installed (apt-get install postgresql)")
        self.bin = bins[-1].parent
        self.url = f"postgresql+psycopg://postgres@/postgres?host={root}&port={port}"

    def _run(self, *args: str) -> None:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        # Output to a file, not a pipe: the server inherits it and would hold a pipe open.
        with (self.root / "commands.log").open("ab") as log:
            subprocess.run(cmd, check=True, stdout=log, stderr=log, timeout=self.timeout)

    def create(self) -> str:
        """Make the cluster and start it; its admin URL."""
        self.root.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        (self.root / "commands.log").touch()
        no_sync = ["--no-sync"] if self.fast else []
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", *no_sync)
        self.start()
        return self.url

    def start(self) -> None:
        opts = f"-p {self.port} -k {self.root} -c listen_addresses=''"
        if self.fast:
            opts += " -c fsync=off"
        log = str(self.root / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", log, "-w", "start")

    def stop(self, mode: str = "immediate") -> None:
        """Stop: "immediate" as a crash would (no goodbye), "fast" as an administrator would."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def remove(self) -> None:
        """Stop it if it runs, and delete its folder."""
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.SubprocessError):
                self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
