"""Link jobs: queued before their page is fetched, in order, and recognised by their URL."""

from __future__ import annotations

from storage import Store
from tests.storage.conftest import make_digest

CHAT, OTHER, USER = 7, 8, 70
A = "https://bao.example.vn/kinh-te/a.html"
B = "https://bao.example.vn/xa-hoi/b.html"


async def links(store: Store, chat: int = CHAT, message_id: int = 1) -> list[int]:
    jobs = await store.jobs.enqueue_links(chat, USER, [A, B], message_id, length="short",
                                     language="vi", reply_to=message_id)
    return [j.id for j in jobs]


async def test_each_link_is_its_own_job_in_order_and_the_message_is_remembered(
    store: Store,
) -> None:
    first, second = await links(store)
    jobs = [await store.jobs.get(CHAT, job_id) for job_id in (first, second)]
    assert [(j.id, j.url, j.unfetched) for j in jobs if j] == [(first, A, True), (second, B, True)]
    seen = await store.jobs.for_message(CHAT, 1)
    assert seen is not None and seen.id == first  # a re-delivered update adds nothing


async def test_a_link_being_fetched_holds_its_chat_but_not_the_others(store: Store) -> None:
    first, second = await links(store)
    paste = await store.jobs.enqueue(CHAT, USER, "bài dán sau link", (5,), length="short",
                                language="vi", reply_to=5)
    elsewhere = await store.jobs.enqueue(OTHER, USER, "bài của chat khác", (6,), length="short",
                                    language="vi", reply_to=6)
    claimed = await store.queue.claim("w1")
    assert claimed is not None and claimed.id == elsewhere.id
    assert await store.queue.claim("w1") is None  # the chat waits for its first link
    await store.jobs.set_fetched(CHAT, first, "Bài từ link A", A)
    order = []
    while (job := await store.queue.claim("w1")) is not None:
        order.append(job.id)
        if job.id == first:
            await store.jobs.set_fetched(CHAT, second, "Bài từ link B", B)
        await store.jobs.complete(CHAT, job.id, make_digest())
        await store.jobs.mark_delivered(CHAT, job.id)
    assert order == [first, second, paste.id]


async def test_a_digest_from_a_link_is_found_by_its_canonical_url(store: Store) -> None:
    first, _ = await links(store)
    canonical = "https://bao.example.vn/kinh-te/a-chinh.html"
    filled = await store.jobs.set_fetched(CHAT, first, "Bài từ link A", canonical)
    assert filled.url == canonical and not filled.unfetched
    claimed = await store.queue.claim("w1")
    assert claimed is not None and claimed.id == first
    stored = await store.jobs.complete(CHAT, first, make_digest())
    found = await store.digests.find_by_url(CHAT, canonical)
    assert found is not None and found.number == stored.number
    assert await store.digests.find_by_url(OTHER, canonical) is None  # chats never mix
    assert await store.digests.find_by_url(CHAT, A) is None


async def test_setting_the_text_twice_keeps_the_first(store: Store) -> None:
    first, _ = await links(store)
    await store.jobs.set_fetched(CHAT, first, "lần đầu", A)
    again = await store.jobs.set_fetched(CHAT, first, "lần hai", B)
    assert (again.text, again.url) == ("lần đầu", A)
