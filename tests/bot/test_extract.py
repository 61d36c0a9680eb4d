"""What counts as an article, documents decoding, and cleaning."""

from __future__ import annotations

import threading
import unicodedata

import pytest

from bot.paste.extract import (
    NotArticle,
    check_article,
    clean_text,
    looks_vietnamese,
    read_bytes,
    read_document,
)
from bot.paste.offload import run_bounded

VI = ("Ủy ban nhân dân tỉnh quyết định dành năm trăm tỷ đồng để nâng cấp các tuyến đường "
      "liên xã ở vùng sâu, vùng xa trong hai năm tới, ưu tiên những nơi học sinh phải đi "
      "đường vòng để tới trường.")


def reason(text: str) -> str | None:
    try:
        check_article(clean_text(text), max_chars=100_000, min_words=25)
    except NotArticle as exc:
        return exc.key
    return None


@pytest.mark.parametrize(("text", "key"), [
    ("", "empty"), ("   \n\t ", "empty"), ("😀", "no_letters"), ("🔥🔥🔥 !!!", "no_letters"),
    ("https://vnexpress.net/bai-bao-123.html", "only_url"),
    ("xem nè www.example.com/a", "short"), ("Chào bot, khỏe không?", "short"),
    ("The provincial committee decided to spend five hundred billion dong on upgrading the "
     "rural roads over the next two years, giving priority to the poorest districts first.",
     "not_vietnamese"),
    ("a" * 100_001, "too_long"), (VI, None),
    ("\u200b\u200b\u200d\ufeff", "empty"), ("\x00\x01\x02", "empty"),
])
def test_bad_input_reasons(text: str, key: str | None) -> None:
    assert reason(text) == key


def test_zero_width_and_control_characters_are_removed() -> None:
    assert clean_text("Hà\u200b Nội\x07\r\n ok\u00ad") == "Hà Nội\n ok"


def test_markup_text_is_still_an_article() -> None:
    assert reason("<b>" + VI + "</b> & *đậm* _nghiêng_") is None
    assert looks_vietnamese(VI)


def test_documents_in_several_encodings() -> None:
    assert read_bytes(VI.encode("utf-16")).text == VI
    assert read_bytes(VI.encode("utf-8-sig")).text == VI
    tones = "\u0300\u0301\u0309\u0303\u0323"

    def windows(ch: str) -> str:  # cp1258 writes tone marks as combining characters
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        return base + "".join(c for c in parts if c in tones)

    raw = "".join(windows(ch) for ch in VI).encode("cp1258")
    assert clean_text(read_bytes(raw).text) == VI


def test_binary_document_is_refused() -> None:
    with pytest.raises(NotArticle) as info:
        read_bytes(bytes(range(256)) * 40)
    assert info.value.key == "doc_binary"


def test_html_document_keeps_text_only() -> None:
    page = ("<html><head><title>x</title><style>p{}</style></head><body><script>alert(1)"
            f"</script><p>{VI}</p><p>Đoạn &amp; hai</p></body></html>")
    text = read_document("bai.html", page.encode()).text
    # The title leads, as in the same page's link.
    assert [line for line in text.splitlines() if line] == ["x", VI, "Đoạn & hai"]


@pytest.mark.parametrize("hostile", ["<a " * 20000, "<!--" * 40000, "</" * 100000,
                                     "<div>" * 20000, "<![ x" * 12000])
def test_hostile_html_keeps_the_article_before_it(hostile: str) -> None:
    page = f"<html><body><p>{VI}</p>{hostile}"
    assert read_document("bai.html", page.encode()).text.splitlines()[0] == VI


def test_html_with_a_broken_section_is_read_or_refused_clearly() -> None:
    assert read_document("bai.html", b"<![ x").text == ""  # nothing visible: the 'empty' reply
    page = f'<?xml version="1.0" encoding="utf-8"?><html><body><p>{VI}</p></body></html>'
    assert read_document("bai.html", page.encode()).text == VI


async def test_a_parse_past_its_budget_is_abandoned() -> None:
    release = threading.Event()
    with pytest.raises(TimeoutError):
        await run_bounded(release.wait, 5.0, budget_s=0.1)
    release.set()
    assert await run_bounded(len, "xin chào", budget_s=5.0) == 8


def test_a_legacy_encoding_is_not_mistaken_for_damaged_utf8() -> None:
    raw = VI.encode("cp1258", errors="ignore")
    decoded = read_bytes(raw)
    assert decoded.replaced == 0 and "\ufffd" not in decoded.text
