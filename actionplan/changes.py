"""Noticing that someone else changed the plan: LISTEN/NOTIFY on PostgreSQL, data_version on SQLite.

Every write announces itself (:func:`announce`, called by the plan's ``begin_write``); a running
board keeps a :class:`ChangeWatcher` and reloads when :meth:`ChangeWatcher.wait` says so::

    watcher = ChangeWatcher(db)          # raises Offline when the database cannot be reached
    while running:
        try:
            if watcher.wait(1.0):
                reload()
        except Offline as exc:           # shown as an "offline" state; keep calling wait():
            show_offline(str(exc))       # it reconnects, then returns True (reload: changes
    watcher.close()                      # may have been missed meanwhile)

The watcher sees every commit made through other connections, the app's own included (its own
connection is separate): the app reloads after its own writes anyway, and one more reload is
harmless. It never polls the server: on PostgreSQL it sleeps in ``select`` on its own LISTEN
connection until a notification arrives; on SQLite it reads ``PRAGMA data_version`` (a counter
in shared memory that moves only when another connection commits) every half second.
"""

from __future__ import annotations

import os
import select
import sqlite3
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import sqlalchemy as sa

    from actionplan.db import Database

CHANNEL = "actionplan"
SQLITE_POLL = 0.5
"""Seconds between two reads of SQLite's data_version."""
RETRY = 2.0
"""Seconds between two attempts to reconnect while offline."""


class Offline(Exception):
    """The database cannot be reached; the message is one line, without a password."""


def announce(conn: sa.Connection) -> None:
    """Tell every watcher that this transaction writes (PostgreSQL delivers it at commit only).

    SQLite needs nothing: its data_version moves by itself when a write commits.
    """
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_notify('{CHANNEL}', '')")


class _Source(Protocol):
    def connect(self) -> None: ...
    def wait(self, deadline: float, wake: int) -> bool: ...
    def close(self) -> None: ...


class ChangeWatcher:
    """Waits until another connection commits a change to the plan.

    ``wait`` may run in a worker thread while ``close`` is called from another: ``close``
    interrupts the wait at once.
    """

    def __init__(self, db: Database) -> None:
        """Start watching ``db`` on a connection of the watcher's own.

        Raises:
            Offline: when the database cannot be reached.
        """
        self._source: _Source = _SqliteSource(db) if db.is_sqlite else _PostgresSource(db)
        self._wake_r, self._wake_w = os.pipe()
        self._lock = threading.Lock()
        self._closed = False
        self._offline: Offline | None = None
        self._retry_at = 0.0
        try:
            self._source.connect()
        except Offline:
            self._close_pipe()
            raise

    def wait(self, timeout: float) -> bool:
        """Block up to ``timeout`` seconds for a change committed elsewhere.

        Returns:
            True when another connection committed since the last call (or the watcher has
            just reconnected, so changes may have been missed); False after a quiet
            ``timeout``, or once the watcher is closed.

        Raises:
            Offline: while the database cannot be reached; call again to retry.
        """
        deadline = time.monotonic() + max(0.0, timeout)
        with self._lock:
            if self._closed:
                return False
            if self._offline is not None:
                return self._reconnect(deadline)
            try:
                return self._source.wait(deadline, self._wake_r)
            except Offline as exc:
                self._source.close()
                self._offline = exc
                self._retry_at = time.monotonic() + RETRY
                raise

    def _reconnect(self, deadline: float) -> bool:
        assert self._offline is not None
        if _sleep(self._wake_r, min(self._retry_at, deadline) - time.monotonic()):
            return False  # closed meanwhile
        if time.monotonic() < self._retry_at:
            raise Offline(str(self._offline))  # still offline; not yet time to try again
        try:
            self._source.connect()
        except Offline as exc:
            self._offline = exc
            self._retry_at = time.monotonic() + RETRY
            raise
        self._offline = None
        return True

    @property
    def offline(self) -> bool:
        """True after a wait found the database unreachable, until it reconnects."""
        return self._offline is not None

    def close(self) -> None:
        """Stop watching; a wait in another thread returns False at once."""
        if self._closed:
            return
        self._closed = True
        os.write(self._wake_w, b"x")
        with self._lock:
            self._source.close()
            self._close_pipe()

    def _close_pipe(self) -> None:
        os.close(self._wake_r)
        os.close(self._wake_w)

    def __enter__(self) -> ChangeWatcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _sleep(wake: int, seconds: float) -> bool:
    """Sleep, or less when woken through the pipe; True when woken."""
    if seconds <= 0:
        return False
    ready, _, _ = select.select([wake], [], [], seconds)
    return bool(ready)


