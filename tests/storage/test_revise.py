"""Re-summarising a digest in place, and the duplicate rule comparing article and length."""

from __future__ import annotations

from storage import Store
from storage.folding import content_hash
from summarizer.digest import Official
from tests.storage.conftest import ARTICLE, add_digest, make_digest

CHAT, OTHER = 11, 12


async def test_a_digest_rewritten_at_another_length_keeps_its_number(store: Store) -> None:
    number = await add_digest(store, CHAT)
    longer = make_digest(
        summary="Bản dài hơn: tỉnh giao Sở Tài chính rà soát trụ sở dôi dư, báo cáo trong tháng 7.",
        officials=(Official("Lê Văn Sơn", ("Giám đốc Sở Tài chính",)),),
    )
    stored = await store.digests.replace(CHAT, number, longer, length="long")
    assert stored is not None and stored.number == number and stored.length == "long"
    again = await store.digests.get(CHAT, number)
    assert again is not None and again.digest.summary.startswith("Bản dài hơn")
    # Search and officials follow the new text; the old summary's words are gone from it.
    hits, total = await store.search.words(CHAT, "ban dai hon")
    assert total == 1 and hits[0].item.number == number
    assert [o.name for o in await store.digests.officials_overview(CHAT)] == ["Lê Văn Sơn"]
    assert (await store.search.by_official(CHAT, "Nguyễn Hồ Hải"))[1] == 0


async def test_rewriting_is_scoped_to_the_chat(store: Store) -> None:
    number = await add_digest(store, CHAT)
    assert await store.digests.replace(OTHER, number, make_digest(), length="short") is None
    assert await store.digests.article_text(OTHER, number) is None
    assert await store.digests.article_text(CHAT, number) == ARTICLE


async def test_the_duplicate_rule_compares_article_and_length(store: Store) -> None:
    number = await add_digest(store, CHAT)  # written at "medium"
    assert (await store.digests.find_by_content(CHAT, content_hash(ARTICLE), "medium")) is not None
    assert (await store.digests.find_by_content(CHAT, content_hash(ARTICLE), "short")) is None
    found = await store.digests.find_by_content(CHAT, content_hash(ARTICLE))
    assert found is not None and found.number == number and found.length == "medium"
