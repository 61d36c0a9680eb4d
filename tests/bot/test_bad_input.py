"""The bad-input matrix: every case gets a clear reply and nothing is stored wrongly."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from bot.paste import extract, offload
from bot.paste.decoding import Decoded
from tests.bot.conftest import GROUP, OTHER_USER, USER, Harness

ENGLISH = ("The provincial people's committee decided on Monday to spend five hundred billion "
           "dong upgrading rural roads over the next two years, giving priority to the poorest "
           "districts and to roads that children use to reach their schools every day.")


def doc(name: str, file_id: str, size: int, mime: str = "text/plain") -> dict[str, Any]:
    return {"document": {"file_id": file_id, "file_unique_id": "u" + file_id,
                         "file_name": name, "mime_type": mime, "file_size": size}}


async def assert_nothing_stored(h: Harness) -> None:
    store = h.rt.store
    assert await store.chats.fragments(USER, USER) == []
    assert await store.jobs.queue_length() == 0
    assert (await store.digests.history(USER)).total == 0
    assert h.engine.calls == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("   \n  ", "trống"),
    ("😀", "không thấy chữ"),
    ("http://192.168.1.1/thoi-su/bai-bao-4812345.html", "địa chỉ nội bộ"),
    ("x" * 1_000_000, "quá dài"),
    (ENGLISH, "không phải tiếng Việt"),
    ("\u200b\u200c\u200d\ufeff\x00\x07", "trống"),
    ("Chào bot!", "ngắn quá"),
])
async def test_text_that_is_not_an_article(harness: Harness, text: str, expected: str) -> None:
    await harness.send(text)
    await harness.settle()
    (reply,) = harness.texts()
    assert expected in reply
    await assert_nothing_stored(harness)


@pytest.mark.parametrize("media", [
    {"sticker": {"file_id": "s1", "file_unique_id": "us1", "width": 512, "height": 512,
                 "is_animated": False, "is_video": False, "type": "regular"}},
    {"photo": [{"file_id": "p1", "file_unique_id": "up1", "width": 90, "height": 90}]},
    {"voice": {"file_id": "v1", "file_unique_id": "uv1", "duration": 3}},
])
async def test_media_without_caption(harness: Harness, media: dict[str, Any]) -> None:
    await harness.send(None, **media)
    (reply,) = harness.texts()
    assert "chỉ đọc được chữ" in reply
    await assert_nothing_stored(harness)


async def test_photo_with_article_caption_is_summarised(harness: Harness, article: str) -> None:
    photo = [{"file_id": "p1", "file_unique_id": "up1", "width": 90, "height": 90}]
    await harness.send(None, photo=photo, caption=article[:1000])
    await harness.settle()
    assert len(harness.digests()) == 1


async def test_binary_document_is_refused(harness: Harness) -> None:
    harness.api.files["documents/bin1"] = bytes(range(256)) * 100
    await harness.send(None, **doc("bai.txt", "bin1", 25_600))
    (reply,) = harness.texts()
    assert "không phải văn bản" in reply
    await assert_nothing_stored(harness)


async def test_unknown_document_type_and_size(harness: Harness) -> None:
    await harness.send(None, **doc("bai.pdf", "pdf1", 2000, "application/pdf"))
    await harness.send(None, **doc("to.txt", "big1", 5_000_000))
    first, second = harness.texts()
    assert ".txt" in first and "quá lớn" in second
    await assert_nothing_stored(harness)


async def test_text_documents_are_summarised(harness: Harness, article: str) -> None:
    harness.api.files["documents/d1"] = article.encode("utf-16")
    page = f"<html><body><script>x()</script><p>{article}</p></body></html>"
    harness.api.files["documents/d2"] = (page + "\nThêm dòng.").encode()
    await harness.send(None, **doc("bai.txt", "d1", 4000))
    await harness.send(None, **doc("bai.html", "d2", 4000, "text/html"))
    await harness.settle()
    assert len(harness.digests()) == 2


async def test_edited_message_gets_a_note_not_a_second_digest(
    harness: Harness, article: str
) -> None:
    sent = await harness.send(article)
    await harness.settle()
    await harness.feed({"edited_message": {**sent, "text": article + " sửa", "edit_date": 1}})
    await harness.settle()
    assert len(harness.digests()) == 1
    assert "tin đã sửa" in harness.texts()[-1]
    assert harness.engine.calls == 1


async def test_summarize_as_reply_to_a_document_in_a_group(harness: Harness, article: str) -> None:
    harness.api.files["documents/g1"] = article.encode("utf-8")
    posted = harness.message(None, chat_id=GROUP, user_id=OTHER_USER, **doc("bai.md", "g1", 3000))
    await harness.feed({"message": posted})  # not addressed to the bot: ignored
    assert harness.texts(GROUP) == []
    await harness.send("/summarize", chat_id=GROUP, reply_to_message=posted)
    await harness.settle()
    assert len(harness.digests(GROUP)) == 1


@pytest.mark.parametrize(("name", "damage"), [
    ("stray byte", lambda raw: raw[:200] + b"\xff" + raw[200:]),
    ("truncated last character", lambda raw: raw + "ệ".encode()[:2]),
])
async def test_utf8_with_a_few_bad_bytes_is_read_with_a_note(
    harness: Harness, article: str, name: str, damage: Any
) -> None:
    harness.api.files["documents/u1"] = damage(article.encode("utf-8"))
    await harness.send(None, **doc("bai.txt", "u1", 4000))
    await harness.settle()
    assert len(harness.digests()) == 1, name
    assert any("byte lỗi mã hoá" in t for t in harness.texts())


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
async def test_utf16_without_a_bom_is_read(harness: Harness, article: str, codec: str) -> None:
    harness.api.files["documents/w1"] = article.encode(codec)
    await harness.send(None, **doc("bai.txt", "w1", 8000))
    await harness.settle()
    assert len(harness.digests()) == 1
    assert not any("lỗi mã hoá" in t for t in harness.texts())


@pytest.mark.parametrize("page", [b"<![ x", b"<html><![ x <p>", b"<![CDATA[" * 5000])
async def test_a_broken_html_file_gets_a_clear_answer_without_retry_advice(
    harness: Harness, page: bytes
) -> None:
    harness.api.files["documents/h1"] = page
    await harness.send(None, **doc("bai.html", "h1", len(page), "text/html"))
    await harness.settle()
    (reply,) = harness.texts()
    assert "thử lại" not in reply  # trying again would fail the same way
    await assert_nothing_stored(harness)


async def test_a_file_not_read_within_the_budget_is_refused_clearly(
    harness: Harness, article: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()

    def endless(file_name: str | None, raw: bytes) -> Decoded:
        gate.wait(10)
        return Decoded(article)

    monkeypatch.setattr(offload, "PARSE_BUDGET_S", 0.2)
    monkeypatch.setattr(extract, "read_document", endless)
    harness.api.files["documents/t1"] = b"<html></html>"
    await harness.send(None, **doc("bai.html", "t1", 13, "text/html"))
    gate.set()
    await harness.settle()
    (reply,) = harness.texts()
    assert "không đọc được tệp này" in reply and "thử lại" not in reply
    await assert_nothing_stored(harness)
