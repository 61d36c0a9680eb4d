"""Many concurrent writers never hit "database is locked"; a SIGKILLed writer loses nothing."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from benchmarks import storage_crash
from storage import Store, StoreClosedError
from tests.storage.conftest import make_digest, sqlite_only


async def test_many_tasks_and_two_stores_write_at_once(target: str | Path) -> None:
    path = target
    async with Store(path) as first, Store(path) as second:

        async def handler(store: Store, chat: int, n: int) -> int:
            await store.chats.add_fragment(chat, n, n, f"bài {n}")
            job = await store.jobs.fragments_to_job(chat, n, length="short", language=None,
                                                    reply_to=n)
            assert job is not None
            await store.chats.update_settings(chat, length="long")
            await store.digests.history(chat)
            await store.search.words(chat, "bài")
            return (await store.jobs.complete(chat, job.id, make_digest())).number

        numbers = await asyncio.gather(
            *(handler(first if n % 2 else second, n % 3, n) for n in range(60))
        )
    for chat in range(3):
        mine = sorted(num for n, num in enumerate(numbers) if n % 3 == chat)
        assert mine == list(range(1, 21))  # every chat numbered 1…20, no gap, no duplicate


async def test_complete_job_on_a_closed_store_raises_and_keeps_the_job(
    target: str | Path,
) -> None:
    path = target
    async with Store(path) as store:
        job = await store.jobs.enqueue(1, 1, "bài", [1], length="short", language=None, reply_to=1)
    with pytest.raises(StoreClosedError):
        await store.jobs.complete(1, job.id, make_digest())
    async with Store(path) as store:
        taken = await store.queue.claim("w1")  # the job is still there, and runs
        assert taken is not None and taken.id == job.id


@sqlite_only("a writer SIGKILLed mid-transaction and the file checked afterwards")
async def test_sigkill_mid_stream_keeps_every_reported_digest_and_fragment(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    total = 0
    for seconds in (0.3, 0.6):
        reported, fragments = await asyncio.to_thread(storage_crash.run_round, path, seconds, 3)
        total += len(reported)
        assert storage_crash.integrity(path) == "ok"
        assert await storage_crash.missing(path, reported) == []
        assert fragments and storage_crash.lost_fragments(path, fragments) == []
    assert total > 0
    conn = sqlite3.connect(path)
    half_done = conn.execute(  # nothing is left half-done: a done job's digest is stored
        "SELECT count(*) FROM jobs j WHERE j.status = 'done' AND NOT EXISTS"
        " (SELECT 1 FROM digests d WHERE d.chat_id = j.chat_id AND d.number = j.digest_number)"
    ).fetchone()[0]
    assert half_done == 0
    orphans = conn.execute(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS"
        " (SELECT 1 FROM digests d WHERE d.article_id = a.id)"
    ).fetchone()[0]
    conn.close()
    assert orphans == 0


async def test_a_failing_write_does_not_undo_its_neighbours(store: Store) -> None:
    jobs = [
        await store.jobs.enqueue(1, 1, f"bài {n}", [n], length="short", language=None, reply_to=n)
        for n in range(6)
    ]
    calls = [store.jobs.complete(1, job.id, make_digest()) for job in jobs]
    calls.insert(3, store.jobs.complete(2, jobs[0].id, make_digest()))  # wrong chat: fails
    results = await asyncio.gather(*calls, return_exceptions=True)
    assert [type(r).__name__ for r in results].count("JobNotFoundError") == 1
    assert (await store.digests.history(1, limit=10)).total == 6
    assert (await store.digests.history(2)).total == 0
