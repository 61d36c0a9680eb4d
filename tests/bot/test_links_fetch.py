"""Fetching pages from the loopback test site: content, charsets and every failure."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from bot.links.fetch import USER_AGENT, Fetcher, FetchLimits
from bot.links.guard import LinkError
from bot.links.reader import LinkReader
from bot.settings import Settings
from bot.views.texts import text
from tests.support.link_site import AMP, LEGACY, NATIONAL, PAGE_LIMIT, news_site
from tests.support.news_pages import articles
from tests.support.web_server import Route, WebServer, redirect

LIMITS = FetchLimits(max_bytes=PAGE_LIMIT, connect_s=2.0, total_s=1.5, allow_private=True)


@pytest.fixture(scope="module")
def site() -> Iterator[WebServer]:
    with news_site() as server:
        yield server


async def refusal(fetcher: Fetcher, url: str) -> LinkError:
    with pytest.raises(LinkError) as caught:
        await fetcher.fetch(url)
    return caught.value


async def test_a_page_comes_back_as_text_with_a_browser_like_agent_naming_the_bot(
    site: WebServer,
) -> None:
    page = await Fetcher(LIMITS).fetch(site.url(NATIONAL))
    assert page.media_type == "text/html"
    assert articles()[0].title in page.text
    assert page.url == site.url(NATIONAL)
    assert site.user_agents[-1] == USER_AGENT
    assert "Mozilla/5.0" in USER_AGENT and "TomTatBot" in USER_AGENT


async def test_a_windows_1258_page_reads_as_proper_vietnamese(site: WebServer) -> None:
    page = await Fetcher(LIMITS).fetch(site.url(LEGACY))
    assert articles()[2].paragraphs[2] in page.text  # tones recomposed (NFC)


async def test_a_redirect_is_followed_to_where_the_article_is(site: WebServer) -> None:
    page = await Fetcher(LIMITS).fetch(site.url("/bai-moi.html"))
    assert page.url == site.url(NATIONAL)


async def test_amp_page_is_fetched_like_any_page(site: WebServer) -> None:
    page = await Fetcher(LIMITS).fetch(site.url(AMP))
    assert "⚡" in page.text


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("/bai-da-go.html", "link_not_found"),
        ("/bai-het-han.html", "link_not_found"),
        ("/loi-may-chu.html", "link_unavailable"),
        ("/van-ban.pdf", "link_not_html"),
        ("/anh.jpg", "link_not_html"),
        ("/vong-a.html", "link_redirects"),
        ("/chuyen-1.html", "link_redirects"),
        ("/qua-lon.html", "link_too_large"),
        ("/qua-lon-khong-do-dai.html", "link_too_large"),
    ],
)
async def test_each_failure_is_named(site: WebServer, path: str, key: str) -> None:
    assert (await refusal(Fetcher(LIMITS), site.url(path))).key == key


async def test_a_pdf_is_called_a_pdf(site: WebServer) -> None:
    assert (await refusal(Fetcher(LIMITS), site.url("/van-ban.pdf"))).values == {"kind": "PDF"}


async def test_at_most_five_redirects_are_followed(site: WebServer) -> None:
    before = site.count()
    await refusal(Fetcher(LIMITS), site.url("/chuyen-1.html"))
    assert site.count() - before == 6  # the page asked for, then five hops


async def test_a_slow_site_times_out_within_the_total_limit(site: WebServer) -> None:
    error = await refusal(Fetcher(LIMITS), site.url("/cham.html"))
    assert error.key == "link_timeout"


async def test_a_refused_connection_is_unreachable() -> None:
    with WebServer() as gone:
        url = gone.url("/bai.html")
    assert (await refusal(Fetcher(LIMITS), url)).key == "link_unreachable"


@pytest.mark.parametrize("url", ["ftp://example.vn/a.txt", "file:///etc/passwd"])
async def test_only_http_and_https(url: str) -> None:
    assert (await refusal(Fetcher(LIMITS), url)).key == "link_scheme"


async def test_a_malformed_link_is_named(site: WebServer) -> None:
    assert (await refusal(Fetcher(LIMITS), "http://[::1/bai.html")).key == "link_invalid"


async def test_an_xhtml_page_with_an_xml_declaration_is_read(site: WebServer) -> None:
    body = site.routes[NATIONAL].body.decode().replace("<!DOCTYPE html>",
                                                       '<?xml version="1.0" encoding="utf-8"?>')
    site.routes["/xhtml.html"] = Route(body.encode(), content_type="application/xhtml+xml")
    found = await LinkReader(Settings(fetch_allow_private=True)).read(site.url("/xhtml.html"))
    assert articles()[0].lead in found.text


async def test_a_site_that_hangs_up_is_told_in_words_naming_the_site_that_did(
    site: WebServer,
) -> None:
    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readline()  # the request line arrives, then the site closes without a word
        writer.close()

    server = await asyncio.start_server(hang_up, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    site.routes["/sang-trang-khac.html"] = redirect(f"http://localhost:{port}/bai.html")
    async with server:
        direct = await refusal(Fetcher(LIMITS), f"http://127.0.0.1:{port}/bai.html")
        redirected = await refusal(Fetcher(LIMITS), site.url("/sang-trang-khac.html"))
    for lang in ("vi", "en"):
        answer = text(lang, direct.key, **direct.values)
        assert "Error" not in answer and "127.0.0.1" in answer
    assert "localhost" in text("vi", redirected.key, **redirected.values)
