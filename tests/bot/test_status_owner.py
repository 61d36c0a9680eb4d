"""The status message ("Đang tóm tắt…") belongs to the job, not to a worker: when a stalled
worker's job is taken over, the reader is left with the digest and no stale status line; a
length rewrite is shown only by the worker that still holds its job."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot

from bot.services.claims import Claims
from bot.services.relength import Relength
from bot.services.replies import Replies
from bot.services.status import StatusBoard
from storage import Store
from summarizer.digest import Digest
from tests.storage.conftest import make_digest
from tests.support.stub_api import StubBotApi

CHAT = 4101



class Spawned(list[asyncio.Future[Any]]):
    """The background tasks the services under test spawn, kept to be awaited or cancelled."""

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> None:
        self.append(asyncio.ensure_future(coro))


async def test_a_job_taken_over_leaves_no_stale_status_line(
    stub_bot: tuple[StubBotApi, Bot], tmp_path: Path
) -> None:
    stub, bot = stub_bot
    stub.state.ensure_chat(CHAT, None)
    tasks = Spawned()
    spawn = tasks.spawn

    path = tmp_path / "shared.db"
    async with Store(path) as a_store, Store(path) as b_store:
        job = await a_store.jobs.enqueue(CHAT, 9, "Bài báo", [3], length="medium",
                                         language="vi", reply_to=None)
        a_claims, b_claims = Claims(a_store, 0.3, alone=False), Claims(b_store, 60.0, alone=False)
        a_job = await a_claims.next()
        await asyncio.sleep(0.4)  # worker A stalls past its lease…
        b_job = await b_claims.next()  # …and worker B takes the job over, A still alive
        assert a_job is not None and b_job is not None and a_job.id == b_job.id == job.id
        boards = [StatusBoard(store, bot, spawn, after_s=0.0, every_s=0.05, owns=claims.holds)
                  for store, claims in ((a_store, a_claims), (b_store, b_claims))]
        a_tracked, b_tracked = boards[0].track(a_job), boards[1].track(b_job)
        a_tracked.running = b_tracked.running = True
        # Both show "working" at the same moment: two messages, one of them the job's.
        await asyncio.gather(boards[0].show_now(a_tracked), boards[1].show_now(b_tracked))
        stored = await b_store.jobs.complete(CHAT, job.id, make_digest())
        replies = Replies(b_store, bot, spawn=spawn, forget=boards[1].forget, backoff_s=0.01)
        await replies.deliver_digest(b_tracked, stored)
        a_tracked.progress = (1, 3)  # A's engine still works on its copy
        await asyncio.sleep(0.4)  # A's status updater ticks several times
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    shown = [m.text or "" for m in stub.messages_to(CHAT)]
    assert not [t for t in shown if "Đang tóm tắt" in t], shown
    assert len([t for t in shown if "#1" in t]) == 1, shown
    assert len(stub.calls_to("deleteMessage", CHAT)) == 1  # the second status message went


@pytest.mark.parametrize("ours", [True, False])
async def test_a_rewrite_is_shown_only_by_the_worker_that_still_holds_it(
    stub_bot: tuple[StubBotApi, Bot], tmp_path: Path, ours: bool
) -> None:
    stub, bot = stub_bot
    stub.state.ensure_chat(CHAT, None)
    tasks = Spawned()
    spawn = tasks.spawn

    async def summarize(article: str, length: str, kind: str) -> Digest:
        return make_digest(summary="Bản viết lại ngắn gọn của bài báo.")

    async def holds(chat_id: int, job_id: int) -> bool:
        return ours  # a worker that stalled past its lease has lost it to another

    async with Store(tmp_path / "relength.db") as store:
        job = await store.jobs.enqueue(CHAT, 9, "Bài báo", [3], length="medium",
                                       language="vi", reply_to=None)
        await store.jobs.complete(CHAT, job.id, make_digest())
        shown = await bot.send_message(CHAT, "Bản tóm tắt #1 như người đọc đang thấy")
        change = await store.jobs.request_length(CHAT, 9, 1, shown.message_id,
                                                 length="short", language="vi")
        assert change is not None
        replies = Replies(store, bot, spawn=spawn, forget=lambda job_id: None, backoff_s=0.01)
        await Relength(store, bot, summarize, replies, holds).run(change)
        await asyncio.gather(*tasks, return_exceptions=True)
        stored = await store.digests.get(CHAT, 1)
    assert stored is not None and stored.length == "short"  # rewritten either way
    texts = [m.text or "" for m in stub.messages_to(CHAT)]
    assert len(texts) == 1  # edited in place, never a second message
    assert ("Bản viết lại ngắn gọn" in texts[0]) is ours, texts
