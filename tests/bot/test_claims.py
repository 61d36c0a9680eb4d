"""A worker's claims: a worker that stops hands its job to another at once, not a lease later."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from bot.services.claims import Claims
from storage import Store


async def test_a_stopping_worker_hands_its_job_back_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    async with Store(path) as a, Store(path) as b:
        job = await a.jobs.enqueue(1, 9, "Bài báo", [3], length="medium", language=None,
                                   reply_to=None)
        stopping, other = Claims(a, 600.0, alone=False), Claims(b, 600.0, alone=False)
        assert stopping.worker != other.worker
        held = await stopping.next()
        assert held is not None and held.id == job.id
        assert await other.next() is None  # a ten-minute lease
        await stopping.release()
        taken = await other.next()
        assert taken is not None and taken.id == job.id and await other.holds(1, job.id)
        assert not await stopping.holds(1, job.id)


async def test_on_postgresql_a_job_handed_back_wakes_the_listening_workers(
    postgres_url: str
) -> None:
    async with Store(postgres_url) as a, Store(postgres_url) as b:
        job = await a.jobs.enqueue(1, 9, "Bài báo", [3], length="medium", language=None,
                                   reply_to=None)
        stopping, other = Claims(a, 600.0, alone=False), Claims(b, 600.0, alone=False)
        assert await stopping.next() is not None
        woken = asyncio.Event()
        listening = asyncio.ensure_future(b.watch_jobs(woken.set))
        try:
            await asyncio.wait_for(woken.wait(), 10)  # listening now (it wakes once on connect)
            woken.clear()
            await stopping.release()
            await asyncio.wait_for(woken.wait(), 5)  # NOTIFY, not a poll
        finally:
            listening.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listening
        taken = await other.next()
        assert taken is not None and taken.id == job.id
