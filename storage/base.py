"""Connection lifecycle: one writer behind an asyncio lock, one read-only reader, WAL."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from contextlib import AsyncExitStack
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

import aiosqlite

from storage import schema
from storage.checkpoint import Checkpointer
from storage.groupcommit import GroupCommitter
from storage.models import StoreClosedError, StoreError

if not hasattr(aiosqlite.Connection, "_execute"):  # the primitive every aiosqlite method uses
    raise ImportError("storage needs aiosqlite's Connection._execute (aiosqlite >=0.20,<0.23)")

BUSY_TIMEOUT_MS = 10_000
# Checkpoints normally run in the background (checkpoint.py); the writer checkpoints by itself
# only if the WAL still grows past this (~128 MB), e.g. while the background one is failing.
WAL_BACKSTOP_PAGES = 32_000
WAL_SIZE_LIMIT = 64 * 2**20  # a WAL file grown by a burst is cut back to this once reset
WAL_SWITCH_ATTEMPTS = 50
T = TypeVar("T")


async def _enable_wal(conn: aiosqlite.Connection) -> None:
    """Switch to WAL, retrying while another process switches the same new file."""
    # Changing the journal mode takes an exclusive lock without consulting the busy handler, so
    # two processes opening a fresh file at once can get SQLITE_BUSY here despite busy_timeout.
    for attempt in range(WAL_SWITCH_ATTEMPTS):
        try:
            await conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == WAL_SWITCH_ATTEMPTS - 1:
                raise
            await asyncio.sleep(0.02 * (attempt + 1))


async def _connect(path: Path, *, readonly: bool) -> aiosqlite.Connection:
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        await conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            await _enable_wal(conn)
            await conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_BACKSTOP_PAGES}")
            await conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
        # NORMAL in WAL mode survives a killed process; only power loss may drop the last commits.
        await conn.execute("PRAGMA synchronous = NORMAL")
        await conn.execute("PRAGMA cache_size = -32000")
        await conn.execute("PRAGMA temp_store = MEMORY")
        if readonly:
            await conn.execute("PRAGMA query_only = ON")
    except BaseException:
        await conn.close()
        raise
    return conn


class StoreBase:
    """Opens, closes and hands out the writer (serialised) and reader connections."""

    def __init__(self, path: str | Path) -> None:
        self._path = Path(path)
        self._writer: aiosqlite.Connection | None = None
        self._reader: aiosqlite.Connection | None = None
        self._closed = False
        self._write_lock = asyncio.Lock()
        self._committer = GroupCommitter(self._write_lock, self._committed)
        self._checkpointer: Checkpointer | None = None

    @property
    def path(self) -> Path:
        """Where the database file lives."""
        return self._path

    async def open(self) -> None:
        """Open the connections and bring the schema up to date."""
        if self._closed:
            raise StoreClosedError("this Store was closed; create a new Store to reopen the file")
        if self._writer is not None:
            raise StoreError("Store is already open")
        self._path.parent.mkdir(parents=True, exist_ok=True)
        async with AsyncExitStack() as opened:  # closes what did open if a later step fails
            writer = await _connect(self._path, readonly=False)
            opened.push_async_callback(writer.close)
            await schema.migrate(writer)
            reader = await _connect(self._path, readonly=True)
            opened.push_async_callback(reader.close)
            checkpoints = await _connect(self._path, readonly=False)
            opened.pop_all()
        self._writer, self._reader = writer, reader
        self._checkpointer = Checkpointer(checkpoints)

    async def close(self) -> None:
        """Close the connections; closing twice is harmless."""
        self._closed = True
        await self._committer.drain()
        checkpointer, self._checkpointer = self._checkpointer, None
        if checkpointer is not None:
            await checkpointer.close()
        async with self._write_lock:
            writer, reader, self._writer, self._reader = self._writer, self._reader, None, None
            if reader is not None:
                await reader.close()
            if writer is not None:
                await writer.execute("PRAGMA analysis_limit = 400")
                await writer.execute("PRAGMA optimize")
                await writer.close()

    async def __aenter__(self) -> Self:
        await self.open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def _committed(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.notify()

    def _check_open(self) -> None:
        if self._closed:
            raise StoreClosedError("Store is closed")
        if self._writer is None:
            raise StoreClosedError(
                "Store is not open; use `async with Store(path)` or `await open()`"
            )

    def _live(self, conn: aiosqlite.Connection | None) -> aiosqlite.Connection:
        """`conn` (the writer or the reader) while the store is open, else StoreClosedError."""
        self._check_open()
        if conn is None:  # both connections are set and cleared together; this narrows the type
            raise StoreClosedError("Store is closed")
        return conn

    async def _write_sync(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run `fn` as one atomic unit of a write transaction, entirely on the writer's thread.

        A transaction made of many awaited statements costs one thread hand-off per statement;
        on a busy machine each hand-off waits for a CPU slice, so write paths ship the whole
        unit (and its folding/hashing CPU work, off the event loop) in one hop, and concurrent
        units share a commit (see groupcommit.py).
        """
        result: T = await self._committer.submit(self._live(self._writer), fn)
        return result

    async def _read_sync(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run `fn` in one read snapshot on the reader's thread (one hop, never blocks writes).

        Each call runs whole on the reader's single thread, so snapshots cannot interleave.
        """
        conn = self._live(self._reader)

        def snapshot(raw: sqlite3.Connection) -> T:
            raw.execute("BEGIN")
            try:
                return fn(raw)
            finally:
                raw.execute("COMMIT")

        result: T = await conn._execute(snapshot, conn._conn)
        return result

    async def _rows(self, sql: str, params: Any = ()) -> list[Any]:
        """All rows of one read statement."""
        return await self._read_sync(lambda raw: raw.execute(sql, params).fetchall())
