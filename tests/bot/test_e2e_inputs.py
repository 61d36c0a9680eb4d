"""End to end: bad input gets one clear reply and stores nothing; odd text is echoed safely."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.bot.e2e_support import footers, news_items, running_bot, shown
from tests.support.stub_api import StubBotApi, StubMessage

pytestmark = pytest.mark.e2e

MARKUP_ARTICLE = (
    "Công ty <Hòa & Bình> ký hợp đồng *trị giá* 120 tỷ đồng với đối tác <b>Sao Mai</b>.\n"
    "Theo ông Trần Văn Tâm, giám đốc công ty A&B, dự án gồm 3 giai đoạn _từ 2025 đến 2027_ "
    "và dùng công nghệ `xử lý nước thải` của đối tác.\n"
    "Hợp đồng ghi rõ điều khoản <i>phạt chậm tiến độ</i> & bảo hành 5 năm; phía đối tác cam kết "
    "đào tạo kỹ sư cho nhà máy ở tỉnh [Bình Thuận] trước khi bàn giao.\n"
    "Ông Tâm cho biết nếu dự án đúng hạn, lượng nước thải xử lý sẽ tăng gấp đôi, đáp ứng yêu cầu "
    "của Sở Tài nguyên & Môi trường về bảo vệ nguồn nước sông Cái."
)
ENGLISH = (
    "The city council approved a new budget for road repairs on Monday. Officials said the work "
    "would begin next month and last until the end of the year, with night shifts planned to "
    "reduce traffic jams. Residents were asked to follow detour signs and use public transport "
    "where possible during the busiest weeks of the project."
)


def transient(message: StubMessage) -> bool:
    """A status or placeholder message, edited into the answer once it is ready."""
    body = message.text or ""
    return body.startswith(shown("working")) or body == shown("delivering")


async def reply_to(stub: StubBotApi, sent: StubMessage, timeout: float = 15) -> str:
    """The bot's first message in the chat after `sent` (once it is an answer, not a status)."""
    found = await stub.wait_for(lambda: next(
        (m for m in stub.messages_to(sent.chat_id)
         if m.message_id > sent.message_id and not transient(m)), None),
        timeout=timeout)
    return found.text or found.caption or ""


async def test_bad_input_matrix(tmp_path: Path) -> None:
    items = news_items()
    async with running_bot(tmp_path) as (stub, _):
        replies: dict[str, tuple[str, str]] = {}  # case → (reply, expected)

        async def case(name: str, sent: StubMessage, expected: str) -> None:
            replies[name] = (await reply_to(stub, sent), expected)

        await case("url", stub.push_text(4001, None, "http://10.0.0.1/tin-moi-123.html"),
                   shown("link_blocked", host="10.0.0.1", reason="private"))
        await case("english", stub.push_text(4002, None, ENGLISH), shown("not_vietnamese"))
        sticker = {"file_id": "st1", "file_unique_id": "ust1", "type": "regular", "width": 512,
                   "height": 512, "is_animated": False, "is_video": False}
        await case("sticker", stub.push_message(4003, None, sticker=sticker),
                   shown("media_no_text"))
        await case("voice", stub.push_message(
            4004, None, voice={"file_id": "v1", "file_unique_id": "uv1", "duration": 3}),
            shown("media_no_text"))
        await case("pdf", stub.push_document(4005, None, b"%PDF-1.7 ...", filename="bai.pdf",
                                             mime_type="application/pdf"), shown("doc_type"))
        await case("binary", stub.push_document(4006, None, bytes(range(256)) * 40,
                                                filename="bai.txt"), shown("doc_binary"))
        big = ("Bản tin dài. " * 90_000).encode()[:1_100_000]
        sent = stub.push_document(4007, None, big, filename="dai.txt")
        replies["big doc"] = (await reply_to(stub, sent), shown(
            "doc_too_big", size=len(big) // 1024, limit=1_000_000 // 1024))
        emoji = stub.push_text(4008, None, "😀")
        got = await reply_to(stub, emoji)
        assert got in (shown("short"), shown("no_letters")), got

        # A 1 MB paste arrives as 250 client-split messages: the first article's worth is kept,
        # the rest is refused by one polite message.
        filler = ("Người dân phường Hòa Bình phản ánh tình trạng ngập úng kéo dài. " * 70)[:4000]
        for _ in range(250):
            stub.push_text(4009, None, filler)
        overflow = shown("paste_overflow", limit="X", dropped="Y").split("(")[0]

        def refusals() -> list[str]:
            return [m.text or "" for m in stub.messages_to(4009)
                    if (m.text or "").startswith(overflow)]

        await stub.wait_for(lambda: refusals() and footers(stub, 4009), timeout=60)
        await asyncio.sleep(1.0)
        assert len(refusals()) == 1 and footers(stub, 4009) == [1]

        # Documents in UTF-8 and UTF-16 are read; text full of markup characters is echoed safely.
        stub.push_document(4010, None, items[0].encode("utf-8"), filename="bai.txt")
        stub.push_document(4011, None, items[1].encode("utf-16"), filename="bai.md")
        stub.push_text(4012, None, MARKUP_ARTICLE)
        messy = items[2].replace(" ", " \u200b", 10).replace("\n", "\x07\n", 1)
        stub.push_text(4013, None, messy)
        for chat in (4010, 4011, 4012, 4013):
            await stub.wait_for(lambda c=chat: footers(stub, c), timeout=20)
        markup_digest = "\n".join(m.text or "" for m in stub.messages_to(4012))
        assert "<Hòa & Bình>" in markup_digest and "<b>Sao Mai</b>" in markup_digest
        assert "\x07" not in "\n".join(m.text or "" for m in stub.messages_to(4013))

        # An edited message gets a note, never a second digest.
        article = stub.push_text(4014, None, items[3])
        await stub.wait_for(lambda: footers(stub, 4014))
        stub.push_edit(4014, article.message_id, items[3] + " Cập nhật thêm.")
        await stub.wait_for(lambda: any(m.text == shown("edited") for m in stub.messages_to(4014)))

        await asyncio.sleep(1.0)
        for name, (got, expected) in replies.items():
            assert got == expected, name
        for chat in (4001, 4002, 4003, 4006, 4007):
            sent = stub.push_text(chat, None, "/history")
            assert await reply_to(stub, sent) == shown("history_empty"), chat
        assert footers(stub, 4014) == [1]
        assert [why for _, why in stub.errors if "parse entities" in why] == []
        for chat in range(4001, 4015):
            assert all(m.text != shown("error") for m in stub.messages_to(chat)), chat


async def test_allow_lists_check_the_user_in_groups(tmp_path: Path) -> None:
    group, member, stranger = -100500, 501, 502
    article = news_items()[4]
    env = {"TOMTAT_ALLOWED_CHATS": str(group), "TOMTAT_ALLOWED_USERS": str(member)}
    async with running_bot(tmp_path, env) as (stub, _):
        sent = stub.push_text(group, stranger, "/summarize " + article)
        assert await reply_to(stub, sent) == shown("refused", user_id=stranger)
        sent = stub.push_text(stranger, stranger, article)
        assert await reply_to(stub, sent) == shown("refused", user_id=stranger)
        stub.push_text(group, member, "/summarize " + article)
        await stub.wait_for(lambda: footers(stub, group), timeout=20)
        sent = stub.push_text(group, member, "/history")
        page = await reply_to(stub, sent)
        assert "#1" in page and "#2" not in page  # the stranger's article was never stored
        await asyncio.sleep(0.5)
        assert footers(stub, group) == [1] and footers(stub, stranger) == []
