"""An article is looked up in history once: the worker does not repeat intake's conclusive check."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from storage import StoredDigest
from tests.bot.conftest import USER, Harness

Find = Callable[[int, str, str], Awaitable[StoredDigest | None]]


def count_lookups(harness: Harness) -> list[str]:
    """Record every history lookup by content (the article's hash)."""
    seen: list[str] = []
    real: Find = harness.rt.store.digests.find_by_content

    async def counted(chat_id: int, text_hash: str, length: str) -> StoredDigest | None:
        seen.append(text_hash)
        return await real(chat_id, text_hash, length)

    harness.rt.store.digests.find_by_content = counted  # type: ignore[method-assign]
    return seen


async def test_a_pasted_article_is_looked_up_once(harness: Harness, article: str) -> None:
    seen = count_lookups(harness)
    await harness.send(article)
    await harness.settle()
    assert len(harness.digests()) == 1 and len(seen) == 1


async def test_the_same_article_sent_while_the_first_is_in_flight_is_caught_by_the_worker(
    harness: Harness, article: str
) -> None:
    seen = count_lookups(harness)
    await harness.send(article)
    await harness.send(article)  # before the first digest exists: intake cannot know
    await harness.settle()
    assert len(seen) == 3  # intake twice, the worker once (for the second only)
    assert len(harness.digests()) == 2
    stored = await harness.rt.store.digests.history(USER, limit=5)
    assert stored.total == 1  # shown twice, summarised and stored once
