"""Delivery by placeholders: a crash at any point never shows a part twice."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from telegram import Bot

from bot.transport.placeholders import deliver_once
from storage import Store
from tests.support.stub_api import StubBotApi

CHAT, JOB = 4001, 7
DIGEST = "<b>Tỉnh tạm dừng thu phí trạm BOT</b> · #1"


class CrashingStore:
    """Part → message ids kept in memory; the first write fails, like a crash right before it."""

    def __init__(self) -> None:
        self.parts: dict[int, int] = {}
        self.crash_next = False

    async def part_messages(self, chat_id: int, job_id: int) -> dict[int, int]:
        return dict(self.parts)

    async def set_part_message(self, chat_id: int, job_id: int, part: int,
                               message_id: int) -> None:
        if self.crash_next:
            self.crash_next = False
            raise RuntimeError("the process died here")
        self.parts[part] = message_id

    async def record_part(self, chat_id: int, job_id: int, part: int, message_id: int) -> int:
        if part not in self.parts:
            await self.set_part_message(chat_id, job_id, part, message_id)
        return self.parts[part]


async def test_a_deleted_placeholder_replaced_before_a_crash_shows_the_digest_once(
    stub_bot: tuple[StubBotApi, Bot],
) -> None:
    stub, bot = stub_bot
    stub.state.ensure_chat(CHAT, None)
    store = CrashingStore()
    placeholder = await bot.send_message(CHAT, "Đang gửi kết quả…")
    store.parts[0] = placeholder.message_id
    stub.state.messages[CHAT][placeholder.message_id].deleted = True  # the reader deleted it
    store.crash_next = True
    with pytest.raises(RuntimeError):
        await deliver_once(bot, store, store, CHAT, JOB, [DIGEST], reply_to=None,
                           placeholder="Đang gửi kết quả…")
    # the retry at start-up
    await deliver_once(bot, store, store, CHAT, JOB, [DIGEST], reply_to=None,
                       placeholder="Đang gửi kết quả…")
    shown = [m for m in stub.messages_to(CHAT) if "#1" in (m.text or "")]
    assert len(shown) == 1


async def test_two_processes_delivering_one_job_show_each_part_once(
    stub_bot: tuple[StubBotApi, Bot], tmp_path: Path,
) -> None:
    stub, bot = stub_bot
    stub.state.ensure_chat(CHAT, None)
    parts = [DIGEST.replace(" · #1", ""), "<i>Phần hai của bản tóm tắt</i> · #1"]
    path = tmp_path / "shared.db"
    async with Store(path) as first, Store(path) as second:  # two worker processes
        job = await first.jobs.enqueue(CHAT, 9, "Bài báo", [1], length="medium",
                                       language=None, reply_to=None)
        await asyncio.gather(*(
            deliver_once(bot, store.jobs, store.queue, CHAT, job.id, parts, reply_to=None,
                         placeholder="Đang gửi kết quả…") for store in (first, second)))
    shown = [m.text for m in stub.messages_to(CHAT)]  # deleted placeholders are gone
    assert shown == parts  # (this Bot has no HTML default: the markup shows as sent)
