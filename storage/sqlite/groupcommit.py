"""Group commit: concurrent write transactions share one COMMIT, each isolated by a savepoint."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from concurrent.futures import Executor

from storage.database import Cursor
from storage.sqlite.connect import SqliteCursor

Work = Callable[[Cursor], object]
Outcome = tuple[bool, object]  # (succeeded, result or exception)


def run_batch(raw: sqlite3.Connection, works: list[Work]) -> list[Outcome]:
    """One transaction on the writer's thread; a failing unit is rolled back alone."""
    cursor = SqliteCursor(raw.cursor())
    try:
        raw.execute("BEGIN IMMEDIATE")
        outcomes: list[Outcome] = []
        for work in works:
            raw.execute("SAVEPOINT unit")
            try:
                result = work(cursor)
            except Exception as error:
                if not raw.in_transaction:  # SQLite dropped the whole transaction (I/O, full)
                    raise
                raw.execute("ROLLBACK TO unit")
                raw.execute("RELEASE unit")
                outcomes.append((False, error))
                continue
            raw.execute("RELEASE unit")
            outcomes.append((True, result))
        raw.execute("COMMIT")
    except Exception as error:
        if raw.in_transaction:
            raw.execute("ROLLBACK")
        return [(False, error)] * len(works)
    return outcomes


class GroupCommitter:
    """Queues write units; while one batch commits on the writer thread, the next one gathers.

    A caller's future resolves only after the COMMIT that contains its unit, so "returned"
    still means "on disk". A lone writer pays one commit per call; many concurrent handlers
    share commits (FTS5 flushes a segment per commit, the dominant cost).
    """

    def __init__(
        self, writer: Executor, conn: sqlite3.Connection, lock: asyncio.Lock,
        committed: Callable[[], None],
    ) -> None:
        self._writer = writer
        self._conn = conn
        self._lock = lock
        self._committed = committed
        self._pending: list[tuple[Work, asyncio.Future[object]]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def submit(self, work: Work) -> object:
        """Run `work` inside a shared transaction; returns its result once committed."""
        future: asyncio.Future[object] = asyncio.get_running_loop().create_future()
        self._pending.append((work, future))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush())
        return await future

    async def drain(self) -> None:
        """Wait until every queued unit has been committed (or failed)."""
        if self._flusher is not None:
            await asyncio.shield(self._flusher)

    async def _flush(self) -> None:
        loop = asyncio.get_running_loop()
        while self._pending:
            batch, self._pending = self._pending, []
            batch = [(work, future) for work, future in batch if not future.cancelled()]
            if not batch:
                continue
            works = [w for w, _ in batch]
            try:
                async with self._lock:  # the whole batch runs on the writer thread in one hop
                    outcomes = await loop.run_in_executor(
                        self._writer, run_batch, self._conn, works
                    )
            except BaseException as error:
                outcomes = [(False, error)] * len(batch)
            self._committed()
            _settle(batch, outcomes)


def _settle(batch: list[tuple[Work, asyncio.Future[object]]], outcomes: list[Outcome]) -> None:
    for (_, future), (ok, value) in zip(batch, outcomes, strict=True):
        if future.done():
            continue
        if ok:
            future.set_result(value)
        elif isinstance(value, BaseException):
            future.set_exception(value)
