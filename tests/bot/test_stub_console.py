"""Trying the bot without Telegram: the stub console as the README describes it."""

from __future__ import annotations

import httpx
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode

from tests.support.stub_api import StubBotApi
from tests.support.stub_api.console import Console, client_pieces
from tests.support.stub_api.model import ApiCall


async def test_any_well_formed_token_is_accepted_and_a_refusal_is_explained() -> None:
    refused: list[str] = []
    async with StubBotApi(accept_any_token=True) as stub:
        stub.on_refused_token = refused.append
        async with Bot("123456:TEST", base_url=stub.base_url) as bot:
            assert bot.username == "tomtat_test_bot"  # the README's token works as written
        async with httpx.AsyncClient() as client:
            response = await client.post(f"{stub.base_url}not-a-token/getMe")
    assert response.status_code == 401 and refused == ["not-a-token"]


async def test_the_console_shows_ids_plain_text_and_buttons(capsys: object) -> None:
    async with StubBotApi(accept_any_token=True) as stub:
        console = Console(stub, chat=1001)
        shown: list[tuple[ApiCall, object]] = []
        stub.on_result = lambda call, result: shown.append((call, result))
        async with Bot("42:abc", base_url=stub.base_url) as bot:
            stub.push_text(1001, None, "xin chào")
            keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Dài", callback_data="r:1:l")]])
            sent = await bot.send_message(1001, "<b>Tiêu đề</b> &amp; nội dung",
                                          parse_mode=ParseMode.HTML, reply_markup=keyboard)
        for call, result in shown:
            console.show(call, result)
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert f"message #{sent.message_id}]" in out
    assert "Tiêu đề & nội dung" in out and "<b>" not in out
    assert f"[Dài → :press {sent.message_id} r:1:l]" in out


def test_a_paste_is_split_where_a_client_would() -> None:
    line = "Tỉnh họp bàn kế hoạch phát triển kinh tế năm tới."
    article = "\n".join(f"Đoạn {i}: " + " ".join([line] * 20) for i in range(20))
    pieces = client_pieces(article)
    assert len(pieces) > 1 and all(len(p) <= 4096 for p in pieces)
    assert "\n".join(pieces) == article  # cut at line breaks, nothing lost
    assert client_pieces("một dòng\nhai dòng") == ["một dòng\nhai dòng"]  # one message


async def test_console_commands_send_as_a_user_would() -> None:
    async with StubBotApi() as stub:
        console = Console(stub, chat=-500)
        console._handle(":as 77")
        console._handle("một dòng\nhai dòng")
        console._handle(":admin 77")
        (message,) = [m for m in stub.state.messages[-500].values()]
        assert message.text == "một dòng\nhai dòng" and message.user_id == 77
        assert stub.state.admins[-500] == {77}
