"""Background WAL checkpoints: committed pages reach the database file off the writer's path."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from storage.sqlite.connect import connect

log = logging.getLogger(__name__)

# At most one checkpoint per interval: under a stream of commits a checkpoint copies many
# commits' pages at once (a page rewritten by several commits is copied once).
INTERVAL_S = 0.2


class Checkpointer:
    """Runs PASSIVE checkpoints on a connection and thread of its own, after commits.

    A checkpoint copies committed pages from the WAL into the database file and syncs it. Done
    by the writer (SQLite's auto-checkpoint), that work stalled the commit that crossed the
    threshold; here it runs on its own thread while the writer goes on. PASSIVE never waits for
    or blocks a reader or the writer; what it cannot copy yet is copied next time.
    """

    def __init__(self, thread: ThreadPoolExecutor, conn: sqlite3.Connection) -> None:
        self._thread = thread
        self._conn = conn
        self._pending = asyncio.Event()
        self._task: asyncio.Task[None] | None = asyncio.create_task(self._run())

    @classmethod
    async def start(cls, path: Path) -> Checkpointer:
        """A checkpointer with its own connection to the database at `path`."""
        thread = ThreadPoolExecutor(1, thread_name_prefix="tomtat-checkpoint")
        loop = asyncio.get_running_loop()
        try:
            conn = await loop.run_in_executor(thread, lambda: connect(path, readonly=False))
        except BaseException:
            thread.shutdown()
            raise
        return cls(thread, conn)

    def notify(self) -> None:
        """Something was committed: checkpoint soon."""
        self._pending.set()

    async def close(self) -> None:
        """Stop checkpointing and close the connection; closing twice is harmless."""
        task, self._task = self._task, None
        if task is None:
            return
        task.cancel()
        await asyncio.wait([task])  # its CancelledError stays in the task; ours still propagates
        await asyncio.get_running_loop().run_in_executor(self._thread, self._conn.close)
        self._thread.shutdown()

    def _checkpoint(self) -> None:
        self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await self._pending.wait()
            self._pending.clear()
            try:
                await loop.run_in_executor(self._thread, self._checkpoint)
            except sqlite3.Error as error:  # the writer's backstop auto-checkpoint still runs
                log.warning("background checkpoint failed: %s", error)
            await asyncio.sleep(INTERVAL_S)
