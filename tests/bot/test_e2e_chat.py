"""End to end, as a reader uses the chat: pastes by shape, digest buttons, searches, local time."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.bot.e2e_support import fixture, footers, news_items, running_bot, split_like_telegram
from tests.support.stub_api import StubBotApi, StubMessage

pytestmark = pytest.mark.e2e
A = 3003


async def ask(stub: StubBotApi, chat: int, text: str) -> StubMessage:
    """Send a message and return the bot's first reply after it."""
    sent = stub.push_text(chat, None, text)
    return await stub.wait_for(
        lambda: next((m for m in stub.messages_to(chat) if m.message_id > sent.message_id), None))


async def test_pastes_are_joined_only_when_a_client_split_them(tmp_path: Path) -> None:
    items = news_items()
    async with running_bot(tmp_path, {"TOMTAT_MERGE_WINDOW": "1.5"}) as (stub, _proc):
        # Three different articles 0.7 s apart: three digests, none waiting for the window.
        for item in items[:3]:
            stub.push_text(A, None, item)
            await asyncio.sleep(0.7)
        await stub.wait_for(lambda: len(footers(stub, A)) == 3, timeout=20)
        assert footers(stub, A) == [1, 2, 3]
        # A paste a client split in three: one digest.
        for piece in split_like_telegram(fixture("e2e_appointments.txt")):
            stub.push_text(A, None, piece)
        await stub.wait_for(lambda: 4 in footers(stub, A), timeout=20)
        # A chat line right after an article is answered on its own, not glued to it.
        stub.push_text(A, None, items[3])
        line = await ask(stub, A, "tóm tắt giúp mình bài này nhé")
        await stub.wait_for(lambda: 5 in footers(stub, A), timeout=20)
        await asyncio.sleep(1.6)
        assert footers(stub, A) == [1, 2, 3, 4, 5]
        assert "ngắn" in (line.text or "") or any(
            "ngắn quá" in (m.text or "") for m in stub.messages_to(A))
        digest5 = next(m for m in stub.messages_to(A) if "· #5" in (m.text or ""))
        assert "tóm tắt giúp" not in (digest5.text or "")


async def test_a_length_button_rewrites_the_digest_in_place(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as (stub, _proc):
        stub.push_text(A, None, news_items()[0])
        await stub.wait_for(lambda: 1 in footers(stub, A), timeout=20)
        digest = next(m for m in stub.messages_to(A) if m.buttons())
        assert [label for label, _ in digest.buttons()][:3] == ["Ngắn", "✓ Vừa", "Dài"]
        before, edits = digest.text or "", digest.edits  # the placeholder became the digest
        query = stub.push_callback(A, None, digest.message_id, digest.button("Dài"))
        await stub.wait_for(lambda: stub.callback_answer(query) is not None)
        await stub.wait_for(lambda: digest.edits > edits, timeout=20)
        assert len(digest.text or "") > len(before) and "#1" in (digest.text or "")
        assert "✓ Dài" in [label for label, _ in digest.buttons()]
        assert footers(stub, A).count(1) == 1  # edited, not sent again


APPOINTMENT = (
    "Bình Sơn bổ nhiệm Giám đốc Sở Xây dựng\n"
    "Chiều 14/10, Chủ tịch UBND tỉnh Bình Sơn đã trao quyết định bổ nhiệm ông Lê Văn Tâm giữ "
    "chức Giám đốc Sở Xây dựng nhiệm kỳ 2026 - 2031. Ông Tâm từng là Phó Giám đốc Sở từ năm "
    "2021. Phát biểu tại buổi lễ, Chủ tịch tỉnh yêu cầu tân giám đốc tập trung đẩy nhanh tiến "
    "độ các công trình giao thông trọng điểm và cải cách thủ tục hành chính trong lĩnh vực xây "
    "dựng."
)
DISPUTE = (
    "Xã Tân Phước dứt điểm tranh chấp đất kéo dài\n"
    "Sau nhiều buổi đối thoại, chính quyền xã Tân Phước đã giải quyết xong vụ tranh chấp đất "
    "giữa hai dòng họ kéo dài hơn mười năm. Các hộ dân đồng ý ký biên bản, ranh giới được cắm "
    "mốc lại. Người dân cho biết đời sống trong thôn nay đã ổn định, con em yên tâm đến trường "
    "và bà con tập trung sản xuất vụ đông."
)


async def test_searches_match_phrases_and_quotes(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as (stub, _proc):
        stub.push_text(A, None, APPOINTMENT)
        await stub.wait_for(lambda: 1 in footers(stub, A), timeout=20)
        stub.push_text(A, None, DISPUTE)
        await stub.wait_for(lambda: 2 in footers(stub, A), timeout=20)
        found = (await ask(stub, A, "/search quyết định")).text or ""
        assert "#1" in found and "#2" not in found  # not «giải quyết … ổn định»
        assert found.count("quyết định") == 2  # the header, once, and the highlighted phrase
        assert "«quyết định»" in found
        quoted = (await ask(stub, A, '/search "bổ nhiệm"')).text or ""
        assert quoted.startswith('Kết quả cho "bổ nhiệm" (1)') and "«bổ nhiệm»" in quoted
        either = (await ask(stub, A, "/search tranh chấp OR Sở Xây dựng")).text or ""
        assert "#1" in either and "#2" in either
        none = (await ask(stub, A, "/search định quyết")).text or ""
        assert none == "Không tìm thấy “định quyết”."


async def test_times_are_shown_in_viet_nam_time(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as (stub, _proc):
        stub.push_text(A, None, news_items()[1])
        await stub.wait_for(lambda: 1 in footers(stub, A), timeout=20)
        page = (await ask(stub, A, "/history")).text or ""
        hanoi = ZoneInfo("Asia/Ho_Chi_Minh")
        near = {(datetime.now(hanoi) + timedelta(minutes=d)).strftime("%d/%m %H:%M")
                for d in (-1, 0)}
        assert any(stamp in page for stamp in near), page


async def test_a_group_member_who_is_no_admin_cannot_clear_the_history(tmp_path: Path) -> None:
    group, member, admin = -7007, 71, 72
    async with running_bot(tmp_path) as (stub, _proc):
        stub.push_text(group, member, "@tomtat_test_bot " + news_items()[2])
        await stub.wait_for(lambda: 1 in footers(stub, group), timeout=20)
        sent = stub.push_text(group, member, "/clear")
        refusal = await stub.wait_for(lambda: next(
            (m for m in stub.messages_to(group) if m.message_id > sent.message_id), None))
        assert "chỉ quản trị viên" in (refusal.text or "")
        stub.state.admins[group] = {admin}
        sent = stub.push_text(group, admin, "/clear")
        confirm = await stub.wait_for(lambda: next(
            (m for m in stub.messages_to(group) if m.message_id > sent.message_id), None))
        assert confirm.buttons() and "Xoá toàn bộ 1 bản" in (confirm.text or "")
