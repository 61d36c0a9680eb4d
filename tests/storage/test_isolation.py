"""A second chat sees nothing of the first, whatever ids or numbers it passes."""

from __future__ import annotations

from storage import Store
from storage.folding import content_hash
from storage.search.sqlite_fts import BUCKETS, fts_table
from tests.storage.conftest import ARTICLE, add_digest


async def test_other_chat_sees_and_changes_nothing(store: Store) -> None:
    for _ in range(3):
        await add_digest(store, 111)
    await store.chats.add_fragment(111, 7, 900, "đoạn của nhóm khác")
    intruder = -222
    assert (await store.digests.history(intruder)).total == 0
    for number in range(0, 6):
        assert await store.digests.get(intruder, number) is None
        assert not await store.digests.delete(intruder, number)
    assert (await store.digests.history(intruder, before=10**9)).items == ()
    assert (await store.digests.history(intruder, after=0)).items == ()
    assert await store.search.words(intruder, "quyết định trụ sở") == ([], 0)
    assert await store.search.words(intruder, "c111") == ([], 0)  # the scope token is not a word
    assert await store.search.words(intruder, "c111x quyet") == ([], 0)  # nor is the chat token
    assert await store.search.by_official(intruder, "Nguyễn Hồ Hải") == ([], 0)
    assert await store.digests.officials_overview(intruder) == []
    assert await store.digests.find_by_content(intruder, content_hash(ARTICLE)) is None
    assert [line async for line in store.exports.jsonl(intruder)] == []
    assert [record async for batch in store.exports.records(intruder) for record in batch] == []
    assert await store.chats.fragments(intruder, 7) == []
    assert await store.jobs.fragments_to_job(intruder, 7, length="short", language=None,
                                        reply_to=None) is None
    assert (await store.admin.size_report(intruder))["digests"] == 0
    assert await store.digests.clear(intruder) == 0
    # The first chat is untouched.
    assert (await store.digests.history(111)).total == 3
    assert len(await store.chats.fragments(111, 7)) == 1
    assert (await store.search.words(111, "quyết định"))[1] == 3
    assert await add_digest(store, intruder) == 1  # its own numbering starts at #1


async def test_chats_sharing_a_search_bucket_stay_apart(store: Store) -> None:
    # Search rows live in one of BUCKETS tables chosen by chat id; these three share one.
    victim, neighbour, group = 111, 111 + BUCKETS, 111 - 2 * BUCKETS
    assert len({fts_table(chat) for chat in (victim, neighbour, group)}) == 1
    for _ in range(2):
        await add_digest(store, victim)
    await add_digest(store, group)
    for intruder in (neighbour, victim + 3 * BUCKETS):
        assert await store.search.words(intruder, "quyết định trụ sở") == ([], 0)
        # The victim's chat token, typed as a word, matches no text column.
        assert await store.search.words(intruder, "c111x") == ([], 0)
        assert await store.search.words(intruder, "c111x quyết định") == ([], 0)
    assert (await store.search.words(group, "quyết định"))[1] == 1
    assert await store.search.words(victim, "c111x") == ([], 0)  # not even its own chat token
    assert await store.digests.clear(group) == 1
    hits, total = await store.search.words(victim, "quyết định")
    assert total == 2 and {hit.item.number for hit in hits} == {1, 2}
    assert (await store.search.words(group, "quyết định"))[1] == 0
