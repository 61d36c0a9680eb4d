"""Long polling: updates are confirmed to Telegram only after they were handled."""

from __future__ import annotations

import asyncio

from bot.polling import poll
from bot.settings import Settings
from tests.bot.conftest import USER, start_bot


async def test_poll_handles_updates_and_confirms_them_afterwards(
    settings: Settings, article: str
) -> None:
    async for h in start_bot(settings):
        for uid, part in enumerate((article[:900], article[900:]), start=41):
            h.api.updates.append({"update_id": uid, "message": h.message(part)})
        stop = asyncio.Event()
        task = asyncio.create_task(poll(h.app, stop, timeout=1))
        for _ in range(200):
            if h.digests():
                break
            await asyncio.sleep(0.02)
        stop.set()
        await asyncio.wait_for(task, 5)
        assert len(h.digests()) == 1
        offsets = [c.params.get("offset") for c in h.api.of("getUpdates")]
        assert offsets[0] is None and 43 in offsets
        assert not h.api.updates  # everything handled was confirmed
        assert (await h.rt.store.history(USER)).total == 1


async def test_poll_survives_getupdates_failures(settings: Settings, article: str) -> None:
    async for h in start_bot(settings):
        h.api.fail("getUpdates", times=1, status=502, description="Bad Gateway")
        h.api.updates.append({"update_id": 7, "message": h.message("/help")})
        stop = asyncio.Event()
        task = asyncio.create_task(poll(h.app, stop, timeout=1))
        for _ in range(200):
            if h.texts():
                break
            await asyncio.sleep(0.02)
        stop.set()
        await asyncio.wait_for(task, 5)
        assert "/history" in h.texts()[0]
