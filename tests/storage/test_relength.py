"""A digest's length change as a job of the queue (storage/relength_sql.py): queued behind the
chat's articles, one waiting rewrite per digest, the rewrite and the job's end in one step."""

from __future__ import annotations

from storage import Store
from tests.storage.conftest import add_digest, make_digest

CHAT = 31
SHORT = make_digest(summary="UBND tỉnh sắp xếp lại trụ sở các xã sau sáp nhập.")


async def press(store: Store, length: str, number: int = 1) -> int | None:
    job = await store.jobs.request_length(CHAT, 7, number, 900 + number, length=length,
                                          language="vi")
    return None if job is None else job.id


async def test_two_presses_while_waiting_make_one_job_at_the_last_length(store: Store) -> None:
    await add_digest(store, CHAT)
    first, second = await press(store, "short"), await press(store, "long")
    assert first is not None and first == second
    claimed = await store.queue.claim("w1")
    assert claimed is not None and claimed.relength and claimed.length == "long"
    assert claimed.digest_number == 1 and claimed.status_message_id == 901
    # Pressed again while it runs: a job of its own, after it (never two at once in a chat).
    third = await press(store, "short")
    assert third is not None and third != first
    assert await store.queue.claim("w2") is None
    assert await store.jobs.pending(CHAT, 7) == 0  # no article waits: the user may send more


async def test_the_rewrite_and_the_end_of_its_job_are_one_step(store: Store) -> None:
    await add_digest(store, CHAT)
    await press(store, "short")
    claimed = await store.queue.claim("w1")
    assert claimed is not None
    stored = await store.jobs.relength_done(CHAT, claimed.id, SHORT)
    assert stored is not None and stored.length == "short" and stored.digest == SHORT
    done = await store.jobs.get(CHAT, claimed.id)
    assert done is not None and done.status == "done" and not done.relength
    await store.jobs.mark_delivered(CHAT, claimed.id)
    assert await store.jobs.queue_length() == 0


async def test_a_deleted_digest_gets_no_job_and_a_job_of_one_deleted_since_fails(
    store: Store
) -> None:
    await add_digest(store, CHAT)
    assert await press(store, "short", number=2) is None
    await press(store, "short")
    claimed = await store.queue.claim("w1")
    assert claimed is not None
    assert await store.digests.delete(CHAT, 1)
    assert await store.jobs.relength_done(CHAT, claimed.id, SHORT) is None
    failed = await store.jobs.get(CHAT, claimed.id)
    assert failed is not None and failed.status == "failed"
