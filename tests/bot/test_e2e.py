"""End to end: the real `tomtat run` process, driven through the stub Bot API like a user would."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from bot.views.callbacks import HistoryNav, Show, decode
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
from tests.support.stub_api import StubBotApi, StubMessage

pytestmark = pytest.mark.e2e
A, B = 1001, 2002


async def ask(stub: StubBotApi, chat: int, text: str, user: int | None = None) -> StubMessage:
    """Send a message and return the bot's first reply after it."""
    sent = stub.push_text(chat, user, text)
    return await stub.wait_for(
        lambda: next((m for m in stub.messages_to(chat) if m.message_id > sent.message_id), None))


async def press(stub: StubBotApi, chat: int, message: StubMessage, data: str) -> None:
    """Press a button and wait until the bot answered the query."""
    query = stub.push_callback(chat, None, message.message_id, data)
    await stub.wait_for(lambda: stub.callback_answer(query) is not None)


def button(message: StubMessage, want: type, **fields: object) -> str:
    """The callback data of the message's button decoding to `want` with those fields."""
    for _, data in message.buttons():
        action = decode(data)
        if isinstance(action, want) and all(getattr(action, k) == v for k, v in fields.items()):
            return str(data)
    raise LookupError(f"no {want.__name__} {fields} among {message.buttons()}")


def render_errors(stub: StubBotApi) -> list[str]:
    """Telegram refusals a user would notice as missing or broken replies."""
    return [f"{call.method}: {why}" for call, why in stub.errors
            if "parse entities" in why or "too long" in why or "empty" in why]


async def test_scripted_conversation(tmp_path: Path) -> None:
    article = fixture("e2e_appointments.txt")
    items = news_items()
    async with running_bot(tmp_path) as (stub, proc):
        # A paste split by the client into three messages gives exactly one digest.
        pieces = split_like_telegram(article)
        assert len(pieces) == 3
        for piece in pieces:
            stub.push_text(A, None, piece)
        await stub.wait_for(lambda: footers(stub, A), timeout=20)
        await asyncio.sleep(1.5)  # longer than the merge window: nothing else may follow
        assert footers(stub, A) == [1]
        expected = expected_chunks(article, 1)
        assert digest_sources(stub, A, 1, len(expected)) == expected  # long digests: all parts

        for number, item in enumerate(items[:6], start=2):
            await digest_of(stub, A, item, number)
        assert footers(stub, A) == [1, 2, 3, 4, 5, 6, 7]

        # /history: newest first, five per page, paged with the buttons in place.
        page = await ask(stub, A, "/history")
        assert "#7" in page.text and "#3" in page.text and "#2" not in page.text
        edits = page.edits
        await press(stub, A, page, button(page, HistoryNav, after=None))
        await stub.wait_for(lambda: page.edits > edits)
        assert "#2" in page.text and "#1" in page.text and "#7" not in page.text
        await press(stub, A, page, button(page, HistoryNav, before=None))
        await stub.wait_for(lambda: "#7" in page.text)
        await press(stub, A, page, button(page, Show, number=5))
        await stub.wait_for(lambda: footers(stub, A).count(5) == 2)  # digest #5 shown again

        # /search without diacritics finds the bridge article (#2).
        found = await ask(stub, A, "/search cau thuy tien")
        assert "#2" in found.text and "Thủy Tiên" in found.text
        assert (await ask(stub, A, "/search xe lua cao toc")).text == shown(
            "search_empty", query="“xe lua cao toc”")

        # A second chat sees none of the first chat's history, even with A's buttons.
        empty = await ask(stub, B, "/history")
        assert empty.text == shown("history_empty")
        assert (await ask(stub, B, "/search cau thuy tien")).text == shown(
            "search_empty", query="“cau thuy tien”")
        assert (await ask(stub, B, "/show 2")).text == shown("not_found", number=2)
        for data in (button(page, Show, number=5), button(page, HistoryNav, after=None)):
            await press(stub, B, empty, data)
        await digest_of(stub, B, items[1], 1)  # B's own first digest, not "already summarised"
        await asyncio.sleep(0.5)
        leaked = [m.text for m in stub.messages_to(B)
                  if any(word in (m.text or "") for word in ("Hòa Nam", "Thủy Tiên", "#5"))]
        assert leaked == [] and footers(stub, B) == [1]
        for chat in (A, B):
            assert all(m.text != shown("error") for m in stub.messages_to(chat))

        assert render_errors(stub) == []
        assert await proc.stop() == 0  # SIGTERM: clean shutdown
        assert "tomtat stopped" in proc.log()


def test_long_digest_fixture_needs_several_messages() -> None:
    chunks = expected_chunks(fixture("e2e_appointments.txt"), 1)
    # The multi-part delivery tests rest on this fixture: if it stops needing two messages,
    # they would test nothing, so this fails instead of skipping.
    assert len(chunks) >= 2, "the fixture no longer makes a multi-part digest"
    assert all(len(chunk) <= 4096 for chunk in chunks)


async def test_webhook_mode(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/tomtat/hook"
    args = ("--webhook-url", url, "--listen", "127.0.0.1", "--port", str(port))
    async with running_bot(tmp_path, {"TOMTAT_WEBHOOK_SECRET": "e2e-secret_1"}, args,
                           webhook_retry_delay=0.2) as (stub, proc):
        assert stub.webhook_secret == "e2e-secret_1"
        help_reply = await ask(stub, A, "/help")
        assert help_reply.text == shown("help")
        for piece in split_like_telegram(fixture("e2e_appointments.txt")):
            stub.push_text(A, None, piece)
        await stub.wait_for(lambda: footers(stub, A), timeout=20)
        await asyncio.sleep(1.0)
        assert footers(stub, A) == [1]
        delivered = [d.update_id for d in stub.webhook_deliveries]
        assert sorted(delivered) == sorted(stub.pushed_at)  # each update exactly once
        assert all(d.status == 200 and d.seconds < 1.0 for d in stub.webhook_deliveries)
        assert stub.calls_to("getUpdates") == []
        forged = ('{"update_id": 1, "message": {"message_id": 1, "date": 0, "text": "/help",'
                  f' "chat": {{"id": {B}, "type": "private"}}}}}}')
        async with httpx.AsyncClient() as client:
            wrong = await client.post(url, content=forged,
                                      headers={"X-Telegram-Bot-Api-Secret-Token": "nope"})
        assert wrong.status_code == 403
        await asyncio.sleep(0.3)
        assert stub.messages_to(B) == []
        assert await proc.stop() == 0
