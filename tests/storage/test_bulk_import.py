"""The bulk import path: numbering per chat, search and officials, as one-by-one digests get."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage import BulkDigest, Store
from summarizer.digest import Official
from tests.storage.conftest import ARTICLE, add_digest, make_digest

AT = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def bulk(chat_id: int, title: str, minutes: int, official: str = "Lê Văn Đức") -> BulkDigest:
    digest = make_digest(title=title, officials=(Official(official, ("Chủ tịch UBND xã",)),))
    return BulkDigest(chat_id, 7, ARTICLE, digest, AT + timedelta(minutes=minutes))


async def test_bulk_digests_are_numbered_per_chat_after_existing_ones(store: Store) -> None:
    await add_digest(store, 1)
    await store.admin.insert_digests_bulk(
        [bulk(1, "Đường làng mới", 1), bulk(2, "Chợ phiên đầu năm", 2), bulk(1, "Cầu treo", 3)]
    )
    first = await store.digests.history(1)
    assert [d.number for d in first.items] == [3, 2, 1] and first.total == 3
    second = await store.digests.history(2)
    assert [d.number for d in second.items] == [1]


async def test_bulk_digests_are_found_by_words_without_diacritics(store: Store) -> None:
    await store.admin.insert_digests_bulk(
        [bulk(1, "Đường làng mới trải nhựa", 1), bulk(1, "Chợ phiên đầu năm", 2),
         bulk(2, "Đường làng ở xã bên", 3)]
    )
    hits, total = await store.search.words(1, "duong lang")
    assert total == 1 and [h.item.digest.title for h in hits] == ["Đường làng mới trải nhựa"]
    hits, total = await store.search.words(1, "chợ phiên")
    assert total == 1 and [h.item.digest.title for h in hits] == ["Chợ phiên đầu năm"]


async def test_bulk_digests_are_found_by_official(store: Store) -> None:
    await store.admin.insert_digests_bulk(
        [bulk(1, "Đường làng", 1, "Phạm Thị Lụa"), bulk(1, "Cầu treo", 2, "Võ Minh Quân")]
    )
    found, total = await store.search.by_official(1, "pham thi lua")
    assert total == 1 and [d.digest.title for d in found] == ["Đường làng"]
