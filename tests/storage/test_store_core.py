"""Opening, closing, chat settings, fragments and the job lifecycle on a real database file."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from storage import JobNotFoundError, Store, StoreClosedError
from tests.storage.conftest import ARTICLE, add_digest, make_digest, sqlite_only


async def test_close_is_idempotent_and_use_after_close_is_a_clear_error(
    target: str | Path,
) -> None:
    store = Store(target)
    with pytest.raises(StoreClosedError, match="not open"):
        await store.chats.settings(1)
    async with store:
        await store.chats.update_settings(1, length="short")
    await store.close()
    with pytest.raises(StoreClosedError, match="closed"):
        await store.chats.settings(1)


@sqlite_only("journal mode and the file's integrity check are SQLite's")
async def test_wal_and_foreign_keys_are_on(tmp_path: Path) -> None:
    async with Store(tmp_path / "a.db") as store:
        await add_digest(store, 1)
        named = sorted(o.name for o in await store.digests.officials_overview(1))
        assert named == ["Nguyễn Hồ Hải", "Trần Thị Hoà"]
        # With foreign keys off, the cascade would leave the deleted digest's officials listed.
        assert await store.digests.delete(1, 1)
        assert await store.digests.officials_overview(1) == []
    assert (tmp_path / "a.db").exists()
    import sqlite3

    conn = sqlite3.connect(tmp_path / "a.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


async def test_settings_default_then_persist_across_reopen(target: str | Path) -> None:
    path = target
    async with Store(path) as store:
        assert (await store.chats.settings(5)).length == "medium"
        await store.chats.update_settings(5, length="long", language="en", engine="extractive")
        changed = await store.chats.update_settings(5, language=None)
        assert (changed.length, changed.language, changed.engine) == ("long", None, "extractive")
    async with Store(path) as store:
        assert (await store.chats.settings(5)).length == "long"
        assert (await store.chats.settings(6)).length == "medium"
        with pytest.raises(ValueError, match="short"):
            await store.chats.update_settings(5, length="tiny")


async def test_fragments_merge_in_message_order_into_one_job(store: Store) -> None:
    await store.chats.add_fragment(1, 7, 12, "đoạn hai")
    await store.chats.add_fragment(1, 7, 11, "đoạn một")
    await store.chats.add_fragment(1, 7, 11, "đoạn một (sửa)")  # duplicate message id: ignored
    await store.chats.add_fragment(1, 8, 13, "người khác")
    assert [f.message_id for f in await store.chats.fragments(1, 7)] == [11, 12]
    job = await store.jobs.fragments_to_job(1, 7, length="short", language="vi", reply_to=11)
    assert job is not None
    assert (job.text, job.message_ids, job.status) == ("đoạn một\nđoạn hai", (11, 12), "queued")
    assert await store.chats.fragments(1,
                                       7) == []
    assert await store.jobs.fragments_to_job(1, 7, length="short",
        language=None, reply_to=None) is None
    assert await store.chats.recover_fragment_owners() == [(1, 8)]


async def test_job_lifecycle_queued_running_done_delivered(store: Store) -> None:
    job = await store.jobs.enqueue(3, 9, ARTICLE, [5, 6], length="long", language="vi", reply_to=5)
    second = await store.jobs.enqueue(4, 9, ARTICLE, [1], length="short",
        language=None, reply_to=None)
    assert await store.jobs.queue_position(3, job.id) == 1
    assert await store.jobs.queue_position(4, second.id) == 2
    assert await store.jobs.pending(3, 9) == 1
    assert await store.jobs.queue_length() == 2
    claimed = await store.queue.claim("w1")
    assert claimed is not None and (claimed.id, claimed.status, claimed.attempts) == (
        job.id, "running", 1,
    )
    await store.jobs.set_part_message(3, job.id, 0, 77)  # the status message
    stored = await store.jobs.complete(3, job.id, make_digest())
    again = await store.jobs.complete(3, job.id, make_digest())  # a retried call stores nothing new
    assert stored == again and stored.number == 1
    done = await store.jobs.get(3, job.id)
    assert done is not None
    assert (done.status, done.digest_number, done.status_message_id) == ("done", 1, 77)
    await store.jobs.mark_delivered(3, job.id)
    assert (await store.jobs.get(3, job.id)).status == "delivered"  # type: ignore[union-attr]
    assert (await store.digests.history(3)).total == 1


async def test_failed_job_retries_then_fails_for_good(store: Store) -> None:
    job = await store.jobs.enqueue(3, 9, "bài", [5], length="medium", language=None, reply_to=None)
    await store.queue.claim("w1")
    await store.jobs.fail(3, job.id, "engine timeout", retry=True)
    requeued = await store.jobs.get(3, job.id)
    assert requeued is not None
    assert (requeued.status, requeued.error) == ("queued", "engine timeout")
    again = await store.queue.claim("w1")
    assert again is not None and again.attempts == 2
    await store.jobs.fail(3, job.id, "still failing", retry=False)
    assert (await store.jobs.get(3, job.id)).status == "failed"  # type: ignore[union-attr]
    assert await store.queue.claim("w1") is None


async def test_after_a_crash_running_and_undelivered_jobs_are_taken_up_again(
    target: str | Path,
) -> None:
    path = target
    async with Store(path) as store:
        running = await store.jobs.enqueue(1, 1, "a", [1], length="short",
                                           language=None, reply_to=1)
        await store.queue.claim("w1")
        done = await store.jobs.enqueue(3, 1, "b", [2], length="short", language=None, reply_to=2)
        await store.queue.claim("w1")
        await store.jobs.complete(3, done.id, make_digest())
        delivered = await store.jobs.enqueue(2, 1, "c", [3], length="short",
                                             language=None, reply_to=3)
        await store.queue.claim("w1")
        await store.jobs.complete(2, delivered.id, make_digest())
        await store.jobs.mark_delivered(2, delivered.id)
        queued = await store.jobs.enqueue(1, 1, "d", [4], length="short", language=None, reply_to=4)
    async with Store(path) as store:  # as after a crash: the running job was never finished
        assert await store.jobs.release_leases() == 2  # alone on its database (--role all)
        claimed = await store.queue.claim("w2")
        assert claimed is not None and (claimed.id, claimed.attempts) == (running.id, 2)
        undelivered = await store.queue.claim("w2")  # to be delivered, not summarised again
        assert undelivered is not None and (undelivered.id, undelivered.status) == (done.id, "done")
        assert await store.queue.claim("w2") is None  # chat 1's next job waits its turn
        await store.jobs.complete(1, running.id, make_digest())
        await store.jobs.mark_delivered(1, running.id)
        after = await store.queue.claim("w2")
        assert after is not None and after.id == queued.id


async def test_jobs_of_another_chat_cannot_be_touched(store: Store) -> None:
    job = await store.jobs.enqueue(1, 1, "a", [1], length="short",
                                           language=None, reply_to=1)
    await store.queue.claim("w1")
    assert await store.jobs.get(2, job.id) is None
    for call in (
        store.jobs.complete(2, job.id, make_digest()),
        store.jobs.fail(2, job.id, "x", retry=False),
        store.jobs.mark_delivered(2, job.id),
        store.jobs.set_part_message(2, job.id, 0, 5),
    ):
        with pytest.raises(JobNotFoundError):
            await call
    assert await store.jobs.queue_position(2, job.id) == 0
    assert (await store.jobs.get(1, job.id)).status == "running"  # type: ignore[union-attr]


async def test_numbers_are_per_chat_and_never_reused(store: Store) -> None:
    assert [await add_digest(store, 1) for _ in range(3)] == [1, 2, 3]
    assert await add_digest(store, 2) == 1
    assert await store.digests.delete(1, 3)
    assert not await store.digests.delete(1, 3)
    assert await add_digest(store, 1) == 4
    fetched = await store.digests.get(1, 2)
    assert fetched is not None and fetched.digest == make_digest() and fetched.user_id == 7
    assert await store.digests.get(1, 3) is None


async def test_the_job_a_message_made_is_remembered(store: Store) -> None:
    first = await store.jobs.enqueue(1, 7, "bài báo", (40,), length="short", language="vi",
                                reply_to=40)
    found = await store.jobs.for_message(1, 40)
    assert found is not None and found.id == first.id
    assert await store.jobs.for_message(2, 40) is None  # the same id in another chat is new
    await store.chats.add_fragment(1, 7, 41, "đoạn một")
    await store.chats.add_fragment(1, 7, 42, "đoạn hai")
    merged = await store.jobs.fragments_to_job(1, 7, length="short", language=None, reply_to=41)
    assert merged is not None
    for message_id in (41, 42):  # every fragment of the paste counts as handled
        job = await store.jobs.for_message(1, message_id)
        assert job is not None and job.id == merged.id


async def test_discarded_fragments_are_gone_and_counted(store: Store) -> None:
    await store.chats.add_fragment(1, 7, 11, "đoạn một")
    await store.chats.add_fragment(1, 7, 12, "đoạn hai")
    await store.chats.add_fragment(1, 8, 13, "người khác")
    assert await store.chats.discard_fragments(1,
                                               7) == 2
    assert await store.chats.fragments(1, 7) == []
    assert await store.jobs.fragments_to_job(1, 7, length="short",
        language=None, reply_to=None) is None
    assert [f.message_id for f in await store.chats.fragments(1, 8)] == [13]
    assert await store.chats.discard_fragments(1, 7) == 0


@sqlite_only("checkpoints move SQLite's WAL into its file")
async def test_commits_reach_the_database_file_while_the_store_stays_open(tmp_path: Path) -> None:
    # Checkpoints run in the background: the main file alone (WAL left behind) soon holds them.
    path = tmp_path / "tomtat.db"
    async with Store(path) as store:
        for _ in range(3):
            await add_digest(store, 42)
        copy = tmp_path / "main-file-only.db"
        for _ in range(200):
            shutil.copyfile(path, copy)
            try:
                with closing(sqlite3.connect(copy)) as conn:
                    (count,) = conn.execute("SELECT count(*) FROM digests").fetchone()
            except sqlite3.DatabaseError:  # copied mid-checkpoint or before the tables
                count = 0
            if count == 3:
                break
            await asyncio.sleep(0.05)
        assert count == 3
        assert (await store.digests.history(42)).total == 3
