"""A throwaway PostgreSQL server for scripts/benchmark.py, started as tests/conftest.py does.

The cluster lives in its own folder under /tmp (the postgres user must reach it when the
benchmark runs as root), listens on a Unix socket only, trusts local connections, and is
stopped ("immediate") and removed at the end. Nothing of actionplan is imported here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PORT_BASE = 57432
"""Away from the tests' 55432-56431, so a test run at the same time does not collide."""

CREATE_DB = """
import sys
import sqlalchemy as sa
admin = sa.create_engine(sys.argv[1], isolation_level="AUTOCOMMIT")
with admin.connect() as conn:
    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{sys.argv[2]}" WITH (FORCE)')
    conn.exec_driver_sql(f'CREATE DATABASE "{sys.argv[2]}"')
admin.dispose()
"""
DROP_DBS = """
import sys
import sqlalchemy as sa
admin = sa.create_engine(sys.argv[1], isolation_level="AUTOCOMMIT")
with admin.connect() as conn:
    for name in sys.argv[2:]:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
admin.dispose()
"""


class PgServer:
    """A PostgreSQL cluster in a temporary folder, run as the postgres user when root."""

    def __init__(self) -> None:
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not bins:
            raise RuntimeError("no PostgreSQL server installed (/usr/lib/postgresql/*/bin)")
        self.bin = bins[-1].parent
        self.root = Path(tempfile.mkdtemp(prefix="actionplan-bench-pg-"))
        self.data = self.root / "data"
        self.port = PORT_BASE + os.getpid() % 1000
        self.started = False

    def _run(self, *args: str) -> None:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        # Output to a file, not a pipe: the server inherits it and would hold a pipe open.
        with (self.root / "commands.log").open("ab") as log:
            subprocess.run(cmd, check=True, stdout=log, stderr=log, timeout=120)

    def start(self) -> str:
        """Start the server; its admin URL (database "postgres")."""
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres")
        opts = f"-p {self.port} -k {self.root} -c listen_addresses=''"
        log = str(self.root / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", log, "-w", "start")
        self.started = True
        return f"postgresql+psycopg://postgres@/postgres?host={self.root}&port={self.port}"

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        try:
            if self.started:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def create_database(python: str, admin_url: str, name: str, env: dict[str, str]) -> None:
    """Create (or empty, by re-creating) database ``name`` with the children's Python."""
    subprocess.run(
        [python, "-c", CREATE_DB, admin_url, name],
        env=env,
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )


def drop_databases(python: str, admin_url: str, names: list[str], env: dict[str, str]) -> None:
    """Drop the benchmark's databases (on a server the benchmark did not start)."""
    if names:
        subprocess.run(
            [python, "-c", DROP_DBS, admin_url, *names],
            env=env,
            check=False,
            stdin=subprocess.DEVNULL,
            capture_output=True,
        )


def pg_url(admin_url: str, database: str) -> str:
    """``admin_url`` naming another database of the same server."""
    parts = urlsplit(admin_url)
    return urlunsplit(parts._replace(path=f"/{database}"))
