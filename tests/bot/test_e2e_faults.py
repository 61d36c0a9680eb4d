"""End to end under faults: Telegram errors, duplicate updates, SIGKILL at the worst moments."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.bot.e2e_support import (
    digest_of,
    digest_sources,
    expected_chunks,
    fixture,
    footers,
    free_port,
    news_items,
    running_bot,
    shown,
    split_like_telegram,
)
from tests.support.stub_api import StubBotApi
from tests.support.stub_api.process import BotProcess

pytestmark = pytest.mark.e2e
A = 1001


def last_update_id(stub: StubBotApi) -> int:
    return max(stub.pushed_at)


async def test_telegram_errors_are_retried_and_never_double_a_digest(tmp_path: Path) -> None:
    items = news_items()
    async with running_bot(tmp_path) as (stub, _):
        stub.inject("sendMessage", "429", retry_after=2)
        await digest_of(stub, A, items[0], 1)
        sends = stub.calls_to("sendMessage", A)
        flood = next(i for i, call in enumerate(sends) if call.fault == "429")
        assert sends[flood + 1].at - sends[flood].at >= 1.9  # waited as long as Telegram asked

        stub.inject("sendMessage", "500", times=2)
        await digest_of(stub, A, items[1], 2)
        stub.inject("sendMessage", "drop")
        await digest_of(stub, A, items[2], 3)
        stub.inject("sendMessage", "slow", delay=2.0)
        await digest_of(stub, A, items[3], 4)
        stub.inject("sendChatAction", "500", times=100)  # cosmetic calls failing…
        stub.inject("setMyCommands", "500", times=100)
        await digest_of(stub, A, items[4], 5)  # …never stop a digest

        stub.inject("getUpdates", "500")
        stub.inject("getUpdates", "drop")
        stub.push_text(A, None, "/help")
        await stub.wait_for(lambda: any(m.text == shown("help") for m in stub.messages_to(A)),
                            timeout=15)
        await asyncio.sleep(1.0)
        assert footers(stub, A) == [1, 2, 3, 4, 5]


async def test_duplicate_update_ids_are_ignored(tmp_path: Path) -> None:
    items = news_items()
    async with running_bot(tmp_path) as (stub, _):
        await digest_of(stub, A, items[0], 1)
        article_update = last_update_id(stub)
        stub.push_text(A, None, "/help")
        await stub.wait_for(lambda: any(m.text == shown("help") for m in stub.messages_to(A)))
        help_update = last_update_id(stub)
        stub.redeliver(article_update)
        stub.redeliver(help_update)
        stub.redeliver(help_update)
        await asyncio.sleep(1.5)  # longer than the merge window
        assert footers(stub, A) == [1]
        assert [m.text for m in stub.messages_to(A)].count(shown("help")) == 1


async def sigkill_when(stub: StubBotApi, proc: BotProcess, when: Callable[[], object]) -> None:
    """SIGKILL the bot as soon as `when()` holds (it gets no chance to clean up)."""
    await stub.wait_for(when, timeout=20)
    proc.kill()
    await proc.wait()


async def assert_exactly_one_digest(stub: StubBotApi, article: str) -> None:
    await stub.wait_for(lambda: footers(stub, A), timeout=20)
    await asyncio.sleep(1.5)
    assert footers(stub, A) == [1]
    expected = expected_chunks(article, 1)
    assert digest_sources(stub, A, 1, len(expected)) == expected
    assert not any((m.text or "").startswith(shown("duplicate", number=1)[:20])
                   for m in stub.messages_to(A))


async def test_sigkill_inside_the_merge_window(tmp_path: Path) -> None:
    # Two pieces cut by the client: the paste is still open (its last piece would close it).
    pieces = split_like_telegram(fixture("e2e_appointments.txt"))[:2]
    article = "\n".join(pieces)
    async with running_bot(tmp_path, {"TOMTAT_MERGE_WINDOW": "2.5"}) as (stub, proc):
        for piece in pieces:
            stub.push_text(A, None, piece)
        last = last_update_id(stub)

        def confirmed() -> bool:  # the bot told Telegram it has both fragments
            return any(c.method == "getUpdates" and (c.get_int("offset") or 0) > last
                       for c in stub.calls)

        await sigkill_when(stub, proc, confirmed)
        assert footers(stub, A) == []  # it died before the window closed
        await proc.start()
        await assert_exactly_one_digest(stub, article)


async def test_sigkill_with_jobs_queued_and_a_reply_in_flight(tmp_path: Path) -> None:
    items = news_items()
    chats = [3001 + i for i in range(len(items))]
    async with running_bot(tmp_path) as (stub, proc):
        # The first reply is held in flight; the other jobs are queued, running or done meanwhile.
        # (Killing just after Telegram accepted a reply but before the bot recorded that is the
        # one window where a restart repeats a reply: the Bot API has no idempotent send.)
        stub.inject("sendMessage", "slow", delay=1.5)
        for chat, item in zip(chats, items, strict=True):
            stub.push_text(chat, None, item)
        await sigkill_when(stub, proc, lambda: stub.calls_to("sendMessage"))
        await asyncio.sleep(2.0)
        assert not any(footers(stub, chat) for chat in chats)
        await proc.start()
        await stub.wait_for(lambda: all(footers(stub, chat) for chat in chats), timeout=30)
        await asyncio.sleep(1.5)
        assert [footers(stub, chat) for chat in chats] == [[1]] * len(chats)


async def test_sigkill_during_delivery(tmp_path: Path) -> None:
    article = news_items()[0]
    async with running_bot(tmp_path) as (stub, proc):
        stub.inject("sendMessage", "slow", delay=1.5)  # the reply is on its way when we kill
        stub.push_text(A, None, article)
        await sigkill_when(stub, proc, lambda: stub.calls_to("sendMessage", A))
        await asyncio.sleep(2.0)  # past the slow answer: the request died with the process
        assert footers(stub, A) == []
        await proc.start()
        await assert_exactly_one_digest(stub, article)


async def test_sigkill_in_webhook_mode_after_telegram_got_its_answers(tmp_path: Path) -> None:
    article = fixture("e2e_appointments.txt")
    port = free_port()
    args = ("--webhook-url", f"http://127.0.0.1:{port}/hook", "--port", str(port))
    async with running_bot(tmp_path, {"TOMTAT_MERGE_WINDOW": "2.5"}, args) as (stub, proc):
        pieces = split_like_telegram(article)
        for piece in pieces:
            stub.push_text(A, None, piece)
        # Every fragment was answered 200, so Telegram will never send them again.
        await sigkill_when(stub, proc, lambda: sum(
            d.status == 200 for d in stub.webhook_deliveries) == len(pieces))
        assert footers(stub, A) == []
        await proc.start()
        await assert_exactly_one_digest(stub, article)


async def test_one_chat_failing_delivery_does_not_hold_up_others(tmp_path: Path) -> None:
    items = news_items()
    other = 1002
    async with running_bot(tmp_path) as (stub, _):
        stub.inject("sendMessage", "500", times=3, chat_id=A)  # A's replies fail for a while
        stub.push_text(A, None, items[0])
        await stub.wait_for(lambda: stub.calls_to("sendMessage", A))
        stub.push_text(other, None, items[1])
        await stub.wait_for(lambda: footers(stub, other), timeout=20)
        assert footers(stub, A) == []  # the other chat was not kept waiting behind A's retries
        await stub.wait_for(lambda: footers(stub, A), timeout=30)
        await asyncio.sleep(1.0)
        assert footers(stub, A) == [1] and footers(stub, other) == [1]
