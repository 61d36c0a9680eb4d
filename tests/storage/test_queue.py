"""The job queue across processes: one job per chat at a time, in order, leases taken over."""

from __future__ import annotations

import asyncio
import itertools
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from storage import queue
from storage.models import Job
from storage.postgres import open_postgres
from storage.rows import now_ms

LEASE_MS = 30_000


@dataclass(frozen=True)
class Engine:
    """Two handles on one database, as two processes would hold."""

    dialect: str
    first: Any
    second: Any


@pytest.fixture(params=["postgresql"])
async def engine(request: pytest.FixtureRequest) -> AsyncIterator[Engine]:
    url = request.getfixturevalue("postgres_url")
    first, second = await open_postgres(url), await open_postgres(url)
    yield Engine("postgresql", first, second)
    await first.close()
    await second.close()


async def enqueue(db: Any, chat_id: int, count: int = 1) -> list[int]:
    def insert(cur: Any) -> list[int]:
        ids = []
        for n in range(count):
            cur.execute(
                "INSERT INTO jobs (chat_id, user_id, text, message_ids, status, created_at,"
                " updated_at, length) VALUES (?, 1, ?, '[]', 'queued', 0, 0, 'short') RETURNING id",
                (chat_id, f"bài {n} của nhóm {chat_id}"),
            )
            ids.append(int(cur.fetchall()[0][0]))
        return ids

    return list(await db.write(insert))


async def claim(engine: Engine, db: Any, worker: str, lease_ms: int = LEASE_MS) -> Job | None:
    return await db.write(lambda cur: queue.claim(cur, engine.dialect, worker, now_ms(), lease_ms))


async def deliver(db: Any, job: Job) -> None:
    await db.write(
        lambda cur: cur.execute("UPDATE jobs SET status = 'delivered' WHERE id = ?", (job.id,))
    )


async def test_a_chat_waits_for_its_job_while_other_chats_go_on(engine: Engine) -> None:
    first_a, second_a = await enqueue(engine.first, 1, 2)
    (first_b,) = await enqueue(engine.first, 2)
    held_a = await claim(engine, engine.first, "w1")
    held_b = await claim(engine, engine.second, "w2")
    assert held_a is not None and held_b is not None
    assert (held_a.id, held_b.id) == (first_a, first_b)
    assert held_a.status == "running" and held_a.attempts == 1
    assert await claim(engine, engine.second, "w2") is None  # chat 1's next waits for #1
    await deliver(engine.first, held_a)
    following = await claim(engine, engine.second, "w2")
    assert following is not None and following.id == second_a


async def test_an_expired_lease_is_taken_over(engine: Engine) -> None:
    (job_id,) = await enqueue(engine.first, 1)
    held = await claim(engine, engine.first, "dead", lease_ms=50)
    assert held is not None
    assert await claim(engine, engine.second, "alive") is None  # still leased
    await asyncio.sleep(0.12)
    taken = await claim(engine, engine.second, "alive")
    assert taken is not None and taken.id == job_id and taken.attempts == 2
    renewed = await engine.first.write(
        lambda cur: queue.renew(cur, 1, job_id, "dead", now_ms() + LEASE_MS)
    )
    assert renewed is False
    held_now = await engine.second.read(lambda cur: queue.holds(cur, 1, job_id, "alive", now_ms()))
    assert held_now is True


async def test_a_done_job_whose_worker_died_is_handed_out_to_be_delivered(
    engine: Engine,
) -> None:
    (job_id,) = await enqueue(engine.first, 1)
    await enqueue(engine.first, 1)
    assert await claim(engine, engine.first, "dead", lease_ms=50) is not None
    await engine.first.write(
        lambda cur: cur.execute("UPDATE jobs SET status = 'done', digest_number = 1")
    )
    await asyncio.sleep(0.12)
    again = await claim(engine, engine.second, "alive")
    assert again is not None and again.id == job_id
    assert (again.status, again.attempts, again.digest_number) == ("done", 1, 1)


async def test_concurrent_workers_never_hold_two_jobs_of_one_chat(engine: Engine) -> None:
    chats = 6
    for round_ in range(5):
        for chat in range(chats):
            await enqueue(engine.first, chat, 1 + (round_ + chat) % 2)
    held: dict[int, int] = {}
    order: dict[int, list[int]] = {chat: [] for chat in range(chats)}
    names = itertools.count()

    async def worker(db: Any) -> None:
        name = f"w{next(names)}"
        idle = 0
        while idle < 5:
            job = await claim(engine, db, name)
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
            await deliver(db, job)

    await asyncio.gather(*(worker(db) for db in (engine.first, engine.second) * 2))
    total = 0
    for chat, ids in order.items():
        assert ids == sorted(ids), f"chat {chat} out of paste order"
        total += len(ids)
    expected = sum(1 + (r + c) % 2 for r in range(5) for c in range(chats))
    assert total == expected  # every job exactly once


async def test_two_deliverers_of_one_part_agree_on_its_message(engine: Engine) -> None:
    (job_id,) = await enqueue(engine.first, 1)

    def record(part: int, message_id: int) -> Callable[[Any], int]:
        return lambda cur: queue.first_part_message(cur, job_id, part, message_id)

    for part in (0, 1):
        winners = await asyncio.gather(
            engine.first.write(record(part, 500 + part)),
            engine.second.write(record(part, 900 + part)),
        )
        assert winners[0] == winners[1] in (500 + part, 900 + part)
