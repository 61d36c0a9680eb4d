"""The test news site: every page and failure the link tests need, on one WebServer."""

from __future__ import annotations

from tests.support.news_pages import (
    amp,
    articles,
    cp1258_bytes,
    express_layout,
    legacy_page,
    national_daily,
    provincial,
)
from tests.support.other_pages import home_page, login_wall, search_page
from tests.support.web_server import Route, WebServer, html, redirect

NATIONAL = "/kinh-te/pho-thu-tuong-yeu-cau-giai-ngan-von-dau-tu-cong.html"
AMP = "/amp/kinh-te/pho-thu-tuong-yeu-cau-giai-ngan-von-dau-tu-cong.html"
PROVINCIAL = "/thoi-su/tinh-hop-khan-ung-pho-sat-lo-bo-song-cai-con-a12345.html"
LEGACY = "/gd/tin-tuc/2025/khoi-cong-truong-noi-tru.asp?id=778"
EXPRESS = "/thoi-su/quang-tri-khoi-cong-truong-noi-tru-4890001.html"
PAGE_LIMIT = 60_000  # TOMTAT_MAX_PAGE_BYTES for the tests: the "too large" pages pass it


def article_routes(base: str) -> dict[str, Route]:
    """The article pages; `base` is the site's address (for canonical links)."""
    national, provincial_, legacy = articles()
    lead_meta = f'<meta property="og:description" content="{provincial_.lead}">'
    return {
        NATIONAL: html(national_daily(national, base + NATIONAL)),
        AMP: html(amp(national, base + NATIONAL)),
        PROVINCIAL: html(provincial(provincial_, base + PROVINCIAL).replace(
            "</title>", "</title>" + lead_meta)),
        LEGACY: Route(cp1258_bytes(legacy_page(legacy)),
                      content_type="text/html; charset=windows-1258"),
        EXPRESS: html(express_layout(legacy)),
    }


def failure_routes() -> dict[str, Route]:
    """One path per failure a reader must be told about."""
    big = b"<html><body>" + b"<p>" + "Tin tức ".encode() * (PAGE_LIMIT // 8) + b"</p></body>"
    return {
        "/": html(home_page()),
        "/tim-kiem?q=giai+ngan": html(search_page("giải ngân")),
        "/thanh-vien/bat-dong-san-cuoi-nam.html": html(login_wall()),
        "/bai-da-go.html": html("<h1>Không tìm thấy trang</h1>", status=404),
        "/bai-het-han.html": html("<h1>Trang không còn</h1>", status=410),
        "/loi-may-chu.html": html("<h1>Lỗi</h1>", status=503),
        "/cham.html": Route(b"<html></html>", delay_s=3.0),
        "/qua-lon.html": Route(big),
        "/qua-lon-khong-do-dai.html": Route(big, length=False),
        "/van-ban.pdf": Route(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", content_type="application/pdf"),
        "/anh.jpg": Route(b"\xff\xd8\xff\xe0JFIF", content_type="image/jpeg"),
        "/vong-a.html": redirect("/vong-b.html"),
        "/vong-b.html": redirect("/vong-a.html"),
        **{f"/chuyen-{i}.html": redirect(f"/chuyen-{i + 1}.html", 301) for i in range(1, 8)},
        "/bai-moi.html": redirect(NATIONAL, 301),
    }


def news_site() -> WebServer:
    """The server with every route (addresses filled in once the port is known)."""
    server = WebServer()
    server.routes.update(failure_routes())
    server.routes.update(article_routes(server.url("")))
    return server
