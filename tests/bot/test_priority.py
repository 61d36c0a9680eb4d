"""Replies first: cosmetic calls (status edits, chat actions) get a capped share of the budget."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.transport.priority import COSMETIC_PER_SECOND, BudgetBusy, PriorityRateLimiter, cosmetic


async def test_status_updates_are_skipped_beyond_their_share_and_replies_still_go() -> None:
    limiter = PriorityRateLimiter(max_retries=0)
    sent: list[str] = []

    async def call(kind: str) -> bool:
        sent.append(kind)
        return True

    async def send(kind: str) -> Any:
        return await limiter.process_request(call, (kind,), {}, "sendMessage",
                                             {"chat_id": 1}, None)

    with cosmetic():
        for _ in range(COSMETIC_PER_SECOND):
            await send("status")
        with pytest.raises(BudgetBusy):  # a best-effort failure: tried again at the next tick
            await send("status")
    await send("digest")  # a reply is never skipped
    assert sent == ["status"] * COSMETIC_PER_SECOND + ["digest"]


async def test_status_updates_yield_while_replies_wait() -> None:
    limiter = PriorityRateLimiter(max_retries=0)
    release = asyncio.Event()

    async def slow() -> bool:
        await release.wait()
        return True

    replies = [asyncio.ensure_future(limiter.process_request(slow, (), {}, "sendMessage",
                                                             {"chat_id": c}, None))
               for c in range(1, 4)]
    await asyncio.sleep(0.01)
    with cosmetic(), pytest.raises(BudgetBusy):
        await limiter.process_request(slow, (), {}, "editMessageText", {"chat_id": 9}, None)
    release.set()
    assert await asyncio.gather(*replies) == [True, True, True]


async def test_a_429_for_one_chat_pauses_that_chat_only() -> None:
    limiter = PriorityRateLimiter(max_retries=1)
    loop = asyncio.get_running_loop()
    started = loop.time()
    done: dict[int, float] = {}
    floods = {1: 1}  # chat 1's first call gets a 429 asking for 1 s

    async def call(chat: int) -> bool:
        if floods.get(chat):
            floods[chat] -= 1
            raise RetryAfter(timedelta(seconds=1))
        done[chat] = loop.time() - started
        return True

    async def send(chat: int) -> Any:
        return await limiter.process_request(call, (chat,), {}, "sendMessage",
                                             {"chat_id": chat}, None)

    first = asyncio.ensure_future(send(1))
    await asyncio.sleep(0.05)  # chat 1 is now paused
    assert await send(2)
    assert await first
    assert done[2] < 0.5, f"chat 2 waited {done[2]:.1f} s for chat 1's flood control"
    assert done[1] >= 1.0  # chat 1 waited as long as Telegram asked
