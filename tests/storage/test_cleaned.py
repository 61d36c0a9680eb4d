"""The cleaned article is stored and searched; the raw paste stays the original."""

from __future__ import annotations

from storage import Store
from storage.folding import content_hash
from summarizer.digest import Article
from tests.storage.conftest import make_digest

PASTE = (
    "Thời sự | Kinh tế | Đăng nhập\n"
    "Tỉnh Quảng Ngãi quyết định sắp xếp trụ sở xã\n"
    "Chiều 12/5, UBND tỉnh chủ trì cuộc họp về việc sắp xếp trụ sở làm việc của các xã mới.\n"
    "Xem thêm: Cách chọn dưa hấu ngọt mùa hè\n"
)
CLEANED = Article(
    "Tỉnh Quảng Ngãi quyết định sắp xếp trụ sở xã",
    ("Chiều 12/5, UBND tỉnh chủ trì cuộc họp về việc sắp xếp trụ sở làm việc của các xã mới.",),
)


async def test_clutter_is_not_searched_and_the_original_is_the_paste(store: Store) -> None:
    job = await store.jobs.enqueue(3, 7, PASTE, [1], length="medium", language=None,
                                   reply_to=None)
    await store.queue.claim("w1")
    stored = await store.jobs.complete(3, job.id, make_digest(), article=CLEANED)
    assert await store.search.words(3, "dưa hấu") == ([], 0)
    assert (await store.search.words(3, "trụ sở làm việc"))[1] == 1
    assert await store.digests.article(3, stored.number) == (PASTE, None)
    rewritten = await store.digests.article_text(3, stored.number)
    assert rewritten is not None and "dưa hấu" not in rewritten and "trụ sở làm việc" in rewritten
    # The same paste again is still recognised (its hash is the paste's).
    assert (await store.digests.find_by_content(3, content_hash(PASTE))) is not None
