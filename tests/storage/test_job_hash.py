"""An article's content hash is computed once, when its job is made, and found again after."""

from __future__ import annotations

from storage import Store
from storage.folding import content_hash
from tests.storage.conftest import ARTICLE, make_digest

PAGE = (
    "Hà Nội mở thêm tuyến xe buýt điện nối hai bến xe\n\n"
    "Sở Xây dựng cho biết tuyến mới chạy từ ngày 1/7, mỗi chuyến cách nhau 15 phút."
)


async def test_a_pasted_article_keeps_its_hash_and_is_found_by_it(store: Store) -> None:
    job = await store.jobs.enqueue(4, 7, ARTICLE, [10], length="medium", language=None,
                                   reply_to=10)
    assert job.content_hash == content_hash(ARTICLE)
    claimed = await store.queue.claim("w1")
    assert claimed is not None and claimed.content_hash == job.content_hash
    stored = await store.jobs.complete(4, job.id, make_digest())
    # Sent again with other spacing and case: the same article, found by the stored hash.
    found = await store.digests.find_by_content(4, content_hash("  " + ARTICLE.upper()))
    assert found is not None and found.number == stored.number


async def test_the_hash_given_by_intake_is_the_one_stored(store: Store) -> None:
    # Not the text's own hash, so a store that recomputed it instead would fail here.
    hashed = content_hash("Một bài khác, đã băm sẵn ở bước nhận.")
    job = await store.jobs.enqueue(4, 7, ARTICLE, [11], length="short", language=None,
                                   reply_to=11, content_hash=hashed)
    assert (await store.jobs.get(4, job.id)) == job and job.content_hash == hashed


async def test_a_link_is_hashed_when_its_page_is_fetched(store: Store) -> None:
    [job] = await store.jobs.enqueue_links(5, 7, ["https://example.vn/a"], 20,
                                           length="medium", language=None, reply_to=20)
    assert job.content_hash is None  # nothing to hash before the page arrives
    fetched = await store.jobs.set_fetched(5, job.id, PAGE, "https://example.vn/a")
    assert fetched.content_hash == content_hash(PAGE)
    await store.queue.claim("w1")
    await store.jobs.complete(5, job.id, make_digest())
    assert await store.digests.find_by_content(5, content_hash(PAGE)) is not None


async def test_a_merged_paste_is_hashed_whole(store: Store) -> None:
    first, second = ARTICLE[:60], ARTICLE[60:]
    await store.chats.add_fragment(6, 7, 31, first)
    await store.chats.add_fragment(6, 7, 32, second)
    job = await store.jobs.fragments_to_job(6, 7, length="medium", language=None, reply_to=31)
    assert job is not None and job.content_hash == content_hash(f"{first}\n{second}")
