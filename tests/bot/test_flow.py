"""The main user journeys: paste → one digest; history; search; escaping."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.bot.conftest import (
    BOT_USERNAME,
    GROUP,
    OTHER_USER,
    USER,
    Harness,
    client_split,
    make_settings,
    start_bot,
)
from tests.support.fake_engine import FakeEngine


def long_article(fixtures_dir: Path) -> str:
    """An original article long enough for a client to split it in three."""
    return (fixtures_dir / "e2e_appointments.txt").read_text(encoding="utf-8")


async def test_three_piece_client_split_gives_one_digest(harness: Harness,
                                                         fixtures_dir: Path) -> None:
    pieces = client_split(long_article(fixtures_dir))
    assert len(pieces) == 3
    for part in pieces:
        await harness.send(part)
    await harness.settle()
    digests = harness.digests()
    assert len(digests) == 1
    assert "#1" in digests[0]
    job_texts = [c.params["text"] for c in harness.api.of("sendMessage")]
    assert not any("ngắn quá" in t for t in job_texts)  # the short last piece is no hint


async def test_two_whole_articles_sent_at_once_give_two_digests(
    harness: Harness, article: str, article2: str
) -> None:
    await harness.send(article)
    await harness.send(article2)
    await harness.settle()
    assert [("#1" in d, "#2" in d) for d in harness.digests()] == [(True, False), (False, True)]


async def test_a_chat_line_after_an_article_is_not_part_of_it(
    harness: Harness, article: str
) -> None:
    await harness.send(article)
    await harness.send("tóm tắt giúp mình bài này nhé")
    await harness.send(article, chat_id=OTHER_USER, user_id=OTHER_USER)  # the article alone
    await harness.settle()
    assert len(harness.digests()) == 1
    assert harness.digests() == harness.digests(OTHER_USER)  # same words in, same digest
    assert any("ngắn quá" in t for t in harness.texts())  # the line is answered on its own


async def test_a_whole_article_is_answered_without_waiting_for_the_window(
    tmp_path: Path, article: str
) -> None:
    async with start_bot(make_settings(tmp_path, merge_window_s=60.0)) as harness:
        await harness.send(article)
        assert not harness.rt.intake.busy()  # nothing waits for a 60 s window
        await harness.settle(timeout=10)
        assert len(harness.digests()) == 1


def variant(article: str, i: int) -> str:
    """A different article (so dedup doesn't answer it from history)."""
    return article.replace("Tân Lập", f"Tân Lập {i}") + f"\nPhóng viên số {i} ghi nhận tại chỗ."


async def test_history_pages_with_buttons_and_opens_a_digest(
    harness: Harness, article: str
) -> None:
    for i in range(7):
        await harness.send(variant(article, i))
        await harness.settle()
    await harness.send("/history")
    call = harness.api.of("sendMessage")[-1]
    assert "(7" in call.params["text"] and "Trang 1/2" in call.params["text"]
    assert [f"#{n}" in call.params["text"] for n in (7, 6, 5, 4, 3, 2)] == [True] * 5 + [False]
    rows = call.params["reply_markup"]["inline_keyboard"]
    # The titles are in the text once; the buttons are just the numbers, then the arrows.
    assert [b["text"] for b in rows[0]] == ["#7", "#6", "#5", "#4", "#3"]
    assert len(rows) == 2 and rows[-1][0]["text"] == "Cũ hơn ▶"
    await harness.press(rows[-1][0]["callback_data"], message_id=call.result["message_id"])
    assert harness.api.of("answerCallbackQuery")
    edited = harness.api.of("editMessageText")[-1].params
    assert "#2" in edited["text"] and "#1" in edited["text"] and "#3" not in edited["text"]
    assert "Trang 2/2" in edited["text"]
    nav = edited["reply_markup"]["inline_keyboard"][-1]
    assert [b["text"] for b in nav] == ["◀ Mới hơn"]
    await harness.press(edited["reply_markup"]["inline_keyboard"][0][0]["callback_data"])
    opened = harness.api.of("sendMessage")[-1].params["text"]
    assert "#2</i>" in opened


async def test_search_without_diacritics_finds_the_article(
    harness: Harness, article: str, article2: str
) -> None:
    for text in (article, article2):
        await harness.send(text)
        await harness.settle()
    await harness.send("/search benh vien nhi")
    found = harness.api.of("sendMessage")[-1].params["text"]
    assert "(1)" in found and "#2" in found and "«" in found
    await harness.send("/search tuyetchieu")
    assert "Không tìm thấy" in harness.api.of("sendMessage")[-1].params["text"]


async def test_user_markup_is_echoed_safely(harness: Harness, article: str) -> None:
    nasty = article.replace("Chiều 9/3,", "Chiều 9/3, <b>đậm</b> & *sao* _gạch_ `mã`")
    harness.engine.summary = "Tóm tắt có <b>thẻ</b> & ký tự *đặc biệt*."
    await harness.send(nasty)
    await harness.settle()
    (digest,) = harness.digests()
    assert "&lt;b&gt;thẻ&lt;/b&gt; &amp; ký tự *đặc biệt*" in digest


async def test_long_digest_arrives_in_several_valid_messages(
    harness: Harness, article: str
) -> None:
    harness.engine.summary = "\n".join(
        f"Đoạn {i}: " + " ".join(f"câu{i}từ{j}" for j in range(120)) for i in range(20)
    )
    await harness.send(article)
    await harness.settle()
    texts = harness.texts()  # each part edited into its placeholder, in order
    assert len(texts) >= 3
    assert all(0 < len(t) <= 4096 for t in texts)
    assert "Đoạn 0:" in texts[0] and "Đoạn 19:" in "".join(texts) and "#1</i>" in texts[-1]


async def test_same_article_again_gets_the_stored_digest(harness: Harness, article: str) -> None:
    await harness.send(article)
    await harness.settle()
    await harness.send(article)
    await harness.settle()
    assert harness.engine.calls == 1
    assert any("đã được tóm tắt trước đây (#1)" in t for t in harness.texts())
    assert (await harness.rt.store.digests.history(USER)).total == 1


async def test_status_message_shows_queue_and_is_replaced_by_the_digest(
    settings: Settings, article: str, article2: str
) -> None:
    quick = replace(settings, status_after_s=0.05, status_every_s=0.05)
    async with start_bot(quick, FakeEngine(delay_s=0.6, chunks=3)) as harness:
        await harness.send(article)
        await harness.send(article2, chat_id=OTHER_USER, user_id=OTHER_USER)
        await harness.settle()
        statuses = [c.params["text"] for c in harness.api.of("sendMessage")]
        assert "Đang tóm tắt… vị trí 1 trong hàng đợi" in statuses
        edits = [c.params["text"] for c in harness.api.of("editMessageText")]
        assert any("phần" in t and "/3" in t for t in statuses + edits)
        for chat in (USER, OTHER_USER):
            shown = harness.texts(chat)
            assert len(shown) == 1 and "→" in shown[0]  # the status became the digest


async def test_each_chat_has_its_own_history(harness: Harness, article: str) -> None:
    await harness.send(article)
    await harness.settle()
    await harness.send("/history", chat_id=OTHER_USER, user_id=OTHER_USER)
    assert "Chưa có bản tóm tắt" in harness.texts(OTHER_USER)[-1]
    await harness.send("/show 1", chat_id=OTHER_USER, user_id=OTHER_USER)
    assert "Không có bản tóm tắt #1" in harness.texts(OTHER_USER)[-1]
    shown_before = len(harness.texts(OTHER_USER))
    await harness.press("s:1", chat_id=OTHER_USER, user_id=OTHER_USER)
    answer = harness.api.of("answerCallbackQuery")[-1].params
    assert "hết hạn" in answer["text"]  # a pop-up, not one more message in the chat
    assert len(harness.texts(OTHER_USER)) == shown_before
    assert len(harness.digests(USER)) == 1


async def test_group_answers_mentions_replies_and_summarize(
    harness: Harness, article: str, article2: str
) -> None:
    await harness.send(article, chat_id=GROUP)  # not addressed to the bot: ignored
    await harness.settle()
    assert harness.texts(GROUP) == []
    await harness.send(f"@{BOT_USERNAME} {article}", chat_id=GROUP)
    await harness.settle()
    assert len(harness.digests(GROUP)) == 1
    original = await harness.send(article2, chat_id=GROUP, user_id=OTHER_USER)
    await harness.send("/summarize", chat_id=GROUP, reply_to_message=original)
    await harness.settle()
    assert len(harness.digests(GROUP)) == 2
    last = harness.api.of("sendMessage")[-1].params
    assert last["reply_parameters"]["message_id"] == original["message_id"]
    await harness.send("/history", chat_id=GROUP)
    assert "(2" in harness.texts(GROUP)[-1]
    assert (await harness.rt.store.digests.history(USER)).total == 0


async def test_summarize_with_text_after_the_command(harness: Harness, article: str) -> None:
    await harness.send("/summarize " + article)
    await harness.settle()
    assert len(harness.digests()) == 1
    await harness.send("/summarize")
    assert "/summarize" in harness.texts()[-1]


async def test_forwarded_posts_are_each_summarised(
    harness: Harness, article: str, article2: str
) -> None:
    origin = {"type": "channel", "date": 1, "message_id": 5,
              "chat": {"id": -1001, "type": "channel", "title": "Báo Sáng"}}
    await harness.send(article[:1500], forward_origin=origin)
    await harness.send(article2, forward_origin=origin)
    await harness.settle()
    assert len(harness.digests()) == 2


async def test_one_log_line_per_digest_without_the_article(
    harness: Harness, article: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    await harness.send(article)
    await harness.settle()
    lines = [r.getMessage() for r in caplog.records if r.name == "tomtat.digest"]
    assert len(lines) == 1
    assert f"chat={USER}" in lines[0] and "engine=fake" in lines[0] and "ms=" in lines[0]
    assert "words_in=" in lines[0]
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert "Tân Lập" not in everything and "TEST-TOKEN" not in everything
