"""The stub Bot API speaks PTB's wire format and fails the way Telegram does when told to."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import httpx
import pytest
import tornado.httpserver
import tornado.netutil
import tornado.web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.request import HTTPXRequest

from tests.support.stub_api import DEFAULT_TOKEN, StubBotApi


@pytest.fixture
async def stub() -> AsyncIterator[StubBotApi]:
    async with StubBotApi() as server:
        yield server


@pytest.fixture
async def bot(stub: StubBotApi) -> AsyncIterator[Bot]:
    request = HTTPXRequest(read_timeout=3.0)
    client = Bot(DEFAULT_TOKEN, base_url=stub.base_url, base_file_url=stub.base_file_url,
                 request=request, get_updates_request=HTTPXRequest(read_timeout=3.0))
    async with client:
        yield client


async def test_get_me_and_wrong_token(stub: StubBotApi, bot: Bot) -> None:
    assert bot.username == "tomtat_test_bot"
    async with httpx.AsyncClient() as client:
        response = await client.post(f"{stub.base_url}999:wrong/getMe")
    assert response.status_code == 401


async def test_long_polling_waits_for_an_update_and_offset_confirms(
    stub: StubBotApi, bot: Bot
) -> None:
    async def later() -> None:
        await asyncio.sleep(0.3)
        stub.push_text(1001, None, "/help")

    started = time.monotonic()
    task = asyncio.create_task(later())
    updates = await bot.get_updates(timeout=5)
    await task
    assert 0.2 < time.monotonic() - started < 3
    message = updates[0].message
    assert len(updates) == 1 and message is not None and message.text == "/help"
    assert message.entities[0].type == "bot_command"
    again = await bot.get_updates(timeout=0)
    assert [u.update_id for u in again] == [updates[0].update_id]  # not yet confirmed
    assert await bot.get_updates(offset=updates[0].update_id + 1, timeout=0) == ()


async def test_redelivered_update_keeps_its_id(stub: StubBotApi, bot: Bot) -> None:
    stub.push_text(1001, None, "xin chào")
    first = await bot.get_updates(timeout=0)
    stub.redeliver(first[0].update_id)
    second = await bot.get_updates(offset=first[0].update_id + 1, timeout=0)
    assert [u.update_id for u in second] == [first[0].update_id]


async def test_html_is_validated_like_telegram(stub: StubBotApi, bot: Bot) -> None:
    stub.push_text(1001, None, "xin chào")
    sent = await bot.send_message(1001, "<b>Tóm tắt</b> &amp; ý chính", parse_mode=ParseMode.HTML)
    assert stub.messages_to(1001)[0].text == "Tóm tắt & ý chính"
    assert sent.message_id == 2
    for bad in ("<b>không đóng", "<div>x</div>", "a < b"):
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
            await bot.send_message(1001, bad, parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)too long"):
        await bot.send_message(1001, "ă" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)empty"):
        await bot.send_message(1001, "<b> </b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(2002, "ai đó")
    assert len(stub.messages_to(1001)) == 1


async def test_edits_deletes_and_buttons(stub: StubBotApi, bot: Bot) -> None:
    stub.push_text(1001, None, "xin chào")
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("▶", callback_data="h:2")]])
    sent = await bot.send_message(1001, "Đang tóm tắt…", reply_markup=keyboard)
    with pytest.raises(BadRequest, match=r"(?i)not modified"):
        await bot.edit_message_text("Đang tóm tắt…", 1001, sent.message_id, reply_markup=keyboard)
    await bot.edit_message_text("Xong", 1001, sent.message_id)
    message = stub.messages_to(1001)[0]
    assert (message.text, message.edits, message.buttons()) == ("Xong", 1, [])
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        too_long = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="x" * 65)]])
        await bot.send_message(1001, "nút", reply_markup=too_long)
    await bot.delete_message(1001, sent.message_id)
    assert stub.messages_to(1001) == []
    with pytest.raises(BadRequest, match=r"(?i)not found"):
        await bot.edit_message_text("Lại", 1001, sent.message_id)


async def test_callback_query_is_answered_once(stub: StubBotApi, bot: Bot) -> None:
    stub.push_text(1001, None, "xin chào")
    sent = await bot.send_message(
        1001, "Lịch sử",
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("▶", callback_data="h:2")]]))
    query_id = stub.push_callback(1001, None, sent.message_id, "h:2")
    update = (await bot.get_updates(timeout=1))[-1]
    assert update.callback_query is not None and update.callback_query.data == "h:2"
    assert update.callback_query.message is not None
    assert update.callback_query.message.message_id == sent.message_id
    await update.callback_query.answer("Đã hết hạn")
    assert stub.callback_answer(query_id) == "Đã hết hạn"
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await update.callback_query.answer()


async def test_documents_go_both_ways(stub: StubBotApi, bot: Bot) -> None:
    stub.push_document(1001, None, "Bài báo".encode("utf-16"), filename="bài báo #1?.txt")
    update = (await bot.get_updates(timeout=1))[0]
    assert update.message is not None
    document = update.message.document
    assert document is not None and document.file_name == "bài báo #1?.txt"
    data = await (await document.get_file()).download_as_bytearray()
    assert bytes(data).decode("utf-16") == "Bài báo"
    await bot.send_document(1001, b'{"n": 1}\n', filename="lich-su.jsonl", caption="Xuất")
    sent = stub.messages_to(1001)[0]
    assert sent.document is not None and sent.document.filename == "lich-su.jsonl"
    assert sent.document.content == b'{"n": 1}\n' and sent.caption == "Xuất"


async def test_injected_faults(
    stub: StubBotApi, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # RetryAfter's message reads retry_after
    stub.push_text(1001, None, "xin chào")
    stub.inject("sendMessage", "429", retry_after=3)
    with pytest.raises(RetryAfter, match="Retry in 0:00:03"):
        await bot.send_message(1001, "một")
    stub.inject("sendMessage", "500", times=2)
    for _ in range(2):
        with pytest.raises(NetworkError):
            await bot.send_message(1001, "hai")
    stub.inject("sendMessage", "drop")
    with pytest.raises(NetworkError):
        await bot.send_message(1001, "ba")
    assert stub.messages_to(1001) == []  # none of the failed calls had an effect
    stub.inject("sendMessage", "drop_after")
    with pytest.raises(NetworkError):
        await bot.send_message(1001, "bốn")
    assert [m.text for m in stub.messages_to(1001)] == ["bốn"]  # sent, but the answer was lost
    stub.inject("sendMessage", "slow", delay=0.5)
    started = time.monotonic()
    await bot.send_message(1001, "năm")
    assert time.monotonic() - started >= 0.5
    stub.inject("sendChatAction", "slow", delay=1.0)
    with pytest.raises(TimedOut):
        await bot.send_chat_action(1001, "typing", read_timeout=0.3)
    assert [c.fault for c in stub.calls_to("sendMessage")] == [
        "429", "500", "500", "drop", "drop_after", "slow"]


async def test_webhook_delivery_with_secret(stub: StubBotApi, bot: Bot) -> None:
    received: list[tuple[str | None, bytes]] = []

    class Hook(tornado.web.RequestHandler):
        def post(self) -> None:
            received.append((self.request.headers.get("X-Telegram-Bot-Api-Secret-Token"),
                             self.request.body))

    sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
    server = tornado.httpserver.HTTPServer(tornado.web.Application([(r"/hook", Hook)]))
    server.add_sockets(sockets)
    try:
        url = f"http://127.0.0.1:{sockets[0].getsockname()[1]}/hook"
        await bot.set_webhook(url, secret_token="s3cret-token")
        assert (await bot.get_webhook_info()).url == url
        with pytest.raises(Exception, match="webhook is active"):
            await bot.get_updates(timeout=0)
        stub.push_text(1001, None, "qua webhook")
        await stub.wait_for(lambda: stub.webhook_deliveries, timeout=5)
        assert received[0][0] == "s3cret-token" and "qua webhook" in received[0][1].decode()
        assert (await bot.get_webhook_info()).pending_update_count == 0
        await bot.delete_webhook()
    finally:
        server.stop()
