"""What the bot's workers add to the queue of storage/queue.py (tested in test_queue.py): a lone
process resuming its previous run at once, and each link's page fetched by one worker."""

from __future__ import annotations

from storage import Job, Store

LEASE_S = 30.0


async def queue(store: Store, chat_id: int, text: str) -> Job:
    return await store.jobs.enqueue(chat_id, 9, text, [len(text)], length="medium",
                                    language=None, reply_to=None)


async def test_a_lone_process_resumes_its_previous_runs_jobs_at_once(store: Store) -> None:
    job = await queue(store, 1, "bài một")
    await store.queue.claim("before-restart", lease_s=LEASE_S)
    assert await store.queue.claim("after-restart", lease_s=LEASE_S) is None
    assert await store.jobs.release_leases() == 1
    taken = await store.queue.claim("after-restart", lease_s=LEASE_S)
    assert taken is not None and taken.id == job.id


async def test_a_link_page_is_fetched_by_one_worker_then_its_job_is_claimed(store: Store) -> None:
    (link,) = await store.jobs.enqueue_links(1, 9, ["https://bao.example.vn/a.html"], 5,
                                             length="medium", language=None, reply_to=5)
    assert await store.queue.claim("w1", lease_s=LEASE_S) is None  # no text to summarise yet
    (fetching,) = await store.jobs.lease_fetches("w1", LEASE_S, 4)
    assert fetching.id == link.id
    assert await store.jobs.lease_fetches("w2", LEASE_S, 4) == []  # w1 fetches it
    await store.jobs.set_fetched(1, link.id, "Nội dung bài báo", "https://bao.example.vn/a.html")
    taken = await store.queue.claim("w2", lease_s=LEASE_S)
    assert taken is not None and taken.id == link.id and taken.text == "Nội dung bài báo"
