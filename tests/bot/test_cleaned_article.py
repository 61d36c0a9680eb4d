"""Storage keeps and searches the cleaned article; "show the original" still gives the paste."""

from __future__ import annotations

from typing import Any

from storage import Job
from tests.bot.conftest import USER, Harness
from tests.bot.test_digest_buttons import digest_message_id


async def test_page_clutter_is_not_searched_but_the_original_keeps_it(
    harness: Harness, article2: str
) -> None:
    assert "Đọc thêm: Mười mẹo giữ sức khỏe mùa nóng" in article2  # the page's clutter
    await harness.send(article2)
    await harness.settle()
    # The article's own words find it; the teaser under it ("Đọc thêm: …") no longer does.
    assert (await harness.rt.store.search.words(USER, "bệnh viện nhi"))[1] == 1
    assert await harness.rt.store.search.words(USER, "mười mẹo giữ sức khỏe") == ([], 0)
    await harness.send("/search mười mẹo giữ sức khỏe")
    assert "#1" not in harness.texts()[-1]
    await harness.press("a:1", message_id=digest_message_id(harness))
    (document,) = harness.api.of("sendDocument")
    ((_, content),) = document.files.items()
    assert "Đọc thêm: Mười mẹo giữ sức khỏe mùa nóng" in content.decode("utf-8")


async def test_a_length_button_whose_article_vanished_meanwhile_says_so(
    harness: Harness, article: str
) -> None:
    await harness.send(article)
    await harness.settle()
    message_id = digest_message_id(harness)

    queue = harness.rt.store.jobs
    request = queue.request_length

    async def deleted_meanwhile(chat_id: int, *args: Any, **kwargs: Any) -> Job | None:
        # Another device deletes the digest between the press and the queueing of its rewrite.
        await harness.rt.store.digests.delete(chat_id, 1)
        return await request(chat_id, *args, **kwargs)

    queue.request_length = deleted_meanwhile  # type: ignore[method-assign]
    edits = len(harness.api.of("editMessageText"))
    await harness.press("r:1:s", message_id=message_id)
    await harness.settle()
    answer = harness.api.of("answerCallbackQuery")[-1]
    assert answer.params.get("text") == "Không có bản tóm tắt #1."
    assert len(harness.api.of("editMessageText")) == edits  # nothing summarised, nothing edited
    assert harness.engine.calls == 1 and await queue.queue_length() == 0
