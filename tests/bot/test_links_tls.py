"""HTTPS through the pinned address: certificate and SNI are checked against the name."""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import pytest
import trustme

from bot.links.fetch import Fetcher, FetchLimits
from bot.links.guard import LinkError
from bot.links.resolve import StaticResolver
from tests.support.loopback_net import LoopbackNetwork
from tests.support.news_pages import articles, national_daily
from tests.support.web_server import WebServer, html

PUBLIC = "93.184.216.34"
NAME = "bao.example.vn"
LIMITS = FetchLimits(connect_s=2.0, total_s=5.0, allow_private=False)


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def site(ca: trustme.CA) -> Iterator[WebServer]:
    server_side = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(NAME).configure_cert(server_side)
    page = national_daily(articles()[0], f"https://{NAME}/bai.html")
    with WebServer({"/bai.html": html(page)}, tls=server_side) as server:
        yield server


def fetcher(ca: trustme.CA, site: WebServer) -> Fetcher:
    client_side = ssl.create_default_context()
    ca.configure_trust(client_side)
    names = StaticResolver({NAME: [PUBLIC], "khac.example.vn": [PUBLIC]})
    return Fetcher(LIMITS, names, LoopbackNetwork(site.port), ssl_context=client_side)


async def test_the_certificate_of_the_name_is_accepted_over_the_pinned_address(
    ca: trustme.CA, site: WebServer
) -> None:
    page = await fetcher(ca, site).fetch(f"https://{NAME}/bai.html")
    assert "Đặng Quốc Thành" in page.text
    assert site.hosts[-1] == NAME  # the Host header names the site, not the IP


async def test_a_certificate_for_another_name_is_refused(ca: trustme.CA, site: WebServer) -> None:
    before = site.count()
    with pytest.raises(LinkError) as caught:
        await fetcher(ca, site).fetch("https://khac.example.vn:8443/bai.html")
    assert caught.value.key == "link_unreachable"
    assert site.count() == before
