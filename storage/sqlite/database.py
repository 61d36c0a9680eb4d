"""`Database` on SQLite: one writer thread with group commit, one reader thread, checkpoints."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import cast

from storage.database import Cursor, T
from storage.models import StoreClosedError
from storage.sqlite.checkpoint import Checkpointer
from storage.sqlite.connect import SqliteCursor, connect
from storage.sqlite.groupcommit import GroupCommitter
from storage.sqlite.migrations import migrate


def _snapshot(raw: sqlite3.Connection, work: Callable[[Cursor], T]) -> T:
    """`work` in one read transaction on the reader's thread."""
    raw.execute("BEGIN")
    try:
        return work(SqliteCursor(raw.cursor()))
    finally:
        raw.execute("COMMIT")


def _optimize_and_close(raw: sqlite3.Connection) -> None:
    raw.execute("PRAGMA analysis_limit = 400")
    raw.execute("PRAGMA optimize")
    raw.close()


class SqliteDatabase:
    """Each connection lives on its own one-thread executor (stdlib sqlite3, public API only).

    Writes from many coroutines are queued and committed together on the writer thread (see
    groupcommit.py); reads run whole on the reader thread, so snapshots never interleave and
    never block writes (WAL).
    """

    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._writer_thread = ThreadPoolExecutor(1, thread_name_prefix="tomtat-writer")
        self._reader_thread = ThreadPoolExecutor(1, thread_name_prefix="tomtat-reader")
        self._writer: sqlite3.Connection | None = None
        self._reader: sqlite3.Connection | None = None
        self._lock = asyncio.Lock()
        self._committer: GroupCommitter | None = None
        self._checkpointer: Checkpointer | None = None

    @classmethod
    async def open(cls, path: Path) -> SqliteDatabase:
        """Open the file (created if new) and bring its schema up to date."""
        database = cls(path)
        try:
            await database._open()
        except BaseException:
            await database.close()
            raise
        return database

    async def _open(self) -> None:
        loop = asyncio.get_running_loop()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = await loop.run_in_executor(
            self._writer_thread, lambda: connect(self.path, readonly=False)
        )
        await loop.run_in_executor(self._writer_thread, migrate, self._writer)
        self._reader = await loop.run_in_executor(
            self._reader_thread, lambda: connect(self.path, readonly=True)
        )
        self._checkpointer = await Checkpointer.start(self.path)
        self._committer = GroupCommitter(
            self._writer_thread, self._writer, self._lock, self._checkpointer.notify
        )

    async def read(self, work: Callable[[Cursor], T]) -> T:
        """Run `work` in one read snapshot on the reader's thread (one hop)."""
        reader = self._reader
        if reader is None:
            raise StoreClosedError("Store is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._reader_thread, _snapshot, reader, work)

    async def write(self, work: Callable[[Cursor], T]) -> T:
        """Run `work` as one unit of a (shared) write transaction on the writer's thread."""
        if self._committer is None or self._writer is None:
            raise StoreClosedError("Store is closed")
        return cast(T, await self._committer.submit(work))

    async def close(self) -> None:
        """Commit what is queued, stop checkpoints, close the connections; idempotent."""
        committer, self._committer = self._committer, None
        if committer is not None:
            await committer.drain()
        checkpointer, self._checkpointer = self._checkpointer, None
        if checkpointer is not None:
            await checkpointer.close()
        loop = asyncio.get_running_loop()
        async with self._lock:
            reader, writer, self._reader, self._writer = self._reader, self._writer, None, None
            if reader is not None:
                await loop.run_in_executor(self._reader_thread, reader.close)
            if writer is not None:
                await loop.run_in_executor(self._writer_thread, _optimize_and_close, writer)
        self._reader_thread.shutdown(wait=False)
        self._writer_thread.shutdown(wait=False)
