"""The job queue across processes: one job per chat at a time, in order, leases taken over."""

from __future__ import annotations

import asyncio
import itertools
import random
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import Store
from storage.models import Job
from tests.storage.conftest import make_digest


@pytest.fixture(params=["sqlite", "postgresql"])
async def two(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[tuple[Store, Store]]:
    """Two stores on one database, as two processes hold it."""
    target: str | Path = tmp_path / "queue.db"
    if request.param == "postgresql":
        target = request.getfixturevalue("postgres_url")
    async with Store(target) as first, Store(target) as second:
        yield first, second


async def enqueue(store: Store, chat_id: int, count: int = 1) -> list[int]:
    jobs = [
        await store.jobs.enqueue(chat_id, 1, f"Bài {n} gửi vào nhóm {chat_id}.", [n + 10 * chat_id],
                                 length="short", language=None, reply_to=None)
        for n in range(count)
    ]
    return [j.id for j in jobs]


async def test_a_chat_waits_for_its_job_while_other_chats_go_on(two: tuple[Store, Store]) -> None:
    first, second = two
    first_a, second_a = await enqueue(first, 1, 2)
    (first_b,) = await enqueue(first, 2)
    held_a = await first.queue.claim("w1")
    held_b = await second.queue.claim("w2")
    assert held_a is not None and held_b is not None
    assert (held_a.id, held_b.id) == (first_a, first_b)
    assert held_a.status == "running" and held_a.attempts == 1
    assert await second.queue.claim("w2") is None  # chat 1's next job waits for the first
    await first.jobs.complete(1, held_a.id, make_digest())
    assert await second.queue.claim("w2") is None  # done, not delivered: still its turn
    await first.jobs.mark_delivered(1, held_a.id)
    following = await second.queue.claim("w2")
    assert following is not None and following.id == second_a


async def test_an_expired_lease_is_taken_over(two: tuple[Store, Store]) -> None:
    first, second = two
    (job_id,) = await enqueue(first, 1)
    assert await first.queue.claim("dead", lease_s=0.05) is not None
    assert await second.queue.claim("alive") is None  # still leased
    await asyncio.sleep(0.12)
    taken = await second.queue.claim("alive")
    assert taken is not None and taken.id == job_id and taken.attempts == 2
    assert await first.queue.renew(1, job_id, "dead") is False
    assert await first.queue.holds(1, job_id, "alive")
    assert await second.queue.renew(1, job_id, "alive")


async def test_a_done_job_whose_worker_died_is_handed_out_to_be_delivered(
    two: tuple[Store, Store],
) -> None:
    first, second = two
    (job_id,) = await enqueue(first, 1)
    await enqueue(first, 1)
    assert await first.queue.claim("dead", lease_s=0.05) is not None
    stored = await first.jobs.complete(1, job_id, make_digest())
    await asyncio.sleep(0.12)
    again = await second.queue.claim("alive")
    assert again is not None and again.id == job_id
    assert (again.status, again.attempts, again.digest_number) == ("done", 1, stored.number)


async def test_concurrent_workers_never_hold_two_jobs_of_one_chat(
    two: tuple[Store, Store],
) -> None:
    chats = 6
    for round_ in range(4):
        for chat in range(chats):
            await enqueue(two[0], chat + 1, 1 + (round_ + chat) % 2)
    held: dict[int, int] = {}
    order: dict[int, list[int]] = {chat + 1: [] for chat in range(chats)}
    names = itertools.count()

    async def worker(store: Store) -> None:
        name, idle = f"w{next(names)}", 0
        while idle < 5:
            job: Job | None = await store.queue.claim(name)
            if job is None:
                idle += 1
                await asyncio.sleep(0.02)
                continue
            idle = 0
            assert job.chat_id not in held, "two jobs of one chat held at once"
            held[job.chat_id] = job.id
            order[job.chat_id].append(job.id)
            await asyncio.sleep(random.uniform(0, 0.01))
            del held[job.chat_id]
            await store.jobs.complete(job.chat_id, job.id, make_digest())
            await store.jobs.mark_delivered(job.chat_id, job.id)  # frees the chat

    await asyncio.gather(*(worker(store) for store in two * 2))
    for chat, ids in order.items():
        assert ids == sorted(ids), f"chat {chat} out of paste order"
    total = sum(len(ids) for ids in order.values())
    assert total == sum(1 + (r + c) % 2 for r in range(4) for c in range(chats))  # each once


async def test_two_deliverers_of_one_part_agree_on_its_message(two: tuple[Store, Store]) -> None:
    first, second = two
    (job_id,) = await enqueue(first, 1)
    standing = {}
    for part in (0, 1):
        winners = await asyncio.gather(
            first.queue.record_part(1, job_id, part, 500 + part),
            second.queue.record_part(1, job_id, part, 900 + part),
        )
        assert winners[0] == winners[1] in (500 + part, 900 + part)
        standing[part] = winners[0]
    assert await second.jobs.part_messages(1, job_id) == standing


async def test_two_processes_completing_one_job_store_one_digest(
    two: tuple[Store, Store],
) -> None:
    first, second = two
    (job_id,) = await enqueue(first, 1)
    assert await first.queue.claim("slow", lease_s=0.05) is not None
    await asyncio.sleep(0.12)
    assert await second.queue.claim("fast") is not None  # the lease expired: taken over
    stored = await asyncio.gather(
        first.jobs.complete(1, job_id, make_digest()),
        second.jobs.complete(1, job_id, make_digest()),
    )
    assert stored[0].number == stored[1].number == 1
    assert (await first.digests.history(1)).total == 1
