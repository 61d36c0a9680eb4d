"""An article is looked up in history once: the worker does not repeat intake's conclusive check."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from bot.links import jobs as link_jobs
from bot.services.intake import accept
from storage import StoredDigest, digest_sql, folding, job_sql
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
    harness.engine.delay_s = 30.0  # the first stays in flight until both are sent (no race)
    await harness.send(article)
    await harness.send(article)  # before the first digest exists: intake cannot know
    harness.engine.release.set()
    await harness.settle()
    assert len(seen) == 3  # intake twice, the worker once (for the second only)
    assert len(harness.digests()) == 2
    stored = await harness.rt.store.digests.history(USER, limit=5)
    assert stored.total == 1  # shown twice, summarised and stored once


def count_hashes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record every content hash computed anywhere on an article's way (the text's length)."""
    seen: list[int] = []

    def counted(text: str) -> str:
        seen.append(len(text))
        return folding.content_hash(text)

    for module in (accept, job_sql, digest_sql, link_jobs):
        monkeypatch.setattr(module, "content_hash", counted)
    return seen


async def test_a_pasted_article_is_hashed_once(
    harness: Harness, article: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed = count_hashes(monkeypatch)
    await harness.send(article)
    await harness.settle()
    assert len(harness.digests()) == 1 and len(hashed) == 1


async def test_an_article_sent_twice_in_flight_is_hashed_once_per_send(
    harness: Harness, article: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed = count_hashes(monkeypatch)
    await harness.send(article)
    await harness.send(article)  # the worker's check uses the hash its job carries
    await harness.settle()
    assert len(harness.digests()) == 2 and len(hashed) == 2
