"""The queue as the workers use it (store.jobs over storage/queue.py), on SQLite shared by two
processes: one job at a time per chat, in paste order, leases that expire and are taken over, a
stalled worker that cannot renew, link pages fetched once, and a lone process resuming at once."""

from __future__ import annotations

import asyncio
from pathlib import Path

from storage import Job, Store
from tests.storage.conftest import make_digest

LEASE_S = 30.0


async def queue(store: Store, chat_id: int, text: str) -> Job:
    return await store.jobs.enqueue(chat_id, 9, text, [len(text)], length="medium",
                                    language=None, reply_to=None)


async def test_two_processes_claiming_at_once_never_hold_two_jobs_of_one_chat(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shared.db"
    async with Store(path) as a, Store(path) as b:
        for n in range(6):
            for chat in (1, 2, 3):
                await queue(a, chat, f"bài {n} của nhóm {chat}")
        claims = await asyncio.gather(*(s.jobs.claim_leased(name, LEASE_S)
                                        for s, name in ((a, "w1"), (b, "w2")) for _ in range(4)))
        held = [job for job in claims if job is not None]
        assert sorted(job.chat_id for job in held) == [1, 2, 3]  # one per chat, none twice
        assert all(job.text.startswith("bài 0 ") for job in held)  # each chat's oldest
        first = next(job for job in held if job.chat_id == 1)
        await a.jobs.complete(1, first.id, make_digest())
        assert await b.jobs.claim_leased("w2", LEASE_S) is None  # done, not yet shown
        await a.jobs.mark_delivered(1, first.id)
        following = await b.jobs.claim_leased("w2", LEASE_S)
        assert following is not None and following.text == "bài 1 của nhóm 1"


async def test_a_stalled_worker_loses_its_job_and_cannot_renew_it(store: Store) -> None:
    job = await queue(store, 1, "bài một")
    held = await store.jobs.claim_leased("slow", 0.2)
    assert held is not None and await store.jobs.holds_lease(1, job.id, "slow")
    assert await store.jobs.renew_lease(1, job.id, "slow", 0.2)
    await asyncio.sleep(0.3)
    taken = await store.jobs.claim_leased("fast", LEASE_S)
    assert taken is not None and taken.id == job.id and taken.attempts == 2
    assert not await store.jobs.renew_lease(1, job.id, "slow", LEASE_S)
    assert not await store.jobs.holds_lease(1, job.id, "slow")
    assert await store.jobs.holds_lease(1, job.id, "fast")


async def test_a_lone_process_resumes_its_previous_runs_jobs_at_once(store: Store) -> None:
    job = await queue(store, 1, "bài một")
    await store.jobs.claim_leased("before-restart", LEASE_S)
    assert await store.jobs.claim_leased("after-restart", LEASE_S) is None
    assert await store.jobs.release_leases() == 1
    taken = await store.jobs.claim_leased("after-restart", LEASE_S)
    assert taken is not None and taken.id == job.id


async def test_a_link_page_is_fetched_by_one_worker_then_its_job_is_claimed(store: Store) -> None:
    (link,) = await store.jobs.enqueue_links(1, 9, ["https://bao.example.vn/a.html"], 5,
                                             length="medium", language=None, reply_to=5)
    assert await store.jobs.claim_leased("w1", LEASE_S) is None  # no text to summarise yet
    (fetching,) = await store.jobs.lease_fetches("w1", LEASE_S, 4)
    assert fetching.id == link.id
    assert await store.jobs.lease_fetches("w2", LEASE_S, 4) == []  # w1 fetches it
    await store.jobs.set_fetched(1, link.id, "Nội dung bài báo", "https://bao.example.vn/a.html")
    taken = await store.jobs.claim_leased("w2", LEASE_S)
    assert taken is not None and taken.id == link.id and taken.text == "Nội dung bài báo"
