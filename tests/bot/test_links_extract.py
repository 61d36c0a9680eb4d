"""From a news page to the article: the same digest as pasting its text, officials kept."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator

import lxml.html
import pytest

from bot.links.extract import PageArticle, canonical_url
from bot.links.fetch import Page
from bot.links.guard import LinkError
from bot.links.reader import LinkReader
from bot.settings import Settings
from summarizer.digest import Digest
from summarizer.engines.select import load_engine
from summarizer.pipeline import summarize
from tests.support.link_site import (
    AMP,
    EXPRESS,
    LEGACY,
    NATIONAL,
    PAGE_LIMIT,
    PROVINCIAL,
    news_site,
)
from tests.support.news_pages import NewsArticle, articles
from tests.support.web_server import Route, WebServer, html

SETTINGS = Settings(fetch_allow_private=True, max_page_bytes=PAGE_LIMIT, fetch_timeout_s=5.0)


@pytest.fixture(scope="module")
def site() -> Iterator[WebServer]:
    with news_site() as server:
        yield server


def digest_of(text: str) -> Digest:
    digest = summarize(text, "medium", load_engine("extractive", None))
    return dataclasses.replace(digest, elapsed_ms=0)


PAGES = [(NATIONAL, 0, NATIONAL), (AMP, 0, NATIONAL), (PROVINCIAL, 1, PROVINCIAL),
         (LEGACY, 2, LEGACY), (EXPRESS, 2, EXPRESS)]


@pytest.mark.parametrize(("path", "index", "canonical"), PAGES)
async def test_the_link_digest_equals_the_paste_digest(
    site: WebServer, path: str, index: int, canonical: str
) -> None:
    article: NewsArticle = articles()[index]
    found = await LinkReader(SETTINGS).read(site.url(path))
    from_link, from_paste = digest_of(found.text), digest_of(article.pasted)
    assert from_link == from_paste
    assert from_link.officials  # every page names officials, and they survive extraction
    assert found.url == site.url(canonical)


async def test_comments_related_boxes_captions_and_menus_are_dropped(site: WebServer) -> None:
    found = await LinkReader(SETTINGS).read(site.url(NATIONAL))
    for clutter in ("Năm nào cũng cuối năm", "Tin liên quan", "Nhiều địa phương xin trả lại",
                    "Ảnh: Trần Hải", "Thể thao", "Giấy phép số"):
        assert clutter not in found.text
    assert found.title == articles()[0].title
    assert found.author == "Minh Châu"
    assert found.date == "2025-11-14"


async def test_a_lead_the_extractor_skipped_comes_back_from_the_description(
    site: WebServer,
) -> None:
    found = await LinkReader(SETTINGS).read(site.url(PROVINCIAL))
    assert articles()[1].lead in found.text
    assert "Icon thời tiết" not in found.text and "Tin khác" not in found.text


@pytest.mark.parametrize(
    ("path", "key"),
    [("/", "link_not_article"), ("/tim-kiem?q=giai+ngan", "link_not_article"),
     ("/thanh-vien/bat-dong-san-cuoi-nam.html", "link_paywall")],
)
async def test_pages_that_are_not_articles_are_named(site: WebServer, path: str, key: str) -> None:
    with pytest.raises(LinkError) as caught:
        await LinkReader(SETTINGS).read(site.url(path))
    assert caught.value.key == key


async def test_a_section_page_of_teasers_is_not_an_article(site: WebServer) -> None:
    site.routes["/thoi-su"] = site.routes["/"]
    with pytest.raises(LinkError) as caught:
        await LinkReader(SETTINGS).read(site.url("/thoi-su"))
    assert caught.value.key == "link_not_article"


async def test_a_canonical_pointing_at_the_front_page_is_ignored(site: WebServer) -> None:
    page = site.routes[NATIONAL].body.decode().replace(
        f'<link rel="canonical" href="{site.url(NATIONAL)}">',
        f'<link rel="canonical" href="{site.url("/")}">')
    site.routes["/mau-loi.html"] = html(page)
    found = await LinkReader(SETTINGS).read(site.url("/mau-loi.html"))
    assert found.url == site.url("/mau-loi.html")


async def test_a_canonical_on_another_site_is_ignored(site: WebServer) -> None:
    # Else any page could claim a real paper's address: its digest would be credited to that
    # paper and answer, from history, the next time someone sends the real article.
    page = site.routes[NATIONAL].body.decode().replace(
        f'<link rel="canonical" href="{site.url(NATIONAL)}">',
        '<link rel="canonical" href="https://bao-that.example.vn/thoi-su/bai-that.html">')
    site.routes["/gia-mao.html"] = html(page)
    found = await LinkReader(SETTINGS).read(site.url("/gia-mao.html"))
    assert found.url == site.url("/gia-mao.html")


def test_a_canonical_on_another_host_of_the_same_site_is_kept() -> None:
    tree = lxml.html.fromstring(
        '<html><head><link rel="canonical" href="https://www.bao.example.vn/a-1.html">'
        "</head><body><p>Bài</p></body></html>")
    assert canonical_url(tree, "https://amp.bao.example.vn/a-1.html") == (
        "https://www.bao.example.vn/a-1.html")


async def test_a_plain_text_page_is_read_as_a_paste(site: WebServer) -> None:
    article = articles()[1]
    site.routes["/ban-tin.txt"] = Route(article.pasted.encode("utf-8"),
                                        content_type="text/plain; charset=utf-8")
    found = await LinkReader(SETTINGS).read(site.url("/ban-tin.txt"))
    assert digest_of(found.text) == digest_of(article.pasted)
    assert found.title == article.title


class SlowReader(LinkReader):
    """Extraction that takes far longer than its budget, as hostile markup can."""

    def _extract(self, page: Page) -> PageArticle:
        time.sleep(3.0)
        return super()._extract(page)


async def test_a_page_that_takes_too_long_to_read_is_refused_within_the_budget(
    site: WebServer,
) -> None:
    started = time.monotonic()
    with pytest.raises(LinkError) as caught:
        await SlowReader(SETTINGS, budget_s=0.3).read(site.url(NATIONAL))
    assert caught.value.key == "link_unreadable"
    assert time.monotonic() - started < 2.0
