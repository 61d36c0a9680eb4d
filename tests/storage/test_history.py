"""History pages (keyset, both directions), deletes, clear, retention and size report."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta

from storage import BulkDigest, Store
from storage.folding import content_hash
from tests.storage.conftest import ARTICLE, add_digest, make_digest


def numbers(page: object) -> list[int]:
    return [item.number for item in page.items]  # type: ignore[attr-defined]


async def test_empty_history(store: Store) -> None:
    page = await store.digests.history(1)
    assert (page.items, page.total, page.older, page.newer) == ((), 0, None, None)


async def test_exactly_one_page_has_no_cursors(store: Store) -> None:
    for _ in range(5):
        await add_digest(store, 1)
    page = await store.digests.history(1, limit=5)
    assert numbers(page) == [5, 4, 3, 2, 1]
    assert (page.total, page.older, page.newer) == (5, None, None)


async def test_walk_older_then_back_newer(store: Store) -> None:
    for _ in range(12):
        await add_digest(store, 1)
    await store.digests.delete(1, 6)  # a gap must not break paging
    first = await store.digests.history(1, limit=5)
    assert numbers(first) == [12, 11, 10, 9, 8] and (first.older, first.newer) == (8, None)
    second = await store.digests.history(1, limit=5, before=first.older)
    assert numbers(second) == [7, 5, 4, 3, 2] and (second.older, second.newer) == (2, 7)
    last = await store.digests.history(1, limit=5, before=second.older)
    assert numbers(last) == [1] and (last.older, last.newer) == (None, 1)
    back = await store.digests.history(1, limit=5, after=last.newer)
    assert numbers(back) == [7, 5, 4, 3, 2]
    top = await store.digests.history(1, limit=5, after=back.newer)
    assert numbers(top) == [12, 11, 10, 9, 8] and top.newer is None
    assert first.total == second.total == last.total == 11


async def test_cursor_past_either_end_gives_an_empty_page(store: Store) -> None:
    await add_digest(store, 1)
    assert (await store.digests.history(1, before=1)).items == ()
    assert (await store.digests.history(1, after=1)).items == ()
    assert (await store.digests.history(1, before=1)).total == 1


async def test_clear_history_returns_count_and_keeps_numbering(store: Store) -> None:
    for _ in range(3):
        await add_digest(store, 1)
    assert await store.digests.clear(1) == 3
    assert (await store.digests.history(1)).total == 0
    assert await store.search.words(1, "trụ sở") == ([], 0)
    assert await store.digests.officials_overview(1) == []
    assert await store.digests.find_by_content(1, content_hash(ARTICLE)) is None
    assert await add_digest(store, 1) == 4


async def test_retention_deletes_only_old_digests(store: Store) -> None:
    old = datetime.now(UTC) - timedelta(days=40)
    await store.admin.insert_digests_bulk(
        [BulkDigest(1, 7, ARTICLE, make_digest(title="Bài cũ"), old) for _ in range(3)]
    )
    await add_digest(store, 1)
    assert await store.admin.delete_older_than(30) == 3
    page = await store.digests.history(1)
    assert numbers(page) == [4] and page.total == 1
    hits, total = await store.search.words(1, "bai cu")
    assert total == 0 and hits == []
    report = await store.admin.size_report(1)
    assert report["digests"] == 1 and report["article_bytes"] == len(ARTICLE.encode())


async def test_stats_counts_across_chats(store: Store) -> None:
    began = time.monotonic()
    await add_digest(store, 1)
    quick_ms = (time.monotonic() - began) * 1000
    began = time.monotonic()
    slow = await store.jobs.enqueue(2, 7, ARTICLE, [5], length="short", language=None,
                                    reply_to=None)
    await asyncio.sleep(0.05)  # the admin's median latency is the time from paste to digest
    assert await store.queue.claim("w1") is not None
    await store.jobs.complete(2, slow.id, make_digest())
    waited_ms = (time.monotonic() - began) * 1000
    await store.jobs.enqueue(3, 1, "chờ", [1], length="short", language=None, reply_to=None)
    stats = await store.admin.stats()
    assert (stats["digests"], stats["chats"], stats["queue"]) == (2, 3, 1)
    # Two finished jobs, one quick and one that waited 50 ms: the median is their mean (the
    # quick one's time is measured too, so a slow machine cannot push it past the bound).
    assert 25 <= stats["median_latency_ms"] <= (quick_ms + waited_ms) / 2 + 5
