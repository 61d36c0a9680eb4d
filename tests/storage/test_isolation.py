"""A second chat sees nothing of the first, whatever ids or numbers it passes."""

from __future__ import annotations

from storage import Store
from storage.indexing import BUCKETS, fts_table
from tests.storage.conftest import ARTICLE, add_digest


async def test_other_chat_sees_and_changes_nothing(store: Store) -> None:
    for _ in range(3):
        await add_digest(store, 111)
    await store.add_fragment(111, 7, 900, "đoạn của nhóm khác")
    intruder = -222
    assert (await store.history(intruder)).total == 0
    for number in range(0, 6):
        assert await store.get_digest(intruder, number) is None
        assert not await store.delete_digest(intruder, number)
    assert (await store.history(intruder, before=10**9)).items == ()
    assert (await store.history(intruder, after=0)).items == ()
    assert await store.search(intruder, "quyết định trụ sở") == ([], 0)
    assert await store.search(intruder, "c111") == ([], 0)  # the scope token is not a word
    assert await store.search(intruder, "c111x quyet") == ([], 0)  # nor is the chat token
    assert await store.digests_by_official(intruder, "Nguyễn Hồ Hải") == ([], 0)
    assert await store.top_officials(intruder) == []
    assert await store.find_digest_by_content(intruder, ARTICLE) is None
    assert [line async for line in store.export_jsonl(intruder)] == []
    assert "#1" not in await store.export_markdown(intruder)
    assert await store.fragments(intruder, 7) == []
    assert await store.fragments_to_job(intruder, 7, length="short", language=None,
                                        reply_to=None) is None
    assert (await store.size_report(intruder))["digests"] == 0
    assert await store.clear_history(intruder) == 0
    # The first chat is untouched.
    assert (await store.history(111)).total == 3
    assert len(await store.fragments(111, 7)) == 1
    assert (await store.search(111, "quyết định"))[1] == 3
    assert await add_digest(store, intruder) == 1  # its own numbering starts at #1


async def test_chats_sharing_a_search_bucket_stay_apart(store: Store) -> None:
    # Search rows live in one of BUCKETS tables chosen by chat id; these three share one.
    victim, neighbour, group = 111, 111 + BUCKETS, 111 - 2 * BUCKETS
    assert len({fts_table(chat) for chat in (victim, neighbour, group)}) == 1
    for _ in range(2):
        await add_digest(store, victim)
    await add_digest(store, group)
    for intruder in (neighbour, victim + 3 * BUCKETS):
        assert await store.search(intruder, "quyết định trụ sở") == ([], 0)
        # The victim's chat token, typed as a word, matches no text column.
        assert await store.search(intruder, "c111x") == ([], 0)
        assert await store.search(intruder, "c111x quyết định") == ([], 0)
    assert (await store.search(group, "quyết định"))[1] == 1
    assert await store.search(victim, "c111x") == ([], 0)  # not even its own chat token
    assert await store.clear_history(group) == 1
    hits, total = await store.search(victim, "quyết định")
    assert total == 2 and {hit.item.number for hit in hits} == {1, 2}
    assert (await store.search(group, "quyết định"))[1] == 0
