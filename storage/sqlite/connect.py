"""Opening one stdlib `sqlite3` connection with the product's pragmas, and the cursor adapter."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000
# Checkpoints normally run in the background (checkpoint.py); the writer checkpoints by itself
# only if the WAL still grows past this (~128 MB), e.g. while the background one is failing.
WAL_BACKSTOP_PAGES = 32_000
WAL_SIZE_LIMIT = 64 * 2**20  # a WAL file grown by a burst is cut back to this once reset
WAL_SWITCH_ATTEMPTS = 50


class SqliteCursor:
    """`storage.database.Cursor` over a `sqlite3.Cursor` (whose parameters are positional-only)."""

    __slots__ = ("_cursor",)

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: Sequence[object] = ()) -> object:
        """Run one statement."""
        return self._cursor.execute(sql, params)

    def executemany(self, sql: str, seq: Iterable[Sequence[object]]) -> object:
        """Run one statement per parameter row."""
        return self._cursor.executemany(sql, seq)

    def fetchone(self) -> tuple[object, ...] | None:
        """The next row, or None."""
        row: tuple[object, ...] | None = self._cursor.fetchone()
        return row

    def fetchall(self) -> list[tuple[object, ...]]:
        """Every remaining row."""
        rows: list[tuple[object, ...]] = self._cursor.fetchall()
        return rows

    @property
    def rowcount(self) -> int:
        """Rows changed by the last statement."""
        return self._cursor.rowcount


def _enable_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, retrying while another process switches the same new file."""
    # Changing the journal mode takes an exclusive lock without consulting the busy handler, so
    # two processes opening a fresh file at once can get SQLITE_BUSY here despite busy_timeout.
    for attempt in range(WAL_SWITCH_ATTEMPTS):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == WAL_SWITCH_ATTEMPTS - 1:
                raise
            time.sleep(0.02 * (attempt + 1))  # on the connection's own thread, not the loop


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are begun explicitly)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            _enable_wal(conn)
            conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_BACKSTOP_PAGES}")
            conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
        # NORMAL in WAL mode survives a killed process; only power loss may drop the last commits.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -32000")
        conn.execute("PRAGMA temp_store = MEMORY")
        if readonly:
            conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        raise
    return conn
