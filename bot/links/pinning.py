"""An httpx transport that connects only to addresses the guard has checked (no DNS rebinding).

httpx keeps the host name in the URL, so the Host header and TLS SNI/certificate checks use the
name; only the TCP connection goes to the pinned address instead of a second DNS lookup.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterable

import httpcore
import httpx

from bot.links.guard import LinkError

SocketOption = (
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
)


class PinnedNetwork(httpcore.AsyncNetworkBackend):
    """Opens TCP connections to the addresses pinned for a host name, never resolving it."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._inner = inner or httpcore.AnyIOBackend()
        self._pins: dict[str, list[str]] = {}

    def pin(self, host: str, addresses: list[str]) -> None:
        """Connections to `host` go to these (checked) addresses, tried in order."""
        self._pins[host.lower()] = list(addresses)

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """A stream to the first pinned address of `host` that answers."""
        addresses = self._pins.get(host.lower())
        if not addresses:
            # Unreachable by construction (every hop is pinned first); refuse rather than resolve.
            raise LinkError("link_blocked", host=host, reason="not checked")
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout, OSError) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Never: a page fetch only uses TCP."""
        raise httpcore.ConnectError("unix sockets are not used for pages")

    async def sleep(self, seconds: float) -> None:
        """Delegated to the real backend."""
        await self._inner.sleep(seconds)


class PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport over a connection pool that dials through a PinnedNetwork."""

    def __init__(self, network: PinnedNetwork, ssl_context: ssl.SSLContext) -> None:
        super().__init__(verify=ssl_context, trust_env=False)
        # httpx builds its pool without a network-backend argument; the pool it wraps
        # accepts one, so the pool is replaced by an identical one that dials via `network`.
        # Connections are pooled by host name, so one never serves another name's request.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context, max_connections=4, network_backend=network
        )
