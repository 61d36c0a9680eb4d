"""Reply parts: the message of each part is remembered, per job and only in its chat."""

from __future__ import annotations

import pytest

from storage import JobNotFoundError, Store


async def test_part_messages_are_kept_per_job(store: Store) -> None:
    job = await store.jobs.enqueue(3, 9, "bài", [5], length="medium", language=None, reply_to=None)
    other = await store.jobs.enqueue(3, 9, "bài khác", [6], length="medium", language=None,
                                reply_to=None)
    assert await store.jobs.part_messages(3, job.id) == {}
    await store.jobs.set_part_message(3, job.id, 0, 70)  # the status message is part 0
    await store.jobs.set_part_message(3, job.id, 1, 71)
    await store.jobs.set_part_message(3, job.id, 2, 72)
    await store.jobs.set_part_message(3, job.id, 2, 75)  # a part whose message was lost moves
    await store.jobs.set_part_message(3, other.id, 0, 80)
    assert await store.jobs.part_messages(3, job.id) == {0: 70, 1: 71, 2: 75}
    assert await store.jobs.part_messages(3, other.id) == {0: 80}
    assert (await store.jobs.get(3, other.id)).status_message_id == 80  # type: ignore[union-attr]


async def test_parts_of_another_chat_are_neither_read_nor_written(store: Store) -> None:
    job = await store.jobs.enqueue(3, 9, "bài", [5], length="medium", language=None, reply_to=None)
    await store.jobs.set_part_message(3, job.id, 1, 71)
    assert await store.jobs.part_messages(4, job.id) == {}
    with pytest.raises(JobNotFoundError):
        await store.jobs.set_part_message(4, job.id, 1, 99)
    assert await store.jobs.part_messages(3, job.id) == {1: 71}
