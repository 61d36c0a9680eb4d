"""Length changes through the queue (bot/services/relength.py): in the chat's order, a failure
told kindly with the old digest kept."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.bot.conftest import USER, FakeEngine, Harness, make_settings, start_bot
from tests.bot.test_digest_buttons import digest_message_id


async def test_a_failed_rewrite_says_so_and_keeps_the_digest(
    harness: Harness, article: str
) -> None:
    await harness.send(article)
    await harness.settle()
    message_id = digest_message_id(harness)
    before = harness.digests()
    harness.engine.failures = 1
    await harness.press("r:1:s", message_id=message_id)
    await harness.settle()
    assert harness.texts()[-1].startswith("Xin lỗi, tôi chưa viết lại được bản tóm tắt #1")
    assert harness.digests() == before  # the old digest is still shown
    stored = await harness.rt.store.digests.get(USER, 1)
    assert stored is not None and stored.length == "medium"
    await harness.press("r:1:s", message_id=message_id)  # pressed again later: it works
    await harness.settle()
    stored = await harness.rt.store.digests.get(USER, 1)
    assert stored is not None and stored.length == "short"


async def test_a_press_waits_for_the_article_the_chat_sent_before_it(
    tmp_path: Path, article: str, article2: str
) -> None:
    engine = FakeEngine(delay_s=30.0)
    async with start_bot(make_settings(tmp_path), engine) as h:
        engine.release.set()
        await h.send(article)
        await h.settle()
        message_id = digest_message_id(h)
        engine.release.clear()
        await h.send(article2)  # summarised slowly: held until released
        await h.settle_intake()
        await h.press("r:1:l", message_id=message_id)
        await asyncio.sleep(0.3)
        stored = await h.rt.store.digests.get(USER, 1)
        assert stored is not None and stored.length == "medium"  # not before #2
        engine.release.set()
        await h.settle()
        stored = await h.rt.store.digests.get(USER, 1)
        assert stored is not None and stored.length == "long"
        assert await h.rt.store.digests.get(USER, 2) is not None
