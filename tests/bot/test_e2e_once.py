"""End to end: a digest is shown once, even when the bot dies or loses the answer to a send."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import pytest

from tests.bot.e2e_support import (
    expected_chunks,
    fixture,
    footers,
    news_items,
    running_bot,
    split_like_telegram,
)
from tests.support.stub_api import ApiCall

pytestmark = pytest.mark.e2e
A = 1001
SENDS = ("sendMessage", "editMessageText")


def carries_digest(call: ApiCall) -> bool:
    return call.method in SENDS and call.chat_id == A and "#1" in (call.get("text") or "")


async def test_a_lost_answer_to_a_send_never_shows_a_digest_twice(tmp_path: Path) -> None:
    article = news_items()[0]
    async with running_bot(tmp_path) as (stub, _):
        for method in SENDS:  # Telegram acts on the call, the bot never hears back
            stub.inject(method, "drop_after", chat_id=A)
        stub.push_text(A, None, article)
        await stub.wait_for(lambda: footers(stub, A), timeout=30)
        await asyncio.sleep(2.0)
        assert footers(stub, A) == [1]


@pytest.mark.parametrize("name", ["short", "long"])
async def test_sigkill_right_after_a_send_never_shows_a_digest_twice(
    tmp_path: Path, name: str
) -> None:
    article = news_items()[0] if name == "short" else fixture("e2e_appointments.txt")
    parts = len(expected_chunks(article, 1))
    async with running_bot(tmp_path) as (stub, proc):
        killed = asyncio.Event()

        def kill_on_digest(call: ApiCall) -> None:
            # Telegram has the message; the bot dies before it hears so, let alone records it.
            if not killed.is_set() and carries_digest(call):
                proc.kill(signal.SIGKILL)
                killed.set()

        stub.on_call = kill_on_digest
        for piece in split_like_telegram(article):
            stub.push_text(A, None, piece)
        await asyncio.wait_for(killed.wait(), 30)
        await proc.wait()
        stub.on_call = None
        await proc.start()
        await stub.wait_for(lambda: footers(stub, A), timeout=30)
        await asyncio.sleep(2.5)
        assert footers(stub, A) == [1]
        digest_messages = [m for m in stub.messages_to(A) if (m.text or "").strip()]
        assert len(digest_messages) >= parts
