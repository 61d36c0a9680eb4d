"""A job's status message is recorded once across workers (storage/queue.py record_status):
the first stands, and a lost one is replaced once, whoever replaces it first."""

from __future__ import annotations

from storage import Store


async def test_the_first_status_message_stands_and_a_lost_one_is_replaced_once(
    store: Store
) -> None:
    job = await store.jobs.enqueue(5, 9, "Bài báo", [1], length="medium", language=None,
                                   reply_to=None)
    assert await store.queue.record_status(5, job.id, 70) == 70
    assert await store.queue.record_status(5, job.id, 71) == 70  # another worker's came second
    # The reader deleted 70: two workers replace it; the first replacement stands.
    assert await store.queue.record_status(5, job.id, 80, replacing=70) == 80
    assert await store.queue.record_status(5, job.id, 81, replacing=70) == 80
    assert await store.jobs.part_messages(5, job.id) == {0: 80}
