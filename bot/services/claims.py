"""A worker's claims on the queue it shares with other processes (storage/queue.py): taking the
next job under a lease, keeping the leases of the jobs it holds alive, and letting a job go when
another worker took it over (its lease ran out while this one stalled)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
from datetime import UTC, datetime, timedelta

from storage import Job, Store

log = logging.getLogger(__name__)


async def woken(wake: asyncio.Event, seconds: float) -> None:
    """Wait until `wake` is set (work queued by this process) or `seconds` pass (work queued by
    another: the store is polled), then clear it."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            await wake.wait()
    wake.clear()


def worker_name() -> str:
    """This process among all workers: host, process id and a random tag (pids are reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class Claims:
    """Claims jobs for this worker and renews their leases three times per lease."""

    def __init__(self, store: Store, lease_s: float, *, alone: bool) -> None:
        self.worker = worker_name()
        self._store = store
        self._lease_s = lease_s
        self._alone = alone  # role all: no other process uses the database
        self._held: dict[int, int] = {}  # job id → chat id

    async def start(self) -> None:
        """A process alone on its database resumes its previous run's jobs at once."""
        if self._alone:
            released = await self._store.jobs.release_leases()
            if released:
                log.info("%s job(s) of a previous run resumed", released)

    async def next(self) -> Job | None:
        """The next job for this worker (queued, or taken over from a dead worker), or None
        (also when the database fails: logged, and the worker looks again after a while)."""
        try:
            job = await self._store.queue.claim(self.worker, lease_s=self._lease_s)
        except Exception:
            log.exception("could not claim a job; trying again")
            return None
        if job is not None:
            self._held[job.id] = job.chat_id
            queued_ms = (datetime.now(UTC) - job.created_at) / timedelta(milliseconds=1)
            log.info("claimed job %s of chat %s (%s), queued %.0f ms ago", job.id, job.chat_id,
                     job.status, queued_ms)
        return job

    async def fetches(self, limit: int) -> list[Job]:
        """Link jobs whose page nobody is fetching, now this worker's to fetch."""
        return await self._store.jobs.lease_fetches(self.worker, self._lease_s, limit)

    async def holds(self, chat_id: int, job_id: int) -> bool:
        """Whether the job is still this worker's (checked before its reply is shown)."""
        return await self._store.queue.holds(chat_id, job_id, self.worker)

    async def release(self) -> None:
        """Stopping: hand the jobs held back to the queue now, not a lease later."""
        for job_id, chat_id in list(self._held.items()):
            # A lease that ended a second ago: any worker's claim takes it at once.
            await self._store.queue.renew(chat_id, job_id, self.worker, lease_s=-1.0)
        self._held.clear()

    async def keep_alive(self) -> None:
        """Renew the leases held, forever; a job finished or taken over is let go."""
        while True:
            await asyncio.sleep(self._lease_s / 3)
            for job_id, chat_id in list(self._held.items()):
                try:
                    ours = await self._store.queue.renew(chat_id, job_id, self.worker,
                                                         lease_s=self._lease_s)
                except Exception:
                    log.exception("could not renew the lease of job %s; trying again", job_id)
                    continue
                if not ours:
                    del self._held[job_id]
