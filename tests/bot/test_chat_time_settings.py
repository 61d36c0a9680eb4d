"""Times in the chat's zone (Việt Nam by default), /settings choices, exports, group rules."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.settings import Settings
from storage import BulkDigest, ChatSettings
from summarizer.digest import Decision, Digest, Official
from tests.bot.conftest import GROUP, OTHER_USER, USER, Harness, make_settings, start_bot

AT = datetime(2026, 3, 1, 5, 13, tzinfo=UTC)  # 12:13 in Hà Nội


def digest(title: str) -> Digest:
    return Digest(title=title, summary="UBND tỉnh chỉ đạo các sở triển khai ngay dự án.",
                  officials=(Official("Trần Văn Minh", ("Chủ tịch UBND tỉnh",)),),
                  decisions=(Decision("UBND tỉnh giao Sở Xây dựng khởi công trước 30/6",
                                      "UBND tỉnh"),),
                  engine="extractive", model=None, input_words=300, summary_words=12,
                  elapsed_ms=4)


async def seed(h: Harness, chat_id: int = USER) -> None:
    await h.rt.store.admin.insert_digests_bulk(
        [BulkDigest(chat_id, USER, "bài về dự án đường tỉnh", digest("Dự án đường tỉnh"), AT)])


async def test_history_shows_the_time_in_viet_nam_by_default(harness: Harness) -> None:
    await seed(harness)
    await harness.send("/history")
    assert "01/03 12:13" in harness.texts()[-1]
    await harness.send("/settings timezone UTC")
    await harness.send("/history")
    assert "01/03 05:13" in harness.texts()[-1]
    await harness.send("/settings timezone Sao/Hoa")
    assert "không biết múi giờ “Sao/Hoa”" in harness.texts()[-1]


async def test_the_default_zone_comes_from_tomtat_timezone(tmp_path: Path) -> None:
    settings = Settings.from_env({"TOMTAT_TIMEZONE": "europe/paris"}, dotenv=tmp_path / ".env")
    assert settings.timezone == "Europe/Paris"
    with pytest.raises(ValueError, match="time zone"):
        Settings.from_env({"TOMTAT_TIMEZONE": "Mars/Olympus"}, dotenv=tmp_path / ".env")
    async with start_bot(make_settings(tmp_path, timezone="Europe/Paris")) as h:
        await seed(h)
        await h.send("/history")
        assert "01/03 06:13" in h.texts()[-1]


async def test_exports_name_the_zone_and_keep_group_members_anonymous(harness: Harness) -> None:
    await seed(harness)
    await harness.send("/export")
    jsonl, md = harness.api.of("sendDocument")
    row = json.loads(next(iter(jsonl.files.values())).decode())
    assert row["created_at"] == "2026-03-01T12:13:00+07:00"
    assert row["timezone"] == "Asia/Ho_Chi_Minh" and row["user_id"] == USER
    assert row["article"] == "bài về dự án đường tỉnh"
    text = next(iter(md.files.values())).decode()
    assert "2026-03-01 12:13 (Asia/Ho_Chi_Minh)" in text
    assert "(UBND tỉnh)" not in text  # the actor already opens the decision
    assert jsonl.params["caption"] and md.params["caption"]  # both files say what they are
    await seed(harness, GROUP)
    await harness.send("/export", chat_id=GROUP)
    group_jsonl = harness.api.of("sendDocument")[-2]
    assert "user_id" not in json.loads(next(iter(group_jsonl.files.values())).decode())


async def test_settings_buttons_tick_close_and_never_edit_for_nothing(harness: Harness) -> None:
    await harness.send("/settings")
    call = harness.api.of("sendMessage")[-1]
    shown = call.params["text"]
    assert "Bộ máy" not in shown and "Múi giờ: Việt Nam (UTC+7)" in shown
    rows = call.params["reply_markup"]["inline_keyboard"]
    labels = [[b["text"] for b in row] for row in rows]
    assert labels[-2] == ["✓ Việt Nam (UTC+7)", "UTC"] and labels[-1] == ["Đóng"]
    mid = call.result["message_id"]
    edits = len(harness.api.of("editMessageText"))
    await harness.press(rows[0][1]["callback_data"], message_id=mid)  # "✓ Vừa" again
    assert len(harness.api.of("editMessageText")) == edits  # no "message is not modified"
    await harness.press(rows[-2][1]["callback_data"], message_id=mid)
    assert (await harness.rt.store.chats.settings(USER)).timezone == "UTC"
    await harness.press(rows[-1][0]["callback_data"], message_id=mid)
    assert harness.api.of("editMessageText")[-1].params["text"] == "Đã lưu cài đặt."


async def test_group_settings_and_clear_need_an_admin(harness: Harness) -> None:
    await harness.send("/settings", chat_id=GROUP, user_id=OTHER_USER)
    assert "chỉ quản trị viên" in harness.texts(GROUP)[-1]
    await harness.press("t:l:long", chat_id=GROUP, user_id=OTHER_USER)
    refusal = harness.api.of("answerCallbackQuery")[-1].params
    assert "chỉ quản trị viên" in refusal["text"] and refusal["show_alert"]
    assert (await harness.rt.store.chats.settings(GROUP)).length == "medium"
    harness.api.admins[GROUP] = {OTHER_USER}
    harness.rt.admins.ttl_s = 0
    await harness.press("t:l:long", chat_id=GROUP, user_id=OTHER_USER)
    assert (await harness.rt.store.chats.settings(GROUP)).length == "long"


async def test_delete_in_a_group_is_for_the_author_or_an_admin(harness: Harness) -> None:
    await seed(harness, GROUP)  # sent by USER
    await harness.send("/delete 1", chat_id=GROUP, user_id=OTHER_USER)
    assert "Chỉ người đã gửi bài hoặc quản trị viên" in harness.texts(GROUP)[-1]
    assert await harness.rt.store.digests.get(GROUP, 1) is not None
    await harness.send("/delete 1", chat_id=GROUP, user_id=USER)  # its own author
    assert await harness.rt.store.digests.get(GROUP, 1) is None


async def test_a_settings_button_reads_the_chat_settings_once(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    chats = harness.rt.store.chats
    reads: list[int] = []
    read = chats.settings

    async def counted(chat_id: int) -> ChatSettings:
        reads.append(chat_id)
        return await read(chat_id)

    monkeypatch.setattr(chats, "settings", counted)
    await harness.press("t:l:long")
    assert reads == [USER]  # the reply language and the current choice come from one read
    assert (await read(USER)).length == "long"
    assert "✓ Dài" in str(harness.api.of("editMessageText")[-1].params["reply_markup"])
