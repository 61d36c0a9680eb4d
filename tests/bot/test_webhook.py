"""Webhook mode answers Telegram once the update is stored, never waits for slow work."""

from __future__ import annotations

import asyncio
import socket
import tracemalloc
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.settings import Settings
from bot.transport.webhook import SECRET_HEADER, WebhookConfig, serve_webhook
from tests.support.stub_api import DEFAULT_TOKEN, StubBotApi


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Recorder:
    """Handler side: what was handled, and how long each handler takes."""

    def __init__(self) -> None:
        self.stored: list[str] = []
        self.finished: list[str] = []
        self.delay = 0.05

    async def handle(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        text = update.effective_message.text or ""
        await asyncio.sleep(0.05)  # stands for writing the fragment to the database
        self.stored.append(text)
        await asyncio.sleep(self.delay)
        self.finished.append(text)


Served = tuple[StubBotApi, Recorder, WebhookConfig, list[str], Callable[[], Awaitable[None]]]
# Far longer than a clean shutdown needs (ack_within_s 0.5 s), far shorter than slow work.
SHUTDOWN_BOUND_S = 10.0


@pytest.fixture
async def served() -> AsyncIterator[Served]:
    recorder = Recorder()
    events: list[str] = []
    async with StubBotApi(webhook_retry_delay=0.1) as stub:
        async def post_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
            events.append("post_shutdown")

        app = (ApplicationBuilder().token(DEFAULT_TOKEN).base_url(stub.base_url)
               .updater(None).post_shutdown(post_shutdown).build())
        app.add_handler(MessageHandler(filters.TEXT, recorder.handle))
        port = free_port()
        config = WebhookConfig(url=f"http://127.0.0.1:{port}/tomtat/hook", port=port,
                               secret="right-secret", ack_within_s=0.5)
        stop = asyncio.Event()
        task = asyncio.create_task(serve_webhook(app, config, stop))

        async def shut_down() -> None:
            stop.set()
            await asyncio.wait_for(task, SHUTDOWN_BOUND_S)

        await stub.wait_for(lambda: stub.webhook_url, timeout=5)
        events.append("serving")
        yield stub, recorder, config, events, shut_down
        if not task.done():
            await shut_down()
        assert events[-1] == "post_shutdown"


async def test_update_is_stored_before_telegram_gets_its_answer(served: Any) -> None:
    stub, recorder, _config, *_ = served
    stub.push_text(1001, None, "bài báo")
    await stub.wait_for(lambda: stub.webhook_deliveries, timeout=5)
    assert recorder.stored == ["bài báo"]
    assert [d.status for d in stub.webhook_deliveries] == [200]
    assert stub.calls_to("setWebhook")[0].get("secret_token") == "right-secret"
    assert stub.calls_to("getUpdates") == []


async def test_slow_handler_is_answered_at_once_and_not_redelivered(served: Any) -> None:
    stub, recorder, config, *_ = served
    recorder.delay = 1.0
    stub.push_text(1001, None, "chậm")
    await stub.wait_for(lambda: stub.webhook_deliveries, timeout=5)
    assert stub.webhook_deliveries[0].seconds < config.ack_within_s + 0.3
    await stub.wait_for(lambda: recorder.finished, timeout=5)
    assert [d.update_id for d in stub.webhook_deliveries] == [min(stub.pushed_at)]


async def test_wrong_or_missing_secret_is_refused(served: Any) -> None:
    _stub, recorder, config, *_ = served
    body = ('{"update_id": 1, "message": {"message_id": 1, "date": 0, "text": "giả mạo",'
            ' "chat": {"id": 5, "type": "private"}}}')
    url = f"http://127.0.0.1:{config.port}{config.path}"
    async with httpx.AsyncClient() as client:
        wrong = await client.post(url, content=body, headers={SECRET_HEADER: "wrong"})
        missing = await client.post(url, content=body)
        right = await client.post(url, content=body, headers={SECRET_HEADER: "right-secret"})
    assert (wrong.status_code, missing.status_code, right.status_code) == (403, 403, 200)
    assert recorder.stored == ["giả mạo"]


async def test_slow_work_in_flight_does_not_block_shutdown(served: Any) -> None:
    stub, recorder, _config, events, shut_down = served
    recorder.delay = 3600.0  # work that would never end on its own
    stub.push_text(1001, None, "đang xử lý")
    await stub.wait_for(lambda: stub.webhook_deliveries, timeout=5)
    assert recorder.stored == ["đang xử lý"] and recorder.finished == []
    await shut_down()  # a TimeoutError here: shutdown waited for the slow work
    assert events == ["serving", "post_shutdown"] and recorder.finished == []


def test_config_from_settings_generates_a_secret() -> None:
    settings = Settings.from_env({"TOMTAT_WEBHOOK_URL": "https://example.org/tg/hook",
                                  "TOMTAT_WEBHOOK_PORT": "9000"})
    config = WebhookConfig.from_settings(settings)
    assert (config.path, config.port, config.listen) == ("/tg/hook", 9000, "127.0.0.1")
    assert len(config.secret) >= 32
    assert config.secret != WebhookConfig.from_settings(settings).secret
    fixed = Settings.from_env({"TOMTAT_WEBHOOK_URL": "https://e.org/h",
                               "TOMTAT_WEBHOOK_SECRET": "abc_DEF-1"})
    assert WebhookConfig.from_settings(fixed).secret == "abc_DEF-1"
    assert "abc_DEF-1" not in repr(fixed)


async def test_a_huge_body_without_the_secret_is_refused_before_it_is_read(served: Any) -> None:
    _stub, recorder, config, *_ = served
    url = f"http://127.0.0.1:{config.port}{config.path}"
    chunk = b"x" * 65536
    total = 50 * 1024 * 1024
    sent = 0

    async def body() -> AsyncIterator[bytes]:
        nonlocal sent
        while sent < total:
            sent += len(chunk)
            yield chunk

    tracemalloc.start()
    try:
        async with httpx.AsyncClient(timeout=30) as client:
            try:
                answer = await client.post(url, content=body(), headers={
                    "Content-Length": str(total)})
                status: int | None = answer.status_code
            except httpx.TransportError:  # the server hung up on the rest of the body
                status = None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    print(f"sent {sent / 2**20:.1f} MiB of 50, peak traced memory {peak / 2**20:.1f} MiB")
    assert status in (None, 403)
    assert sent < 10 * 2**20, f"{sent / 2**20:.0f} MiB were taken in before the refusal"
    assert peak < 10 * 2**20, f"memory grew by {peak / 2**20:.0f} MiB"
    assert recorder.stored == []


@pytest.mark.parametrize("body", [
    b"[]", b"null", b'{"update_id": 1, "message": "x"}', b'"update"', b"{}",
    b'{"update_id": "1"}', b'{"update_id": 1, "message": {"message_id": "a"}}',
    b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    b"{not json", b"\xff\xfe\x00", b"",
])
async def test_anything_but_an_update_is_a_client_error(served: Any, body: bytes) -> None:
    _stub, recorder, config, *_ = served
    url = f"http://127.0.0.1:{config.port}{config.path}"
    async with httpx.AsyncClient() as client:
        answer = await client.post(url, content=body, headers={SECRET_HEADER: "right-secret"})
    assert answer.status_code == 400
    assert recorder.stored == []


async def test_a_body_over_the_limit_is_refused_even_with_the_secret(served: Any) -> None:
    _stub, recorder, config, *_ = served
    url = f"http://127.0.0.1:{config.port}{config.path}"
    body = b'{"update_id": 1, "x": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    async with httpx.AsyncClient() as client:
        try:
            status: int | None = (await client.post(
                url, content=body, headers={SECRET_HEADER: "right-secret"})).status_code
        except httpx.TransportError:
            status = None
    assert status in (None, 413)
    assert recorder.stored == []


def _text_update(update_id: int, chat_id: int, text: str) -> str:
    return (f'{{"update_id": {update_id}, "message": {{"message_id": {update_id}, "date": 0,'
            f' "text": "{text}", "chat": {{"id": {chat_id}, "type": "private"}}}}}}')


async def test_a_slow_update_of_one_chat_holds_up_no_other_chat(served: Any) -> None:
    _stub, recorder, config, *_ = served
    recorder.delay = 2.0  # e.g. a large document being read
    url = f"http://127.0.0.1:{config.port}{config.path}"
    headers = {SECRET_HEADER: "right-secret"}
    async with httpx.AsyncClient() as client:
        slow = asyncio.create_task(client.post(url, content=_text_update(1, 7001, "tài liệu"),
                                               headers=headers))
        await asyncio.sleep(0.2)
        quick = await client.post(url, content=_text_update(2, 7002, "/help"), headers=headers)
        assert quick.status_code == 200
        assert "/help" in recorder.stored and recorder.finished == []
        await slow
