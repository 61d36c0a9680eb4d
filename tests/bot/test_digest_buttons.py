"""The buttons under a digest: lengths edited in place, the article as a file, delete."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bot.conftest import GROUP, OTHER_USER, USER, Harness, make_settings, start_bot
from tests.support.link_site import NATIONAL, PAGE_LIMIT, news_site


def last_markup(harness: Harness, *methods: str) -> list[list[dict[str, str]]]:
    """The inline keyboard of the bot's last call (of `methods`) that had one."""
    wanted = methods or ("sendMessage", "editMessageText")
    for call in reversed(harness.api.calls):
        markup = call.params.get("reply_markup") if call.method in wanted else None
        if markup:
            data = json.loads(markup) if isinstance(markup, str) else markup
            return data["inline_keyboard"]  # type: ignore[no-any-return]
    raise LookupError("no keyboard sent")


def labels(rows: list[list[dict[str, str]]]) -> list[str]:
    return [b["text"] for row in rows for b in row]


def digest_message_id(harness: Harness, chat_id: int = USER) -> int:
    """The id of the message holding the digest's buttons (its last part)."""
    for call in reversed(harness.api.calls):
        if call.method not in ("sendMessage", "editMessageText"):
            continue
        if call.params.get("reply_markup") and "→" in call.params["text"]:
            if call.method == "editMessageText":  # a placeholder that became the digest
                return int(call.params["message_id"])
            return int(call.result["message_id"])
    raise LookupError("no digest shown")


async def test_every_digest_has_length_article_and_delete_buttons(
    harness: Harness, article: str
) -> None:
    await harness.send(article)
    await harness.settle()
    rows = last_markup(harness)
    assert labels(rows) == ["Ngắn", "✓ Vừa", "Dài", "Bài gốc", "Xoá"]
    assert all(len(b["callback_data"].encode()) <= 64 for row in rows for b in row)


async def test_a_length_button_edits_the_digest_in_place(harness: Harness, article: str) -> None:
    await harness.send(article)
    await harness.settle()
    message_id = digest_message_id(harness)
    sent_before = len(harness.api.of("sendMessage"))
    await harness.press("r:1:l", message_id=message_id)
    await harness.settle()  # a worker rewrites it (the press queued a job)
    edit = harness.api.of("editMessageText")[-1]
    assert int(edit.params["message_id"]) == message_id and "#1" in edit.params["text"]
    assert labels(last_markup(harness, "editMessageText"))[:3] == ["Ngắn", "Vừa", "✓ Dài"]
    assert len(harness.api.of("sendMessage")) == sent_before  # nothing new in the chat
    stored = await harness.rt.store.digests.get(USER, 1)
    assert stored is not None and stored.length == "long"


async def test_the_same_article_at_another_length_gives_that_length(
    harness: Harness, article: str
) -> None:
    await harness.send(article)
    await harness.settle()
    await harness.send(article)  # same length: the stored digest, in one message
    await harness.settle()
    duplicate = harness.texts()[-1]
    assert "đã được tóm tắt trước đây (#1)" in duplicate and "#1</i>" in duplicate
    await harness.rt.store.chats.update_settings(USER, length="short")
    await harness.send(article)
    await harness.settle()
    stored = await harness.rt.store.digests.get(USER, 2)
    assert stored is not None and stored.length == "short"


async def test_the_original_comes_as_a_text_file(harness: Harness, article: str) -> None:
    await harness.send(article)
    await harness.settle()
    await harness.press("a:1", message_id=digest_message_id(harness))
    (document,) = harness.api.of("sendDocument")
    ((name, content),) = document.files.items()
    assert name.endswith(".txt") and "Hòa Bình Xanh" in content.decode("utf-8")


