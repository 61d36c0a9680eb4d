"""The SSRF guard with its setting off: no connection is ever made to an internal address."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

import pytest

from bot.links.fetch import Fetcher, FetchLimits
from bot.links.guard import LinkError, refused_reason
from bot.links.resolve import StaticResolver, SystemResolver
from bot.views.texts import text
from tests.support.link_site import NATIONAL, news_site
from tests.support.loopback_net import LoopbackNetwork
from tests.support.web_server import WebServer, redirect

GUARDED = FetchLimits(max_bytes=1_000_000, connect_s=2.0, total_s=5.0, allow_private=False)
PUBLIC = "93.184.216.34"  # what the test resolver says the public-looking names are
NAMES = {
    "bao.example.vn": [PUBLIC],
    "tin-nhanh.example.com": ["127.0.0.1"],  # a public-looking name that points home
    "hon-hop.example.com": [PUBLIC, "10.1.2.3"],  # one bad address is enough to refuse
    "mapped.example.com": ["::ffff:127.0.0.1"],
    "localhost": ["127.0.0.1", "::1"],  # as the system resolver answers
}


@pytest.fixture(scope="module")
def site() -> Iterator[WebServer]:
    with news_site() as server:
        for name, target in (("noi-bo", "127.0.0.1"), ("localhost", "localhost"),
                             ("mang-rieng", "10.0.0.1"), ("v6", "[::1]")):
            server.routes[f"/chuyen-{name}.html"] = redirect(server.url(NATIONAL, host=target))
        yield server


def guarded(site: WebServer) -> tuple[Fetcher, LoopbackNetwork]:
    network = LoopbackNetwork(site.port)
    return Fetcher(GUARDED, StaticResolver(NAMES), network), network


async def refused(fetcher: Fetcher, url: str) -> LinkError:
    with pytest.raises(LinkError) as caught:
        await fetcher.fetch(url)
    assert caught.value.key == "link_blocked"
    return caught.value


@pytest.mark.parametrize("host", ["127.0.0.1", "10.0.0.1", "[::1]", "tin-nhanh.example.com",
                                  "hon-hop.example.com", "mapped.example.com", "0.0.0.0",
                                  "169.254.169.254", "[fe80::1]", "224.0.0.1"])
async def test_internal_addresses_are_refused_before_any_connection(
    site: WebServer, host: str
) -> None:
    fetcher, network = guarded(site)
    before = site.count()
    await refused(fetcher, site.url(NATIONAL, host=host))
    assert network.dialled == []
    assert site.count() == before


async def test_localhost_through_the_real_resolver_is_refused(site: WebServer) -> None:
    before = site.count()
    error = await refused(Fetcher(GUARDED, SystemResolver()), site.url(NATIONAL, "localhost"))
    assert error.values["reason"] == "loopback"
    assert site.count() == before


async def test_a_public_name_is_fetched_from_the_address_that_was_checked(
    site: WebServer,
) -> None:
    fetcher, network = guarded(site)
    page = await fetcher.fetch(f"http://bao.example.vn{NATIONAL}")
    assert "Đặng Quốc Thành" in page.text
    assert network.dialled == [(PUBLIC, 80)]


class Rebinding:
    """Answers a public address first, then the loopback (a DNS-rebinding attack)."""

    def __init__(self) -> None:
        self.calls = 0

    async def resolve(self, host: str, port: int) -> list[str]:
        self.calls += 1
        return [PUBLIC] if self.calls == 1 else ["127.0.0.1"]


async def test_the_connection_goes_where_the_check_looked_not_to_a_second_lookup(
    site: WebServer,
) -> None:
    network = LoopbackNetwork(site.port)
    resolver = Rebinding()
    await Fetcher(GUARDED, resolver, network).fetch(f"http://bao.example.vn{NATIONAL}")
    assert resolver.calls == 1
    assert network.dialled == [(PUBLIC, 80)]


@pytest.mark.parametrize("name", ["noi-bo", "localhost", "mang-rieng", "v6"])
async def test_a_redirect_to_an_internal_address_is_refused_without_connecting(
    site: WebServer, name: str
) -> None:
    fetcher, network = guarded(site)
    before = site.count(NATIONAL)
    await refused(fetcher, f"http://bao.example.vn/chuyen-{name}.html")
    assert site.count(f"/chuyen-{name}.html") >= 1
    assert site.count(NATIONAL) == before
    assert network.dialled == [(PUBLIC, 80)]


async def test_allow_private_lets_tests_and_local_mirrors_through(site: WebServer) -> None:
    mirror = FetchLimits(allow_private=True)
    page = await Fetcher(mirror).fetch(site.url(NATIONAL))
    assert "Đặng Quốc Thành" in page.text


@pytest.mark.parametrize(
    ("address", "reason"),
    [("127.0.0.2", "loopback"), ("192.168.1.1", "private"), ("100.64.0.1", "not global"),
     ("::ffff:10.0.0.1", "private"), ("fc00::1", "private"), ("ff02::1", "multicast"),
     ("240.0.0.1", "reserved"), ("8.8.8.8", None), ("2001:4860:4860::8888", None)],
)
def test_address_rules(address: str, reason: str | None) -> None:
    assert refused_reason(ipaddress.ip_address(address)) == reason


async def test_an_unknown_name_says_so() -> None:
    fetcher = Fetcher(GUARDED, StaticResolver({}))
    with pytest.raises(LinkError) as caught:
        await fetcher.fetch("https://khong-co-that.example.vn/bai.html")
    assert caught.value.key == "link_no_host"


@pytest.mark.parametrize(
    ("address", "reason"),
    [("2002:7f00:1::1", "loopback"), ("2002:a00:1::", "private"),
     ("2002:a9fe:a9fe::1", "link-local")],
)
def test_a_6to4_address_is_judged_by_the_ipv4_address_inside_it(
    address: str, reason: str | None
) -> None:
    assert refused_reason(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("port", [22, 25, 6379, 9200, 65535])
async def test_a_public_name_on_a_service_port_is_refused_without_connecting(
    site: WebServer, port: int
) -> None:
    fetcher, network = guarded(site)
    with pytest.raises(LinkError) as caught:
        await fetcher.fetch(f"http://bao.example.vn:{port}{NATIONAL}")
    assert caught.value.key == "link_port"
    assert network.dialled == []
    for lang in ("vi", "en"):
        told = text(lang, "link_port", **caught.value.values)
        assert str(port) in told and "bao.example.vn" in told


@pytest.mark.parametrize("port", [80, 8080])  # 443 and 8443: tests/bot/test_links_tls.py
async def test_the_web_ports_are_fetched(site: WebServer, port: int) -> None:
    fetcher, network = guarded(site)
    page = await fetcher.fetch(f"http://bao.example.vn:{port}{NATIONAL}")
    assert "Đặng Quốc Thành" in page.text
    assert network.dialled == [(PUBLIC, port)]


async def test_any_port_when_private_addresses_are_allowed(site: WebServer) -> None:
    page = await Fetcher(FetchLimits(allow_private=True)).fetch(site.url(NATIONAL))
    assert site.port not in (80, 443, 8080, 8443)
    assert "Đặng Quốc Thành" in page.text


async def test_a_redirect_to_a_service_port_is_refused_without_connecting(
    site: WebServer,
) -> None:
    site.routes["/chuyen-cong.html"] = redirect(f"http://bao.example.vn:6379{NATIONAL}")
    fetcher, network = guarded(site)
    with pytest.raises(LinkError) as caught:
        await fetcher.fetch("http://bao.example.vn/chuyen-cong.html")
    assert caught.value.key == "link_port"
    assert network.dialled == [(PUBLIC, 80)]
