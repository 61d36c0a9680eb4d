"""Which messages are links to digest, and how page bytes become text."""

from __future__ import annotations

import pytest

from bot.links.decode import charset_of, decode_page
from bot.links.extract import is_listing
from bot.links.source import site_of
from bot.links.urls import MAX_LINKS, find_links, links_to_digest
from tests.support.news_pages import articles, cp1258_bytes

A = "https://baotinh.example.vn/thoi-su/bai-a-123.html"
B = "http://www.tin.example.com/kinh-te/b.html?id=9"
ARTICLE = articles()[0].pasted


@pytest.mark.parametrize(
    ("message", "links"),
    [
        (A, [A]),
        (f"Bài này hay quá ({A}).", [A]),
        (f"Đọc nhé: {A}, còn đây nữa {B}!", [A, B]),
        (f"{A} {A}#binh-luan", [A]),  # the same page once; fragments dropped
        ("xem www.baotinh.example.vn/bai-c.html", ["https://www.baotinh.example.vn/bai-c.html"]),
        ("ftp://baotinh.example.vn/tep.txt và javascript:alert(1)", []),
        ("Chiều 14/11, tại Hà Nội, cuộc họp diễn ra.", []),
    ],
)
def test_finding_links(message: str, links: list[str]) -> None:
    assert find_links(message) == links


def test_a_link_with_a_comment_or_several_links_are_link_requests() -> None:
    comment = f"Mọi người đọc thử bài này {A}"
    assert links_to_digest(comment, min_words=25, forwarded=False).urls == [A]
    many = " ".join(f"{A}?p={i}" for i in range(MAX_LINKS + 3))
    asked = links_to_digest(many, min_words=25, forwarded=False)
    assert len(asked.urls) == MAX_LINKS and asked.skipped == 3


def test_an_article_citing_its_source_is_a_paste() -> None:
    assert links_to_digest(f"{ARTICLE}\n\nNguồn: {A}", min_words=25, forwarded=False).urls == []


def test_a_forwarded_teaser_with_a_link_is_the_link_but_a_forwarded_article_is_not() -> None:
    teaser = " ".join(ARTICLE.split()[:60]) + f" Chi tiết: {A}"
    assert links_to_digest(teaser, min_words=25, forwarded=False).urls == []
    assert links_to_digest(teaser, min_words=25, forwarded=True).urls == [A]
    assert links_to_digest(f"{ARTICLE} {A}", min_words=25, forwarded=True).urls == []


def test_hyperlinked_words_count_as_links() -> None:
    assert links_to_digest("Đọc tại đây", min_words=25, forwarded=True, extra=[B]).urls == [B]


def test_a_page_declared_windows_1258_is_read_as_such() -> None:
    raw = cp1258_bytes(ARTICLE)
    assert decode_page(raw, charset_of("text/html; charset=windows-1258", raw)) == ARTICLE


def test_a_page_declared_windows_1258_but_saved_as_utf8_is_read_as_utf8() -> None:
    raw = ARTICLE.encode("utf-8")
    assert decode_page(raw, charset_of("text/html; charset=windows-1258", raw)) == ARTICLE


def test_a_utf8_template_around_a_windows_1258_article_reads_whole() -> None:
    head = "<html><head><meta charset=\"utf-8\"><title>Tin tức địa phương</title></head>\n"
    raw = head.encode("utf-8") + cp1258_bytes(ARTICLE) + "\n<p>Bản quyền thuộc về báo</p>".encode()
    charset = charset_of(None, raw)
    assert charset == "utf-8"
    text = decode_page(raw, charset)
    assert ARTICLE in text and "Tin tức địa phương" in text and "Bản quyền" in text


def test_a_meta_charset_is_found_when_the_header_has_none() -> None:
    assert charset_of("text/html", b'<meta http-equiv="Content-Type" '
                                   b'content="text/html; charset=windows-1258">') == "cp1258"
    assert charset_of("text/html; charset=nonsense", b"") is None


@pytest.mark.parametrize(
    ("url", "listing"),
    [("https://bao.example.vn/", True), ("https://bao.example.vn/tim-kiem?q=lu", True),
     ("https://bao.example.vn/tag/giao-thong", True), ("https://bao.example.vn/?s=lu", True),
     (A, False), ("https://bao.example.vn/tin.aspx?id=5", False)],
)
def test_listing_pages_by_address(url: str, listing: bool) -> None:
    assert is_listing(url) is listing


def test_the_site_name() -> None:
    assert site_of(B) == "tin.example.com" and site_of(A) == "baotinh.example.vn"