async def test_delete_asks_then_deletes(harness: Harness, article: str) -> None:
    await harness.send(article)
    await harness.settle()
    message_id = digest_message_id(harness)
    await harness.press("x:1", message_id=message_id)
    assert labels(last_markup(harness, "editMessageReplyMarkup")) == ["Xoá bản #1", "Giữ lại"]
    assert await harness.rt.store.digests.get(USER, 1) is not None  # only asked so far
    await harness.press("x:1:y", message_id=message_id)
    assert await harness.rt.store.digests.get(USER, 1) is None
    assert harness.texts()[-1] == "Đã xoá bản tóm tắt #1."


async def test_keep_brings_the_digest_buttons_back(harness: Harness, article: str) -> None:
    await harness.send(article)
    await harness.settle()
    message_id = digest_message_id(harness)
    await harness.press("x:1", message_id=message_id)
    await harness.press("x:1:n", message_id=message_id)
    rows = last_markup(harness, "editMessageReplyMarkup")
    assert labels(rows) == ["Ngắn", "✓ Vừa", "Dài", "Bài gốc", "Xoá"]
    assert await harness.rt.store.digests.get(USER, 1) is not None


async def test_in_a_group_only_the_author_or_an_admin_deletes(
    tmp_path: Path, article: str
) -> None:
    async with start_bot(make_settings(tmp_path)) as h:
        await h.send(f"@{h.api.username} {article}", chat_id=GROUP)
        await h.settle()
        message_id = digest_message_id(h, GROUP)
        h.rt.admins.ttl_s = 0  # no caching: the promotion below counts at once
        await h.press("x:1:y", chat_id=GROUP, user_id=OTHER_USER, message_id=message_id)
        refusal = h.api.of("answerCallbackQuery")[-1].params
        assert "quản trị viên" in refusal["text"] and refusal.get("show_alert")
        assert await h.rt.store.digests.get(GROUP, 1) is not None
        h.api.admins[GROUP] = {OTHER_USER}
        await h.press("x:1:y", chat_id=GROUP, user_id=OTHER_USER, message_id=message_id)
        assert await h.rt.store.digests.get(GROUP, 1) is None


async def test_the_original_of_a_forwarded_channel_post_is_its_link(
    harness: Harness, article: str
) -> None:
    origin = {"type": "channel", "date": 1, "message_id": 321,
              "chat": {"id": -1001, "type": "channel", "title": "Báo Sáng",
                       "username": "baosang"}}
    await harness.send(article, forward_origin=origin)
    await harness.settle()
    await harness.press("a:1", message_id=digest_message_id(harness))
    assert "https://t.me/baosang/321" in harness.texts()[-1]
    assert harness.api.of("sendDocument") == []
    await harness.send("/export")
    jsonl = harness.api.of("sendDocument")[0]
    row = json.loads(next(iter(jsonl.files.values())).decode())
    assert row["source"] == "https://t.me/baosang/321" and "Hòa Bình Xanh" in row["article"]


async def test_the_original_of_a_link_digest_is_its_page(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, fetch_allow_private=True, max_page_bytes=PAGE_LIMIT)
    with news_site() as site:
        async with start_bot(settings) as h:
            await h.send(site.url(NATIONAL))
            await h.settle()
            await h.press("a:1", message_id=digest_message_id(h))
            assert site.url(NATIONAL) in h.texts()[-1] and h.api.of("sendDocument") == []


async def test_another_length_keeps_the_title(harness: Harness, article: str) -> None:
    await harness.send(article)
    await harness.settle()
    title = "Tỉnh Hòa Bình Xanh dành 500 tỷ đồng nâng cấp đường liên xã"
    first = await harness.rt.store.digests.get(USER, 1)
    assert first is not None and first.digest.title == title
    await harness.press("r:1:s", message_id=digest_message_id(harness))
    await harness.settle()
    edit = harness.api.of("editMessageText")[-1]
    assert edit.params["text"].startswith(f"<b>{title}</b>")
    rewritten = await harness.rt.store.digests.get(USER, 1)
    assert rewritten is not None and rewritten.digest.title == title