class _SqliteSource:
    """``PRAGMA data_version`` on a connection of its own, which never writes."""

    def __init__(self, db: Database) -> None:
        assert db.url.database
        self.path = Path(db.url.database)
        self.display = db.display
        self.conn: sqlite3.Connection | None = None
        self.version = 0

    def connect(self) -> None:
        self.close()
        try:
            if not self.path.is_file():
                raise Offline(f"cannot reach {self.display}: the file is gone")
            # mode=rw: a watcher never creates a database where the file has gone.
            uri = f"{self.path.as_uri()}?mode=rw"
            self.conn = sqlite3.connect(
                uri, uri=True, isolation_level=None, check_same_thread=False
            )
            self.version = self._read()
        except sqlite3.Error as exc:
            self.close()
            raise Offline(f"cannot reach {self.display}: {exc}") from None

    def _read(self) -> int:
        assert self.conn is not None
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def wait(self, deadline: float, wake: int) -> bool:
        while True:
            try:
                if not self.path.is_file():
                    raise Offline(f"cannot reach {self.display}: the file is gone")
                version = self._read()
            except sqlite3.Error as exc:
                raise Offline(f"cannot reach {self.display}: {exc}") from None
            if version != self.version:
                self.version = version
                return True
            left = deadline - time.monotonic()
            if left <= 0 or _sleep(wake, min(SQLITE_POLL, left)):
                return False

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class _PostgresSource:
    """A LISTEN connection of its own, slept on with select until the server sends something."""

    def __init__(self, db: Database) -> None:
        from actionplan.db import CONNECT_TIMEOUT, PG_KEEPALIVES

        self.display = _server_name(db.url)
        cargs, cparams = db.engine.dialect.create_connect_args(db.url)
        self.args: tuple[Any, ...] = tuple(cargs)
        self.params: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT, **PG_KEEPALIVES}
        self.params.update(cparams)
        self.params.pop("context", None)  # SQLAlchemy's type adapters: plain ones suit LISTEN
        self.conn: Any = None

    def connect(self) -> None:
        import psycopg

        self.close()
        try:
            self.conn = psycopg.connect(*self.args, **self.params, autocommit=True)
            self.conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            self.close()
            raise self._offline(exc) from None

    def wait(self, deadline: float, wake: int) -> bool:
        import psycopg

        try:
            # Notifications that came while nobody waited are buffered: a first look at once.
            if list(self.conn.notifies(timeout=0)):
                return True
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                ready, _, _ = select.select([self.conn.fileno(), wake], [], [], left)
                if wake in ready:
                    return False
                if ready and list(self.conn.notifies(timeout=0)):
                    return True
        except psycopg.Error as exc:
            raise self._offline(exc) from None

    def _offline(self, exc: BaseException) -> Offline:
        from actionplan.dberrors import connection_problem, describe_error

        why = connection_problem(exc) or describe_error(exc)
        return Offline(f"cannot reach {self.display}: {why}")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def _server_name(url: sa.URL) -> str:
    """Which database, short enough for a notification on 80 columns: "plan on db:5432"."""
    host = url.host or url.query.get("host") or "localhost"
    port = url.port or url.query.get("port")
    if isinstance(host, tuple):  # ?host=a&host=b: libpq tries each in turn
        host = ",".join(host)
    where = f"{host}:{port}" if port and not isinstance(port, tuple) else host
    return f"{url.database} on {where}" if url.database else where
