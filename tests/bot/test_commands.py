"""Commands a reader uses: start/help, show, delete, officials, export, settings."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from storage import BulkDigest
from summarizer.digest import Decision, Digest, Official
from tests.bot.conftest import USER, Harness


def digest(title: str, person: str) -> Digest:
    return Digest(title=title, summary=f"{person} chỉ đạo triển khai dự án {title}.",
                  officials=(Official(person, ("Chủ tịch UBND tỉnh",)),),
                  decisions=(Decision("Hoàn thành trước 30/6."),), engine="extractive",
                  model=None, input_words=300, summary_words=12, elapsed_ms=4)


async def seed(h: Harness, n: int, person: str = "Trần Văn Minh") -> None:
    now = datetime.now(UTC)
    await h.rt.store.admin.insert_digests_bulk([
        BulkDigest(USER, USER, f"bài số {i} về dự án", digest(f"Dự án {i}", person), now)
        for i in range(n)
    ])


async def test_start_and_help_follow_the_telegram_language(harness: Harness) -> None:
    await harness.send("/start")
    await harness.send("/help", language="en")
    vi, en = harness.texts()
    assert "Xin chào" in vi and "/history" in en and "How to use" in en


async def test_commands_menu_is_registered_in_both_languages(harness: Harness) -> None:
    calls = harness.api.of("setMyCommands")
    assert len(calls) == 2
    names = [c["command"] for c in calls[0].params["commands"]]
    assert {"history", "search", "export", "settings", "stats"} <= set(names)


async def test_show_and_delete(harness: Harness) -> None:
    await seed(harness, 2)
    await harness.send("/show 2")
    assert "Dự án 1" in harness.texts()[-1] and "Trần Văn Minh — Chủ tịch" in harness.texts()[-1]
    await harness.send("/delete 2")
    assert "Đã xoá bản tóm tắt #2" in harness.texts()[-1]
    await harness.send("/show 2")
    assert "Không có bản tóm tắt #2" in harness.texts()[-1]
    await harness.send("/show abc")
    assert "/show 3" in harness.texts()[-1]


async def test_officials_and_official_search(harness: Harness) -> None:
    await seed(harness, 7)
    await harness.send("/officials")
    assert "<b>Trần Văn Minh</b>, Chủ tịch UBND tỉnh — 7 bài" in harness.texts()[-1]
    (row,) = harness.api.of("sendMessage")[-1].params["reply_markup"]["inline_keyboard"]
    await harness.press(row[0]["callback_data"])  # the person's button opens their digests
    assert "(7)" in harness.api.of("editMessageText")[-1].params["text"]
    await harness.send("/official tran van minh")
    call = harness.api.of("sendMessage")[-1]
    assert "(7)" in call.params["text"]
    nav = call.params["reply_markup"]["inline_keyboard"][-1]
    await harness.press(nav[-1]["callback_data"], message_id=call.result["message_id"])
    page2 = harness.api.of("editMessageText")[-1].params["text"]
    assert page2.count("<b>#") == 2


async def test_export_sends_jsonl_and_markdown(harness: Harness) -> None:
    await harness.send("/export")
    assert "Chưa có gì" in harness.texts()[-1]
    await seed(harness, 3)
    await harness.send("/export")
    docs = harness.api.of("sendDocument")
    assert len(docs) == 2
    (jsonl_name, jsonl), = docs[0].files.items()
    (md_name, md), = docs[1].files.items()
    assert jsonl_name.endswith(".jsonl") and md_name.endswith(".md")
    rows = [json.loads(line) for line in jsonl.decode().splitlines()]
    assert len(rows) == 3
    assert "Dự án 2" in md.decode()


async def test_settings_buttons_change_length_and_language(harness: Harness) -> None:
    await harness.send("/settings")
    call = harness.api.of("sendMessage")[-1]
    keyboard = call.params["reply_markup"]["inline_keyboard"]
    assert "✓ Vừa" in [b["text"] for b in keyboard[0]]
    long_button = next(b for b in keyboard[0] if b["text"] == "Dài")
    english = next(b for b in keyboard[1] if b["text"] == "English")
    mid = call.result["message_id"]
    await harness.press(long_button["callback_data"], message_id=mid)
    await harness.press(english["callback_data"], message_id=mid)
    chat = await harness.rt.store.chats.settings(USER)
    assert chat.length == "long" and chat.language == "en"
    assert "Length: Long" in harness.api.of("editMessageText")[-1].params["text"]
    await harness.send("/history")
    assert "No digests yet" in harness.texts()[-1]


async def test_unknown_command_points_to_help(harness: Harness) -> None:
    await harness.send("/foo")
    assert "/help" in harness.texts()[-1]


@pytest.mark.parametrize("command", ["/search", "/official"])
async def test_a_very_long_query_is_echoed_short(harness: Harness, article: str,
                                                 command: str) -> None:
    await harness.send(article)
    await harness.settle()
    query = ("ngân sách tỉnh " * 300)[:4088]
    await harness.send(f"{command} {query}")
    reply = harness.texts()[-1]
    assert len(reply) < 400 and "…" in reply
    assert "lỗi" not in reply  # not the generic error note
    assert query.split()[0] in reply
