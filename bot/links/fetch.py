"""Downloading a page with httpx: http(s) only, checked hops, timeouts and a size cap."""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass

import httpcore
import httpx

from bot.links.decode import charset_of, decode_page
from bot.links.guard import Guard, LinkError
from bot.links.pinning import PinnedNetwork, PinnedTransport
from bot.links.resolve import Resolver, SystemResolver
from bot.settings import Settings

MAX_REDIRECTS = 5
REDIRECTS = frozenset((301, 302, 303, 307, 308))
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Safari/537.36 TomTatBot/0.1 (Vietnamese news digests)"
)
HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
    "Accept-Language": "vi,en;q=0.5",
}
TEXT_TYPES = frozenset(("text/html", "application/xhtml+xml", "text/plain"))


@dataclass(frozen=True)
class FetchLimits:
    """How far a fetch may go."""

    max_bytes: int = 5_000_000
    connect_s: float = 5.0
    total_s: float = 20.0
    allow_private: bool = False

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchLimits:
        """The limits configured for the bot."""
        return cls(settings.max_page_bytes, settings.fetch_connect_timeout_s,
                   settings.fetch_timeout_s, settings.fetch_allow_private)


@dataclass(frozen=True)
class Page:
    """A downloaded page: where it ended up, its media type and its text."""

    url: str
    media_type: str
    text: str


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _check_status(response: httpx.Response) -> None:
    status = response.status_code
    if status in (404, 410):
        raise LinkError("link_not_found", status=status)
    if status in (401, 402, 403, 407, 451):
        raise LinkError("link_paywall")
    if not 200 <= status < 300:
        raise LinkError("link_unavailable", status=status)


def _check_type(media_type: str) -> None:
    if media_type and media_type not in TEXT_TYPES:
        kind = "PDF" if media_type == "application/pdf" else media_type.split("/")[0]
        raise LinkError("link_not_html", kind=kind if kind != "application" else media_type)


class Fetcher:
    """Fetches pages; each fetch has its own connection pool whose addresses the guard pinned."""

    def __init__(
        self, limits: FetchLimits, resolver: Resolver | None = None,
        network: httpcore.AsyncNetworkBackend | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self._limits = limits
        self._guard = Guard(resolver or SystemResolver(), limits.allow_private)
        self._network = network  # tests dial through a fake; None: real sockets
        # The CA bundle is loaded once, not per fetch (tests pass one trusting their own CA).
        self._ssl = ssl_context or httpx.create_ssl_context()

    async def fetch(self, url: str) -> Page:
        """The page at `url`, redirects followed by hand; LinkError for every failure."""
        try:
            async with asyncio.timeout(self._limits.total_s):
                return await self._fetch(url)
        except TimeoutError as exc:
            raise LinkError("link_timeout", seconds=round(self._limits.total_s)) from exc
        except httpx.TimeoutException as exc:
            raise LinkError("link_timeout", seconds=round(self._limits.connect_s)) from exc
        except httpx.TransportError as exc:  # refused, reset, or hung up mid-answer
            raise LinkError("link_unreachable", host=_hop_host(exc, url)) from exc
        except httpx.HTTPError as exc:  # a body that cannot be decoded (bad gzip, …)
            raise LinkError("link_broken") from exc
        except httpx.InvalidURL as exc:  # the link, or a redirect's Location, is malformed
            raise LinkError("link_invalid") from exc

    async def _fetch(self, url: str) -> Page:
        network = PinnedNetwork(self._network)
        timeout = httpx.Timeout(self._limits.total_s, connect=self._limits.connect_s)
        async with httpx.AsyncClient(
            transport=PinnedTransport(network, self._ssl), headers=HEADERS, timeout=timeout,
            follow_redirects=False, trust_env=False,
        ) as client:
            seen: list[str] = []
            target = httpx.URL(url)
            while True:
                await self._pin(network, target)
                seen.append(str(target))
                async with client.stream("GET", target) as response:
                    if response.status_code not in REDIRECTS:
                        return await self._read(response, target)
                    location = response.headers.get("location")
                if not location:
                    raise LinkError("link_unavailable", status=response.status_code)
                target = target.join(location)
                if str(target) in seen or len(seen) > MAX_REDIRECTS:
                    raise LinkError("link_redirects", limit=MAX_REDIRECTS)

    async def _pin(self, network: PinnedNetwork, target: httpx.URL) -> None:
        """Check the scheme and every address of the host; connections may only go there."""
        if target.scheme not in ("http", "https"):
            raise LinkError("link_scheme", scheme=target.scheme)
        host = target.raw_host.decode("ascii")
        port = target.port or (443 if target.scheme == "https" else 80)
        network.pin(host, await self._guard.addresses(host, port))

    async def _read(self, response: httpx.Response, target: httpx.URL) -> Page:
        _check_status(response)
        content_type = response.headers.get("content-type")
        media_type = _media_type(content_type)
        _check_type(media_type)
        limit = self._limits.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise LinkError("link_too_large", limit_mb=_mb(limit))
        body = bytearray()
        async for chunk in response.aiter_bytes():  # decompressed: a gzip bomb hits the cap too
            body += chunk
            if len(body) > limit:
                raise LinkError("link_too_large", limit_mb=_mb(limit))
        raw = bytes(body)
        if not media_type:
            media_type = "text/html" if raw.lstrip()[:1] == b"<" else "text/plain"
        if b"\x00" in raw[:4096]:
            raise LinkError("link_not_html", kind="binary")
        text = decode_page(raw, charset_of(content_type, raw))
        return Page(str(target), media_type, text)


def _hop_host(exc: httpx.TransportError, url: str) -> str:
    """The host the failed request went to (after redirects), else the link's own."""
    try:
        return exc.request.url.host
    except RuntimeError:  # raised before a request was made
        return httpx.URL(url).host


def _mb(limit: int) -> str:
    return f"{limit / 1_000_000:g}"
